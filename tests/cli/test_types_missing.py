"""``drafter types`` with no document type to list: an error, never an empty list.

An installation that lost its templates must say so, in the user's language, rather
than print nothing and report success.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.paths import resources_dir


@pytest.fixture
def data_without_types(tmp_path: Path) -> Path:
    """A ``DRAFTER_DATA`` folder with the translations but an empty ``templates/``."""
    data = tmp_path / "data"
    (data / "templates").mkdir(parents=True)
    shutil.copytree(resources_dir() / "locale", data / "resources" / "locale")
    return data


def types(data: Path, home: Path, language: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DRAFTER_DATA": str(data),
        "DRAFTER_HOME": str(home),
        "DRAFTER_LANG": language,
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.run(
        [sys.executable, "-m", "drafter", "types", *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("args", [(), ("--json",)], ids=["text", "json"])
def test_no_type_found_fails_in_vietnamese(
    data_without_types: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    result = types(data_without_types, tmp_path / "home", "vi", *args)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("không tìm thấy loại văn bản nào (đã tìm trong ")
    assert str(data_without_types / "templates") in result.stderr
    assert "Drafter chưa được cài đặt đầy đủ" in result.stderr


def test_no_type_found_fails_in_english(data_without_types: Path, tmp_path: Path) -> None:
    result = types(data_without_types, tmp_path / "home", "en")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("no document types found (looked in ")
    assert "Drafter is not installed completely" in result.stderr


def test_a_user_type_alone_is_listed(data_without_types: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    shipped = Path(__file__).resolve().parents[2] / "templates" / "cong_van"
    shutil.copytree(shipped, home / "data" / "templates" / "cong_van")
    result = types(data_without_types, home, "vi")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "cong_van"
