"""Ô 9a: "Kính gửi:" and "Đồng kính gửi:", and the addressees of a công điện (Mẫu 1.6),
which stand where a Kính gửi list puts its dashes."""

from __future__ import annotations

from drafter.core.doctypes import Presence
from drafter.layout import metrics
from drafter.layout.build.common import (
    KINH_GUI_DASH_INDENT,
    KINH_GUI_INDENT,
    Context,
    display_text,
    strip_item,
)
from drafter.layout.model import Align, Block, Paragraph, Role, Run
from drafter.layout.units import Length, pt


def kinh_gui_block(ctx: Context) -> list[Block]:
    letter = ctx.letter
    if ctx.doctype.kinh_gui is Presence.NONE or not letter.kinh_gui:
        return []
    size = ctx.body_size
    first_space = pt(12) if ctx.doctype.title else pt(18)
    out: list[Block] = []
    out += recipient_lines(
        "Kính gửi",
        letter.kinh_gui,
        size,
        first_space,
        Role.KINH_GUI,
        Role.KINH_GUI_ITEM,
        ctx.text_width,
    )
    if letter.dong_kinh_gui:
        out += recipient_lines(
            "Đồng kính gửi",
            letter.dong_kinh_gui,
            size,
            pt(6),
            Role.DONG_KINH_GUI,
            Role.DONG_KINH_GUI_ITEM,
            ctx.text_width,
        )
    return out


def recipient_lines(
    label: str,
    recipients: list[str],
    size: Length,
    space_before: Length,
    role: Role,
    item_role: Role,
    text_width: Length,
) -> list[Paragraph]:
    """Mẫu 1.5 and §4 of the standard's tables.  One recipient on the label's line, as
    written ("Kính gửi: Bộ Nội vụ"); several as "- …;" lines under the label, the last
    ending ".", their dashes 4.5 cm from the margin.  A recipient longer than its line
    breaks between phrases, never inside a name, and wraps under its own first letter."""
    indent = KINH_GUI_INDENT
    names = [strip_item(r) for r in recipients]
    if len(names) == 1:
        lead = f"{label}: "
        lead_width = metrics.text_width(lead, size)
        room = Length(text_width - indent - lead_width)
        text = display_text(names[0], size, room, balanced=False)
        return [
            Paragraph(
                [Run(lead + text, size)],
                indent_left=indent + lead_width,
                first_line=-lead_width,
                space_before=space_before,
                keep_with_next=True,
                role=role,
            )
        ]
    out = [
        Paragraph(
            [Run(f"{label}:", size)],
            indent_left=indent,
            space_before=space_before,
            keep_with_next=True,
            role=role,
        )
    ]
    dash_width = metrics.text_width("- ", size)
    room = Length(text_width - KINH_GUI_DASH_INDENT - dash_width)
    for i, name in enumerate(names):
        end = "." if i == len(names) - 1 else ";"
        text = display_text(f"{name}{end}", size, room, balanced=False)
        out.append(
            Paragraph(
                [Run(f"- {text}", size)],
                indent_left=KINH_GUI_DASH_INDENT + dash_width,
                first_line=-dash_width,
                keep_with_next=True,
                role=item_role,
            )
        )
    return out


def indent_dispatch_addressees(ctx: Context, body: list[Block]) -> None:
    """Mẫu 1.6: the "- …;" addressees under "<sender> điện:" stand in the right part
    of the page, their dashes where a Kính gửi list puts them."""
    dash_x = KINH_GUI_DASH_INDENT
    dash_width = metrics.text_width("- ", ctx.body_size)
    after_heading = False
    for block in body:
        if not isinstance(block, Paragraph):
            break
        if block.role is Role.CENTERED and block.text.rstrip().endswith("điện:"):
            after_heading = True
        elif after_heading and block.role is Role.BODY and block.text.startswith("- "):
            block.indent_left = Length(dash_x + dash_width)
            block.first_line = Length(-dash_width)
            block.align = Align.LEFT
            block.role = Role.DISPATCH_ADDRESSEE
        elif after_heading:
            break
