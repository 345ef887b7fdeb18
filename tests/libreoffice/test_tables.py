"""A body table in LibreOffice's rendering of the .docx: its header row repeated at
the top of every page it continues on, its lead-in on the page of its first rows,
room between the lead-in and the table's top border."""

from __future__ import annotations

import pytest
from table_letters import TABLE_HEADER

from libreoffice.pdf_pages import Rendered

pytestmark = pytest.mark.libreoffice


def test_the_header_row_starts_every_later_page(rendered: dict[str, Rendered]) -> None:
    pages = rendered["long_table"].pages
    with_rows = [n for n, page in enumerate(pages) if page.starting("Trường Tiểu học số")]
    assert len(with_rows) >= 2
    for n in with_rows[1:]:
        page = pages[n]
        top = min(s.y0 for s in page.spans if s.y0 > 18)  # below the page number
        first = sorted((s for s in page.spans if abs(s.y0 - top) < 1), key=lambda s: s.x0)
        assert [s.text.strip() for s in first] == list(TABLE_HEADER), n + 1
        assert all(s.bold for s in first)


def test_the_lead_in_stays_with_the_table(rendered: dict[str, Rendered]) -> None:
    pages = rendered["long_table"].pages
    [n] = [n for n, page in enumerate(pages) if page.starting("Danh sách các đơn vị")]
    page = pages[n]
    lead_in = page.starting("Danh sách các đơn vị")[0]
    header = page.find("STT")
    assert page.starting("Trường Tiểu học số 1 ")  # its first row on the same page
    # The table's top border is 6 pt (2.1 mm) or more under the lead-in's descenders.
    border = min((line.y for line in page.hlines if line.y > lead_in.y1), default=None)
    assert border is not None and border < header.y0
    assert border - lead_in.y1 >= 1.5
