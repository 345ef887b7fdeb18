"""The preview is the document: for every type's sample, the PDF drawn by the Qt
painter and LibreOffice's rendering of the .docx have the same pages, and every
header, title, signature and Nơi nhận line within 1 mm of each other."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from libreoffice.convert import convert_to_pdf
from table_letters import TABLE_HEADER, long_table_ke_hoach

from drafter.app.compose import compose
from drafter.core import letterfile
from drafter.core.doctypes import default_registry
from drafter.core.letter import Appendix, Circulation, Secrecy, Urgency
from drafter.render import docx_writer
from drafter.render.pdf import write_pdf
from drafter.render.qt_painter import paginate

pytestmark = pytest.mark.libreoffice

TOLERANCE_MM = 1.0
PT_TO_MM = 25.4 / 72
# The thể thức elements the preview must place where Word's file puts them.
ELEMENTS = {
    "parent",
    "issuer",
    "quoc_hieu",
    "tieu_ngu",
    "number",
    "date",
    "vv",
    "title",
    "summary",
    "kinh_gui",
    "kinh_gui_item",
    "signature_line",
    "signer",
    "noi_nhan_label",
    "noi_nhan_item",
    "appendix_label",
    "appendix_title",
    "urgency_text",
    "secrecy_text",
    "circulation_text",
}
MARKED = "cong_van+marks"  # every stamp (ô 10a, 10b, 11) and an appendix with a table
LONG_TABLE = "ke_hoach+table"  # a 60-row table crossing pages, its header repeated
TYPES = [t.id for t in default_registry().all()] + [MARKED, LONG_TABLE]


def _marked_letter(registry):  # type: ignore[no-untyped-def]
    letter, _problems = letterfile.load(registry.get("cong_van").sample_path, registry)
    letter.urgency, letter.secrecy = Urgency.HOA_TOC, Secrecy.MAT
    letter.circulation = Circulation.INTERNAL
    letter.appendices = [
        Appendix(
            title="Danh sách đơn vị",
            body=(
                "| STT | Đơn vị | Đầu mối |\n|---|---|---|\n| 1 | Trường Tiểu học A | Văn phòng |\n"
                "| 2 | Trường Trung học cơ sở B | Tổ văn thư |\nDanh sách có 02 đơn vị."
            ),
        )
    ]
    return letter


def _lines(path: Path) -> tuple[int, dict[tuple[int, str], tuple[float, float]]]:
    """Each text line's left end and baseline (mm), keyed by page and text."""
    found: dict[tuple[int, str], tuple[float, float]] = {}
    with pymupdf.open(path) as document:
        for page in document:
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    text = " ".join("".join(s["text"] for s in line["spans"]).split())
                    x, y = line["spans"][0]["origin"] if line["spans"] else (0, 0)
                    if text:
                        found.setdefault((page.number, text), (x * PT_TO_MM, y * PT_TO_MM))
        return len(document), found


@pytest.fixture(scope="module")
def rendered(
    qapp,
    tmp_path_factory: pytest.TempPathFactory,  # type: ignore[no-untyped-def]
) -> dict[str, tuple[Path, Path, list]]:
    folder = tmp_path_factory.mktemp("fidelity")
    registry = default_registry()
    out: dict[str, tuple[Path, Path, list]] = {}
    for type_id in TYPES:
        if type_id == MARKED:
            letter = _marked_letter(registry)
        elif type_id == LONG_TABLE:
            letter = long_table_ke_hoach()
        else:
            letter, _problems = letterfile.load(registry.get(type_id).sample_path, registry)
        document = compose(letter, registry, check=False)
        docx_writer.write(document, folder / f"{type_id}.docx", letter.date)
        write_pdf(document, folder / f"{type_id}.qt.pdf")
        out[type_id] = (
            folder / f"{type_id}.qt.pdf",
            folder / "lo" / f"{type_id}.pdf",
            paginate(document),
        )
    documents = [folder / f"{type_id}.docx" for type_id in TYPES]
    result = convert_to_pdf(documents, folder / "lo", folder / "profile", timeout=900)
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("type_id", TYPES)
def test_qt_pdf_matches_libreoffice(rendered, type_id: str) -> None:
    qt_pdf, lo_pdf, pages = rendered[type_id]
    qt_count, qt_lines = _lines(qt_pdf)
    lo_count, lo_lines = _lines(lo_pdf)
    assert qt_count == lo_count == len(pages)
    checked = 0
    far: list[str] = []
    for number, page in enumerate(pages):
        for role, text, _box in page.roles:
            if role not in ELEMENTS or not text.strip():
                continue
            key = (number, " ".join(text.split()))
            assert key in qt_lines, f"{role} {text!r} not on page {number + 1} of the Qt PDF"
            assert key in lo_lines, f"{role} {text!r} not on page {number + 1} in LibreOffice"
            (qx, qy), (lx, ly) = qt_lines[key], lo_lines[key]
            if abs(qx - lx) > TOLERANCE_MM or abs(qy - ly) > TOLERANCE_MM:
                far.append(f"{role} {text!r}: dx={qx - lx:+.2f} mm, dy={qy - ly:+.2f} mm")
            checked += 1
    assert checked >= 2, "too few elements found to compare"
    assert not far, "\n".join(far)


def _page_texts(path: Path) -> list[list[str]]:
    """Each page's text lines, top to bottom."""
    with pymupdf.open(path) as document:
        return [
            [" ".join(line.split()) for line in page.get_text().split("\n") if line.strip()]
            for page in document
        ]


def test_a_table_crossing_pages_breaks_at_the_same_rows(rendered) -> None:
    """The header row starts every later page of the table in both renderings, and each
    page holds the same rows (the row numbers of the STT column) in both."""
    qt_pdf, lo_pdf, pages = rendered[LONG_TABLE]
    qt_pages, lo_pages = _page_texts(qt_pdf), _page_texts(lo_pdf)
    assert len(qt_pages) == len(lo_pages) == len(pages) >= 3

    def rows(page: list[str]) -> list[str]:
        return [line.split()[4] for line in page if line.startswith("Trường Tiểu học số")]

    spanned = [n for n, page in enumerate(lo_pages) if rows(page)]
    assert len(spanned) >= 2
    for n in spanned:
        assert rows(qt_pages[n]) == rows(lo_pages[n]), f"page {n + 1}"
    for n in spanned[1:]:
        for texts in (qt_pages[n], lo_pages[n]):
            body = [t for t in texts if t != str(n + 1)]  # the page number
            assert body[:3] == list(TABLE_HEADER), (n + 1, texts[:4])
