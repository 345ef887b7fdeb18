"""Opening the office database: SQLite in the user's data folder, or a PostgreSQL server.

:func:`open_store` connects, checks that the file really is a database, and brings it
to the current schema, so callers always get a database they can use.  Reads use
:meth:`Store.read`; anything that writes uses :meth:`Store.write`, which on SQLite starts
with ``BEGIN IMMEDIATE`` so that two secretaries issuing a number at the same moment
queue for the write lock instead of failing half-way.

Opening is on the path of every ``drafter issue``, so it does only cheap work: the
file's 16-byte header, one query of the schema revision, on the driver's own connection
(sqlite3 or psycopg); SQLAlchemy is imported only when a session is asked for, and
Alembic only to migrate.  :meth:`Store.transaction` is the driver-level twin of
:meth:`Store.write` that ``drafter issue`` uses (see :mod:`drafter.store.issuing`).

SQLite's own integrity check runs when there is a reason for it — before a migration,
or when SQLite reports a damaged page — and only its verdict makes Drafter call a
database "damaged": a full disk, a read-only folder or a lock held too long are named
as what they are.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import sqlite3
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

from drafter.i18n import _
from drafter.paths import user_data_dir
from drafter.store.backup import (
    BUSY_TIMEOUT_S,
    backup_file,
    connect_read_only,
    integrity_problem,
    is_damage,
)
from drafter.store.driver import POSTGRESQL, SQLITE, DriverConnection, Statements
from drafter.store.errors import StoreError
from drafter.store.messages import BUSY, DAMAGED, FULL_DISK, READ_ONLY, SERVER_LOST, told
from drafter.store.schema import shipped_head

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.engine import URL
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.orm import Session

DB_ENV = "DRAFTER_DB"
DB_FILE_NAME = "drafter.sqlite3"
_SQLITE_MAGIC = b"SQLite format 3\x00"
# Below this much free space, SQLite's vaguer complaints ("disk I/O error", "unable to
# open database file") are taken to mean a full disk.
_NEARLY_FULL_BYTES = 1024 * 1024


def default_url() -> str:
    """``DRAFTER_DB`` when set, else the SQLite file in the user's data folder."""
    configured = os.environ.get(DB_ENV, "").strip()
    if configured:
        return configured
    return sqlite_url(user_data_dir() / DB_FILE_NAME)


def sqlite_url(path: Path) -> str:
    # Written as SQLAlchemy's URL.create("sqlite", database=…) writes it, without importing it.
    return "sqlite:///" + quote(str(Path(path)), safe=" +/")


_SQLITE_FILE_URL = re.compile(r"sqlite:///(?P<database>[^?]*)")
_POSTGRESQL_URL = re.compile(r"(?:postgresql|postgres)(?:\+\w+)?://(?P<rest>.*)", re.DOTALL)


@dataclass(frozen=True)
class Target:
    """A database as Drafter reaches it, read from its URL without importing SQLAlchemy.

    *url* is for SQLAlchemy; *path* is the SQLite file; *conninfo* is the URI psycopg
    connects to.  A URL of another kind, or a SQLite one with options or in memory, has
    neither: its driver connection then comes from SQLAlchemy's engine.
    """

    dialect: str
    url: str
    path: Path | None = None
    conninfo: str | None = None


def parse_target(target: str | Path | URL) -> Target:
    if isinstance(target, Path) or "://" not in str(target):
        path = Path(str(target))
        return Target(SQLITE, sqlite_url(path), path=path)
    text = (
        target if isinstance(target, str) else target.render_as_string(hide_password=False)
    )  # str() of a URL hides its password
    found = _SQLITE_FILE_URL.fullmatch(text)
    if found and unquote(found["database"]) not in ("", ":memory:"):
        return Target(SQLITE, text, path=Path(unquote(found["database"])))
    found = _POSTGRESQL_URL.fullmatch(text)
    if found:
        rest = found["rest"]
        return Target(POSTGRESQL, "postgresql+psycopg://" + rest, conninfo="postgresql://" + rest)
    url = _as_url(text)
    return Target(url.get_backend_name(), text, path=_sqlite_path(url))


