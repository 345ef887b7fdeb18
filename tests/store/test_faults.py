"""The register under faults: full disk, read-only folder, empty file, lock, bad numbers.

Each case must end in a clear message and the right exit status (1: the machine, 2:
the input), without a traceback, and with the register and any existing output file
exactly as they were.
"""

from __future__ import annotations

import contextlib
import itertools
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest import CaptureFixture, MonkeyPatch
from sqlalchemy import event, text

import drafter.store.engine as engine_module
from drafter.cli import main
from drafter.core import letterfile
from drafter.store import register
from drafter.store.engine import Store, open_store, sqlite_url
from drafter.store.errors import NumberingError, StoreError
from tests.sample_letters import cong_van
from tests.store.faults import (
    fill_up,
    register_state,
    remount_read_only,
    small_filesystem,
)

EARLIER_OUTPUT = b"the letter issued yesterday"


@dataclass(frozen=True)
class Issuing:
    """A draft issued from the command line, each time as a new document (the same file
    would be shown the number it already has), over an output file from earlier work
    that a failed issue must leave as it was."""

    draft: Path
    output: Path

    def issue(self, url: str, out: Path | None = None) -> int:
        """Issue a new copy of the draft to *out*, by default over the earlier output."""
        fresh = self.draft.with_name(f"{self.draft.stem}-{next(_COPIES)}.letter")
        shutil.copyfile(self.draft, fresh)
        return main(["issue", str(fresh), "-o", str(out or self.output), "--db", url])


_COPIES = itertools.count(1)


@pytest.fixture
def issuing(tmp_path: Path) -> Issuing:
    draft, output = tmp_path / "cv.letter", tmp_path / "out.docx"
    letterfile.save(cong_van(number=None), draft)
    output.write_bytes(EARLIER_OUTPUT)
    return Issuing(draft, output)


@contextlib.contextmanager
def _issued_once_on(folder: Path, size: str, issuing: Issuing) -> Iterator[tuple[str, bool]]:
    """A register on a small file system of its own at *folder* (see
    :func:`small_filesystem`) with one letter issued, to ``first.docx`` beside the
    folder: its URL, and whether the file system could be mounted."""
    with small_filesystem(folder, size) as mounted:
        url = sqlite_url(folder / "office.sqlite3")
        assert issuing.issue(url, folder.with_name("first.docx")) == 0
        yield url, mounted


_WRITES = ("INSERT", "UPDATE", "DELETE")


class _FullDiskCursor:
    """A driver cursor that refuses every write as SQLite does on a full disk."""

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    def execute(self, sql: str, params: object = ()) -> object:
        if sql.lstrip().upper().startswith(_WRITES):
            raise sqlite3.OperationalError("database or disk is full")
        return self._cursor.execute(sql, params)  # type: ignore[arg-type]

    def __getattr__(self, name: str) -> object:
        return getattr(self._cursor, name)


class _FullDiskConnection:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def cursor(self) -> _FullDiskCursor:
        return _FullDiskCursor(self._connection.cursor())

    def __getattr__(self, name: str) -> object:
        return getattr(self._connection, name)


def _inject_full_disk(monkeypatch: MonkeyPatch) -> None:
    """Without a small file system of our own: SQLite's answer to ENOSPC on every write,
    on the driver connection that issues as on SQLAlchemy's engine."""
    original = engine_module._install_sqlite_hooks
    connect = engine_module.connect_driver

    def hooks(engine, *, read_only):  # type: ignore[no-untyped-def]
        original(engine, read_only=read_only)

        @event.listens_for(engine, "before_cursor_execute")
        def _full(_conn, _cursor, statement, *_args):  # type: ignore[no-untyped-def]
            if statement.lstrip().upper().startswith(_WRITES):
                raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(engine_module, "_install_sqlite_hooks", hooks)
    monkeypatch.setattr(
        engine_module, "connect_driver", lambda store: _FullDiskConnection(connect(store))
    )


def test_issue_on_a_full_disk_says_so_and_changes_nothing(
    tmp_path: Path, issuing: Issuing, capsys: CaptureFixture[str], monkeypatch: MonkeyPatch
) -> None:
    disk = tmp_path / "disk"
    with _issued_once_on(disk, "1m", issuing) as (url, mounted):
        before = register_state(url)
        filler = fill_up(disk) if mounted else None
        if not mounted:
            _inject_full_disk(monkeypatch)
        assert issuing.issue(url) == 1
        err = capsys.readouterr().err
        assert "is full" in err and "Nothing was changed" in err
        assert "damaged" not in err and "Traceback" not in err
        assert not list(disk.glob("*.damaged-*")), "a full disk is not damage"
        assert issuing.output.read_bytes() == EARLIER_OUTPUT
        if filler is not None:
            filler.unlink()
        monkeypatch.undo()
        assert register_state(url) == before
        # With space again, numbering goes on where it stopped.
        assert issuing.issue(url) == 0
        assert "Issued number 02/" in capsys.readouterr().out


