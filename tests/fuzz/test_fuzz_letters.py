"""Generated letter files through the whole of ``drafter render``: never a crash.

Each example is written to a file and rendered the way the command does it, in this
process: it must end either with a valid Word file (exit 0, with at most warnings: what
Drafter tidied or what deserves a look) or with problems to print (exit 2), each one a
non-empty message, within the time and memory bounds.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from hypothesis import event, given, settings

from drafter.app.render import EXIT_INVALID, EXIT_OK, render_one
from drafter.i18n import _
from fuzz.bounds import PROFILE, bounded
from fuzz.strategies import letter_file_bytes


@settings(settings.get_profile(PROFILE))
@given(raw=letter_file_bytes())
def test_any_letter_file_renders_or_reports(raw: bytes, tmp_path: Path) -> None:
    source = tmp_path / "fuzzed.letter"
    source.write_bytes(raw)
    target = tmp_path / "fuzzed.docx"
    target.unlink(missing_ok=True)
    with bounded():
        status, messages = render_one(str(source), target)
    event(f"exit status {status}")  # the share of letters that render, in the statistics
    assert status in (EXIT_OK, EXIT_INVALID), messages
    if status == EXIT_OK:
        warning = f": {_('warning')}: "
        assert all(warning in message for message in messages), messages
        with zipfile.ZipFile(target) as docx:
            assert docx.testzip() is None
            assert "word/document.xml" in docx.namelist()
    else:
        assert messages
        for message in messages:
            detail = message.removeprefix(f"{source}: ")
            assert detail.strip(), message
            assert "Traceback" not in detail
        assert not target.exists()
