"""drafter read: number, symbol and date exact on every kind of source; issuer and trích
yếu where the text carries them; diacritics restored for bodies the gazetteer knows."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from drafter.core.doctypes import default_registry
from drafter.incoming.gazetteer import Gazetteer, shipped
from drafter.incoming.reader import read_letter, read_text_letter
from tests.incoming.conftest import LETTERS, fixture_letter, write_docx

ROOT = Path(__file__).resolve().parents[2]


def sample_with_number(type_id: str, number: int):
    from drafter.core import letterfile

    letter, problems = letterfile.load(default_registry().get(type_id).sample_path)
    assert problems == []
    return replace(letter, number=number)


@pytest.mark.parametrize("name", ["can_tho_1913.letter", "can_tho_4199.letter"])
def test_drafter_docx_output_reads_back_exactly(tmp_path: Path, name: str) -> None:
    letter = fixture_letter(name)
    record = read_letter(write_docx(letter, tmp_path / "in.docx"))
    assert (record.number, record.symbol, record.date) == (
        letter.number,
        letter.symbol,
        letter.date,
    )
    assert record.issuer == letter.issuer.name
    assert record.issuer_prose == letter.issuer.prose_name
    assert record.subject == letter.subject
    assert record.type_id == "cong_van"
    assert record.place == letter.place
    assert record.recipients == letter.kinh_gui
    assert record.signer == letter.signatures[0].name
    assert record.authority == [*letter.signatures[0].authority, letter.signatures[0].title]
    assert record.folded == [] and record.confidence["number"] >= 0.9


@pytest.mark.parametrize(
    ("type_id", "number"),
    [("quyet_dinh", 125), ("thong_bao", 7), ("ke_hoach", 2031), ("to_trinh", 88), ("cong_van", 5)],
)
def test_samples_of_titled_types_read_back(tmp_path: Path, type_id: str, number: int) -> None:
    letter = sample_with_number(type_id, number)
    record = read_letter(write_docx(letter, tmp_path / "in.docx"))
    doctype = default_registry().get(type_id)
    from drafter.core.numbering import compose_symbol

    assert record.number == number
    assert record.symbol == (letter.symbol or compose_symbol(letter, doctype))
    assert record.date == letter.date
    assert record.type_id == type_id
    assert record.issuer == [line.upper() for line in letter.issuer.name]
    assert record.issuer_parent == [line.upper() for line in letter.issuer.parent]
    if type_id == "cong_van":
        assert record.subject == letter.subject
    else:
        assert record.subject is not None and letter.subject in record.subject


def test_plain_text_of_a_letter(tmp_path: Path) -> None:
    text = """ỦY BAN NHÂN DÂN
