"""NĐ 30 applied by :mod:`drafter.layout.build`, checked against the numbers of nd30.md."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sample_letters import cong_van, long_cong_van_with_appendix, marked_cong_van

from drafter.app.compose import compose
from drafter.core.letter import Letter, Signature, Urgency
from drafter.layout import metrics
from drafter.layout.build import QUOC_HIEU, TIEU_NGU
from drafter.layout.model import (
    Align,
    Block,
    Cell,
    Document,
    FieldCode,
    LineRule,
    Paragraph,
    Table,
)
from drafter.layout.units import Length, mm, pt


def walk(blocks: list[Block]) -> Iterator[Paragraph | Table]:
    for block in blocks:
        yield block
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    yield from walk(cell.blocks)


def paragraphs(document: Document, role: str, section: int = 0) -> list[Paragraph]:
    return [
        b
        for b in walk(document.sections[section].blocks)
        if isinstance(b, Paragraph) and b.role == role
    ]


def only(document: Document, role: str) -> Paragraph:
    found = paragraphs(document, role)
    assert len(found) == 1, (role, found)
    return found[0]


def table(document: Document, role: str) -> Table:
    found = [
        b for b in walk(document.sections[0].blocks) if isinstance(b, Table) and b.role == role
    ]
    assert len(found) == 1, role
    return found[0]


def cell_of(document: Document, paragraph: Paragraph) -> tuple[Table, int]:
    """The table holding *paragraph* directly, and the column of its cell."""
    for block in walk(document.sections[0].blocks):
        if isinstance(block, Table):
            for row in block.rows:
                for i, cell in enumerate(row.cells):
                    if any(b is paragraph for b in cell.blocks):
                        return block, i
    raise AssertionError("not in a table")


def rule_width(document: Document, rule: Paragraph) -> Length:
    """A rule is a top border spanning its cell less the paragraph's indents."""
    tbl, column = cell_of(document, rule)
    container = tbl.columns[column] - 2 * tbl.cell_margin
    return Length(container - rule.indent_left - rule.indent_right)


def run_text(paragraph: Paragraph) -> str:
    return paragraph.text


@pytest.fixture
def document() -> Document:
    return compose(cong_van())


class TestPage:
    def test_a4_and_margins_in_range(self, document: Document) -> None:
        page = document.sections[0].page
        assert (round(page.width.mm), round(page.height.mm)) == (210, 297)
        assert 20 <= page.margin_top.mm <= 25 and 20 <= page.margin_bottom.mm <= 25
        assert 30 <= page.margin_left.mm <= 35 and 15 <= page.margin_right.mm <= 20

    def test_one_font(self, document: Document) -> None:
        assert document.font_name == "Times New Roman"

    def test_page_number_from_page_two_centred(self, document: Document) -> None:
        section = document.sections[0]
        assert section.different_first_page and section.first_header == []
        [number] = section.header
        assert isinstance(number, Paragraph) and number.align is Align.CENTER
        assert number.runs[0].field is FieldCode.PAGE
        assert 13 <= number.runs[0].size.pt <= 14
        assert not number.runs[0].bold and not number.runs[0].italic

    def test_address_on_page_one_only(self, document: Document) -> None:
        section = document.sections[0]
        [footer] = section.first_footer
        assert section.footer == []
        assert isinstance(footer, Paragraph)
        assert footer.text == (
            "Địa chỉ: 23 Quang Trung, phường Cửa Nam, Hà Nội; "
            "ĐT: 024.3825.1234; E-Mail: vanphong@hanoiedu.vn; "
            "Website: hanoi.edu.vn"
        )
        assert 11 <= footer.size.pt <= 12
        assert footer.border_top is not None  # the line across the text width

    def test_no_address_no_footer(self) -> None:
        letter = cong_van()
        letter.issuer.address = letter.issuer.phone = letter.issuer.email = ""
        letter.issuer.website = ""
        assert compose(letter).sections[0].first_footer == []


