"""The folder a file dialog opens in, remembered per kind of file.

"letters" (open and save drafts) and "exports" (.docx, PDF) each remember the folder
last used, in the preferences' ``folders`` table, so a dialog opens where the user
was working last time, also after a restart; a folder that has since gone is skipped.
"""

from __future__ import annotations

from pathlib import Path

from drafter.settings import Preferences

LETTERS, EXPORTS = "letters", "exports"


def last_folder(preferences: Preferences, kind: str) -> Path | None:
    """The folder last used for *kind*, when it still exists."""
    folder = preferences.folders.get(kind, "")
    return Path(folder) if folder and Path(folder).is_dir() else None


def remember(preferences: Preferences, kind: str, path: Path) -> None:
    """Remember the folder of *path* (a file chosen or written) for *kind*."""
    preferences.folders[kind] = str(Path(path).resolve().parent)
