"""Bringing a database to the current schema with the migrations shipped in the package.

Opening a database checks its Alembic revision; only when it is behind does it take
the write lock (BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL), back up a
SQLite file, and upgrade in one transaction, so that two copies of Drafter starting
together cannot both upgrade and a failed upgrade changes nothing.
"""

from __future__ import annotations

import errno
import sqlite3
import sys
from pathlib import Path
from typing import Protocol

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from drafter.i18n import _
from drafter.store.backup import (
    backup_file,
    integrity_problem,
)
from drafter.store.errors import StoreError
from drafter.store.messages import DAMAGED, FULL_DISK, told

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_PG_MIGRATION_LOCK = 730_2020  # any constant shared by every Drafter process


class Database(Protocol):
    """What an upgrade needs of an open database (a :class:`drafter.store.engine.Store`,
    which calls :func:`upgrade`: this module does not import it back)."""

    @property
    def engine(self) -> Engine: ...

    @property
    def is_sqlite(self) -> bool: ...

    @property
    def path(self) -> Path | None: ...


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "no migrations shipped"
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(store: Database) -> None:
    head = head_revision()
    with store.engine.connect() as connection:
        current = current_revision(connection)
    if current == head:
        return
    known = {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}
    if current is not None and current not in known:
        raise StoreError(
            _("the database was made by a newer version of Drafter; update Drafter to use it")
        )
    if store.is_sqlite and current is not None and store.path is not None:
        _check_and_back_up(store.path)
    with store.engine.execution_options(drafter_write=True).begin() as connection:
        if not store.is_sqlite:
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})")
        # Another process may have upgraded while this one waited for the lock.
        if current_revision(connection) != head:
            command.upgrade(_config(connection), "head")


def _check_and_back_up(path: Path) -> None:
    """Before an upgrade rewrites tables: the file must be sound, and a copy kept."""
    problem = integrity_problem(path)
    if problem:
        raise StoreError(told(DAMAGED, where=path, problem=problem))
    try:
        backup_file(path, "before-upgrade")
    except (OSError, sqlite3.Error) as error:
        full = (isinstance(error, OSError) and error.errno == errno.ENOSPC) or "full" in str(
            error
        ).lower()
        raise StoreError(
            told(FULL_DISK, where=path)
            if full
            else _(
                "cannot keep a copy of the database {where} before upgrading it ({reason}); "
                "nothing was changed"
            ).format(where=path, reason=error)
        ) from error


def _new_revision(message: str) -> None:
    """Development helper: autogenerate a revision against a fresh database at head."""
    import tempfile

    from sqlalchemy import create_engine

    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite:///{Path(folder) / 'head.sqlite3'}")
        with engine.begin() as connection:
            command.upgrade(_config(connection), "head")
            command.revision(_config(connection), message=message, autogenerate=True)
        engine.dispose()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "revision":
        _new_revision(sys.argv[2])
    else:
        sys.exit('usage: python -m drafter.store.migrate revision "message"')
