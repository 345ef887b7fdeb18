"""Body Markdown → blocks that know their place in the structure of NĐ 30 (nd30 §3)."""

from __future__ import annotations

import pytest

from drafter.body.parser import Block, BlockKind, Span, parse_body


def one(text: str) -> Block:
    blocks = parse_body(text)
    assert len(blocks) == 1, blocks
    return blocks[0]


def kinds(text: str) -> list[BlockKind]:
    return [b.kind for b in parse_body(text)]


def test_empty_body() -> None:
    assert parse_body("") == [] and parse_body(" \n\n ") == []


def test_each_line_is_a_paragraph() -> None:
    blocks = parse_body("Dòng một.\nDòng hai.\n\nDòng ba.")
    assert [b.text for b in blocks] == ["Dòng một.", "Dòng hai.", "Dòng ba."]
    assert all(b.kind is BlockKind.PARAGRAPH for b in blocks)


class TestArticles:
    def test_article_with_title(self) -> None:
        block = one("Điều 1. Phạm vi điều chỉnh")
        assert (block.kind, block.label, block.text, block.titled) == (
            BlockKind.ARTICLE,
            "Điều 1.",
            "Phạm vi điều chỉnh",
            True,
        )

    def test_article_with_content(self) -> None:
        block = one("Điều 3. Quyết định này có hiệu lực kể từ ngày ký.")
        assert (block.kind, block.label, block.titled) == (BlockKind.ARTICLE, "Điều 3.", False)
        assert block.text == "Quyết định này có hiệu lực kể từ ngày ký."

    def test_article_numbers_with_letter(self) -> None:
        assert one("Điều 12a. Sửa đổi").label == "Điều 12a."

    def test_article_label_spacing_normalised(self) -> None:
        assert one("Điều  2.   Đối tượng áp dụng").label == "Điều 2."


class TestClausesAndPoints:
    def test_titled_clause(self) -> None:
        block = one("1. Phạm vi điều chỉnh")
        assert (block.kind, block.label, block.titled) == (BlockKind.CLAUSE, "1.", True)

    def test_untitled_clause(self) -> None:
        block = one("2. Các đơn vị báo cáo kết quả trước ngày 20 tháng 3.")
        assert (block.kind, block.label, block.titled) == (BlockKind.CLAUSE, "2.", False)
        assert block.text == "Các đơn vị báo cáo kết quả trước ngày 20 tháng 3."

    def test_clause_ending_with_semicolon_or_colon_is_not_a_title(self) -> None:
        assert one("3. Tổ chức thực hiện như sau:").titled is False
        assert one("4. Kiểm tra, giám sát;").titled is False

    def test_subclause_number(self) -> None:
        assert one("1.2. Nội dung chi tiết").label == "1.2."

    @pytest.mark.parametrize("letter", ["a", "b", "đ", "g"])
    def test_points_use_the_vietnamese_alphabet(self, letter: str) -> None:
        block = one(f"{letter}) Rà soát hồ sơ;")
        assert (block.kind, block.label, block.text) == (
            BlockKind.POINT,
            f"{letter})",
            "Rà soát hồ sơ;",
        )

    def test_sub_point(self) -> None:
        assert one("a.1) Chi tiết").label == "a.1)"

    def test_ordinary_number_in_text_is_not_a_clause(self) -> None:
        assert one("2026 là năm bản lề.").kind is BlockKind.PARAGRAPH


class TestParts:
    @pytest.mark.parametrize(
        ("label", "title"),
        [
            ("Chương I", "QUY ĐỊNH CHUNG"),
            ("Mục 2", "TỔ CHỨC THỰC HIỆN"),
            ("Phần II", "NHIỆM VỤ"),
            ("Tiểu mục 1", "GIẢI THÍCH"),
        ],
    )
    def test_label_then_title_line(self, label: str, title: str) -> None:
        blocks = parse_body(f"{label}\n{title.capitalize()}")
        assert [(b.kind, b.text) for b in blocks] == [
            (BlockKind.PART_LABEL, label),
            (BlockKind.PART_TITLE, title),
        ]
        assert all(b.titled for b in blocks)

    def test_label_and_title_on_one_line(self) -> None:
        blocks = parse_body("Chương II. Tổ chức thực hiện")
        assert [(b.kind, b.text) for b in blocks] == [
            (BlockKind.PART_LABEL, "Chương II"),
            (BlockKind.PART_TITLE, "TỔ CHỨC THỰC HIỆN"),
        ]

    def test_chapter_then_article(self) -> None:
        assert kinds("Chương I\nQuy định chung\nĐiều 1. Phạm vi") == [
            BlockKind.PART_LABEL,
            BlockKind.PART_TITLE,
            BlockKind.ARTICLE,
        ]

    def test_report_section(self) -> None:
        block = one("II. kết quả thực hiện")
        assert (block.kind, block.label, block.text, block.titled) == (
            BlockKind.SECTION,
            "II.",
            "KẾT QUẢ THỰC HIỆN",
            True,
        )

    def test_capitals_line_is_centred(self) -> None:
        block = one("QUYẾT ĐỊNH:")
        assert (block.kind, block.titled) == (BlockKind.CENTERED, True)

    def test_markdown_heading_is_centred(self) -> None:
        assert one("# Nội dung chính").kind is BlockKind.CENTERED


