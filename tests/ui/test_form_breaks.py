"""A line break the user asks for in a display line survives the form, shown as ⏎."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from drafter.core import letterfile
from drafter.core.doctypes import default_registry
from drafter.ui.form import LetterForm

REGISTRY = default_registry()


def test_forced_breaks_show_as_return_signs_and_come_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    doctype = REGISTRY.get("cong_van")
    letter, _problems = letterfile.load(doctype.sample_path, REGISTRY)
    letter.subject = "V/v tăng cường công tác phòng, chống dịch\nbệnh trong trường học"
    letter.signatures[0].title = "PHÓ GIÁM ĐỐC\nPHỤ TRÁCH"
    form = LetterForm(doctype)
    qtbot.addWidget(form)
    form.set_letter(letter)

    subject = form.bindings["subject"].widget
    assert isinstance(subject, QLineEdit)
    assert subject.text() == "V/v tăng cường công tác phòng, chống dịch\u23cebệnh trong trường học"
    title = form.bindings["signatures[1].title"].widget
    assert isinstance(title, QLineEdit) and "\u23ce" in title.text()

    read, _problems = form.letter()
    assert read.subject == letter.subject
    assert read.signatures[0].title == "PHÓ GIÁM ĐỐC\nPHỤ TRÁCH"


def test_a_return_sign_typed_in_a_list_line_is_a_break_inside_that_line(qtbot) -> None:  # type: ignore[no-untyped-def]
    doctype = REGISTRY.get("cong_van")
    form = LetterForm(doctype)
    qtbot.addWidget(form)
    recipients = form.bindings["kinh_gui"].widget
    assert isinstance(recipients, QPlainTextEdit)
    recipients.setPlainText("Ủy ban nhân dân\u23cethành phố Hà Nội\nSở Nội vụ")
    read, _problems = form.letter()
    assert read.kinh_gui == ["Ủy ban nhân dân\nthành phố Hà Nội", "Sở Nội vụ"]
