"""Header names that do not fit one line are broken evenly, as a văn thư breaks them."""

from __future__ import annotations

from drafter.app.compose import compose
from drafter.core.letter import Issuer
from drafter.layout import metrics
from drafter.layout.model import Table
from drafter.layout.units import mm, pt
from tests.sample_letters import cong_van


def test_a_long_name_is_broken_into_even_lines_not_greedily() -> None:
    name = "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG"
    greedy = metrics.wrap(name, pt(13), mm(65), bold=True)
    assert greedy == ["ỦY BAN NHÂN DÂN THÀNH", "PHỐ ĐÀ NẴNG"]
    assert metrics.balanced_wrap(name, pt(13), mm(65), bold=True) == [
        "ỦY BAN NHÂN DÂN",
        "THÀNH PHỐ ĐÀ NẴNG",
    ]


def test_balanced_lines_keep_the_line_count_and_fit() -> None:
    name = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH LÂM ĐỒNG"
    lines = metrics.balanced_wrap(name, pt(13), mm(65), bold=True)
    assert len(lines) == len(metrics.wrap(name, pt(13), mm(65), bold=True))
    assert " ".join(lines) == name
    widths = [metrics.text_width(line, pt(13), bold=True) for line in lines]
    assert max(widths) <= mm(65)
    greedy = metrics.wrap(name, pt(13), mm(65), bold=True)
    assert max(widths) <= max(metrics.text_width(g, pt(13), bold=True) for g in greedy)


def test_a_name_that_fits_stays_on_one_line() -> None:
    assert metrics.balanced_wrap("SỞ TÀI CHÍNH", pt(13), mm(65), bold=True) == ["SỞ TÀI CHÍNH"]


def test_the_header_prints_the_parent_body_on_balanced_lines() -> None:
    letter = cong_van(
        issuer=Issuer(
            parent=["Ủy ban nhân dân thành phố Đà Nẵng"],
            name=["Sở Tài chính"],
            abbreviation="STC",
            unit="NS",
        )
    )
    header = compose(letter).sections[0].blocks[0]
    assert isinstance(header, Table)
    texts = [p.text for p in header.rows[0].cells[0].blocks if p.role == "parent"]
    assert texts == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ ĐÀ NẴNG"]


def test_a_centred_line_is_bold_only_when_it_is_a_heading() -> None:
    from drafter.layout.model import Paragraph

    letter = cong_van(body="# Tiêu đề đậm\n## Dòng giữa thường\nNội dung.")
    blocks = [b for b in compose(letter).sections[0].blocks if isinstance(b, Paragraph)]
    centred = {b.text: all(r.bold for r in b.runs) for b in blocks if b.role == "centered"}
    assert centred == {"Tiêu đề đậm": True, "Dòng giữa thường": False}


def test_the_appendix_reference_names_the_issuer_when_its_prose_name_is_known() -> None:
    from drafter.core.letter import Appendix
    from drafter.layout.model import Paragraph

    issuer = Issuer(name=["SỞ TÀI CHÍNH"], prose_name="Sở Tài chính", abbreviation="STC")
    letter = cong_van(issuer=issuer, appendices=[Appendix(title="Danh sách", body="Nội dung")])
    appendix = compose(letter).sections[1].blocks
    reference = next(
        b for b in appendix if isinstance(b, Paragraph) and b.role == "appendix_reference"
    )
    assert reference.text.startswith("(Kèm theo Công văn số")
    assert reference.text.endswith("của Sở Tài chính)")


def test_a_name_typed_in_normal_case_serves_as_the_name_in_sentences() -> None:
    assert Issuer(name=["Sở Nội vụ"]).name_in_sentence == "Sở Nội vụ"
    assert Issuer(name=["SỞ NỘI VỤ"]).name_in_sentence == ""
    assert Issuer(name=["SỞ NỘI VỤ"], prose_name="Sở Nội vụ").name_in_sentence == "Sở Nội vụ"
