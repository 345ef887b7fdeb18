"""Text helpers shared by the store: multi-line columns, search text, Vietnamese order."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from drafter.core.vietnamese import clean_line, fold, sort_key

if TYPE_CHECKING:
    from drafter.store.models import RegisterEntry


def join_lines(lines: Iterable[str]) -> str:
    return "\n".join(line for line in (clean_line(x) for x in lines) if line)


def split_lines(text: str | None) -> list[str]:
    return [line for line in (text or "").split("\n") if line]


def search_text(*parts: str) -> str:
    """The folded text a search matches against: ``Sở Tài chính`` → ``so tai chinh``."""
    return " ".join(" ".join(fold(part).split()) for part in parts if part)


def query_words(query: str) -> list[str]:
    """The folded words of what the user typed; every one must appear in a match."""
    return fold(query).split()


def like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def sort_bytes(text: str) -> bytes:
    """:func:`drafter.core.vietnamese.sort_key` as bytes, so the database can sort by it.

    Bytes compare the same way on SQLite and PostgreSQL whatever the server's locale,
    and in the order of the tuple key: letters (3 bytes each, a zero terminator sorting
    shorter words first), then tone marks, then the text itself; but word by word, as a
    dictionary does, where the tuple key puts a space after the letters.
    """
    letters, tones, original = sort_key(text)
    # A space ends a word, so it sorts before every letter ("Ôn Văn" before "Ông"):
    # 0 ends the text, 1 is a space, letters count from 2.
    space = sort_key(" ")[0][0]
    encoded = b"".join((1 if rank == space else rank + 2).to_bytes(3, "big") for rank in letters)
    return encoded + b"\x00\x00\x00" + bytes(tones) + b"\x00" + original.encode("utf-8")


def entry_search_text(entry: RegisterEntry) -> str:
    """What the register's search matches in *entry*: its number, type, summary, signer,
    recipients and note."""
    return search_text(
        entry.number_symbol,
        entry.type_name,
        entry.subject,
        entry.signer,
        entry.recipients,
        entry.note,
    )
