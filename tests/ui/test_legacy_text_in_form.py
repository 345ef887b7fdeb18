"""Text typed in an old 8-bit encoding is flagged beside its field, whatever field it is:
a type's own field as well as the standard parts (one cleaning, one check)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit

from drafter.core.doctypes import default_registry

TCVN3 = "Ch¸nh V¨n phßng Së"  # "Chánh Văn phòng Sở" typed with a TCVN3 font


def _quyet_dinh(window):  # type: ignore[no-untyped-def]
    return window.open_file(default_registry().get("quyet_dinh").sample_path)


def test_tcvn3_in_a_type_field_is_flagged_beside_that_field(qtbot, window) -> None:
    editor = _quyet_dinh(window)
    assert editor.form.problem_text("fields.theo_de_nghi") == ""
    field = editor.form.findChild(QLineEdit, "fields.theo_de_nghi")
    field.setText(TCVN3)
    editor.refresh()
    beside = editor.form.problem_text("fields.theo_de_nghi")
    assert "TCVN3" in beside
    assert [p.field for p in editor.problems].count("fields.theo_de_nghi") == 1  # once
    assert editor.form.problem_text("subject") == ""  # only where it was typed


def test_tcvn3_in_a_standard_part_is_flagged_beside_it(qtbot, window) -> None:
    editor = _quyet_dinh(window)
    editor.form.findChild(QLineEdit, "subject").setText("VÒ viÖc thµnh lËp Tæ c«ng t¸c")
    editor.refresh()
    assert "TCVN3" in editor.form.problem_text("subject")
    assert editor.form.problem_text("fields.theo_de_nghi") == ""


def test_the_flagged_letter_cannot_be_exported(qtbot, window, tmp_path: Path) -> None:
    editor = _quyet_dinh(window)
    editor.form.findChild(QLineEdit, "fields.theo_de_nghi").setText(TCVN3)
    assert window.export_docx(tmp_path / "qd.docx") is None
    assert not (tmp_path / "qd.docx").exists()
