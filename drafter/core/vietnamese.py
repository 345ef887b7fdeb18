"""Vietnamese text rules: cleaning pasted text, dates, numbers, sorting and searching.

Everything here is pure and fast: it runs on every field of every letter.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from drafter.i18n import N_, _

# How each class of character is treated wherever text enters (letter files, type
# fields, the body, the forms); docs/letter-format.md lists the same classes.
#
# Line breaks: Word pastes \x0b (manual line break) and \x0c (page break) into plain
# text; those, CR, NEL and the Unicode separators become "\n".
# The form's ⏎ (U+23CE), which a one-line editor shows for a break, is one too.
FORCED_BREAK_MARK = "\u23ce"
_LINE_BREAKING_CONTROLS = {
    "\x0b": "\n",
    "\x0c": "\n",
    "\r\n": "\n",
    "\r": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
    "\x85": "\n",
    FORCED_BREAK_MARK: "\n",
}
_LINE_BREAK_RE = re.compile("\r\n|[\r\x0b\x0c\u2028\u2029\x85\u23ce]")
# In one-line values, runs of white space fold to one space, but a no-break space (and
# its narrow and figure forms) is the user's word that two words stay together: kept.
_FOLDED_SPACE_RE = re.compile("[^\\S\u00a0\u202f\u2007]+")
# Removed without a word, as they carry nothing a document needs:
# - other C0 and C1 controls (XML 1.0 forbids most of them);
# - invisible format characters: zero-width space, non-joiner and joiner (Vietnamese
#   uses no joining), word joiner and invisible operators, the BOM, the Mongolian vowel
#   separator, deprecated format controls, interlinear annotation marks, tag characters;
# - noncharacters (U+FDD0–U+FDEF and the last two code points of every plane);
# - lone surrogates, halves of a UTF-16 pair that stand for no character.
# The soft hyphen stays: Word hyphenates there, and TCVN3 text uses it for "ư".
_INVALID_RE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"
    "\u180e\u200b-\u200d\u2060-\u2065\u206a-\u206f\ufeff\ufff9-\ufffb"
    "\ufdd0-\ufdef\ufffe\uffff\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff"
    "\U0004fffe\U0004ffff\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff"
    "\U0008fffe\U0008ffff\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff"
    "\U000cfffe\U000cffff\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff"
    "\U0010fffe\U0010ffff\U000e0001\U000e0020-\U000e007f\ud800-\udfff]"
)
# Reported as a problem, and kept so that the user sees what is meant:
# - bidirectional controls (embeddings, overrides, isolates and the marks LRM, RLM and
#   ALM) reorder what is shown without changing what is stored: "‮fdp.exe" shows as
#   "exe.pdf".  A Vietnamese document needs none of them, so they are a spoofing risk;
# - private-use characters, which mean whatever a font wants (Word's symbol bullets are
#   U+F0B7…): printed in Times New Roman they are blank boxes or nothing.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_BIDI_RE = re.compile(f"[{BIDI_CONTROLS}]")
_PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")


def clean_text(text: str, *, multiline: bool = True, keep_breaks: bool = False) -> str:
    """Return *text* normalised to NFC, with control characters removed.

    Line breaks pasted from Word become ``\\n``; with ``multiline=False`` they
    become single spaces, unless *keep_breaks* (a one-line value whose display lines
    the user may break: the subject, a name, a signature line).  Tabs are kept in
    multi-line text and turned into spaces in single-line text.
    """
    if not text:
        return ""
    text = _LINE_BREAK_RE.sub(lambda m: _LINE_BREAKING_CONTROLS[m.group(0)], text)
    text = _INVALID_RE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if not multiline:
        lines = text.split("\n") if keep_breaks else [text]
        folded = (_FOLDED_SPACE_RE.sub(" ", line).strip() for line in lines)
        text = "\n".join(line for line in folded if line)
    else:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text


def clean_line(text: str, *, keep_breaks: bool = False) -> str:
    """A single-line field: cleaned, with runs of white space folded to one space; with
    *keep_breaks*, the breaks the user typed stay (``\\n``)."""
    return clean_text(text, multiline=False, keep_breaks=keep_breaks)


# Characters a letter cannot print as they stand, and what the user is told of each.
_UNPRINTABLE = (
    (
        _BIDI_RE,
        N_(
            "holds an invisible direction control (U+{code:04X}) that can change the "
            "order in which the text is shown; delete it (retype the text around "
            "it)"
        ),
    ),
    (
        _PRIVATE_USE_RE,
        N_(
            "holds a private-use character (U+{code:04X}), which prints as a blank box "
            "or not at all (often a Word symbol bullet); replace it with an ordinary "
            "character"
        ),
    ),
)


def unsafe_character(text: str) -> str | None:
    """Why *text* cannot be printed as it stands, or ``None``: a direction control that
    could disguise it, or a private-use character no standard font draws."""
    for pattern, message in _UNPRINTABLE:
        match = pattern.search(text)
        if match:
            return _(message).format(code=ord(match.group(0)))
    return None


def text_problem(text: str) -> str | None:
    """The problem of a cleaned piece of text, if any: a character that cannot be printed
    safely, or text typed in an old 8-bit Vietnamese encoding."""
    unsafe = unsafe_character(text)
    if unsafe:
        return unsafe
    encoding = legacy_encoding(text)
    if encoding:
        return _(
            "looks typed in the old {encoding} encoding; convert it to Unicode "
            "(for example with Unikey's converter) and paste it again"
        ).format(encoding=encoding)
    return None


# --- Dates and numbers -------------------------------------------------------


def pad_number(number: int) -> str:
    """Document numbers below 10 get a leading zero (NĐ 30, Appendix I, II.3)."""
    return f"{number:02d}"


def numeric_date(date: dt.date | None) -> str:
    """A date as registers, stamps and messages write it, "05/03/2026"; "" for none."""
    return date.strftime("%d/%m/%Y") if date is not None else ""


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
_LETTER_FORMS = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}
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

# TCVN3 (ABC) fonts draw a Vietnamese letter in place of each of these Latin-1 code
# points; text typed with them and pasted as Unicode shows the Latin-1 characters.  The
# "H" fonts (.VnTimeH) draw the same codes as capitals, so TCVN3 has no toned capitals.
TCVN3_LETTERS = dict(
    zip(
        "¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ",
        "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
        strict=True,
    )
)
# VNI fonts write a letter as its base and one or two code points for its marks: "ơ" is
# "ô", "ư" is "ö", "đ" is "ñ", the marks of "ă", "â" and the tones follow the vowel.
VNI_LETTERS = dict(zip("ôöñíìæóòÔÖÑÍÌÆÓÒ", "ơưđíìỉĩịƠƯĐÍÌỈĨỊ", strict=True))
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"
VNI_MARKS = {
    **dict(zip("ùøûõï", [_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT], strict=True)),
    **dict(
        zip(
            "âáàåãä",
            [_CIRCUMFLEX + t for t in ("", _ACUTE, _GRAVE, _HOOK, _TILDE, _DOT)],
            strict=True,
        )
    ),
    **dict(
        zip("êéèúüë", [_BREVE + t for t in ("", _ACUTE, _GRAVE, _HOOK, _TILDE, _DOT)], strict=True)
    ),
}
VNI_MARKS.update({k.upper(): v for k, v in VNI_MARKS.items()})
_VOWELS = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")

# A Vietnamese syllable, tone removed: an initial consonant, a vowel group and a final
# consonant.  Words of other languages that use the same Latin-1 letters (Muñoz, Peña,
# François, Ñandú) decode to no such syllable, which is what tells them apart.
_SYLLABLE_RE = re.compile(
    "(?:ngh|ng|nh|gh|gi|kh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
    "(?:uyê|uya|uyu|iêu|yêu|uôi|ươi|ươu|oai|oay|oao|oeo|uây"
    "|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|iê|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ưu|ươ"
    "|yê|[aăâeêioôơuưy])"
    "(?:ch|ng|nh|[cmnpt])?"
)
_SAMPLE_WORDS = 200
_TONE_MARKS = set("\u0300\u0301\u0303\u0309\u0323")
_WORD_EDGES = "\"'()[]{}<>.,;:!?-–—/\\*_“”‘’…0123456789"
# Legacy text shows as Latin-1 letters and symbols; Unicode Vietnamese nearly always has
# a letter beyond Latin-1 (ă, đ, ơ, ư, ạ, ế…).  Both tests run in C, keeping this cheap.
_LATIN1_RE = re.compile("[\u00a0-\u00ff]")
_VIETNAMESE_RE = re.compile("[\u0100-\u01b0\u1ea0-\u1ef9]")


def is_syllable(word: str) -> bool:
    """Whether *word* is one Vietnamese syllable with at most one tone."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    if sum(c in _TONE_MARKS for c in decomposed) > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return _SYLLABLE_RE.fullmatch(toneless) is not None


