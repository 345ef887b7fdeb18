"""The base of the office dialogs that list entries (profiles, signers) beside a form.

The list is on the left, the chosen entry's form on the right with its Save button
last, and the list follows the office data as other dialogs change it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLayout, QListWidget, QPushButton

from drafter.ui.office.common import list_and_form


class EntriesDialog(QDialog):
    list: QListWidget  # each item's UserRole data is an entry with an ``id``

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
