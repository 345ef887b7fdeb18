"""Warnings about a letter: what the page prints differently from what was typed, and
what deserves a look (:mod:`drafter.core.cleaning`).  They never stop an export; the
command line prints them and the window shows them beside their fields."""

from __future__ import annotations

from drafter.core import cleaning
from drafter.core.doctypes import Registry, default_registry
from drafter.core.letter import Letter
from drafter.core.problems import Problem


def advise(letter: Letter, registry: Registry | None = None) -> list[Problem]:
    """The warnings of *letter*, in the form's order."""
    from drafter.app.check import in_form_order
    from drafter.templating.environment import TemplateProblem, load_body_template

    registry = registry or default_registry()
    body = ""
    doctype = None
    if letter.type_id in registry:
        doctype = registry.get(letter.type_id)
        try:
            body = load_body_template(doctype).render(letter)
        except TemplateProblem:
            body = ""  # the check reports it
    from drafter.core.doctypes import SummaryStyle

    vv = doctype is not None and doctype.summary is SummaryStyle.VV
    return in_form_order(cleaning.warnings(cleaning.advice(letter, body, vv=vv)), doctype)
