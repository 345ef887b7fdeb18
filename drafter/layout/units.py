"""Lengths as a value type, stored exactly in EMU (English Metric Units).

1 inch = 914 400 EMU, so millimetres (36 000 EMU), points (12 700 EMU) and
twips (635 EMU) are all whole numbers: no rounding drift between writers.
"""

from __future__ import annotations

EMU_PER_INCH = 914_400
EMU_PER_MM = 36_000
EMU_PER_PT = 12_700
EMU_PER_TWIP = 635


class Length(int):
    """A length in EMU that converts to the units each writer needs."""

    __slots__ = ()

    @classmethod
    def from_mm(cls, value: float) -> Length:
        return cls(round(value * EMU_PER_MM))

    @classmethod
    def from_pt(cls, value: float) -> Length:
        return cls(round(value * EMU_PER_PT))

    @classmethod
    def from_twips(cls, value: float) -> Length:
        return cls(round(value * EMU_PER_TWIP))

    @property
    def mm(self) -> float:
        # int(self): Length's own "/" rounds to whole EMU and would return a Length.
        return int(self) / EMU_PER_MM

    @property
    def pt(self) -> float:
        return int(self) / EMU_PER_PT

    @property
    def twips(self) -> int:
        return round(int(self) / EMU_PER_TWIP)

    @property
    def half_points(self) -> int:
        """Word's font sizes are in half points."""
        return round(int(self) * 2 / EMU_PER_PT)

    @property
    def eighth_points(self) -> int:
        """Word's border widths are in eighths of a point."""
        return round(int(self) * 8 / EMU_PER_PT)

    def __add__(self, other: int) -> Length:
        return Length(int(self) + int(other))

    def __sub__(self, other: int) -> Length:
        return Length(int(self) - int(other))

    def __mul__(self, factor: float) -> Length:
        return Length(round(int(self) * factor))

    def __truediv__(self, divisor: float) -> Length:
        return Length(round(int(self) / divisor))

    def __neg__(self) -> Length:
        return Length(-int(self))

    def __repr__(self) -> str:
        return f"Length({self.mm:.2f} mm)"


def mm(value: float) -> Length:
    return Length.from_mm(value)


def pt(value: float) -> Length:
    return Length.from_pt(value)


ZERO = Length(0)
