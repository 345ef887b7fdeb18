"""Warnings beside their fields: what Drafter tidied in what was typed, or what deserves
a look (:mod:`drafter.app.advice`).  They are amber, under the field's problems (red),
each prefixed "Cảnh báo:", and they never block export.

The labels are made the first time a field has a warning, under its problem label, so a
form without warnings carries none of them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from drafter.core.problems import Problem
from drafter.i18n import _
from drafter.ui.body_editor import BodyEditor
from drafter.ui.form import Binding, LetterForm

WARNING_STYLE = "color: #8a5a00;"  # dark amber: readable on white, apart from the red
OTHER = "warnings.other"


def show_warnings(form: LetterForm, warnings: list[Problem]) -> None:
    """Each warning beside its field, the others at the top of the form; the fields
    without warnings lose theirs.  Called after :meth:`LetterForm.show_problems`."""
    by_path: dict[str, list[str]] = {}
    other: list[str] = []
    for warning in warnings:
        path = form._binding_path(warning.field)
        line = _("Warning: {message}").format(message=warning.message)
        if path is None:
            other.append(f"{warning.field}: {line}")
        else:
            by_path.setdefault(path, []).append(line)
    for path, binding in form.bindings.items():
        lines = list(dict.fromkeys(by_path.get(path, [])))
        label = _label(form, binding, create=bool(lines))
        if label is None:
            continue
        label.setText("\n".join(lines))
        label.setVisible(bool(lines))
        if lines:
            target = (
                binding.widget.editor if isinstance(binding.widget, BodyEditor) else binding.widget
            )
            problem = form.problem_text(path)
            target.setAccessibleDescription("\n".join(filter(None, [problem, *lines])))
    top = _other_label(form, create=bool(other))
    if top is not None:
        top.setText("\n".join(other))
        top.setVisible(bool(other))


def warning_text(form: LetterForm, path: str) -> str:
    """The warnings shown beside the field *path* ("" when none)."""
    label = form.findChild(QLabel, f"warning:{path}")
    return label.text() if label is not None and not label.isHidden() else ""


def status_text(problems: list[Problem], warnings: list[Problem]) -> str:
    """The status bar's count: "2 lỗi, 1 cảnh báo", "Sẵn sàng xuất, 1 cảnh báo"…"""
    if problems and warnings:
        return _("{problems} to fix, {warnings} warning(s)").format(
            problems=len(problems), warnings=len(warnings)
        )
    if problems:
        return _("{count} things to fix before export").format(count=len(problems))
    if warnings:
        return _("Ready to export, {count} warning(s)").format(count=len(warnings))
    return _("Ready to export")


def _label(form: LetterForm, binding: Binding, *, create: bool) -> QLabel | None:
    label = form.findChild(QLabel, f"warning:{binding.path}")
    if label is not None or not create:
        return label
    label = QLabel(form)
    label.setObjectName(f"warning:{binding.path}")
    label.setStyleSheet(WARNING_STYLE)
    label.setWordWrap(True)
    column = binding.problem_label.parentWidget()
    box = column.layout() if column is not None else None
    if isinstance(box, QVBoxLayout):
        box.insertWidget(box.indexOf(binding.problem_label) + 1, label)
    return label


def _other_label(form: LetterForm, *, create: bool) -> QLabel | None:
    label = form.findChild(QLabel, OTHER)
    if label is not None or not create:
        return label
    label = QLabel(form)
    label.setObjectName(OTHER)
    label.setStyleSheet(WARNING_STYLE)
    label.setWordWrap(True)
    layout = form.layout()
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(1, label)  # under the problems that have no field
    return label
