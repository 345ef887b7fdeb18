"""The register records a filled number only once the signed PDF is safely written."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from signing.conftest import Images, Keys
from signing.helpers import agency_args, sign

Issue = Callable[[Path, Path], int]


@pytest.fixture
def issue(signed_by_signer: Path, keys: Keys, images: Images) -> Issue:
    """Issuing the signer's signed draft as number 31 with the seal: (database, out) → the
    exit status."""

    def issue_into(database: Path, out: Path) -> int:
        return sign(
            signed_by_signer,
            *agency_args(keys, images),
            *("--number", 31, "--date", "2026-03-05", "--db", database, "-o", out),
        )

    return issue_into


def _register(database: Path) -> list[tuple[int, str]]:
    from drafter.store.engine import open_store
    from drafter.store.register_query import search

    with open_store(database) as store:
        return sorted((entry.number, entry.number_symbol) for entry in search(store))


def _read_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The output folder cannot be written."""
    from drafter.signing import output

    folder.chmod(0o555)
    real_open = os.open

    def read_only_open(path: object, *args: object, **kwargs: object) -> int:
        # The tests may run as root, whom a folder's mode does not stop: the system's
        # answer for a read-only folder, given for this one.
        if Path(str(path)).parent == folder:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(output.os, "open", read_only_open)


def _register_fails(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Recording the number in the register fails once the PDF is signed."""
    from drafter.store import signed_issue
    from drafter.store.errors import StoreError

    def failing(*args: object, **kwargs: object) -> None:
        raise StoreError("cơ sở dữ liệu bị khóa")

    monkeypatch.setattr(signed_issue, "record_signed_issue", failing)


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        pytest.param(_read_only, "issued.pdf", id="read-only-output-folder"),
        pytest.param(_register_fails, "cơ sở dữ liệu bị khóa", id="register-failure"),
    ],
)
def test_a_failed_issue_leaves_neither_file_nor_register_entry(
    fault: Callable[[Path, pytest.MonkeyPatch], None],
    message: str,
    signed_by_signer: Path,
    issue: Issue,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    fault(folder, monkeypatch)
    database, original = tmp_path / "office.sqlite3", signed_by_signer.read_bytes()
    capsys.readouterr()
    assert issue(database, folder / "issued.pdf") == 1
    assert message in capsys.readouterr().err
    assert list(folder.iterdir()) == []  # neither the PDF nor its temporary file
    assert signed_by_signer.read_bytes() == original
    assert _register(database) == []  # nothing recorded
    folder.chmod(0o755)  # writable again (after a read-only fault), for the clean-up


def test_a_number_the_register_already_gave_leaves_no_file(
    issue: Issue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import datetime as dt

    from drafter.store.engine import open_store
    from drafter.store.signed_issue import record_signed_issue

    database = tmp_path / "office.sqlite3"
    with open_store(database) as store:
        record_signed_issue(
            store, number=31, number_symbol="31/SGDĐT-TCCB", date=dt.date(2026, 2, 1)
        )
    folder = tmp_path / "out"
    folder.mkdir()
    capsys.readouterr()
    assert issue(database, folder / "issued.pdf") == 2
    assert "31" in capsys.readouterr().err
    assert list(folder.iterdir()) == []
    assert _register(database) == [(31, "31/SGDĐT-TCCB")]


def test_the_register_and_the_file_both_have_the_number(issue: Issue, tmp_path: Path) -> None:
    database, out = tmp_path / "office.sqlite3", tmp_path / "issued.pdf"
    assert issue(database, out) == 0
    assert _register(database) == [(31, "31/SGDĐT-VP")]
    assert out.is_file() and [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []
