"""What the window loads before it shows: only what its first paint needs.

Each module here costs start-up time (the window must be visible within 1.5 times a
bare PySide6 window, `benchmarks/gui_bench.py`); they load with the first draft.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

LOADED_LATER = (
    "drafter.core.letter",
    "drafter.core.letterfile",
    "drafter.core.schema",
    "drafter.core.doctypes",
    "drafter.core.fields",
    "drafter.templating.environment",
    "drafter.layout.model",
    "drafter.render.qt_painter",
    "drafter.ui.draft",
    "drafter.ui.form",
    "drafter.store.engine",
    "sqlalchemy",
    "jinja2",
    "markdown_it",
)


def test_the_window_shows_before_the_letter_machinery_loads(tmp_path: Path) -> None:
    code = (
        "import json, sys\n"
        "from drafter.ui.app import run_until_interactive\n"
        "window = run_until_interactive()\n"
        "assert window.isVisible()\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DRAFTER_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert "drafter.ui.main_window" in loaded
    assert not loaded & set(LOADED_LATER), sorted(loaded & set(LOADED_LATER))
