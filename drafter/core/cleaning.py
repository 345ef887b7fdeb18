"""What Drafter tidies in a letter as it prints it, and what it tells the user about.

Some values are typed in a way the page must not repeat: a subject that starts with
"V/v" (Drafter writes "V/v" itself), a symbol with spaces around its dashes ("VP -
KGVX"), an authority typed "kt chánh văn phòng" (NĐ 30 writes "KT."), an issuer given
only in capitals.  The letter keeps what the user typed; the layout prints the tidied
form through the functions here, and :func:`advice` says what was tidied or needs a
look, as warnings (export goes on) or problems (an authority prefix NĐ 30 does not know,
a symbol that is not one: export waits).
"""

from __future__ import annotations

import re

from drafter.core.letter import Letter
from drafter.core.problems import Problem, Severity
from drafter.i18n import _

# "V/v", "V/V", "v/v", "Về việc", "VỀ VIỆC", with or without a colon after.
_SUBJECT_LEAD_RE = re.compile(r"^\s*(?:v\s*/\s*v|về\s+việc)\s*[:.\-–]?\s*", re.IGNORECASE)
# The prefixes of NĐ 30 (Appendix I, II.7): thay mặt, ký thay, thừa lệnh, thừa ủy quyền,
# quyền.  Typed in any case, with or without the dot.
AUTHORITY_PREFIXES = ("TM.", "KT.", "TL.", "TUQ.", "Q.")
_PREFIX_RE = re.compile(r"^\s*(tm|kt|tl|tuq|q)\s*\.?(?=\s)\s*", re.IGNORECASE)
# A first word that looks like a prefix: a few letters and a dot ("PGĐ.", "K.T.").
_ANY_PREFIX_RE = re.compile(r"^\s*((?:[^\W\d_]{1,4}\.)+)(?=\s|$)")
_SYMBOL_SPACES_RE = re.compile(r"\s*([-/])\s*")
# A symbol: abbreviations of letters and digits joined by dashes ("QĐ-UBND", "TTr-BNV",
# "BNV-VP", "UBND-KT2").
_SYMBOL_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# NĐ 30's samples set a trích yếu on one or two lines, rarely three: longer, it is a
# sentence of the content rather than a summary.
SUBJECT_MAX_CHARACTERS = 200


def subject_text(subject: str) -> str:
    """A công văn's trích yếu without a "V/v" or "Về việc" the user typed before it: the
    page writes "V/v" itself.  (Under a type name, "Về việc …" is printed as typed.)"""
    return _SUBJECT_LEAD_RE.sub("", subject, count=1) if subject else subject


def authority_line(line: str) -> str:
    """An authority line with its prefix written as NĐ 30 writes it: "kt chánh văn
    phòng" → "KT. chánh văn phòng" (printed in capitals)."""
    match = _PREFIX_RE.match(line)
    if not match:
        return line
    return f"{match.group(1).upper()}. {line[match.end() :]}".rstrip()


def symbol_text(symbol: str) -> str:
    """The symbol without spaces around its dashes and slashes: "VP - KGVX" → "VP-KGVX"."""
    return _SYMBOL_SPACES_RE.sub(r"\1", symbol).strip()


def _warning(where: str, message: str) -> Problem:
    return Problem(where, message, Severity.WARNING)


def advice(
    letter: Letter, body: str = "", *, with_warnings: bool = True, vv: bool = True
) -> list[Problem]:
    """What the page will print differently from what was typed, and what deserves a
    look: warnings, and problems for what cannot be printed as a văn thư expects.

    *body* is the content as the type's template wrote it: the sentences that name the
    issuer are found in it.  *vv*: the subject is printed after "V/v" (a công văn).
    """
    out: list[Problem] = []
    if letter.subject:
        tidied = subject_text(letter.subject)
        if not vv:
            tidied = letter.subject
        if tidied != letter.subject:
            lead = letter.subject[: len(letter.subject) - len(tidied)].strip()
            out.append(
                _warning(
                    "subject",
                    _(
                        'starts with "{lead}", which the page writes itself; it is printed once'
                    ).format(lead=lead),
                )
            )
        if len(tidied) > SUBJECT_MAX_CHARACTERS:
            out.append(
                _warning(
                    "subject",
                    _(
                        "is {count} characters long; a trích yếu is usually one or two lines "
                        "(at most about {limit} characters): consider shortening it"
                    ).format(count=len(tidied), limit=SUBJECT_MAX_CHARACTERS),
                )
            )
    if letter.symbol:
        tidied = symbol_text(letter.symbol)
        if tidied != letter.symbol:
            out.append(
                _warning(
                    "symbol",
                    _('spaces around "-" are left out: printed as {symbol}').format(symbol=tidied),
                )
            )
        if not _SYMBOL_RE.fullmatch(tidied):
            out.append(
                Problem(
                    "symbol",
                    _(
                        'is not a symbol: abbreviations of letters and digits joined by "-", '
                        "e.g. QĐ-UBND or UBND-VP"
                    ),
                )
            )
    for n, signature in enumerate(letter.signatures, start=1):
        for i, line in enumerate(signature.authority, start=1):
            out += _authority_advice(f"signatures[{n}].authority[{i}]", line)
    out += _capitals_advice(letter, body)
    return out if with_warnings else blocking(out)


def _capitals_advice(letter: Letter, body: str) -> list[Problem]:
    """An issuer given only in capitals, with no name for sentences: say where it shows."""
    if not letter.issuer.name or letter.issuer.name_in_sentence:
        return []
    name = " ".join(letter.issuer.name)
    if not any(character.isalpha() for character in name):
        return []  # no name a sentence could hold ("," would match every sentence)
    # The name as words: "VP" is not in "VPĐD", nor in "TTPVHCC".
    as_words = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    sentences = [line.strip(" #*") for line in body.split("\n") if as_words.search(line)]
    places = [f"“{_shorten(s)}”" for s in sentences[:3]]
    if letter.appendices:
        places.append(_("the appendices' “Kèm theo … của …” line, which leaves the name out"))
    if not places:
        return []
    return [
        _warning(
            "issuer.prose_name",
            _(
                "the issuing body's name is given only in capitals and no name for sentences is "
                "set, so these read in capitals: {places}; write the name as in a sentence, e.g. "
                "Sở Giáo dục và Đào tạo"
            ).format(places="; ".join(places)),
        )
    ]


def _shorten(sentence: str, length: int = 70) -> str:
    return sentence if len(sentence) <= length else sentence[: length - 1].rstrip() + "…"


def _authority_advice(where: str, line: str) -> list[Problem]:
    tidied = authority_line(line)
    if tidied != line:
        prefix = tidied.split(" ", 1)[0]
        return [
            _warning(
                where, _("the prefix is printed as NĐ 30 writes it: {prefix}").format(prefix=prefix)
            )
        ]
    match = _ANY_PREFIX_RE.match(line)
    if match and match.group(1).upper() not in AUTHORITY_PREFIXES:
        return [
            Problem(
                where,
                _(
                    '"{prefix}" is not an authority prefix of NĐ 30; use TM., KT., TL., TUQ. or Q.'
                ).format(prefix=match.group(1)),
            )
        ]
    return []


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.WARNING]


def blocking(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is not Severity.WARNING]
