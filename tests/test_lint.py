"""The code base stays ruff-clean, ruff-formatted and mypy-clean: CI fails on a lint,
format or type error as on a failing test."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE = ["drafter", "tests", "benchmarks", "installer"]


def assert_clean(tool: str, *args: str) -> None:
    """*tool* of the test extras (the venv's, else the PATH's) run on the code base passes."""
    found = shutil.which(tool, path=str(Path(sys.executable).parent)) or shutil.which(tool)
    assert found, f"{tool} is part of the test extras: pip install -e '.[test]'"
    result = subprocess.run([found, *args], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_nothing() -> None:
    assert_clean("ruff", "check", "--output-format", "concise", *CODE)


def test_the_code_keeps_ruff_s_format() -> None:
    """``ruff format`` was applied once to the whole code base; it stays so."""
    assert_clean("ruff", "format", "--check", *CODE)


def test_mypy_finds_nothing() -> None:
    """mypy, configured in pyproject.toml ([tool.mypy]: the drafter package, not strict)."""
    assert_clean("mypy", "--no-error-summary", "--hide-error-context")
