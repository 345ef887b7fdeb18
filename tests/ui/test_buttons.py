"""Buttons declared as (label, object name, action): made in order, owned by the parent
and in its Tab order where they are declared, each click running its own action."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from drafter.ui.buttons import button_column, button_row


def test_a_row_of_buttons_runs_each_action_and_keeps_the_tab_order(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    before = QLineEdit(parent)
    clicked: list[str] = []
    row = button_row(
        parent,
        ("Open", "test.open", lambda: clicked.append("open")),
        ("Close", "test.close", lambda: clicked.append("close")),
    )
    after = QLineEdit(parent)
    layout = QVBoxLayout(parent)
    layout.addWidget(before)
    layout.addLayout(row)
    layout.addWidget(after)

    buttons = parent.findChildren(QPushButton)
    assert [row.indexOf(b) for b in buttons] == [0, 1]
    assert [(b.text(), b.objectName()) for b in buttons] == [
        ("Open", "test.open"),
        ("Close", "test.close"),
    ]
    assert before.nextInFocusChain() is buttons[0]
    assert buttons[1].nextInFocusChain() is after
    buttons[1].click()
    buttons[0].click()
    assert clicked == ["close", "open"]


def test_a_column_stacks_its_buttons(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    column = button_column(
        parent, ("Up", "test.up", lambda: None), ("Down", "test.down", lambda: None)
    )
    parent.setLayout(column)
    parent.show()
    up, down = parent.findChildren(QPushButton)
    assert up.geometry().bottom() < down.geometry().top()