class TestNationalHeading:
    def test_quoc_hieu_and_tieu_ngu(self, document: Document) -> None:
        quoc_hieu, tieu_ngu = only(document, "quoc_hieu"), only(document, "tieu_ngu")
        assert quoc_hieu.text == QUOC_HIEU == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        assert tieu_ngu.text == TIEU_NGU == "Độc lập - Tự do - Hạnh phúc"
        assert quoc_hieu.runs[0].bold and 12 <= quoc_hieu.size.pt <= 13
        assert tieu_ngu.runs[0].bold and 13 <= tieu_ngu.size.pt <= 14
        assert quoc_hieu.align is tieu_ngu.align is Align.CENTER

    def test_tieu_ngu_rule_is_exactly_the_text_width(self, document: Document) -> None:
        tieu_ngu = only(document, "tieu_ngu")
        rule = only(document, "tieu_ngu_rule")
        text = metrics.text_width(TIEU_NGU, tieu_ngu.size, bold=True)
        assert abs(rule_width(document, rule) - text) <= mm(0.1)
        assert rule.indent_left == rule.indent_right  # centred under the Tiêu ngữ
        assert rule.border_top is not None and 0.5 <= rule.border_top.width.pt <= 1

    def test_header_is_a_borderless_two_column_table(self, document: Document) -> None:
        header = table(document, "header")
        assert header.borders is None and len(header.columns) == 2
        assert all(len(row.cells) == 2 for row in header.rows)
        # The right column must hold the 13 pt Quốc hiệu on one line (nd30 §2b).
        assert header.columns[1] >= metrics.text_width(QUOC_HIEU, pt(13), bold=True)
        assert sum(header.columns) <= document.sections[0].page.text_width


class TestIssuer:
    def test_parent_regular_issuer_bold_upper(self, document: Document) -> None:
        parents = paragraphs(document, "parent")
        assert [p.text for p in parents] == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"]
        assert not any(p.runs[0].bold for p in parents)
        [issuer] = paragraphs(document, "issuer")
        assert issuer.text == "SỞ GIÁO DỤC VÀ ĐÀO TẠO" and issuer.runs[0].bold

    def test_issuer_name_printed_upper(self) -> None:
        letter = cong_van()
        letter.issuer.name = ["Sở Y tế"]
        assert only(compose(letter), "issuer").text == "SỞ Y TẾ"

    @pytest.mark.parametrize(
        "names",
        [
            ["SỞ GIÁO DỤC VÀ ĐÀO TẠO"],
            ["ỦY BAN NHÂN DÂN"],
            ["BỘ NỘI VỤ"],
            ["TRUNG TÂM PHÁT TRIỂN QUỸ ĐẤT VÀ HẠ TẦNG KỸ THUẬT KHU CÔNG NGHIỆP"],
        ],
    )
    def test_issuer_rule_between_a_third_and_a_half(self, names: list[str]) -> None:
        letter = cong_van()
        letter.issuer.name = names
        document = compose(letter)
        rule = only(document, "issuer_rule")
        issuers = paragraphs(document, "issuer")
        tbl, column = cell_of(document, rule)
        widest = max(
            max(
                metrics.text_width(line, p.size, bold=True)
                for line in metrics.wrap(p.text, p.size, tbl.columns[column], bold=True)
            )
            for p in issuers
        )
        share = int(rule_width(document, rule)) / int(widest)
        assert 1 / 3 <= share <= 1 / 2, share
        assert rule.indent_left == rule.indent_right


