"""The base of the office dialogs that list entries (profiles, signers) beside a form.

The list is on the left over its New and Delete buttons, the chosen entry's form on the
right with its Save button last, and the list follows the office data as other dialogs change it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from drafter.i18n import _
from drafter.ui.buttons import button_row
from drafter.ui.office.common import list_and_form

Entry = TypeVar("Entry")


class EntriesDialog(QDialog):
    list: QListWidget  # each item's UserRole data is an entry with an ``id``

    def entries_column(
        self, name: str, new_label: str, new: Callable[[], None], show: Callable[[Entry], None]
    ) -> QVBoxLayout:
        """The list (``{name}.list``) showing its current entry with *show*, over the
        buttons that start a *new* one and delete the current one."""
        self.list = QListWidget(self)
        self.list.setObjectName(f"{name}.list")

        def selected(item: QListWidgetItem | None) -> None:
            if item is not None:
                show(item.data(Qt.ItemDataRole.UserRole))

        self.list.currentItemChanged.connect(selected)
        buttons = button_row(
            self,
            (new_label, f"{name}.new", new),
            (_("Delete"), f"{name}.delete", self.delete_current),
        )
        column = QVBoxLayout()
        column.addWidget(self.list, 1)
        column.addLayout(buttons)
        return column

    def finish(self, left: QLayout, form: QFormLayout, save: QPushButton) -> None:
        """Lay out *left* and *form* (*save* last, saving the form), list the entries and
        keep them listed as the office data changes."""
        save.clicked.connect(self.save)
        form.addRow("", save)
        list_and_form(self, left, form)
        self.reload()
        from drafter.ui.office.changes import data_changes

        data_changes().changed.connect(self.data_changed)

    def data_changed(self) -> None:
        """The office data changed elsewhere: list it again, keeping the one shown."""
        item = self.list.currentItem()
        self.list.blockSignals(True)  # the form keeps what is being edited
        self.reload(item.data(Qt.ItemDataRole.UserRole).id if item else None)
        self.list.blockSignals(False)

    def reload(self, select_id: int | None = None) -> None:
        """List the entries again, selecting the one with *select_id*."""
        raise NotImplementedError

    def save(self) -> object:
        """Store the form's entry."""
        raise NotImplementedError

    def delete_current(self) -> None:
        """Delete the entry shown, once the user confirms."""
        raise NotImplementedError
