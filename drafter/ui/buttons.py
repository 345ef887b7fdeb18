"""Push buttons declared as data: each one's label, object name and what a click does."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QBoxLayout, QPushButton, QWidget

# (label, object name, action): the object name is how tests find the button.
ButtonSpec = tuple[str, str, Callable[[], object]]


def add_buttons(layout: QBoxLayout, parent: QWidget, *specs: ButtonSpec) -> list[QPushButton]:
    """A push button for each of *specs*, added to *layout* in their order."""
    buttons = []
    for label, name, action in specs:
        button = QPushButton(label, parent)
        button.setObjectName(name)
        button.clicked.connect(action)
        layout.addWidget(button)
        buttons.append(button)
    return buttons