def _as_url(target: str | Path | URL) -> URL:
    """Accept a URL or a plain file path (taken as a SQLite file)."""
    from sqlalchemy import make_url
    from sqlalchemy.engine import URL

    if isinstance(target, URL):
        return target  # str() of a URL hides its password
    text = str(target)
    if "://" not in text:
        return make_url(sqlite_url(Path(text)))
    url = make_url(text)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def _sqlite_path(url: URL) -> Path | None:
    """The file of a SQLite URL; ``None`` for an in-memory database or another engine."""
    if not url.drivername.startswith("sqlite") or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


class Store:
    """One open database: the driver connection for ``drafter issue``, SQLAlchemy for the rest.

    SQLAlchemy's engine is made the first time a session is asked for, so a command that
    only issues a number never imports it.  The driver connection is one per store, used
    by one transaction at a time.
    """

    def __init__(
        self,
        engine: Engine | None = None,
        *,
        target: str | Path | None = None,
        read_only: bool = False,
    ) -> None:
        if engine is not None:
            self.target = parse_target(engine.url)
        elif target is not None:
            self.target = parse_target(target)
        else:
            raise ValueError("a store needs an engine or a target")
        self._engine = engine
        # Opened with SQLite's mode=ro (or immutable) because its folder cannot be written.
        self.read_only = read_only
        self._write_engine_made: Engine | None = None
        self._engine_lock = threading.Lock()
        self._driver: DriverConnection | None = None
        self._driver_lock = threading.Lock()

    @property
    def engine(self) -> Engine:
        with self._engine_lock:
            if self._engine is None:
                self._engine = create_store_engine(self.target.url, read_only=self.read_only)
            return self._engine

    @property
    def _write_engine(self) -> Engine:
        # Connections from this engine start their transactions with BEGIN IMMEDIATE
        # on SQLite (see _install_sqlite_hooks); on PostgreSQL it is the same engine.
        if self._write_engine_made is None:
            self._write_engine_made = self.engine.execution_options(drafter_write=True)
        return self._write_engine_made

    @property
    def is_sqlite(self) -> bool:
        return self.target.dialect == SQLITE

    @property
    def url(self) -> URL:
        return self.engine.url if self._engine is not None else _as_url(self.target.url)

    @property
    def path(self) -> Path | None:
        return self.target.path

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        from sqlalchemy.orm import Session

        with translated_errors(self), Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose transaction holds the write lock from its start; commits on exit."""
        if self.read_only:
            raise StoreError(told(READ_ONLY, where=self.where))
        from sqlalchemy.orm import Session

        with (
            translated_errors(self),
            Session(self._write_engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Statements]:
        """A transaction on the driver itself, holding the write lock from its start.

        It commits on exit and rolls back on any error; the database's refusals become a
        :class:`StoreError` that says what happened, as with :meth:`write`.
        """
        if self.read_only:
            raise StoreError(told(READ_ONLY, where=self.where))
        with self._driver_lock, self.driver_errors():
            statements = self._begin()
            try:
                yield statements
                statements.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(Exception):
                    statements.execute("ROLLBACK")
                raise
            finally:
                with contextlib.suppress(Exception):
                    statements.close()

    def _begin(self) -> Statements:
        """Begin a transaction on the driver connection, taking SQLite's write lock.

        A server connection that went away since its last use (the server restarted) is
        replaced once, as SQLAlchemy's pre-ping would: nothing has been done on it yet.
        """
        reused = self._driver is not None
        statements = Statements(self._driver_connection(), self.target.dialect)
        try:
            statements.execute("BEGIN IMMEDIATE" if self.is_sqlite else "BEGIN")
            return statements
        except Exception as error:
            with contextlib.suppress(Exception):
                statements.close()
            if self.is_sqlite or not reused or not _is_driver_error(error):
                raise
        self._drop_driver()
        statements = Statements(self._driver_connection(), self.target.dialect)
        statements.execute("BEGIN")
        return statements

    def query(self, sql: str, params: tuple[object, ...] = ()) -> Any:
        """The first column of the first row of a read on the driver connection."""
        with self._driver_lock, self.driver_errors():
            statements = Statements(self._driver_connection(), self.target.dialect)
            try:
                return statements.value(sql, params)
            finally:
                statements.close()

    @contextlib.contextmanager
    def driver_errors(self) -> Iterator[None]:
        """Explain the driver's refusals; a connection that failed is not used again."""
        try:
            yield
        except StoreError:
            raise
        except Exception as error:
            if not _is_driver_error(error):
                raise
            self._drop_driver()
            raise StoreError(explain_driver_error(error, self)) from error

    def _driver_connection(self) -> DriverConnection:
        if self._driver is None:
            self._driver = connect_driver(self)
        return self._driver

    def _drop_driver(self) -> None:
        driver, self._driver = self._driver, None
        if driver is not None:
            with contextlib.suppress(Exception):
                driver.close()

    @property
    def where(self) -> str:
        """The database as the user knows it: a file path, or the server without password."""
        path = self.path
        return str(path) if path is not None else self.url.render_as_string(hide_password=True)

    def close(self) -> None:
        if self.is_sqlite and not self.read_only:
            # SQLite's advice: refresh the planner's statistics when a connection ends.
            with contextlib.suppress(StoreError):
                self.query("PRAGMA optimize")
        self._drop_driver()
        if self._engine is not None:
            self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _is_driver_error(error: BaseException) -> bool:
    if isinstance(error, sqlite3.Error):
        return True
    psycopg = sys.modules.get("psycopg")  # loaded if, and only if, a server is in use
    return psycopg is not None and isinstance(error, psycopg.Error)


