"""Recipients and groups: search as you type, edit, order groups, import and export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from drafter.core.vietnamese import clean_line
from drafter.i18n import _
from drafter.store.contacts import (
    AGENCY,
    PERSON,
    TEXT_FIELDS,
    delete_contact,
    delete_group,
    list_groups,
    save_contact,
    save_group,
    search_contacts,
)
from drafter.store.models import Contact, ContactGroup
from drafter.ui.buttons import button_column, button_row
from drafter.ui.office import common
from drafter.ui.office.common import current_store, guarded
from drafter.ui.office.text_fields import add_line_edits
from drafter.ui.qt_translations import file_dialog_options

RESULTS = 200  # rows shown while searching; typing more narrows them
CONTACT_FIELDS = TEXT_FIELDS


def contact_item(contact: Contact, parent: QListWidget) -> QListWidgetItem:
    text = contact.full_name
    if contact.short_name and contact.short_name != contact.full_name:
        text += f"  —  {contact.short_name}"
    item = QListWidgetItem(text, parent)
    item.setData(Qt.ItemDataRole.UserRole, contact)
    return item


class SearchList(QWidget):
    """A search box over a list of contacts, refreshed at every keystroke."""

    refreshed = Signal()  # the results were listed again

    def __init__(self, parent: QWidget | None = None, name: str = "contacts") -> None:
        super().__init__(parent)
        self.query = QLineEdit(self)
        self.query.setObjectName(f"{name}.search")
        self.query.setPlaceholderText(_("Search, with or without diacritics"))
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName(f"{name}.results")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        self.query.textChanged.connect(self.refresh)

    def refresh(self) -> None:
        found = (
            guarded(
                self, lambda: search_contacts(current_store(), self.query.text(), limit=RESULTS)
            )
            or []
        )
        self.results.clear()
        for contact in found:
            contact_item(contact, self.results)
        self.refreshed.emit()

    def selected(self) -> list[Contact]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.results.selectedItems()]


class ContactsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("office.contacts")
        self.setWindowTitle(_("Recipients and groups"))
        self.resize(900, 560)
        tabs = QTabWidget(self)
        tabs.addTab(self._contacts_tab(), _("Recipients"))
        tabs.addTab(self._groups_tab(), _("Groups"))
        outer = QVBoxLayout(self)
        outer.addWidget(tabs)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        outer.addWidget(close)
        self.search.refresh()
        self.reload_groups()
        from drafter.ui.office.changes import data_changes

        data_changes().changed.connect(self.data_changed)

    def data_changed(self) -> None:
        """Another dialog or the letter wrote to the book: list what is stored now."""
        self.search.refresh()
        self.group_search.refresh()
        current = self.groups.currentItem()
        self.reload_groups(
            current.data(Qt.ItemDataRole.UserRole).id if current else None, show=False
        )

    # --- recipients --------------------------------------------------------------------

    def _contacts_tab(self) -> QWidget:
        page = QWidget(self)
        self.search = SearchList(page)
        self.search.results.currentItemChanged.connect(
            lambda item: self.show_contact(item.data(Qt.ItemDataRole.UserRole)) if item else None
        )
        form = QFormLayout()
        self.kind = QComboBox(page)
        self.kind.addItem(_("Agency"), AGENCY)
        self.kind.addItem(_("Person"), PERSON)
        form.addRow(_("Kind:"), self.kind)
        self.fields = add_line_edits(form, page, "contact", CONTACT_FIELDS)
        self.current: Contact | None = None
        buttons = button_row(
            page,
            (_("New"), "contacts.new", self.new_contact),
            (_("Save"), "contacts.save", self.save_contact),
            (_("Delete"), "contacts.delete", self.delete_contact),
            (_("Import…"), "contacts.import", self.import_file),
            (_("Export…"), "contacts.export", self.export_file),
        )
        right = QVBoxLayout()
        right.addLayout(form)
        right.addStretch(1)
        right.addLayout(buttons)
        layout = QHBoxLayout(page)
        layout.addWidget(self.search, 1)
        layout.addLayout(right, 1)
        return page

    def new_contact(self) -> None:
        self.show_contact(Contact(kind=AGENCY, full_name=""))

    def show_contact(self, contact: Contact) -> None:
        self.current = contact
        self.kind.setCurrentIndex(max(0, self.kind.findData(contact.kind or AGENCY)))
        for key, edit in self.fields.items():
            edit.setText(getattr(contact, key) or "")

    def save_contact(self) -> Contact | None:
        contact = Contact(
            id=self.current.id if self.current else None,
            kind=self.kind.currentData(),
            **{key: edit.text() for key, edit in self.fields.items()},
        )
        saved = guarded(self, lambda: save_contact(current_store(), contact))
        if saved is not None:
            self.current = saved
            self.search.refresh()
        return saved

    def delete_contact(self) -> None:
        if self.current is None or self.current.id is None:
            return
        if common.confirm(self, _("Delete '{name}'?").format(name=self.current.full_name)):
            contact_id = self.current.id
            guarded(self, lambda: delete_contact(current_store(), contact_id))
            self.new_contact()
            self.search.refresh()
            self.reload_groups()

    def import_file(self, path: Path | None = None) -> None:
        if not path:
            name, _filter = QFileDialog.getOpenFileName(
                self,
                _("Import recipients"),
                "",
                _("Spreadsheets (*.csv *.xlsx)"),
                options=file_dialog_options(),
            )
            if not name:
                return
            path = Path(name)
        from drafter.store.contacts_io import import_contacts

        report = guarded(self, lambda: import_contacts(current_store(), Path(path)))
        if report is None:
            return
        lines = [_("Recipients imported: {n}.").format(n=report.imported)]
        lines += report.notices
        lines += [str(problem) for problem in report.problems[:30]]
        if len(report.problems) > 30:
            lines.append(_("… and {n} more rows with problems").format(n=len(report.problems) - 30))
        common.show_info(self, "\n".join(lines))
        self.search.refresh()
        self.reload_groups()

    def export_file(self, path: Path | None = None) -> None:
        if not path:
            name, _filter = QFileDialog.getSaveFileName(
                self,
                _("Export recipients"),
                "danh-ba.xlsx",
                _("Spreadsheets (*.csv *.xlsx)"),
                options=file_dialog_options(),
            )
            if not name:
                return
            path = Path(name)
        from drafter.store.contacts_io import export_contacts

        guarded(self, lambda: export_contacts(current_store(), Path(path)))

    # --- groups -----------------------------------------------------------------------------

    def _groups_tab(self) -> QWidget:
        page = QWidget(self)
        self.groups = QListWidget(page)
        self.groups.setObjectName("groups.list")
        self.groups.currentItemChanged.connect(
            lambda item: self.show_group(item.data(Qt.ItemDataRole.UserRole)) if item else None
        )
        self.group_name = QLineEdit(page)
        self.group_name.setObjectName("group.name")
        self.members = QListWidget(page)
        self.members.setObjectName("group.members")
        # In place: drag a member to reorder; double-click (F2) to correct its name.
        self.members.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.members.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.members.setEditTriggers(
            QListWidget.EditTrigger.DoubleClicked | QListWidget.EditTrigger.EditKeyPressed
        )
        self.members.setToolTip(_("Drag to reorder; double-click a name to correct it"))
        self.members.itemChanged.connect(self.rename_member)
        self._showing_members = False
        self.group_search = SearchList(page, "group.candidates")
        self.group_search.results.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.current_group: ContactGroup | None = None
        member_buttons = button_column(
            page,
            (_("Add ←"), "group.add", self.add_members),
            (_("Up"), "group.up", lambda: self.move_member(-1)),
            (_("Down"), "group.down", lambda: self.move_member(1)),
            (_("Remove"), "group.remove", self.remove_member),
        )
        member_buttons.addStretch(1)
        group_buttons = button_row(
            page,
            (_("New group"), "groups.new", self.new_group),
            (_("Save group"), "groups.save", self.save_group),
            (_("Delete group"), "groups.delete", self.delete_group),
        )
        middle = QVBoxLayout()
        form = QFormLayout()
        form.addRow(_("Group name:"), self.group_name)
        middle.addLayout(form)
        middle.addWidget(self.members, 1)
        middle.addLayout(group_buttons)
        layout = QHBoxLayout(page)
        layout.addWidget(self.groups, 1)
        layout.addLayout(middle, 2)
        layout.addLayout(member_buttons)
        layout.addWidget(self.group_search, 2)
        self.group_search.refresh()
        return page

    def reload_groups(self, select_id: int | None = None, *, show: bool = True) -> None:
        """List the groups again, *select_id* current; without *show*, the members being
        edited stay as they are."""
        groups = guarded(self, lambda: list_groups(current_store())) or []
        self.groups.blockSignals(not show)
        self.groups.clear()
        for group in groups:
            item = QListWidgetItem(f"{group.name} ({len(group.members)})", self.groups)
            item.setData(Qt.ItemDataRole.UserRole, group)
            if group.id == select_id:
                self.groups.setCurrentItem(item)
        self.groups.blockSignals(False)

    def new_group(self) -> None:
        self.groups.clearSelection()
        self.show_group(ContactGroup(name="", members=[]))

    def show_group(self, group: ContactGroup) -> None:
        self.current_group = group
        self.group_name.setText(group.name or "")
        self.members.clear()
        for member in group.members:
            self._member_item(member.contact)

    def _member_item(self, contact: Contact) -> QListWidgetItem:
        """A member's row: its full name, editable in place."""
        self._showing_members = True
        try:
            item = QListWidgetItem(contact.full_name, self.members)
            item.setData(Qt.ItemDataRole.UserRole, contact)
            if contact.short_name and contact.short_name != contact.full_name:
                item.setToolTip(_("Short name (Nơi nhận): {name}").format(name=contact.short_name))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        finally:
            self._showing_members = False
        return item

    def rename_member(self, item: QListWidgetItem) -> None:
        """The member's name corrected in the list: corrected in the book too."""
        if self._showing_members:
            return
        contact: Contact = item.data(Qt.ItemDataRole.UserRole)
        name = clean_line(item.text())
        if name == contact.full_name:
            return
        changed = Contact(
            id=contact.id,
            kind=contact.kind,
            full_name=name,
            **{key: getattr(contact, key) for key in CONTACT_FIELDS if key != "full_name"},
        )
        saved = guarded(self, lambda: save_contact(current_store(), changed)) if name else None
        self._showing_members = True
        try:
            if saved is None:  # refused (an empty name): the old name stays
                item.setText(contact.full_name)
            else:
                item.setData(Qt.ItemDataRole.UserRole, saved)
                item.setText(saved.full_name)
        finally:
            self._showing_members = False

    def add_members(self) -> None:
        present = {
            self.members.item(i).data(Qt.ItemDataRole.UserRole).id
            for i in range(self.members.count())
        }
        for contact in self.group_search.selected():
            if contact.id not in present:
                self._member_item(contact)

    def move_member(self, step: int) -> None:
        row = self.members.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.members.count():
            return
        item = self.members.takeItem(row)
        self.members.insertItem(target, item)
        self.members.setCurrentRow(target)

    def remove_member(self) -> None:
        row = self.members.currentRow()
        if row >= 0:
            self.members.takeItem(row)

    def save_group(self) -> ContactGroup | None:
        ids = [
            self.members.item(i).data(Qt.ItemDataRole.UserRole).id
            for i in range(self.members.count())
        ]
        group_id = self.current_group.id if self.current_group else None
        saved = guarded(
            self,
            lambda: save_group(current_store(), self.group_name.text(), ids, group_id=group_id),
        )
        if saved is not None:
            self.reload_groups(saved.id)
        return saved

    def delete_group(self) -> None:
        group = self.current_group
        if group is None or group.id is None:
            return
        question = _("Delete the group '{name}'? Its recipients stay in the book.").format(
            name=group.name
        )
        if common.confirm(self, question):
            group_id = group.id
            guarded(self, lambda: delete_group(current_store(), group_id))
            self.new_group()
            self.reload_groups()
