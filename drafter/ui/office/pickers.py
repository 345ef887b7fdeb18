"""Pickers used from the letter form: a profile, a signer's pattern, recipient lines."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from drafter.core.letter import Issuer, Signature
from drafter.i18n import _
from drafter.store.contacts import Place, group_lines, list_groups, recipient_line
from drafter.store.models import ContactGroup, Profile, Signer, SigningPattern, Unit
from drafter.store.profiles import issuer_of, list_profiles
from drafter.store.signers import compose_signature, list_signers, pattern_label
from drafter.ui.office.common import current_store, guarded
from drafter.ui.office.contacts_dialog import SearchList


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class ProfilePicker(QDialog):
    """Choose the issuing body (and the drafting unit) of the letter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pick.profile")
        self.setWindowTitle(_("Choose the issuing body"))
        self.profiles = QListWidget(self)
        self.profiles.setObjectName("pick.profile.list")
        self.unit = QComboBox(self)
        self.unit.setObjectName("pick.profile.unit")
        for profile in guarded(self, lambda: list_profiles(current_store())) or []:
            item = QListWidgetItem(profile.label, self.profiles)
            item.setData(Qt.ItemDataRole.UserRole, profile)
        self.profiles.currentItemChanged.connect(self._fill_units)
        layout = QVBoxLayout(self)
        layout.addWidget(self.profiles, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Drafting unit:"), self))
        row.addWidget(self.unit, 1)
        layout.addLayout(row)
        layout.addWidget(_buttons(self))
        if self.profiles.count():
            self.profiles.setCurrentRow(0)

    def _fill_units(self, item: QListWidgetItem | None) -> None:
        self.unit.clear()
        self.unit.addItem(_("(none)"), None)
        if item is not None:
            for unit in item.data(Qt.ItemDataRole.UserRole).units:
                self.unit.addItem(f"{unit.name} ({unit.abbreviation})", unit)

    def chosen(self) -> tuple[Profile, Unit | None] | None:
        item = self.profiles.currentItem()
        if item is None:
            return None
        return item.data(Qt.ItemDataRole.UserRole), self.unit.currentData()

    def issuer_and_place(self) -> tuple[Issuer, str] | None:
        chosen = self.chosen()
        if chosen is None:
            return None
        profile, unit = chosen
        return issuer_of(profile, unit), profile.place


class SignaturePicker(QDialog):
    """Choose a signer and the capacity they sign in; shows the block it makes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pick.signature")
        self.setWindowTitle(_("Choose the signer"))
        self.signers = QListWidget(self)
        self.signers.setObjectName("pick.signature.signers")
        self.patterns = QListWidget(self)
        self.patterns.setObjectName("pick.signature.patterns")
        self.preview = QLabel(self)
        self.preview.setObjectName("pick.signature.preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for signer in guarded(self, lambda: list_signers(current_store())) or []:
            item = QListWidgetItem(f"{signer.name} — {signer.title}", self.signers)
            item.setData(Qt.ItemDataRole.UserRole, signer)
        self.signers.currentItemChanged.connect(self._fill_patterns)
        self.patterns.currentRowChanged.connect(lambda _row: self._show_preview())
        lists = QHBoxLayout()
        lists.addWidget(self.signers, 1)
        lists.addWidget(self.patterns, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(lists, 1)
        layout.addWidget(self.preview)
        layout.addWidget(_buttons(self))
        if self.signers.count():
            self.signers.setCurrentRow(0)

    def _signer(self) -> Signer | None:
        item = self.signers.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _fill_patterns(self) -> None:
        self.patterns.clear()
        signer = self._signer()
        if signer is None:
            return
        for pattern in signer.patterns:
            item = QListWidgetItem(pattern_label(signer, pattern), self.patterns)
            item.setData(Qt.ItemDataRole.UserRole, pattern)
        own = QListWidgetItem(
            _("Own position only: {title}").format(title=signer.title), self.patterns
        )
        own.setData(Qt.ItemDataRole.UserRole, None)
        self.patterns.setCurrentRow(0)

    def _pattern(self) -> SigningPattern | None:
        item = self.patterns.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def signature(self) -> Signature | None:
        signer = self._signer()
        return compose_signature(signer, self._pattern()) if signer is not None else None

    def _show_preview(self) -> None:
        signature = self.signature()
        if signature is None:
            self.preview.clear()
            return
        lines = [*signature.lines, "", signature.name]
        self.preview.setText("<b>" + "<br>".join(html.escape(x) for x in lines) + "</b>")


class RecipientPicker(QDialog):
    """Build the list of Kính gửi or Nơi nhận lines from contacts and groups.

    It opens with the letter's current lines; a contact or group already among them
    is shown checked, and checking or unchecking one adds or removes its lines.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        for_: Place = "kinh_gui",
        current: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.for_ = for_
        self._marking = False  # checks being set from the chosen lines, not by the user
        self.setObjectName("pick.recipients")
        self.setWindowTitle(
            _("Choose the recipients (Kính gửi)")
            if for_ == "kinh_gui"
            else _("Choose the recipients (Nơi nhận)")
        )
        self.resize(820, 480)
        self.search = SearchList(self, "pick.recipients")
        self.search.results.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.search.results.itemDoubleClicked.connect(lambda _item: self.add_contacts())
        self.search.refreshed.connect(self._mark_chosen)
        self.search.results.itemChanged.connect(self._contact_checked)
        self.groups = QListWidget(self)
        self.groups.setObjectName("pick.recipients.groups")
        self.groups.itemChanged.connect(self._group_checked)
        self.chosen = QListWidget(self)
        self.chosen.setObjectName("pick.recipients.chosen")
        self.chosen.model().rowsInserted.connect(lambda *_args: self._mark_chosen())
        self.chosen.model().rowsRemoved.connect(lambda *_args: self._mark_chosen())
        for line in current or []:
            self._add(line)
        self._fill_groups()
        buttons = QVBoxLayout()
        for label, name, slot in (
            (_("Add →"), "pick.add", self.add_contacts),
            (_("Add the group's members →"), "pick.add_members", self.add_group_members),
            (_("Add the group's name →"), "pick.add_group", self.add_group_name),
            (_("Up"), "pick.up", lambda: self._move(-1)),
            (_("Down"), "pick.down", lambda: self._move(1)),
            (_("Remove"), "pick.remove", self._remove),
        ):
            button = QPushButton(label, self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.search, 2)
        left.addWidget(QLabel(_("Groups:"), self))
        left.addWidget(self.groups, 1)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(buttons)
        body.addWidget(self.chosen, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(_buttons(self))
        self.search.refresh()
        from drafter.ui.office.changes import data_changes

        data_changes().changed.connect(self._reload)

    def _fill_groups(self) -> None:
        self.groups.clear()
        for group in guarded(self, lambda: list_groups(current_store())) or []:
            item = QListWidgetItem(f"{group.name} ({len(group.members)})", self.groups)
            item.setData(Qt.ItemDataRole.UserRole, group)
        self._mark_chosen()

    def _reload(self) -> None:
        """The office data changed while the picker is open: list it again."""
        self.search.refresh()
        self._fill_groups()

    # --- checks: what the letter already has ------------------------------------------

    def _contact_line(self, item: QListWidgetItem) -> str:
        return recipient_line(item.data(Qt.ItemDataRole.UserRole), self.for_)

    def _group_lines(self, item: QListWidgetItem) -> list[str]:
        return group_lines(item.data(Qt.ItemDataRole.UserRole), self.for_)

    def _group_is_chosen(self, item: QListWidgetItem, chosen: list[str]) -> bool:
        group: ContactGroup = item.data(Qt.ItemDataRole.UserRole)
        lines = self._group_lines(item)
        return group.name in chosen or (bool(lines) and all(x in chosen for x in lines))

    def _mark_chosen(self) -> None:
        """Check the contacts and groups whose lines are in the chosen list."""
        chosen = self.lines()
        self._marking = True
        try:
            for row in range(self.search.results.count()):
                item = self.search.results.item(row)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(_check(self._contact_line(item) in chosen))
            for row in range(self.groups.count()):
                item = self.groups.item(row)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(_check(self._group_is_chosen(item, chosen)))
        finally:
            self._marking = False

    def _contact_checked(self, item: QListWidgetItem) -> None:
        if self._marking or item.data(Qt.ItemDataRole.CheckStateRole) is None:
            return  # not a click on the box: the checks are being set, or the row made
        line = self._contact_line(item)
        if item.checkState() == Qt.CheckState.Checked:
            self._add(line)
        else:
            self._remove_lines([line])

    def _group_checked(self, item: QListWidgetItem) -> None:
        if self._marking or item.data(Qt.ItemDataRole.CheckStateRole) is None:
            return  # not a click on the box: the checks are being set, or the row made
        lines = self._group_lines(item)
        if item.checkState() == Qt.CheckState.Checked:
            for line in lines:
                self._add(line)
        else:
            group: ContactGroup = item.data(Qt.ItemDataRole.UserRole)
            self._remove_lines([*lines, group.name])

    def _remove_lines(self, lines: list[str]) -> None:
        for row in reversed(range(self.chosen.count())):
            if self.chosen.item(row).text() in lines:
                self.chosen.takeItem(row)

    def _add(self, line: str) -> None:
        if line and line not in self.lines():
            self.chosen.addItem(line)

    def add_contacts(self) -> None:
        for contact in self.search.selected():
            self._add(recipient_line(contact, self.for_))

    def _group(self) -> ContactGroup | None:
        item = self.groups.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def add_group_members(self) -> None:
        group = self._group()
        if group is not None:
            for line in group_lines(group, self.for_):
                self._add(line)

    def add_group_name(self) -> None:
        group = self._group()
        if group is not None:
            self._add(group.name)

    def _move(self, step: int) -> None:
        row = self.chosen.currentRow()
        if row >= 0 and 0 <= row + step < self.chosen.count():
            self.chosen.insertItem(row + step, self.chosen.takeItem(row))
            self.chosen.setCurrentRow(row + step)

    def _remove(self) -> None:
        if self.chosen.currentRow() >= 0:
            self.chosen.takeItem(self.chosen.currentRow())

    def lines(self) -> list[str]:
        return [self.chosen.item(i).text() for i in range(self.chosen.count())]


def _check(on: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
