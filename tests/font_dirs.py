"""Font folders for tests: the resolver pointed at folders a test builds.

Font files are never committed: tests link or subset the system's Liberation Serif 2
(``make test`` installs ``fonts-liberation2``) at run time.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafter import fonts
from drafter.layout import metrics


def system_choice() -> fonts.FontChoice:
    """The machine's suitable fonts, which tests copy; a machine without them fails."""
    fonts.forget()
    choice = fonts.resolve()
    if not choice.suitable:
        pytest.fail("no suitable font installed; 'make test' installs fonts-liberation2")
    return choice


def forget_fonts() -> None:
    """Make every cache of the font decision decide again (resolver, metrics, painter)."""
    fonts.forget()
    metrics.face.cache_clear()
    painter = sys.modules.get("drafter.render.qt_painter")
    if painter is not None:
        painter.forget_fonts()


def use_font_dirs(
    monkeypatch: pytest.MonkeyPatch, *folders: Path, override: Path | None = None
) -> None:
    """Search only *folders* (and the ``DRAFTER_FONT_DIR`` *override*) from now on."""
    monkeypatch.setattr(fonts, "system_font_dirs", lambda: list(folders))
    if override is None:
        monkeypatch.delenv(fonts.FONT_DIR_ENV, raising=False)
    else:
        monkeypatch.setenv(fonts.FONT_DIR_ENV, str(override))
    forget_fonts()


def link_family(source: fonts.FontChoice, folder: Path, family: str) -> Path:
    """*folder* holding *source*'s four files under the names *family* is looked up by."""
    folder.mkdir(parents=True, exist_ok=True)
    for face, names in fonts.CANDIDATES[family].items():
        target = folder / names[0]
        original = source.path(*face)
        assert original is not None
        try:
            os.symlink(original, target)
        except OSError:  # no symbolic links (Windows without the privilege): copy
            target.write_bytes(original.read_bytes())
    return folder


@pytest.fixture
def no_fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No suitable font anywhere: the resolver searches only an empty folder."""
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    use_font_dirs(monkeypatch, empty)
    yield empty
    monkeypatch.undo()
    forget_fonts()
