"""Form fields declared by a document type: their kinds, and how values are checked.

The GUI builds its form from these specs, the CLI validates letter files with them and
the template checker compares them with the variables a body template uses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from drafter.core.limits import FIELD_INTEGER_LIMIT, parse_whole_number, range_message
from drafter.core.problems import Problem
from drafter.core.vietnamese import clean_line, clean_text, text_problem
from drafter.i18n import _


class FieldKind(StrEnum):
    TEXT = "text"  # one line
    MULTILINE = "multiline"  # plain text over several lines
    LINES = "lines"  # a list of lines, such as căn cứ or attendees
    MARKDOWN = "markdown"  # rich text (bold, italic, lists, tables): inserted as written
    DATE = "date"
    INTEGER = "integer"
    CHOICE = "choice"


@dataclass(frozen=True)
class FieldSpec:
    id: str
    label: str
    kind: FieldKind = FieldKind.TEXT
    required: bool = False
    default: object = None
    help: str = ""
    label_en: str = ""
    choices: tuple[str, ...] = field(default_factory=tuple)

    def label_in(self, language: str) -> str:
        """Its label in the interface's *language* (the Vietnamese one when no other)."""
        return self.label_en if language == "en" and self.label_en else self.label

    def empty_value(self) -> object:
        if self.default is not None:
            return self.default
        if self.kind is FieldKind.LINES:
            return []
        if self.kind in (FieldKind.DATE, FieldKind.INTEGER):
            return None
        return ""

    def coerce(self, value: object, where: str) -> tuple[object, list[Problem]]:
        """Return the cleaned value, or the empty value and the problems found.  Whether a
        required field is filled is the content check's question (:meth:`is_missing`): a
        draft read from its file or its form may still lack it."""
        if value is None or value == "" or value == []:
            cleaned: object = self.empty_value()
            problems: list[Problem] = []
        else:
            cleaned, problems = clean_value(
                self.kind,
                value,
                where,
                bounds=(-FIELD_INTEGER_LIMIT, FIELD_INTEGER_LIMIT),
                choices=self.choices,
            )
            if problems and cleaned in ("", [], None):
                cleaned = self.empty_value()
        return cleaned, problems

    def is_missing(self, value: object) -> bool:
        """Whether *value* leaves this required field empty (a draft may; a document not)."""
        return self.required and is_blank(value)


def is_blank(value: object) -> bool:
    """Whether a value says nothing: none, an empty list, or text of spaces only."""
    if isinstance(value, str):
        value = value.strip()
    return value in ("", [], None)


def clean_value(
    kind: FieldKind,
    value: object,
    where: str,
    *,
    bounds: tuple[int, int] | None = None,
    choices: tuple[str, ...] = (),
    breaks: bool = False,
) -> tuple[object, list[Problem]]:
    """A value of *kind* as typed or read, cleaned, with its problems.

    The one cleaning of every text that enters Drafter — the standard parts of a letter
    (:mod:`drafter.core.schema`), a type's own fields, the form: NFC, no control
    characters, one line where one line is meant; text that cannot be printed safely or
    was typed in an old 8-bit encoding (TCVN3, VNI) is reported, and kept.  With
    *breaks*, a one-line value keeps the line breaks the user typed (``\\n``, the form's
    ⏎): the layout honours them in a display line (the subject, names, signature lines).
    """
    if value is None or value == "" or value == []:
        empty: object = (
            []
            if kind is FieldKind.LINES
            else None
            if kind in (FieldKind.DATE, FieldKind.INTEGER)
            else ""
        )
        return empty, []
    cleaned: object
    problems: list[Problem] = []
    if kind in (FieldKind.TEXT, FieldKind.CHOICE):
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            return "", [Problem(where, _("must be text"))]
        cleaned = clean_line(str(value), keep_breaks=breaks)
        if kind is FieldKind.CHOICE and choices and cleaned not in choices:
            problems.append(
                Problem(where, _("must be one of: {choices}").format(choices=", ".join(choices)))
            )
    elif kind in (FieldKind.MULTILINE, FieldKind.MARKDOWN):
        if not isinstance(value, str):
            return "", [Problem(where, _("must be text"))]
        cleaned = clean_text(value).strip("\n")
    elif kind is FieldKind.LINES:
        items = clean_text(value).split("\n") if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            return [], [Problem(where, _("must be a list of lines"))]
        cleaned = [line for line in (clean_line(i, keep_breaks=breaks) for i in items) if line]
    elif kind is FieldKind.DATE:
        return _coerce_date(value, where)
    elif kind is FieldKind.INTEGER:
        low, high = bounds or (-FIELD_INTEGER_LIMIT, FIELD_INTEGER_LIMIT)
        cleaned = parse_whole_number(value, low, high)
        if cleaned is None:
            return None, [Problem(where, range_message(low, high))]
    else:  # pragma: no cover - the enum is closed
        raise AssertionError(kind)
    problems.extend(_text_problems(cleaned, where))
    return cleaned, problems


def _text_problems(value: object, where: str) -> list[Problem]:
    """Unsafe characters or legacy-encoded text in a field's text, line by line."""
    texts = value if isinstance(value, list) else [value]
    problems = []
    for i, text in enumerate(texts, start=1):
        problem = text_problem(text) if isinstance(text, str) else None
        if problem:
            problems.append(Problem(f"{where}[{i}]" if isinstance(value, list) else where, problem))
    return problems


def _coerce_date(value: object, where: str) -> tuple[dt.date | None, list[Problem]]:
    if isinstance(value, dt.datetime):
        return value.date(), []
    if isinstance(value, dt.date):
        return value, []
    if isinstance(value, str):
        text = value.strip()
        for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
            try:
                return dt.datetime.strptime(text, fmt).date(), []
            except ValueError:
                continue
    return None, [Problem(where, _("is not a date (write it as 2020-01-05 or 05/01/2020)"))]


def coerce_date(value: object, where: str) -> tuple[dt.date | None, list[Problem]]:
    """A date written in a letter file or typed in a form."""
    if value in (None, ""):
        return None, []
    return _coerce_date(value, where)
