"""The outgoing register: browse, search, filter, reserve and cancel numbers, export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafter.i18n import _
from drafter.store import register
from drafter.store.models import RegisterEntry
from drafter.store.register_query import RegisterFilter, count, search, years
from drafter.store.register_xlsx import COLUMNS, entry_row
from drafter.ui.buttons import button_row
from drafter.ui.office import common
from drafter.ui.office.common import current_store, guarded
from drafter.ui.qt_translations import file_dialog_options

PAGE = 500
STATUS_LABELS = {
    register.ISSUED: "Đã cấp số",
    register.RESERVED: "Giữ số",
    register.CANCELLED: "Đã hủy",
}


class RegisterDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("office.register")
        self.setWindowTitle(_("Outgoing register (sổ đăng ký văn bản đi)"))
        self.resize(1100, 600)
        self.year = QComboBox(self)
        self.year.setObjectName("register.year")
        self.text = QLineEdit(self)
        self.text.setObjectName("register.search")
        self.text.setPlaceholderText(_("Search number, subject, signer, recipients…"))
        self.text.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.setObjectName("register.status")
        self.status.addItem(_("All"), "")
        for value, label in STATUS_LABELS.items():
            self.status.addItem(label, value)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(_("Year:"), self))
        filters.addWidget(self.year)
        filters.addWidget(self.text, 1)
        filters.addWidget(self.status)

        self.table = QTableWidget(0, len(COLUMNS) + 1, self)
        self.table.setObjectName("register.table")
        self.table.setHorizontalHeaderLabels(
            [f"({i}) {title}" for i, (title, _w) in enumerate(COLUMNS, start=1)] + [_("Status")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("register.summary")

        actions = button_row(
            self,
            (_("Reserve a number…"), "register.reserve", self.reserve),
            (_("Cancel number…"), "register.cancel", self.cancel),
            (_("History"), "register.history", self.history),
            (_("Save letter again…"), "register.letter", self.save_letter),
            (_("Export to Excel…"), "register.export", self.export),
            (_("Sequences…"), "register.sequences", self.sequences),
        )
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        actions.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(actions)
        self.entries: list[RegisterEntry] = []
        self._fill_years()
        self.year.currentIndexChanged.connect(self.refresh)
        self.text.textChanged.connect(self.refresh)
        self.status.currentIndexChanged.connect(self.refresh)
        self.refresh()
        from drafter.ui.office.changes import data_changes

        data_changes().changed.connect(self.refresh)

    def _fill_years(self) -> None:
        known = guarded(self, lambda: years(current_store())) or []
        this_year = dt.date.today().year
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(_("All years"), None)
        for year in sorted({this_year, *known}, reverse=True):
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(1)
        self.year.blockSignals(False)

    def filter(self) -> RegisterFilter:
        return RegisterFilter(
            year=self.year.currentData(),
            text=self.text.text(),
            status=self.status.currentData() or "",
        )

    def refresh(self) -> None:
        where = self.filter()
        self.entries = guarded(self, lambda: search(current_store(), where, limit=PAGE)) or []
        total = guarded(self, lambda: count(current_store(), where)) or 0
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            cells = [*entry_row(entry), STATUS_LABELS.get(entry.status, entry.status)]
            for column, value in enumerate(cells):
                item = QTableWidgetItem("" if value is None else str(value))
                if entry.status == register.CANCELLED:
                    font = item.font()
                    font.setStrikeOut(column == 0)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.summary.setText(
            _("{shown} of {total} entries").format(shown=len(self.entries), total=total)
        )
        self.fit_columns()

    def fit_columns(self) -> None:
        """Each column as wide as its header and its cells, the long texts (summary,
        recipients) at most a share of the window, wrapped within it."""
        self.table.resizeColumnsToContents()
        widest = max(240, self.width() // 3)
        for column in range(self.table.columnCount() - 1):  # the last one stretches
            if self.table.columnWidth(column) > widest:
                self.table.setColumnWidth(column, widest)
        self.table.resizeRowsToContents()

    def selected(self) -> RegisterEntry | None:
        row = self.table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def reserve(self, note: str | None = None) -> RegisterEntry | None:
        if note is None:
            note, ok = QInputDialog.getText(
                self, _("Reserve a number"), _("What is the number held for?")
            )
            if not ok:
                return None
        year = self.year.currentData() or dt.date.today().year
        entry = guarded(
            self, lambda: register.reserve(current_store(), "chung", year, note=note or "")
        )
        if entry is not None:
            common.show_info(
                self, _("Number {number} is reserved.").format(number=entry.number_symbol)
            )
            self.refresh()
        return entry

    def cancel(self, reason: str | None = None) -> None:
        entry = self.selected()
        if entry is None:
            common.show_error(self, _("Choose the number to cancel in the list."))
            return
        if reason is None:
            reason, ok = QInputDialog.getText(
                self,
                _("Cancel number"),
                _("Why is number {number} cancelled?").format(number=entry.number_symbol),
            )
            if not ok:
                return
        if guarded(self, lambda: register.cancel(current_store(), entry.id, reason)):
            self.refresh()

    def history(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        events = guarded(self, lambda: register.events_of(current_store(), entry.id)) or []
        lines = [f"{e.at:%d/%m/%Y %H:%M}  {e.action}  {e.actor}  {e.detail}" for e in events]
        common.show_info(self, "\n".join(lines) or _("No history."))

    def save_letter(self, path: Path | None = None) -> None:
        entry = self.selected()
        if entry is None or not entry.snapshot:
            common.show_error(self, _("Choose an issued number in the list."))
            return
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(
                self,
                _("Save the issued letter"),
                f"{entry.number_symbol.replace('/', '-')}.docx",
                _("Word document (*.docx);;Letter file (*.letter)"),
                options=file_dialog_options(),
            )
            if not name:
                return
            path = Path(name)

        def write() -> None:
            letter = register.letter_of(entry)
            if path.suffix.lower() == ".letter":
                from drafter.core import letterfile

                letterfile.save(letter, path)
            else:
                from drafter.app.compose import compose
                from drafter.render import docx_writer

                docx_writer.write(compose(letter), path, letter.date)

        guarded(self, write)

    def sequences(self) -> None:
        from drafter.ui.office.sequences_dialog import SequencesDialog

        SequencesDialog(self).exec()

    def export(self, path: Path | None = None) -> None:
        if path is None:
            year = self.year.currentData()
            name, _filter = QFileDialog.getSaveFileName(
                self,
                _("Export the register"),
                f"so-van-ban-di-{year or 'tat-ca'}.xlsx",
                _("Excel workbook (*.xlsx)"),
                options=file_dialog_options(),
            )
            if not name:
                return
            path = Path(name)
        from drafter.store.register_xlsx import export_register

        written = guarded(self, lambda: export_register(current_store(), path, self.filter()))
        if written is not None:
            common.show_info(
                self, _("{count} entries written to {path}").format(count=written, path=path)
            )