class TestNumberAndDate:
    def test_number_line(self, document: Document) -> None:
        number = only(document, "number")
        assert number.text == "Số: 05/SGDĐT-VP"
        assert number.size.pt == 13 and not number.runs[0].bold

    def test_number_and_date_share_a_baseline(self, document: Document) -> None:
        number, date = only(document, "number"), only(document, "date")
        assert cell_of(document, number)[1] == 0 and cell_of(document, date)[1] == 1
        assert cell_of(document, number)[0].rows is cell_of(document, date)[0].rows
        row = next(
            r for r in table(document, "header").rows if any(b is number for b in r.cells[0].blocks)
        )
        assert any(b is date for b in row.cells[1].blocks)
        # Both are the first line of their cell in the same row: the baselines meet
        # when space before plus ascent is the same on both sides.
        assert row.cells[0].blocks[0] is number and row.cells[1].blocks[0] is date
        regular, italic = metrics.face(), metrics.face(italic=True)
        left = number.space_before + regular.ascent_at(number.size)
        right = date.space_before + italic.ascent_at(date.size)
        assert abs(left - right) <= pt(0.1)
        assert number.line_spacing.rule is date.line_spacing.rule is LineRule.MULTIPLE

    def test_date_line(self, document: Document) -> None:
        date = only(document, "date")
        assert date.text == "Hà Nội, ngày 05 tháng 3 năm 2026"
        assert date.runs[0].italic and date.size.pt == 14 and date.align is Align.CENTER

    def test_long_date_line_falls_to_13_pt(self) -> None:
        letter = cong_van(place="Thành phố Hồ Chí Minh", date=dt.date(2020, 12, 29))
        document = compose(letter)
        date = only(document, "date")
        # At 14 pt it is 106 mm, wider than the right column; at 13 pt 98.7 mm (nd30 §2b).
        assert date.size.pt == 13
        tbl, column = cell_of(document, date)
        assert metrics.text_width(date.text, date.size, italic=True) <= tbl.columns[column]
        number = only(document, "number")
        left = number.space_before + metrics.face().ascent_at(number.size)
        right = date.space_before + metrics.face(italic=True).ascent_at(date.size)
        assert abs(left - right) <= pt(0.1)

    def test_draft_without_number_or_date(self) -> None:
        document = compose(cong_van(number=None, date=None))
        assert only(document, "number").text.startswith("Số: ")
        assert only(document, "number").text.endswith("/SGDĐT-VP")
        assert only(document, "date").text.startswith("Hà Nội, ngày ")

    def test_vv_under_the_number(self, document: Document) -> None:
        number, vv = only(document, "number"), only(document, "vv")
        # The layout chose the break (after the comma); each display line is one line.
        assert vv.text == "V/v tăng cường công tác phòng,\nchống dịch bệnh trong trường học"
        assert vv.space_before == pt(6)
        assert 12 <= vv.size.pt <= 13 and not vv.runs[0].bold and not vv.runs[0].italic
        assert vv.align is Align.CENTER
        tbl, column = cell_of(document, vv)
        assert column == 0
        cell_blocks = next(
            r.cells[0].blocks for r in tbl.rows if any(b is vv for b in r.cells[0].blocks)
        )
        assert cell_blocks.index(vv) == cell_blocks.index(number) + 1


class TestKinhGui:
    def test_one_recipient_on_the_label_line(self) -> None:
        document = compose(cong_van(kinh_gui=["Bộ Nội vụ"]))
        [line] = paragraphs(document, "kinh_gui")
        # §4 of the standard's tables: "Kính gửi: Bộ Nội vụ", no list punctuation.
        assert line.text == "Kính gửi: Bộ Nội vụ"
        assert paragraphs(document, "kinh_gui_item") == []

    def test_many_recipients_with_dashes(self) -> None:
        document = compose(
            cong_van(kinh_gui=["Bộ Nội vụ", "- Bộ Kế hoạch và Đầu tư;", "Bộ Tài chính."])
        )
        [label] = paragraphs(document, "kinh_gui")
        items = paragraphs(document, "kinh_gui_item")
        assert label.text == "Kính gửi:"
        assert [i.text for i in items] == [
            "- Bộ Nội vụ;",
            "- Bộ Kế hoạch và Đầu tư;",
            "- Bộ Tài chính.",
        ]
        # The dashes line up under the colon area: right of the label's start.
        dash_x = items[0].indent_left + items[0].first_line
        assert all(i.indent_left + i.first_line == dash_x for i in items)
        assert (
            label.indent_left
            < dash_x
            <= label.indent_left + metrics.text_width("Kính gửi:", label.size)
        )
        assert all(not i.runs[0].bold for i in [label, *items])

    def test_kinh_gui_body_size(self, document: Document) -> None:
        [label] = paragraphs(document, "kinh_gui")
        assert 13 <= label.size.pt <= 14


