"""The preview's placeholders: a grey, italic name in the place of each empty part, no
stray punctuation around it, and nothing of them in a complete letter's files."""

from __future__ import annotations

import dataclasses

import pymupdf
import pytest

from drafter.app.compose import compose
from drafter.core import letterfile
from drafter.core.doctypes import default_registry
from drafter.layout.build.common import PLACEHOLDER_COLOR
from drafter.layout.model import Document, Paragraph, Table
from drafter.render import docx_writer
from drafter.render.pdf import pdf_bytes

REGISTRY = default_registry()


def _paragraphs(document: Document) -> list[Paragraph]:
    out: list[Paragraph] = []

    def walk(blocks: list) -> None:  # type: ignore[type-arg]
        for block in blocks:
            if isinstance(block, Table):
                for cell in (c for row in block.rows for c in row.cells):
                    walk(cell.blocks)
            else:
                out.append(block)

    for section in document.sections:
        walk(section.blocks)
    return out


@pytest.mark.parametrize("doctype", REGISTRY.all(), ids=lambda d: d.id)
def test_a_complete_letter_is_the_same_file_with_or_without_placeholders(doctype):
    letter, problems = letterfile.load(doctype.sample_path, REGISTRY)
    assert problems == []
    plain = compose(letter, REGISTRY)
    shown = compose(letter, REGISTRY, placeholders=True)
    assert docx_writer.to_bytes(shown) == docx_writer.to_bytes(plain)
    assert not any(run.color for p in _paragraphs(shown) for run in p.runs)


def _printed(pdf: bytes) -> list[object]:
    """Every span (text, font, size, colour, box) and line drawn: the PDF but for its
    creation date and id, which differ from one writing to the next."""
    out: list[object] = []
    with pymupdf.open(stream=pdf, filetype="pdf") as document:
        for page in document:
            out += [
                (span["text"], span["font"], span["size"], span["color"], span["bbox"])
                for block in page.get_text("dict")["blocks"]
                for line in block.get("lines", ())
                for span in line["spans"]
            ]
            out += [
                (item[0], *item[1:]) for drawing in page.get_drawings() for item in drawing["items"]
            ]
    return out


def test_the_pdf_of_a_complete_letter_is_the_same_with_or_without_placeholders():
    letter, _problems = letterfile.load(REGISTRY.get("quyet_dinh").sample_path, REGISTRY)
    plain = _printed(pdf_bytes(compose(letter, REGISTRY)))
    assert plain and _printed(pdf_bytes(compose(letter, REGISTRY, placeholders=True))) == plain


def test_an_empty_quyet_dinh_shows_its_parts_in_grey_without_stray_marks():
    letter, _problems = letterfile.load(REGISTRY.get("quyet_dinh").sample_path, REGISTRY)
    letter.issuer = dataclasses.replace(letter.issuer, name=[], parent=[])
    letter = dataclasses.replace(letter, body="", subject="", place="")
    letter.signatures[0] = dataclasses.replace(letter.signatures[0], name="")
    document = compose(letter, REGISTRY, check=False, placeholders=True)
    grey = {
        run.text: run
        for p in _paragraphs(document)
        for run in p.runs
        if run.color == PLACEHOLDER_COLOR
    }
    assert set(grey) == {
        "[Tên cơ quan]",
        "[Địa danh]",
        "[Trích yếu]",
        "[Nội dung]",
        "[Họ và tên người ký]",
    }  # the interface's language (vi)
    assert all(run.italic and not run.bold for run in grey.values())
    texts = [p.text for p in _paragraphs(document)]
    assert "QUYẾT ĐỊNH:" in texts and "QUYẾT ĐỊNH./." not in texts
    assert "[Địa danh], ngày 16 tháng 3 năm 2026" in texts  # the date line keeps its words
    # Without the option (a file), an empty issuer leaves no rule line of no length,
    # and no placeholder is written.
    plain = compose(letter, REGISTRY, check=False)
    assert not any(run.color for p in _paragraphs(plain) for run in p.runs)
    rules = [p for p in _paragraphs(plain) if p.role == "issuer_rule"]
    assert rules == []


def test_an_empty_required_field_is_a_grey_blank_inside_its_sentence():
    letter, _problems = letterfile.load(REGISTRY.get("giay_moi").sample_path, REGISTRY)
    letter.fields = {**letter.fields, "cuoc_hop": "", "thoi_gian": "  ", "chu_tri": ""}
    document = compose(letter, REGISTRY, check=False, placeholders=True)
    texts = [p.text for p in _paragraphs(document)]
    # "Tới dự ……." and "Thời gian: ……." rather than "Tới dự ." and "Thời gian: ."
    assert "Tới dự ……." in texts and "Thời gian: ……." in texts
    assert not any(text.endswith(" .") for text in texts)
    blanks = [run for p in _paragraphs(document) for run in p.runs if run.text == "……"]
    assert len(blanks) == 2
    assert all(run.color == PLACEHOLDER_COLOR and run.italic for run in blanks)
    # An optional field left empty is left out by its template, not shown as a blank.
    assert not any(text.startswith("Chủ trì") for text in texts)
    # A file is never written with them: the letter is refused until they are filled.
    plain = compose(letter, REGISTRY, check=False)
    assert "Tới dự ." in [p.text for p in _paragraphs(plain)]
    assert not any(run.color for p in _paragraphs(plain) for run in p.runs)
