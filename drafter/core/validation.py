"""What a letter needs before it can be issued, checked against its type.

Drafts may be saved incomplete; these checks gate rendering and export, and the GUI
shows each problem beside its field as the user types.
"""

from __future__ import annotations

from collections.abc import Iterator

from drafter.core.doctypes import DocType, HeaderStyle, Presence, SummaryStyle
from drafter.core.fields import FieldKind
from drafter.core.letter import Letter
from drafter.core.limits import (
    APPENDICES,
    COPIES_RANGE,
    LIST_ITEMS,
    NUMBER_RANGE,
    RECIPIENTS,
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
    problems: list[Problem] = []

    def need(condition: bool, field: str, message: str) -> None:
        if not condition:
            problems.append(Problem(field, message))

    need(bool(letter.issuer.name), "issuer.name", _("the issuing body's name is required"))
    # Mẫu 1.3: a document issued with a quyết định has no number, date or signature.
    attached = doctype.header is HeaderStyle.STANDARD and bool(letter.attached_to)
    if doctype.has_number and not letter.symbol and not attached:
        need(bool(letter.issuer.abbreviation), "issuer.abbreviation",
             _("the issuing body's abbreviation is required to write the symbol"))
    if doctype.has_date and doctype.header is not HeaderStyle.APPENDIX and not attached:
        need(bool(letter.place), "place", _("the place is required for the date line"))
    if letter.date is not None:
        need(1945 <= letter.date.year <= 2200, "date", _("the year is not plausible"))
    if doctype.summary is not SummaryStyle.NONE:
        need(bool(letter.subject), "subject", _("the summary (trích yếu) is required"))
    if doctype.kinh_gui is Presence.REQUIRED:
        need(bool(letter.kinh_gui), "kinh_gui", _("at least one recipient is required"))
    elif doctype.kinh_gui is Presence.NONE and letter.kinh_gui:
        problems.append(Problem("kinh_gui", _("this document type has no Kính gửi line")))
    if doctype.body is Presence.REQUIRED:
        need(bool(letter.body.strip()), "body", _("the content is required"))
    if doctype.header is not HeaderStyle.APPENDIX and not attached:
        if len(letter.signatures) < doctype.signatures:
            problems.append(Problem("signatures", _(
                "this document type needs {count} signature blocks").format(
                    count=doctype.signatures)))
        for i, signature in enumerate(letter.signatures, start=1):
            need(bool(signature.lines), f"signatures[{i}].title",
                 _("the signer's position is required"))
            need(bool(signature.name), f"signatures[{i}].name",
                 _("the signer's full name is required"))
    for i, appendix in enumerate(letter.appendices, start=1):
        need(bool(appendix.title), f"appendices[{i}].title", _("the appendix title is required"))
    problems.extend(_number_problems(letter))
    problems.extend(_size_problems(letter, doctype))
    for where, text, _multiline in _texts(letter, doctype):
        problem = text_problem(text)
        if problem:
            problems.append(Problem(where, problem))
    return problems


def _number_problems(letter: Letter) -> list[Problem]:
    """A number set by a form or a register must fit what the reader accepts."""
    problems = []
    for where, value, bounds in (("number", letter.number, NUMBER_RANGE),
                                 ("noi_nhan.copies", letter.copies, COPIES_RANGE)):
        if value is not None and parse_whole_number(value, *bounds) is None:
            problems.append(Problem(where, range_message(*bounds)))
    return problems


def _size_problems(letter: Letter, doctype: DocType) -> list[Problem]:
    """Sizes beyond any real document, refused before they cost seconds of layout."""
    problems = []
    for where, items, limit in (("kinh_gui", letter.kinh_gui, RECIPIENTS),
                                ("dong_kinh_gui", letter.dong_kinh_gui, RECIPIENTS),
                                ("noi_nhan.lines", letter.noi_nhan, RECIPIENTS),
                                ("signatures", letter.signatures, SIGNATURES),
                                ("appendices", letter.appendices, APPENDICES)):
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
    issuer = letter.issuer
    for key in ("name", "parent"):
        for i, line in enumerate(getattr(issuer, key), start=1):
            yield f"issuer.{key}[{i}]", line, False
    for key in ("prose_name", "abbreviation", "unit", "address", "phone", "fax", "email",
                "website"):
        yield f"issuer.{key}", getattr(issuer, key), False
    for key in ("symbol", "place", "subject", "luu", "drafter_mark", "attached_to"):
        yield ("noi_nhan." if key in ("luu", "drafter_mark") else "") + key, \
            getattr(letter, key), False
    for key, lines in (("kinh_gui", letter.kinh_gui), ("dong_kinh_gui", letter.dong_kinh_gui),
                       ("noi_nhan.lines", letter.noi_nhan)):
        for i, line in enumerate(lines, start=1):
            yield f"{key}[{i}]", line, False
    yield "body", letter.body, True
    multiline_kinds = (FieldKind.MULTILINE, FieldKind.MARKDOWN)
    for spec in doctype.fields:
        value = letter.fields.get(spec.id)
        if isinstance(value, str):
            yield f"fields.{spec.id}", value, spec.kind in multiline_kinds
        elif isinstance(value, list):
            for i, item in enumerate(value, start=1):
                if isinstance(item, str):
                    yield f"fields.{spec.id}[{i}]", item, False
    for n, signature in enumerate(letter.signatures, start=1):
        for i, line in enumerate(signature.authority, start=1):
            yield f"signatures[{n}].authority[{i}]", line, False
        for key in ("title", "name", "note"):
            yield f"signatures[{n}].{key}", getattr(signature, key), False
    for n, appendix in enumerate(letter.appendices, start=1):
        yield f"appendices[{n}].number", appendix.number, False
        yield f"appendices[{n}].title", appendix.title, False
        yield f"appendices[{n}].body", appendix.body, True
