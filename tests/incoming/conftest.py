"""Letters the reader has never seen: Drafter's own output of fixture letters (.docx), their
LibreOffice PDFs, their plain text and OCR-like text without diacritics."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from drafter.core import letterfile
from drafter.core.letter import Letter

LETTERS = Path(__file__).with_name("letters")


@pytest.fixture(autouse=True)
def _english_messages() -> Iterator[None]:
    from drafter.i18n import current_language, set_language

    before = current_language()
    set_language("en")
    yield
    set_language(before)


def fixture_letter(name: str) -> Letter:
    letter, problems = letterfile.load(LETTERS / name)
    assert problems == [], [str(p) for p in problems]
    return letter


def write_docx(letter: Letter, path: Path) -> Path:
    from drafter.app.compose import compose
    from drafter.render import docx_writer

    path.write_bytes(docx_writer.to_bytes(compose(letter)))
    return path
