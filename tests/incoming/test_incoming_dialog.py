"""The incoming letters view, as a văn thư uses it: open a letter, check the fields,
register it, find it in the register, and answer or forward it as a new draft."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("pytestqt")

from drafter.store.engine import Store, open_store, sqlite_url
from tests.incoming.conftest import fixture_letter, write_docx
from tests.incoming.test_register import CITATION_4582, _hanoi_office


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list]]:
    """The dialogs pointed at a fresh database of the Hà Nội office; messages collected."""
    from drafter.ui.office import common

    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path / "home"))
    store: Store = open_store(sqlite_url(tmp_path / "office.sqlite3"))
    _hanoi_office(store)
    said: dict[str, list] = {"errors": [], "infos": []}
    monkeypatch.setattr(common, "show_error", lambda parent, m: said["errors"].append(m))
    monkeypatch.setattr(common, "show_info", lambda parent, m: said["infos"].append(m))
    common.use_store(store)
    yield said
    common.use_store(None)
    store.close()


@pytest.fixture
def window(qtbot, office):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from drafter.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.ask_unsaved = lambda name: QMessageBox.StandardButton.Discard  # no person to ask
    yield win
    for editor in win.editors():
        editor.dirty = False
        editor.discard_autosave()


def test_read_register_list_and_reply(qtbot, window, office, tmp_path):  # type: ignore[no-untyped-def]
    from drafter.ui.incoming_dialog import IncomingDialog

    letter = fixture_letter("can_tho_1913.letter")
    dialog = IncomingDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.read_file(write_docx(letter, tmp_path / "1913.docx"))
    assert dialog.edits["number_symbol"].text() == "1913/UBND-KGVX"
    assert dialog.edits["date"].text() == "18/05/2016"
    assert dialog.edits["issuer"].text() == "Ủy ban nhân dân thành phố Cần Thơ"
    assert dialog.edits["subject"].text() == letter.subject
    assert dialog.labels["number_symbol"].text().endswith("[0.95]")
    assert dialog.edits["subject"].property("uncertain") is False
    assert "Kính gửi: Ủy ban nhân dân thành phố Hà Nội" in dialog.text.toPlainText()

    dialog.received.setText("20/05/2016")
    dialog.to_unit.setText("Phòng KGVX")
    entry = dialog.register()
    assert entry is not None and (entry.number, entry.year) == (1, 2016)
    assert dialog.arrival.text() == "Arrival number 01 (2016)"
    assert not dialog.register_button.isEnabled()  # registered once
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 2).text() == "1913/UBND-KGVX"
    dialog.search.setText("ho tro tuyen truyen")  # without diacritics
    assert dialog.table.rowCount() == 1
    dialog.search.setText("bình chọn")
    assert dialog.table.rowCount() == 0
    dialog.search.clear()
    dialog.table.selectRow(0)

    editor = dialog.reply()
    assert editor is not None and window.current_editor() is editor
    draft = editor.letter()
    assert draft.type_id == "cong_van"
    assert draft.body.startswith(CITATION_4582 + ".")
    assert draft.kinh_gui == ["Ủy ban nhân dân thành phố Cần Thơ"]
    assert draft.answers == "1/2016"
    assert office["errors"] == []


def test_forward_opens_a_draft_with_the_chosen_recipients(qtbot, window, office, tmp_path):  # type: ignore[no-untyped-def]
    from drafter.ui.incoming_dialog import IncomingDialog

    dialog = IncomingDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.read_file(
        write_docx(fixture_letter("can_tho_1913.letter"), tmp_path / "1913.docx")
    )
    assert dialog.register() is not None
    dialog.ask_recipients = lambda: ["Sở Văn hóa và Thể thao", "Sở Du lịch"]
    editor = dialog.forward()
    draft = editor.letter()
    assert draft.kinh_gui == ["Sở Văn hóa và Thể thao", "Sở Du lịch"]
    assert "(văn bản kèm theo)" in draft.body
    assert any(
        message.startswith("Send the original with it: ") and message.endswith(".docx")
        for message in office["infos"]
    )


def test_bad_files_are_named_and_nothing_is_registered(qtbot, window, office, tmp_path):  # type: ignore[no-untyped-def]
    from drafter.ui.incoming_dialog import IncomingDialog

    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04" + b"\x00" * 500)
    dialog = IncomingDialog(window)
    qtbot.addWidget(dialog)
    assert not dialog.read_file(bad)
    assert office["errors"] and "damaged" in office["errors"][0]
    assert not dialog.register_button.isEnabled() and dialog.register() is None
    assert dialog.table.rowCount() == 0


def test_the_main_window_opens_the_view_from_its_menu_and_toolbar(window):  # type: ignore[no-untyped-def]
    action = window.actions_by_name["incoming"]
    assert action.text()
    from PySide6.QtWidgets import QToolBar

    toolbar = window.findChild(QToolBar, "main_toolbar")
    assert action in toolbar.actions()
