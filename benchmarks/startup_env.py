"""The environment a timed ``drafter`` process runs in, as on a user's machine.

An installed Drafter starts from compiled bytecode: pip compiles the modules when it
installs the wheel, and the PyInstaller bundle ships ``.pyc`` files.  A development
shell may set ``PYTHONDONTWRITEBYTECODE`` (this repository's sandbox does), which
makes every start compile Drafter's own modules from source again, some 30 ms that no
user pays.  The timed processes therefore keep their bytecode, in a folder of the
benchmark's own (``PYTHONPYCACHEPREFIX``) so that the source tree is left clean; the
warm-up run the benchmarks make anyway fills it.
"""

from __future__ import annotations

import os
from pathlib import Path

# The shared summary ``python -m benchmarks`` prints at the end collects these lines.
SUMMARY_PREFIX = "summary: "


def startup_env(scratch: Path, **extra: str) -> dict[str, str]:
    """``os.environ`` with bytecode caching on, kept under *scratch*, plus *extra*."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    env.update(extra)
    return env


def summary(line: str) -> None:
    """Print one headline figure; ``python -m benchmarks`` repeats it at the end."""
    print(SUMMARY_PREFIX + line, flush=True)
