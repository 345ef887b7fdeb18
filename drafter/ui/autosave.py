"""Autosave and crash recovery of open drafts.

Each open draft has an entry in ``user_data_dir()/autosave``: ``<id>.letter`` (the
letter as it was a moment ago) and ``<id>.json`` (where it came from, which process
owns it).  A clean close removes the entry; after a crash or a power cut the entries
of dead processes are offered for restoring at the next start.  No Qt here.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from drafter.core.atomic import write_text_atomic
from drafter.paths import user_data_dir


def autosave_dir() -> Path:
    return user_data_dir() / "autosave"


@dataclass(frozen=True)
class Entry:
    id: str
    letter_text: str
    source: str  # the letter file it was opened from or saved to, or "" for a new draft
    title: str
    saved_at: float

    @property
    def letter_path(self) -> Path:
        return autosave_dir() / f"{self.id}.letter"


def new_id() -> str:
    import uuid  # here: it loads the platform module, ~3 ms of every start

    return uuid.uuid4().hex


def write(entry_id: str, letter_text: str, source: str, title: str) -> None:
    """Store the draft; the letter is written before the note that points at it."""
    folder = autosave_dir()
    folder.mkdir(parents=True, exist_ok=True)
    write_text_atomic(folder / f"{entry_id}.letter", letter_text)
    meta = {"source": source, "title": title, "pid": os.getpid(), "saved_at": time.time()}
    write_text_atomic(folder / f"{entry_id}.json", json.dumps(meta, ensure_ascii=False))


def remove(entry_id: str) -> None:
    for suffix in (".json", ".letter"):
        with contextlib.suppress(OSError):
            (autosave_dir() / f"{entry_id}{suffix}").unlink()


def _alive(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def orphans() -> list[Entry]:
    """Drafts left by a process that is gone: what the user may want back."""
    folder = autosave_dir()
    if not folder.is_dir():
        return []
    found = []
    for meta_path in sorted(folder.glob("*.json")):
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            text = meta_path.with_suffix(".letter").read_text(encoding="utf-8")
        except (OSError, ValueError):
            continue
        if not isinstance(meta, dict) or _alive(meta.get("pid")):
            continue
        found.append(
            Entry(
                meta_path.stem,
                text,
                str(meta.get("source", "")),
                str(meta.get("title", "")),
                float(meta.get("saved_at", 0)),
            )
        )
    return sorted(found, key=lambda e: e.saved_at)
