"""Pasted characters get one treatment, the same in the page model, the .docx and the
Qt painter (docs/letter-format.md, *Text cleaning*)."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from sample_letters import cong_van

from drafter.app.compose import compose
from drafter.layout.characters import printable
from drafter.layout.model import Paragraph, Role
from drafter.render import docx_writer

BODY = "Mục\ttiêu của chương\u00adtrình COVID\u201119 là hỗ\u00a0trợ\u2003các đơn vị."


def test_printable_forms() -> None:
    assert printable("a\tb") == "a b"
    assert printable("chương\u00adtrình") == "chươngtrình"
    assert printable("COVID\u201119") == "COVID\u201119"
    assert printable("a\u202fb\u2007c\u00a0d") == "a\u00a0b\u00a0c\u00a0d"
    assert printable("a\u2003b\u3000c") == "a b c"


def _body_text(document) -> str:  # type: ignore[no-untyped-def]
    return next(
        b.text
        for b in document.sections[0].blocks
        if isinstance(b, Paragraph) and b.role is Role.BODY and "Mục" in b.text
    )


def test_model_docx_and_painter_agree(qapp) -> None:  # type: ignore[no-untyped-def]
    document = compose(cong_van(body=BODY))
    text = _body_text(document)
    assert text.startswith("Mục tiêu của chươngtrình COVID\u201119 là hỗ\u00a0trợ các đơn vị.")
    xml = (
        zipfile.ZipFile(BytesIO(docx_writer.to_bytes(document))).read("word/document.xml").decode()
    )
    assert "<w:tab/>" not in xml and "\u00ad" not in xml and "\u2011" not in xml
    assert re.search(r"COVID</w:t><w:noBreakHyphen/><w:t[^>]*>19 là hỗ\u00a0trợ", xml)

    from drafter.render.qt_painter import paginate

    pages = paginate(document)
    printed = " ".join(
        text for page in pages for role, text, _box in page.roles if role is Role.BODY
    )
    assert "Mục tiêu của chươngtrình COVID-19 là hỗ\u00a0trợ các đơn vị." in printed
