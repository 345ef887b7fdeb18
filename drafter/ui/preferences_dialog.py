"""Preferences: default place, export folder, language and layout sizes.

The layout group shows exactly the declared settings
(:data:`drafter.layout.settings.SPECS`): each a spin box bounded by its legal range
in NĐ 30, so no value outside it can be entered, labelled with its name and unit.
"""

from __future__ import annotations

import math
from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from drafter.i18n import _
from drafter.layout.settings import SPECS
from drafter.settings import Preferences
from drafter.ui.qt_translations import file_dialog_options


class PreferencesDialog(QDialog):
    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.setWindowTitle(_("Preferences"))
        self.preferences = preferences
        general = QGroupBox(_("General"), self)
        form = QFormLayout(general)
        self.place = QLineEdit(preferences.default_place, self)
        self.place.setObjectName("prefs.default_place")
        self.place.setAccessibleName(_("Default place"))
        form.addRow(_("Default place:"), self.place)
        self.export_folder = QLineEdit(preferences.export_folder, self)
        self.export_folder.setObjectName("prefs.export_folder")
        self.export_folder.setAccessibleName(_("Default export folder"))
        browse = QPushButton(_("Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.export_folder, 1)
        row.addWidget(browse)
        form.addRow(_("Default export folder:"), row)
        self.language = QComboBox(self)
        self.language.setObjectName("prefs.language")
        self.language.setAccessibleName(_("Interface language"))
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(preferences.language)))
        form.addRow(_("Interface language:"), self.language)
        sizes = QGroupBox(_("Default layout (within the ranges of NĐ 30/2020)"), self)
        sizes_form = QFormLayout(sizes)
        self.spins: dict[str, QDoubleSpinBox] = {}
        for name, spec in SPECS.items():
            spin = QDoubleSpinBox(self)
            spin.setObjectName(f"prefs.layout.{name}")
            # Shown with 3 decimals; the bounds are rounded inwards (1/3 → 0.334).
            spin.setDecimals(3)
            spin.setRange(math.ceil(spec.low * 1000) / 1000, math.floor(spec.high * 1000) / 1000)
            spin.setSingleStep(spec.step)
            spin.setValue(getattr(preferences.layout, name))
            spin.setAccessibleName(spec.display_label)
            spin.setToolTip(_("From {low:g} to {high:g}").format(low=spec.low, high=spec.high))
            sizes_form.addRow(spec.display_label + ":", spin)
            self.spins[name] = spin
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(general)
        layout.addWidget(sizes)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self,
            _("Default export folder"),
            self.export_folder.text(),
            options=file_dialog_options(QFileDialog.Option.ShowDirsOnly),
        )
        if folder:
            self.export_folder.setText(folder)

    def result_preferences(self) -> Preferences:
        values = {name: _nearest_allowed(name, spin.value()) for name, spin in self.spins.items()}
        return replace(
            self.preferences,
            default_place=self.place.text().strip(),
            export_folder=self.export_folder.text().strip(),
            language=self.language.currentData(),
            layout=replace(self.preferences.layout, **values),
        )


def _nearest_allowed(name: str, value: float) -> float:
    """The value, or the nearest of the few the decree names (first-line indent: 1 or
    1.27 cm)."""
    choices = SPECS[name].choices
    return min(choices, key=lambda c: abs(c - value)) if choices else value
