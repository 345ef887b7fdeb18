"""Organisation profiles: the issuing bodies a secretary serves, with their units."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from drafter.core.vietnamese import clean_line
from drafter.i18n import _
from drafter.store.models import Profile, Unit
from drafter.store.office_file import PROFILE_TEXT
from drafter.store.profiles import delete_profile, list_profiles, save_profile
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
from drafter.ui.office.text_fields import add_line_edits

# The one-line fields in the form's order (labels in .text_fields): those an office file
# carries, then the agency's certificate for signed PDFs, which it does not.
_TEXT_FIELDS = (*PROFILE_TEXT, "certificate")


class ProfilesDialog(EntriesDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("office.profiles")
        self.setWindowTitle(_("Organisation profiles"))
        self.current: Profile | None = None
        left = self.entries_column("profiles", _("New"), self.new_profile, self.show_profile)

        form = QFormLayout()
        self.parent_lines = LinesEdit(self, 2)
        self.parent_lines.setObjectName("profile.parent")
        self.name_lines = LinesEdit(self, 2)
        self.name_lines.setObjectName("profile.name")
        form.addRow(_("Parent body (one line each):"), self.parent_lines)
        form.addRow(_("Issuing body (one line each):"), self.name_lines)
        self.edits = add_line_edits(form, self, "profile", _TEXT_FIELDS)
        self.advisory = QCheckBox(
            _("Advisory body (Hội đồng, Ban, Tổ): numbers on its own sequence"), self
        )
        self.advisory.setObjectName("profile.advisory")
        form.addRow("", self.advisory)
        # Every new letter starts from the default profile's issuer (drafter.app.new_letter).
        self.is_default = QCheckBox(_("Default profile"), self)
        self.is_default.setObjectName("profile.default")
        form.addRow("", self.is_default)
        self.seal_image = ImagePicker(self, "seal")  # ô 8 of signed PDFs
        form.addRow(_("Seal image:"), self.seal_image)
        self.units = QTableWidget(0, 2, self)
        self.units.setObjectName("profile.units")
        self.units.setHorizontalHeaderLabels([_("Unit"), _("Abbreviation")])
        self.units.horizontalHeader().setStretchLastSection(True)
        unit_buttons = button_row(
            self,
            (_("Add unit"), "profile.add_unit", self._add_unit),
            (_("Remove unit"), "profile.remove_unit", self._remove_unit),
        )
        form.addRow(_("Units:"), self.units)
        form.addRow("", layout_widget(unit_buttons, self))
        save = QPushButton(_("Save"), self)
        save.setObjectName("profiles.save")
        self.finish(left, form, save)

    def reload(self, select_id: int | None = None) -> None:
        profiles = guarded(self, lambda: list_profiles(current_store())) or []
        self.list.clear()
        for profile in profiles:
            item = QListWidgetItem(profile.label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, profile)
            if profile.id == select_id:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        if not self.list.count():
            self.new_profile()

    def new_profile(self) -> None:
        self.list.clearSelection()
        self.show_profile(Profile(label="", parent="", name="", units=[]))

    def show_profile(self, profile: Profile) -> None:
        self.current = profile
        self.parent_lines.set_lines(split_lines(profile.parent))
        self.name_lines.set_lines(split_lines(profile.name))
        for key, edit in self.edits.items():
            edit.setText(getattr(profile, key) or "")
        self.advisory.setChecked(bool(profile.advisory))
        self.is_default.setChecked(bool(profile.is_default))
        self.seal_image.set_path(profile.seal_image or "")
        self.units.setRowCount(0)
        for unit in profile.units:
            row = self.units.rowCount()
            self.units.insertRow(row)
            self.units.setItem(row, 0, QTableWidgetItem(unit.name))
            self.units.setItem(row, 1, QTableWidgetItem(unit.abbreviation))

    def _add_unit(self) -> None:
        self.units.insertRow(self.units.rowCount())

    def _remove_unit(self) -> None:
        self.units.removeRow(self.units.currentRow())

    def _units(self) -> list[Unit]:
        units = []
        for row in range(self.units.rowCount()):
            cells = [self.units.item(row, column) for column in (0, 1)]
            name, abbreviation = (clean_line(c.text()) if c else "" for c in cells)
            if name or abbreviation:
                units.append(Unit(name=name or abbreviation, abbreviation=abbreviation))
        return units

    def save(self) -> Profile | None:
        profile = Profile(
            id=self.current.id if self.current is not None else None,
            parent="\n".join(self.parent_lines.lines()),
            name="\n".join(self.name_lines.lines()),
            advisory=self.advisory.isChecked(),
            is_default=self.is_default.isChecked(),
            units=self._units(),
            seal_image=self.seal_image.path(),
            **{key: clean_line(edit.text()) for key, edit in self.edits.items()},
        )
        if not profile.name:
            common.show_error(self, _("a profile needs the issuing body's name"))
            return None
        saved = guarded(self, lambda: save_profile(current_store(), profile))
        if saved is not None:
            self.reload(saved.id)
        return saved

    def delete_current(self) -> None:
        if self.current is None or self.current.id is None:
            return
        question = _("Delete the profile '{label}'?").format(label=self.current.label)
        if common.confirm(self, question):
            profile_id = self.current.id
            guarded(self, lambda: delete_profile(current_store(), profile_id))
            self.reload()
