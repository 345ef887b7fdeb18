"""The glyph-width fix of drafter/signing/font.py against the pyHanko it overrides.

font.py overrides ``GlyphAccumulator._get_cid_and_width``, a private method of pyHanko,
so that a font of 2048 units per em (Times New Roman, Liberation Serif) gets its widths
in the thousandths PDF reads.  pyproject pins pyHanko to 0.38.x for it; these tests fail
on an upgrade that renames the method, changes its arguments or its answer, or stops
calling it, instead of users finding letters spaced twice too wide in signed PDFs.
"""

from __future__ import annotations

import inspect
from importlib.metadata import version
from pathlib import Path

import pytest
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator


@pytest.fixture(scope="module")
def serif() -> Path:
    from drafter.fonts import resolve

    path = resolve().path(False, False)
    assert path is not None, "no Times New Roman or Liberation Serif (make setup installs it)"
    return path


def test_the_installed_pyhanko_is_the_pinned_one() -> None:
    assert version("pyHanko").startswith("0.38."), (
        "pyHanko was upgraded: check drafter/signing/font.py against its GlyphAccumulator, "
        "then move the pin in pyproject and this test"
    )


def test_the_overridden_private_method_is_still_there_as_font_py_expects() -> None:
    method = GlyphAccumulator.__dict__.get("_get_cid_and_width")
    assert callable(method), "GlyphAccumulator._get_cid_and_width is gone"
    assert list(inspect.signature(method).parameters) == ["self", "glyph_id"]
    # shape() asks it for the widths it draws with, and prepare_write() writes /W from
    # the cache it fills: the two places the override must reach.
    assert "self._get_cid_and_width" in inspect.getsource(GlyphAccumulator.shape)
    assert "self._glyphs" in inspect.getsource(GlyphAccumulator.prepare_write)


def _pyhanko_accumulator(path: Path) -> GlyphAccumulator:
    from io import BytesIO

    from pyhanko.pdf_utils.writer import PdfFileWriter

    return GlyphAccumulator(
        writer=PdfFileWriter(), font_handle=BytesIO(path.read_bytes()), font_size=10
    )


def test_widths_are_thousandths_of_an_em(serif: Path) -> None:
    from fontTools.ttLib import TTFont
    from pyhanko.pdf_utils.writer import PdfFileWriter

    from drafter.signing.font import PDF_UNITS, font_factory

    font = TTFont(serif)
    units = font["head"].unitsPerEm
    assert units != PDF_UNITS  # the case the fix is for
    glyph_id = font.getGlyphID(font.getBestCmap()[ord("a")])
    in_font_units = font["hmtx"][font.getGlyphOrder()[glyph_id]][0]

    plain = _pyhanko_accumulator(serif)
    cid, width = plain._get_cid_and_width(glyph_id)  # pyHanko's own answer: font units
    assert width == in_font_units

    engine = font_factory(serif, 10).create_font_engine(PdfFileWriter())
    shaped = engine.shape("a")
    assert engine._get_cid_and_width(glyph_id) == (cid, round(in_font_units * 1000 / units))
    assert shaped.x_advance == pytest.approx(in_font_units / units, abs=1e-3)  # in ems
    assert engine._glyphs[glyph_id][1] == round(in_font_units * 1000 / units)  # → /W
