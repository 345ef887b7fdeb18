"""The one error signing and verifying raise: a translated message and an exit status."""

from __future__ import annotations

EXIT_INVALID, EXIT_FAILED = 2, 1


class SigningError(Exception):
    """A problem to tell the user; ``exit_code`` 2 for bad input, 1 for a failing machine."""

    def __init__(self, message: str, exit_code: int = EXIT_INVALID) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message
