"""The one error the reader raises: a file it cannot read, said in the user's language."""

from __future__ import annotations


class ReadError(Exception):
    """The file cannot be read as a letter; the message says why and what to do."""