def test_a_read_only_folder_can_be_listed_but_not_written(
    tmp_path: Path, issuing: Issuing, capsys: CaptureFixture[str], monkeypatch: MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    with _issued_once_on(shared, "4m", issuing) as (url, mounted):
        capsys.readouterr()
        if not (mounted and remount_read_only(shared)):
            print("cannot remount read-only: simulating a folder that cannot be written")
            monkeypatch.setattr(engine_module, "location_writable", lambda _path: False)
        files = sorted(p.name for p in shared.iterdir())
        assert main(["register", "list", "--db", url]) == 0
        assert "01/SGDĐT-VP" in capsys.readouterr().out
        assert main(["register", "export", "-o", str(tmp_path / "so.xlsx"), "--db", url]) == 0
        assert (tmp_path / "so.xlsx").stat().st_size > 0
        capsys.readouterr()
        assert issuing.issue(url) == 1
        err = capsys.readouterr().err
        assert "cannot be written" in err and "damaged" not in err
        assert issuing.output.read_bytes() == EARLIER_OUTPUT
        assert sorted(p.name for p in shared.iterdir()) == files


def test_an_empty_register_file_is_refused_never_started_again(
    tmp_path: Path, issuing: Issuing, capsys: CaptureFixture[str]
) -> None:
    path = tmp_path / "office.sqlite3"
    path.touch()
    assert issuing.issue(sqlite_url(path)) == 1
    err = capsys.readouterr().err
    assert "empty file" in err and "01" in err
    assert main(["register", "list", "--db", sqlite_url(path)]) == 1
    assert path.stat().st_size == 0
    assert issuing.output.read_bytes() == EARLIER_OUTPUT
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".letter") == [
        "office.sqlite3",
        "out.docx",
    ]


def test_a_new_database_is_created_complete(tmp_path: Path) -> None:
    path = tmp_path / "new" / "office.sqlite3"
    open_store(path).close()
    assert sorted(p.name for p in path.parent.iterdir()) == ["office.sqlite3"]
    assert register_state(sqlite_url(path)) == []


@pytest.fixture
def holder(store_url: str) -> Iterator[object]:
    """Another secretary in the middle of a write: the counter row or file is locked."""
    store = open_store(store_url)
    register.issue(store, cong_van(number=None))
    store.close()
    if store_url.startswith("sqlite"):
        connection = sqlite3.connect(store_url.removeprefix("sqlite:///"), isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        yield connection
        connection.execute("ROLLBACK")
        connection.close()
        return
    other = open_store(store_url)
    with other.engine.connect() as connection:
        connection.execute(text("SELECT last FROM sequence_counter FOR UPDATE"))
        yield connection
        connection.rollback()
    other.close()


def test_a_held_lock_ends_in_busy_try_again(
    store_url: str,
    holder: object,
    issuing: Issuing,
    capsys: CaptureFixture[str],
    monkeypatch: MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_S", 0.5)
    before = register_state(store_url)
    assert issuing.issue(store_url) == 1
    err = capsys.readouterr().err
    assert "is busy" in err and "try again" in err and "damaged" not in err
    assert issuing.output.read_bytes() == EARLIER_OUTPUT
    assert register_state(store_url) == before


@pytest.mark.parametrize(
    "changes",
    [{"number": 10**5000}, {"number": 0}, {"copies": 3 * 10**9}, {"copies": 2**63}, {"copies": -1}],
)
def test_numbers_the_register_cannot_hold_are_refused_with_a_message(
    store: Store, changes: dict[str, int]
) -> None:
    with pytest.raises(NumberingError, match="must be a whole number"):
        register.issue(store, cong_van(**{"number": None, **changes}))
    with store.read() as session:
        assert session.execute(text("SELECT count(*) FROM register_entry")).scalar() == 0


def test_out_of_range_ids_are_bad_input(
    store: Store, store_url: str, tmp_path: Path, capsys: CaptureFixture[str]
) -> None:
    entry = register.issue(store, cong_van(number=None)).entry
    with pytest.raises(NumberingError, match="no such register entry"):
        register.update_entry(store, 2**63, note="x")
    with pytest.raises(NumberingError, match="must be a whole number"):
        register.update_entry(store, entry.id, copies=3 * 10**9)
    for command in (
        ["register", "letter", str(2**63), "-o", str(tmp_path / "x.letter")],
        ["register", "cancel", "9" * 5000, "--reason", "x"],
        ["register", "list", "--year", "99999999999"],
    ):
        with pytest.raises(SystemExit) as exited:
            main([*command, "--db", store_url])
        assert exited.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_damage_is_said_only_when_sqlite_finds_it(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    open_store(path).close()
    assert engine_module.integrity_problem(path) == ""
    path.write_bytes(path.read_bytes()[:100] + b"\x13" * 5000)
    with pytest.raises(StoreError, match="damaged"):
        store = open_store(path)
        store.close()
