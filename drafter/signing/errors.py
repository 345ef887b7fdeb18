"""The one error signing and verifying raise: a translated message and an exit status."""

from __future__ import annotations

from pathlib import Path

from drafter.i18n import N_, _

EXIT_INVALID, EXIT_FAILED = 2, 1


class SigningError(Exception):
    """A problem to tell the user; ``exit_code`` 2 for bad input, 1 for a failing machine."""

    def __init__(self, message: str, exit_code: int = EXIT_INVALID) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message


def read_input(path: Path, message: str = N_("cannot read {path}: {reason}")) -> bytes:
    """The bytes of a file the user named (a PDF, a key file, a password file); a file
    that cannot be read is a :class:`SigningError` saying why, in *message*'s words."""
    from drafter.core.atomic import explain_read_error

    try:
        return path.read_bytes()
    except OSError as error:
        raise SigningError(_(message).format(path=path, reason=explain_read_error(error))) from None
