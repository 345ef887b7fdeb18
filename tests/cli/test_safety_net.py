"""What ``drafter`` prints when a command fails in a way no check foresaw.

Never a traceback: a closed pipe is not an error, a failing machine is named, and a
defect of Drafter's own leaves its details in a crash report for whoever supports it.
"""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest

from drafter import cli
from drafter.app import render as batch


def _failing_render(error: BaseException):  # type: ignore[no-untyped-def]
    def render_files(inputs: list[str], output: Path | None, fmt: object = None) -> int:
        raise error

    return render_files


def test_a_defect_is_a_sentence_and_a_crash_report(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], drafter_home: Path
) -> None:
    monkeypatch.setattr(batch, "render_files", _failing_render(KeyError("lỗi-thử")))
    status = cli.main(["render", "x.letter"])
    err = capsys.readouterr().err
    assert status == cli.EXIT_WRITE
    assert "Traceback" not in err
    assert "lỗi không lường trước" in err
    reports = list((drafter_home / "cache" / "crash-reports").glob("crash-*.txt"))
    assert len(reports) == 1
    text = reports[0].read_text(encoding="utf-8")
    assert "Traceback" in text and "lỗi-thử" in text and "'render'" in text
    assert str(reports[0]) in err


def test_a_full_disk_is_named(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    error = OSError(errno.ENOSPC, "No space left on device", "/mnt/usb/x.docx")
    monkeypatch.setattr(batch, "render_files", _failing_render(error))
    assert cli.main(["render", "x.letter"]) == cli.EXIT_WRITE
    err = capsys.readouterr().err
    assert err.startswith("drafter: /mnt/usb/x.docx: ")
    assert "đĩa đã đầy" in err


def test_out_of_memory_is_named(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(batch, "render_files", _failing_render(MemoryError()))
    assert cli.main(["render", "x.letter"]) == cli.EXIT_WRITE
    assert "không đủ bộ nhớ" in capsys.readouterr().err


def test_ctrl_c_stops_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(batch, "render_files", _failing_render(KeyboardInterrupt()))
    assert cli.main(["render", "x.letter"]) == cli.EXIT_INTERRUPTED
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.strip()


def test_output_cut_short_by_its_reader_is_not_an_error() -> None:
    """``drafter types | head -1``: the pipe closes before Drafter has written."""
    script = (
        "import subprocess, sys\n"
        "p = subprocess.Popen([sys.executable, '-m', 'drafter', 'types'],"
        " stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n"
        "p.stdout.close()\n"  # before Drafter has started: its first write fails
        "err = p.stderr.read(); sys.stdout.write(str(p.wait()) + '\\n');"
        " sys.stdout.write(err.decode())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    status, _, err = result.stdout.partition("\n")
    assert status == "0"
    assert "Traceback" not in err and "BrokenPipe" not in err
