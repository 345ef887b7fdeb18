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


def test_an_opened_draft_leaves_the_database_machinery_unloaded(tmp_path: Path) -> None:
    """SQLAlchemy and the ORM cost some 30 MB; a draft opened from its file does not need
    the office database, which loads once office data is used (a list, a new letter from
    the office, issuing a number)."""
    from tests.fresh_interpreter import modules_after

    sample = Path(__file__).resolve().parents[2] / "templates" / "cong_van" / "sample.letter"
    loaded = modules_after(
        "from pathlib import Path\n"
        "from drafter.ui.app import run_until_interactive\n"
        "window = run_until_interactive()\n"
        f"editor = window.open_file(Path({str(sample)!r}))\n"
        "assert editor is not None and editor.preview_document is not None\n",
        QT_QPA_PLATFORM="offscreen",
        DRAFTER_HOME=str(tmp_path),
    )
    assert "drafter.ui.draft" in loaded
    assert "sqlalchemy" not in loaded
