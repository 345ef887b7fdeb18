"""Lengths: exact in EMU, converted without drift to what each writer needs."""

from __future__ import annotations

import pytest

from drafter.layout.units import EMU_PER_MM, EMU_PER_PT, Length, mm, pt


def test_conversions_return_plain_fractions() -> None:
    length = mm(60.5)
    assert isinstance(length.mm, float) and not isinstance(length.mm, Length)
    assert length.mm == pytest.approx(60.5)
    assert pt(10.5).pt == pytest.approx(10.5)
    assert pt(0.75).pt == pytest.approx(0.75)
    assert mm(0.3).mm == pytest.approx(0.3)


def test_units_are_exact_in_emu() -> None:
    assert int(mm(1)) == EMU_PER_MM and int(pt(1)) == EMU_PER_PT
    assert mm(25.4) == pt(72) == Length.from_twips(1440)


@pytest.mark.parametrize(
    ("length", "twips"),
    [
        (mm(20), 1134),
        (mm(30), 1701),
        (mm(15), 850),
        (mm(210), 11906),
        (mm(297), 16838),
        (Length.from_mm(12.7), 720),
    ],
)
def test_twips(length: Length, twips: int) -> None:
    assert length.twips == twips


def test_word_units() -> None:
    assert pt(13).half_points == 26 and pt(10.5).half_points == 21
    assert pt(0.75).eighth_points == 6 and pt(0.5).eighth_points == 4


def test_arithmetic_stays_a_length() -> None:
    total = mm(10) + mm(5) - mm(3)
    assert isinstance(total, Length) and total.mm == pytest.approx(12)
    assert (mm(10) * 0.4).mm == pytest.approx(4) and (mm(9) / 3).mm == pytest.approx(3)
    assert isinstance(-mm(1), Length) and (-mm(1)).mm == pytest.approx(-1)
    assert repr(mm(60.5)) == "Length(60.50 mm)"
