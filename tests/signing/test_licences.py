"""Signing uses only permissively licensed libraries at run time (Drafter is MIT)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from drafter.cli import main
from signing.conftest import Images, Keys
from signing.helpers import issue_as_agency, sign_as_signer


def test_signing_and_verifying_never_import_pymupdf(
    draft_pdf: Path, keys: Keys, images: Images, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pymupdf is AGPL: the tests may measure pages with it, the product must not need it.
    for name in ("pymupdf", "fitz"):
        monkeypatch.setitem(sys.modules, name, None)  # importing it now raises ImportError
    signed, issued = tmp_path / "signed.pdf", tmp_path / "issued.pdf"
    sign_as_signer(draft_pdf, keys, images, signed)
    issue_as_agency(signed, keys, images, issued, 4, "2026-03-05", "--no-register")
    assert main(["verify", str(issued), "--trust", str(keys.trust)]) == 0


def test_every_installation_signs_and_reads_pdfs_with_permissive_libraries_only() -> None:
    import tomllib

    project = tomllib.loads(
        (Path(__file__).parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    )["project"]
    # Signing, the ĐẾN stamp and reading incoming PDFs are in the core dependencies, so
    # "pipx install drafter" has them all; one PDF text library (pdfminer.six) keeps the
    # Linux bundle under its size limit.
    core = [requirement.lower() for requirement in project["dependencies"]]
    assert not any(requirement.startswith(("pymupdf", "fitz", "pypdf")) for requirement in core)
    assert any(requirement.startswith("pdfminer.six") for requirement in core)
    assert any(requirement.startswith("pyhanko[") for requirement in core)
    assert any(requirement.startswith("pyhanko-certvalidator") for requirement in core)
    # The old extra still installs (empty): instructions naming it keep working.
    assert project["optional-dependencies"]["sign"] == []
