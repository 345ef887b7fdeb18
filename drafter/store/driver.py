"""Statements run on the database driver itself (sqlite3 or psycopg), written once for both.

``drafter issue`` runs its one transaction here rather than through SQLAlchemy: importing
SQLAlchemy and Drafter's models costs more than rendering the letter, and a handful of
plain statements do the work.  The SQL is written with ``?`` placeholders and only the
parts both engines understand (``RETURNING``, ``ON CONFLICT DO NOTHING``); values are
stored as SQLAlchemy stores them, so the ORM reads the rows written here unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Protocol

SQLITE, POSTGRESQL = "sqlite", "postgresql"


class DriverConnection(Protocol):
    """What Drafter uses of a DB-API connection (``sqlite3.Connection``, psycopg's)."""

    def cursor(self) -> Any: ...

    def close(self) -> None: ...


def as_date(value: object) -> dt.date | None:
    """A date column as the driver gives it back: SQLite's ISO text, PostgreSQL's date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def as_datetime(value: object) -> dt.datetime:
    """A date-and-time column as the driver gives it back."""
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def _sqlite_value(value: object) -> object:
    """A value as SQLAlchemy's SQLite types store it (dates and times as ISO text)."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class Statements:
    """One transaction's statements on *connection*, of the given *dialect*."""

    def __init__(self, connection: DriverConnection, dialect: str) -> None:
        self.dialect = dialect
        self._cursor = connection.cursor()

    @property
    def is_postgresql(self) -> bool:
        return self.dialect == POSTGRESQL

    def execute(self, sql: str, params: Sequence[object] = ()) -> Any:
        """Run *sql* (``?`` placeholders, no literal ``%``); returns the cursor."""
        if self.is_postgresql:
            self._cursor.execute(sql.replace("?", "%s"), tuple(params))
        else:
            self._cursor.execute(sql, tuple(_sqlite_value(value) for value in params))
        return self._cursor

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in self.execute(sql, params).fetchall()]

    def value(self, sql: str, params: Sequence[object] = ()) -> Any:
        """The first column of the first row, ``None`` when there is no row."""
        row = self.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def close(self) -> None:
        self._cursor.close()
