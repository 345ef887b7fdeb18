"""Embedding Drafter's font (Times New Roman, else Liberation Serif) in what signing draws.

pyHanko's glyph accumulator writes the font's widths (``/W``) in the font's own units,
which PDF reads as thousandths of an em: right for fonts of 1000 units per em, but
Times New Roman and Liberation Serif have 2048, so every glyph would be drawn twice
as far apart.  The accumulator here works in thousandths throughout: HarfBuzz is
asked for positions at a scale of 1000 and the widths are converted once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any, cast

from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

PDF_UNITS = 1000


class ThousandthsGlyphAccumulator(GlyphAccumulator):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._font_units = self.units_per_em
        self.units_per_em = PDF_UNITS
        self.hb_font.scale = (PDF_UNITS, PDF_UNITS)

    # A private method of pyHanko's (0.38): pyproject pins pyHanko to that minor version
    # and tests/signing/test_font.py fails if the method, its arguments, its answer or
    # its callers change, so an upgrade is caught by the tests, not by users.
    def _get_cid_and_width(self, glyph_id: int) -> tuple[int, int]:
        # The parent caches its answer in _glyphs, which also makes the /W array.
        cached = self._glyphs.get(glyph_id)
        if cached is not None:
            return cached
        cid, width = super()._get_cid_and_width(glyph_id)
        self._glyphs[glyph_id] = scaled = cid, round(width * PDF_UNITS / self._font_units)
        return scaled

    def prepare_write(self) -> None:
        # fontTools says it drops tables it cannot subset (FFTM…): expected, not news.
        subset_log = logging.getLogger("fontTools.subset")
        level = subset_log.level
        subset_log.setLevel(logging.ERROR)
        try:
            super().prepare_write()
        finally:
            subset_log.setLevel(level)


@dataclass(frozen=True)
class FontFactory(GlyphAccumulatorFactory):
    def create_font_engine(self, writer: Any, obj_stream: Any = None) -> GlyphAccumulator:
        # fontTools reads tables lazily, long after this: keep the bytes, not a file handle.
        handle = BytesIO(Path(self.font_file).read_bytes())
        return ThousandthsGlyphAccumulator(
            writer=writer, font_handle=handle, font_size=self.font_size, obj_stream=obj_stream
        )


def font_factory(path: Path, size: float) -> FontFactory:
    return FontFactory(
        str(path),
        # pyHanko declares the size int, but computes with whatever number it is given.
        font_size=cast(int, size),
        create_objstream_if_needed=False,
    )
