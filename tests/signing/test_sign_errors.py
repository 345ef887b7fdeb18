"""What goes wrong when signing: a clear message, the right exit code, files untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.cli import main
from signing.conftest import Images, Keys, Token


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["sign", *map(str, args)])
    return code, capsys.readouterr().err


@pytest.fixture
def pdf_copy(draft_pdf: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "draft.pdf"
    copy.write_bytes(draft_pdf.read_bytes())
    return copy


def refused(capsys: pytest.CaptureFixture[str], pdf: Path, *args: object) -> str:
    """The error output of signing *pdf* with *args*, after checking that it was refused
    as bad input (exit status 2), *pdf* left as it was and nothing written."""
    original, out = pdf.read_bytes(), pdf.with_name("out.pdf")
    code, err = run(capsys, pdf, *args, "-o", out)
    assert code == 2
    assert pdf.read_bytes() == original
    assert not out.exists()
    return err


def test_wrong_password(
    pdf_copy: Path, keys: Keys, images: Images, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it", encoding="utf-8")
    err = refused(
        capsys,
        pdf_copy,
        "--as",
        "signer",
        "--p12",
        keys.signer,
        "--image",
        images.signature,
        "--passfile",
        wrong,
    )
    assert "sai mật khẩu" in err and "not it" not in err


def test_wrong_password_in_english(
    pdf_copy: Path,
    keys: Keys,
    images: Images,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    english: None,
) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it", encoding="utf-8")
    err = refused(
        capsys,
        pdf_copy,
        "--as",
        "signer",
        "--p12",
        keys.signer,
        "--image",
        images.signature,
        "--passfile",
        wrong,
    )
    assert "wrong password" in err


def test_expired_certificate(
    pdf_copy: Path, keys: Keys, images: Images, capsys: pytest.CaptureFixture[str]
) -> None:
    err = refused(
        capsys,
        pdf_copy,
        "--as",
        "signer",
        "--p12",
        keys.expired,
        "--image",
        images.signature,
        "--passfile",
        keys.passfile,
    )
    assert "hết hạn" in err


def test_wrong_pin(
    pdf_copy: Path, token: Token, images: Images, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pin = tmp_path / "pin.txt"
    pin.write_text("000000", encoding="utf-8")
    err = refused(
        capsys,
        pdf_copy,
        "--as",
        "signer",
        "--pkcs11",
        token.library,
        "--token",
        token.label,
        "--image",
        images.signature,
        "--passfile",
        pin,
    )
    assert "sai mã PIN" in err


def test_missing_token(
    pdf_copy: Path, token: Token, images: Images, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pin = tmp_path / "pin.txt"
    pin.write_text(token.pin, encoding="utf-8")
    err = refused(
        capsys,
        pdf_copy,
        "--as",
        "signer",
        "--pkcs11",
        token.library,
        "--token",
        "no-such-token",
        "--image",
        images.signature,
        "--passfile",
        pin,
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
    err = refused(
        capsys,
        other,
        "--as",
        "signer",
        "--p12",
        keys.signer,
        "--image",
        images.signature,
        "--passfile",
        keys.passfile,
    )
    assert "không do Drafter tạo" in err


def test_not_a_pdf(
    keys: Keys, images: Images, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "letter.pdf"
    text.write_text("không phải PDF", encoding="utf-8")
    err = refused(
        capsys,
        text,
        "--as",
        "signer",
        "--p12",
        keys.signer,
        "--image",
        images.signature,
        "--passfile",
        keys.passfile,
    )
    assert "PDF" in err


def test_already_signed_by_the_agency(
    pdf_copy: Path, keys: Keys, images: Images, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    signed, issued = tmp_path / "signed.pdf", tmp_path / "issued.pdf"
    assert (
        run(
            capsys,
            pdf_copy,
            "--as",
            "signer",
            "--p12",
            keys.signer,
            "--image",
            images.signature,
            "--passfile",
            keys.passfile,
            "-o",
            signed,
        )[0]
        == 0
    )
    assert (
        run(
            capsys,
            signed,
            "--as",
            "agency",
            "--p12",
            keys.agency,
            "--image",
            images.seal,
            "--passfile",
            keys.passfile,
            "--number",
            9,
            "--date",
            "2026-05-04",
            "--no-register",
            "-o",
            issued,
        )[0]
        == 0
    )
    err = refused(
        capsys,
        issued,
        "--as",
        "agency",
        "--p12",
        keys.agency,
        "--image",
        images.seal,
        "--passfile",
        keys.passfile,
    )
    assert "đã được cơ quan ký" in err


def test_agency_before_signer(
    pdf_copy: Path, keys: Keys, images: Images, capsys: pytest.CaptureFixture[str]
) -> None:
    err = refused(
        capsys,
        pdf_copy,
        "--as",
        "agency",
        "--p12",
        keys.agency,
        "--image",
        images.seal,
        "--passfile",
        keys.passfile,
        "--number",
        1,
        "--date",
        "2026-01-02",
    )
    assert "người ký" in err


def test_agency_without_number(
    pdf_copy: Path, keys: Keys, images: Images, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    signed = tmp_path / "signed.pdf"
    assert (
        run(
            capsys,
            pdf_copy,
            "--as",
            "signer",
            "--p12",
            keys.signer,
            "--image",
            images.signature,
            "--passfile",
            keys.passfile,
            "-o",
            signed,
        )[0]
        == 0
    )
    err = refused(
        capsys,
        signed,
        "--as",
        "agency",
        "--p12",
        keys.agency,
        "--image",
        images.seal,
        "--passfile",
        keys.passfile,
    )
    assert "--number" in err


def test_verify_without_signature(draft_pdf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", str(draft_pdf)]) == 1
    assert "không có chữ ký số" in capsys.readouterr().out
