"""The incoming register and its tracking register as an Excel workbook (Appendix IV).

Sheet 1 is the sổ đăng ký văn bản đến with its ten columns; sheet 2 the sổ theo dõi giải
quyết văn bản đến.  Each starts like the printed book, so that it can be printed and bound.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from drafter.core.atomic import write_bytes_atomic
from drafter.store.engine import Store
from drafter.store.incoming import IncomingEntry, search_arrivals

REGISTER_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Ngày đến", 12),
    ("Số đến", 8),
    ("Tác giả", 30),
    ("Số, ký hiệu", 18),
    ("Ngày tháng", 12),
    ("Tên loại và trích yếu nội dung", 50),
    ("Đơn vị hoặc người nhận", 22),
    ("Ngày chuyển", 12),
    ("Ký nhận", 12),
    ("Ghi chú", 20),
)
TRACKING_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Số đến", 8),
    ("Ngày đến", 12),
    ("Tác giả, số, ký hiệu, ngày tháng và trích yếu", 60),
    ("Đơn vị hoặc người nhận", 22),
    ("Thời hạn giải quyết", 14),
    ("Tiến độ giải quyết", 20),
    ("Số, ký hiệu văn bản trả lời", 20),
)


def _date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else ""


def register_row(entry: IncomingEntry) -> list[object]:
    title = " ".join(part for part in (entry.type_name, entry.subject) if part)
    return [
        _date(entry.received_date),
        entry.arrival,
        entry.author,
        entry.number_symbol,
        _date(entry.doc_date),
        title,
        entry.recipient_unit,
        _date(entry.transfer_date),
        entry.receipt,
        entry.note,
    ]


def tracking_row(entry: IncomingEntry) -> list[object]:
    described = ", ".join(
        part
        for part in (
            entry.author,
            entry.number_symbol,
            _date(entry.doc_date),
            " ".join(p for p in (entry.type_name, entry.subject) if p),
        )
        if part
    )
    return [
        entry.arrival,
        _date(entry.received_date),
        described,
        entry.recipient_unit,
        _date(entry.due_date),
        entry.progress,
        entry.answer_symbol,
    ]


def export_incoming(store: Store, path: Path, *, year: int | None = None) -> int:
    """Write both registers to *path* (.xlsx); return how many entries."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    entries = search_arrivals(store, year=year)
    book = Workbook()
    sheets = (
        (
            book.active,
            "Sổ đăng ký văn bản đến",
            "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN",
            REGISTER_COLUMNS,
            register_row,
        ),
        (
            book.create_sheet(),
            "Sổ theo dõi giải quyết",
            "SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN",
            TRACKING_COLUMNS,
            tracking_row,
        ),
    )
    for sheet, name, heading, columns, row_of in sheets:
        sheet.title = name
        sheet.append([heading])
        sheet["A1"].font = Font(bold=True, size=14)
        sheet.append([f"Năm: {year}" if year else ""])
        sheet.append([title for title, _width in columns])
        sheet.append([f"({i})" for i in range(1, len(columns) + 1)])
        for index, (_title, width) in enumerate(columns, start=1):
            letter = sheet.cell(row=3, column=index).column_letter
            sheet.column_dimensions[letter].width = width
            sheet.cell(row=3, column=index).font = Font(bold=True)
            sheet.cell(row=3, column=index).alignment = Alignment(
                wrap_text=True, horizontal="center"
            )
        for entry in entries:
            sheet.append(row_of(entry))
        for row in sheet.iter_rows(min_row=5):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    write_bytes_atomic(Path(path), buffer.getvalue())
    return len(entries)
