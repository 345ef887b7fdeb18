"""The printed page, as LibreOffice lays it out, against every rule of Appendix I.

All measures are in millimetres from the top left corner of the page; tolerances are
those the brief sets (±0.5 mm for rules, ±0.3 mm for the Số/date baseline).
"""

from __future__ import annotations

import pytest

from drafter.core.doctypes import HeaderStyle
from drafter.layout.build import QUOC_HIEU, TIEU_NGU
from drafter.layout.settings import DEFAULT
from libreoffice.pdf_pages import Page, Rendered, shipped_registry

pytestmark = pytest.mark.libreoffice

REGISTRY = shipped_registry()
ALL_TYPES = sorted(REGISTRY.ids())
STANDARD = [t for t in ALL_TYPES if REGISTRY.get(t).header is HeaderStyle.STANDARD]
WITH_ISSUER_RULE = [t for t in ALL_TYPES if REGISTRY.get(t).header is not HeaderStyle.APPENDIX]
NUMBER_AND_DATE = [t for t in STANDARD if REGISTRY.get(t).has_number and REGISTRY.get(t).has_date]
ONE_SIGNATURE = [t for t in WITH_ISSUER_RULE if REGISTRY.get(t).signatures == 1]

LEFT, RIGHT = DEFAULT.margin_left, 210 - DEFAULT.margin_right
TOP, BOTTOM = DEFAULT.margin_top, 297 - DEFAULT.margin_bottom


def first_page(rendered: dict[str, Rendered], name: str) -> Page:
    return rendered[name].pages[0]


@pytest.mark.parametrize("name", ALL_TYPES)
def test_page_is_a4_and_text_stays_inside_the_margins(
    rendered: dict[str, Rendered], name: str
) -> None:
    for number, page in enumerate(rendered[name].pages, start=1):
        assert page.width == pytest.approx(210, abs=0.2)
        assert page.height == pytest.approx(297, abs=0.2)
        body = [s for s in page.spans if TOP - 1 < s.baseline < BOTTOM]
        assert body, f"page {number} is empty"
        assert min(s.x0 for s in body) >= LEFT - 0.3, (number, min(body, key=lambda s: s.x0))
        assert max(s.x1 for s in body) <= RIGHT + 0.3, (number, max(body, key=lambda s: s.x1))
        assert min(s.y0 for s in page.spans) >= 10 - 0.5  # header distance at the least


@pytest.mark.parametrize("name", ALL_TYPES)
def test_only_times_or_liberation_serif(rendered: dict[str, Rendered], name: str) -> None:
    allowed = {
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
        "TimesNewRomanPSMT",
        "TimesNewRomanPS-BoldMT",
        "TimesNewRomanPS-ItalicMT",
        "TimesNewRomanPS-BoldItalicMT",
    }
    for page in rendered[name].pages:
        assert set(page.fonts) <= allowed, page.fonts
        assert {s.font.split("+")[-1] for s in page.spans} <= allowed | {
            "LiberationSerif-BoldItal"
        }  # PyMuPDF cuts long names in spans


@pytest.mark.parametrize("name", STANDARD)
def test_quoc_hieu_and_tieu_ngu(rendered: dict[str, Rendered], name: str) -> None:
    page = first_page(rendered, name)
    quoc_hieu, tieu_ngu = page.find(QUOC_HIEU), page.find(TIEU_NGU)
    assert quoc_hieu.bold and quoc_hieu.size == pytest.approx(13, abs=0.05)
    assert tieu_ngu.bold and tieu_ngu.size == pytest.approx(14, abs=0.05)
    assert not quoc_hieu.italic and not tieu_ngu.italic
    assert tieu_ngu.y0 > quoc_hieu.y0  # under it, centred with it
    assert abs(tieu_ngu.centre - quoc_hieu.centre) <= 0.5
    assert quoc_hieu.y0 < 35  # top of page 1, in the right block
    assert quoc_hieu.x0 > 90


@pytest.mark.parametrize("name", STANDARD)
def test_tieu_ngu_rule_as_long_as_the_text(rendered: dict[str, Rendered], name: str) -> None:
    page = first_page(rendered, name)
    tieu_ngu = page.find(TIEU_NGU)
    rule = page.rule_under(tieu_ngu)
    assert rule.width == pytest.approx(tieu_ngu.width, abs=0.5)
    assert rule.centre == pytest.approx(tieu_ngu.centre, abs=0.5)
    assert rule.y - tieu_ngu.y1 < 3


