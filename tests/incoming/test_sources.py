"""Sources the reader meets: LibreOffice PDFs, scans, and bad input that must end in a
sentence or a partial result marked as such — never a traceback."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.incoming.errors import ReadError
from drafter.incoming.reader import read_letter
from tests.incoming.conftest import LETTERS, fixture_letter, write_docx

ROOT = Path(__file__).resolve().parents[2]


def _drafter(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "drafter", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        env={**os.environ, "DRAFTER_HOME": str(home), "DRAFTER_LANG": "en"},
    )


def _pdf_of(docx: Path) -> Path:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)],
        capture_output=True,
        check=True,
        timeout=180,
        env={**os.environ, "HOME": str(docx.parent)},
    )
    return docx.with_suffix(".pdf")


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", ["can_tho_1913.letter", "can_tho_4199.letter"])
def test_libreoffice_pdf_reads_back_exactly(tmp_path: Path, name: str) -> None:
    letter = fixture_letter(name)
    record = read_letter(_pdf_of(write_docx(letter, tmp_path / "in.docx")))
    assert record.kind == "pdf"
    assert (record.number, record.symbol, record.date) == (
        letter.number,
        letter.symbol,
        letter.date,
    )
    assert record.issuer == letter.issuer.name
    assert record.subject == letter.subject
    assert record.recipients == letter.kinh_gui
    assert record.signer == letter.signatures[0].name


def _image_of_text(lines: list[str], path: Path) -> Path:
    from PIL import Image, ImageDraw, ImageFont

    from drafter.fonts import resolve

    font_path = resolve().path(False, False)
    font = ImageFont.truetype(str(font_path), 34) if font_path else ImageFont.load_default()
    image = Image.new("L", (1700, 120 + 60 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((60, 60 + 60 * index), line, fill=0, font=font)
    image.save(path)
    return path


@pytest.mark.skipif(
    shutil.which("tesseract") is None and os.environ.get("CI") != "true",
    reason="Tesseract is not installed (make setup and CI install it)",
)
def test_a_scan_is_read_through_tesseract(tmp_path: Path) -> None:
    scan = _image_of_text(
        [
            "ỦY BAN NHÂN DÂN",
            "THÀNH PHỐ CẦN THƠ",
            "Số: 4199/UBND-KT        Cần Thơ, ngày 20 tháng 10 năm 2022",
            "V/v huy động tham gia bình chọn",
        ],
        tmp_path / "scan.png",
    )
    record = read_letter(scan)
    assert record.kind == "ocr"
    assert (record.number, record.symbol, record.date) == (4199, "UBND-KT", dt.date(2022, 10, 20))


@pytest.mark.skipif(
    shutil.which("tesseract") is None and os.environ.get("CI") != "true",
    reason="Tesseract is not installed (make setup and CI install it)",
)
@pytest.mark.parametrize("mode", ["L", "1"])  # a JPEG scan and a black-and-white one
def test_a_scanned_pdf_is_read_through_tesseract(tmp_path: Path, mode: str) -> None:
    from PIL import Image

    scan = _image_of_text(
        [
            "ỦY BAN NHÂN DÂN",
            "THÀNH PHỐ CẦN THƠ",
            "Số: 4199/UBND-KT        Cần Thơ, ngày 20 tháng 10 năm 2022",
        ],
        tmp_path / "scan.png",
    )
    Image.open(scan).convert(mode).save(tmp_path / "scan.pdf", resolution=200)
    record = read_letter(tmp_path / "scan.pdf")
    assert (record.kind, record.pages) == ("ocr", 1)
    assert (record.number, record.symbol, record.date) == (4199, "UBND-KT", dt.date(2022, 10, 20))


def test_an_image_without_text_is_named(tmp_path: Path) -> None:
    from PIL import Image

    Image.new("L", (800, 600), 255).save(tmp_path / "blank.png")
    if shutil.which("tesseract") is None:
        with pytest.raises(ReadError, match="Tesseract"):
            read_letter(tmp_path / "blank.png")
        return
    with pytest.raises(ReadError, match="no text was found"):
        read_letter(tmp_path / "blank.png")


def test_a_corrupt_docx_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04" + os.urandom(2000))
    with pytest.raises(ReadError, match=r"not a Word \.docx file or is damaged"):
        read_letter(bad)
    result = _drafter("read", str(bad), home=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "damaged" in result.stderr


def test_an_encrypted_pdf_is_named(tmp_path: Path) -> None:
    import pymupdf  # a test tool (AGPL): the product reads PDFs with pdfminer.six

    document = pymupdf.open()
    document.new_page(width=595, height=842).insert_text((60, 80), "So: 1913/UBND-KGVX")
    document.save(
        tmp_path / "locked.pdf",
        encryption=pymupdf.PDF_ENCRYPT_AES_256,
        user_pw="secret",
        owner_pw="secret",
    )
    with pytest.raises(ReadError, match="protected by a password"):
        read_letter(tmp_path / "locked.pdf")
    result = _drafter("incoming", "add", str(tmp_path / "locked.pdf"), home=tmp_path)
    assert result.returncode == 2 and "password" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_200_page_pdf_gives_a_partial_result_marked_as_such(tmp_path: Path) -> None:
    import pymupdf

    one = pymupdf.open(_one_page_pdf(tmp_path, fixture_letter("can_tho_1913.letter")))
    document = pymupdf.open()
    for _ in range(200):
        document.insert_pdf(one)
    document.save(tmp_path / "long.pdf")
    record = read_letter(tmp_path / "long.pdf")
    assert record.pages == 200 and "200" in record.partial
    assert (record.number, record.symbol) == (1913, "UBND-KGVX")


def _one_page_pdf(tmp_path: Path, letter: object) -> Path:
    """A text PDF of the letter's header without LibreOffice, in Helvetica (no diacritics)."""
    import pymupdf

    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    lines = [
        "UY BAN NHAN DAN",
        "THANH PHO CAN THO",
        "So: 1913/UBND-KGVX",
        "Can Tho, ngay 18 thang 5 nam 2016",
    ]
    for index, line in enumerate(lines):
        page.insert_text((60, 62 + 14 * index), line, fontname="helv", fontsize=12)
    path = tmp_path / "one.pdf"
    document.save(path)
    return path


