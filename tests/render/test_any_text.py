"""Any Unicode in any field gives a valid .docx or a clear validation error, never a crash.

Text reaches the Letter model from the form, from pasted Word text and from letter
files; it may hold control characters, lone surrogates (impossible in TOML, possible
in memory), combining marks, right-to-left text, emoji and XML or Markdown syntax.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import replace
from typing import Any, get_type_hints

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ooxml_check import all_problems

from drafter.app.compose import compose
from drafter.core import letterfile
from drafter.core.doctypes import Presence, default_registry
from drafter.core.fields import FieldKind
from drafter.core.letter import Appendix, Circulation, Issuer, Letter, Secrecy, Signature, Urgency
from drafter.core.problems import InvalidInput
from drafter.render import docx_writer

NASTY = [
    "\x00",
    "\x01",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1f",
    "\x7f",
    "\x85",
    "\x9f",
    "\r",
    "\r\n",
    "\t",
    "\n",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\ufffe",
    "\uffff",
    "\ud800",
    "\udfff",
    "\u0301",
    "\u0323",
    "\u0309",
    "a\u0306\u0301",  # combining marks, NFD Vietnamese
    "\u202e",
    "\u200f",
    "שלום",
    "مرحبا",  # right to left
    "😀",
    "👨‍👩‍👧",
    "\U0001f1fb\U0001f1f3",
    "𝔘",  # emoji, astral letters
    "<",
    ">",
    "&",
    '"',
    "'",
    "]]>",
    "<w:t>",
    "&amp;",
    "<!--",
    "<?xml",
    "*",
    "**",
    "_",
    "`",
    "|",
    "#",
    "- ",
    "1. ",
    "a) ",
    "Điều 1.",
    "Chương I",
    "\\",
    "{{",
    "}}",
    "{%",
    "%}",
    "Căn cứ",
    "QUYẾT ĐỊNH:",
    "./.",
    ";",
    ".",
    "Céng hßa x· héi",
    "Sở Nội vụ",
    "ỦY BAN",
    " ",
    "  ",
]

any_char = st.characters(exclude_categories=())  # surrogates included
piece = st.one_of(st.sampled_from(NASTY), st.text(any_char, max_size=6))
texts = st.lists(piece, max_size=8).map("".join)
lines = st.lists(texts, max_size=4)


def hostile(part: type) -> st.SearchStrategy[Any]:
    """A part of the letter (issuer, signature, appendix) with hostile text in every one
    of its fields, a field added later included (text, or lines for a list of them)."""
    strategy_of = {str: texts, list[str]: lines}
    kinds = get_type_hints(part)
    return st.builds(part, **{f.name: strategy_of[kinds[f.name]] for f in dataclasses.fields(part)})


issuers = hostile(Issuer)
signatures = hostile(Signature)
appendices = hostile(Appendix)


@st.composite
def letters(draw: st.DrawFn) -> Letter:
    registry = default_registry()
    doctype = registry.get(draw(st.sampled_from(sorted(registry.ids()))))
    fields: dict[str, object] = {}
    for spec in doctype.fields:
        if spec.kind is FieldKind.LINES:
            fields[spec.id] = draw(lines)
        elif spec.kind is FieldKind.DATE:
            fields[spec.id] = draw(st.one_of(st.none(), st.dates()))
        elif spec.kind is FieldKind.INTEGER:
            fields[spec.id] = draw(st.one_of(st.none(), st.integers(-(10**6), 10**6)))
        elif spec.kind is FieldKind.CHOICE and spec.choices:
            fields[spec.id] = draw(st.one_of(st.sampled_from(spec.choices), texts))
        else:
            fields[spec.id] = draw(texts)
    return Letter(
        type_id=doctype.id,
        issuer=draw(issuers),
        number=draw(st.one_of(st.none(), st.integers(1, 10**6))),
        symbol=draw(texts),
        place=draw(texts),
        date=draw(st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2300, 1, 1)))),
        subject=draw(texts),
        kinh_gui=draw(lines),
        dong_kinh_gui=draw(lines),
        body=draw(texts),
        fields=fields,
        signatures=draw(st.lists(signatures, max_size=3)),
        noi_nhan=draw(lines),
        luu=draw(texts),
        drafter_mark=draw(texts),
        copies=draw(st.one_of(st.none(), st.integers(1, 1000))),
        urgency=draw(st.sampled_from(list(Urgency))),
        secrecy=draw(st.sampled_from(list(Secrecy))),
        circulation=draw(st.sampled_from(list(Circulation))),
        attached_to=draw(texts),
        appendices=draw(st.lists(appendices, max_size=2)),
    )


def complete(letter: Letter) -> Letter:
    """The same hostile text, with each required part present, so that most examples
    get past validation and reach the writer."""
    doctype = default_registry().get(letter.type_id)
    return replace(
        letter,
        issuer=replace(
            letter.issuer,
            name=[*letter.issuer.name, "SỞ Y TẾ"],
            abbreviation=letter.issuer.abbreviation + "SYT",
        ),
        place=letter.place + "Hà Nội",
        subject=letter.subject + " v",
        kinh_gui=[] if doctype.kinh_gui is Presence.NONE else [*letter.kinh_gui, "Bộ Y tế"],
        dong_kinh_gui=[] if doctype.kinh_gui is Presence.NONE else letter.dong_kinh_gui,
        body=letter.body + " nội dung",
        signatures=[replace(s, title=s.title + "GĐ", name=s.name + "An") for s in letter.signatures]
        + [Signature(title="GĐ", name="An")] * doctype.signatures,
        appendices=[replace(a, title=a.title + "PL") for a in letter.appendices],
        date=letter.date if letter.date and 1945 <= letter.date.year <= 2200 else None,
    )


def assert_valid_docx_or_problems(letter: Letter) -> None:
    try:
        document = compose(letter)
    except InvalidInput as error:
        assert error.problems, "InvalidInput without problems"
        assert all(p.field and p.message for p in error.problems)
        return
    data = docx_writer.to_bytes(document, letter.date)
    assert all_problems(data) == []


RELAXED = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@RELAXED
@given(letters())
def test_any_letter_renders_or_is_refused_clearly(letter: Letter) -> None:
    assert_valid_docx_or_problems(letter)


@RELAXED
@given(letters())
def test_any_complete_letter_renders(letter: Letter) -> None:
    assert_valid_docx_or_problems(complete(letter))


@RELAXED
@given(letters())
def test_through_the_letter_file(letter: Letter) -> None:
    """dumps → loads cleans every field; what comes back renders or is refused."""
    try:
        raw = letterfile.dumps(complete(letter)).encode("utf-8")  # what save() writes
    except (UnicodeEncodeError, ValueError) as error:
        # A lone surrogate cannot be written as UTF-8: it must never get that far.
        raise AssertionError(f"dumps failed on text from the model: {error}") from error
    text = letterfile.decode(raw)
    loaded, problems = letterfile.loads(text)
    if problems:
        assert all(p.field and p.message for p in problems)
        return
    # Clean text survives the file unchanged (an empty "luu" may come back as its
    # default "VT", which prints the same): after one more round trip, nothing moves.
    again, problems = letterfile.loads(letterfile.dumps(loaded))
    assert problems == []
    assert letterfile.loads(letterfile.dumps(again)) == (again, [])
    assert replace(again, luu=loaded.luu) == loaded
    assert_valid_docx_or_problems(loaded)
