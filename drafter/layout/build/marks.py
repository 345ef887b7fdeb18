"""Ô 10a, 10b and 11: the secrecy, urgency and circulation stamps."""

from __future__ import annotations

from drafter.core.letter import Circulation, Secrecy, Urgency
from drafter.layout import metrics
from drafter.layout.build.common import MARK_SIZE, Context, spacer, stamp
from drafter.layout.model import Align, Block, Role
from drafter.layout.units import Length, mm, pt


def circulation_box(ctx: Context) -> list[Block]:
    """Ô 11: "LƯU HÀNH NỘI BỘ", "XEM XONG TRẢ LẠI" in a box above the header, right."""
    if ctx.letter.circulation is Circulation.NONE:
        return []
    label = ctx.letter.circulation.label
    width = Length(metrics.text_width(label, MARK_SIZE, bold=True) + mm(6))
    return [stamp(label, width, Align.RIGHT, Role.CIRCULATION, Role.CIRCULATION_TEXT)]


def marks(ctx: Context) -> list[Block]:
    """Ô 10a (secrecy) then ô 10b (urgency), in the left block under the number."""
    letter = ctx.letter
    out: list[Block] = []
    if letter.secrecy is not Secrecy.NONE:
        label = letter.secrecy.label
        width = Length(metrics.text_width(label, MARK_SIZE, bold=True) + mm(6))
        out += [spacer(pt(6)), stamp(label, width, Align.CENTER, Role.SECRECY, Role.SECRECY_TEXT)]
    if letter.urgency is not Urgency.NONE:
        width = mm(letter.urgency.stamp_width_mm)
        out += [
            spacer(pt(6)),
            stamp(letter.urgency.label, width, Align.CENTER, Role.URGENCY, Role.URGENCY_TEXT),
        ]
    return out
