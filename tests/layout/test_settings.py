"""Layout settings: declared once (default, range, unit, label), the defaults of nd30 §12
and the legal ranges of Appendix I; every one of them changes the document."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

import pytest
from sample_letters import cong_van, long_cong_van_with_appendix

from drafter.app.compose import compose
from drafter.layout.model import Paragraph, Role, Table
from drafter.layout.settings import DEFAULT, RANGES, SPECS, LayoutSettings, SettingSpec, check
from drafter.render import docx_writer


def test_defaults_are_legal_and_the_recommended_ones() -> None:
    assert check(DEFAULT) == []
    assert (
        DEFAULT.quoc_hieu_size,
        DEFAULT.tieu_ngu_size,
        DEFAULT.issuer_size,
        DEFAULT.date_size,
    ) == (13, 14, 13, 14)
    assert (DEFAULT.title_size, DEFAULT.body_size, DEFAULT.vv_size) == (14, 14, 12)


def test_the_number_is_13_pt_and_no_setting() -> None:
    """Ô 3 is "exactly 13": a setting that could only hold 13 would change nothing."""
    assert not any("number" in name for name in SPECS)
    header = next(
        b
        for b in compose(cong_van()).sections[0].blocks
        if isinstance(b, Table) and b.role is Role.HEADER
    )
    number = next(
        p
        for row in header.rows
        for cell in row.cells
        for p in cell.blocks
        if isinstance(p, Paragraph) and p.role is Role.NUMBER
    )
    assert number.size.pt == 13


def test_every_field_is_declared_once_with_its_default_range_unit_and_label() -> None:
    assert list(SPECS) == [f.name for f in fields(LayoutSettings)]
    assert set(RANGES) == set(SPECS)
    for spec in fields(LayoutSettings):
        declared = SPECS[spec.name]
        assert declared.name == spec.name and declared.default == spec.default
        assert declared.low <= declared.default <= declared.high, spec.name
        assert declared.low < declared.high, f"{spec.name} could never change anything"
        assert declared.label and declared.unit.label, spec.name
        assert declared.problem(declared.default) is None
        assert all(declared.low <= c <= declared.high for c in declared.choices)


def _other_legal_value(spec: SettingSpec) -> float:
    """A legal value as far from the default as the declaration allows."""
    candidates = spec.choices or (spec.low, spec.high)
    return max(candidates, key=lambda value: abs(value - spec.default))


@pytest.mark.parametrize("name", list(SPECS))
def test_every_setting_changes_the_docx(name: str) -> None:
    letter = long_cong_van_with_appendix()  # header, V/v, body, closing and an appendix
    value = _other_legal_value(SPECS[name])
    changed = replace(DEFAULT, **{name: value})
    assert check(changed) == []
    before = docx_writer.to_bytes(compose(letter))
    after = docx_writer.to_bytes(compose(letter, settings=changed))
    assert after != before, f"{name} = {value:g} does not change the document"


def _header(settings: LayoutSettings) -> tuple[Table, int]:
    document = compose(cong_van(), settings=settings)
    header = next(
        b for b in document.sections[0].blocks if isinstance(b, Table) and b.role is Role.HEADER
    )
    return header, document.sections[0].page.text_width


@pytest.mark.parametrize("right", [90, 95, 110])
def test_the_header_right_column_is_the_one_set(right: float) -> None:
    header, text_width = _header(replace(DEFAULT, header_right_mm=right))
    left, right_width = header.columns
    assert sum(header.columns) <= text_width
    if right <= 100:  # 65 + right fits in the 165 mm of text: as set, against the right margin
        assert (round(left.mm, 3), round(right_width.mm, 3)) == (65, right)
        assert header.indent + sum(header.columns) == text_width
    else:  # wider than the text: both shrink in proportion
        assert left.mm / right_width.mm == pytest.approx(65 / right, rel=1e-4)
        assert sum(header.columns) == text_width and header.indent == 0
    rule = next(p for p in header.rows[0].cells[1].blocks if p.role is Role.TIEU_NGU_RULE)
    # The Tiêu ngữ's line is centred in the column as set.
    assert rule.indent_left > 0 and abs(rule.indent_left - rule.indent_right) <= 1


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("margin_left", 25),
        ("margin_right", 21),
        ("margin_top", 26),
        ("body_size", 15),
        ("date_size", 15),
        ("line_spacing", 1.6),
        ("quoc_hieu_size", 14),
        ("rule_share", 0.6),
        ("rule_share", 0.3),
    ],
)
def test_out_of_range_is_refused(name: str, value: float) -> None:
    problems = check(replace(DEFAULT, **{name: value}))
    assert [p.field for p in problems] == [f"settings.{name}"]


def test_first_line_indent_is_one_or_1_27_cm() -> None:
    assert check(replace(DEFAULT, first_line_indent_cm=1.0)) == []
    assert [p.field for p in check(replace(DEFAULT, first_line_indent_cm=1.1))] == [
        "settings.first_line_indent_cm"
    ]


def test_settings_reach_the_page() -> None:
    settings = replace(
        DEFAULT,
        margin_left=35,
        margin_right=20,
        margin_top=25,
        margin_bottom=25,
        body_size=13,
        first_line_indent_cm=1.0,
    )
    document = compose(cong_van(), settings=settings)
    page = document.sections[0].page
    assert (
        round(page.margin_left.mm),
        round(page.margin_right.mm),
        round(page.margin_top.mm),
        round(page.margin_bottom.mm),
    ) == (35, 20, 25, 25)
    body = [b for b in document.sections[0].blocks if isinstance(b, Paragraph) and b.role == "body"]
    assert body and all(p.size.pt == 13 for p in body)
    assert all(p.first_line.mm == pytest.approx(10) for p in body)
    header = next(
        b for b in document.sections[0].blocks if isinstance(b, Table) and b.role is Role.HEADER
    )
    assert sum(header.columns) <= page.text_width


def test_a_preferences_file_from_before_keeps_its_settings(tmp_path: Path) -> None:
    """A file saved when the number size was a setting still loads: the key is ignored,
    the others are read."""
    from drafter import settings

    path = tmp_path / "preferences.toml"
    path.write_text("[layout]\nnumber_size = 13.0\nheader_right_mm = 95.0\n", encoding="utf-8")
    layout = settings.load(path).layout
    assert layout.header_right_mm == 95
    assert layout == replace(DEFAULT, header_right_mm=95)
