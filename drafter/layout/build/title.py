"""Ô 5a: the type name, the summary under it, and its rule line."""

from __future__ import annotations

from drafter.core.doctypes import SummaryStyle
from drafter.i18n import _
from drafter.layout.build.common import (
    Context,
    bracketed_note,
    display_text,
    para,
    placeholder,
    title_rule,
)
from drafter.layout.model import Block, Role
from drafter.layout.units import pt


def title_block(ctx: Context) -> list[Block]:
    doctype, letter = ctx.doctype, ctx.letter
    if not doctype.title:
        return []
    size = pt(ctx.settings.title_size)
    out: list[Block] = [
        para(
            doctype.printed_title,
            size,
            bold=True,
            space_before=pt(18),
            keep_with_next=True,
            role=Role.TITLE,
        )
    ]
    printed = [doctype.printed_title]
    if doctype.summary is SummaryStyle.TITLE and letter.subject:
        # Under a type name the summary is written as typed ("Về việc …" in a quyết định).
        summary = display_text(letter.subject, size, ctx.text_width, bold=True)
        out.append(para(summary, size, bold=True, keep_with_next=True, role=Role.SUMMARY))
        printed = summary.split("\n")
    elif doctype.summary is SummaryStyle.TITLE and ctx.placeholders:
        out.append(placeholder(_("[Summary]"), size, keep_with_next=True, role=Role.SUMMARY))
    if letter.attached_to:
        out.append(bracketed_note(letter.attached_to, size, Role.ATTACHED_TO))
    out.append(title_rule(printed, size, ctx, Role.SUMMARY_RULE))
    return out
