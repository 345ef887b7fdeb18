"""What a letter needs before it can be issued, checked against its type."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sample_letters import cong_van

from drafter.core.doctypes import HeaderStyle, Presence, SummaryStyle, default_registry
from drafter.core.letter import Appendix, Issuer, Letter, Signature
from drafter.core.validation import check_letter

pytestmark = pytest.mark.usefixtures("english")


def problem_fields(letter: Letter, **type_changes: object) -> list[str]:
    doctype = replace(default_registry().get(letter.type_id), **type_changes)  # type: ignore[arg-type]
    return [p.field for p in check_letter(letter, doctype)]


def test_complete_letter_has_no_problem() -> None:
    assert problem_fields(cong_van()) == []


def test_empty_letter_lists_every_problem() -> None:
    assert set(problem_fields(Letter(type_id="cong_van"))) == {
        "issuer.name",
        "issuer.abbreviation",
        "place",
        "subject",
        "kinh_gui",
        "body",
        "signatures",
    }


def test_written_symbol_needs_no_abbreviation() -> None:
    letter = cong_van(issuer=Issuer(name=["SỞ Y TẾ"]), symbol="SYT-VP")
    assert problem_fields(letter) == []


@pytest.mark.parametrize("year", [1900, 2500])
def test_implausible_year(year: int) -> None:
    assert problem_fields(cong_van(date=dt.date(year, 1, 1))) == ["date"]


def test_kinh_gui_refused_where_the_type_has_none() -> None:
    assert problem_fields(cong_van(), kinh_gui=Presence.NONE) == ["kinh_gui"]
    assert problem_fields(cong_van(kinh_gui=[]), kinh_gui=Presence.OPTIONAL) == []


def test_summary_not_needed_without_one() -> None:
    assert problem_fields(cong_van(subject=""), summary=SummaryStyle.NONE) == []


def test_signature_needs_position_and_name() -> None:
    letter = cong_van(signatures=[Signature()])
    assert problem_fields(letter) == ["signatures[1].title", "signatures[1].name"]


def test_type_with_two_signature_blocks() -> None:
    assert problem_fields(cong_van(), signatures=2) == ["signatures"]


def test_appendix_needs_a_title() -> None:
    letter = cong_van(appendices=[Appendix(title="Danh sách"), Appendix(body="x")])
    assert problem_fields(letter) == ["appendices[2].title"]


def test_appendix_type_needs_no_place_or_signature() -> None:
    letter = cong_van(place="", signatures=[])
    assert problem_fields(letter, header=HeaderStyle.APPENDIX) == []


def test_type_without_date_needs_no_place() -> None:
    assert problem_fields(cong_van(place=""), has_date=False) == []


# --- Hostile input: sizes, numbers and characters, whatever the way the letter was made


def problems_of(letter: Letter) -> list[tuple[str, str]]:
    doctype = default_registry().get(letter.type_id)
    return [(p.field, p.message) for p in check_letter(letter, doctype)]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"number": 10_000_000}, "number"),
        ({"number": 0}, "number"),
        ({"number": 2**63}, "number"),
        ({"copies": 3_000_000_000}, "noi_nhan.copies"),
        ({"copies": 10_001}, "noi_nhan.copies"),
    ],
)
def test_numbers_out_of_range(changes: dict[str, int], field: str) -> None:
    problems = problems_of(cong_van(**changes))
    assert [f for f, _ in problems] == [field]
    assert "whole number from 1 to" in problems[0][1]


def test_numbers_at_the_limits() -> None:
    assert problems_of(cong_van(number=9_999_999, copies=10_000)) == []


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        (
            {"body": ("x" * 99 + "\n") * 1_999 + "x" * 101},
            "body",
            "too long: 200 001 characters, at most 200 000",
        ),
        ({"body": "a\n" * 5_000}, "body", "too many lines: 5 001, at most 5 000"),
        ({"body": "| a |\n|---|\n" + "| x |\n" * 1_999}, "body", "table of 2 001 rows"),
        ({"subject": "v" * 2_001}, "subject", "too long: 2 001 characters, at most 2 000"),
        ({"kinh_gui": ["Sở"] * 101}, "kinh_gui", "too many entries: 101, at most 100"),
        ({"noi_nhan": ["Sở"] * 101}, "noi_nhan.lines", "too many entries: 101"),
        (
            {"appendices": [Appendix(title="P", body="| a |\n" * 2_001)]},
            "appendices[1].body",
            "table of 2 001 rows",
        ),
    ],
)
def test_sizes_beyond_the_limits(changes: dict[str, object], field: str, words: str) -> None:
    problems = problems_of(cong_van(**changes))
    assert [f for f, _ in problems] == [field]
    assert words in problems[0][1]


def test_sizes_at_the_limits() -> None:
    letter = cong_van(
        body=("x" * 99 + "\n") * 1_999 + "x" * 100, kinh_gui=["Sở"] * 100, subject="v" * 2_000
    )
    assert problems_of(letter) == []


def test_list_field_beyond_the_limit() -> None:
    letter = Letter(type_id="quyet_dinh", fields={"can_cu": ["Căn cứ"] * 501})
    doctype = default_registry().get("quyet_dinh")
    assert "fields.can_cu" in [p.field for p in check_letter(letter, doctype)]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"subject": "Về việc\u202e khen thưởng"}, "subject"),
        ({"body": "Nội dung\u2067 một"}, "body"),
        ({"kinh_gui": ["Sở Nội vụ", "Sở\u200f Y tế"]}, "kinh_gui[2]"),
        ({"signatures": [Signature(title="GIÁM ĐỐC", name="Lê\u2066 An")]}, "signatures[1].name"),
        ({"issuer": Issuer(name=["SỞ Y TẾ"], abbreviation="SYT\uf0b7")}, "issuer.abbreviation"),
        ({"appendices": [Appendix(title="Danh sách", body="\ue000 Mục")]}, "appendices[1].body"),
    ],
)
def test_unsafe_characters_typed_in_a_form_are_reported(
    changes: dict[str, object], field: str
) -> None:
    # The form cleans text as the file reader does: the check must catch the same.
    assert [f for f, _ in problems_of(cong_van(**changes))] == [field]


def test_legacy_text_typed_in_a_form_is_reported() -> None:
    letter = cong_van(subject="Céng hßa x· héi chñ nghÜa ViÖt Nam")
    problems = problems_of(letter)
    assert [f for f, _ in problems] == ["subject"] and "TCVN3" in problems[0][1]


def test_field_values_are_checked_too() -> None:
    letter = Letter(
        type_id="quyet_dinh",
        fields={"tham_quyen": "Giám đốc\u202e", "can_cu": ["Căn cứ\u2068 Luật"]},
    )
    doctype = default_registry().get("quyet_dinh")
    fields = [p.field for p in check_letter(letter, doctype)]
    assert "fields.tham_quyen" in fields and "fields.can_cu[1]" in fields
