"""What ``drafter issue`` costs next to ``drafter render`` of the same letter, whole process.

    .venv/bin/python benchmarks/issue_bench.py [--runs 21] [--pg postgresql://…]

Issuing is rendering plus taking the next number from the register, so its start-up
work (opening the database, checking its schema, one transaction) is all that may come
on top.  Target: issue at most twice render, on an embedded database that is already
migrated; both processes start from compiled bytecode, as an installed Drafter does
(see ``startup_env``).  With ``--pg`` the same issue is also timed on that PostgreSQL
database (its tables are created there if missing; nothing else is changed).
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from startup_env import startup_env, summary  # noqa: E402

TARGET_RATIO = 2.0


def _run(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--pg", metavar="URL", help="also time issue on this PostgreSQL database")
    args = parser.parse_args()
    from drafter.core import letterfile
    from tests.sample_letters import cong_van

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = startup_env(work, DRAFTER_HOME=str(work / "home"), PYTHONPATH=str(ROOT))
        env.pop("DRAFTER_DB", None)
        letter = work / "cv.letter"
        letterfile.save(cong_van(number=None), letter)
        drafter = [sys.executable, "-m", "drafter"]
        database = str(work / "office.sqlite3")

        copies = itertools.count(1)

        def issue(db: str) -> list[str]:
            # A document is numbered once: each issue is of a fresh copy, without an id yet
            # (made here, before the timed process starts).
            document = work / f"cv-{next(copies)}.letter"
            shutil.copyfile(letter, document)
            return [*drafter, "issue", str(document), "-o", str(work / "issued.docx"), "--db", db]

        render = [*drafter, "render", str(letter), "-o", str(work / "rendered.docx")]
        # Creates and migrates the database, compiles the bytecode, warms the file cache.
        for command in (issue(database), render, issue(database), render):
            _run(command, env)
        renders, issues = [], []
        for _ in range(args.runs):  # interleaved, so that a busy moment hits both
            renders.append(_run(render, env))
            issues.append(_run(issue(database), env))
        server: list[float] = []
        if args.pg:
            _run(issue(args.pg), env)
            server = [_run(issue(args.pg), env) for _ in range(args.runs)]
    render_ms, issue_ms = statistics.median(renders), statistics.median(issues)
    ratio = issue_ms / render_ms
    verdict = "ok" if ratio <= TARGET_RATIO else "SLOW"
    print(
        f"  drafter render (one letter)            median {render_ms:7.1f} ms  ({args.runs} runs)"
    )
    print(f"  drafter issue  (a copy each, SQLite)    median {issue_ms:7.1f} ms")
    if server:
        server_ms = statistics.median(server)
        print(f"  drafter issue  (a copy each, PostgreSQL) median {server_ms:6.1f} ms")
    print(
        f"  issue / render                          {ratio:7.2f}x   "
        f"(target <= {TARGET_RATIO:g}x) {verdict}"
    )
    summary(
        f"issue {issue_ms:.0f} ms, render {render_ms:.0f} ms: {ratio:.2f}x "
        f"(target <= {TARGET_RATIO:g}x) {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
