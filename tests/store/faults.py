"""Helpers for the fault tests: a small file system of our own, and register checks.

A tmpfs mounted for the test gives a real full disk (ENOSPC) and a real read-only
folder (EROFS, which stops root too, unlike chmod).  Where mounting is not allowed the
tests fall back to a simulation and say so in their output; they never skip.
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import text

from drafter.store.engine import open_store


def _run(*command: str) -> bool:
    try:
        return subprocess.run(command, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@contextlib.contextmanager
def small_filesystem(folder: Path, size: str) -> Iterator[bool]:
    """Mount a tmpfs of *size* on *folder*; yields whether that was possible."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = _run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(folder))
    if not mounted:
        print(f"cannot mount a tmpfs on {folder}: simulating the fault instead")
    try:
        yield mounted
    finally:
        if mounted and not _run("umount", str(folder)):
            _run("umount", "-l", str(folder))


def remount_read_only(folder: Path) -> bool:
    return _run("mount", "-o", "remount,ro", str(folder))


def fill_up(folder: Path) -> Path:
    """Write a file until the file system is full; returns it (delete it to free space)."""
    filler = folder / "filler.bin"
    with filler.open("wb", buffering=0) as stream:
        for size in (65536, 512):  # smaller writes then take the last partial blocks too
            with contextlib.suppress(OSError):
                while True:
                    stream.write(b"\0" * size)
    return filler


def register_state(url: str) -> list[tuple[object, ...]]:
    """Every register line with its events: what must survive a fault unchanged."""
    store = open_store(url, read_only=True)
    try:
        with store.read() as session:
            return [
                tuple(row)
                for row in session.execute(
                    text(
                        "SELECT e.sequence_id, e.year, e.number, e.status, e.number_symbol, "
                        "count(v.id) FROM register_entry e "
                        "LEFT JOIN register_event v ON v.entry_id = e.id "
                        "GROUP BY e.id, e.sequence_id, e.year, e.number, e.status, e.number_symbol "
                        "ORDER BY e.sequence_id, e.year, e.number"
                    )
                )
            ]
    finally:
        store.close()


def assert_register_consistent(url: str) -> int:
    """No duplicate, no gap, every number with its audit record; returns the last number."""
    store = open_store(url, read_only=True)
    try:
        with store.read() as session:
            if store.is_sqlite:
                assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            counters = session.execute(
                text("SELECT sequence_id, year, last FROM sequence_counter")
            ).all()
    finally:
        store.close()
    state = register_state(url)
    last = 0
    for sequence, year, counter in counters:
        lines = [row for row in state if row[:2] == (sequence, year)]
        numbers = [row[2] for row in lines]
        assert numbers == list(range(1, counter + 1)), (year, numbers, counter)
        assert all(row[5] >= 1 for row in lines), "a number without its audit record"
        last = max(last, counter)
    return last
