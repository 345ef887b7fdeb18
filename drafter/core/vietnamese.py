"""Vietnamese text rules: cleaning pasted text, dates, numbers, sorting and searching.

Everything here is pure and fast: it runs on every field of every letter.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

# XML 1.0 forbids most C0 controls; Word pastes \x0b (manual line break) and \x0c
# (page break) into plain text.  Those two become line breaks, the rest go away.
_LINE_BREAKING_CONTROLS = {"\x0b": "\n", "\x0c": "\n", "\r\n": "\n", "\r": "\n",
                           "\u2028": "\n", "\u2029": "\n", "\x85": "\n"}
_LINE_BREAK_RE = re.compile("\r\n|[\r\x0b\x0c\u2028\u2029\x85]")
# Other C0/C1 controls, zero-width spaces, the BOM, lone surrogates and the two
# non-characters that XML refuses.
_INVALID_RE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\ufeff\ufffe\uffff\ud800-\udfff]"
)


def clean_text(text: str, *, multiline: bool = True) -> str:
    """Return *text* normalised to NFC, with control characters removed.

    Line breaks pasted from Word become ``\\n``; with ``multiline=False`` they
    become single spaces.  Tabs are kept in multi-line text and turned into
    spaces in single-line text.
    """
    if not text:
        return ""
    text = _LINE_BREAK_RE.sub(lambda m: _LINE_BREAKING_CONTROLS[m.group(0)], text)
    text = _INVALID_RE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if not multiline:
        text = " ".join(text.replace("\t", " ").split())
    else:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text


def clean_line(text: str) -> str:
    """A single-line field: cleaned, with runs of white space folded to one space."""
    return clean_text(text, multiline=False)


# --- Dates and numbers -------------------------------------------------------


def pad_number(number: int) -> str:
    """Document numbers below 10 get a leading zero (NĐ 30, Appendix I, II.3)."""
    return f"{number:02d}"


def date_words(date: dt.date) -> str:
    """``ngày 05 tháng 01 năm 2020``: day padded, only January and February padded."""
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"ngày {date.day:02d} tháng {month} năm {date.year}"


BLANK_DATE_WORDS = "ngày      tháng      năm"


def place_date_line(place: str, date: dt.date | None, *, year_hint: int | None = None) -> str:
    """The ô 4 line.  A draft with no date yet leaves the day and month blank."""
    if date is None:
        year = f" {year_hint}" if year_hint else " ……"
        return f"{place}, {BLANK_DATE_WORDS}{year}"
    return f"{place}, {date_words(date)}"


# --- Upper case --------------------------------------------------------------


def upper(text: str) -> str:
    """Upper-case Vietnamese text; ``str.upper`` is right for it once in NFC."""
    return unicodedata.normalize("NFC", text.upper())


# --- Searching and sorting -----------------------------------------------------

_BASE_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_RANK = {c: i for i, c in enumerate(_BASE_ALPHABET)}
# A base letter and a combining mark that together make a letter of their own (ă, ơ…),
# as opposed to the five tone marks.
_LETTER_FORMS = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê",
                 ("o", "\u0302"): "ô", ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng


def fold(text: str) -> str:
    """Lower case without diacritics, for search: ``Sở Tài chính`` → ``so tai chinh``."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("đ", "d")


def _letter_and_tone(char: str) -> tuple[str, int]:
    decomposed = unicodedata.normalize("NFD", char.casefold())
    base, tone = decomposed[0], 0
    for mark in decomposed[1:]:
        if mark in _TONES:
            tone = _TONES[mark]
        else:
            base = _LETTER_FORMS.get((base, mark), base)
    return base, tone


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Key for Vietnamese dictionary order: letters (a ă â … đ …) first, then tones."""
    letters: list[int] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFC", text):
        base, tone = _letter_and_tone(char)
        rank = _RANK.get(base)
        if rank is None:
            # A space ends a word, which sorts before any longer word ("Ôn Văn" before
            # "Ông"); other characters (f, j, w, z, digits…) sort by code point after
            # the alphabet, keeping the order stable and total.
            rank = -1 if base.isspace() else 100 + ord(base)
        letters.append(rank)
        tones.append(tone)
    return tuple(letters), tuple(tones), text


# --- Legacy encodings ----------------------------------------------------------

# Characters that TCVN3 (ABC) and VNI fonts put where Unicode has Latin-1 symbols:
# text typed with those fonts and pasted as Unicode shows them in place of letters.
_TCVN3_SIGNS = set("¸µ¶·¹¨»¾¼½Æ©ÇÊÈÉËªÌÐÎÏÑÒÕÓÔÖ×ÝØÜÞ®ãßáâä«åèæçé¬êíëìîïóñòôõ­øö÷ùúýûüþ¡¢§£¤¥¦")
# Of those, the symbols no Western text uses as letters and VNI never produces
# (ă â ê ô ơ ư đ and the tones of a); an accented capital after a small letter ("ViÖt")
# is just as telling.  They keep French or German names from being taken for TCVN3.
_TCVN3_STRONG = set("¸µ¶·¹¨©ª«¬­®§¡¢£¤¥¦")
_TCVN3_CAPITAL_INSIDE_RE = re.compile(r"[a-zß-ÿ][À-Þ]")
_VNI_SIGNS_RE = re.compile(r"[aeiouyAEIOUY][øùúûüõïíìòóöôåëéèêñáàãäâ]|ñ|Ñ")
# Legacy text shows as Latin-1 letters and symbols; Unicode Vietnamese nearly always has
# a letter beyond Latin-1 (ă, đ, ơ, ư, ạ, ế…).  Both tests run in C, keeping this cheap.
_LATIN1_RE = re.compile("[\u00a0-\u00ff]")
_VIETNAMESE_RE = re.compile("[\u0100-\u01b0\u1ea0-\u1ef9]")


def legacy_encoding(text: str) -> str | None:
    """Name the legacy Vietnamese encoding *text* seems typed in, or ``None``.

    Such text comes from old documents made with TCVN3 (ABC) or VNI fonts; it reads
    as garbage once printed in Times New Roman, so the user must convert it first.
    Both are 8-bit encodings, so their text never holds a character beyond Latin-1,
    while Unicode Vietnamese almost always does (ă, đ, ơ, ư, the letters with tones).
    """
    # Cheap exits first: this runs on every field of every letter.
    if not _LATIN1_RE.search(text) or _VIETNAMESE_RE.search(text):
        return None
    letters = sum(c.isalpha() for c in text)
    if letters < 8:
        return None
    vni = len(_VNI_SIGNS_RE.findall(text))
    strong = sum(c in _TCVN3_STRONG for c in text) + \
        len(_TCVN3_CAPITAL_INSIDE_RE.findall(text))
    if vni * 6 >= letters and vni > strong:
        return "VNI"
    tcvn3 = sum(c in _TCVN3_SIGNS for c in text)
    if tcvn3 * 12 >= letters and strong:
        return "TCVN3"
    return None
