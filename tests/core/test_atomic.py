"""Atomic writes: the old file survives any failure, and the reason is said plainly."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest

from drafter.core import atomic
from drafter.core.atomic import WriteError, write_bytes_atomic, write_text_atomic

pytestmark = pytest.mark.usefixtures("english")


def test_writes_and_replaces(tmp_path: Path) -> None:
    path = tmp_path / "công văn.docx"
    write_bytes_atomic(path, b"one")
    write_text_atomic(path, "hai – Hà Nội")
    assert path.read_text(encoding="utf-8") == "hai – Hà Nội"
    assert [p.name for p in tmp_path.iterdir()] == ["công văn.docx"]  # no temporary left


def test_new_file_gets_an_ordinary_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    write_bytes_atomic(path, b"x")
    assert path.stat().st_mode & 0o777 == 0o644


def test_existing_mode_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(b"old")
    path.chmod(0o600)
    write_bytes_atomic(path, b"new")
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs Linux's read-only /sys")
def test_real_read_only_folder_gives_a_plain_message() -> None:
    # /sys refuses new files even to root, so this is a real EACCES/EROFS on any machine.
    with pytest.raises(WriteError) as caught:
        write_bytes_atomic(Path("/sys/drafter-test.docx"), b"x")
    assert "read-only" in caught.value.reason
    assert str(caught.value).startswith("/sys/drafter-test.docx: ")


def test_read_only_folder_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "thư.docx"
    path.write_bytes(b"old content")
    if os.geteuid() != 0:
        tmp_path.chmod(0o555)  # a real read-only folder where permissions apply
    else:  # root ignores permissions: the system's refusal to create a file is simulated
        real_open = os.open

        def refuse_in_folder(name: str, flags: int, *args: object, **kwargs: object) -> int:
            if Path(name).parent == tmp_path and flags & os.O_CREAT:
                raise PermissionError(errno.EACCES, "Permission denied", name)
            return real_open(name, flags, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "open", refuse_in_folder)
        monkeypatch.setattr(
            tempfile, "mkstemp", lambda *a, **k: refuse_in_folder(str(tmp_path / "x"), os.O_CREAT)
        )
    try:
        with pytest.raises(WriteError) as caught:
            write_bytes_atomic(path, b"new content")
    finally:
        tmp_path.chmod(0o755)
    assert "read-only" in caught.value.reason
    assert "Errno" not in caught.value.reason
    assert path.read_bytes() == b"old content"


def test_failure_while_writing_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "thư.docx"
    path.write_bytes(b"old content")

    def disk_full(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(WriteError) as caught:
        write_bytes_atomic(path, b"new content")
    assert "disk is full" in caught.value.reason
    assert path.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir()] == ["thư.docx"]  # temporary removed


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(WriteError) as caught:
        write_bytes_atomic(tmp_path / "no" / "such" / "a.docx", b"x")
    assert "does not exist" in caught.value.reason


def test_target_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "out.docx").mkdir()
    with pytest.raises(WriteError) as caught:
        write_bytes_atomic(tmp_path / "out.docx", b"x")
    assert "folder of that name" in caught.value.reason
    assert (tmp_path / "out.docx").is_dir()


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "disk is full"),
        (errno.EACCES, "read-only"),
        (errno.EPERM, "read-only"),
        (errno.EROFS, "read-only"),
        (errno.ENOENT, "does not exist"),
        (errno.EISDIR, "folder"),
    ],
)
def test_explanations(code: int, words: str) -> None:
    assert words in atomic.explain_os_error(OSError(code, os.strerror(code)))


def test_windows_sharing_violation() -> None:
    error = OSError(errno.EINVAL, "sharing violation")
    error.winerror = 32  # type: ignore[attr-defined]
    assert "open in another program" in atomic.explain_os_error(error)


def test_read_only_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    # Renaming over it needs only the folder's permission: without the check, the file
    # the user protected would be replaced silently.
    path = tmp_path / "đã ký.docx"
    path.write_bytes(b"signed")
    path.chmod(0o444)
    with pytest.raises(WriteError) as caught:
        write_bytes_atomic(path, b"new")
    assert "read-only" in caught.value.reason
    assert path.read_bytes() == b"signed"
    assert path.stat().st_mode & 0o777 == 0o444
    assert [p.name for p in tmp_path.iterdir()] == ["đã ký.docx"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_pipe_or_device_is_never_replaced(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.docx"
    os.mkfifo(pipe)
    with pytest.raises(WriteError) as caught:
        write_bytes_atomic(pipe, b"x")
    assert "not an ordinary file" in caught.value.reason
    assert pipe.is_fifo()


def test_folder_in_the_way_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.docx").mkdir()
    with pytest.raises(WriteError, match="folder of that name"):
        write_bytes_atomic(tmp_path / "a.docx", b"x")
