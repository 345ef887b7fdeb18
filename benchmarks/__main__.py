"""Run every benchmark of this folder and print its figures: ``python -m benchmarks``.

Each ``*_bench.py`` module runs in its own process, so that none inherits another's
imports or caches and the start-up times measured are the real ones.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def main() -> int:
    status = 0
    for module in sorted(FOLDER.glob("*_bench.py")):
        print(f"== {module.stem} ==", flush=True)
        result = subprocess.run([sys.executable, str(module)], check=False)
        if result.returncode != 0:
            print(f"{module.name} failed with exit status {result.returncode}", flush=True)
            status = 1
        print(flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
