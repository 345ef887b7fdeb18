"""The upright characters pdfminer.six's interpreter draws on a page, without its layout analysis.

Both PDF readers of Drafter — the incoming letters' text (:mod:`drafter.incoming.pdf_text`)
and the signing landmarks (:mod:`drafter.signing.plan`) — need each character's box and
nothing of pdfminer's layout objects, which cost more time than a letter needs.  This
device does what pdfminer's LTChar computes, for upright text only, and hands each
character to the reader, which keeps what it needs of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

if TYPE_CHECKING:
    from pdfminer.pdfdevice import PDFTextDevice

Kept = TypeVar("Kept")


@dataclass(frozen=True, slots=True)
class DrawnText:
    """One glyph drawn upright: its Unicode text and where it stands, in PDF user space."""

    text: str
    x0: float
    width: float  # the advance on the page, in points
    baseline: float
    size: float  # the font size on the page, in points
    font: Any  # pdfminer's font: its name, ascent and descent


if TYPE_CHECKING:

    class GlyphDevice(PDFTextDevice, Generic[Kept]):
        """The type of :func:`glyph_device`'s answer: a pdfminer device with its findings
        (declared for the type checker only, so that importing this module stays free of
        pdfminer)."""

        found: list[Kept]


def glyph_device(resources: Any, keep: Callable[[DrawnText], Iterable[Kept]]) -> GlyphDevice[Kept]:
    """A pdfminer device that adds ``keep(drawn)`` to ``found`` for each upright glyph.

    Rotated or mirrored text (a margin note) and glyphs without a Unicode value are
    passed over: no reader of Drafter's uses them.
    """
    from pdfminer.pdfdevice import PDFTextDevice
    from pdfminer.pdftypes import PDFException

    class Device(PDFTextDevice):
        def __init__(self) -> None:
            super().__init__(resources)
            self.found: list[Kept] = []

        def render_char(
            self,
            matrix: Any,
            font: Any,
            fontsize: float,
            scaling: float,
            rise: float,
            cid: int,
            ncs: Any,
            graphicstate: Any,
        ) -> float:
            advance = float(font.char_width(cid)) * fontsize * scaling
            a, b, c, d, e, f = matrix
            if b or c or a <= 0 or d <= 0:
                return advance
            try:
                text = font.to_unichr(cid)
            except (PDFException, KeyError):
                return advance
            self.found.extend(
                keep(DrawnText(text, e, a * advance, d * rise + f, d * fontsize, font))
            )
            return advance

    # Device is GlyphDevice at run time, but that class exists for the type checker only.
    return cast("GlyphDevice[Kept]", Device())
