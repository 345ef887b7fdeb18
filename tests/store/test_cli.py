"""``drafter issue``, ``drafter register …``, ``drafter contacts …`` and ``drafter mailmerge``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from drafter.cli import main
from drafter.core import letterfile
from drafter.store.engine import open_store
from drafter.store.register_query import search
from tests.sample_letters import cong_van


@pytest.fixture
def draft_file(tmp_path: Path) -> Path:
    path = tmp_path / "cv.letter"
    letterfile.save(cong_van(number=None), path)
    return path


def first_table_text(path: Path) -> str:
    return "\n".join(
        cell.text for row in docx.Document(str(path)).tables[0].rows for cell in row.cells
    )


def test_issue_writes_the_numbered_docx_and_records_it(
    store_url: str, draft_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cv.docx"
    assert main(["issue", str(draft_file), "-o", str(out), "--db", store_url]) == 0
    assert "Số: 01/SGDĐT-VP" in first_table_text(out)
    # The file now carries the document's id, every other line as it was.
    document_id = letterfile.load(draft_file)[0].document_id
    assert len(document_id) == 32
    assert letterfile.load(draft_file)[0].number is None
    capsys.readouterr()
    # The same file again: the number it has is shown, no second number is taken.
    again = ["issue", str(draft_file), "-o", str(tmp_path / "2.docx"), "--db", store_url]
    assert main([*again, "--save-letter"]) == 2
    assert "01/SGDĐT-VP" in capsys.readouterr().err
    assert not (tmp_path / "2.docx").exists()
    store = open_store(store_url)
    assert [e.number_symbol for e in search(store)] == ["01/SGDĐT-VP"]
    store.close()
    # Cấp lại, asked for explicitly: 01 is cancelled (and says why), 02 takes its place.
    assert main([*again, "--save-letter", "--reissue"]) == 0
    assert "02/SGDĐT-VP" in capsys.readouterr().out
    saved = letterfile.load(draft_file)[0]
    assert (saved.number, saved.document_id) == (2, document_id)
    assert main(["issue", str(draft_file), "-o", str(tmp_path / "3.docx"), "--db", store_url]) == 2
    assert "02/SGDĐT-VP" in capsys.readouterr().err
    store = open_store(store_url)
    entries = search(store)
    assert [(e.number_symbol, e.status) for e in entries] == [
        ("02/SGDĐT-VP", "issued"),
        ("01/SGDĐT-VP", "cancelled"),
    ]
    assert "02/SGDĐT-VP" in entries[1].note
    assert {e.document_id for e in entries} == {document_id}
    store.close()


def test_a_numbered_file_without_document_id_is_refused(
    store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "numbered.letter"
    letterfile.save(cong_van(number=7), path)
    assert main(["issue", str(path), "-o", str(tmp_path / "x.docx"), "--db", store_url]) == 2
    assert "already has number 07" in capsys.readouterr().err


def test_the_database_comes_from_drafter_db(
    draft_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "shared.sqlite3"
    monkeypatch.setenv("DRAFTER_DB", str(database))
    assert main(["issue", str(draft_file), "-o", str(tmp_path / "x.docx")]) == 0
    store = open_store(database)
    assert len(search(store)) == 1
    store.close()


def test_an_invalid_letter_takes_no_number(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "bad.letter"
    path.write_text('drafter = 1\ntype = "cong_van"\n', encoding="utf-8")
    assert main(["issue", str(path), "-o", str(tmp_path / "x.docx")]) == 2
    assert "kinh_gui" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()
    store = open_store()  # the default database, in this test's own DRAFTER_HOME
    assert search(store) == []
    store.close()


def test_register_export_writes_appendix_iv_columns(
    store_url: str, draft_file: Path, tmp_path: Path
) -> None:
    main(["issue", str(draft_file), "-o", str(tmp_path / "a.docx"), "--db", store_url])
    out = tmp_path / "so.xlsx"
    assert main(["register", "export", "-o", str(out), "--year", "2026", "--db", store_url]) == 0
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    header = next(r for r in rows if r[0] == "Số, ký hiệu văn bản")
    assert header == (
        "Số, ký hiệu văn bản",
        "Ngày tháng văn bản",
        "Tên loại và trích yếu nội dung văn bản",
        "Người ký",
        "Nơi nhận văn bản",
        "Đơn vị, người nhận bản lưu",
        "Số lượng bản",
        "Ngày chuyển",
        "Ký nhận",
        "Ghi chú",
    )
    assert rows[-1][:4] == (
        "01/SGDĐT-VP",
        "05/03/2026",
        # The register reads "Công văn về việc …", not "Công văn V/v …".
        "Công văn về việc tăng cường công tác phòng, chống dịch bệnh trong trường học",
        "Nguyễn Văn An",
    )
    assert main(["register", "export", "-o", str(out), "--year", "2025", "--db", store_url]) == 0
    assert not any(
        r[0] == "01/SGDĐT-VP" for r in load_workbook(out).active.iter_rows(values_only=True)
    )


def test_contacts_import_reports_bad_rows(
    store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c.csv"
    path.write_text("Tên đầy đủ,Tên ngắn\nSở Tài chính,STC\n,thiếu\n", encoding="utf-8-sig")
    assert main(["contacts", "import", str(path), "--db", store_url]) == 2
    captured = capsys.readouterr()
    assert "row 3" in captured.err and "1 added" in captured.out
    assert main(["contacts", "search", "so tai", "--db", store_url]) == 0
    assert "Sở Tài chính\tSTC" in capsys.readouterr().out


def test_mailmerge_one_file_per_person_or_together(tmp_path: Path, draft_file: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("Sở Tài chính\nSở Tư pháp\n\n", encoding="utf-8")
    folder = tmp_path / "out"
    assert main(["mailmerge", str(draft_file), "--names", str(names), "-o", str(folder)]) == 0
    files = sorted(folder.iterdir())
    assert [f.name for f in files] == [
        "cong_van-01-so-tai-chinh.docx",
        "cong_van-02-so-tu-phap.docx",
    ]
    body = "\n".join(p.text for p in docx.Document(str(files[1])).paragraphs)
    assert "Kính gửi: Sở Tư pháp" in body and "Sở Tài chính" not in body
    together = tmp_path / "all.docx"
    assert (
        main(
            ["mailmerge", str(draft_file), "--names", str(names), "-o", str(together), "--together"]
        )
        == 0
    )
    document = docx.Document(str(together))
    text = "\n".join(p.text for p in document.paragraphs)
    assert text.count("Kính gửi:") == 2
    assert len(document.sections) == 2  # each copy starts on a new page


def test_the_command_module_imports_nothing_heavy() -> None:
    code = (
        "import sys, drafter.cli as c; c.build_parser(); "
        "heavy = [m for m in ('sqlalchemy', 'alembic', 'openpyxl', 'psycopg') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_sequences_are_listed_and_added(
    store_url: str, draft_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["register", "add-sequence", "cv", "--types", "cong_van", "--db", store_url]) == 0
    assert main(["register", "reserve", "--db", store_url]) == 0  # shared sequence: 01
    assert main(["issue", str(draft_file), "-o", str(tmp_path / "a.docx"), "--db", store_url]) == 0
    assert "01/SGDĐT-VP" in capsys.readouterr().out  # numbered on its own sequence
    assert main(["register", "sequences", "--year", "2026", "--db", store_url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["chung", "mat", "cv"]
    assert lines[2].endswith("2026: 1") and lines[0].endswith("2026: 1")
    assert main(["register", "add-sequence", "hd", "--profile", "Không có", "--db", store_url]) == 2
