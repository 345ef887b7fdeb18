"""What a new Python process has loaded: for the tests that keep commands' imports lean
(start-up time itself is measured in ``benchmarks/``)."""

from __future__ import annotations

import os
import subprocess
import sys

_MODULES_FOLLOW = "--- modules loaded ---"


def modules_after(code: str, **env: str) -> set[str]:
    """The names of the modules loaded once *code* has run in a new interpreter, with
    *env* added to this environment.  *code* makes its own checks with ``assert``: one
    that fails fails the calling test, with the new interpreter's error output."""
    script = f"import sys\n{code}\nprint({_MODULES_FOLLOW!r})\nprint('\\n'.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **env},
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.rpartition(_MODULES_FOLLOW)[2].split())
