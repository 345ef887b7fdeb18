"""Importing and exporting the address book: bad rows reported, the rest imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from drafter.store.contacts import group_by_name, group_lines, search_contacts
from drafter.store.contacts_io import ImportFileError, export_contacts, import_contacts
from drafter.store.engine import Store

CSV = """Loại,Tên đầy đủ (Kính gửi),Tên ngắn (Nơi nhận),Thư điện tử,Nhóm
Cơ quan,Sở Tài chính thành phố Hà Nội,Sở Tài chính,stc@hanoi.gov.vn,Các sở; Khối kinh tế
Cơ quan,,Thiếu tên,,
Cá nhân,Ông Nguyễn Văn An,Ông An,khong-phai-email,
Robot,Sở Xây dựng,Sở XD,,
Cơ quan,Sở Tư pháp thành phố Hà Nội,Sở Tư pháp,,Các sở

ca nhan,Bà Trần Thị Bình,Bà Bình,binh@example.vn,
"""


def test_bad_rows_are_each_reported_and_the_rest_imported(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "danh-ba.csv"
    path.write_text(CSV, encoding="utf-8")
    report = import_contacts(store, path)
    assert report.added == 3 and report.updated == 0
    assert [(p.line, p.message.split(" ")[0]) for p in report.problems] == [
        (3, "the"),
        (4, "'khong-phai-email'"),
        (5, "unknown"),
    ]
    assert "row 3" in str(report.problems[0])
    names = [c.full_name for c in search_contacts(store, limit=0)]
    assert names == [
        "Bà Trần Thị Bình",
        "Sở Tài chính thành phố Hà Nội",
        "Sở Tư pháp thành phố Hà Nội",
    ]
    group = group_by_name(store, "Các sở")
    assert group is not None
    assert group_lines(group, "noi_nhan") == ["Sở Tài chính", "Sở Tư pháp"]


def test_reimporting_updates_instead_of_duplicating(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("Tên đầy đủ,Tên ngắn\nSở Y tế thành phố,Sở Y tế\n", encoding="utf-8")
    import_contacts(store, path)
    path.write_text("Tên đầy đủ,Tên ngắn\nSở Y tế thành phố,SYT\n", encoding="utf-8")
    report = import_contacts(store, path)
    assert (report.added, report.updated) == (0, 1)
    assert [c.short_name for c in search_contacts(store, "y te")] == ["SYT"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_utf8_with_or_without_bom_and_semicolons(
    store: Store, tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("full name;short name\nSở Công Thương;SCT\n".encode(encoding))
    report = import_contacts(store, path)
    assert report.added == 1 and not report.notices
    assert search_contacts(store, "so cong thuong")[0].short_name == "SCT"


def test_a_windows_1258_file_is_read_with_a_notice(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "cu.csv"
    # Windows-1258 writes tones as combining marks after the letter.
    text = "Tên đầy đủ,Tên ngắn\nSở Tài chính tỉnh Nghệ An,Sở Tài chính\n"
    path.write_bytes(_cp1258(text))
    report = import_contacts(store, path)
    assert report.added == 1
    assert report.notices and "Windows-1258" in report.notices[0]
    (contact,) = search_contacts(store, "nghe an")
    assert contact.full_name == "Sở Tài chính tỉnh Nghệ An"  # NFC, as typed


def _cp1258(text: str) -> bytes:
    """Encode like Windows does: a letter with a tone is the letter, then the combining tone."""
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
            tone = "".join(c for c in decomposed if c in tones)
            out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def test_text_in_the_old_tcvn3_fonts_is_refused_row_by_row(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "tcvn3.csv"
    path.write_text("Tên đầy đủ\nSë Tµi chÝnh thµnh phè Hµ Néi\nSở Nội vụ\n", encoding="utf-8")
    report = import_contacts(store, path)
    assert report.added == 1
    assert report.problems[0].line == 2 and "TCVN3" in report.problems[0].message


def test_a_file_in_an_unknown_encoding_is_refused_as_a_whole(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"full name\n\x81\x8d\x8f\x90 \xff\xfe\n")
    with pytest.raises(ImportFileError, match="not UTF-8"):
        import_contacts(store, path)


def test_a_file_without_a_name_column_is_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="name the columns"):
        import_contacts(store, path)


def test_xlsx_import_and_export_round_trip(store: Store, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Loại", "Tên đầy đủ", "Tên ngắn", "Điện thoại", "Nhóm"])
    sheet.append(
        ["Cơ quan", "Ủy ban nhân dân quận Ba Đình", "UBND quận Ba Đình", 2438234567, "Các quận"]
    )
    sheet.append(["Cơ quan", None, "lỗi", None, None])
    sheet.append(
        ["Cơ quan", "Ủy ban nhân dân quận Hoàn Kiếm", "UBND quận Hoàn Kiếm", None, "Các quận"]
    )
    source = tmp_path / "in.xlsx"
    workbook.save(source)
    report = import_contacts(store, source)
    assert report.added == 2 and [p.line for p in report.problems] == [3]

    exported = tmp_path / "out.xlsx"
    assert export_contacts(store, exported) == 2
    rows = list(load_workbook(exported).worksheets[0].iter_rows(values_only=True))
    assert rows[1][1] == "Ủy ban nhân dân quận Ba Đình" and rows[1][6] == "2438234567"
    assert rows[1][9] == "Các quận"

    csv_path = tmp_path / "out.csv"
    export_contacts(store, csv_path)
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    # The exported file imports back into an empty book unchanged.
    store2_path = tmp_path / "other.sqlite3"
    from drafter.store.engine import open_store

    other = open_store(store2_path)
    again = import_contacts(other, csv_path)
    assert again.added == 2 and not again.problems
    group = group_by_name(other, "Các quận")
    assert group is not None and group_lines(group, "noi_nhan") == [
        "UBND quận Ba Đình",
        "UBND quận Hoàn Kiếm",
    ]
    other.close()
