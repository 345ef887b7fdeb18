"""Worker processes racing for numbers: the register's and the incoming register's.

A worker script takes a database URL, how many numbers to take (0: until killed) and a
start file; it creates ``<start>.ready.<pid>`` once connected, waits for the start file,
and prints each number it got.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from drafter.store.engine import open_store

ROOT = Path(__file__).resolve().parents[2]


def start_worker(worker: Path, url: str, count: int, start_file: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, str(worker), url, str(count), str(start_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def race(worker: Path, url: str, tmp_path: Path, count: int) -> list[list[int]]:
    """Two *worker* processes taking *count* numbers each at once: the numbers each got."""
    open_store(url).close()  # create the schema before the race
    start = tmp_path / "go"
    workers = [start_worker(worker, url, count, start) for _ in range(2)]
    # Start the race only once both have opened the database, however slow the machine.
    deadline = time.monotonic() + 120
    while len(list(tmp_path.glob("go.ready.*"))) < 2 and time.monotonic() < deadline:
        assert all(w.poll() is None for w in workers), "a worker stopped before the start"
        time.sleep(0.01)
    start.touch()
    results = [w.communicate(timeout=600) for w in workers]
    for process, (_out, err) in zip(workers, results, strict=True):
        assert process.returncode == 0, err
    return [[int(n) for n in out.split()] for out, _err in results]