@pytest.mark.parametrize("name", WITH_ISSUER_RULE)
def test_issuer_rule_a_third_to_a_half_of_the_issuer(
    rendered: dict[str, Rendered], name: str
) -> None:
    issuer_lines = [line.upper() for line in rendered[name].letter.issuer.name]
    # A copy (Mẫu 3.1) prints its block after the copied text: look on every page.
    for page in rendered[name].pages:
        issuer = [
            s
            for s in page.spans
            if s.bold and s.x1 < 105 and any(s.text.strip() in line for line in issuer_lines)
        ]
        if issuer:
            break
    assert issuer, issuer_lines
    widest = max(s.width for s in issuer)
    rule = page.rule_under(max(issuer, key=lambda s: s.y1))
    share = rule.width / widest
    assert 1 / 3 - 0.01 <= share <= 1 / 2 + 0.01, share
    centre = (min(s.x0 for s in issuer) + max(s.x1 for s in issuer)) / 2
    assert rule.centre == pytest.approx(centre, abs=0.5)


@pytest.mark.parametrize("name", [*NUMBER_AND_DATE, "long_date"])
def test_so_and_date_share_a_baseline(rendered: dict[str, Rendered], name: str) -> None:
    page = first_page(rendered, name)
    number = page.starting("Số:")[0]  # the first: the header's, not one in the body
    date = next(s for s in page.spans if ", ngày " in s.text)
    assert number.size == pytest.approx(13, abs=0.05) and not number.bold
    assert date.italic and 13 <= date.size <= 14.05
    assert abs(number.baseline - date.baseline) <= 0.3, (number.baseline, date.baseline)
    assert number.x1 < date.x0  # Số on the left, the date on the right


def test_long_date_line_drops_to_13_pt_and_stays_on_one_line(rendered: dict[str, Rendered]) -> None:
    page = first_page(rendered, "long_date")
    [date] = [s for s in page.spans if ", ngày " in s.text]
    assert date.text.strip() == "Thành phố Hồ Chí Minh, ngày 29 tháng 12 năm 2020"
    assert date.size == pytest.approx(13, abs=0.05)
    quoc_hieu = page.find(QUOC_HIEU)
    assert date.centre == pytest.approx(quoc_hieu.centre, abs=1)


@pytest.mark.parametrize("name", ONE_SIGNATURE)
def test_noi_nhan_level_with_the_first_signature_line(
    rendered: dict[str, Rendered], name: str
) -> None:
    rendered_letter = rendered[name]
    first_line = rendered_letter.letter.signatures[0].lines[0].upper()
    for page in reversed(rendered_letter.pages):
        labels = page.starting("Nơi nhận")
        if labels:
            break
    [label] = labels
    assert label.bold and label.italic and label.size == pytest.approx(12, abs=0.05)
    assert label.x0 == pytest.approx(LEFT, abs=0.5)  # flush left
    authority = [s for s in page.spans if s.text.strip() == first_line]
    assert authority, (first_line, [s.text for s in page.spans])
    assert abs(label.baseline - authority[0].baseline) <= 0.5
    items = [s for s in page.spans if s.text.startswith("- ") and s.x0 < 100 and s.y0 > label.y0]
    assert items and all(s.size == pytest.approx(11, abs=0.05) for s in items)
    assert any(s.text.startswith("- Lưu: VT") and s.text.rstrip().endswith(".") for s in items)


@pytest.mark.parametrize("name", [*ALL_TYPES, "long"])
def test_no_page_number_on_page_one(rendered: dict[str, Rendered], name: str) -> None:
    page = first_page(rendered, name)
    assert not [s for s in page.spans if s.y1 < TOP and s.text.strip().isdigit()]


def test_page_number_centred_at_the_top_from_page_two(rendered: dict[str, Rendered]) -> None:
    pages = rendered["long"].pages
    main_pages = [p for p in pages if not p.starting("Phụ lục")]
    assert len(main_pages) >= 2, "the long letter must run over two pages"
    for number, page in enumerate(main_pages[1:], start=2):
        [mark] = [s for s in page.spans if s.y1 < TOP]
        assert mark.text.strip() == str(number)
        assert 13 <= mark.size <= 14.05 and not mark.bold and not mark.italic
        assert mark.centre == pytest.approx((LEFT + RIGHT) / 2, abs=1)


