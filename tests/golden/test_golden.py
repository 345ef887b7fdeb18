"""Golden files: the exact ``word/document.xml`` of fixed letters, pretty-printed.

Any change to the layout or the writer shows here as a readable XML diff.  When the
change is intended, regenerate the files and review the diff against nd30.md before
committing it::

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/golden

Each file was reviewed by hand: sizes (w:sz is in half points), indents and widths
(twips), the text of every line, against the rules of nd30.md; see README.md here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from sample_letters import cong_van, docx_parts, long_cong_van_with_appendix, marked_cong_van

from drafter.app.compose import compose
from drafter.core.letter import Letter
from drafter.render import docx_writer

GOLDEN = Path(__file__).parent
LETTERS: dict[str, Callable[[], Letter]] = {
    "cong_van_many_recipients": cong_van,
    "long_letter_with_appendix": long_cong_van_with_appendix,
    "urgency_secrecy_circulation": marked_cong_van,
}


def normalised(xml: bytes) -> str:
    """Pretty-printed with one element per line, so a diff points at the element."""
    parser = etree.XMLParser(remove_blank_text=True)
    root = etree.fromstring(xml, parser)
    return etree.tostring(root, pretty_print=True, encoding="unicode")


@pytest.mark.parametrize("name", list(LETTERS))
def test_document_xml_matches_golden(name: str) -> None:
    data = docx_writer.to_bytes(compose(LETTERS[name]()))
    actual = normalised(docx_parts(data)["word/document.xml"])
    path = GOLDEN / f"{name}.xml"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"{path} is missing: run with UPDATE_GOLDEN=1 and review it"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, (
        f"{path.name} differs; if the change is intended, regenerate with UPDATE_GOLDEN=1 "
        "and review the diff against nd30.md"
    )


@pytest.mark.parametrize("part", ["word/header1.xml", "word/footer1.xml"])
def test_header_and_footer_match_golden(part: str) -> None:
    data = docx_writer.to_bytes(compose(cong_van()))
    actual = normalised(docx_parts(data)[part])
    path = GOLDEN / f"cong_van_{Path(part).stem}.xml"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")
