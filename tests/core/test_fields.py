"""Form fields: each kind's coercion, and the problems it reports."""

from __future__ import annotations

import datetime as dt

import pytest

from drafter.core.fields import FieldKind, FieldSpec, coerce_date

pytestmark = pytest.mark.usefixtures("english")


def coerce(kind: FieldKind, value: object, **options: object) -> tuple[object, list[str]]:
    spec = FieldSpec(id="x", label="X", kind=kind, **options)  # type: ignore[arg-type]
    cleaned, problems = spec.coerce(value, "fields.x")
    assert all(p.field == "fields.x" for p in problems)
    return cleaned, [p.message for p in problems]


class TestText:
    def test_cleaned_to_one_line(self) -> None:
        assert coerce(FieldKind.TEXT, " Sở\x0bNội\x00 vụ ") == ("Sở Nội vụ", [])

    def test_numbers_become_text(self) -> None:
        assert coerce(FieldKind.TEXT, 12) == ("12", [])

    def test_list_is_refused(self) -> None:
        assert coerce(FieldKind.TEXT, ["a"]) == ("", ["must be text"])

    def test_required_is_asked_of_the_content_not_of_the_reading(self) -> None:
        # A draft read from its file or its form may still lack a required field: reading
        # takes it as empty; the content check (check_letter) says it is required.
        assert coerce(FieldKind.TEXT, "", required=True) == ("", [])
        spec = FieldSpec(id="x", label="X", kind=FieldKind.TEXT, required=True)
        cleaned, _problems = spec.coerce("\x00 ", "fields.x")
        assert spec.is_missing(cleaned)
        assert spec.is_missing("") and spec.is_missing("  ") and spec.is_missing(None)
        assert not spec.is_missing("Hội nghị")
        assert not FieldSpec(id="y", label="Y").is_missing("")

    def test_default_fills_empty(self) -> None:
        assert coerce(FieldKind.TEXT, None, default="Hà Nội") == ("Hà Nội", [])


def test_multiline_keeps_lines() -> None:
    assert coerce(FieldKind.MULTILINE, "\nmột\r\nhai\x0c\n") == ("một\nhai", [])


def test_markdown_keeps_markup() -> None:
    assert coerce(FieldKind.MARKDOWN, "**đậm** và *nghiêng*") == ("**đậm** và *nghiêng*", [])


class TestLines:
    def test_list(self) -> None:
        assert coerce(FieldKind.LINES, ["Căn cứ A", " ", "Căn cứ\x0bB"]) == (
            ["Căn cứ A", "Căn cứ B"],
            [],
        )

    def test_text_is_split(self) -> None:
        assert coerce(FieldKind.LINES, "A\nB\n\n") == (["A", "B"], [])

    def test_wrong_items(self) -> None:
        assert coerce(FieldKind.LINES, ["A", 3]) == ([], ["must be a list of lines"])

    def test_empty_value_is_a_list(self) -> None:
        assert coerce(FieldKind.LINES, None) == ([], [])


class TestDate:
    @pytest.mark.parametrize(
        "value",
        [
            "2026-01-05",
            "05/01/2026",
            "05-01-2026",
            "05.01.2026",
            dt.date(2026, 1, 5),
            dt.datetime(2026, 1, 5, 9, 30),
        ],
    )
    def test_accepted_forms(self, value: object) -> None:
        assert coerce(FieldKind.DATE, value) == (dt.date(2026, 1, 5), [])

    @pytest.mark.parametrize("value", ["31/02/2026", "hôm nay", 20260105, "2026/13/01"])
    def test_refused(self, value: object) -> None:
        cleaned, problems = coerce(FieldKind.DATE, value)
        assert cleaned is None
        assert len(problems) == 1 and "not a date" in problems[0]

    def test_coerce_date_empty(self) -> None:
        assert coerce_date("", "date") == (None, [])
        assert coerce_date(None, "date") == (None, [])


class TestInteger:
    def test_values(self) -> None:
        assert coerce(FieldKind.INTEGER, 3) == (3, [])
        assert coerce(FieldKind.INTEGER, "42") == (42, [])

    def test_sign_and_spaces(self) -> None:
        assert coerce(FieldKind.INTEGER, " -7 ") == (-7, [])
        assert coerce(FieldKind.INTEGER, 999_999_999) == (999_999_999, [])

    # Superscript, Arabic-Indic and fullwidth digits pass int() and str.isdigit() but
    # print oddly; thousands of digits make int() itself raise.
    @pytest.mark.parametrize(
        "value",
        [
            "ba",
            True,
            1.5,
            ["1"],
            "²",
            "\u0663",
            "\uff11\uff12",
            "1_000",
            10**9,
            -(10**9),
            "9" * 5000,
            2**63,
        ],
    )
    def test_refused(self, value: object) -> None:
        cleaned, problems = coerce(FieldKind.INTEGER, value)
        assert cleaned is None
        assert problems == [
            "must be a whole number from -999 999 999 to 999 999 999, written in the digits 0-9"
        ]


def test_choice() -> None:
    choices = ("sáng", "chiều")
    assert coerce(FieldKind.CHOICE, "sáng", choices=choices) == ("sáng", [])
    value, problems = coerce(FieldKind.CHOICE, "tối", choices=choices)
    assert value == "tối"
    assert problems == ["must be one of: sáng, chiều"]
