"""Organisation profiles: the issuing bodies a secretary serves, with their units."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafter.core.vietnamese import clean_line
from drafter.i18n import N_, _
from drafter.store.models import Profile, Unit
from drafter.store.profiles import delete_profile, list_profiles, save_profile
from drafter.store.text import split_lines
from drafter.ui.image_picker import ImagePicker
from drafter.ui.office import common
from drafter.ui.office.common import (
    LinesEdit,
    current_store,
    guarded,
    layout_widget,
)
from drafter.ui.office.entries_dialog import EntriesDialog

_TEXT_FIELDS = (
    ("label", N_("Shown as:")),
    ("prose_name", N_("Name in sentences:")),
    ("abbreviation", N_("Abbreviation:")),
    ("place", N_("Place:")),
    ("address", N_("Address:")),
    ("phone", N_("Phone:")),
    ("fax", N_("Fax:")),
    ("email", N_("E-mail:")),
    ("website", N_("Website:")),
    ("certificate", N_("Certificate:")),
)  # the agency's, for signed PDFs


class ProfilesDialog(EntriesDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("office.profiles")
        self.setWindowTitle(_("Organisation profiles"))
        self.current: Profile | None = None
        self.list = QListWidget(self)
        self.list.setObjectName("profiles.list")
        self.list.currentItemChanged.connect(self._selected)
        new = QPushButton(_("New"), self)
        new.setObjectName("profiles.new")
        new.clicked.connect(self.new_profile)
        remove = QPushButton(_("Delete"), self)
        remove.setObjectName("profiles.delete")
        remove.clicked.connect(self.delete_current)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addWidget(remove)
        left.addLayout(buttons)

        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        self.parent_lines = LinesEdit(self, 2)
        self.parent_lines.setObjectName("profile.parent")
        self.name_lines = LinesEdit(self, 2)
        self.name_lines.setObjectName("profile.name")
        form.addRow(_("Parent body (one line each):"), self.parent_lines)
        form.addRow(_("Issuing body (one line each):"), self.name_lines)
        for key, label in _TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"profile.{key}")
            self.edits[key] = edit
            form.addRow(_(label), edit)
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
        add_unit = QPushButton(_("Add unit"), self)
        add_unit.setObjectName("profile.add_unit")
        add_unit.clicked.connect(lambda: self.units.insertRow(self.units.rowCount()))
        remove_unit = QPushButton(_("Remove unit"), self)
        remove_unit.clicked.connect(lambda: self.units.removeRow(self.units.currentRow()))
        unit_buttons = QHBoxLayout()
        unit_buttons.addWidget(add_unit)
        unit_buttons.addWidget(remove_unit)
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

    def _selected(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_profile(item.data(Qt.ItemDataRole.UserRole))

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
