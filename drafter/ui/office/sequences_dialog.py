"""Numbering sequences (Art. 15): shared, per type, secret, or an advisory body's own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafter.core.vietnamese import clean_line
from drafter.i18n import _
from drafter.store.models import NumberSequence
from drafter.store.profiles import list_profiles
from drafter.store.sequences import list_sequences, save_sequence
from drafter.ui.office import common
from drafter.ui.office.common import current_store, guarded

KEY, LABEL, TYPES, SECRET, PROFILE = range(5)


class SequencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("office.sequences")
        self.setWindowTitle(_("Numbering sequences"))
        self.resize(760, 360)
        self.profiles = guarded(self, lambda: list_profiles(current_store())) or []
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("sequences.table")
        self.table.setHorizontalHeaderLabels(
            [_("Key"), _("Name"), _("Document types"), _("Secret"), _("Only for")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        explanation = QLabel(
            _(
                "A letter is numbered on the most specific sequence: secret documents on the "
                "secret one; an advisory body on its own; a type on the sequence listing it "
                "(type ids separated by commas); everything else on the shared one."
            ),
            self,
        )
        explanation.setWordWrap(True)
        add = QPushButton(_("Add sequence"), self)
        add.setObjectName("sequences.add")
        add.clicked.connect(
            lambda: self._add_row(NumberSequence(key="", label="", type_ids="", secret=False))
        )
        save = QPushButton(_("Save"), self)
        save.setObjectName("sequences.save")
        save.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(save)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.ids: list[int | None] = []
        for sequence in guarded(self, lambda: list_sequences(current_store())) or []:
            self._add_row(sequence)

    def _add_row(self, sequence: NumberSequence) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.ids.append(sequence.id)
        for column, value in (
            (KEY, sequence.key),
            (LABEL, sequence.label),
            (TYPES, sequence.type_ids),
        ):
            self.table.setItem(row, column, QTableWidgetItem(value or ""))
        secret = QTableWidgetItem()
        secret.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        secret.setCheckState(Qt.CheckState.Checked if sequence.secret else Qt.CheckState.Unchecked)
        self.table.setItem(row, SECRET, secret)
        owner = QComboBox(self.table)
        owner.addItem(_("every profile"), None)
        for profile in self.profiles:
            owner.addItem(profile.label, profile.id)
        owner.setCurrentIndex(max(0, owner.findData(sequence.profile_id)))
        self.table.setCellWidget(row, PROFILE, owner)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return clean_line(item.text()) if item is not None else ""

    def sequences(self) -> list[NumberSequence]:
        result = []
        for row in range(self.table.rowCount()):
            owner = self.table.cellWidget(row, PROFILE)
            secret = self.table.item(row, SECRET)
            result.append(
                NumberSequence(
                    id=self.ids[row],
                    key=self._text(row, KEY),
                    label=self._text(row, LABEL),
                    type_ids=self._text(row, TYPES),
                    secret=secret is not None and secret.checkState() == Qt.CheckState.Checked,
                    profile_id=owner.currentData() if isinstance(owner, QComboBox) else None,
                )
            )
        return result

    def save(self) -> bool:
        for row, sequence in enumerate(self.sequences()):
            if not sequence.key:
                common.show_error(self, _("Row {row} needs a key.").format(row=row + 1))
                return False

            def save_this(sequence: NumberSequence = sequence) -> NumberSequence:
                return save_sequence(current_store(), sequence)

            saved = guarded(self, save_this)
            if saved is None:
                return False
            self.ids[row] = saved.id
        common.show_info(self, _("The sequences are saved."))
        return True
