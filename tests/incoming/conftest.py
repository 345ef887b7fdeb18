"""Letters the reader has never seen: Drafter's own output of fixture letters (.docx), their
LibreOffice PDFs, their plain text and OCR-like text without diacritics."""

from __future__ import annotations

from pathlib import Path

from drafter.core import letterfile
from drafter.core.letter import Letter

# The store's fixtures serve here too: English messages, and a store on each engine.
from tests.store.conftest import _english_messages, store, store_url  # noqa: F401

LETTERS = Path(__file__).with_name("letters")


def fixture_letter(name: str) -> Letter:
    letter, problems = letterfile.load(LETTERS / name)
    assert problems == [], [str(p) for p in problems]
    return letter


def write_docx(letter: Letter, path: Path) -> Path:
    from drafter.app.compose import compose
    from drafter.render import docx_writer

    path.write_bytes(docx_writer.to_bytes(compose(letter)))
    return path
