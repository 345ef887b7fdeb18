"""Signing end to end: signer, number and date, agency; with a PKCS#12 key and a token."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from drafter.cli import main
from signing.conftest import Images, Keys, Token
from signing.helpers import (
    agency_text_args,
    issue_as_agency,
    pdfsig,
    sign,
    sign_as_signer,
    token_signer_args,
)


def test_signer_then_number_and_date_then_agency(
    draft_pdf: Path, keys: Keys, images: Images, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    from drafter.signing.fields import field_values
    from drafter.signing.verify import verify_bytes

    first = sign_as_signer(draft_pdf, keys, images, tmp_path / "signed.pdf")
    issue_as_agency(first, keys, images, tmp_path / "issued.pdf", 7, "2026-02-09")
    issued = tmp_path / "issued.pdf"
    assert "07/SGDĐT-VP" in capsys.readouterr().out  # recorded in the register

    report = pdfsig(issued)
    assert report.count("Signature Validation: Signature is Valid.") == 2, report
    assert "Drafter_signer" in report and "Drafter_agency" in report

    data = issued.read_bytes()
    result = verify_bytes(data, keys.trust)
    assert result.passes and result.trusted, result.as_json()
    first_signature, second = result.signatures
    assert first_signature.signer == "Nguyễn Văn An" and first_signature.certification
    assert first_signature.changed_after == "form_filling" and first_signature.allowed
    assert second.changed_after == "none"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", second.time)
    with issued.open("rb") as stream:
        values = field_values(PdfFileReader(stream))
    # The test letter is undated: its year is a blank too.
    assert values == {"number": "07", "day": "09", "month": "02", "year": "2026"}
    assert main(["verify", str(issued), "--trust", str(keys.trust)]) == 0


def test_the_register_receives_the_filled_number(
    draft_pdf: Path, keys: Keys, images: Images, tmp_path: Path
) -> None:
    from drafter.store.engine import open_store
    from drafter.store.register_query import search

    first = sign_as_signer(draft_pdf, keys, images, tmp_path / "signed.pdf")
    database = tmp_path / "office.db"
    issue_as_agency(
        first, keys, images, tmp_path / "issued.pdf", 12, "2026-03-05", "--db", database
    )
    with open_store(database) as store:
        entries = search(store)
    entry = next(e for e in entries if e.number == 12)
    assert entry.number_symbol == "12/SGDĐT-VP"
    assert entry.doc_date == dt.date(2026, 3, 5)
    assert entry.status == "issued" and entry.signer == "Sở Giáo dục và Đào tạo Hà Nội"


def test_signing_with_a_pkcs11_token(
    draft_pdf: Path, keys: Keys, images: Images, token: Token, tmp_path: Path
) -> None:
    from drafter.signing.verify import verify_bytes

    pin = tmp_path / "pin.txt"
    pin.write_text(token.pin, encoding="utf-8")
    signed = tmp_path / "signed.pdf"
    assert sign(draft_pdf, *token_signer_args(token, images, pin), "-o", signed) == 0
    issue_as_agency(signed, keys, images, tmp_path / "issued.pdf", 3, "2026-04-01", "--no-register")
    report = pdfsig(tmp_path / "issued.pdf")
    assert report.count("Signature Validation: Signature is Valid.") == 2, report
    assert "Lê Văn Cường" in report
    result = verify_bytes((tmp_path / "issued.pdf").read_bytes(), keys.trust)
    assert result.passes and result.trusted
    assert result.signatures[0].signer == "Lê Văn Cường"


def test_one_changed_byte_is_reported(
    draft_pdf: Path, keys: Keys, images: Images, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import pymupdf

    signed = sign_as_signer(draft_pdf, keys, images, tmp_path / "signed.pdf")
    data = bytearray(signed.read_bytes())
    # The page's text: change one byte inside its (compressed) content stream.
    with pymupdf.open(signed) as document:
        content_xref = document[0].get_contents()[0]
    start = data.index(f"\n{content_xref} 0 obj".encode())
    stream_at = data.index(b"stream\n", start) + len(b"stream\n") + 20
    data[stream_at] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["verify", str(tampered), "--trust", str(keys.trust), "--json"]) == 1
    import json

    report = json.loads(capsys.readouterr().out)
    assert report["passes"] is False
    assert report["signatures"][0]["intact"] is False
    assert "Signature is Valid." not in pdfsig(tampered)


def test_attachment_signature_without_image(draft_pdf: Path, keys: Keys, tmp_path: Path) -> None:
    out = tmp_path / "appendix.pdf"
    assert sign(draft_pdf, *agency_text_args(keys), "--attachment", "12/SGDĐT-VP", "-o", out) == 0
    assert "Signature is Valid." in pdfsig(out)
    assert main(["verify", str(out), "--trust", str(keys.trust)]) == 0