def from_tcvn3(word: str) -> str | None:
    """*word* read as TCVN3 text, or ``None`` when it holds a code TCVN3 does not use."""
    out = []
    for char in word:
        if char.isascii():
            out.append(char)
        elif char in TCVN3_LETTERS:
            out.append(TCVN3_LETTERS[char])
        else:
            return None
    return "".join(out)


def from_vni(word: str) -> str | None:
    """*word* read as VNI text, or ``None`` when a mark follows no vowel it could sit on."""
    out: list[str] = []
    for char in word:
        if char.isascii():
            out.append(char)
        elif char in VNI_LETTERS:
            out.append(VNI_LETTERS[char])
        elif char in VNI_MARKS and out and out[-1][:1] in _VOWELS:
            marks = VNI_MARKS[char]
            base = unicodedata.normalize("NFD", out[-1])
            if (
                (marks[0] == _CIRCUMFLEX and base[0] not in "aeoAEO")
                or (marks[0] == _BREVE and base[0] not in "aA")
                or any(c in _TONE_MARKS for c in base)
            ):
                return None
            out[-1] = unicodedata.normalize("NFC", base + marks)
        else:
            return None
    return "".join(out)


def legacy_encoding(text: str) -> str | None:
    """Name the legacy Vietnamese encoding *text* seems typed in, or ``None``.

    Such text comes from old documents made with TCVN3 (ABC) or VNI fonts; it reads
    as garbage once printed in Times New Roman, so the user must convert it first.
    Both are 8-bit encodings, so their text never holds a character beyond Latin-1,
    while Unicode Vietnamese almost always does (ă, đ, ơ, ư, the letters with tones).
    The words holding Latin-1 characters that are not Vietnamese syllables already are
    decoded both ways: the text is legacy text when at least two of them, and two in
    three, become whole Vietnamese syllables.
    """
    # Cheap exits first: this runs on every field of every letter.
    if not _LATIN1_RE.search(text) or _VIETNAMESE_RE.search(text):
        return None
    # A word that already reads as Vietnamese ("chính", "công": Latin-1 has à, í, ô…)
    # is evidence of neither, nor is a lone symbol ("·" between words); only the other
    # words are decoded.
    words = []
    for token in text.split():
        word = token.strip(_WORD_EDGES)
        if _LATIN1_RE.search(word) and any(c.isalpha() for c in word) and not is_syllable(word):
            words.append(word)
            if len(words) == _SAMPLE_WORDS:  # legacy text is so throughout: enough to judge
                break
    best, best_count = None, 0
    for name, decode in (("TCVN3", from_tcvn3), ("VNI", from_vni)):
        count = 0
        for word in words:
            decoded = decode(word)
            count += decoded is not None and is_syllable(decoded)
        if count > best_count:
            best, best_count = name, count
    if best_count >= 2 and best_count * 3 >= len(words) * 2:
        return best
    return None
