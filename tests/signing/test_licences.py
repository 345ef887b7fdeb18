"""Signing uses only permissively licensed libraries at run time (Drafter is MIT)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from drafter.cli import main
from signing.conftest import Images, Keys


def test_signing_and_verifying_never_import_pymupdf(draft_pdf: Path, keys: Keys,
                                                    images: Images, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # pymupdf is AGPL: the tests may measure pages with it, the product must not need it.
    for name in ("pymupdf", "fitz"):
        monkeypatch.setitem(sys.modules, name, None)  # importing it now raises ImportError
    signed, issued = tmp_path / "signed.pdf", tmp_path / "issued.pdf"
    assert main(["sign", str(draft_pdf), "--as", "signer", "--p12", str(keys.signer),
                 "--image", str(images.signature), "--passfile", str(keys.passfile),
                 "-o", str(signed)]) == 0
    assert main(["sign", str(signed), "--as", "agency", "--p12", str(keys.agency),
                 "--image", str(images.seal), "--passfile", str(keys.passfile),
                 "--number", "4", "--date", "2026-03-05", "--no-register",
                 "-o", str(issued)]) == 0
    assert main(["verify", str(issued), "--trust", str(keys.trust)]) == 0


def test_the_sign_extra_has_no_copyleft_pdf_library() -> None:
    import tomllib

    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text(
        encoding="utf-8"))["project"]
    extra = [requirement.lower() for requirement in project["optional-dependencies"]["sign"]]
    assert not any(requirement.startswith(("pymupdf", "fitz")) for requirement in extra)
    assert any(requirement.startswith("pdfminer.six") for requirement in extra)
