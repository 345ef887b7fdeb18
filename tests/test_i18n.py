"""The interface speaks Vietnamese by default: every message has a translation, and the
compiled catalogs match their sources."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from drafter import i18n

PACKAGE = Path(i18n.__file__).resolve().parent
LOCALE = Path(i18n.locale_dir())
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def _catalogs(language: str) -> list[Path]:
    return sorted((LOCALE / language / "LC_MESSAGES").glob("*.po"))


def _source_messages() -> dict[str, str]:
    """Every message marked for translation in the package, with where it is."""
    found: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        ids = message if isinstance(message, tuple) else (message,)
        for msgid in ids:
            if msgid:
                found.setdefault(msgid, f"{filename}:{lineno}")
    return found


def test_every_message_has_a_vietnamese_translation() -> None:
    translated: set[str] = set()
    for path in _catalogs("vi"):
        with path.open("rb") as stream:
            catalog = read_po(stream)
        translated |= {
            m.id if isinstance(m.id, str) else m.id[0]
            for m in catalog
            if m.id and m.string and not m.fuzzy
        }
    missing = {
        msgid: where for msgid, where in _source_messages().items() if msgid not in translated
    }
    assert not missing, "untranslated messages:\n" + "\n".join(
        f"{where}: {msgid!r}" for msgid, where in sorted(missing.items(), key=lambda i: i[1])
    )


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_message_reads_the_same_in_every_catalog(language: str) -> None:
    """The catalogs of a language are chained, so only one of them is ever shown for a
    message that several parts use: they must agree, or which one the user reads would
    depend on the order of the chain."""
    seen: dict[str, tuple[str, object]] = {}
    disagree = []
    for path in _catalogs(language):
        with path.open("rb") as stream:
            for message in read_po(stream):
                if not message.id:
                    continue
                key, text = _key(message.id), _key(message.string)
                first = seen.setdefault(key, (path.name, text))
                if first[1] != text:
                    disagree.append(f"{key!r}: {first[0]} {first[1]!r}, {path.name} {text!r}")
    assert disagree == []


@pytest.mark.parametrize(
    "po_path", _catalogs("vi") + _catalogs("en"), ids=lambda p: f"{p.parent.parent.name}/{p.name}"
)
def test_compiled_catalog_matches_its_source(po_path: Path) -> None:
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.is_file(), f"{mo_path} is missing: run python -m drafter.i18n compile"
    with po_path.open("rb") as stream:
        source = read_po(stream)
    expected = io.BytesIO()
    write_mo(expected, source)
    expected.seek(0)
    with mo_path.open("rb") as stream:
        compiled = read_mo(stream)
    want = {_key(m.id): _key(m.string) for m in read_mo(expected) if m.id}
    have = {_key(m.id): _key(m.string) for m in compiled if m.id}
    assert have == want, f"{mo_path} is out of date: run python -m drafter.i18n compile"


def _key(value: object) -> object:
    """Plural messages hold tuples or lists; make them comparable and hashable."""
    return tuple(value) if isinstance(value, list | tuple) else value


def test_vietnamese_is_the_default_and_english_is_available() -> None:
    original = i18n.current_language()
    try:
        i18n.set_language("vi")
        assert i18n._("the folder does not exist") == "thư mục không tồn tại"
        i18n.set_language("en")
        assert i18n._("the folder does not exist") == "the folder does not exist"
        i18n.set_language("xx")
        assert i18n.current_language() == i18n.DEFAULT_LANGUAGE == "vi"
    finally:
        i18n.set_language(original)
