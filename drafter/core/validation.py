"""What a letter needs before it can be issued, checked against its type.

Drafts may be saved incomplete; these checks gate rendering and export, and the GUI
shows each problem beside its field as the user types.
"""

from __future__ import annotations

from drafter.core.doctypes import DocType, HeaderStyle, Presence, SummaryStyle
from drafter.core.letter import Letter
from drafter.core.problems import Problem
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
    return problems
