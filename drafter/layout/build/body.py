"""Ô 6: the body, from the blocks of the parsed Markdown: paragraphs, căn cứ, parts,
articles, clauses and points, tables, and the "./." that ends the content."""

from __future__ import annotations

from drafter.body.parser import Block as BodyBlock
from drafter.body.parser import BlockKind, Span
from drafter.layout import metrics
from drafter.layout.build.common import Context
from drafter.layout.model import (
    Align,
    Block,
    Border,
    Cell,
    LineRule,
    LineSpacing,
    Paragraph,
    Role,
    Row,
    Run,
    Table,
)
from drafter.layout.units import ZERO, Length, mm, pt

END_MARK = "./."
CELL_PADDING = mm(1.5)  # inside body tables


def body_paragraph(ctx: Context, spans: list[Span], *, align: Align = Align.JUSTIFY,
                   indent: bool = True, bold: bool = False, italic: bool = False,
                   label: str = "", role: Role = Role.BODY) -> Paragraph:
    size = ctx.body_size
    settings = ctx.settings
    runs = [Run(label + (" " if spans else ""), size, bold=True, italic=italic)] \
        if label else []
    runs += [Run(s.text, size, bold=bold or s.bold, italic=italic or s.italic,
                 underline=s.underline) for s in spans]
    return Paragraph(
        runs or [Run("", size)], align=align,
        first_line=Length.from_mm(settings.first_line_indent_cm * 10) if indent else ZERO,
        space_before=pt(settings.paragraph_space_pt),
        line_spacing=LineSpacing(LineRule.MULTIPLE, settings.line_spacing), role=role)


def body_blocks(ctx: Context, blocks: list[BodyBlock]) -> list[Block]:
    add_end_mark(blocks)
    out: list[Block] = []
    for block in blocks:
        kind = block.kind
        if kind is BlockKind.TABLE:
            out.append(body_table(ctx, block))
        elif kind is BlockKind.CAN_CU:
            out.append(body_paragraph(ctx, block.spans, italic=True, role=Role.CAN_CU))
        elif kind in (BlockKind.PART_LABEL, BlockKind.PART_TITLE, BlockKind.CENTERED):
            paragraph = body_paragraph(ctx, block.spans, align=Align.CENTER, indent=False,
                                       bold=block.titled, role=Role(kind.value))
            paragraph.keep_with_next = kind is not BlockKind.CENTERED or \
                block.text.rstrip().endswith(":")
            out.append(paragraph)
        elif kind in (BlockKind.SECTION, BlockKind.ARTICLE, BlockKind.CLAUSE, BlockKind.POINT):
            bold_label = kind in (BlockKind.SECTION, BlockKind.ARTICLE) or block.titled
            paragraph = body_paragraph(ctx, block.spans, bold=block.titled, label=block.label,
                                       role=Role(kind.value))
            if not bold_label:
                paragraph.runs[0] = Run(paragraph.runs[0].text, ctx.body_size)
            paragraph.keep_with_next = block.titled
            out.append(paragraph)
        else:
            out.append(body_paragraph(ctx, block.spans))
    return out


def body_table(ctx: Context, block: BodyBlock) -> Table:
    size = ctx.body_size
    width = ctx.text_width
    columns = max(len(r) for r in block.rows)
    # Columns share the width in proportion to their longest word-wrapped content,
    # within bounds so that no column is squeezed to nothing.
    natural = [mm(15)] * columns
    for row in block.rows:
        for i, cell in enumerate(row):
            text = "".join(s.text for s in cell)
            natural[i] = max(natural[i], min(metrics.text_width(text, size), mm(90)))
    total = sum(natural)
    widths = [Length(width * n / total) for n in natural]
    widths[-1] = Length(width - sum(widths[:-1]))
    rows = []
    for r, row in enumerate(block.rows):
        header = r < block.header_rows
        cells = []
        for i in range(columns):
            spans = row[i] if i < len(row) else []
            runs = [Run(s.text, size, bold=header or s.bold, italic=s.italic)
                    for s in spans] or [Run("", size)]
            cells.append(Cell([Paragraph(runs, align=Align.CENTER if header else Align.LEFT,
                                         space_before=pt(2), space_after=pt(2))]))
        rows.append(Row(cells))
    return Table(columns=widths, rows=rows, borders=Border(pt(0.5)), cell_margin=CELL_PADDING,
                 role=Role.BODY_TABLE)


def add_end_mark(blocks: list[BodyBlock]) -> None:
    """The content ends with "./." as in every sample of Appendix III."""
    for block in reversed(blocks):
        if block.kind is BlockKind.TABLE:
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
