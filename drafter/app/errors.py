"""The application layer's expected failures, light enough for the CLI to import at start."""

from __future__ import annotations


class MergeError(Exception):
    """The merge cannot be done; the message says why."""