def _page_text(path: Path) -> str:
    from drafter.incoming.pdf_text import PdfText

    return PdfText(path).text(0)


def test_registering_the_same_file_twice_is_refused(tmp_path: Path) -> None:
    source = LETTERS / "can_tho_4199_ocr.txt"
    first = _drafter(
        "incoming",
        "add",
        str(source),
        "--received",
        "2022-10-21",
        "--to",
        "Phòng KT",
        home=tmp_path,
    )
    assert first.returncode == 0, first.stderr
    assert "Arrival number 01 (2022)" in first.stdout
    again = _drafter("incoming", "add", str(source), home=tmp_path)
    assert again.returncode == 2 and "already in the incoming register" in again.stderr
    listed = _drafter("incoming", "list", "--tracking", home=tmp_path)
    assert listed.stdout.count("4199/UBND-KT") == 1


def test_the_den_stamp_is_printed_on_a_copy(tmp_path: Path) -> None:
    pdf = _one_page_pdf(tmp_path, fixture_letter("can_tho_1913.letter"))
    assert (
        _drafter(
            "incoming",
            "add",
            str(pdf),
            "--received",
            "2016-05-20",
            "--to",
            "Phòng KGVX",
            home=tmp_path,
        ).returncode
        == 0
    )
    result = _drafter("incoming", "stamp", "1", "-o", str(tmp_path / "stamped.pdf"), home=tmp_path)
    assert result.returncode == 0, result.stderr
    text = _page_text(tmp_path / "stamped.pdf")
    for expected in ("ĐẾN", "Số: 01", "Ngày: 20/05/2016", "Chuyển: Phòng KGVX"):
        assert expected in text
    assert "ĐẾN" not in _page_text(pdf)  # the original is kept