class TestCanCu:
    def test_grouping_and_punctuation(self) -> None:
        blocks = parse_body(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015\n"
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ,\n"
            "Theo đề nghị của Chánh Văn phòng;\n"
            "QUYẾT ĐỊNH:"
        )
        assert [b.kind for b in blocks] == [BlockKind.CAN_CU] * 3 + [BlockKind.CENTERED]
        # Each basis ends with ";", the last with "." (nd30 §3, Căn cứ).
        assert [b.text[-1] for b in blocks[:3]] == [";", ";", "."]
        assert blocks[1].text.endswith("Chính phủ;")
        assert blocks[2].text == "Theo đề nghị của Chánh Văn phòng."

    def test_single_basis_ends_with_a_full_stop(self) -> None:
        blocks = parse_body("Căn cứ Luật Thi đua, khen thưởng;\nQUYẾT NGHỊ:")
        assert blocks[0].kind is BlockKind.CAN_CU and blocks[0].text.endswith("khen thưởng.")

    def test_can_cu_not_followed_by_a_heading_stays_a_paragraph(self) -> None:
        blocks = parse_body("Căn cứ kết quả kiểm tra, Sở đề nghị như sau:\nNội dung.")
        assert blocks[0].kind is BlockKind.PARAGRAPH
        assert blocks[0].text == "Căn cứ kết quả kiểm tra, Sở đề nghị như sau:"

    def test_italic_basis_keeps_formatting_of_spans(self) -> None:
        blocks = parse_body("Căn cứ *Luật Giáo dục*\nQUYẾT ĐỊNH:")
        assert blocks[0].kind is BlockKind.CAN_CU
        assert blocks[0].spans[1] == Span("Luật Giáo dục.", italic=True)


class TestInline:
    def test_bold_and_italic(self) -> None:
        block = one("Báo cáo **trước ngày 20** và *đúng hạn* nhé")
        assert block.spans == [
            Span("Báo cáo "),
            Span("trước ngày 20", bold=True),
            Span(" và "),
            Span("đúng hạn", italic=True),
            Span(" nhé"),
        ]

    def test_bold_italic(self) -> None:
        assert one("***Lưu ý***").spans == [Span("Lưu ý", bold=True, italic=True)]

    def test_dash_list_keeps_its_marker_as_text(self) -> None:
        blocks = parse_body("- Bộ Nội vụ;\n- Bộ Tài chính.")
        assert [b.text for b in blocks] == ["- Bộ Nội vụ;", "- Bộ Tài chính."]

    def test_hr_and_setext_are_not_markdown(self) -> None:
        blocks = parse_body("Dòng chữ\n---")
        assert [b.text for b in blocks] == ["Dòng chữ", "---"]


class TestTables:
    def test_table_rows_and_header(self) -> None:
        blocks = parse_body(
            "Danh sách:\n| STT | Đơn vị |\n|---|---|\n| 1 | **Trường A** |\n| 2 | Trường B |\nHết."
        )
        assert [b.kind for b in blocks] == [
            BlockKind.PARAGRAPH,
            BlockKind.TABLE,
            BlockKind.PARAGRAPH,
        ]
        table = blocks[1]
        assert table.header_rows == 1
        assert [["".join(s.text for s in cell) for cell in row] for row in table.rows] == [
            ["STT", "Đơn vị"],
            ["1", "Trường A"],
            ["2", "Trường B"],
        ]
        assert table.rows[1][1] == [Span("Trường A", bold=True)]

    def test_escaped_pipe_inside_a_cell(self) -> None:
        table = one("| A |\n|---|\n| x \\| y |")
        assert "".join(s.text for s in table.rows[1][0]) == "x | y"

    def test_a_row_wider_than_the_header_keeps_its_cells(self) -> None:
        table = one("| STT | Đơn vị |\n|---|---|\n| 1 | Trường A | 30 học sinh |")
        assert [["".join(s.text for s in cell) for cell in row] for row in table.rows] == [
            ["STT", "Đơn vị", ""],
            ["1", "Trường A", "30 học sinh"],
        ]


