"""Two secretaries issuing at once never get the same number; a crash loses nothing."""

from __future__ import annotations

import datetime as dt
import signal
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from drafter.store.engine import open_store
from tests.store.race import race, start_worker

WORKER = Path(__file__).with_name("issue_worker.py")


def _numbers_and_last(session: Session, year: int) -> tuple[list[int], int | None]:
    """The year's recorded numbers in order, and its counter's last number."""
    numbers = (
        session.execute(
            text("SELECT number FROM register_entry WHERE year = :y ORDER BY number"),
            {"y": year},
        )
        .scalars()
        .all()
    )
    last = session.execute(
        text("SELECT last FROM sequence_counter WHERE year = :y"), {"y": year}
    ).scalar()
    return list(numbers), last


def test_two_processes_issuing_500_each_get_1000_distinct_consecutive_numbers(
    store_url: str, tmp_path: Path
) -> None:
    got = race(WORKER, store_url, tmp_path, 500)
    assert all(len(numbers) == 500 for numbers in got)
    # Each process sees its own numbers rising, and together they are exactly 1…1000.
    assert all(numbers == sorted(numbers) for numbers in got)
    assert sorted(got[0] + got[1]) == list(range(1, 1001))
    # They really ran at the same time: both were connected and waiting when the race
    # started.  PostgreSQL queues row locks fairly, so there the numbers also interleave;
    # SQLite's busy handler backs off while the other process takes the lock again, so
    # one may well run through all of its 500 first — still without a duplicate or a gap.
    if str(store_url).startswith("postgresql"):
        assert min(got[0]) < max(got[1]) and min(got[1]) < max(got[0])
    store = open_store(store_url)
    year = dt.date.today().year
    with store.read() as session:
        numbers, last = _numbers_and_last(session, year)
    store.close()
    assert numbers == list(range(1, 1001)) and last == 1000


def test_a_process_killed_while_writing_leaves_the_database_intact(
    store_url: str, tmp_path: Path
) -> None:
    open_store(store_url).close()
    start = tmp_path / "go"
    start.touch()
    worker = start_worker(WORKER, store_url, 0, start)
    assert worker.stdout is not None
    for _ in range(30):  # let it get well into its writing
        assert worker.stdout.readline(), worker.stderr.read() if worker.stderr else ""
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=30)
    worker.stdout.close()
    store = open_store(store_url)
    year = dt.date.today().year
    with store.read() as session:
        if store.is_sqlite:
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        numbers, last = _numbers_and_last(session, year)
    # Every number handed out is recorded, with no gap and no half-written entry.
    assert len(numbers) >= 30
    assert numbers == list(range(1, len(numbers) + 1)) and last == len(numbers)
    from drafter.store import register

    store_again = open_store(store_url)
    assert register.issue(store_again, _a_letter()).letter.number == len(numbers) + 1
    store_again.close()
    store.close()


def _a_letter():  # type: ignore[no-untyped-def]
    from tests.sample_letters import cong_van

    return cong_van(number=None, date=dt.date.today())
