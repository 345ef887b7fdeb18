"""Warnings beside their fields, in amber apart from the red problems, counted in the
status bar and never blocking export; grey placeholders for the empty parts of a letter
in the preview only."""

from __future__ import annotations

import zipfile

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from drafter.layout.build.common import PLACEHOLDER_COLOR
from drafter.layout.model import Document, Paragraph, Run, Table
from drafter.ui.form import PROBLEM_STYLE
from drafter.ui.form_warnings import WARNING_STYLE, warning_text
from tests.ui.conftest import type_text
from tests.ui.test_workflows import fill_cong_van


def _paragraphs(blocks: list) -> list[Paragraph]:  # type: ignore[type-arg]
    out: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Table):
            for cell in (c for row in block.rows for c in row.cells):
                out += _paragraphs(cell.blocks)
        else:
            out.append(block)
    return out


def _runs(document: Document) -> list[Run]:
    return [
        run
        for section in document.sections
        for paragraph in _paragraphs(section.blocks)
        for run in paragraph.runs
    ]


def test_a_typed_vv_is_a_warning_beside_the_subject_and_the_letter_still_exports(
    qtbot, window, tmp_path
):
    editor = window.new_draft("cong_van")
    fill_cong_van(qtbot, editor)
    subject = editor.form.findChild(QLineEdit, "subject")
    subject.clear()
    type_text(subject, "V/v tăng cường công tác văn thư")
    editor.refresh()
    warning = warning_text(editor.form, "subject")
    assert warning.startswith("Cảnh báo: ") and "V/v" in warning
    assert editor.form.findChild(QLabel, "warning:subject").isVisible()
    assert editor.form.problem_text("subject") == ""
    assert editor.problems == [] and len(editor.warnings) == 1
    assert window.status_label().text() == "Sẵn sàng xuất, 1 cảnh báo"
    window.choose_save_path = lambda title, suggested, file_filter: tmp_path / "cv.docx"
    path = window.export_docx()
    assert path == tmp_path / "cv.docx" and path.is_file() and window.errors == []
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode()
    assert "V/v tăng cường" in xml and "V/v V/v" not in xml
    # Fixing it takes the warning away as the user types.
    subject.clear()
    type_text(subject, "tăng cường công tác văn thư")
    qtbot.waitUntil(lambda: warning_text(editor.form, "subject") == "", timeout=2000)
    assert not editor.form.findChild(QLabel, "warning:subject").isVisible()
    assert window.status_label().text() == "Sẵn sàng xuất"


def test_an_issuer_in_capitals_says_which_sentences_read_in_capitals(window):
    editor = window.new_draft("giay_moi")
    form = editor.form
    type_text(form.findChild(QPlainTextEdit, "issuer.name"), "BỘ NỘI VỤ")
    editor.refresh()
    # Shown in the row under the issuing body's name, where the name for sentences is typed.
    names = list(form.bindings)
    assert names.index("issuer.prose_name") == names.index("issuer.name") + 1
    warning = warning_text(form, "issuer.prose_name")
    assert warning.startswith("Cảnh báo: ")
    assert "BỘ NỘI VỤ trân trọng kính mời" in warning
    # Writing the name for sentences answers it.
    type_text(form.findChild(QLineEdit, "issuer.prose_name"), "Bộ Nội vụ")
    editor.refresh()
    assert warning_text(form, "issuer.prose_name") == ""


def test_a_problem_and_a_warning_show_in_their_two_colours(window):
    editor = window.new_draft("cong_van")
    type_text(editor.form.findChild(QLineEdit, "subject"), "V/v tăng cường công tác văn thư")
    editor.refresh()
    problem = editor.form.findChild(QLabel, "problem:issuer.name")
    warning = editor.form.findChild(QLabel, "warning:subject")
    assert problem.isVisible() and warning.isVisible()
    assert problem.styleSheet() == PROBLEM_STYLE and warning.styleSheet() == WARNING_STYLE
    assert PROBLEM_STYLE != WARNING_STYLE
    assert warning.text().startswith("Cảnh báo: ") and "Cảnh báo" not in problem.text()
    assert editor.problems and len(editor.warnings) == 1
    assert window.status_label().text() == f"{len(editor.problems)} lỗi, 1 cảnh báo"
    # Export is refused for the problems, not for the warning.
    assert window.export_docx() is None
    _title, text = window.errors[-1]
    assert "Cơ quan ban hành" in text and "V/v" not in text


def test_empty_parts_show_grey_placeholders_in_the_preview_only(window):
    editor = window.new_draft("quyet_dinh")
    editor.refresh()
    preview = editor.preview_document
    assert preview is not None
    grey = {run.text for run in _runs(preview) if run.color == PLACEHOLDER_COLOR}
    assert {"[Tên cơ quan]", "[Trích yếu]", "[Nội dung]", "[Họ và tên người ký]"} <= grey
    assert all(run.italic for run in _runs(preview) if run.color)
    texts = [p.text for s in preview.sections for p in _paragraphs(s.blocks)]
    assert "." not in texts
    assert not any(t.endswith("./.") for t in texts)  # no end mark after the type name
    assert "QUYẾT ĐỊNH:" in texts
    page = editor.preview.pages[0].text
    assert "[Tên cơ quan]" in page and "[Nội dung]" in page and "QUYẾT ĐỊNH./." not in page
    # What would be exported or printed has none of them.
    exported = editor.document
    assert exported is not None
    assert not any(run.color or run.text.startswith("[") for run in _runs(exported))
    # Typing the content takes its placeholder away.
    type_text(editor.form.findChild(QWidget, "body"), "Điều 1. Ban hành kèm theo.")
    editor.refresh()
    assert "[Nội dung]" not in editor.preview.pages[0].text
