"""From a letter to its page model: template, body structure, then NĐ 30 layout.

Both the command line and the GUI go through :func:`compose`, so the .docx, the PDF
and the preview are built from one :class:`~drafter.layout.model.Document`.
"""

from __future__ import annotations

import dataclasses

from drafter.app import check as checking
from drafter.core.doctypes import DocType, Presence, Registry, default_registry
from drafter.core.fields import FieldKind
from drafter.core.letter import Letter
from drafter.core.problems import InvalidInput, Problem
from drafter.layout.build import Context, build
from drafter.layout.build.body import BODY_PLACEHOLDER, FIELD_PLACEHOLDER
from drafter.layout.model import Document
from drafter.layout.settings import DEFAULT, LayoutSettings
from drafter.templating.environment import TemplateProblem, load_body_template


def compose(
    letter: Letter,
    registry: Registry | None = None,
    settings: LayoutSettings = DEFAULT,
    *,
    check: bool = True,
    placeholders: bool = False,
) -> Document:
    """The page model of *letter*; raise :class:`InvalidInput` when it cannot be made.

    *placeholders* is the preview's: each empty part it will print shows a grey
    placeholder there ("[Tên cơ quan]", "[Nội dung]"…) instead of nothing or a stray
    mark.  A file is always composed without them."""
    registry = registry or default_registry()
    if check:
        problems = checking.check(letter, registry)
        if problems:
            raise InvalidInput(problems)
    doctype = registry.get(letter.type_id)
    rendered = _with_placeholders(letter, doctype) if placeholders else letter
    try:
        body = load_body_template(doctype).render(rendered)
    except TemplateProblem as error:
        raise InvalidInput([Problem("template", str(error))]) from error
    return build(Context.of(letter, doctype, settings, placeholders=placeholders), body)


def _with_placeholders(letter: Letter, doctype: DocType) -> Letter:
    """*letter* as the preview renders it: its empty content, and each empty required
    text field of its type, stand as a placeholder where the template prints them."""
    fields = dict(letter.fields)
    for spec in doctype.fields:
        if spec.kind in _TEXT_KINDS and spec.is_missing(fields.get(spec.id)):
            fields[spec.id] = FIELD_PLACEHOLDER
    body = letter.body
    if doctype.body is Presence.REQUIRED and not body.strip():
        body = BODY_PLACEHOLDER
    return dataclasses.replace(letter, body=body, fields=fields)


# The kinds a template prints as they are; the others go through filters (dates,
# numbers) or loops (lists), which a placeholder would not survive.
_TEXT_KINDS = (FieldKind.TEXT, FieldKind.MULTILINE)
