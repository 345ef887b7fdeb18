"""Problems found in user input, reported all at once rather than one by one."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """A problem stops export and issuing until it is fixed; a warning says what Drafter
    tidied or what deserves a look, and lets the letter go out."""

    PROBLEM = "problem"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field: ``field`` is a dotted path such as ``issuer.name``."""

    field: str
    message: str
    severity: Severity = Severity.PROBLEM

    @property
    def is_warning(self) -> bool:
        return self.severity is Severity.WARNING

    def __str__(self) -> str:
        if self.is_warning:
            from drafter.i18n import _

            return f"{self.field}: {_('warning')}: {self.message}"
        return f"{self.field}: {self.message}"


class InvalidInput(Exception):
    """Raised with every problem found, so the user can fix them in one go."""

    def __init__(self, problems: list[Problem], source: str = "") -> None:
        self.problems = list(problems)
        self.source = source
        prefix = f"{source}: " if source else ""
        super().__init__("\n".join(f"{prefix}{p}" for p in self.problems))
