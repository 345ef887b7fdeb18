"""Cấp số from the window, as a văn thư does it: the number goes into the draft and its
file at once, survives a ``kill -9``, and the same document is never numbered twice."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit

from drafter.core import letterfile
from tests.sample_letters import cong_van
from tests.ui.conftest import type_text

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    """The office dialogs' questions answered yes, their messages collected."""
    from drafter.ui.office import common

    said: dict[str, list] = {"errors": [], "infos": [], "questions": [], "choices": []}
    monkeypatch.setattr(common, "show_error", lambda parent, m: said["errors"].append(m))
    monkeypatch.setattr(common, "show_info", lambda parent, m: said["infos"].append(m))
    monkeypatch.setattr(common, "confirm", lambda parent, q: said["questions"].append(q) or True)
    monkeypatch.setattr(
        common,
        "choose",
        lambda parent, text, options: (
            said["choices"].append((text, options)) or said["choose"].pop(0)
        ),
    )
    said["choose"] = []
    common.use_store(None)  # the database in this test's DRAFTER_HOME
    yield said
    from drafter.ui.office.common import _store

    if _store is not None:
        _store.close()
    common.use_store(None)


def issue_action(window):  # type: ignore[no-untyped-def]
    window.fill_data_menu()
    return next(a for a in window.data_menu.actions() if a.objectName() == "office.issue")


def register_entries() -> list[tuple[str, str, str]]:
    from drafter.store.register_query import search
    from drafter.ui.office.common import current_store

    return [(e.number_symbol, e.status, e.document_id) for e in search(current_store())]


def test_issuing_saves_the_unsaved_draft_first_and_writes_the_number_into_it(
    qtbot, window, answers, tmp_path
):  # type: ignore[no-untyped-def]
    path = tmp_path / "cv.letter"
    window.choose_save_path = lambda title, suggested, file_filter: path
    editor = window.add_editor("cong_van", cong_van(number=None), dirty=True)
    issue_action(window).trigger()
    assert "saved before" in answers["questions"][0] or "lưu" in answers["questions"][0]
    saved = letterfile.load(path)[0]
    assert saved.number == 1 and saved.document_id
    assert not editor.dirty and editor.letter().number == 1
    assert "01/SGDĐT-VP" in answers["infos"][-1]
    [(number, status, document_id)] = register_entries()
    assert (number, status, document_id) == ("01/SGDĐT-VP", "issued", saved.document_id)
    # Again: the number it has is shown, nothing new is taken unless cấp lại is chosen.
    answers["choose"] = [0]
    issue_action(window).trigger()
    assert "01/SGDĐT-VP" in answers["choices"][-1][0]
    assert len(register_entries()) == 1
    # Cấp lại, chosen and confirmed: 01 is cancelled, 02 is the document's number.
    answers["choose"] = [1]
    issue_action(window).trigger()
    assert letterfile.load(path)[0].number == 2
    assert [(n, s) for n, s, _id in register_entries()] == [
        ("02/SGDĐT-VP", "issued"),
        ("01/SGDĐT-VP", "cancelled"),
    ]


def test_declining_to_save_takes_no_number(qtbot, window, answers, monkeypatch):  # type: ignore[no-untyped-def]
    from drafter.ui.office import common

    monkeypatch.setattr(common, "confirm", lambda parent, q: False)
    window.add_editor("cong_van", cong_van(number=None), dirty=True)
    issue_action(window).trigger()
    assert register_entries() == []
    assert window.current_editor().letter().number is None


ISSUING_SESSION = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from PySide6.QtWidgets import QApplication, QLineEdit
    app = QApplication([])
    from drafter.ui.main_window import MainWindow
    from drafter.ui.office import common
    from tests.sample_letters import cong_van
    from tests.ui.conftest import type_text
    common.confirm = lambda parent, question: True
    common.show_info = lambda parent, message: print("info", message, flush=True)
    common.show_error = lambda parent, message: print("error", message, flush=True)
    window = MainWindow()
    window.show()
    path = Path(sys.argv[1])
    window.choose_save_path = lambda title, suggested, file_filter: path
    editor = window.add_editor("cong_van", cong_van(number=None), dirty=True)
    window.fill_data_menu()
    [issue] = [a for a in window.data_menu.actions() if a.objectName() == "office.issue"]
    issue.trigger()
    # Work goes on after the number: an edit not saved yet, then the machine dies.
    type_text(editor.form.findChild(QLineEdit, "drafter_mark"), "X")
    editor.autosave_now()
    print("issued", flush=True)
    time.sleep(60)
""")


def test_a_number_survives_kill_9_and_is_not_issued_twice(
    qtbot, window, answers, drafter_home, tmp_path
):  # type: ignore[no-untyped-def]
    path = tmp_path / "qd.letter"
    env = dict(
        os.environ,
        DRAFTER_HOME=str(drafter_home),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(REPO),
    )
    process = subprocess.Popen(
        [sys.executable, "-c", ISSUING_SESSION, str(path)],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        lines = []
        while not lines or lines[-1] != "issued":
            line = process.stdout.readline()
            assert line, f"the session ended early: {lines}"
            lines.append(line.strip())
    finally:
        process.kill()  # SIGKILL: no chance to clean up
        process.wait()
    assert any("01/SGDĐT-VP" in line for line in lines), lines
    assert letterfile.load(path)[0].number == 1  # saved with its number before the kill
    window.ask_restore = lambda count, names: True
    assert window.offer_recovery() == 1
    editor = window.current_editor()
    recovered = editor.letter()
    assert recovered.number == 1 and recovered.drafter_mark.endswith("X")
    assert editor.form.findChild(QLineEdit, "drafter_mark").text().endswith("X")
    # Cấp số again on the recovered draft: the number it has, no second entry.
    answers["choose"] = [0]
    issue_action(window).trigger()
    assert "01/SGDĐT-VP" in answers["choices"][-1][0]
    assert [(n, s) for n, s, _id in register_entries()] == [("01/SGDĐT-VP", "issued")]
    assert register_entries()[0][2] == recovered.document_id


def test_a_draft_that_lost_its_number_gets_it_back_from_the_register(
    qtbot, window, answers, tmp_path
):  # type: ignore[no-untyped-def]
    """A crash between the register and the file: the register's number is put back."""
    from drafter.app import issue
    from drafter.ui.office.common import current_store

    path = tmp_path / "cv.letter"
    letterfile.save(cong_van(number=None, document_id="d" * 32), path)
    issue.number(current_store(), letterfile.load(path)[0])
    editor = window.open_file(path)
    type_text(editor.form.findChild(QLineEdit, "drafter_mark"), "")
    answers["choose"] = [0]
    issue_action(window).trigger()
    assert letterfile.load(path)[0].number == 1
    assert editor.letter().number == 1
    assert len(register_entries()) == 1
