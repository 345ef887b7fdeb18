"""Layout settings: the defaults of nd30 §12 and the legal ranges of Appendix I."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest
from sample_letters import cong_van

from drafter.app.compose import compose
from drafter.layout.model import Paragraph, Table
from drafter.layout.settings import DEFAULT, RANGES, LayoutSettings, check


def test_defaults_are_legal_and_the_recommended_ones() -> None:
    assert check(DEFAULT) == []
    assert (DEFAULT.quoc_hieu_size, DEFAULT.tieu_ngu_size, DEFAULT.issuer_size,
            DEFAULT.date_size) == (13, 14, 13, 14)
    assert (DEFAULT.title_size, DEFAULT.body_size, DEFAULT.vv_size) == (14, 14, 12)
    assert DEFAULT.number_size == 13  # "exactly 13" for ô 3


def test_every_setting_has_a_range() -> None:
    assert {f.name for f in fields(LayoutSettings)} == set(RANGES)


@pytest.mark.parametrize(("name", "value"), [
    ("margin_left", 25), ("margin_right", 21), ("margin_top", 26), ("body_size", 15),
    ("number_size", 14), ("line_spacing", 1.6), ("quoc_hieu_size", 14), ("rule_share", 0.6),
    ("rule_share", 0.3),
])
def test_out_of_range_is_refused(name: str, value: float) -> None:
    problems = check(replace(DEFAULT, **{name: value}))
    assert [p.field for p in problems] == [f"settings.{name}"]


def test_first_line_indent_is_one_or_1_27_cm() -> None:
    assert check(replace(DEFAULT, first_line_indent_cm=1.0)) == []
    assert [p.field for p in check(replace(DEFAULT, first_line_indent_cm=1.1))] == [
        "settings.first_line_indent_cm"]


def test_settings_reach_the_page() -> None:
    settings = replace(DEFAULT, margin_left=35, margin_right=20, margin_top=25,
                       margin_bottom=25, body_size=13, first_line_indent_cm=1.0)
    document = compose(cong_van(), settings=settings)
    page = document.sections[0].page
    assert (round(page.margin_left.mm), round(page.margin_right.mm),
            round(page.margin_top.mm), round(page.margin_bottom.mm)) == (35, 20, 25, 25)
    body = [b for b in document.sections[0].blocks
            if isinstance(b, Paragraph) and b.role == "body"]
    assert body and all(p.size.pt == 13 for p in body)
    assert all(p.first_line.mm == pytest.approx(10) for p in body)
    header = next(b for b in document.sections[0].blocks
                  if isinstance(b, Table) and b.role == "header")
    assert sum(header.columns) <= page.text_width
