"""The display lines the layout chooses (issue 9): between phrases, names whole, no
line starting with a dash, the user's breaks and no-break spaces honoured, and every
line narrower than its column so that no writer re-wraps it."""

from __future__ import annotations

import pytest
from document_paragraphs import body_paragraphs
from sample_letters import cong_van

from drafter.app.compose import compose
from drafter.core.letter import Appendix, Issuer, Signature
from drafter.layout import metrics
from drafter.layout.build.common import KINH_GUI_DASH_INDENT, KINH_GUI_INDENT
from drafter.layout.linebreak import NEVER, break_lines, break_penalty
from drafter.layout.model import Document, Paragraph
from drafter.layout.units import Length, mm, pt


def paragraphs(document: Document, role: str) -> list[Paragraph]:
    return [paragraph for paragraph in body_paragraphs(document) if paragraph.role == role]


def lines(paragraph: Paragraph) -> list[str]:
    return paragraph.text.split("\n")


LONG_VV = (
    "trả lời Công văn số 125/UBND-VX ngày 10 tháng 3 năm 2026 về việc tăng cường "
    "hợp tác giữa các địa phương Việt Nam - Pháp của thành phố Cần Thơ"
)


class TestPenalties:
    def test_a_dash_never_starts_a_line(self) -> None:
        words = ["PHÒNG", "TÀI", "CHÍNH", "-", "KẾ", "HOẠCH"]
        assert break_penalty(words, words.index("-"), capitals=True) == NEVER

    def test_a_break_inside_a_name_costs_more_than_before_a_phrase(self) -> None:
        words = ["hợp", "tác", "giữa", "Việt", "Nam", "và", "Pháp"]
        inside = break_penalty(words, words.index("Nam"), capitals=False)
        before = break_penalty(words, words.index("và"), capitals=False)
        assert inside > before


class TestChosenLines:
    def test_issuer_never_breaks_before_the_dash(self) -> None:
        lines_ = break_lines("PHÒNG TÀI CHÍNH - KẾ HOẠCH", pt(13), mm(65), bold=True)
        assert len(lines_) == 2
        assert not any(line.startswith("-") for line in lines_)
        assert "TÀI CHÍNH - KẾ HOẠCH" in lines_ or lines_[0].endswith("-")

    def test_long_title_breaks_between_phrases(self) -> None:
        assert break_lines(
            "CỤC TRƯỞNG CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC", pt(14), mm(100), bold=True
        ) == ["CỤC TRƯỞNG", "CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC"]

    def test_names_stay_whole(self) -> None:
        for width in range(55, 120, 5):
            for line in break_lines(f"V/v {LONG_VV}", pt(12), mm(width)):
                assert not line.endswith(("Việt", "Cần", "Người")), (width, line)
                assert not line.startswith(("Nam", "Thơ", "- ")), (width, line)

    def test_the_users_break_is_kept(self) -> None:
        assert break_lines("CỤC TRƯỞNG CỤC\nVĂN THƯ", pt(14), mm(100), bold=True) == [
            "CỤC TRƯỞNG CỤC",
            "VĂN THƯ",
        ]

    def test_no_break_at_a_no_break_space(self) -> None:
        text = "V/v đề nghị hỗ trợ kinh phí cho Báo Người\u00a0Hà\u00a0Nội năm 2026"
        for width in range(40, 100, 3):
            for line in break_lines(text, pt(12), mm(width)):
                assert not line.startswith(("Hà", "Nội")), (width, line)

    def test_every_line_fits_its_column(self) -> None:
        for width in (40, 65, 100):
            for line in break_lines(f"V/v {LONG_VV}", pt(12), mm(width)):
                if " " in line:
                    assert metrics.text_width(line, pt(12)) <= mm(width)


