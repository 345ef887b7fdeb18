"""The incoming register and its tracking register as an Excel workbook (Appendix IV).

Sheet 1 is the sổ đăng ký văn bản đến with its ten columns; sheet 2 the sổ theo dõi giải
quyết văn bản đến.  Each starts like the printed book, so that it can be printed and bound.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from drafter.core.vietnamese import numeric_date
from drafter.store.engine import Store
from drafter.store.incoming import IncomingEntry, search_arrivals
from drafter.store.register_book import Book, write_books
from drafter.store.register_xlsx import register_title

if TYPE_CHECKING:
    from drafter.store.models import Profile

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


def register_row(entry: IncomingEntry) -> list[object]:
    title = register_title(entry.type_name, entry.subject)
    return [
        numeric_date(entry.received_date),
        entry.arrival,
        entry.author,
        entry.number_symbol,
        numeric_date(entry.doc_date),
        title,
        entry.recipient_unit,
        numeric_date(entry.transfer_date),
        entry.receipt,
        entry.note,
    ]


def tracking_row(entry: IncomingEntry) -> list[object]:
    described = ", ".join(
        part
        for part in (
            entry.author,
            entry.number_symbol,
            numeric_date(entry.doc_date),
            register_title(entry.type_name, entry.subject),
        )
        if part
    )
    return [
        entry.arrival,
        numeric_date(entry.received_date),
        described,
        entry.recipient_unit,
        numeric_date(entry.due_date),
        entry.progress,
        entry.answer_symbol,
    ]


def export_incoming(
    store: Store, path: Path, *, year: int | None = None, profile: Profile | None = None
) -> int:
    """Write both registers to *path* (.xlsx); return how many entries."""
    entries = search_arrivals(store, year=year)
    numbers = [entry.number for entry in entries]
    books = (
        Book(
            "Sổ đăng ký văn bản đến",
            "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN",
            REGISTER_COLUMNS,
            [register_row(entry) for entry in entries],
            year,
            numbers,
            profile,
        ),
        Book(
            "Sổ theo dõi giải quyết",
            "SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN",
            TRACKING_COLUMNS,
            [tracking_row(entry) for entry in entries],
            year,
            numbers,
            profile,
        ),
    )
    write_books(path, books)
    return len(entries)
