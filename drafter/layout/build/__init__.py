"""NĐ 30 applied: a letter and its parsed body become a :class:`Document`.

This package is the one place where the standard's numbers (sizes, weights, indents,
line lengths, positions) are applied, one module per part of the page as the layout
diagram of Appendix I divides it ("ô 3" is its box 3):

- :mod:`.header` ô 1–4 and 5b (and the copy block of Mẫu 3.1);
- :mod:`.marks` ô 10a, 10b and 11;
- :mod:`.title` ô 5a;
- :mod:`.recipients` ô 9a;
- :mod:`.body` ô 6;
- :mod:`.closing` ô 7, 8, 9b and 12;
- :mod:`.page` the page number and ô 13;
- :mod:`.appendix` Mẫu 2.1.

What differs from one type to another is read from its ``type.toml``
(:class:`~drafter.core.doctypes.DocType`), never from its id or sample number.
"""

from __future__ import annotations

from drafter.body.parser import parse_body
from drafter.core.doctypes import HeaderStyle
from drafter.layout.build.appendix import appendix_section, standalone_heading
from drafter.layout.build.body import body_blocks
from drafter.layout.build.closing import closing
from drafter.layout.build.common import Context, separate_tables
from drafter.layout.build.header import QUOC_HIEU, TIEU_NGU, copy_header, header_table
from drafter.layout.build.marks import circulation_box
from drafter.layout.build.page import footer_address, page_number_header
from drafter.layout.build.recipients import indent_dispatch_addressees, kinh_gui_block
from drafter.layout.build.title import title_block
from drafter.layout.characters import print_characters
from drafter.layout.model import Block, Document, Paragraph, Section


def build(ctx: Context, body_markdown: str) -> Document:
    """The page model of the letter *ctx* lays out, *body_markdown* its rendered body;
    with the preview's placeholders (:attr:`Context.placeholders`), each empty part
    shows a grey placeholder in its place."""
    letter, doctype = ctx.letter, ctx.doctype
    blocks: list[Block] = []
    blocks += circulation_box(ctx)
    if doctype.header is HeaderStyle.APPENDIX:
        blocks += standalone_heading(ctx)
    elif doctype.header is not HeaderStyle.COPY:
        blocks += [header_table(ctx)]
        blocks += title_block(ctx)
        blocks += kinh_gui_block(ctx)
    body = body_blocks(ctx, parse_body(body_markdown))
    if doctype.dispatch_addressees:
        indent_dispatch_addressees(ctx, body)
    blocks += body
    if doctype.header is HeaderStyle.COPY:
        # Mẫu 3.1: the copied text (a trích sao's extract) comes first, then the
        # full-width line and the copier's block under it.
        blocks += copy_header(ctx)
    if doctype.header is not HeaderStyle.APPENDIX and not ctx.issued_with_another:
        if body and isinstance(body[-1], Paragraph):
            # The signature never stands alone on a page: the last lines of the
            # content go with it.
            body[-1].keep_with_next = True
        blocks += closing(ctx)
    sections = [
        Section(
            page=ctx.page,
            blocks=separate_tables(blocks),
            header=page_number_header(ctx),
            first_footer=footer_address(ctx),
        )
    ]
    sections += [appendix_section(ctx, appendix) for appendix in letter.appendices]
    document = Document(
        sections=sections,
        title=doctype.name,
        subject=letter.subject,
        author=" ".join(letter.issuer.name),
    )
    print_characters(document)
    return document


__all__ = ["QUOC_HIEU", "TIEU_NGU", "Context", "build"]
