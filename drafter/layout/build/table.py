"""Tables in the body (ô 6), laid out as a văn thư lays them out in Word.

- **Column widths from the content**, measured with the real font metrics, as a
  browser's automatic table layout does: each column needs at least its widest word
  (so "STT" never wraps) and would like its longest line; the columns share the text
  width between those bounds, and the table is always as wide as the text.
- **Alignment**: the Markdown markers of the delimiter row (``:---``, ``:---:``,
  ``---:``) are honoured in the rows under the header; an unmarked column holding only
  numbers is centred when it is the row number (STT, TT) and right-aligned otherwise
  (amounts, counts); unmarked text is left-aligned.  Header cells are centred, bold,
  and centred vertically.
- **Pages**: the header row is repeated on every page the table continues on; no row
  breaks across pages (both writers keep a row whole).  Space above and below the
  table and the lead-in line kept with it are :mod:`drafter.layout.build.body`'s.
"""

from __future__ import annotations

import re

from drafter.body.parser import Block as BodyBlock
from drafter.body.parser import ColumnAlign, Span
from drafter.layout import metrics
from drafter.layout.build.common import Context
from drafter.layout.model import Align, Border, Cell, Paragraph, Role, Row, Run, Table, VAlign
from drafter.layout.units import Length, mm, pt

CELL_PADDING = mm(1.5)  # left and right, inside every cell
CELL_SPACE = pt(2)  # above and below the text of a cell
# Rounding to twips and the renderers' own arithmetic must never wrap a word that
# was measured to fit.
FIT_SLACK = mm(0.5)
RULE = pt(0.5)

# A cell that is a number: digits with the separators Vietnamese amounts use.
_NUMBER_RE = re.compile(r"^[+\-−–]?\s*[\d.,\s]*\d[\d.,\s]*%?$")
# Headers of a row-number column: centred when unmarked.
_ROW_NUMBER_HEADERS = {"stt", "tt", "số tt", "số thứ tự"}

_ALIGN = {
    ColumnAlign.LEFT: Align.LEFT,
    ColumnAlign.CENTER: Align.CENTER,
    ColumnAlign.RIGHT: Align.RIGHT,
}


def _cell_text(cell: list[Span]) -> str:
    return "".join(s.text for s in cell)


def _extent(cell: list[Span], size: Length, bold: bool) -> tuple[Length, Length]:
    """The widest word and the longest line of a cell's text, measured."""
    widest_word = 0
    lines = [0]
    for span in cell:
        face_bold, italic = bold or span.bold, span.italic
        for n, line in enumerate(span.text.split("\n")):
            if n:
                lines.append(0)
            lines[-1] += metrics.text_width(line, size, bold=face_bold, italic=italic)
            for word in line.split():
                widest_word = max(
                    widest_word, metrics.text_width(word, size, bold=face_bold, italic=italic)
                )
    return Length(widest_word), Length(max(lines))


def column_widths(block: BodyBlock, size: Length, width: Length) -> list[Length]:
    """Widths for the columns of *block* that fill *width*: a browser's automatic
    table layout (each column between its widest word and its longest line)."""
    columns = max(len(r) for r in block.rows)
    least = [0.0] * columns
    most = [0.0] * columns
    for r, row in enumerate(block.rows):
        for i, cell in enumerate(row):
            word, line = _extent(cell, size, bold=r < block.header_rows)
            least[i] = max(least[i], float(word))
            most[i] = max(most[i], float(line))
    room = float(2 * CELL_PADDING + FIT_SLACK)
    width_ = float(width)
    least = [w + room for w in least]
    most = [max(w, m + room) for w, m in zip(least, most, strict=True)]
    if sum(most) <= width_:
        # Everything fits on one line: the spare width goes to the columns of text, where
        # it is longest; a column of numbers (STT, amounts) stays as narrow as it is.
        spare = width_ - sum(most)
        text = [not _numbers_only(block, i) for i in range(columns)]
        growing = sum(m for m, t in zip(most, text, strict=True) if t) or sum(most)
        widths = [
            m + spare * m / growing if t or not any(text) else m
            for m, t in zip(most, text, strict=True)
        ]
    elif sum(least) >= width_:
        # Even the widest words do not fit: shrink in proportion (words will break).
        widths = [w * width_ / sum(least) for w in least]
    else:
        # Every column gets its widest word, and the rest in proportion to how much
        # more its longest line would like.
        share = (width_ - sum(least)) / (sum(most) - sum(least))
        widths = [w + (m - w) * share for w, m in zip(least, most, strict=True)]
    out = [Length(round(w)) for w in widths]
    out[-1] = Length(width - sum(out[:-1]))
    return out


def _numbers_only(block: BodyBlock, column: int) -> bool:
    """Whether every filled cell of *column* under the header is a number."""
    texts = [
        _cell_text(row[column]).strip()
        for row in block.rows[block.header_rows :]
        if column < len(row)
    ]
    texts = [t for t in texts if t]
    return bool(texts) and all(_NUMBER_RE.match(t) for t in texts)


def column_alignments(block: BodyBlock) -> list[Align]:
    """Each column's alignment under the header: marked, else by what it holds."""
    columns = max(len(r) for r in block.rows)
    marks = block.column_align + [ColumnAlign.NONE] * (columns - len(block.column_align))
    out = []
    for i in range(columns):
        if marks[i] is not ColumnAlign.NONE:
            out.append(_ALIGN[marks[i]])
            continue
        if _numbers_only(block, i):
            header = (
                " ".join(_cell_text(block.rows[0][i]).lower().split())
                if block.header_rows and i < len(block.rows[0])
                else ""
            )
            row_number = header in _ROW_NUMBER_HEADERS or (not header and i == 0)
            out.append(Align.CENTER if row_number else Align.RIGHT)
        else:
            out.append(Align.LEFT)
    return out


def body_table(ctx: Context, block: BodyBlock) -> Table:
    size = ctx.body_size
    widths = column_widths(block, size, ctx.text_width)
    aligns = column_alignments(block)
    rows = []
    for r, row in enumerate(block.rows):
        header = r < block.header_rows
        cells = []
        for i in range(len(widths)):
            spans = row[i] if i < len(row) else []
            runs = [
                Run(s.text, size, bold=header or s.bold, italic=s.italic, underline=s.underline)
                for s in spans
            ] or [Run("", size)]
            text = Paragraph(
                runs,
                align=Align.CENTER if header else aligns[i],
                space_before=CELL_SPACE,
                space_after=CELL_SPACE,
                role=Role.TABLE_HEADING if header else Role.TABLE_TEXT,
            )
            cells.append(Cell([text], v_align=VAlign.CENTER if header else VAlign.TOP))
        rows.append(Row(cells))
    return Table(
        columns=widths,
        rows=rows,
        borders=Border(RULE),
        cell_margin=CELL_PADDING,
        role=Role.BODY_TABLE,
        header_rows=block.header_rows,
    )
