"""What the office dialogs share: the open database, error messages, small widgets."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLayout,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from drafter.core.vietnamese import clean_line
from drafter.i18n import _
from drafter.store.engine import Store, StoreError, open_store

T = TypeVar("T")

_store: Store | None = None


def current_store() -> Store:
    """The office database (``DRAFTER_DB`` or the file in the user's data folder), opened
    once per session of the application."""
    global _store
    if _store is None:
        _store = open_store()
        _announce_writes(_store)
    return _store


def use_store(store: Store | None) -> None:
    """Point the dialogs at *store* (tests, or a database chosen in the preferences)."""
    global _store
    _store = store
    if store is not None:
        _announce_writes(store)


def _announce_writes(store: Store) -> None:
    """Every write to *store* refreshes the open lists (see :mod:`.changes`)."""
    from drafter.ui.office.changes import watch

    watch(store)


def show_error(parent: QWidget | None, message: str) -> None:
    """Tell the user what went wrong; tests replace this to collect the messages."""
    QMessageBox.warning(parent, _("Office data"), message)


def show_info(parent: QWidget | None, message: str) -> None:
    """Report the outcome of an action; tests replace this to collect the messages."""
    QMessageBox.information(parent, _("Office data"), message)


def confirm(parent: QWidget | None, question: str) -> bool:
    answer = QMessageBox.question(parent, _("Office data"), question)
    return answer == QMessageBox.StandardButton.Yes


def guarded(parent: QWidget | None, action: Callable[[], T]) -> T | None:
    """Run *action*; an expected failure becomes a message, and ``None`` is returned."""
    from drafter.app.errors import MergeError
    from drafter.core.atomic import WriteError
    from drafter.core.problems import InvalidInput
    from drafter.store.contacts_io import ImportFileError
    from drafter.store.sequences import NumberingError

    try:
        return action()
    except InvalidInput as error:
        show_error(parent, "\n".join(str(p) for p in error.problems))
        return None
    except (
        StoreError,
        WriteError,
        NumberingError,
        ImportFileError,
        MergeError,
        ValueError,
    ) as error:
        show_error(parent, str(error))
        return None


def store_or_none(parent: QWidget | None) -> Store | None:
    try:
        return current_store()
    except StoreError as error:
        show_error(parent, str(error))
        return None


class LinesEdit(QPlainTextEdit):
    """A few lines of text, one item each."""

    def __init__(self, parent: QWidget | None = None, rows: int = 2) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * rows + 12
        self.setFixedHeight(height)

    def lines(self) -> list[str]:
        return [line for line in (clean_line(t) for t in self.toPlainText().splitlines()) if line]

    def set_lines(self, lines: list[str]) -> None:
        self.setPlainText("\n".join(lines))


def layout_widget(layout: QLayout, parent: QWidget) -> QWidget:
    """A widget holding *layout* without margins, to put a row of buttons in a form."""
    widget = QWidget(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget


def list_and_form(dialog: QDialog, left: QLayout, form: QFormLayout) -> None:
    """The layout of the address-book style dialogs: the list on the left, the chosen
    entry's form on the right, and a Close button under both."""
    body = QHBoxLayout()
    body.addLayout(left, 1)
    body.addLayout(form, 2)
    outer = QVBoxLayout(dialog)
    outer.addLayout(body)
    close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    close.rejected.connect(dialog.reject)
    outer.addWidget(close)


def choose(parent: QWidget | None, text: str, options: list[str]) -> int | None:
    """The index of the option the user clicks, ``None`` for Cancel; tests replace this."""
    box = QMessageBox(
        QMessageBox.Icon.Question, _("Office data"), text, QMessageBox.StandardButton.Cancel, parent
    )
    buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else None
