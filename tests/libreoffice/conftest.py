"""Render letters through LibreOffice once per session, for the geometry tests.

Every document type's sample letter and a few special letters are written as .docx,
then converted to PDF by one ``soffice`` call (with a private profile, so parallel runs
do not collide), and measured with PyMuPDF.  LibreOffice is a requirement of
``make test``: without it these tests fail, they are not skipped.
"""

from __future__ import annotations

import pytest

from drafter.app.compose import compose
from drafter.core import letterfile
from drafter.core.letter import Letter
from drafter.render import docx_writer
from libreoffice.convert import convert_to_pdf
from libreoffice.pdf_pages import SPECIAL, Rendered, shipped_registry


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    """Every type's sample and the special letters, as PDFs made by LibreOffice."""
    base = tmp_path_factory.mktemp("libreoffice")
    docx_dir, pdf_dir = base / "docx", base / "pdf"
    docx_dir.mkdir()
    registry = shipped_registry()
    cases: dict[str, Letter] = {}
    for doctype in registry.all():
        letter, problems = letterfile.load(doctype.sample_path, registry)
        assert problems == [], (doctype.id, problems)
        cases[doctype.id] = letter
    for name, make in SPECIAL.items():
        cases[name] = make()
    out: dict[str, Rendered] = {}
    for name, letter in cases.items():
        path = docx_dir / f"{name}.docx"
        docx_writer.write(compose(letter, registry), path, letter.date)
        out[name] = Rendered(name, letter, registry.get(letter.type_id), pdf_dir / f"{name}.pdf")
    result = convert_to_pdf(sorted(docx_dir.glob("*.docx")), pdf_dir, base / "profile", timeout=600)
    missing = [r.name for r in out.values() if not r.pdf.is_file()]
    assert not missing, f"LibreOffice did not convert {missing}: {result.stderr[-2000:]}"
    return out
