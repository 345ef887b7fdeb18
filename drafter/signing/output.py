"""Writing the signed PDF so that the register never names a file that was not written.

At issuance the number goes into the register as well as into the PDF.  The order is:
the signed PDF is written in full to a temporary file beside the output (and flushed
to the disk), then the register records the number, then the temporary file is
renamed into place.  A folder that cannot be written fails before the register is
touched; a register that refuses the number leaves no file behind (the temporary one
is removed); the input is only ever read.  The rename in the same folder is the one
step after the register: should even that fail, the message says where the signed
file was left, since the register already has its number.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Iterator
from pathlib import Path

from drafter.core.atomic import explain_os_error
from drafter.i18n import _
from drafter.signing.errors import EXIT_FAILED, SigningError

_counter = itertools.count()
_O_BINARY = getattr(os, "O_BINARY", 0)


class StagedOutput:
    """The signed bytes in a temporary file next to *path*, not yet in place."""

    def __init__(self, path: Path, data: bytes) -> None:
        self.path = Path(path)
        folder = self.path.parent if str(self.path.parent) else Path(".")
        if self.path.is_dir():
            raise SigningError(_("cannot write {path}: it is a folder").format(path=path))
        mode = self.path.stat().st_mode & 0o777 if self.path.is_file() else 0o644
        self.temporary: Path | None = folder / (
            f".{self.path.name}.{os.getpid()}.{next(_counter)}.tmp"
        )
        try:
            fd = os.open(self.temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, mode)
        except OSError as error:
            self.temporary = None
            raise self._error(error) from None
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(data)
                stream.flush()
                # On the disk before the register says the document was issued.
                os.fsync(stream.fileno())
        except OSError as error:
            self.discard()
            raise self._error(error) from None

    def _error(self, error: OSError) -> SigningError:
        return SigningError(
            _("cannot write {path}: {reason}").format(
                path=self.path, reason=explain_os_error(error)
            ),
            EXIT_FAILED,
        )

    def commit(self) -> None:
        """Move the file into place."""
        assert self.temporary is not None
        try:
            os.replace(self.temporary, self.path)
        except OSError as error:
            raise SigningError(
                _(
                    "the number is in the register, but the signed PDF could "
                    "not be moved to {path} ({reason}); it was left at "
                    "{temporary}"
                ).format(path=self.path, reason=explain_os_error(error), temporary=self.temporary),
                EXIT_FAILED,
            ) from None
        self.temporary = None

    def discard(self) -> None:
        if self.temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.temporary)
            self.temporary = None


@contextlib.contextmanager
def staged(path: Path, data: bytes) -> Iterator[StagedOutput]:
    """Write *data* beside *path*; on leaving the block without an error, move it into
    place; on an error (the register's), remove it and let the error through."""
    output = StagedOutput(path, data)
    try:
        yield output
    except BaseException:
        output.discard()
        raise
    output.commit()
