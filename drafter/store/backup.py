"""The SQLite file's safety net: whether it is sound, and a copy kept before a risk.

Opening a database (:mod:`drafter.store.engine`) and upgrading it
(:mod:`drafter.store.migrate`) both need these; they live here so that the upgrade does
not import the engine that runs it.  Only the standard library: no SQLAlchemy, no Alembic.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sqlite3
from pathlib import Path

# How long a writer waits for another secretary's write to finish before giving up.
BUSY_TIMEOUT_S = 30.0


def is_damage(text: str) -> bool:
    return "malformed" in text or "not a database" in text or "corrupt" in text


def integrity_problem(path: Path) -> str:
    """SQLite's verdict on *path*: empty when sound, else what is wrong (a few lines).

    A check that cannot run for another reason (the disk, a lock) is no verdict: the
    database is then not called damaged.
    """
    try:
        connection = connect_read_only(path, timeout=2.0)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        text = str(error).lower()
        return str(error) if is_damage(text) else ""
    if rows == [("ok",)]:
        return ""
    return "; ".join(str(row[0]) for row in rows[:3])


def connect_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    """A read-only connection, also to a WAL database in a folder nobody can write.

    ``mode=ro`` needs the WAL index (``-shm``) or a folder where SQLite can make one;
    without either, ``immutable=1`` reads the file as it is, which is right as long as
    no WAL file holds committed changes that the main file lacks.
    """
    base = path.resolve().as_uri()
    connection = sqlite3.connect(
        f"{base}?mode=ro", uri=True, timeout=timeout, check_same_thread=False
    )
    try:
        # SQLite opens the file at the first statement: make it happen here.
        connection.execute("PRAGMA schema_version").fetchall()
        return connection
    except sqlite3.OperationalError as error:
        connection.close()
        wal = path.with_name(path.name + "-wal")
        if "unable to open" not in str(error) or (wal.exists() and wal.stat().st_size > 0):
            raise
    return sqlite3.connect(
        f"{base}?immutable=1", uri=True, timeout=timeout, check_same_thread=False
    )


def backup_file(path: Path, reason: str, *, timeout: float = BUSY_TIMEOUT_S) -> Path:
    """Copy the SQLite file (with its WAL, through SQLite's backup API when readable).

    A copy that cannot be finished (a full disk) is removed, never left half-written.
    """
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{reason}-{stamp}{path.suffix}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.stem}.{reason}-{stamp}-{counter}{path.suffix}")
    try:
        try:
            source = connect_read_only(path, timeout)
            try:
                destination = sqlite3.connect(target)
                try:
                    source.backup(destination)
                finally:
                    destination.close()
            finally:
                source.close()
        except sqlite3.DatabaseError as error:
            if not is_damage(str(error).lower()):
                raise
            # Not readable as a database: keep the raw bytes, and the WAL beside them.
            shutil.copy2(path, target)
            wal = path.with_name(path.name + "-wal")
            if wal.exists():
                shutil.copy2(wal, target.with_name(target.name + "-wal"))
    except BaseException:
        for leftover in (
            target,
            target.with_name(target.name + "-wal"),
            target.with_name(target.name + "-journal"),
        ):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    return target
