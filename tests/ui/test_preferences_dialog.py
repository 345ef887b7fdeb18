"""The preferences dialog shows exactly the declared layout settings, each with its
declared label, unit and legal range, in Vietnamese and in English; what it returns
is saved and read back, and reaches the letter."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QLabel

from drafter import settings
from drafter.i18n import set_language
from drafter.layout.settings import DEFAULT, SPECS
from drafter.ui.preferences_dialog import PreferencesDialog


def _layout_rows(dialog: PreferencesDialog) -> list[tuple[str, QDoubleSpinBox]]:
    """(label text, spin box) of every row of the layout group, in order."""
    group = next(
        g
        for g in dialog.findChildren(QGroupBox)
        if any(isinstance(w, QDoubleSpinBox) for w in g.findChildren(QDoubleSpinBox))
    )
    form = group.layout()
    assert isinstance(form, QFormLayout)
    rows = []
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
        assert isinstance(label, QLabel) and isinstance(field, QDoubleSpinBox)
        rows.append((label.text(), field))
    return rows


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "vi",
            {
                "margin_top": "Lề trên (mm):",
                "line_spacing": "Giãn dòng (lần):",
                "header_right_mm": "Cột phải phần đầu (mm):",
                "rule_share": "Độ dài đường kẻ (so với dòng chữ):",
            },
        ),
        (
            "en",
            {
                "margin_top": "Top margin (mm):",
                "line_spacing": "Line spacing (lines):",
                "header_right_mm": "Header right column (mm):",
                "rule_share": "Rule line length (share of the text):",
            },
        ),
    ],
)
def test_the_dialog_shows_exactly_the_declared_settings(
    qtbot, language: str, expected: dict[str, str]
) -> None:
    set_language(language)
    dialog = PreferencesDialog(settings.Preferences())
    qtbot.addWidget(dialog)
    rows = _layout_rows(dialog)
    names = [spin.objectName().removeprefix("prefs.layout.") for _label, spin in rows]
    assert names == list(SPECS)
    assert list(dialog.spins) == list(SPECS)
    for (label, spin), (name, spec) in zip(rows, SPECS.items(), strict=True):
        assert label == spec.display_label + ":"
        assert spin.accessibleName() == spec.display_label
        assert spin.value() == pytest.approx(spec.default, abs=1e-3)
        assert spin.minimum() == pytest.approx(spec.low, abs=1e-3)
        assert spin.maximum() == pytest.approx(spec.high, abs=1e-3)
        assert spin.isEnabled(), name
    labels = {spin.objectName().removeprefix("prefs.layout."): label for label, spin in rows}
    for name, text in expected.items():
        assert labels[name] == text


def test_every_value_set_in_the_dialog_is_saved_and_read_back(qtbot, drafter_home) -> None:
    dialog = PreferencesDialog(settings.Preferences())
    qtbot.addWidget(dialog)
    chosen = {}
    for name, spec in SPECS.items():
        value = (spec.choices or (spec.low, spec.high))[0]
        if value == spec.default:
            value = (spec.choices or (spec.low, spec.high))[-1]
        dialog.spins[name].setValue(value)
        chosen[name] = dialog.spins[name].value()  # as the spin box holds it
    preferences = dialog.result_preferences()
    settings.save(preferences)
    loaded = settings.load().layout
    for name, value in chosen.items():
        assert getattr(loaded, name) == pytest.approx(value, abs=1e-3), name
        assert getattr(loaded, name) != pytest.approx(getattr(DEFAULT, name)), name


def test_a_first_line_indent_between_the_two_allowed_is_the_nearest(qtbot) -> None:
    dialog = PreferencesDialog(settings.Preferences(layout=replace(DEFAULT)))
    qtbot.addWidget(dialog)
    dialog.spins["first_line_indent_cm"].setValue(1.1)
    assert dialog.result_preferences().layout.first_line_indent_cm == 1.0
    dialog.spins["first_line_indent_cm"].setValue(1.2)
    assert dialog.result_preferences().layout.first_line_indent_cm == 1.27
