"""Opening the office database: SQLite in the user's data folder, or a PostgreSQL server.

:func:`open_store` connects, checks the file, backs it up before any schema upgrade
and runs the shipped migrations, so callers always get a database at the current
schema.  Reads use :meth:`Store.read`; anything that writes uses :meth:`Store.write`,
which on SQLite starts with ``BEGIN IMMEDIATE`` so that two secretaries issuing a
number at the same moment queue for the write lock instead of failing half-way.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from drafter.i18n import _
from drafter.paths import user_data_dir

DB_ENV = "DRAFTER_DB"
DB_FILE_NAME = "drafter.sqlite3"
# How long a writer waits for another secretary's write to finish before giving up.
BUSY_TIMEOUT_S = 30.0
_SQLITE_MAGIC = b"SQLite format 3\x00"


class StoreError(Exception):
    """The database cannot be used; the message says why and what to do, in plain words."""


def default_url() -> str:
    """``DRAFTER_DB`` when set, else the SQLite file in the user's data folder."""
    configured = os.environ.get(DB_ENV, "").strip()
    if configured:
        return configured
    return sqlite_url(user_data_dir() / DB_FILE_NAME)


def sqlite_url(path: Path) -> str:
    return str(URL.create("sqlite", database=str(Path(path))))


def _as_url(target: str | Path) -> URL:
    """Accept a URL or a plain file path (taken as a SQLite file)."""
    text = str(target)
    if "://" not in text:
        return make_url(sqlite_url(Path(text)))
    url = make_url(text)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


class Store:
    """One open database: an engine and the two kinds of session."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # Connections from this engine start their transactions with BEGIN IMMEDIATE
        # on SQLite (see _install_sqlite_hooks); on PostgreSQL it is the same engine.
        self._write_engine = engine.execution_options(drafter_write=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def url(self) -> URL:
        return self.engine.url

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with _translated_errors(self), Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose transaction holds the write lock from its start; commits on exit."""
        with _translated_errors(self), Session(self._write_engine,
                                               expire_on_commit=False) as session, session.begin():
            yield session

    def close(self) -> None:
        if self.is_sqlite:
            # SQLite's advice: refresh the planner's statistics when a connection ends.
            with contextlib.suppress(DBAPIError), self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA optimize")
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextlib.contextmanager
def _translated_errors(store: Store) -> Iterator[None]:
    try:
        yield
    except DBAPIError as error:
        if not (isinstance(error, OperationalError) or _is_damage(error)):
            raise  # a fault in Drafter itself, not in the database: keep the traceback
        message = explain_database_error(error, store.url)
        damaged = _is_damage(error)
        if store.is_sqlite and (_is_lock(error) or damaged) and store.url.database:
            # A file locked this long may be held by a crashed program or a broken
            # network share, and damage found while working must not spread: keep a
            # copy of what can still be read before anything else.
            copy = _backup_quietly(Path(store.url.database), "damaged" if damaged else "locked")
            if copy is not None:
                message += " " + _("A copy of the database was kept in {backup}.").format(
                    backup=copy)
        raise StoreError(message) from error


def _is_damage(error: DBAPIError) -> bool:
    text = str(error.orig).lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text


def _is_lock(error: DBAPIError) -> bool:
    text = str(error.orig).lower()
    return "locked" in text or "busy" in text


def _backup_quietly(path: Path, reason: str) -> Path | None:
    try:
        return backup_file(path, reason, timeout=2.0)
    except (OSError, sqlite3.Error):
        return None


