"""``drafter doctor`` reports what this installation uses, and ``drafter render`` says
what to install when no suitable font is found."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from font_dirs import forget_fonts, no_fonts, system_choice
from sample_letters import cong_van

from drafter import cli, fonts
from drafter.core import letterfile

__all__ = ["no_fonts"]  # a fixture the tests below ask for by name


def test_doctor_lists_fonts_libreoffice_database_and_folders(
    english: None, drafter_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    choice = system_choice()
    assert cli.main(["doctor"]) == 0
    out = capsys.readouterr().out
    for face in fonts.FACES:
        chosen = choice.faces[face]
        assert f"file: {chosen.path}" in out
        assert f"{chosen.family} {chosen.style}" in out
    assert f"version: {choice.faces[(False, False)].version}" in out
    assert out.count("Vietnamese: yes") == 4
    assert "Vietnamese: no" not in out
    assert "LibreOffice: " in out
    assert f"Database: sqlite:///{drafter_home / 'data' / 'drafter.sqlite3'}" in out
    for kind in ("config", "data", "cache"):
        assert str(drafter_home / kind) in out
    assert f"templates: {drafter_home / 'data' / 'templates'}" in out


def test_doctor_hides_the_database_password(
    english: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    system_choice()
    monkeypatch.setenv("DRAFTER_DB", "postgresql://clerk:s3cret@db.example/drafter")
    assert cli.main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "s3cret" not in out
    assert "Database: postgresql://clerk:***@db.example/drafter" in out


def test_doctor_fails_without_a_suitable_font(
    no_fonts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["doctor"]) == 1
    captured = capsys.readouterr()
    assert "Phông chữ:" in captured.out
    assert "thường: không có" in captured.out
    assert "cảnh báo" in captured.err
    assert "sudo apt install fonts-liberation2" in captured.err


def test_render_warns_on_stderr_without_a_suitable_font(
    no_fonts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "cong-van.letter"
    letterfile.save(cong_van(), source)
    assert cli.main(["render", str(source), "-o", str(tmp_path / "out.docx")]) == 0
    err = capsys.readouterr().err
    assert "Times New Roman" in err
    assert "Debian/Ubuntu: sudo apt install fonts-liberation2" in err
    assert (tmp_path / "out.docx").is_file()  # the .docx is still written, naming TNR


def test_render_is_silent_about_fonts_when_they_are_installed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    system_choice()
    source = tmp_path / "cong-van.letter"
    letterfile.save(cong_van(), source)
    assert cli.main(["render", str(source), "-o", str(tmp_path / "out.docx")]) == 0
    assert capsys.readouterr().err == ""
    forget_fonts()


def test_doctor_runs_as_a_command(drafter_home: Path) -> None:
    system_choice()
    env = {**os.environ, "DRAFTER_HOME": str(drafter_home), "PYTHONIOENCODING": "utf-8"}
    env.pop("DRAFTER_LANG", None)
    # Headless: the doctor, like every command but the GUI, runs without Qt.
    script = (
        "import sys; from drafter.cli import main; status = main(['doctor']); "
        "sys.exit(status or ('PySide6' in sys.modules and 3))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, env=env, timeout=120, check=False
    )
    out = result.stdout.decode("utf-8")
    assert result.returncode == 0, result.stderr.decode("utf-8")
    assert "Phông chữ:" in out and "tiếng Việt: có" in out
    assert "Thư mục:" in out