def test_backticks_print_as_typed_with_their_spaces() -> None:
    assert one("Mã `A 1` và ` B `").text == "Mã `A 1` và ` B `"


def test_a_second_level_heading_is_centred_without_bold() -> None:
    from drafter.body.parser import BlockKind, parse_body

    first, second = parse_body("# Chủ tịch điện:\n## Sở Nội vụ trân trọng giới thiệu:")
    assert (first.kind, first.titled) == (BlockKind.CENTERED, True)
    assert (second.kind, second.titled) == (BlockKind.CENTERED, False)


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        # Escapes, and HTML, code fences and links, are literal text.
        ("3 \\* 4 = 12", "3 * 4 = 12"),
        ("a\\_b", "a_b"),
        ("<b>không phải HTML</b>", "<b>không phải HTML</b>"),
        ("Lương & phụ cấp < 10 > 5", "Lương & phụ cấp < 10 > 5"),
        ("    thụt đầu dòng", "thụt đầu dòng"),
        ("```", "```"),
        ("[chữ](http://x)", "chữ"),
        # List markers are text (see TestListMarkersAreText): printed as written.
        ("+ Mục cộng", "+ Mục cộng"),
        ("* Mục sao", "* Mục sao"),
        ("1) Điểm một", "1) Điểm một"),
        ("-   Nhiều khoảng trắng", "- Nhiều khoảng trắng"),
        ("-5 độ C", "-5 độ C"),
        ("- **Đậm** và *nghiêng*", "- Đậm và nghiêng"),
    ],
)
def test_a_line_shows_escapes_literals_and_markers_as_written(source: str, shown: str) -> None:
    assert one(source).text == shown


class TestListMarkersAreText:
    """Markers stay as written and no line is ever lost, however deep an outline goes."""

    def test_ten_dashes_on_one_line_keep_that_line_and_the_rest(self) -> None:
        # Past markdown-it's nesting limit the line and everything after it vanished.
        blocks = parse_body("Mở đầu.\n" + "- " * 10 + "mục sâu\nĐoạn sau.\nTrân trọng.")
        assert [b.text for b in blocks] == [
            "Mở đầu.",
            "- " * 10 + "mục sâu",
            "Đoạn sau.",
            "Trân trọng.",
        ]

    def test_indented_outline_of_twelve_levels_keeps_every_line(self) -> None:
        outline = "\n".join("  " * depth + f"- mức {depth}" for depth in range(12))
        blocks = parse_body(outline + "\nHết.")
        assert [b.text for b in blocks] == [f"- mức {depth}" for depth in range(12)] + ["Hết."]

    def test_nested_dash_prints_as_a_dash(self) -> None:
        blocks = parse_body("- Bộ Nội vụ;\n  - Vụ Tổ chức;\n    - Phòng Một.")
        assert [b.text for b in blocks] == ["- Bộ Nội vụ;", "- Vụ Tổ chức;", "- Phòng Một."]

    @pytest.mark.parametrize("marker", ["-", "1.", "2)", "- - -", "* * *", "+", "*"])
    def test_a_line_of_only_a_marker_stays_its_own_paragraph(self, marker: str) -> None:
        blocks = parse_body(f"Trước.\n{marker}\nSau.")
        assert [b.text for b in blocks] == ["Trước.", marker, "Sau."]
        assert blocks[1].kind is BlockKind.PARAGRAPH

    def test_numbered_lines_are_still_khoan(self) -> None:
        clause = one("1. Phạm vi điều chỉnh")
        assert (clause.kind, clause.label, clause.text) == (
            BlockKind.CLAUSE,
            "1.",
            "Phạm vi điều chỉnh",
        )

    def test_emphasis_inside_a_dash_item(self) -> None:
        assert one("- Hạn **20/3**").spans == [Span("- Hạn "), Span("20/3", bold=True)]

    def test_deeply_nested_emphasis_keeps_every_word(self) -> None:
        text = "".join(f"*từ{i} " for i in range(40)) + "cuối" + "*" * 40
        shown = one(text).text
        assert all(f"từ{i}" in shown for i in range(40)) and "cuối" in shown