class TestBody:
    def test_paragraphs_justified_with_first_line_indent(self, document: Document) -> None:
        body = paragraphs(document, "body") + paragraphs(document, "clause")
        assert body
        for paragraph in body:
            assert paragraph.align is Align.JUSTIFY
            assert mm(10) <= paragraph.first_line <= mm(12.7)
            assert paragraph.space_before + paragraph.space_after >= pt(6)
            assert paragraph.line_spacing.rule is LineRule.MULTIPLE
            assert 1 <= paragraph.line_spacing.value <= 1.5
            assert 13 <= paragraph.size.pt <= 14

    def test_end_mark(self, document: Document) -> None:
        last = paragraphs(document, "body")[-1]
        assert last.text == "Trân trọng./."

    @pytest.mark.parametrize(
        ("ending", "printed"),
        [
            ("Trân trọng", "Trân trọng./."),
            ("Trân trọng;", "Trân trọng./."),
            ("Trân trọng./.", "Trân trọng./."),
            ("Trân trọng.", "Trân trọng./."),
        ],
    )
    def test_end_mark_not_doubled(self, ending: str, printed: str) -> None:
        document = compose(cong_van(body=f"Nội dung.\n{ending}"))
        assert paragraphs(document, "body")[-1].text == printed

    def test_structure_styles(self) -> None:
        body = (
            "Điều 1. Phạm vi điều chỉnh\n1. Khoản có tiêu đề\n"
            "2. Khoản là một câu.\na) Điểm a;\n**Đậm** giữa *nghiêng*."
        )
        document = compose(cong_van(body=body))
        article = only(document, "article")
        assert article.runs[0].text.startswith("Điều 1.") and article.runs[0].bold
        clauses = paragraphs(document, "clause")
        assert all(r.bold for r in clauses[0].runs)  # titled khoản: bold
        assert not any(r.bold for r in clauses[1].runs)  # a sentence: upright
        point = only(document, "point")
        assert point.text.startswith("a) ") and not any(r.bold for r in point.runs)
        last = paragraphs(document, "body")[-1]
        assert [(r.text, r.bold, r.italic) for r in last.runs] == [
            ("Đậm", True, False),
            (" giữa ", False, False),
            ("nghiêng", False, True),
            ("./.", False, False),
        ]


