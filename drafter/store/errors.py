"""The store's expected failures, in a module light enough for the CLI to import at start.

``drafter issue`` catches these around every command; importing them must not pull in
SQLAlchemy, openpyxl or the renderer, so each lives here and the modules that raise
them re-export it under its old name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt


class StoreError(Exception):
    """The database cannot be used; the message says why and what to do, in plain words."""


class NumberingError(Exception):
    """A letter cannot be numbered; the message says why."""


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message says why."""


class AlreadyIssued(NumberingError):
    """The document was numbered before: the register's entry, its number and its date."""

    def __init__(self, entry_id: int, number_symbol: str, doc_date: dt.date | None = None) -> None:
        from drafter.core.vietnamese import numeric_date
        from drafter.i18n import _

        self.entry_id = entry_id
        self.number_symbol = number_symbol
        self.doc_date = doc_date
        date = numeric_date(doc_date)
        super().__init__(
            _(
                "this document was already issued as number {number} on {date} "
                "(register entry {id}); to correct it, issue it again with "
                "--reissue, which cancels that number"
            ).format(number=number_symbol, date=date, id=entry_id)
        )
