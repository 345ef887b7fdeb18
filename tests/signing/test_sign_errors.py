"""What goes wrong when signing: a clear message, the right exit code, files untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.cli import main
from signing.conftest import Images, Keys, Token
from signing.helpers import (
    agency_args,
    issue_as_agency,
    run_sign,
    sign_as_signer,
    signer_args,
    token_signer_args,
)


@pytest.fixture
def pdf_copy(draft_pdf: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "draft.pdf"
    copy.write_bytes(draft_pdf.read_bytes())
    return copy


def refused(capsys: pytest.CaptureFixture[str], pdf: Path, *args: object) -> str:
    """The error output of signing *pdf* with *args*, after checking that it was refused
    as bad input (exit status 2), *pdf* left as it was and nothing written."""
    original, out = pdf.read_bytes(), pdf.with_name("out.pdf")
    code, _out, err = run_sign(capsys, pdf, *args, "-o", out)
    assert code == 2
    assert pdf.read_bytes() == original
    assert not out.exists()
    return err


def _refused_with_a_wrong_password(
    capsys: pytest.CaptureFixture[str], pdf: Path, keys: Keys, images: Images, folder: Path
) -> str:
    wrong = folder / "wrong.txt"
    wrong.write_text("not it", encoding="utf-8")
    return refused(capsys, pdf, *signer_args(keys, images, passfile=wrong))


def test_wrong_password(
    pdf_copy: Path, keys: Keys, images: Images, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused_with_a_wrong_password(capsys, pdf_copy, keys, images, tmp_path)
    assert "sai mật khẩu" in err and "not it" not in err


def test_wrong_password_in_english(
    pdf_copy: Path,
    keys: Keys,
    images: Images,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    english: None,
) -> None:
    err = _refused_with_a_wrong_password(capsys, pdf_copy, keys, images, tmp_path)
    assert "wrong password" in err


def test_expired_certificate(
    pdf_copy: Path, keys: Keys, images: Images, capsys: pytest.CaptureFixture[str]
) -> None:
    err = refused(capsys, pdf_copy, *signer_args(keys, images, key=keys.expired))
    assert "hết hạn" in err


def _refused_with_the_token(
    capsys: pytest.CaptureFixture[str],
    pdf: Path,
    token: Token,
    images: Images,
    folder: Path,
    label: str,
    pin: str,
) -> str:
    pin_file = folder / "pin.txt"
    pin_file.write_text(pin, encoding="utf-8")
    return refused(capsys, pdf, *token_signer_args(token, images, pin_file, label))


def test_wrong_pin(
    pdf_copy: Path, token: Token, images: Images, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused_with_the_token(capsys, pdf_copy, token, images, tmp_path, token.label, "000000")
    assert "sai mã PIN" in err


def test_missing_token(
    pdf_copy: Path, token: Token, images: Images, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused_with_the_token(
        capsys, pdf_copy, token, images, tmp_path, "no-such-token", token.pin
    )
    assert "no-such-token" in err and "cắm" in err


def test_pdf_not_made_by_drafter(
    keys: Keys, images: Images, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import pymupdf

    other = tmp_path / "other.pdf"
    with pymupdf.open() as document:
        document.new_page().insert_text((72, 72), "Số:       /UBND-VP")
        document.save(other)
    err = refused(capsys, other, *signer_args(keys, images))
    assert "không do Drafter tạo" in err


def test_not_a_pdf(
    keys: Keys, images: Images, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "letter.pdf"
    text.write_text("không phải PDF", encoding="utf-8")
    err = refused(capsys, text, *signer_args(keys, images))
    assert "PDF" in err


def test_already_signed_by_the_agency(
    pdf_copy: Path, keys: Keys, images: Images, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    signed, issued = tmp_path / "signed.pdf", tmp_path / "issued.pdf"
    sign_as_signer(pdf_copy, keys, images, signed)
    issue_as_agency(signed, keys, images, issued, 9, "2026-05-04", "--no-register")
    err = refused(capsys, issued, *agency_args(keys, images))
    assert "đã được cơ quan ký" in err


def test_agency_before_signer(
    pdf_copy: Path, keys: Keys, images: Images, capsys: pytest.CaptureFixture[str]
) -> None:
    err = refused(
        capsys, pdf_copy, *agency_args(keys, images), "--number", 1, "--date", "2026-01-02"
    )
    assert "người ký" in err


def test_agency_without_number(
    pdf_copy: Path, keys: Keys, images: Images, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    signed = tmp_path / "signed.pdf"
    sign_as_signer(pdf_copy, keys, images, signed)
    err = refused(capsys, signed, *agency_args(keys, images))
    assert "--number" in err


def test_verify_without_signature(draft_pdf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", str(draft_pdf)]) == 1
    assert "không có chữ ký số" in capsys.readouterr().out
