"""Issuing a letter (cấp số): check it, take its number in the register, write the document.

``drafter issue`` and the window's "Issue a number" both come here.  The format of the
document is settled before a number is taken, so a name no writer handles is refused
without using up a number.  Nothing heavy is imported at module level: ``drafter issue``
must start fast (the register's transaction runs on the database driver alone).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from drafter.render import formats

if TYPE_CHECKING:
    from drafter.core.letter import Letter
    from drafter.store.engine import Store
    from drafter.store.issuing import Issued


def number(store: Store, letter: Letter, *, reserved_entry_id: int | None = None) -> Issued:
    """Give *letter* the next number of its sequence and record it, after the one check;
    raise :class:`~drafter.core.problems.InvalidInput` with every problem found."""
    from drafter.app.check import check
    from drafter.core.problems import InvalidInput
    from drafter.store import issuing

    problems = check(letter)
    if problems:
        raise InvalidInput(problems)
    return issuing.issue(store, letter, reserved_entry_id=reserved_entry_id)


def write_document(letter: Letter, output: Path, fmt: formats.Format | None = None) -> None:
    """The document of *letter* written to *output* in *fmt* (by default its suffix's)."""
    from drafter.app.compose import compose

    formats.write(compose(letter), output, letter.date, fmt)


def output_format(output: Path, fmt: formats.Format | None = None) -> formats.Format:
    """The format *output* is written in; raise :class:`formats.UnknownFormat` when no
    writer handles its suffix or it disagrees with *fmt* — before any number is taken."""
    named = formats.for_path(output) if fmt is None or Path(output).suffix else fmt
    if fmt is not None and named is not fmt:
        from drafter.i18n import _

        raise formats.UnknownFormat(_(
            "-o names a {suffix} file but --format asks for {name}").format(
                suffix=named.suffix, name=fmt.name))
    return named
