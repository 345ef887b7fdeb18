"""A command that only reads never creates a database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from drafter.store.engine import StoreError, open_store


def test_reading_a_missing_database_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "go" / "nhầm" / "drafter.sqlite3"
    with pytest.raises(StoreError, match="there is no database at"):  # store tests: English
        open_store(target, read_only=True)
    assert not (tmp_path / "go").exists()


def test_register_list_names_a_mistyped_database(tmp_path: Path) -> None:
    target = tmp_path / "khong-co" / "so.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "drafter", "register", "list", "--db", f"sqlite:///{target}"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert str(target) in result.stderr and "--db" in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.parent.exists()