class TestLettersLaidOut:
    def test_vv_lines_are_explicit_and_fit_the_left_column(self) -> None:
        document = compose(cong_van(subject=LONG_VV))
        [vv] = paragraphs(document, "vv")
        assert len(lines(vv)) >= 3
        assert lines(vv)[0].startswith("V/v trả lời")
        for line in lines(vv):
            assert metrics.text_width(line, vv.size) < mm(65)
            assert not line.endswith(("Việt", "Cần")) and not line.startswith("- ")

    def test_subject_typed_with_vv_is_printed_once(self) -> None:
        document = compose(cong_van(subject="V/v tăng cường công tác phòng, chống dịch"))
        [vv] = paragraphs(document, "vv")
        assert vv.text.replace("\n", " ") == "V/v tăng cường công tác phòng, chống dịch"

    def test_issuer_phong_tai_chinh_ke_hoach(self) -> None:
        issuer = Issuer(
            name=["PHÒNG TÀI CHÍNH - KẾ HOẠCH"],
            parent=["ỦY BAN NHÂN DÂN", "HUYỆN GIA LÂM"],
            abbreviation="TCKH",
        )
        document = compose(cong_van(issuer=issuer))
        names = [p.text for p in paragraphs(document, "issuer")]
        assert all(not name.startswith("-") for name in names), names

    def test_three_line_authority_chain(self) -> None:
        signature = Signature(
            authority=["TM. ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "kt chủ tịch"],
            title="CỤC TRƯỞNG CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC",
            name="Nguyễn Văn An",
        )
        document = compose(cong_van(signatures=[signature]))
        printed = [lines(p) for p in paragraphs(document, "signature_line")]
        assert printed[1] == ["KT. CHỦ TỊCH"]
        assert printed[2] == ["CỤC TRƯỞNG", "CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC"]
        assert printed[0][-1].endswith("CẦN THƠ") and len(printed[0]) == 2

    def test_appendix_title_breaks_between_phrases(self) -> None:
        appendix = Appendix(
            title="Danh sách các đơn vị tham gia chương trình hợp tác giữa "
            "các địa phương Việt Nam - Pháp giai đoạn 2026-2030",
            body="Nội dung.",
        )
        document = compose(cong_van(appendices=[appendix]))
        [title] = paragraphs(document, "appendix_title")
        assert len(lines(title)) == 2
        assert not lines(title)[1].startswith(("NAM", "- "))


class TestKinhGui:
    RECIPIENTS = (
        "Ủy ban nhân dân các quận, huyện của thành phố Cần Thơ",
        "Báo Người Hà Nội, Báo Cần Thơ và Đài Phát thanh và Truyền hình thành phố",
        "Sở Văn hóa, Thể thao và Du lịch",
    )

    def test_dashes_sit_where_mau_1_5_puts_them(self) -> None:
        document = compose(cong_van(kinh_gui=list(self.RECIPIENTS)))
        [label] = paragraphs(document, "kinh_gui")
        items = paragraphs(document, "kinh_gui_item")
        assert label.indent_left == KINH_GUI_INDENT == mm(35)
        for item in items:
            assert item.indent_left + item.first_line == KINH_GUI_DASH_INDENT == mm(45)

    def test_no_lone_word_and_names_whole(self) -> None:
        document = compose(cong_van(kinh_gui=list(self.RECIPIENTS)))
        items = paragraphs(document, "kinh_gui_item")
        assert [i.text.replace("\n", " ") for i in items] == [
            f"- {self.RECIPIENTS[0]};",
            f"- {self.RECIPIENTS[1]};",
            f"- {self.RECIPIENTS[2]}.",
        ]
        room = Length(document.sections[0].page.text_width - mm(45))
        for item in items:
            item_lines = lines(item)
            for line in item_lines:
                assert metrics.text_width(line, item.size) < room
            if len(item_lines) > 1:
                assert " " in item_lines[-1], item_lines  # no lone "phố;"
            assert not any(line.startswith(("Hà Nội", "Thơ")) for line in item_lines)

    @pytest.mark.parametrize("label", ["kinh_gui", "dong_kinh_gui"])
    def test_one_recipient_stands_as_written(self, label: str) -> None:
        # A trailing ";" or "." typed by the user is a list's punctuation: not kept.
        document = compose(cong_van(kinh_gui=["Bộ Nội vụ;"], dong_kinh_gui=["Bộ Tài chính."]))
        [line] = paragraphs(document, label)
        assert line.text.endswith((": Bộ Nội vụ", ": Bộ Tài chính"))
