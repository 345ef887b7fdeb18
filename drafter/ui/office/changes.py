"""One signal for "the office data changed", so every open list shows what is stored.

The office dialogs stay open side by side (the groups tab while a letter saves a group,
the register while a number is issued); each connects its reload to
:func:`data_changes`.  A store the dialogs use is watched at the database engine:
every committed write announces itself, whichever code made it.  Writes that go to the
driver directly (issuing a number) call :func:`notify` themselves.

The signal is sent from the event loop, after the writing transaction has ended,
and once for a burst of writes (an import commits many times).
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from drafter.store.engine import Store


class DataChanges(QObject):
    """Carries :attr:`changed`; :func:`notify` sends it once the event loop runs."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.changed)

    def notify(self) -> None:
        self._pending.start()


_changes: DataChanges | None = None
_watched: weakref.WeakSet[object] = weakref.WeakSet()


def data_changes() -> DataChanges:
    """The application's one :class:`DataChanges` object."""
    global _changes
    if _changes is None:
        _changes = DataChanges()
    return _changes


def notify() -> None:
    """Announce a change of the office data (safe to call outside the GUI thread's loop)."""
    data_changes().notify()


def watch(store: Store) -> None:
    """Announce every committed write of *store*, once per engine."""
    # Imported here: a draft opens without the database's machinery, which loads only
    # once the office data is used.
    from sqlalchemy import event

    engine = store.engine
    if engine in _watched:
        return
    _watched.add(engine)
    event.listen(engine, "commit", lambda _connection: notify())
