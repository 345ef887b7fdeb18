"""Run every benchmark of this folder and print its figures: ``python -m benchmarks``.

Each ``*_bench.py`` module runs in its own process, so that none inherits another's
imports or caches and the start-up times measured are the real ones.  The headline
figures (lines starting with ``summary:``, among them the one-letter render time and
the window start-up ratio) are repeated together at the end.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
SUMMARY_PREFIX = "summary: "  # as printed by startup_env.summary


def main() -> int:
    status = 0
    headlines: list[str] = []
    for module in sorted(FOLDER.glob("*_bench.py")):
        print(f"== {module.stem} ==", flush=True)
        process = subprocess.Popen([sys.executable, str(module)], stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None
        for line in process.stdout:
            print(line, end="", flush=True)
            if line.startswith(SUMMARY_PREFIX):
                headlines.append(f"{module.stem}: {line[len(SUMMARY_PREFIX) :].rstrip()}")
        if process.wait() != 0:
            print(f"{module.name} failed with exit status {process.returncode}", flush=True)
            status = 1
        print(flush=True)
    print("== summary ==")
    for line in headlines:
        print(line)
    return status


if __name__ == "__main__":
    sys.exit(main())