class TestClosing:
    def test_noi_nhan_completed(self, document: Document) -> None:
        label = only(document, "noi_nhan_label")
        assert label.text == "Nơi nhận:"
        run = label.runs[0]
        assert run.size.pt == 12 and run.bold and run.italic
        assert label.align is Align.LEFT
        items = [p.text for p in paragraphs(document, "noi_nhan_item")]
        assert items == ["- Như trên;", "- UBND Thành phố (để báo cáo);", "- Lưu: VT, VP."]
        assert all(
            p.size.pt == 11 and not p.runs[0].bold for p in paragraphs(document, "noi_nhan_item")
        )
        assert only(document, "drafter_mark").text == "TL.(35)"

    def test_user_punctuation_is_replaced(self) -> None:
        document = compose(
            cong_van(noi_nhan=["- Như trên;", "Sở Tài chính.", "  UBND  ,"], luu="Lưu: VT")
        )
        assert [p.text for p in paragraphs(document, "noi_nhan_item")] == [
            "- Như trên;",
            "- Sở Tài chính;",
            "- UBND;",
            "- Lưu: VT.",
        ]

    def test_noi_nhan_level_with_the_first_authority_line(self, document: Document) -> None:
        closing = table(document, "closing")
        [row] = closing.rows
        label = row.cells[0].blocks[0]
        first = row.cells[1].blocks[0]
        assert isinstance(label, Paragraph) and isinstance(first, Paragraph)
        assert label.role == "noi_nhan_label" and first.text == "KT. GIÁM ĐỐC"
        bold = metrics.face(bold=True)
        bold_italic = metrics.face(bold=True, italic=True)
        left = label.space_before + bold_italic.ascent_at(label.size)
        right = first.space_before + bold.ascent_at(first.size)
        assert abs(left - right) <= pt(0.2)

    def test_signature_block(self, document: Document) -> None:
        lines = paragraphs(document, "signature_line")
        assert [p.text for p in lines] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
        signer = only(document, "signer")
        assert signer.text == "Nguyễn Văn An"
        for paragraph in [*lines, signer]:
            assert paragraph.runs[0].bold and 13 <= paragraph.size.pt <= 14
            assert paragraph.align is Align.CENTER
        assert signer.space_before >= mm(20)  # room for the signature and the seal

    def test_two_signature_blocks(self) -> None:
        letter = cong_van(
            signatures=[
                Signature(title="THƯ KÝ", name="Lê Thị B"),
                Signature(title="CHỦ TỌA", name="Trần Văn C"),
            ]
        )
        document = compose(letter)
        assert [p.text for p in paragraphs(document, "signer")] == ["Lê Thị B", "Trần Văn C"]
        assert len(paragraphs(document, "noi_nhan_label")) == 1


class TestMarks:
    @pytest.mark.parametrize(
        ("urgency", "label", "width"),
        [
            (Urgency.HOA_TOC, "HỎA TỐC", 30),
            (Urgency.THUONG_KHAN, "THƯỢNG KHẨN", 40),
            (Urgency.KHAN, "KHẨN", 20),
        ],
    )
    def test_urgency_stamp_sizes(self, urgency: Urgency, label: str, width: float) -> None:
        document = compose(cong_van(urgency=urgency))
        stamp = table(document, "urgency")
        assert stamp.width.mm == pytest.approx(width, abs=0.05)
        [row] = stamp.rows
        assert row.exact_height and row.height.mm == pytest.approx(8, abs=0.05)
        assert stamp.borders is not None
        [text] = row.cells[0].blocks
        assert isinstance(text, Paragraph) and text.text == label
        assert text.runs[0].bold and 13 <= text.size.pt <= 14
        assert metrics.text_width(label, text.size, bold=True) < stamp.width

    def test_all_marks(self) -> None:
        document = compose(marked_cong_van())
        first = document.sections[0].blocks[0]
        assert isinstance(first, Table) and first.role == "circulation"  # top of page 1
        assert first.align is Align.RIGHT and first.borders is not None
        assert paragraphs(document, "circulation_text")[0].text == "LƯU HÀNH NỘI BỘ"
        assert paragraphs(document, "secrecy_text")[0].text == "MẬT"
        assert paragraphs(document, "urgency_text")[0].text == "HỎA TỐC"
        # Secrecy (ô 10a) above urgency (ô 10b), both in the left block under the number.
        header = table(document, "header")
        left = [b for row in header.rows for b in row.cells[0].blocks]
        roles = [b.role for b in left]
        assert roles.index("number") < roles.index("secrecy") < roles.index("urgency")

    def test_no_marks_no_boxes(self, document: Document) -> None:
        roles = {b.role for b in walk(document.sections[0].blocks)}
        assert not roles & {"circulation", "secrecy", "urgency"}


