"""``drafter issue`` killed at random moments, and a PostgreSQL server stopped mid-batch.

Whatever moment the process dies, the register has no duplicate and no number without
its audit record, and an existing output file is the old one or a complete new one.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from drafter.core import letterfile
from drafter.store.engine import open_store
from tests.sample_letters import cong_van
from tests.store.faults import assert_register_consistent

ROOT = Path(__file__).resolve().parents[2]


def _issue_command(letter: Path, out: Path, url: str) -> list[str]:
    return [sys.executable, "-m", "drafter", "issue", str(letter), "-o", str(out), "--db", url]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "DRAFTER_LANG": "en"}


def test_issue_killed_at_random_moments_never_gives_a_number_twice(
    store_url: str, tmp_path: Path
) -> None:
    seed = random.randrange(1_000_000)
    print(f"random seed {seed}")
    rng = random.Random(seed)
    letter = tmp_path / "cv.letter"
    letterfile.save(cong_van(number=None), letter)
    out = tmp_path / "cv.docx"
    out.write_bytes(b"old")
    if store_url.startswith("sqlite"):
        # The database does not exist yet: the first kills may land while it is created.
        store_url = store_url.replace("office.sqlite3", "new/office.sqlite3")
    finished = 0
    for _ in range(10):
        process = subprocess.Popen(
            _issue_command(letter, out, store_url),
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(rng.uniform(0.05, 1.0))
        process.send_signal(signal.SIGKILL)
        _out, err = process.communicate(timeout=60)
        assert "Traceback" not in err, err
        finished += process.returncode == 0
        # The output file is the old one or a whole new letter, never half of one.
        assert out.read_bytes() == b"old" or zipfile.ZipFile(out).testzip() is None
    created = (
        not store_url.startswith("sqlite") or Path(store_url.removeprefix("sqlite:///")).exists()
    )  # all kills may come before that
    last = assert_register_consistent(store_url) if created else 0
    assert last >= finished
    # The file got its document id before the first number: one document, one number.
    assert last <= 1
    done = subprocess.run(
        _issue_command(letter, out, store_url),
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    if last == 0:
        assert done.returncode == 0, done.stderr
        assert "Issued number 01/" in done.stdout
    else:  # issued before being killed: the number it has is shown, none taken
        assert done.returncode == 2, done.stderr
        assert "01/SGDĐT-VP" in done.stderr
    assert assert_register_consistent(store_url) == 1


def _postgres_cluster() -> tuple[str, str]:
    """The version and name of the local cluster serving the tests, to stop and start it."""
    if shutil.which("pg_lsclusters") is None or shutil.which("pg_ctlcluster") is None:
        message = "the PostgreSQL server is not a local cluster this test can stop"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    listing = subprocess.run(
        ["pg_lsclusters", "-h"], capture_output=True, text=True, check=True
    ).stdout.split()
    return listing[0], listing[1]


def _pg_ctl(version: str, name: str, action: str, *extra: str) -> None:
    subprocess.run(
        ["pg_ctlcluster", version, name, action, *extra],
        capture_output=True,
        timeout=60,
        check=False,
    )


def test_the_server_stopped_mid_batch_ends_in_a_clear_message_without_duplicates(
    tmp_path: Path,
) -> None:
    from tests.store.conftest import postgres_url

    url = postgres_url()
    version, name = _postgres_cluster()
    open_store(url).close()
    letter = tmp_path / "cv.letter"
    letterfile.save(cong_van(number=None), letter)
    results: list[subprocess.CompletedProcess[str]] = []
    stop = threading.Event()

    def batch() -> None:
        for i in range(40):
            if stop.is_set():
                return
            # Each issue is of another document: a document is numbered once.
            document = tmp_path / f"{i}.letter"
            shutil.copyfile(letter, document)
            results.append(
                subprocess.run(
                    _issue_command(document, tmp_path / f"{i}.docx", url),
                    env=_env(),
                    capture_output=True,
                    text=True,
                    timeout=120,
                )
            )

    worker = threading.Thread(target=batch)
    worker.start()
    try:
        while len(results) < 2 and worker.is_alive():
            time.sleep(0.05)
        _pg_ctl(version, name, "stop", "-m", "immediate")
        stopped_at = len(results)
        while len(results) < stopped_at + 2 and worker.is_alive():
            time.sleep(0.05)
    finally:
        _pg_ctl(version, name, "start")
        for _ in range(60):
            if subprocess.run(["pg_isready", "-q", "-h", "localhost"]).returncode == 0:
                break
            time.sleep(0.5)
    time.sleep(1.0)
    stop.set()
    worker.join(timeout=300)
    failed = [r for r in results if r.returncode != 0]
    assert failed, "no issue ran while the server was down"
    for result in results:
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode in (0, 1), result.stderr
    assert all("cannot reach the database server" in r.stderr for r in failed), failed
    numbers = [
        line.split()[2]
        for r in results
        if r.returncode == 0
        for line in r.stdout.splitlines()
        if line.startswith("Issued number")
    ]
    assert len(numbers) == len(set(numbers))
    assert_register_consistent(url)
    # The server is back: issuing works again.
    again = subprocess.run(
        _issue_command(letter, tmp_path / "again.docx", url),
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0, again.stderr
