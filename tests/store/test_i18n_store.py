"""The store's messages reach Vietnamese users in Vietnamese (catalog drafter-store.po)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.i18n import set_language
from drafter.store.engine import StoreError, open_store


def test_a_damaged_database_is_explained_in_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    set_language("vi")
    with pytest.raises(StoreError) as caught:
        open_store(path)
    assert "bị hỏng" in str(caught.value) and "bản sao" in str(caught.value)


def test_every_store_message_has_a_vietnamese_translation() -> None:
    from babel.messages.extract import extract_from_file
    from babel.messages.pofile import read_po

    root = Path(__file__).resolve().parents[2]
    with (root / "resources/locale/vi/LC_MESSAGES/drafter-store.po").open("rb") as stream:
        catalog = read_po(stream)
    sources = [
        *sorted((root / "drafter/store").rglob("*.py")),
        *sorted((root / "drafter/ui/office").glob("*.py")),
    ]
    keywords = {"_": None, "N_": None, "ngettext": (1, 2)}
    missing = []
    for source in sources:
        for _line, message, _comments, _context in extract_from_file(
            "python", str(source), keywords=keywords
        ):
            key = message[0] if isinstance(message, tuple) else message
            entry = catalog.get(key)
            translated = entry is not None and (
                all(entry.string) if isinstance(entry.string, tuple) else entry.string
            )
            if not translated:
                missing.append(f"{source.name}: {key}")
    assert missing == []
