"""Số and ký hiệu (nd30 §6): "Số: 05/BNV-VP", "Số: 15/QĐ-BNV"; drafts keep a blank."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sample_letters import cong_van

from drafter.core.doctypes import default_registry
from drafter.core.letter import Issuer
from drafter.core.numbering import compose_symbol, number_line, number_text


@pytest.fixture
def cong_van_type():  # type: ignore[no-untyped-def]
    return default_registry().get("cong_van")


@pytest.fixture
def quyet_dinh_type(cong_van_type):  # type: ignore[no-untyped-def]
    return replace(cong_van_type, id="quyet_dinh", name="Quyết định", abbreviation="QĐ")


def test_cong_van_symbol_is_issuer_then_unit(cong_van_type) -> None:  # type: ignore[no-untyped-def]
    letter = cong_van(issuer=Issuer(name=["BỘ NỘI VỤ"], abbreviation="BNV", unit="VP"), number=5)
    assert compose_symbol(letter, cong_van_type) == "BNV-VP"
    assert number_line(letter, cong_van_type) == "Số: 05/BNV-VP"


def test_other_types_are_type_then_issuer(quyet_dinh_type) -> None:  # type: ignore[no-untyped-def]
    letter = cong_van(issuer=Issuer(name=["BỘ NỘI VỤ"], abbreviation="BNV", unit="VP"), number=15)
    assert number_line(letter, quyet_dinh_type) == "Số: 15/QĐ-BNV"


def test_written_symbol_wins(cong_van_type) -> None:  # type: ignore[no-untyped-def]
    letter = cong_van(symbol="UBND-VX", number=12)
    assert number_line(letter, cong_van_type) == "Số: 12/UBND-VX"


def test_no_unit_no_dangling_hyphen(cong_van_type) -> None:  # type: ignore[no-untyped-def]
    letter = cong_van(issuer=Issuer(name=["BỘ NỘI VỤ"], abbreviation="BNV"), number=3)
    assert number_line(letter, cong_van_type) == "Số: 03/BNV"


def test_draft_leaves_a_blank_before_the_slash(cong_van_type) -> None:  # type: ignore[no-untyped-def]
    line = number_line(cong_van(number=None), cong_van_type)
    number = line.removeprefix("Số: ").split("/")[0]
    assert number.strip() == "" and len(number) >= 4  # room for the văn thư to write it
    assert line.endswith("/SGDĐT-VP")


@pytest.mark.parametrize(("number", "text"), [(1, "01"), (9, "09"), (10, "10"), (125, "125")])
def test_padding(number: int, text: str) -> None:
    assert number_text(number) == text
