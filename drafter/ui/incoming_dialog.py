"""Incoming letters (văn bản đến): read a letter, check what was read, register it, and
answer or forward it as a new draft.

Open or drop a file: the reader's components are shown editable beside the document's
text, each with its confidence; those read without diacritics or with a low confidence
are marked for the văn thư to check.  "Vào sổ" gives the letter its arrival number; the
incoming register below can be searched (diacritics or not), and "Trả lời" / "Chuyển"
open the reply or the forwarding letter in the main window (the same letters as
``drafter reply`` / ``drafter forward``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafter.core.vietnamese import numeric_date
from drafter.i18n import _
from drafter.incoming.record import ReadLetter
from drafter.ui.office import common
from drafter.ui.qt_translations import file_dialog_options

# Below this confidence a component is marked for checking.
UNCERTAIN = 0.7
DATE_FORMAT = "%d/%m/%Y"
FILE_FILTER = "*.docx *.pdf *.txt *.png *.jpg *.jpeg *.tif *.tiff"
# The editable components: key, label (Vietnamese terms of NĐ 30, as the CLI prints them).
FIELDS = (
    ("type", "Tên loại"),
    ("number_symbol", "Số, ký hiệu"),
    ("date", "Ngày tháng"),
    ("issuer", "Cơ quan ban hành"),
    ("subject", "Trích yếu"),
    ("recipients", "Kính gửi"),
    ("signer", "Người ký"),
)
# Where each field takes its confidence from.
CONFIDENCE_OF = {
    "type": ("type",),
    "number_symbol": ("number", "symbol"),
    "date": ("date",),
    "issuer": ("issuer",),
    "subject": ("subject",),
    "recipients": ("recipients",),
    "signer": ("signer",),
}


def _parse_date(text: str) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    for pattern in (DATE_FORMAT, "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(_("'{text}' is not a date (dd/mm/yyyy)").format(text=text))


class IncomingDialog(QDialog):
    def __init__(self, window: Any = None) -> None:
        super().__init__(window)
        self.window_ = window  # the main window, where answers open as drafts
        self.setObjectName("incoming.dialog")
        self.setWindowTitle(_("Incoming letters (văn bản đến)"))
        self.setAcceptDrops(True)
        self.resize(1150, 760)
        self.path: Path | None = None
        self.record: ReadLetter | None = None
        self.last_entry: Any = None

        open_button = QPushButton(_("&Open a letter…"), self)
        open_button.setObjectName("incoming.open")
        open_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(_("Open or drop a letter (.docx, PDF, scan, .txt)"), self)
        self.file_label.setObjectName("incoming.file")
        top = QHBoxLayout()
        top.addWidget(open_button)
        top.addWidget(self.file_label, 1)

        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        for key, label in FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"incoming.{key}")
            self.edits[key] = edit
            self.labels[key] = QLabel(label, self)
            form.addRow(self.labels[key], edit)
        self.received = QLineEdit(numeric_date(dt.date.today()), self)
        self.received.setObjectName("incoming.received")
        self.to_unit = QLineEdit(self)
        self.to_unit.setObjectName("incoming.to_unit")
        self.due = QLineEdit(self)
        self.due.setObjectName("incoming.due")
        self.due.setPlaceholderText("dd/mm/yyyy")
        form.addRow(QLabel(_("Received on"), self), self.received)
        form.addRow(QLabel(_("Passed to (unit or person)"), self), self.to_unit)
        form.addRow(QLabel(_("Deadline"), self), self.due)
        self.notice = QLabel(self)
        self.notice.setObjectName("incoming.notice")
        self.notice.setWordWrap(True)
        form.addRow(self.notice)
        self.register_button = QPushButton(_("Register (Vào sổ)"), self)
        self.register_button.setObjectName("incoming.register")
        self.register_button.setEnabled(False)
        self.register_button.clicked.connect(self.register)
        self.arrival = QLabel(self)
        self.arrival.setObjectName("incoming.arrival")
        form.addRow(self.register_button, self.arrival)
        fields = QWidget(self)
        fields.setLayout(form)

        self.text = QPlainTextEdit(self)
        self.text.setObjectName("incoming.text")
        self.text.setReadOnly(True)
        reading = QSplitter(Qt.Orientation.Horizontal, self)
        reading.addWidget(fields)
        reading.addWidget(self.text)
        reading.setSizes([520, 630])

        self.search = QLineEdit(self)
        self.search.setObjectName("incoming.search")
        self.search.setPlaceholderText(_("Search the incoming register…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("incoming.table")
        self.table.setHorizontalHeaderLabels(
            ["Số đến", "Ngày đến", "Số, ký hiệu", "Tác giả", "Trích yếu", "Đơn vị nhận"]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.reply_button = QPushButton(_("Reply (Trả lời)"), self)
        self.reply_button.setObjectName("incoming.reply")
        self.reply_button.clicked.connect(self.reply)
        self.forward_button = QPushButton(_("Forward (Chuyển)"), self)
        self.forward_button.setObjectName("incoming.forward")
        self.forward_button.clicked.connect(self.forward)
        actions = QHBoxLayout()
        actions.addWidget(self.search, 1)
        actions.addWidget(self.reply_button)
        actions.addWidget(self.forward_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(reading, 3)
        layout.addLayout(actions)
        layout.addWidget(self.table, 2)
        self.entries: list[Any] = []
        self.refresh()

    # --- reading -----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.read_file(Path(files[0]))

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Open an incoming letter"),
            str(Path.home()),
            _("Letters ({patterns})").format(patterns=FILE_FILTER),
            options=file_dialog_options(),
        )
        if name:
            self.read_file(Path(name))

    def read_file(self, path: Path) -> bool:
        from drafter.incoming.errors import ReadError
        from drafter.incoming.reader import read_letter

        contacts = self._contacts()
        try:
            record = read_letter(path, contacts=contacts)
        except ReadError as error:
            common.show_error(self, str(error))
            return False
        self.path, self.record = path, record
        self.file_label.setText(str(path))
        self.show_record(record)
        self.register_button.setEnabled(True)
        self.arrival.clear()
        return True

    def _contacts(self) -> list[str]:
        try:
            from drafter.store.contacts import search_contacts

            store = common.current_store()
            return [c.full_name for c in search_contacts(store, "", kind="agency", limit=5000)]
        except Exception:  # the address book only helps; reading works without it
            return []

    def show_record(self, record: ReadLetter) -> None:
        values = {
            "type": record.type or "",
            "number_symbol": record.number_symbol,
            "date": numeric_date(record.date),
            "issuer": record.issuer_prose or " ".join(record.issuer),
            "subject": record.subject or "",
            "recipients": "; ".join(record.recipients),
            "signer": record.signer or "",
        }
        for key, label in FIELDS:
            confidence = min(record.confidence.get(part, 0.0) for part in CONFIDENCE_OF[key])
            folded = any(part in record.folded for part in CONFIDENCE_OF[key])
            self.edits[key].setText(values[key])
            self.edits[key].setProperty("confidence", confidence)
            self.edits[key].setProperty("uncertain", folded or confidence < UNCERTAIN)
            mark = ""
            if folded:
                mark = " ⚠ " + _("read without diacritics: check it")
            elif confidence < UNCERTAIN:
                mark = " ⚠ " + _("uncertain: check it")
            self.labels[key].setText(f"{label} [{confidence:.2f}]{mark}")
            self.edits[key].setToolTip(record.source.get(CONFIDENCE_OF[key][0], ""))
            self.edits[key].setStyleSheet(
                "background: #fff3cd;" if self.edits[key].property("uncertain") else ""
            )
        notes = list(record.notes)
        if record.partial:
            notes.insert(0, _("Partial result: {why}").format(why=record.partial))
        self.notice.setText("\n".join(notes))
        self.text.setPlainText(record.text)

    # --- registering ---------------------------------------------------------------------

    def arrival_values(self) -> Any:
        """The register line from the edited fields (the reader's record kept with it)."""
        from drafter.incoming.register import arrival_from

        assert self.record is not None
        arrival = arrival_from(
            self.record,
            received=_parse_date(self.received.text()) or dt.date.today(),
            to_unit=self.to_unit.text().strip(),
            due=_parse_date(self.due.text()),
            file=self.path,
        )
        arrival.type_name = self.edits["type"].text().strip()
        arrival.number_symbol = self.edits["number_symbol"].text().strip()
        arrival.doc_date = _parse_date(self.edits["date"].text())
        arrival.author = self.edits["issuer"].text().strip()
        arrival.subject = self.edits["subject"].text().strip()
        return arrival

    def register(self) -> Any:
        from drafter.store.incoming import register_arrival

        if self.record is None:
            return None
        store = common.store_or_none(self)
        if store is None:
            return None
        entry = common.guarded(self, lambda: register_arrival(store, self.arrival_values()))
        if entry is None:
            return None
        self.last_entry = entry
        message = _("Arrival number {number} ({year})").format(
            number=entry.arrival, year=entry.year
        )
        self.arrival.setText(message)
        self.register_button.setEnabled(False)  # a file is registered once
        self.refresh()
        self.select_entry(entry.id)
        common.show_info(self, message)
        return entry

    # --- the register ------------------------------------------------------------------

    def refresh(self) -> None:
        from drafter.store.engine import StoreError
        from drafter.store.incoming import search_arrivals

        try:
            store = common.current_store()
            self.entries = search_arrivals(store, text=self.search.text(), limit=2000)
        except StoreError as error:
            self.entries = []
            self.notice.setText(str(error))
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            cells = [
                f"{entry.arrival}/{entry.year}",
                numeric_date(entry.received_date),
                entry.number_symbol,
                entry.author,
                " ".join(p for p in (entry.type_name, entry.subject) if p),
                entry.recipient_unit,
            ]
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def select_entry(self, entry_id: int) -> None:
        for row, entry in enumerate(self.entries):
            if entry.id == entry_id:
                self.table.selectRow(row)
                return

    def selected_entry(self) -> Any:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if rows:
            return self.entries[min(rows)]
        return self.last_entry

    # --- answering ---------------------------------------------------------------------

    def reply(self) -> Any:
        from drafter.incoming.drafts import answer_draft

        return self._open_draft(lambda store, entry: answer_draft(store, entry))

    def forward(self) -> Any:
        from drafter.incoming.drafts import answer_draft

        entry = self.selected_entry()
        if entry is None:
            common.show_error(self, _("Choose a letter in the incoming register first"))
            return None
        recipients = self.ask_recipients()
        if recipients is None:
            return None
        editor = self._open_draft(
            lambda store, chosen: answer_draft(store, chosen, forward_to=recipients)
        )
        if editor is not None and entry.stored_path:
            common.show_info(
                self, _("Send the original with it: {path}").format(path=entry.stored_path)
            )
        return editor

    def ask_recipients(self) -> list[str] | None:
        """Whom the letter is forwarded to, one per line or separated by ";"."""
        text, ok = QInputDialog.getMultiLineText(
            self, _("Forward (Chuyển)"), _("Forward to (one recipient per line):")
        )
        if not ok:
            return None
        return [
            part.strip() for line in text.splitlines() for part in line.split(";") if part.strip()
        ]

    def _open_draft(self, make: Any) -> Any:
        from drafter.core import letterfile

        entry = self.selected_entry()
        if entry is None:
            common.show_error(self, _("Choose a letter in the incoming register first"))
            return None
        store = common.store_or_none(self)
        if store is None:
            return None
        draft = common.guarded(self, lambda: make(store, entry))
        if draft is None:
            return None
        # Through the letter file's own reader: the draft is what "drafter reply -o" saves.
        letter, _problems = letterfile.loads(letterfile.dumps(draft.letter))
        for warning in draft.warnings:
            common.show_info(self, warning)
        if self.window_ is None or not hasattr(self.window_, "add_editor"):
            return letter
        return self.window_.add_editor(letter.type_id, letter, dirty=True)
