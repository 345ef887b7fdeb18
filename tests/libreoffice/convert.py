"""Converting .docx files to PDF with LibreOffice, for the tests that compare its pages
with ours.  LibreOffice is a requirement of ``make test``: without it these tests fail,
they are not skipped."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

import pytest


def soffice() -> str:
    """The LibreOffice program, or the test fails saying how to install it."""
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    pytest.fail(
        "LibreOffice (soffice) is not installed; 'make test' installs it "
        "(Debian package libreoffice-writer-nogui)"
    )


def convert_to_pdf(
    documents: Iterable[Path], outdir: Path, profile: Path, *, timeout: int
) -> subprocess.CompletedProcess[str]:
    """*documents* converted to PDF into *outdir* by one ``soffice`` call, with a private
    profile at *profile* so that parallel runs do not collide."""
    return subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *(str(document) for document in documents),
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
