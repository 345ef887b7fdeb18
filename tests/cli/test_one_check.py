"""One check of a letter file: file and content problems in one run, TOML syntax errors
in the user's language, every registered format for every command that writes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cli.running import drafter
from drafter.core.doctypes import default_registry
from drafter.render import formats

FOUR_PROBLEMS = """drafter = 1
type = "cong_van"
date = "31/02/2026"
colour = "red"
body = "Nội dung."
kinh_gui = ["Các phòng chuyên môn"]
[issuer]
name = ["Sở Nội vụ"]
abbreviation = "SNV"
[[signatures]]
title = "GIÁM ĐỐC"
name = "Nguyễn Văn A"
"""


def _drafter(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return drafter(*args, home=home, language="vi")


@pytest.fixture
def quyet_dinh_text() -> str:
    return default_registry().get("quyet_dinh").sample_path.read_text(encoding="utf-8")


def test_file_and_content_problems_are_printed_in_one_run(tmp_path: Path) -> None:
    letter = tmp_path / "cv.letter"
    letter.write_text(FOUR_PROBLEMS, encoding="utf-8")
    result = _drafter("render", str(letter), "-o", str(tmp_path / "cv.docx"), home=tmp_path)
    assert result.returncode == 2
    fields = [line.split(": ")[1] for line in result.stderr.splitlines()]
    # a bad date, an unknown key, two missing required parts: all four at once
    assert sorted(fields) == ["colour", "date", "place", "subject"]
    assert not (tmp_path / "cv.docx").exists()


def test_issue_prints_the_same_four_problems_and_takes_no_number(tmp_path: Path) -> None:
    letter = tmp_path / "cv.letter"
    letter.write_text(FOUR_PROBLEMS, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    result = _drafter(
        "issue", str(letter), "-o", str(tmp_path / "cv.pdf"), "--db", db, home=tmp_path
    )
    assert result.returncode == 2
    assert sorted(line.split(": ")[1] for line in result.stderr.splitlines()) == [
        "colour",
        "date",
        "place",
        "subject",
    ]


def test_tcvn3_in_a_type_field_is_flagged(tmp_path: Path, quyet_dinh_text: str) -> None:
    letter = tmp_path / "qd.letter"
    letter.write_text(
        quyet_dinh_text.replace(
            'theo_de_nghi = "Chánh Văn phòng Sở"', 'theo_de_nghi = "Ch¸nh V¨n phßng Së"'
        ),
        encoding="utf-8",
    )
    result = _drafter("render", str(letter), home=tmp_path)
    assert result.returncode == 2
    assert "fields.theo_de_nghi: " in result.stderr and "TCVN3" in result.stderr


def test_a_toml_syntax_error_is_vietnamese_with_line_and_column(tmp_path: Path) -> None:
    letter = tmp_path / "bad.letter"
    letter.write_text('drafter = 1\ntype = "cong_van\n', encoding="utf-8")
    result = _drafter("render", str(letter), home=tmp_path)
    assert result.returncode == 2
    assert "dòng 2, cột 17" in result.stderr
    assert "không phải tệp văn bản hợp lệ" in result.stderr
    assert "Illegal" not in result.stderr and "line" not in result.stderr


def test_render_format_lists_the_registered_formats(tmp_path: Path) -> None:
    for args in (("--format",), ("--format", "list")):
        result = _drafter("render", *args, home=tmp_path)
        assert result.returncode == 0, result.stderr
        assert [line.split()[0] for line in result.stdout.splitlines()] == formats.names()


def test_render_format_chooses_the_writer(tmp_path: Path, quyet_dinh_text: str) -> None:
    letter = tmp_path / "qd.letter"
    letter.write_text(quyet_dinh_text, encoding="utf-8")
    result = _drafter("render", str(letter), "--format", "pdf", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "qd.pdf").read_bytes().startswith(b"%PDF-")


def test_an_unknown_format_is_refused_clearly(tmp_path: Path, quyet_dinh_text: str) -> None:
    letter = tmp_path / "qd.letter"
    letter.write_text(quyet_dinh_text, encoding="utf-8")
    result = _drafter("render", str(letter), "--format", "odt", home=tmp_path)
    assert result.returncode == 2
    assert "odt" in result.stderr and "docx, pdf" in result.stderr


def test_issue_writes_a_real_pdf_or_refuses_before_numbering(
    tmp_path: Path, quyet_dinh_text: str
) -> None:
    letter = tmp_path / "qd.letter"
    letter.write_text(quyet_dinh_text, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    refused = _drafter(
        "issue", str(letter), "-o", str(tmp_path / "qd.odt"), "--db", db, home=tmp_path
    )
    assert refused.returncode == 2 and ".odt" in refused.stderr
    issued = _drafter(
        "issue", str(letter), "-o", str(tmp_path / "qd.pdf"), "--db", db, home=tmp_path
    )
    assert issued.returncode == 0, issued.stderr
    assert (tmp_path / "qd.pdf").read_bytes().startswith(b"%PDF-")
    assert "01/QĐ-" in issued.stdout  # the refused request used no number
