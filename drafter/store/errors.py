"""The store's expected failures, in a module light enough for the CLI to import at start.

``drafter issue`` catches these around every command; importing them must not pull in
SQLAlchemy, openpyxl or the renderer, so each lives here and the modules that raise
them re-export it under its old name.
"""

from __future__ import annotations


class StoreError(Exception):
    """The database cannot be used; the message says why and what to do, in plain words."""


class NumberingError(Exception):
    """A letter cannot be numbered; the message says why."""


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message says why."""