def explain_database_error(error: DBAPIError, url: URL) -> str:
    text = str(error.orig).lower()
    where = url.database if url.drivername.startswith("sqlite") else url.render_as_string(
        hide_password=True)
    if _is_lock(error):
        return _("the database {where} stayed locked by another program for {seconds} seconds; "
                 "close other copies of Drafter or wait, then try again. Nothing was "
                 "changed.").format(where=where, seconds=int(BUSY_TIMEOUT_S))
    if _is_damage(error):
        return _("the database {where} is damaged; nothing was changed. Restore it from a "
                 "backup (Drafter keeps one beside it before every upgrade).").format(
                     where=where)
    if "connection" in text or "could not" in text or "timeout" in text:
        return _("cannot reach the database server {where}: {reason}").format(
            where=where, reason=str(error.orig).strip().splitlines()[0])
    return _("the database {where} refused the operation: {reason}").format(
        where=where, reason=str(error.orig).strip().splitlines()[0])


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # SQLAlchemy, not the sqlite3 module, decides when a transaction begins.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        # Readers never block the writer and a killed process leaves the file intact.
        cursor.execute("PRAGMA journal_mode = WAL")
        # The register must survive a power cut, not only a crash: fsync every commit.
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: object) -> None:
        options = connection.get_execution_options()  # type: ignore[attr-defined]
        mode = "BEGIN IMMEDIATE" if options.get("drafter_write") else "BEGIN"
        connection.exec_driver_sql(mode)  # type: ignore[attr-defined]


def _check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not a SQLite database or is damaged, after backing it up."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as stream:
        header = stream.read(len(_SQLITE_MAGIC))
    problem = ""
    if header != _SQLITE_MAGIC:
        problem = "not a database"
    else:
        try:
            connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                         timeout=BUSY_TIMEOUT_S)
            try:
                result = connection.execute("PRAGMA quick_check").fetchall()
            finally:
                connection.close()
            if result != [("ok",)]:
                problem = "; ".join(str(row[0]) for row in result[:3])
        except sqlite3.DatabaseError as error:
            if "locked" in str(error).lower() or "busy" in str(error).lower():
                raise StoreError(_("the database {where} stayed locked by another program for "
                                   "{seconds} seconds; close other copies of Drafter or wait, "
                                   "then try again. Nothing was changed.").format(
                    where=path, seconds=int(BUSY_TIMEOUT_S))) from error
            problem = str(error)
    if problem:
        backup = backup_file(path, "damaged")
        raise StoreError(_("the database {where} is damaged ({problem}). Drafter changed "
                           "nothing and kept a copy in {backup}. Restore your last backup, or "
                           "move the damaged file away to start a new database.").format(
            where=path, problem=problem, backup=backup))


def backup_file(path: Path, reason: str, *, timeout: float = BUSY_TIMEOUT_S) -> Path:
    """Copy the SQLite file (with its WAL, through SQLite's backup API when readable)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{reason}-{stamp}{path.suffix}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.stem}.{reason}-{stamp}-{counter}{path.suffix}")
    try:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=timeout)
        try:
            destination = sqlite3.connect(target)
            with destination:
                source.backup(destination)
            destination.close()
        finally:
            source.close()
    except sqlite3.DatabaseError:
        # Not readable as a database: keep the raw bytes, and the WAL beside them.
        shutil.copy2(path, target)
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            shutil.copy2(wal, target.with_name(target.name + "-wal"))
    return target


def create_store_engine(target: str | Path) -> Engine:
    url = _as_url(target)
    if url.drivername.startswith("sqlite"):
        path = Path(url.database or "")
        if url.database and url.database != ":memory:":
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(_("cannot create the folder {folder}: {reason}").format(
                    folder=path.parent, reason=error.strerror)) from error
            _check_sqlite_file(path)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
        _install_sqlite_hooks(engine)
        return engine
    if not url.drivername.startswith("postgresql"):
        raise StoreError(_("unsupported database {url}: use a SQLite file or a postgresql:// "
                           "URL").format(url=url.render_as_string(hide_password=True)))
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})


def open_store(target: str | Path | None = None, *, migrate: bool = True) -> Store:
    """Open (and create or upgrade) the database at *target*, or the default one."""
    engine = create_store_engine(target if target is not None else default_url())
    store = Store(engine)
    try:
        if migrate:
            from drafter.store.migrate import upgrade

            upgrade(store)
    except DBAPIError as error:
        store.close()
        raise StoreError(explain_database_error(error, engine.url)) from error
    except StoreError:
        store.close()
        raise
    return store
