"""The installed Qt binding keeps Python's reference counts.

PySide6 6.12.0 under Python 3.11 drops a reference to None on every
``QCoreApplication.processEvents()`` and in void setters the page painter calls thousands
of times a page (``QTextLine.setLineWidth``…), and to True/False on every ``emit()``:
after some thousands of signals (a secretary's morning of typing) the interpreter aborts
with "deallocating None". pyproject.toml keeps that release out; this test fails on any
binding that brings the fault back.  Python 3.12 made None, True and False immortal, so
the counts no longer move there and the test holds trivially."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication

CALLS = 300


class _Sender(QObject):
    changed = Signal(str)


def _drift(singleton: object, action: Callable[[], object]) -> int:
    """How far *singleton*'s reference count moves over CALLS runs of *action*."""
    gc.collect()
    before = sys.getrefcount(singleton)
    for _ in range(CALLS):
        action()
    gc.collect()
    return sys.getrefcount(singleton) - before


def test_processing_events_keeps_none_s_references(qapp: QApplication) -> None:
    assert abs(_drift(None, QCoreApplication.processEvents)) < CALLS // 2
    assert abs(_drift(None, QCoreApplication.sendPostedEvents)) < CALLS // 2


def test_emitting_a_signal_keeps_the_booleans_references(qapp: QApplication) -> None:
    sender = _Sender()
    received: list[str] = []
    sender.changed.connect(received.append)
    for flag in (True, False):
        assert abs(_drift(flag, lambda: sender.changed.emit("x"))) < CALLS // 2
        received.clear()
    assert sender.changed.emit("y") in (True, False)
    assert received == ["y"]


def test_laying_out_text_keeps_none_s_references(qapp: QApplication) -> None:
    layout = QTextLayout("Ủy ban nhân dân thành phố Hà Nội", QFont("Liberation Serif", 13))
    option = QTextOption()

    def lay_out_a_line() -> None:
        layout.beginLayout()
        layout.createLine().setLineWidth(200.0)
        layout.endLayout()
        option.setWrapMode(QTextOption.WrapMode.NoWrap)

    assert abs(_drift(None, lay_out_a_line)) < CALLS // 2
