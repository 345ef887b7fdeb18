"""Options several ``drafter`` commands declare: ``--db URL`` and ``-o/--output FILE``.

Declared once, they parse alike everywhere (a path, a URL) while each command keeps
its own help text, which says what the option means for that command.  Imported
whenever ``drafter`` starts, so it imports nothing but argparse.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from drafter.i18n import _


def add_database_option(parser: argparse.ArgumentParser, help: str | None = None) -> None:
    """``--db URL``: the database the command works on (default: ``DRAFTER_DB``, else the
    embedded SQLite file)."""
    parser.add_argument(
        "--db",
        metavar="URL",
        help=help
        or _(
            "database: a SQLite file or postgresql://user:password@host/name "
            "(default: DRAFTER_DB, else the file in the user's data folder)"
        ),
    )


def add_output_option(
    parser: argparse.ArgumentParser, help: str | None = None, *, required: bool = True
) -> None:
    """``-o/--output``: the file (or folder) the command writes."""
    parser.add_argument("-o", "--output", type=Path, required=required, help=help)


def add_recipient_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    """One document per recipient: who (``--group`` or ``--names``, *required* by a command
    that does nothing else) and how the copies are written (``--together``, ``--into``)."""
    who = parser.add_mutually_exclusive_group(required=required)
    who.add_argument(
        "--group",
        help=_("one document per person of this address-book group (giấy mời, giấy giới thiệu…)"),
    )
    who.add_argument(
        "--names", type=Path, help=_("one document per name of this text file, one name a line")
    )
    parser.add_argument(
        "--together",
        action="store_true",
        help=_("with --group or --names: every copy in one file, each starting on a new page"),
    )
    parser.add_argument(
        "--into",
        help=_(
            "with --group or --names: where the name goes, 'kinh_gui' or 'fields.<field id>' "
            "(default: from the type)"
        ),
    )
