"""Body tables as a văn thư lays them out: widths from the measured content, the
alignment markers honoured, numbers aligned, room around the table, its lead-in kept
with it, and its header repeated on every page (the .docx and the painter alike)."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree
from sample_letters import cong_van

from drafter.app.compose import compose
from drafter.body.parser import ColumnAlign, parse_body
from drafter.layout import metrics
from drafter.layout.build.table import CELL_PADDING, column_alignments, column_widths
from drafter.layout.model import Align, Document, Paragraph, Role, Table, VAlign
from drafter.layout.units import mm, pt
from drafter.render import docx_writer

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SIZE = pt(14)
WIDTH = mm(165)
LIST = (
    "| STT | Tên đơn vị | Số tiền (đồng) | Ghi chú |\n|---|---|---|---|\n"
    "| 1 | Trường Trung học phổ thông Chu Văn An | 12.500.000 | Đã nộp |\n"
    "| 2 | Trường Trung học cơ sở Kim Liên | 8.000.000 | |"
)


def _table(markdown: str):  # type: ignore[no-untyped-def]
    [block] = [b for b in parse_body(markdown) if b.rows]
    return block


def _body_table(document: Document) -> Table:
    return next(
        b
        for s in document.sections
        for b in s.blocks
        if isinstance(b, Table) and b.role is Role.BODY_TABLE
    )


def test_the_parser_keeps_the_alignment_markers() -> None:
    block = _table("| a | b | c | d |\n|:---|:---:|---:|---|\n| 1 | 2 | 3 | 4 |")
    assert block.column_align == [
        ColumnAlign.LEFT,
        ColumnAlign.CENTER,
        ColumnAlign.RIGHT,
        ColumnAlign.NONE,
    ]


def test_widths_fill_the_text_and_follow_the_content() -> None:
    widths = column_widths(_table(LIST), SIZE, WIDTH)
    assert sum(widths) == WIDTH
    stt, name, amount, note = widths
    header = metrics.text_width("STT", SIZE, bold=True)
    assert header + 2 * CELL_PADDING < stt < mm(16)  # "STT" never wraps, yet narrow
    assert name == max(widths)  # the long names get the room
    assert amount > metrics.text_width("12.500.000", SIZE) + 2 * CELL_PADDING
    assert note < name


def test_a_column_never_narrower_than_its_widest_word() -> None:
    long = " ".join(["Trường Trung học phổ thông Chu Văn An"] * 6)
    block = _table(
        f"| STT | Nội dung | Đơn vị thực hiện |\n|---|---|---|\n"
        f"| 1 | {long} | Phòng Tổ chức cán bộ |"
    )
    stt, _content, unit = column_widths(block, SIZE, WIDTH)
    assert stt > metrics.text_width("STT", SIZE, bold=True) + 2 * CELL_PADDING
    assert unit > metrics.text_width("Phòng", SIZE) + 2 * CELL_PADDING


def test_alignment_marked_and_by_default() -> None:
    assert column_alignments(_table(LIST)) == [Align.CENTER, Align.LEFT, Align.RIGHT, Align.LEFT]
    marked = _table("| STT | Tên | Số |\n|---:|:---:|:---|\n| 1 | A | 2 |")
    assert column_alignments(marked) == [Align.RIGHT, Align.CENTER, Align.LEFT]


def test_table_in_a_letter() -> None:
    body = f"Danh sách các đơn vị như sau:\n{LIST}\nĐề nghị các đơn vị thực hiện."
    document = compose(cong_van(body=body))
    blocks = document.sections[0].blocks
    table = _body_table(document)
    at = blocks.index(table)
    lead_in, after = blocks[at - 1], blocks[at + 1]
    assert isinstance(lead_in, Paragraph) and isinstance(after, Paragraph)
    assert lead_in.keep_with_next and lead_in.space_after >= pt(6)  # not on the border
    assert after.space_before >= pt(6)
    assert table.header_rows == 1
    header, first = table.rows[0], table.rows[1]
    assert all(c.v_align is VAlign.CENTER for c in header.cells)
    assert [c.blocks[0].role for c in header.cells] == [Role.TABLE_HEADING] * 4
    assert [c.blocks[0].align for c in first.cells] == [
        Align.CENTER,
        Align.LEFT,
        Align.RIGHT,
        Align.LEFT,
    ]
    assert all(r.bold for c in header.cells for r in c.blocks[0].runs)


def _long_table_letter():  # type: ignore[no-untyped-def]
    rows = "\n".join(f"| {i} | Trường Tiểu học số {i} | {i * 15} |" for i in range(1, 61))
    body = (
        "Kết quả kiểm tra các đơn vị như sau:\n| STT | Đơn vị | Số học sinh |\n"
        f"|:---:|---|---:|\n{rows}\nĐề nghị các đơn vị tiếp tục thực hiện."
    )
    return cong_van(body=body)


def test_the_docx_repeats_the_header_and_keeps_rows_whole() -> None:
    data = docx_writer.to_bytes(compose(_long_table_letter()))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    table = next(
        t
        for t in root.iter(f"{{{W}}}tbl")
        if any("STT" in (x.text or "") for x in t.iter(f"{{{W}}}t"))
    )
    rows = table.findall(f"{{{W}}}tr")
    assert len(rows) == 61
    assert rows[0].find(f"{{{W}}}trPr/{{{W}}}tblHeader") is not None
    assert all(r.find(f"{{{W}}}trPr/{{{W}}}tblHeader") is None for r in rows[1:])
    assert all(r.find(f"{{{W}}}trPr/{{{W}}}cantSplit") is not None for r in rows)


@pytest.mark.usefixtures("qapp")
def test_the_painter_repeats_the_header_on_every_page() -> None:
    from drafter.render.qt_painter import paginate

    pages = paginate(compose(_long_table_letter()))
    with_table = [
        p for p in pages if any(line.text.startswith("Trường Tiểu học") for line in p.lines)
    ]
    assert len(with_table) >= 2
    for page in with_table[1:]:
        assert [line.text for line in page.lines[:3]] == ["STT", "Đơn vị", "Số học sinh"]
    headings = [
        role for p in with_table for role, _text, _box in p.roles if role is Role.TABLE_HEADING
    ]
    assert len(headings) == 3 * len(with_table)
