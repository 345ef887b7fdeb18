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
        "issuer.name", "issuer.abbreviation", "place", "subject", "kinh_gui", "body",
        "signatures"}


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
