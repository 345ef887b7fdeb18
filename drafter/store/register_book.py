"""A register as an Excel workbook laid out like the printed book of Appendix IV, so that
it can be printed and bound (Art. 16, Art. 22): the issuing body's name above the book's
title, the year and the range of numbers, then the columns with their numbers (1), (2)…
and one line per entry, all in Times New Roman 12, wrapped, aligned to the top.

The outgoing register (:mod:`drafter.store.register_xlsx`) and the incoming register and
its tracking register (:mod:`drafter.store.incoming_xlsx`) are written by this one
function, so the books look alike.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.core.atomic import write_bytes_atomic
from drafter.core.vietnamese import pad_number
from drafter.store.text import split_lines

if TYPE_CHECKING:
    from drafter.store.models import Profile

# A column: its heading and its width in characters.
Column = tuple[str, int]


@dataclass(frozen=True)
class Book:
    """One sheet of the workbook: a register book."""

    tab: str  # the sheet's name
    title: str  # the book's title, in capitals ("SỔ ĐĂNG KÝ VĂN BẢN ĐI")
    columns: Sequence[Column]
    rows: Sequence[Sequence[object]]
    year: int | None = None
    numbers: Sequence[int] = ()  # the entries' numbers, for "Từ số … đến số …"
    profile: Profile | None = None  # the issuing body named above the title


def heading(book: Book) -> list[tuple[str, bool]]:
    """The lines above the table, each with whether it is bold."""
    lines: list[tuple[str, bool]] = []
    if book.profile is not None:
        lines += [(line, False) for line in split_lines(book.profile.parent)]
        lines += [(line, True) for line in split_lines(book.profile.name)]
    lines.append((book.title, True))
    if book.year is not None:
        lines.append((f"Năm: {book.year}", False))
    if book.numbers:
        first, last = pad_number(min(book.numbers)), pad_number(max(book.numbers))
        lines.append((f"Từ số {first} đến số {last}", False))
    return lines


# The book's looks, each a named cell style of the workbook (Times New Roman 12, wrapped,
# aligned to the top): (bold, italic, centred).  Named once, a style is given to each cell
# by name: a new font and alignment per cell made a 100,000-line register slow to write.
TEXT, BOLD, COLUMN_TITLE, COLUMN_NUMBER = "Sổ - chữ", "Sổ - chữ đậm", "Sổ - tên cột", "Sổ - số cột"
_LOOKS = {
    TEXT: (False, False, False),
    BOLD: (True, False, False),
    COLUMN_TITLE: (True, False, True),
    COLUMN_NUMBER: (False, True, True),
}


def write_books(path: Path, books: Iterable[Book]) -> None:
    """Write *books*, one sheet each, to the .xlsx file *path* (atomically)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, NamedStyle
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    for name, (bold, italic, center) in _LOOKS.items():
        workbook.add_named_style(
            NamedStyle(
                name=name,
                font=Font(name="Times New Roman", size=12, bold=bold, italic=italic),
                alignment=Alignment(
                    wrap_text=True, vertical="top", horizontal="center" if center else None
                ),
            )
        )

    for book in books:
        sheet = workbook.create_sheet(book.tab)
        for index, (_title, width) in enumerate(book.columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        for line, bold in heading(book):
            sheet.append(_cells(sheet, [line], BOLD if bold else TEXT))
        sheet.append([])
        sheet.append(_cells(sheet, [title for title, _width in book.columns], COLUMN_TITLE))
        sheet.append(
            _cells(sheet, [f"({n})" for n in range(1, len(book.columns) + 1)], COLUMN_NUMBER)
        )
        for row in book.rows:
            sheet.append(_cells(sheet, row, TEXT))
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_bytes_atomic(Path(path), buffer.getvalue())


def _cells(sheet: Any, values: Iterable[object], style: str) -> list[Any]:
    """One row's cells of *values*, each in the named *style*."""
    from openpyxl.cell import WriteOnlyCell

    out = []
    for value in values:
        cell = WriteOnlyCell(sheet, value=value)
        cell.style = style
        out.append(cell)
    return out