class TestAppendix:
    def test_appendix_section(self) -> None:
        document = compose(long_cong_van_with_appendix())
        assert len(document.sections) == 2
        appendix = document.sections[1]
        assert appendix.restart_numbering
        assert appendix.header and appendix.header[0].runs[0].field is FieldCode.PAGE  # type: ignore[union-attr]
        label, title, reference = (
            paragraphs(document, role, 1)[0]
            for role in ("appendix_label", "appendix_title", "appendix_reference")
        )
        assert label.text == "Phụ lục" and label.size.pt == 14 and label.runs[0].bold
        assert title.text == "DANH SÁCH CÁC ĐƠN VỊ ĐƯỢC KIỂM TRA" and title.runs[0].bold
        assert reference.runs[0].italic
        assert reference.text == "(Kèm theo Công văn số 12/SGDĐT-VP ngày 05 tháng 3 năm 2026)"
        assert any(isinstance(b, Table) and b.role == "body_table" for b in appendix.blocks)

    def test_body_table_fills_the_text_width(self) -> None:
        document = compose(long_cong_van_with_appendix())
        body_table = next(b for b in document.sections[1].blocks if isinstance(b, Table))
        assert abs(body_table.width - document.sections[1].page.text_width) <= 2
        assert body_table.borders is not None
        header_cells: list[Cell] = body_table.rows[0].cells
        assert all(
            p.runs[0].bold for c in header_cells for p in c.blocks if isinstance(p, Paragraph)
        )


def test_measured_widths_agree_with_the_standard() -> None:
    # nd30.md gives these widths measured with Liberation Serif ([I] rows).
    assert metrics.text_width(TIEU_NGU, pt(14), bold=True).mm == pytest.approx(60.5, abs=0.3)
    assert metrics.text_width(TIEU_NGU, pt(13), bold=True).mm == pytest.approx(56, abs=0.3)
    assert metrics.text_width(QUOC_HIEU, pt(13), bold=True).mm == pytest.approx(95.7, abs=0.3)
    assert metrics.text_width(QUOC_HIEU, pt(12), bold=True).mm == pytest.approx(88.3, abs=0.3)
    assert metrics.text_width("ỦY BAN NHÂN DÂN", pt(13), bold=True).mm == pytest.approx(43, abs=0.5)
    date = "Thành phố Hồ Chí Minh, ngày 29 tháng 12 năm 2020"
    assert metrics.text_width(date, pt(14), italic=True).mm == pytest.approx(106, abs=0.5)
    assert metrics.text_width(date, pt(13), italic=True).mm == pytest.approx(98.7, abs=0.3)


def test_wrap_breaks_at_spaces_within_the_width() -> None:
    text = "TRUNG TÂM PHÁT TRIỂN QUỸ ĐẤT VÀ HẠ TẦNG KỸ THUẬT KHU CÔNG NGHIỆP"
    lines = metrics.wrap(text, pt(13), mm(65), bold=True)
    assert len(lines) >= 2 and " ".join(lines) == text
    assert all(metrics.text_width(line, pt(13), bold=True) <= mm(65) for line in lines)
    assert metrics.wrap("a\nb", pt(13), mm(65)) == ["a", "b"]


def test_every_letter_type_builds(tmp_path: object) -> None:
    from drafter.core import letterfile
    from drafter.core.doctypes import default_registry

    for doctype in default_registry().all():
        letter: Letter = letterfile.load(doctype.sample_path)[0]
        document = compose(letter)
        assert document.sections, doctype.id


def test_dong_kinh_gui_follows_kinh_gui() -> None:
    document = compose(
        cong_van(kinh_gui=["Bộ Nội vụ"], dong_kinh_gui=["Sở Tài chính;", "Sở Nội vụ"])
    )
    [kinh_gui] = paragraphs(document, "kinh_gui")
    [label] = paragraphs(document, "dong_kinh_gui")
    items = paragraphs(document, "dong_kinh_gui_item")
    assert kinh_gui.text == "Kính gửi: Bộ Nội vụ"
    assert label.text == "Đồng kính gửi:"
    assert [i.text for i in items] == ["- Sở Tài chính;", "- Sở Nội vụ."]
    blocks = document.sections[0].blocks
    assert blocks.index(kinh_gui) < blocks.index(label) < blocks.index(items[0])
