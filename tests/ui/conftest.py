"""Fixtures for the desktop application's tests: isolated user folders, Qt warnings
that fail the test, a main window, and typing as a Vietnamese input method does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

# The offscreen platform says this of every top-level window; it is not our fault.
_IGNORED = r"This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(_IGNORED))


@pytest.fixture(autouse=True)
def drafter_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("DRAFTER_HOME", str(home))
    from drafter.i18n import set_language

    set_language("vi")
    yield home
    set_language("vi")


@pytest.fixture
def window(qtbot, drafter_home):  # type: ignore[no-untyped-def]
    from drafter.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    # Dialogs answered by the test, never by a person.
    win.show_error = lambda title, text: win.errors.append((title, text))
    win.show_warning = lambda title, text: win.errors.append((title, text))
    win.errors = []
    win.ask_unsaved = lambda name: QMessageBox.StandardButton.Discard
    win.ask_restore = lambda count, names: False
    win.confirm_overwrite = lambda path: False
    yield win
    for editor in win.editors():
        editor.dirty = False
        editor.discard_autosave()


def type_text(widget: QWidget, text: str) -> None:
    """Commit *text* into *widget* the way an input method (Unikey, ibus-bamboo) does."""
    target = getattr(widget, "editor", widget)
    target.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(target, event)


SAMPLE = Path(__file__).resolve().parents[2] / "templates" / "cong_van" / "sample.letter"
