"""Issuing a letter (cấp số): check it, take its number in the register, write the document.

``drafter issue`` and the window's "Issue a number" both come here.  The format of the
document is settled before a number is taken, so a name no writer handles is refused
without using up a number.  Nothing heavy is imported at module level: ``drafter issue``
must start fast (the register's transaction runs on the database driver alone).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.render import formats

if TYPE_CHECKING:
    from drafter.core.letter import Letter
    from drafter.store.engine import Store
    from drafter.store.issuing import Issued


def number(
    store: Store, letter: Letter, *, reserved_entry_id: int | None = None, reissue: bool = False
) -> Issued:
    """Give *letter* the next number of its sequence and record it, after the one check;
    raise :class:`~drafter.core.problems.InvalidInput` with every problem found, and
    :class:`~drafter.store.errors.AlreadyIssued` when the register already numbered this
    document (unless *reissue*: cấp lại, which cancels that number for a new one)."""
    from drafter.app.check import check
    from drafter.core.problems import InvalidInput
    from drafter.store import issuing

    problems = check(letter)
    if problems:
        raise InvalidInput(problems)
    return issuing.issue(store, letter, reserved_entry_id=reserved_entry_id, reissue=reissue)


_FORMAT_LINE = re.compile(r"^drafter\s*=\s*1\s*(#.*)?$", re.MULTILINE)


def give_document_id(path: Path, letter: Letter) -> bool:
    """Write a new ``document_id`` into the letter file at *path* (and *letter*), leaving
    every other line as it is; ``False`` when the file cannot take it.

    The register knows a document by this id: once it is in the file, issuing the file
    again shows its number instead of taking another.
    """
    from drafter.core.atomic import WriteError, write_text_atomic
    from drafter.store.issuing import new_document_id

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    found = _FORMAT_LINE.search(text)
    if found is None:  # the version line is not at the top level as written
        return False
    document_id = new_document_id()
    text = f'{text[: found.end()]}\ndocument_id = "{document_id}"{text[found.end() :]}'
    try:
        write_text_atomic(Path(path), text)
    except (WriteError, OSError):
        return False
    letter.document_id = document_id
    return True


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

        raise formats.UnknownFormat(
            _("-o names a {suffix} file but --format asks for {name}").format(
                suffix=named.suffix, name=fmt.name
            )
        )
    return named
