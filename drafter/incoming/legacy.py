"""Old Vietnamese text typed with TCVN3 (``.VnTime``) or VNI (``VNI-Times``) fonts, to Unicode.

Such a run stores Latin-1 codes that only its font draws as Vietnamese letters; read as
Unicode it is garbage.  The font name says which encoding it is; text whose fonts were
lost is recognised by :func:`drafter.core.vietnamese.legacy_encoding`.
"""

from __future__ import annotations

import re
import unicodedata

from drafter.core.vietnamese import TCVN3_LETTERS, from_vni, legacy_encoding, upper

_WORD_RE = re.compile(r"\S+")


def font_encoding(font_name: str | None) -> str | None:
    """``"TCVN3"`` for the ``.Vn…`` fonts, ``"VNI"`` for ``VNI-…``, else ``None``."""
    if not font_name:
        return None
    name = font_name.strip()
    if name.startswith(".Vn") or (name.startswith("Vn") and name[2:3].isupper()):
        return "TCVN3"
    if name.upper().startswith("VNI-") or name.upper().startswith("VNI "):
        return "VNI"
    return None


def is_capitals_font(font_name: str | None) -> bool:
    """The TCVN3 "H" fonts (``.VnTimeH``) draw every code as a capital."""
    return font_name is not None and font_name.strip().endswith("H")


def from_tcvn3_text(text: str) -> str:
    return "".join(TCVN3_LETTERS.get(char, char) for char in text)


def from_vni_text(text: str) -> str:
    def word(match: re.Match[str]) -> str:
        decoded = from_vni(match.group(0))
        return decoded if decoded is not None else match.group(0)

    return _WORD_RE.sub(word, text)


def to_unicode(text: str, encoding: str | None, *, capitals: bool = False) -> str:
    if encoding == "TCVN3":
        text = from_tcvn3_text(text)
    elif encoding == "VNI":
        text = from_vni_text(text)
    else:
        return text
    text = unicodedata.normalize("NFC", text)
    return upper(text) if capitals else text


def converted_if_legacy(text: str) -> tuple[str, str | None]:
    """*text* in Unicode, and the legacy encoding it was found in (``None``: it was Unicode)."""
    encoding = legacy_encoding(text)
    return (to_unicode(text, encoding), encoding) if encoding else (text, None)
