"""Names of Vietnamese bodies and places, to restore the diacritics of a name read without them.

The shipped list (``resources/gazetteer/vietnam.toml``: provinces after the 2025
reorganisation and before it, ministries, common local bodies and departments) and the
office's own contacts make a dictionary of phrases keyed by their folded words.  A name is
restored phrase by phrase, longest first; a word no phrase covers stays as it was read,
and the result says how much was restored, so the user confirms the rest.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tomli as tomllib  # a dependency; the same parser as the letter files

from drafter.core.vietnamese import fold, is_syllable, upper
from drafter.paths import resources_dir

_WORD_RE = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)
LONGEST_PHRASE = 12


def gazetteer_path() -> Path:
    return resources_dir() / "gazetteer" / "vietnam.toml"


@functools.cache
def shipped() -> dict[str, list[str]]:
    """The shipped lists by name (``provinces_2025``, ``central``, ``local``, …)."""
    try:
        data = tomllib.loads(gazetteer_path().read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    return {key: [str(v) for v in value] for key, value in data.items() if isinstance(value, list)}


def short_place(name: str) -> str:
    """``thành phố Cần Thơ`` → ``Cần Thơ`` (the place as ô 4 writes it)."""
    for prefix in ("thành phố ", "tỉnh "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def place_names() -> list[str]:
    lists = shipped()
    names = [*lists.get("provinces_2025", []), *lists.get("provinces_before_2025", [])]
    return list(dict.fromkeys(short_place(name) for name in names))


def words_of(text: str) -> list[str]:
    return _WORD_RE.findall(text)


@dataclass(frozen=True)
class Restored:
    """A name with its diacritics restored where a phrase was known."""

    text: str  # as written in a sentence
    known: float  # the share of its words a phrase covered, 0..1
    phrases: tuple[str, ...] = ()


class Gazetteer:
    """Phrases by folded words; the contacts' names first, then the shipped lists."""

    def __init__(self, extra: Iterable[str] = ()) -> None:
        self._phrases: dict[tuple[str, ...], str] = {}
        for name in extra:
            self._add(name)
        lists = shipped()
        for key in ("central", "local"):
            for name in lists.get(key, []):
                self._add(name)
        for name in [*lists.get("provinces_2025", []), *lists.get("provinces_before_2025", [])]:
            self._add(name)
            self._add(short_place(name))
        for word in [*lists.get("words", []), *lists.get("positions", [])]:
            self._add(word)

    def _add(self, phrase: str) -> None:
        words = words_of(phrase)
        key = tuple(fold(w) for w in words)
        if key and len(key) <= LONGEST_PHRASE:
            self._phrases.setdefault(key, " ".join(words).replace(" ,", ",").replace(" - ", " - "))

    def restore(self, text: str) -> Restored:
        """*text* (any case, with or without diacritics) as written in a sentence."""
        words = words_of(text)
        folded = [fold(w) for w in words]
        out: list[str] = []
        phrases: list[str] = []
        covered = 0
        i = 0
        while i < len(words):
            for length in range(min(LONGEST_PHRASE, len(words) - i), 0, -1):
                phrase = self._phrases.get(tuple(folded[i : i + length]))
                if phrase is not None:
                    out.append(phrase)
                    phrases.append(phrase)
                    covered += sum(1 for w in words[i : i + length] if w[0].isalnum())
                    i += length
                    break
            else:
                word = words[i]
                # A word read in capitals is written in lower case inside a sentence;
                # an abbreviation (UBND, KGVX) stays as it is.
                lower = word.isupper() and (is_syllable(word) or len(word) == 1)
                out.append(word.lower() if lower else word)
                i += 1
        alnum = sum(1 for w in words if w[0].isalnum()) or 1
        sentence = _join(out)
        # "Ủy ban nhân dân Thành phố": a body's own city, named by its kind alone.
        sentence = re.sub(r" (thành phố|tỉnh)$", lambda m: " " + m.group(1).capitalize(), sentence)
        return Restored(sentence, covered / alnum, tuple(phrases))

    def restore_lines(self, lines: list[str]) -> tuple[list[str], Restored]:
        """Lines read without diacritics, restored and printed in capitals, line by line."""
        restored = self.restore(" ".join(lines))
        restored_words = words_of(restored.text)
        if sum(len(words_of(line)) for line in lines) != len(restored_words):
            return [upper(restored.text)], restored
        out, start = [], 0
        for line in lines:
            count = len(words_of(line))
            out.append(upper(_join(restored_words[start : start + count])))
            start += count
        return out, restored

    def place(self, text: str) -> Restored:
        return self.restore(text)


def _join(words: list[str]) -> str:
    text = " ".join(words)
    return re.sub(r" ([,.;:)])", r"\1", text).replace("( ", "(")


@functools.cache
def default_gazetteer() -> Gazetteer:
    return Gazetteer()


def has_diacritics(text: str) -> bool:
    """Whether *text* carries Vietnamese letters beyond ASCII (it was not read folded)."""
    return any(not c.isascii() and c.isalpha() for c in text)
