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
    return subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True,
                          text=True, cwd=ROOT, check=False,
                          env={**os.environ, "DRAFTER_HOME": str(home), "DRAFTER_LANG": "en"})


def _pdf_of(docx: Path) -> Path:
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir",
                    str(docx.parent), str(docx)], capture_output=True, check=True,
                   timeout=180, env={**os.environ, "HOME": str(docx.parent)})
    return docx.with_suffix(".pdf")


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", ["can_tho_1913.letter", "can_tho_4199.letter"])
def test_libreoffice_pdf_reads_back_exactly(tmp_path: Path, name: str) -> None:
    letter = fixture_letter(name)
    record = read_letter(_pdf_of(write_docx(letter, tmp_path / "in.docx")))
    assert record.kind == "pdf"
    assert (record.number, record.symbol, record.date) == (letter.number, letter.symbol,
                                                          letter.date)
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


@pytest.mark.skipif(shutil.which("tesseract") is None and os.environ.get("CI") != "true",
                    reason="Tesseract is not installed (make setup and CI install it)")
def test_a_scan_is_read_through_tesseract(tmp_path: Path) -> None:
    scan = _image_of_text(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ",
                           "Số: 4199/UBND-KT        Cần Thơ, ngày 20 tháng 10 năm 2022",
                           "V/v huy động tham gia bình chọn"], tmp_path / "scan.png")
    record = read_letter(scan)
    assert record.kind == "ocr"
    assert (record.number, record.symbol, record.date) == (4199, "UBND-KT",
                                                          dt.date(2022, 10, 20))


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
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("secret")
    with (tmp_path / "locked.pdf").open("wb") as stream:
        writer.write(stream)
    with pytest.raises(ReadError, match="protected by a password"):
        read_letter(tmp_path / "locked.pdf")
    result = _drafter("incoming", "add", str(tmp_path / "locked.pdf"), home=tmp_path)
    assert result.returncode == 2 and "password" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_200_page_pdf_gives_a_partial_result_marked_as_such(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    letter = fixture_letter("can_tho_1913.letter")
    one = _one_page_pdf(tmp_path, letter)
    writer = PdfWriter()
    page = PdfReader(one).pages[0]
    for _ in range(200):
        writer.add_page(page)
    with (tmp_path / "long.pdf").open("wb") as stream:
        writer.write(stream)
    record = read_letter(tmp_path / "long.pdf")
    assert record.pages == 200 and "200" in record.partial
    assert (record.number, record.symbol) == (1913, "UBND-KGVX")


def _one_page_pdf(tmp_path: Path, letter: object) -> Path:
    """A text PDF of the letter without LibreOffice: its text laid out by pypdf."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                             NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject(
        {NameObject("/F1"): writer._add_object(font)})})
    lines = ["UY BAN NHAN DAN", "THANH PHO CAN THO", "So: 1913/UBND-KGVX",
             "Can Tho, ngay 18 thang 5 nam 2016"]
    content = "BT /F1 12 Tf 14 TL 60 780 Td " + " ".join(f"({line}) '" for line in lines) + \
        " ET"
    stream = DecodedStreamObject()
    stream.set_data(content.encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    path = tmp_path / "one.pdf"
    with path.open("wb") as out:
        writer.write(out)
    return path


def test_registering_the_same_file_twice_is_refused(tmp_path: Path) -> None:
    source = LETTERS / "can_tho_4199_ocr.txt"
    first = _drafter("incoming", "add", str(source), "--received", "2022-10-21",
                     "--to", "Phòng KT", home=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "Arrival number 01 (2022)" in first.stdout
    again = _drafter("incoming", "add", str(source), home=tmp_path)
    assert again.returncode == 2 and "already in the incoming register" in again.stderr
    listed = _drafter("incoming", "list", "--tracking", home=tmp_path)
    assert listed.stdout.count("4199/UBND-KT") == 1


def test_the_den_stamp_is_printed_on_a_copy(tmp_path: Path) -> None:
    pytest.importorskip("pyhanko")
    from pypdf import PdfReader

    pdf = _one_page_pdf(tmp_path, fixture_letter("can_tho_1913.letter"))
    assert _drafter("incoming", "add", str(pdf), "--received", "2016-05-20", "--to",
                    "Phòng KGVX", home=tmp_path).returncode == 0
    result = _drafter("incoming", "stamp", "1", "-o", str(tmp_path / "stamped.pdf"),
                      home=tmp_path)
    assert result.returncode == 0, result.stderr
    text = PdfReader(tmp_path / "stamped.pdf").pages[0].extract_text()
    for expected in ("ĐẾN", "Số: 01", "Ngày: 20/05/2016", "Chuyển: Phòng KGVX"):
        assert expected in text
    assert PdfReader(pdf).pages[0].extract_text().count("ĐẾN") == 0  # the original is kept
