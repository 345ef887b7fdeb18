"""What a command loads: ``drafter render`` imports only what rendering needs.

Start-up time is measured by ``benchmarks/render_bench.py``; these tests keep the
structure that makes it short (no database layer, no other command's module, no Qt).
"""

from __future__ import annotations

from pathlib import Path

from fresh_interpreter import modules_after
from sample_letters import cong_van

from drafter.core import letterfile


def test_render_loads_no_other_command_nor_database_nor_qt(tmp_path: Path) -> None:
    letter = tmp_path / "a.letter"
    letterfile.save(cong_van(), letter)
    modules = modules_after(
        "from drafter.cli import main\n"
        f"assert main(['render', {str(letter)!r}, '-o', {str(tmp_path / 'a.docx')!r}]) == 0",
        DRAFTER_HOME=str(tmp_path),
    )
    assert "drafter.app.compose" in modules  # the render did run in this process
    loaded = sorted(
        m
        for m in modules
        if m.split(".")[0] in {"sqlalchemy", "alembic", "openpyxl", "psycopg", "PySide6"}
        or m in {"drafter.office_cli", "drafter.doctor"}
    )
    assert loaded == []


def test_the_full_parser_still_has_every_command(tmp_path: Path) -> None:
    modules = modules_after(
        "from drafter.cli import build_parser\n"
        "text = build_parser().format_help()\n"
        "assert all(c in text for c in ('render', 'doctor', 'issue', 'contacts')), text",
        DRAFTER_HOME=str(tmp_path),
    )
    assert {"drafter.office_cli", "drafter.doctor"} <= modules
