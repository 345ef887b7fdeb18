"""What ``drafter issue`` costs next to ``drafter render`` of the same letter, whole process.

    .venv/bin/python benchmarks/issue_bench.py [--runs 9]

Issuing is rendering plus taking the next number from the register, so its start-up
work (opening the database, checking its schema) is all that may come on top.  Target:
issue at most twice render, on an embedded database that is already migrated.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_RATIO = 2.0


def _run(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    from drafter.core import letterfile
    from tests.sample_letters import cong_van

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = {**os.environ, "DRAFTER_HOME": str(work / "home"), "PYTHONPATH": str(ROOT)}
        env.pop("DRAFTER_DB", None)
        letter = work / "cv.letter"
        letterfile.save(cong_van(number=None), letter)
        drafter = [sys.executable, "-m", "drafter"]
        database = str(work / "office.sqlite3")
        issue = [*drafter, "issue", str(letter), "-o", str(work / "issued.docx"),
                 "--db", database]
        render = [*drafter, "render", str(letter), "-o", str(work / "rendered.docx")]
        _run(issue, env)  # creates and migrates the database, warms the file cache
        _run(render, env)
        renders, issues = [], []
        for _ in range(args.runs):  # interleaved, so that a busy moment hits both
            renders.append(_run(render, env))
            issues.append(_run(issue, env))
    render_ms, issue_ms = statistics.median(renders), statistics.median(issues)
    ratio = issue_ms / render_ms
    verdict = "ok" if ratio <= TARGET_RATIO else "SLOW"
    print(f"  drafter render (one letter)            median {render_ms:7.1f} ms")
    print(f"  drafter issue  (same letter, SQLite)    median {issue_ms:7.1f} ms")
    print(f"  issue / render                          {ratio:7.2f}x   "
          f"(target <= {TARGET_RATIO:g}x) {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