def connect_driver(store: Store) -> DriverConnection:
    """A DB-API connection to *store*'s database, set up as the engine's connections are."""
    target = store.target
    if target.dialect == POSTGRESQL and target.conninfo is not None:
        import psycopg

        # A row lock held by another secretary makes the issue wait, but not for ever.
        return psycopg.connect(
            target.conninfo, autocommit=True, connect_timeout=10, options=_postgresql_options()
        )
    if target.dialect != SQLITE or target.path is None:
        return store.engine.raw_connection()
    if store.read_only:
        connection = connect_read_only(target.path, BUSY_TIMEOUT_S)
    else:
        connection = sqlite3.connect(target.path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    prepare_sqlite_connection(connection, read_only=store.read_only)
    return connection


def _postgresql_options() -> str:
    return f"-c lock_timeout={int(BUSY_TIMEOUT_S * 1000)}"


# --- what went wrong, in plain words ----------------------------------------------------------


@contextlib.contextmanager
def translated_errors(store: Store) -> Iterator[None]:
    """Turn the database's refusals into a :class:`StoreError` that says what happened."""
    from sqlalchemy.exc import DBAPIError

    try:
        yield
    except DBAPIError as error:
        raise StoreError(explain_database_error(error, store)) from error


def _reason(error: DBAPIError | BaseException) -> str:
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(original).__name__


def _is_lock(text: str) -> bool:
    return (
        "locked" in text
        or "busy" in text
        or "lock timeout" in text
        or "could not obtain lock" in text
    )


def _is_full(text: str, path: Path | None) -> bool:
    if "disk is full" in text or "no space left" in text:
        return True
    vague = "disk i/o error" in text or "unable to open" in text
    return vague and path is not None and _free_bytes(path.parent) < _NEARLY_FULL_BYTES


def _is_read_only(text: str, path: Path | None) -> bool:
    if "readonly database" in text or "read-only" in text:
        return True
    return "unable to open" in text and path is not None and not location_writable(path)


def _is_disconnection(text: str) -> bool:
    return any(
        sign in text
        for sign in (
            "connection",
            "could not",
            "timeout",
            "server closed",
            "terminating",
            "shutting down",
            "shut down",
            "the database system is",
        )
    )


def _free_bytes(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return _NEARLY_FULL_BYTES  # unknown: do not claim a full disk


def explain_database_error(error: DBAPIError, store: Store) -> str:
    """The message for a refusal of *store*'s database, after checking what it means."""
    return explain_driver_error(error.orig or error, store)


def explain_driver_error(error: BaseException, store: Store) -> str:
    """The same for the driver's own exception (sqlite3's, psycopg's)."""
    text = str(error).lower()
    path = store.path if store.is_sqlite else None
    where = store.where
    if _is_lock(text):
        message = told(BUSY, where=where, seconds=int(BUSY_TIMEOUT_S))
        if path is not None:
            # A file locked this long may be held by a crashed program or a broken
            # network share: keep a copy of what can still be read.
            message += _kept_copy(path, "locked")
        return message
    if _is_full(text, path):
        return told(FULL_DISK, where=where)
    if path is not None and _is_read_only(text, path):
        return told(READ_ONLY, where=where)
    if is_damage(text) or (path is not None and "disk i/o error" in text):
        problem = integrity_problem(path) if path is not None else _reason(error)
        if problem:
            message = told(DAMAGED, where=where, problem=problem)
            return message + (_kept_copy(path, "damaged") if path is not None else "")
    if not store.is_sqlite and _is_disconnection(text):
        return told(SERVER_LOST, where=where, reason=_reason(error))
    return _("the database {where} refused the operation: {reason}. Nothing was changed.").format(
        where=where, reason=_reason(error)
    )


def _kept_copy(path: Path, reason: str) -> str:
    try:
        copy = backup_file(path, reason, timeout=2.0)
    except (OSError, sqlite3.Error, StoreError):
        return ""
    return " " + _("A copy of the database was kept in {backup}.").format(backup=copy)


# --- the SQLite file ---------------------------------------------------------------------------


def location_writable(path: Path) -> bool:
    """Whether SQLite can write *path*: the file itself and its folder (journal, WAL).

    ``os.access`` answers for the real user and sees a read-only mount (EROFS) even
    for root, whom ``chmod`` does not stop.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if not os.access(folder, os.W_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


def check_sqlite_file(path: Path) -> None:
    """Refuse, before connecting, a path that exists but cannot be this register.

    Only the header is read: the full integrity check is too slow for every command and
    runs when there is a reason (:func:`integrity_problem`).  An empty file is not taken
    for a new database: it may be a register that lost its contents, and starting again
    at 01 would give numbers twice.
    """
    try:
        if path.is_dir():
            raise StoreError(_("the database {where} is a folder, not a file").format(where=path))
        with path.open("rb") as stream:
            header = stream.read(100)
    except OSError as error:
        raise StoreError(
            _("cannot read the database {where}: {reason}").format(
                where=path, reason=_os_reason(error)
            )
        ) from error
    if not header:
        raise StoreError(
            _(
                "the database {where} is an empty file (0 bytes). It may be a register that lost "
                "its contents, so Drafter will not start a new one over it: numbering would "
                "begin again at 01 and give numbers twice. Restore the register from a backup, "
                "or delete the empty file if you really want a new, empty database."
            ).format(where=path)
        )
    if not header.startswith(_SQLITE_MAGIC) or len(header) < 100:
        problem = (
            _("not a database")
            if not header.startswith(_SQLITE_MAGIC)
            else _("the file is cut short")
        )
        raise StoreError(told(DAMAGED, where=path, problem=problem) + _kept_copy(path, "damaged"))


def _os_reason(error: OSError) -> str:
    from drafter.core.atomic import explain_os_error

    return explain_os_error(error)


def prepare_sqlite_connection(connection: sqlite3.Connection, *, read_only: bool) -> None:
    """Set up a new SQLite connection, the engine's as well as the driver's own."""
    # Drafter, not the sqlite3 module, decides when a transaction begins.
    connection.isolation_level = None
    cursor = connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    cursor.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        # Readers never block the writer and a killed process leaves the file intact.
        cursor.execute("PRAGMA journal_mode = WAL")
        # The register must survive a power cut, not only a crash: fsync every commit.
        cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def _install_sqlite_hooks(engine: Engine, *, read_only: bool) -> None:
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        prepare_sqlite_connection(dbapi_connection, read_only=read_only)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        options = connection.get_execution_options()
        mode = "BEGIN IMMEDIATE" if options.get("drafter_write") else "BEGIN"
        connection.exec_driver_sql(mode)


def create_store_engine(target: str | Path | URL, *, read_only: bool = False) -> Engine:
    """An engine for *target*; *read_only* opens a SQLite file without writing anything."""
    from sqlalchemy import create_engine

    url = _as_url(target)
    if url.drivername.startswith("sqlite"):
        path = _sqlite_path(url)
        if path is None:
            engine = create_engine(url)
        elif read_only:
            engine = create_engine(url, creator=lambda: connect_read_only(path, BUSY_TIMEOUT_S))
        else:
            engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
        _install_sqlite_hooks(engine, read_only=read_only)
        return engine
    if not url.drivername.startswith("postgresql"):
        raise StoreError(
            _("unsupported database {url}: use a SQLite file or a postgresql:// URL").format(
                url=url.render_as_string(hide_password=True)
            )
        )
    return create_engine(
        url,
        pool_pre_ping=True,
        connect_args={"connect_timeout": 10, "options": _postgresql_options()},
    )


# --- opening -----------------------------------------------------------------------------------


def open_store(
    target: str | Path | None = None, *, migrate: bool = True, read_only: bool = False
) -> Store:
    """Open (and create or upgrade) the database at *target*, or the default one.

    With *read_only* the caller only reads: a SQLite file in a folder that cannot be
    written is then opened read-only instead of refused.
    """
    found = parse_target(target if target is not None else default_url())
    if found.dialect not in (SQLITE, POSTGRESQL):
        create_store_engine(found.url)  # refuses it, naming the URL without its password
    path = found.path
    opened_read_only = False
    if path is not None:
        if not path.exists() and read_only:
            # A command that only reads never creates a register: a mistyped --db path
            # would otherwise show an empty register and leave a new database behind.
            raise StoreError(
                _(
                    "there is no database at {path}: nothing has been recorded "
                    "there yet; check the path given with --db or DRAFTER_DB"
                ).format(path=path)
            )
        if not path.exists() and migrate:
            _create_sqlite_database(path)
        elif path.exists():
            check_sqlite_file(path)
            if not location_writable(path):
                if not read_only:
                    raise StoreError(told(READ_ONLY, where=path))
                opened_read_only = True
    store = Store(target=found.url, read_only=opened_read_only)
    try:
        if migrate:
            _bring_to_current_schema(store)
    except BaseException:
        store.close()
        raise
    return store


def schema_revision(store: Store) -> str | None:
    """The database's Alembic revision, ``None`` when it has none yet: one cheap query.

    It runs on the driver connection, so opening a current database needs no SQLAlchemy.
    """
    exists = store.query(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        if store.is_sqlite
        else "SELECT to_regclass('alembic_version') IS NOT NULL"
    )
    if not exists:
        return None
    revision = store.query("SELECT version_num FROM alembic_version")
    return None if revision is None else str(revision)


def _bring_to_current_schema(store: Store) -> None:
    if schema_revision(store) == shipped_head():
        return
    if store.read_only:
        raise StoreError(
            _(
                "the database {where} must be upgraded for this version of "
                "Drafter, but its folder cannot be written; open it once where "
                "it can be written"
            ).format(where=store.where)
        )
    from drafter.store.migrate import upgrade

    with translated_errors(store):
        upgrade(store)


def _create_sqlite_database(path: Path) -> None:
    """Make a new database at *path* all at once: it appears complete, or not at all.

    The schema is built in a temporary file beside it, which is then linked into place;
    so a program killed half-way leaves no empty or half-made register behind, and an
    empty file at *path* can always be taken for a problem (see check_sqlite_file).
    """
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            _("cannot create the folder {folder}: {reason}").format(
                folder=folder, reason=_os_reason(error)
            )
        ) from error
    if not location_writable(path):
        raise StoreError(
            _("cannot create the database {where}: {reason}").format(
                where=path, reason=_os_reason(OSError(errno.EACCES, "read-only"))
            )
        )
    building = path.with_name(f".{path.name}.new-{os.getpid()}.tmp")
    try:
        store = Store(create_store_engine(building))
        try:
            from drafter.store.migrate import upgrade

            with translated_errors(store):
                upgrade(store)
        finally:
            store.close()  # the last connection folds the WAL into the file
        _link_into_place(building, path)
    except OSError as error:
        raise StoreError(
            _("cannot create the database {where}: {reason}").format(
                where=path, reason=_os_reason(error)
            )
        ) from error
    finally:
        for leftover in (
            building,
            building.with_name(building.name + "-wal"),
            building.with_name(building.name + "-shm"),
            building.with_name(building.name + "-journal"),
        ):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _link_into_place(building: Path, path: Path) -> None:
    try:
        os.link(building, path)
    except FileExistsError:
        return  # another copy of Drafter created it first: use theirs
    except OSError:
        if path.exists():
            return
        os.replace(building, path)  # a file system without hard links (FAT, some shares)
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
