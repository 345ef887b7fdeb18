"""Rows and columns of push buttons declared as data: each one's label, object name and
what a click does."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

# (label, object name, action): the object name is how tests find the button.
ButtonSpec = tuple[str, str, Callable[[], object]]

Box = TypeVar("Box", bound=QBoxLayout)


def button_row(parent: QWidget, *specs: ButtonSpec) -> QHBoxLayout:
    """A push button of *parent* for each of *specs*, side by side in their order."""
    return _filled(QHBoxLayout(), parent, specs)


def button_column(parent: QWidget, *specs: ButtonSpec) -> QVBoxLayout:
    """A push button of *parent* for each of *specs*, one under the other in their order."""
    return _filled(QVBoxLayout(), parent, specs)


def _filled(layout: Box, parent: QWidget, specs: Iterable[ButtonSpec]) -> Box:
    # Made with their parent, the buttons take their place in its Tab order now, among
    # the widgets made before and after them.
    for label, name, action in specs:
        button = QPushButton(label, parent)
        button.setObjectName(name)
        button.clicked.connect(action)
        layout.addWidget(button)
    return layout
