"""``drafter`` run as a user runs it, for the command-line tests: a separate process with
its own home, no display, UTF-8 output; and letter files to give it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sample_letters import cong_van

from drafter.core import letterfile


def drafter(
    *args: str,
    home: Path,
    stdin: bytes | None = None,
    language: str = "en",
    python_flags: tuple[str, ...] = (),
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DRAFTER_HOME": str(home),
        "DRAFTER_LANG": language,
        "PYTHONIOENCODING": "utf-8",
    }
    env.pop("DISPLAY", None)
    result = subprocess.run(
        [sys.executable, *python_flags, "-m", "drafter", *args],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    )


def write_letter(path: Path, **changes: object) -> Path:
    """The sample công văn, with *changes*, saved at *path*."""
    letterfile.save(cong_van(**changes), path)
    return path
