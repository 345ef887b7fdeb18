"""Ô 6: the body, from the blocks of the parsed Markdown: paragraphs, căn cứ, parts,
articles, clauses and points, tables, and the "./." that ends the content."""

from __future__ import annotations

from drafter.body.parser import Block as BodyBlock
from drafter.body.parser import BlockKind, Span
from drafter.i18n import _
from drafter.layout.build.common import Context, placeholder_run
from drafter.layout.build.table import body_table
from drafter.layout.model import (
    Align,
    Block,
    LineRule,
    LineSpacing,
    Paragraph,
    Role,
    Run,
    Table,
)
from drafter.layout.units import ZERO, Length, pt

END_MARK = "./."
# Stands for the letter's empty content in its rendered template when the preview shows
# placeholders (a private-use character: nothing a user types or a template holds).
BODY_PLACEHOLDER = "\ue000"
# Stands for a required field left empty where the template prints it: the preview shows
# the blank as the forms of the standard do, in grey dots ("Tới dự ……."), not "Tới dự .".
FIELD_PLACEHOLDER = "\ue001"
FIELD_BLANK = "……"


TABLE_SPACE = pt(6)  # at least this much above and below a table in the body
# "Phần I" / "Chương I" / "Mục 1": each level of a quy chế has its role (and its
# outline level in Word's Navigation Pane).
_PART_ROLES = {
    "Phần": Role.PART_LABEL,
    "Chương": Role.CHAPTER_LABEL,
    "Mục": Role.DIVISION_LABEL,
    "Tiểu": Role.DIVISION_LABEL,
}


def body_paragraph(
    ctx: Context,
    spans: list[Span],
    *,
    align: Align = Align.JUSTIFY,
    indent: bool = True,
    bold: bool = False,
    italic: bool = False,
    label: str = "",
    role: Role = Role.BODY,
) -> Paragraph:
    size = ctx.body_size
    settings = ctx.settings
    runs = [Run(label + (" " if spans else ""), size, bold=True, italic=italic)] if label else []
    for span in spans:
        # Split at the preview's field placeholders: the blanks are grey.
        for index, part in enumerate(span.text.split(FIELD_PLACEHOLDER)):
            if index:
                runs.append(placeholder_run(FIELD_BLANK, size))
            if part:
                runs.append(
                    Run(
                        part,
                        size,
                        bold=bold or span.bold,
                        italic=italic or span.italic,
                        underline=span.underline,
                    )
                )
    return Paragraph(
        runs or [Run("", size)],
        align=align,
        first_line=Length.from_mm(settings.first_line_indent_cm * 10) if indent else ZERO,
        space_before=pt(settings.paragraph_space_pt),
        line_spacing=LineSpacing(LineRule.MULTIPLE, settings.line_spacing),
        role=role,
    )


def body_blocks(ctx: Context, blocks: list[BodyBlock]) -> list[Block]:
    add_end_mark(blocks)
    out: list[Block] = []
    for block in blocks:
        kind = block.kind
        if BODY_PLACEHOLDER in block.text:
            paragraph = body_paragraph(ctx, [])
            paragraph.runs = [placeholder_run(_("[Content]"), ctx.body_size)]
            out.append(paragraph)
        elif kind is BlockKind.TABLE:
            _set_table_apart(out)
            out.append(body_table(ctx, block))
        elif kind is BlockKind.CAN_CU:
            out.append(body_paragraph(ctx, block.spans, italic=True, role=Role.CAN_CU))
        elif kind in (BlockKind.PART_LABEL, BlockKind.PART_TITLE, BlockKind.CENTERED):
            role = (
                _PART_ROLES.get(block.text.split(" ", 1)[0], Role.PART_LABEL)
                if kind is BlockKind.PART_LABEL
                else Role(kind.value)
            )
            paragraph = body_paragraph(
                ctx, block.spans, align=Align.CENTER, indent=False, bold=block.titled, role=role
            )
            paragraph.keep_with_next = (
                kind is not BlockKind.CENTERED or block.text.rstrip().endswith(":")
            )
            out.append(paragraph)
        elif kind in (BlockKind.SECTION, BlockKind.ARTICLE, BlockKind.CLAUSE, BlockKind.POINT):
            bold_label = kind in (BlockKind.SECTION, BlockKind.ARTICLE) or block.titled
            paragraph = body_paragraph(
                ctx, block.spans, bold=block.titled, label=block.label, role=Role(kind.value)
            )
            if not bold_label:
                paragraph.runs[0] = Run(paragraph.runs[0].text, ctx.body_size)
            paragraph.keep_with_next = block.titled
            out.append(paragraph)
        else:
            out.append(body_paragraph(ctx, block.spans))
        if len(out) > 1 and isinstance(out[-2], Table) and isinstance(out[-1], Paragraph):
            out[-1].space_before = Length(max(out[-1].space_before, TABLE_SPACE))
    return out


def _set_table_apart(before: list[Block]) -> None:
    """Room above a table, and its lead-in ("… như sau:", a heading) on its page: the
    paragraph just before a table is kept with the table's first rows."""
    if before and isinstance(before[-1], Paragraph):
        lead_in = before[-1]
        lead_in.space_after = Length(max(lead_in.space_after, TABLE_SPACE))
        lead_in.keep_with_next = True


def add_end_mark(blocks: list[BodyBlock]) -> None:
    """The content ends with "./." as in every sample of Appendix III; content not
    written yet (the preview's placeholder) has no end yet."""
    for block in reversed(blocks):
        if block.kind is BlockKind.TABLE or BODY_PLACEHOLDER in block.text:
            return
        if not block.spans:
            continue
        last = block.spans[-1]
        text = last.text.rstrip()
        if text.endswith(END_MARK):
            return
        if text.endswith((";", ",", ":")):
            text = text[:-1]
        text = text.removesuffix(".") + END_MARK
        block.spans[-1] = Span(text, last.bold, last.italic, last.underline)
        return
