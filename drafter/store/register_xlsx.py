"""Exporting the outgoing register to Excel, in the column order of Appendix IV.

The sheet starts like the printed book (parent body, body, "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
year, first and last number) and then has the ten columns (1)–(10) of the form, so
that it can be printed and bound as Art. 16 requires.
"""

from __future__ import annotations

import re
from pathlib import Path

from drafter.core.vietnamese import numeric_date
from drafter.store.engine import Store
from drafter.store.models import Profile, RegisterEntry
from drafter.store.register import CANCELLED, RESERVED
from drafter.store.register_book import Book, write_books
from drafter.store.register_query import RegisterFilter, search
from drafter.store.text import split_lines

# Appendix IV, Sổ đăng ký văn bản đi: the columns in their order, with widths in characters.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("Số, ký hiệu văn bản", 18),
    ("Ngày tháng văn bản", 12),
    ("Tên loại và trích yếu nội dung văn bản", 50),
    ("Người ký", 20),
    ("Nơi nhận văn bản", 35),
    ("Đơn vị, người nhận bản lưu", 18),
    ("Số lượng bản", 8),
    ("Ngày chuyển", 12),
    ("Ký nhận", 12),
    ("Ghi chú", 25),
)


_ABOUT = re.compile(r"^(?:v/v\.?|về việc)\s*", re.IGNORECASE)


def register_title(type_name: str | None, subject: str | None) -> str:
    """Column (3), the type's name and the summary as one phrase: "Quyết định" and
    "Về việc khen thưởng" make "Quyết định về việc khen thưởng", "Công văn" and "V/v
    báo cáo" make "Công văn về việc báo cáo", "Quyết định" and "Ban hành Quy chế" make
    "Quyết định ban hành Quy chế"; a summary that starts with a name ("Hà Nội…",
    "UBND…") keeps its capitals."""
    subject = (subject or "").strip()
    if not type_name:
        return subject
    about = _ABOUT.match(subject)
    if about:
        subject = "về việc " + subject[about.end() :]
    elif subject and _starts_a_phrase(subject):
        subject = subject[0].lower() + subject[1:]
    return f"{type_name} {subject}".strip()


def _starts_a_phrase(text: str) -> bool:
    """The first letter is a capital only because the summary starts there: the first
    word is not an abbreviation and the next word is in lower case."""
    words = text.split()
    first = words[0]
    if (
        (first.isupper() and len(first) > 1)
        or not first[0].isupper()
        or any(ch.isupper() or ch.isdigit() for ch in first[1:])
    ):
        return False
    return len(words) == 1 or words[1][0].islower()


def entry_row(entry: RegisterEntry) -> list[object]:
    """The ten cells of one register line."""
    title = register_title(entry.type_name, entry.subject)
    note = entry.note
    if entry.status == CANCELLED:
        note = f"Đã hủy: {note}" if note else "Đã hủy"
    elif entry.status == RESERVED:
        note = f"Giữ số: {note}" if note else "Giữ số"
    return [
        entry.number_symbol,
        numeric_date(entry.doc_date),
        title,
        entry.signer,
        "\n".join(split_lines(entry.recipients)),
        entry.archive,
        entry.copies if entry.copies is not None else "",
        numeric_date(entry.transfer_date),
        entry.receipt,
        note,
    ]


def export_register(
    store: Store, path: Path, where: RegisterFilter | None = None, profile: Profile | None = None
) -> int:
    """Write the matching entries in book order to *path* (.xlsx); return how many."""
    where = where or RegisterFilter()
    entries = search(store, where, limit=0, newest_first=False)
    book = Book(
        tab="Sổ văn bản đi",
        title="SỔ ĐĂNG KÝ VĂN BẢN ĐI",
        columns=COLUMNS,
        rows=[entry_row(entry) for entry in entries],
        year=where.year,
        numbers=[entry.number for entry in entries],
        profile=profile,
    )
    write_books(path, [book])
    return len(entries)
