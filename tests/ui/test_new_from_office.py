"""Every new letter of the window starts from the office's data, not only the first-run
wizard's: the issuer, the place, the drafting unit and the type's signer."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from tests.ui.conftest import type_text


def test_after_the_first_run_every_new_letter_opens_with_the_office(
    qtbot, window, drafter_home, tmp_path
):  # type: ignore[no-untyped-def]
    from drafter.ui import firstrun
    from drafter.ui.office import common

    common.use_store(None)
    outcome = firstrun.save(
        firstrun.Answers(
            parent=["Ủy ban nhân dân tỉnh Quảng Nam"],
            name=["Văn phòng Ủy ban nhân dân"],
            abbreviation="VP",
            signer_name="Nguyễn Văn Bình",
            signer_title="Chánh Văn phòng",
            authority=[],
            place="Quảng Nam",
        )
    )
    assert outcome.problems == []
    firstrun.start_first_letter(window, outcome)
    try:
        first = window.current_editor()
        form = first.form
        unit = form.findChild(QLineEdit, "issuer.unit")
        type_text(unit, "KGVX")
        window.choose_save_path = lambda title, suggested, file_filter: tmp_path / "cv.letter"
        assert window.save()
        for type_id in ("quyet_dinh", "to_trinh", "cong_van"):
            editor = window.new_draft(type_id)
            form = editor.form
            assert (
                form.findChild(QPlainTextEdit, "issuer.name").toPlainText()
                == "VĂN PHÒNG ỦY BAN NHÂN DÂN"
            ), type_id
            assert form.findChild(QLineEdit, "issuer.abbreviation").text() == "VP"
            assert form.findChild(QLineEdit, "place").text() == "Quảng Nam"
            assert form.findChild(QLineEdit, "signatures[1].name").text() == "Nguyễn Văn Bình"
            assert editor.letter().document_id
        # The công văn remembers the drafting unit its last letter used.
        assert form.findChild(QLineEdit, "issuer.unit").text() == "KGVX"
    finally:
        store = common._store
        common.use_store(None)
        if store is not None:
            store.close()