def test_address_footer_on_page_one_only(rendered: dict[str, Rendered]) -> None:
    pages = rendered["long"].pages
    footer = [s for s in pages[0].spans if s.y0 > BOTTOM]
    assert footer and footer[0].text.startswith("Địa chỉ: 23 Quang Trung")
    assert all(s.size == pytest.approx(11, abs=0.05) for s in footer)
    line = [h for h in pages[0].hlines if h.y > BOTTOM - 5 and h.y < footer[0].y0]
    assert line and line[0].width == pytest.approx(RIGHT - LEFT, abs=0.5)
    for page in pages[1:]:
        assert not [s for s in page.spans if s.y0 > BOTTOM]


def test_appendix_starts_a_page_with_its_heading(rendered: dict[str, Rendered]) -> None:
    pages = rendered["long"].pages
    appendix = [p for p in pages if p.starting("Phụ lục")]
    assert len(appendix) == 1
    page = appendix[0]
    label = page.find("Phụ lục")
    assert label.bold and label.size == pytest.approx(14, abs=0.05)
    assert label.centre == pytest.approx((LEFT + RIGHT) / 2, abs=1)
    assert not [s for s in page.spans if s.y1 < TOP]  # its own page 1: no number


def test_body_justified_with_first_line_indent(rendered: dict[str, Rendered]) -> None:
    page = rendered["long"].pages[1]  # a page of body text only
    lines = [
        line
        for line in page.lines
        if line[0].size == pytest.approx(14, abs=0.05) and TOP < line[0].baseline < BOTTOM
    ]
    assert len(lines) > 10
    starts = [min(s.x0 for s in line) for line in lines]
    ends = [max(s.x1 for s in line) for line in lines]
    indented = [i for i, x in enumerate(starts) if x > LEFT + 5]
    assert indented, "no paragraph starts with a first-line indent"
    for i in indented:
        assert 10 - 0.3 <= starts[i] - LEFT <= 12.7 + 0.3, starts[i] - LEFT
    # Every line but a paragraph's last reaches the right margin: justified.
    for i in range(len(lines) - 1):
        if i + 1 not in indented:  # the next line continues this paragraph
            assert ends[i] == pytest.approx(RIGHT, abs=0.6), (lines[i][0].text, ends[i])
        assert starts[i] == pytest.approx(LEFT, abs=0.3) or i in indented


def test_kinh_gui_many_recipients(rendered: dict[str, Rendered]) -> None:
    page = first_page(rendered, "cong_van")
    label = page.find("Kính gửi:")
    items = [
        s
        for s in page.spans
        if s.text.startswith("- ") and s.y0 > label.y0 and s.y0 < label.y0 + 20
    ]
    assert len(items) == len(rendered["cong_van"].letter.kinh_gui)
    assert all(s.text.rstrip().endswith(";") for s in items[:-1])
    assert items[-1].text.rstrip().endswith(".")
    assert len({round(s.x0, 1) for s in items}) == 1  # the dashes line up
    assert label.x0 < items[0].x0 <= label.x1 + 0.3  # under the label, up to the colon


def test_vv_six_points_under_the_number(rendered: dict[str, Rendered]) -> None:
    page = first_page(rendered, "cong_van")
    number = page.starting("Số:")[0]
    [vv] = page.starting("V/v ")
    assert vv.size == pytest.approx(12, abs=0.05) and not vv.bold and not vv.italic
    # Baseline to baseline: the 12 pt line's height plus the 6 pt gap, within a point.
    gap_pt = (vv.baseline - number.baseline) * 72 / 25.4
    assert 6 + 12 <= gap_pt <= 6 + 12 * 1.25 + 1
    assert vv.centre == pytest.approx(number.centre, abs=3)


@pytest.mark.parametrize(
    ("label", "width"), [("HỎA TỐC", 30), ("MẬT", None), ("LƯU HÀNH NỘI BỘ", None)]
)
def test_marks_are_boxed(rendered: dict[str, Rendered], label: str, width: float | None) -> None:
    page = first_page(rendered, "marks")
    text = page.find(label)
    assert text.bold and 13 <= text.size <= 14.05
    above = [
        h
        for h in page.hlines
        if h.y < text.y0 and h.x0 < text.x0 and h.x1 > text.x1 and text.y0 - h.y < 6
    ]
    below = [
        h
        for h in page.hlines
        if h.y > text.y1 and h.x0 < text.x0 and h.x1 > text.x1 and h.y - text.y1 < 6
    ]
    assert above and below, page.hlines
    top, bottom = above[-1], below[0]
    assert bottom.y - top.y == pytest.approx(8, abs=0.5)
    if width is not None:
        assert top.width == pytest.approx(width, abs=0.5)
    assert top.centre == pytest.approx(text.centre, abs=0.5)
    if label == "LƯU HÀNH NỘI BỘ":
        assert top.y < page.find(QUOC_HIEU).y0  # above the header
        assert top.x1 == pytest.approx(RIGHT, abs=0.5)  # on the right
    else:
        assert top.y > page.starting("Số:")[0].y1  # in the left block under the number
        assert top.x1 < 105


