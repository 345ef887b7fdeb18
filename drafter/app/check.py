"""One check of a letter: what its file says is wrong and what its content lacks, together.

The command line (``render``, ``issue``, the mail merge), the window (beside each field,
and before export or issuing) and the register call :func:`check` or
:func:`check_file`, so a user sees every problem in one run: a bad date, an unknown key
and two missing required parts are four lines at once, not one now and three later.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from drafter.core import letterfile, schema
from drafter.core.doctypes import DocType, Registry, default_registry
from drafter.core.letter import Letter
from drafter.core.problems import InvalidInput, Problem
from drafter.core.validation import check_letter
from drafter.i18n import _

STDIN = "-"


def check(
    letter: Letter, registry: Registry | None = None, read_problems: Iterable[Problem] = ()
) -> list[Problem]:
    """Every problem of *letter*: *read_problems* (those found reading its file or its
    form) and what its content lacks for its type, template faults included.

    They come in the order the form shows the parts (:data:`schema.FORM`), so the list
    reads top to bottom and the window puts the cursor on the first; what the form does
    not place (the file, the type, an unknown key, the template) comes before.  A part
    the reading already found wrong is not reported again as missing: its value was
    dropped because it could not be taken, and the first message says why.
    """
    from drafter.templating.environment import TemplateProblem, load_body_template

    registry = registry or default_registry()
    problems = list(dict.fromkeys(read_problems))
    if letter.type_id not in registry:
        unknown = Problem(
            "type",
            _("unknown document type; known types: {types}").format(
                types=", ".join(registry.ids())
            ),
        )
        if not any(p.field == "type" for p in problems):
            problems.append(unknown)
        return in_form_order(problems)
    doctype = registry.get(letter.type_id)
    content = check_letter(letter, doctype)
    try:
        load_body_template(doctype)
    except TemplateProblem as error:
        content.append(Problem("template", str(error)))
    already = {p.field for p in problems}
    seen = set(problems)
    for problem in content:
        if problem.field not in already and problem not in seen:
            problems.append(problem)
            seen.add(problem)
    return in_form_order(problems, doctype)


def in_form_order(problems: list[Problem], doctype: DocType | None = None) -> list[Problem]:
    """*problems* in the order the form shows their parts; each part's in the order found."""
    return sorted(problems, key=lambda problem: schema.position(problem.field, doctype))


def read(source: str | Path, registry: Registry | None = None) -> tuple[Letter, list[Problem]]:
    """The letter of a file (``-``: standard input) and the problems of reading it;
    raise :class:`InvalidInput` when it is no letter file at all."""
    registry = registry or default_registry()
    if str(source) == STDIN:
        text = letterfile.decode(letterfile.read_limited(sys.stdin.buffer, "<stdin>"), "<stdin>")
        return letterfile.loads(text, registry)
    return letterfile.load(Path(source), registry)


def check_file(
    source: str | Path,
    registry: Registry | None = None,
) -> tuple[Letter | None, list[Problem]]:
    """The letter of a file and every problem of it, file and content together; the
    letter is ``None`` when the file could not be read as a letter at all."""
    try:
        letter, problems = read(source, registry)
    except InvalidInput as error:
        return None, error.problems
    return letter, check(letter, registry, problems)
