"""What every page carries outside the text: the page number in the top margin from
page 2 on, and ô 13 (address, phone, fax, e-mail, website) at the foot of page 1."""

from __future__ import annotations

from drafter.layout.build.common import RULE_WIDTH, Context
from drafter.layout.model import Align, Block, Border, FieldCode, Paragraph, Role, Run
from drafter.layout.units import pt

FOOTER_SIZE = pt(11)  # ô 13


def page_number_header(ctx: Context) -> list[Block]:
    """Page numbers: centred in the top margin, body size, from page 2 on."""
    return [
        Paragraph(
            [Run("", ctx.body_size, field=FieldCode.PAGE)],
            align=Align.CENTER,
            role=Role.PAGE_NUMBER,
        )
    ]


def footer_address(ctx: Context) -> list[Block]:
    """Ô 13 on page 1 only, under a line across the whole text width."""
    issuer = ctx.letter.issuer
    parts = [
        ("Địa chỉ: ", issuer.address),
        ("ĐT: ", issuer.phone),
        ("Fax: ", issuer.fax),
        ("E-Mail: ", issuer.email),
        ("Website: ", issuer.website),
    ]
    text = "; ".join(f"{label}{value}" for label, value in parts if value)
    if not text:
        return []
    return [
        Paragraph(
            [Run(text, FOOTER_SIZE)],
            align=Align.CENTER,
            border_top=Border(RULE_WIDTH, pt(1)),
            role=Role.FOOTER_ADDRESS,
        )
    ]
