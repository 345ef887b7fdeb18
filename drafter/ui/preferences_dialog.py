"""Preferences: default place, export folder, language and layout sizes.

Every size is a spin box bounded by the legal range of NĐ 30
(:data:`drafter.layout.settings.RANGES`), so no value outside it can be entered.
"""

from __future__ import annotations

import math
from dataclasses import fields, replace

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
from drafter.layout.settings import RANGES, LayoutSettings
from drafter.settings import Preferences


def layout_labels() -> dict[str, str]:
    return {
        "margin_top": _("Top margin (mm)"), "margin_bottom": _("Bottom margin (mm)"),
        "margin_left": _("Left margin (mm)"), "margin_right": _("Right margin (mm)"),
        "quoc_hieu_size": _("Quốc hiệu size (pt)"), "tieu_ngu_size": _("Tiêu ngữ size (pt)"),
        "issuer_size": _("Issuing body size (pt)"), "number_size": _("Number size (pt)"),
        "date_size": _("Place and date size (pt)"), "title_size": _("Type name size (pt)"),
        "vv_size": _("V/v size (pt)"), "body_size": _("Body size (pt)"),
        "signature_size": _("Signature size (pt)"),
        "first_line_indent_cm": _("First-line indent (cm)"),
        "paragraph_space_pt": _("Space between paragraphs (pt)"),
        "line_spacing": _("Line spacing (lines)"),
        "header_left_mm": _("Header left column (mm)"),
        "header_right_mm": _("Header right column (mm)"),
        "rule_share": _("Rule line length (share of the text)"),
    }


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
        labels = layout_labels()
        for spec in fields(LayoutSettings):
            low, high = RANGES[spec.name]
            spin = QDoubleSpinBox(self)
            spin.setObjectName(f"prefs.layout.{spec.name}")
            # Shown with 3 decimals; the bounds are rounded inwards (1/3 → 0.334).
            spin.setDecimals(3)
            spin.setRange(math.ceil(low * 1000) / 1000, math.floor(high * 1000) / 1000)
            spin.setSingleStep(0.5 if high - low >= 2 else 0.01)
            spin.setValue(getattr(preferences.layout, spec.name))
            spin.setAccessibleName(labels[spec.name])
            spin.setToolTip(_("From {low:g} to {high:g}").format(low=low, high=high))
            if low == high:
                spin.setEnabled(False)
            sizes_form.addRow(labels[spec.name] + ":", spin)
            self.spins[spec.name] = spin
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(general)
        layout.addWidget(sizes)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Default export folder"),
                                                  self.export_folder.text())
        if folder:
            self.export_folder.setText(folder)

    def result_preferences(self) -> Preferences:
        values = {name: spin.value() for name, spin in self.spins.items()}
        # 1 and 1.27 cm are the only first-line indents the decree names.
        indent = values["first_line_indent_cm"]
        values["first_line_indent_cm"] = 1.0 if abs(indent - 1.0) < abs(indent - 1.27) else 1.27
        return replace(self.preferences, default_place=self.place.text().strip(),
                       export_folder=self.export_folder.text().strip(),
                       language=self.language.currentData(),
                       layout=replace(self.preferences.layout, **values))