WITH_TITLE = [t for t in STANDARD if REGISTRY.get(t).title]


@pytest.mark.parametrize("name", WITH_TITLE)
def test_type_name_and_summary_with_their_rule(rendered: dict[str, Rendered], name: str) -> None:
    doctype = rendered[name].doctype
    page = first_page(rendered, name)
    title = page.find(doctype.printed_title)
    assert title.bold and 13 <= title.size <= 14.05
    assert title.centre == pytest.approx((LEFT + RIGHT) / 2, abs=0.5)  # across the width
    rules = [
        h for h in page.hlines if title.y1 < h.y < title.y1 + 30 and h.width < RIGHT - LEFT - 1
    ]
    assert rules, page.hlines
    rule = rules[0]
    above = [s for s in page.spans if title.y0 <= s.y0 and s.y1 <= rule.y + 0.5]
    summary = [s for s in above if s is not title and s.bold] or [title]
    assert all(13 <= s.size <= 14.05 for s in summary)
    widest = max(s.width for s in summary)
    assert 1 / 3 - 0.01 <= rule.width / widest <= 1 / 2 + 0.01, rule.width / widest
    assert rule.centre == pytest.approx((LEFT + RIGHT) / 2, abs=0.5)


@pytest.mark.parametrize("name", ONE_SIGNATURE)
def test_signer_name_centred_under_the_position(rendered: dict[str, Rendered], name: str) -> None:
    signature = rendered[name].letter.signatures[0]
    for page in reversed(rendered[name].pages):
        names = [s for s in page.spans if s.text.strip() == signature.name]
        if names:
            break
    [signer] = names[-1:]
    position = [
        s for s in page.spans if s.text.strip() == signature.lines[-1].upper() and s.y1 < signer.y0
    ]
    assert position, signature.lines
    last_line = position[-1]
    assert signer.bold and 13 <= signer.size <= 14.05
    assert last_line.bold and 13 <= last_line.size <= 14.05
    assert signer.centre == pytest.approx(last_line.centre, abs=1)
    assert signer.y0 - last_line.y1 >= 20  # room for the signature and the seal


def test_body_line_spacing_and_paragraph_gap(rendered: dict[str, Rendered]) -> None:
    page = rendered["long"].pages[1]
    lines = [
        line
        for line in page.lines
        if line[0].size == pytest.approx(14, abs=0.05) and TOP < line[0].baseline < BOTTOM
    ]
    starts = [min(s.x0 for s in line) for line in lines]
    single = 14 * 1.15  # Times New Roman's single line at 14 pt, in points
    for i in range(1, len(lines)):
        step = (lines[i][0].baseline - lines[i - 1][0].baseline) * 72 / 25.4
        if starts[i] > LEFT + 5:  # a new paragraph: at least 6 pt between paragraphs
            assert single + 6 - 0.5 <= step <= single * 1.5 + 24 + 0.5, step
        else:  # within a paragraph: from single to 1.5 lines
            assert single - 0.5 <= step <= single * 1.5 + 0.5, step


def test_appendix_numbers_its_own_pages(rendered: dict[str, Rendered]) -> None:
    pages = rendered["long_appendix"].pages
    start = next(i for i, p in enumerate(pages) if p.starting("Phụ lục"))
    assert start >= 1 and len(pages) - start >= 2, "the appendix must run over two pages"
    assert not [s for s in pages[start].spans if s.y1 < TOP]  # its first page: no number
    for number, page in enumerate(pages[start + 1 :], start=2):  # then 2, 3… again
        [mark] = [s for s in page.spans if s.y1 < TOP]
        assert mark.text.strip() == str(number)
        assert mark.centre == pytest.approx((LEFT + RIGHT) / 2, abs=1)
        assert not [s for s in page.spans if s.y0 > BOTTOM]  # no ô 13 on them
