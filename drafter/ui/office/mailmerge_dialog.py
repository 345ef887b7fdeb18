"""One letter, many recipients: the dialog in front of :mod:`drafter.app.mailmerge`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from drafter.app.errors import MergeError
from drafter.app.mailmerge import FIELD_PREFIX, KINH_GUI, default_target
from drafter.core.doctypes import default_registry
from drafter.core.letter import Letter
from drafter.i18n import _
from drafter.render import formats
from drafter.store.contacts import group_lines, list_groups
from drafter.ui.office import common
from drafter.ui.office.common import current_store, guarded
from drafter.ui.qt_translations import file_dialog_options


class MailMergeDialog(QDialog):
    def __init__(self, letter: Letter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("office.mailmerge")
        self.setWindowTitle(_("One document per recipient"))
        self.letter = letter
        doctype = default_registry().get(letter.type_id)
        form = QFormLayout(self)
        self.group = QComboBox(self)
        self.group.setObjectName("mailmerge.group")
        for group in guarded(self, lambda: list_groups(current_store())) or []:
            self.group.addItem(f"{group.name} ({len(group.members)})", group)
        form.addRow(_("Recipients (group):"), self.group)
        self.into = QComboBox(self)
        self.into.setObjectName("mailmerge.into")
        try:
            default = default_target(doctype)
        except MergeError:
            default = ""
        targets = [(KINH_GUI, _("Kính gửi"))] + [
            (FIELD_PREFIX + spec.id, spec.label) for spec in doctype.fields
        ]
        for value, label in targets:
            self.into.addItem(label, value)
        self.into.setCurrentIndex(max(0, self.into.findData(default)))
        form.addRow(_("Write each name into:"), self.into)
        self.together = QCheckBox(_("All in one file, each starting on a new page"), self)
        self.together.setObjectName("mailmerge.together")
        form.addRow("", self.together)
        self.format = QComboBox(self)
        self.format.setObjectName("mailmerge.format")
        for fmt in formats.FORMATS:
            self.format.addItem(f"{fmt.label} ({fmt.suffix})", fmt.name)
        form.addRow(_("Format:"), self.format)
        self.output = QLineEdit(self)
        self.output.setObjectName("mailmerge.output")
        browse = QPushButton(_("Choose…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.output, 1)
        row.addWidget(browse)
        holder = QWidget(self)
        row.setContentsMargins(0, 0, 0, 0)
        holder.setLayout(row)
        form.addRow(_("Save to:"), holder)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.written: list[Path] = []

    def _browse(self) -> None:
        if self.together.isChecked():
            fmt = formats.by_name(self.format.currentData())
            name, _filter = QFileDialog.getSaveFileName(
                self,
                _("Save to"),
                "",
                f"{fmt.label} (*{fmt.suffix})",
                options=file_dialog_options(),
            )
        else:
            name = QFileDialog.getExistingDirectory(
                self,
                _("Save to folder"),
                options=file_dialog_options(QFileDialog.Option.ShowDirsOnly),
            )
        if name:
            self.output.setText(name)

    def _format_of_output(self) -> formats.Format:
        """The chosen format; a combined file named with another format's suffix is
        written in that format (as the user named it)."""
        named = formats.for_suffix(Path(self.output.text().strip()).suffix)
        if self.together.isChecked() and named is not None:
            return named
        return formats.by_name(self.format.currentData())

    def run(self) -> None:
        from drafter.app.mailmerge import merge_to_files

        group = self.group.currentData()
        if group is None or not self.output.text().strip():
            common.show_error(self, _("Choose a group and where to save."))
            return
        names = group_lines(group, "kinh_gui")
        written = guarded(
            self,
            lambda: merge_to_files(
                self.letter,
                names,
                Path(self.output.text().strip()),
                into=self.into.currentData(),
                together=self.together.isChecked(),
                fmt=self._format_of_output(),
            ),
        )
        if written:
            self.written = written
            common.show_info(self, _("{count} files written.").format(count=len(written)))
            self.accept()