THÀNH PHỐ CẦN THƠ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1913/UBND-KGVX
V/v hỗ trợ tuyên truyền về Hội nghị xúc tiến đầu tư
Cần Thơ, ngày 18 tháng 5 năm 2016
Kính gửi: Ủy ban nhân dân thành phố Hà Nội
Thực hiện Kế hoạch số 45/KH-UBND ngày 02 tháng 3 năm 2016 của Ủy ban nhân dân thành phố.
"""
    path = tmp_path / "letter.txt"
    path.write_text(text, encoding="utf-8")
    record = read_letter(path)
    assert (record.number, record.symbol, record.date) == (1913, "UBND-KGVX", dt.date(2016, 5, 18))
    assert record.issuer == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ"]
    assert record.subject == "hỗ trợ tuyên truyền về Hội nghị xúc tiến đầu tư"
    assert record.recipients == ["Ủy ban nhân dân thành phố Hà Nội"]


def test_ocr_text_without_diacritics_like_the_issue() -> None:
    record = read_letter(LETTERS / "can_tho_4199_ocr.txt")
    assert (record.number, record.symbol, record.date) == (4199, "UBND-KT", dt.date(2022, 10, 20))
    # Known bodies and places get their diacritics back; the rest is shown folded.
    assert record.issuer == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ"]
    assert record.issuer_prose == "Ủy ban nhân dân thành phố Cần Thơ"
    assert record.place == "Cần Thơ"
    assert record.recipients == ["Sở Tài nguyên và Môi trường"]
    assert record.authority == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert record.subject == (
        "huy dong tham gia binh chon Giai thuong Moi truong Viet Nam nam 2022"
    )
    assert "subject" in record.folded and "signer" in record.folded
    assert "issuer" not in record.folded


@pytest.mark.parametrize(
    ("line", "number", "symbol", "date"),
    [
        ("So: 12/QD-UBND Ha Noi, ngay 05 thang 3 nam 2026", 12, "QD-UBND", dt.date(2026, 3, 5)),
        (
            "S0 : 4O7 / SGDĐT - VP   Hà Nội, ngav 1 tháng 02 narn 2025",
            407,
            "SGDĐT-VP",
            dt.date(2025, 2, 1),
        ),
        (
            "Số: 15/2024/NĐ-CP Hà Nội, ngày 12 tháng 12 năm 2024",
            15,
            "2024/NĐ-CP",
            dt.date(2024, 12, 12),
        ),
    ],
)
def test_ocr_confusions_in_the_number_and_date(
    line: str, number: int, symbol: str, date: dt.date
) -> None:
    record = read_text_letter(f"BO NOI VU\n{line}\n")
    assert (record.number, record.symbol, record.date) == (number, symbol, date)


def test_a_body_citation_is_not_taken_for_the_number() -> None:
    record = read_text_letter(
        "SỞ Y TẾ\nSố:      /SYT-VP\nHà Nội, ngày 05 tháng 3 năm 2026\n"
        "Thực hiện Công văn số 1234/UBND-KGVX ngày 02 tháng 3 năm 2026.\n"
    )
    assert record.number is None and record.symbol == "SYT-VP"


def test_gazetteer_lists_both_generations_of_provinces() -> None:
    lists = shipped()
    assert len(lists["provinces_2025"]) == 34 and len(set(lists["provinces_2025"])) == 34
    assert len(lists["provinces_before_2025"]) == 63
    assert "tỉnh Hà Giang" not in lists["provinces_2025"]
    gazetteer = Gazetteer()
    assert (
        gazetteer.restore("SO GIAO DUC VA DAO TAO TINH HA GIANG").text
        == "Sở Giáo dục và Đào tạo tỉnh Hà Giang"
    )
    assert gazetteer.restore("BO NONG NGHIEP VA MOI TRUONG").text == "Bộ Nông nghiệp và Môi trường"


def test_contacts_come_before_the_shipped_list() -> None:
    gazetteer = Gazetteer(["Trường Đại học Cần Thơ"])
    assert gazetteer.restore("TRUONG DAI HOC CAN THO").text == "Trường Đại học Cần Thơ"
    assert Gazetteer().restore("TRUONG DAI HOC CAN THO").known < 1.0


def test_legacy_tcvn3_runs_in_a_docx_are_converted(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    run = document.add_paragraph().add_run("Uû ban nh©n d©n")
    run.font.name = ".VnTime"
    document.add_paragraph("Số: 21/UBND-VP Hà Nội, ngày 05 tháng 3 năm 2026")
    document.save(tmp_path / "old.docx")
    record = read_letter(tmp_path / "old.docx")
    assert record.issuer == ["UỶ BAN NHÂN DÂN"]  # "Uû" is the old spelling of "Ủy"
    assert record.number == 21


def test_command_prints_json_with_every_key(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "drafter", "read", str(LETTERS / "can_tho_4199_ocr.txt"), "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**__import__("os").environ, "DRAFTER_HOME": str(tmp_path)},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    components = ("type", "number", "symbol", "place", "date", "issuer", "subject")
    for key in (*components, "recipients", "signer", "confidence"):
        assert key in data
    assert data["number"] == 4199 and data["date"] == "2022-10-20"
    assert all(0 <= value <= 1 for value in data["confidence"].values())
