"""Atomic file writes: a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import stat
from pathlib import Path

from drafter.i18n import _

_counter = itertools.count()
_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows would otherwise translate line ends


class WriteError(Exception):
    """A file could not be written; the message says why in the user's language."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def explain_os_error(error: OSError) -> str:
    """Say in plain words why the system refused a write."""
    if error.errno == errno.ENOSPC:
        return _("the disk is full; free some space or choose another folder")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _(
            "the folder or file is read-only, or the file is open in another program "
            "such as Word; close it or choose another name"
        )
    if error.errno == errno.ENOENT:
        return _("the folder does not exist")
    if error.errno == errno.EISDIR:
        return _("a folder of that name is in the way")
    if getattr(error, "winerror", None) in (32, 33):  # sharing or lock violation on Windows
        return _("the file is open in another program such as Word; close it and try again")
    return error.strerror or str(error)


def explain_read_error(error: OSError) -> str:
    """Say in plain words why a file could not be read."""
    if error.errno == errno.ENOENT:
        return _("the file does not exist")
    if error.errno in (errno.EACCES, errno.EPERM):
        return _("you are not allowed to read this file")
    if error.errno == errno.EISDIR:
        return _("this is a folder, not a file")
    return explain_os_error(error)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file in the same folder, then rename.

    The rename is atomic on the same file system, so a crash or a full disk
    leaves the previous file intact.  The data reaches the disk (fsync) before the
    rename only when a previous file would be replaced: a power cut must not leave
    an empty file where a good one stood, while a new file has nothing to lose, and
    a batch of 500 new letters should not wait for 500 disk flushes.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    replacing = _check_replaceable(path)
    mode = path.stat().st_mode & 0o777 if replacing else 0o644
    tmp_name = str(folder / f".{path.name}.{os.getpid()}.{next(_counter)}.tmp")
    try:
        fd = os.open(tmp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, mode)
    except OSError as error:
        raise WriteError(path, explain_os_error(error)) from error
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            if replacing:
                stream.flush()
                os.fsync(stream.fileno())
        os.replace(tmp_name, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise WriteError(path, explain_os_error(error)) from error


def _check_replaceable(path: Path) -> bool:
    """Whether *path* holds a file that the write replaces; raise when it must not.

    Renaming over a file needs only the folder's permission, so a file the user made
    read-only would be replaced without a word: it is refused, as Word refuses it.  A
    device or a pipe is never replaced by a regular file.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise WriteError(path, explain_os_error(error)) from error
    if stat.S_ISDIR(info.st_mode):
        raise WriteError(path, _("a folder of that name is in the way"))
    if not stat.S_ISREG(info.st_mode):
        raise WriteError(
            path, _("this is not an ordinary file (a device or a pipe); choose another name")
        )
    # The mode bits, not only access(): the administrator may write anything, yet a
    # file without write permission was made read-only on purpose.
    any_write = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    if not info.st_mode & any_write or not os.access(path, os.W_OK):
        raise WriteError(path, _("the file is read-only; make it writable or choose another name"))
    return True


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))
