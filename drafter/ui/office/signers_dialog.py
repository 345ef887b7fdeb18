"""Signers and their signing patterns (TM., KT., TL., TUQ., Q. and chains of them)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from drafter.core.vietnamese import clean_line, upper
from drafter.i18n import _
from drafter.store.models import Signer, SigningPattern
from drafter.store.signers import (
    PREFIXES,
    authority_problems,
    compose_signature,
    default_type_ids,
    delete_signer,
    join_type_ids,
    list_signers,
    pattern_label,
    save_signer,
)
from drafter.store.text import split_lines
from drafter.ui.buttons import button_row
from drafter.ui.image_picker import ImagePicker
from drafter.ui.office import common
from drafter.ui.office.common import (
    LinesEdit,
    current_store,
    guarded,
    layout_widget,
)
from drafter.ui.office.entries_dialog import EntriesDialog


class SignersDialog(EntriesDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("office.signers")
        self.setWindowTitle(_("Signers"))
        self.current: Signer | None = None
        self.patterns: list[SigningPattern] = []

        left = self.entries_column("signers", _("New signer"), self.new_signer, self.show_signer)

        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setObjectName("signer.name")
        self.title = QLineEdit(self)
        self.title.setObjectName("signer.title")
        self.title.setPlaceholderText("PHÓ CHỦ TỊCH")
        form.addRow(_("Full name:"), self.name)
        form.addRow(_("Position:"), self.title)
        self.signature_image = ImagePicker(self, "signature")  # ô 7c of signed PDFs
        form.addRow(_("Signature image:"), self.signature_image)
        self.certificate = QLineEdit(self)
        self.certificate.setPlaceholderText("p12:/…/khoa.p12  |  pkcs11:/…/thu-vien.so#TOKEN")
        form.addRow(_("Certificate:"), self.certificate)
        # Who signs a new letter: the signer naming its type, else the default signer.
        self.is_default = QCheckBox(_("Default"), self)
        self.is_default.setObjectName("signer.default")
        form.addRow("", self.is_default)
        self.default_types = self._type_list()
        form.addRow(_("Signs by default for the document types:"), self.default_types)
        self.pattern_list = QListWidget(self)
        self.pattern_list.setObjectName("signer.patterns")
        self.pattern_list.currentRowChanged.connect(self._pattern_selected)
        form.addRow(_("Signing patterns:"), self.pattern_list)

        # The pattern being edited: a chain of authority lines and the title under them.
        self.prefix = QComboBox(self)
        self.prefix.addItems(PREFIXES)
        self.holder = QLineEdit(self)
        self.holder.setObjectName("pattern.holder")
        self.holder.setPlaceholderText(_("e.g. ỦY BAN NHÂN DÂN, CHỦ TỊCH"))
        add_line = QPushButton(_("Add line"), self)
        add_line.setObjectName("pattern.add_line")
        add_line.clicked.connect(self._add_authority_line)
        builder = QHBoxLayout()
        builder.addWidget(self.prefix)
        builder.addWidget(self.holder, 1)
        builder.addWidget(add_line)
        self.authority = LinesEdit(self, 3)
        self.authority.setObjectName("pattern.authority")
        self.own_title = QCheckBox(_("Print the signer's own position under these lines"), self)
        self.own_title.setObjectName("pattern.own_title")
        self.own_title.setChecked(True)
        self.pattern_title = QLineEdit(self)
        self.pattern_title.setObjectName("pattern.title")
        self.pattern_title.setPlaceholderText(_("another position, or empty for none"))
        self.own_title.toggled.connect(lambda on: self.pattern_title.setEnabled(not on))
        self.pattern_title.setEnabled(False)
        form.addRow(_("Authority line:"), layout_widget(builder, self))
        form.addRow(_("Authority lines:"), self.authority)
        form.addRow("", self.own_title)
        form.addRow(_("Position for this pattern:"), self.pattern_title)
        pattern_buttons = button_row(
            self,
            (_("Add pattern"), "pattern.add", self.add_pattern),
            (_("Update pattern"), "pattern.update", self.update_pattern),
            (_("Remove pattern"), "pattern.remove", self.remove_pattern),
        )
        form.addRow("", layout_widget(pattern_buttons, self))
        self.preview = QLabel(self)
        self.preview.setObjectName("signer.preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        form.addRow(_("Signature block:"), self.preview)
        save = QPushButton(_("Save signer"), self)
        save.setObjectName("signers.save")
        self.finish(left, form, save)

    def _type_list(self) -> QListWidget:
        """The document types of the registry, each checkable, keeping its id."""
        from drafter.core.doctypes import default_registry
        from drafter.i18n import current_language

        types = QListWidget(self)
        types.setObjectName("signer.default_types")
        english = current_language() == "en"
        for doctype in default_registry().all():
            label = doctype.name_en if english and doctype.name_en else doctype.name
            item = QListWidgetItem(label, types)
            item.setData(Qt.ItemDataRole.UserRole, doctype.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        return types

    def _type_items(self) -> list[QListWidgetItem]:
        return [self.default_types.item(row) for row in range(self.default_types.count())]

    def _checked_types(self) -> str:
        """The checked types' ids, keeping those of types no longer installed."""
        listed = {item.data(Qt.ItemDataRole.UserRole) for item in self._type_items()}
        kept = (
            [t for t in default_type_ids(self.current) if t not in listed] if self.current else []
        )
        checked = [
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._type_items()
            if item.checkState() == Qt.CheckState.Checked
        ]
        return join_type_ids([*checked, *kept])

    # --- signers -------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        signers = guarded(self, lambda: list_signers(current_store())) or []
        self.list.clear()
        for signer in signers:
            item = QListWidgetItem(f"{signer.name} — {signer.title}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, signer)
            if signer.id == select_id:
                self.list.setCurrentItem(item)
        if not signers:
            self.new_signer()

    def new_signer(self) -> None:
        self.list.clearSelection()
        self.show_signer(Signer(name="", title="", patterns=[]))

    def show_signer(self, signer: Signer) -> None:
        self.current = signer
        self.name.setText(signer.name or "")
        self.title.setText(signer.title or "")
        self.signature_image.set_path(signer.signature_image or "")
        self.certificate.setText(signer.certificate or "")
        self.is_default.setChecked(bool(signer.is_default))
        signs = set(default_type_ids(signer))
        for item in self._type_items():
            checked = item.data(Qt.ItemDataRole.UserRole) in signs
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.patterns = [
            SigningPattern(authority=p.authority, title=p.title) for p in signer.patterns
        ]
        self._refresh_patterns()

    def _signer(self) -> Signer:
        return Signer(
            id=self.current.id if self.current else None,
            profile_id=self.current.profile_id if self.current else None,
            name=clean_line(self.name.text()),
            title=upper(clean_line(self.title.text())),
            patterns=list(self.patterns),
            signature_image=self.signature_image.path(),
            certificate=clean_line(self.certificate.text()),
            is_default=self.is_default.isChecked(),
            default_types=self._checked_types(),
        )

    def save(self) -> Signer | None:
        signer = self._signer()
        saved = guarded(self, lambda: save_signer(current_store(), signer))
        if saved is not None:
            self.reload(saved.id)
        return saved

    def delete_current(self) -> None:
        if self.current is None or self.current.id is None:
            return
        question = _("Delete the signer '{name}'?").format(name=self.current.name)
        if common.confirm(self, question):
            signer_id = self.current.id
            guarded(self, lambda: delete_signer(current_store(), signer_id))
            self.reload()

    # --- patterns ------------------------------------------------------------------------

    def _add_authority_line(self) -> None:
        holder = upper(clean_line(self.holder.text()))
        if holder:
            self.authority.set_lines(
                [*self.authority.lines(), f"{self.prefix.currentText()} {holder}"]
            )
            self.holder.clear()

    def _edited_pattern(self) -> SigningPattern | None:
        lines = [upper(line) for line in self.authority.lines()]
        problems = authority_problems(lines)
        if problems:
            common.show_error(self, "\n".join(problems))
            return None
        title = None if self.own_title.isChecked() else upper(clean_line(self.pattern_title.text()))
        return SigningPattern(authority="\n".join(lines), title=title)

    def add_pattern(self) -> None:
        pattern = self._edited_pattern()
        if pattern is not None:
            self.patterns.append(pattern)
            self._refresh_patterns(len(self.patterns) - 1)

    def update_pattern(self) -> None:
        row = self.pattern_list.currentRow()
        pattern = self._edited_pattern()
        if pattern is not None and 0 <= row < len(self.patterns):
            self.patterns[row] = pattern
            self._refresh_patterns(row)

    def remove_pattern(self) -> None:
        row = self.pattern_list.currentRow()
        if 0 <= row < len(self.patterns):
            del self.patterns[row]
            self._refresh_patterns()

    def _refresh_patterns(self, select: int = -1) -> None:
        signer = self._signer()
        self.pattern_list.blockSignals(True)
        self.pattern_list.clear()
        for pattern in self.patterns:
            self.pattern_list.addItem(pattern_label(signer, pattern))
        self.pattern_list.blockSignals(False)
        if 0 <= select < len(self.patterns):
            self.pattern_list.setCurrentRow(select)
        else:
            self._show_preview(None)

    def _pattern_selected(self, row: int) -> None:
        if 0 <= row < len(self.patterns):
            pattern = self.patterns[row]
            self.authority.set_lines(split_lines(pattern.authority))
            self.own_title.setChecked(pattern.title is None)
            self.pattern_title.setText(pattern.title or "")
            self._show_preview(pattern)

    def _show_preview(self, pattern: SigningPattern | None) -> None:
        signature = compose_signature(self._signer(), pattern)
        lines = [*signature.lines, "", signature.name]
        self.preview.setText("<b>" + "<br>".join(html.escape(line) for line in lines) + "</b>")
