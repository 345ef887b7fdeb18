"""What a letter needs before it can be issued, checked against its type.

Drafts may be saved incomplete; these checks gate rendering and export, and the GUI
shows each problem beside its field as the user types.
"""

from __future__ import annotations

from collections.abc import Iterator

from drafter.core import cleaning, schema
from drafter.core.doctypes import DocType, HeaderStyle, Presence
from drafter.core.fields import FieldKind
from drafter.core.letter import Letter
from drafter.core.limits import (
    APPENDICES,
    LIST_ITEMS,
    SIGNATURES,
    count_problems,
    parse_whole_number,
    range_message,
    text_problems,
)
from drafter.core.problems import Problem
from drafter.core.vietnamese import text_problem
from drafter.i18n import _


def check_letter(letter: Letter, doctype: DocType) -> list[Problem]:
    """Every problem that stops *letter* from making a compliant document."""
    problems = schema.required_problems(letter, doctype)
    problems += [
        Problem(f"fields.{spec.id}", _("is required"))
        for spec in doctype.fields
        if spec.is_missing(letter.fields.get(spec.id))
    ]
    if letter.date is not None and not 1945 <= letter.date.year <= 2200:
        problems.append(Problem("date", _("the year is not plausible")))
    if doctype.kinh_gui is Presence.NONE and letter.kinh_gui:
        problems.append(Problem("kinh_gui", _("this document type has no Kính gửi line")))
    attached = doctype.header is HeaderStyle.STANDARD and bool(letter.attached_to)
    if (
        doctype.header is not HeaderStyle.APPENDIX
        and not attached
        and len(letter.signatures) < doctype.signatures
    ):
        problems.append(
            Problem(
                "signatures",
                _("this document type needs {count} signature blocks").format(
                    count=doctype.signatures
                ),
            )
        )
    problems.extend(_number_problems(letter))
    # What the printed page cannot tidy (an unknown authority prefix, a malformed symbol);
    # what it tidies is a warning, given by drafter.app.advice.
    problems.extend(cleaning.blocking(cleaning.advice(letter, with_warnings=False)))
    problems.extend(_size_problems(letter, doctype))
    for where, text, _multiline in _texts(letter, doctype):
        problem = text_problem(text)
        if problem:
            problems.append(Problem(where, problem))
    return problems


def _number_problems(letter: Letter) -> list[Problem]:
    """A number set by a form or a register must fit what the reader accepts."""
    problems = []
    for where, part, value in schema.parts_of(letter):
        if (
            part.bounds is not None
            and value is not None
            and parse_whole_number(value, *part.bounds) is None
        ):
            problems.append(Problem(where, range_message(*part.bounds)))
    return problems


def _size_problems(letter: Letter, doctype: DocType) -> list[Problem]:
    """Sizes beyond any real document, refused before they cost seconds of layout."""
    problems = []
    for where, part, value in schema.parts_of(letter):
        if part.max_items is not None and isinstance(value, list):
            problems.extend(count_problems(len(value), part.max_items, where))
    for where, items, limit in (
        ("signatures", letter.signatures, SIGNATURES),
        ("appendices", letter.appendices, APPENDICES),
    ):
        problems.extend(count_problems(len(items), limit, where))
    for spec in doctype.fields:
        value = letter.fields.get(spec.id)
        if isinstance(value, list):
            problems.extend(count_problems(len(value), LIST_ITEMS, f"fields.{spec.id}"))
    for where, text, multiline in _texts(letter, doctype):
        problems.extend(text_problems(text, where, lines=multiline))
    return problems


def _texts(letter: Letter, doctype: DocType) -> Iterator[tuple[str, str, bool]]:
    """Every piece of text of *letter*: where it is, the text, whether it has lines."""
    yield from schema.texts(letter)
    multiline_kinds = (FieldKind.MULTILINE, FieldKind.MARKDOWN)
    for spec in doctype.fields:
        value = letter.fields.get(spec.id)
        if isinstance(value, str):
            yield f"fields.{spec.id}", value, spec.kind in multiline_kinds
        elif isinstance(value, list):
            for i, item in enumerate(value, start=1):
                if isinstance(item, str):
                    yield f"fields.{spec.id}[{i}]", item, False
