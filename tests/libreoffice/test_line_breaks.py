"""The Qt painter's PDF and LibreOffice's rendering of the .docx break every display
line at the same word: the lines the layout chose (issue 9).

Realistic letters: a công văn answering another letter with a long V/v, many
recipients and Đồng kính gửi, a three-line authority chain with a long title; an
issuer "PHÒNG TÀI CHÍNH - KẾ HOẠCH" with an appendix of a long title.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pymupdf
import pytest
from document_paragraphs import body_paragraphs
from sample_letters import cong_van

from drafter.app.compose import compose
from drafter.core.letter import Appendix, Issuer, Letter, Signature
from drafter.layout.model import Document, Role
from drafter.render import docx_writer

pytestmark = pytest.mark.libreoffice

DISPLAY_ROLES = {
    Role.PARENT,
    Role.ISSUER,
    Role.VV,
    Role.KINH_GUI,
    Role.KINH_GUI_ITEM,
    Role.DONG_KINH_GUI,
    Role.DONG_KINH_GUI_ITEM,
    Role.SIGNATURE_LINE,
    Role.APPENDIX_TITLE,
    Role.SUMMARY,
}


def answering_letter() -> Letter:
    return cong_van(
        subject="trả lời Công văn số 125/UBND-VX ngày 10 tháng 3 năm 2026 về việc tăng "
        "cường hợp tác giữa các địa phương Việt Nam - Pháp của thành phố Cần Thơ",
        kinh_gui=[
            "Ủy ban nhân dân các quận, huyện của thành phố Cần Thơ",
            "Báo Người Hà Nội, Báo Cần Thơ và Đài Phát thanh và Truyền hình thành phố",
            "Sở Văn hóa, Thể thao và Du lịch",
        ],
        dong_kinh_gui=["Văn phòng Ủy ban nhân dân thành phố Cần Thơ"],
        signatures=[
            Signature(
                authority=["TM. ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "KT. CHỦ TỊCH"],
                title="CỤC TRƯỞNG CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC",
                name="Nguyễn Văn An",
            )
        ],
    )


def phong_letter() -> Letter:
    return cong_van(
        issuer=Issuer(
            name=["PHÒNG TÀI CHÍNH - KẾ HOẠCH"],
            parent=["ỦY BAN NHÂN DÂN HUYỆN GIA LÂM"],
            prose_name="Phòng Tài chính - Kế hoạch",
            abbreviation="TCKH",
            unit="NS",
        ),
        appendices=[
            Appendix(
                title="Danh sách các đơn vị tham gia chương trình hợp tác "
                "giữa các địa phương Việt Nam - Pháp giai đoạn 2026 - 2030",
                body="Nội dung.",
            )
        ],
    )


LETTERS = {"answering": answering_letter, "phong": phong_letter}


def display_lines(document: Document) -> list[str]:
    found = [
        line
        for paragraph in body_paragraphs(document)
        if paragraph.role in DISPLAY_ROLES
        for line in paragraph.text.split("\n")
    ]
    return [" ".join(line.replace("\u00a0", " ").split()) for line in found]


def pdf_lines(path: Path) -> set[str]:
    lines: set[str] = set()
    with pymupdf.open(path) as pdf:
        for page in pdf:
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    text = "".join(span["text"] for span in line["spans"])
                    lines.add(" ".join(text.replace("\u00a0", " ").split()))
    return lines


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory, qapp) -> dict[str, tuple[Path, Path]]:  # type: ignore[no-untyped-def]
    from drafter.render import pdf

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice (soffice) is not installed")
    base = tmp_path_factory.mktemp("line_breaks")
    out: dict[str, tuple[Path, Path]] = {}
    for name, make in LETTERS.items():
        document = compose(make())
        docx_writer.write(document, base / f"{name}.docx")
        qt_pdf = base / f"{name}.qt.pdf"
        qt_pdf.write_bytes(pdf.to_bytes(document))
        out[name] = (base / f"{name}.pdf", qt_pdf)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(base / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(base),
            *sorted(str(p) for p in base.glob("*.docx")),
        ],
        capture_output=True,
        timeout=600,
        check=False,
    )
    return out


@pytest.mark.parametrize("name", list(LETTERS))
def test_both_renderings_print_the_chosen_lines(
    pdfs: dict[str, tuple[Path, Path]], name: str
) -> None:
    expected = display_lines(compose(LETTERS[name]()))
    libreoffice, qt = (pdf_lines(path) for path in pdfs[name])
    assert [line for line in expected if line not in libreoffice] == []
    assert [line for line in expected if line not in qt] == []


def test_the_defects_are_gone_in_libreoffice(pdfs: dict[str, tuple[Path, Path]]) -> None:
    lines = pdf_lines(pdfs["answering"][0]) | pdf_lines(pdfs["phong"][0])
    assert "CỤC TRƯỞNG" in lines and "CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC" in lines
    assert not any(
        line.startswith(("- KẾ HOẠCH", "Nam - Pháp", "Hà Nội, Báo", "phố;")) for line in lines
    )
