"""Text widths from the real font files, without Qt.

NĐ 30 sizes some rule lines from the text above them, and the date line must fit
its column, so the layout measures text with the metrics of the files
:mod:`drafter.fonts` chose (Times New Roman, or Liberation Serif, its metric-compatible
twin): the files the Qt painter draws with.  The widths are read once with fontTools
and cached as JSON in the user's cache folder, keeping start-up fast.
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from drafter import fonts
from drafter.layout.units import Length
from drafter.paths import user_cache_dir

_CACHE_VERSION = 1
_DRAWN_AS = {"\u2011": "-", "\u00a0": " "}


@dataclass(frozen=True)
class FaceMetrics:
    units_per_em: int
    advances: dict[int, int]  # code point → advance width in font units
    ascent: int  # the line's height above the baseline, as Word lays it out
    descent: int
    line_gap: int
    default_advance: int
    source: str

    def width_units(self, text: str) -> int:
        total = 0
        advances = self.advances
        for char in text:
            advance = advances.get(ord(char))
            if advance is None:
                advance = self._composed(char)
            total += advance
        return total

    def _composed(self, char: str) -> int:
        # A letter missing from the font is drawn from its decomposition by the
        # renderer's fallback; its base letter is a good estimate of its width.
        # A no-break hyphen is printed as a hyphen (drafter.layout.characters).
        if char in _DRAWN_AS:
            return self.advances.get(ord(_DRAWN_AS[char]), self.default_advance)
        if unicodedata.combining(char) or char == "\u2060":
            return 0
        base = unicodedata.normalize("NFD", char)[0]
        return self.advances.get(ord(base), self.default_advance)

    def width(self, text: str, size: Length) -> Length:
        return Length(round(self.width_units(text) * size / self.units_per_em))

    def ascent_at(self, size: Length) -> Length:
        return Length(round(self.ascent * size / self.units_per_em))

    def line_height_at(self, size: Length) -> Length:
        """Word's single line height: ascent + descent + line gap of the hhea table."""
        return Length(
            round((self.ascent + self.descent + self.line_gap) * size / self.units_per_em)
        )


def _read_face(path: Path) -> FaceMetrics:
    from fontTools.ttLib import TTFont

    font = TTFont(str(path), lazy=True)
    try:
        cmap = font.getBestCmap() or {}
        hmtx = font["hmtx"]
        advances = {code: hmtx[glyph][0] for code, glyph in cmap.items()}
        hhea = font["hhea"]
        space = advances.get(0x20, font["head"].unitsPerEm // 4)
        return FaceMetrics(
            units_per_em=font["head"].unitsPerEm,
            advances=advances,
            ascent=hhea.ascent,
            descent=-hhea.descent,
            line_gap=hhea.lineGap,
            default_advance=advances.get(ord("n"), space * 2),
            source=path.name,
        )
    finally:
        font.close()


def _cached_face(path: Path) -> FaceMetrics:
    stat = path.stat()
    key = hashlib.sha1(
        f"{_CACHE_VERSION}|{path}|{stat.st_size}|{stat.st_mtime_ns}".encode()
    ).hexdigest()[:16]
    cache_file = user_cache_dir() / "metrics" / f"{path.stem}-{key}.json"
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
        data["advances"] = {int(k): v for k, v in data["advances"].items()}
        return FaceMetrics(**data)
    except (OSError, ValueError, TypeError, KeyError):
        pass
    face = _read_face(path)
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(vars(face)), encoding="utf-8")
        os.replace(tmp, cache_file)
    except OSError:
        pass  # a read-only cache only costs time
    return face


def _fallback_face() -> FaceMetrics:
    # Without a suitable font, estimate: Times New Roman averages about half an em a
    # letter.  The CLI and the window say what to install (fonts.missing_font_message).
    return FaceMetrics(2048, {0x20: 512}, 1825, 443, 87, 1000, "estimate")


@cache
def face(bold: bool = False, italic: bool = False) -> FaceMetrics:
    """The metrics of the file :func:`drafter.fonts.resolve` chose for this face."""
    path = fonts.resolve().path(bold, italic)
    return _cached_face(path) if path else _fallback_face()


def text_width(text: str, size: Length, *, bold: bool = False, italic: bool = False) -> Length:
    return face(bold, italic).width(text, size)


def wrap(
    text: str, size: Length, width: Length, *, bold: bool = False, italic: bool = False
) -> list[str]:
    """Break *text* into lines no wider than *width*, at spaces, as a word processor does."""
    metrics = face(bold, italic)
    limit = width * metrics.units_per_em / size
    space = metrics.width_units(" ")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current: list[str] = []
        current_width = 0
        for word in paragraph.split():
            word_width = metrics.width_units(word)
            needed = word_width if not current else current_width + space + word_width
            if current and needed > limit:
                lines.append(" ".join(current))
                current, current_width = [word], word_width
            else:
                current.append(word)
                current_width = needed
        lines.append(" ".join(current))
    return lines


def balanced_wrap(
    text: str, size: Length, width: Length, *, bold: bool = False, italic: bool = False
) -> list[str]:
    """Break *text* into as few lines as :func:`wrap` does, but as even as possible.

    Header names that do not fit one line are broken where a văn thư would break them:
    "ỦY BAN NHÂN DÂN / THÀNH PHỐ ĐÀ NẴNG" rather than "ỦY BAN NHÂN DÂN THÀNH / PHỐ ĐÀ
    NẴNG".  The widest line is made as short as the line count allows.
    """
    greedy = wrap(text, size, width, bold=bold, italic=italic)
    words = text.split()
    if len(greedy) < 2 or len(words) > 60:
        return greedy
    metrics = face(bold, italic)
    space = metrics.width_units(" ")
    limit = width * metrics.units_per_em / size
    widths = [metrics.width_units(w) for w in words]

    def span(i: int, j: int) -> int:  # width of words[i:j] on one line
        return sum(widths[i:j]) + space * (j - i - 1)

    count = len(greedy)
    inf = float("inf")
    # best[k][j]: the smallest possible widest line setting words[:j] on k lines
    best = [[inf] * (len(words) + 1) for _ in range(count + 1)]
    cut = [[0] * (len(words) + 1) for _ in range(count + 1)]
    best[0][0] = 0
    for k in range(1, count + 1):
        for j in range(1, len(words) + 1):
            for i in range(k - 1, j):
                line = span(i, j)
                if line > limit:
                    continue
                widest = max(best[k - 1][i], line)
                if widest < best[k][j]:
                    best[k][j], cut[k][j] = widest, i
    if best[count][len(words)] == inf:
        return greedy
    lines, j = [], len(words)
    for k in range(count, 0, -1):
        i = cut[k][j]
        lines.append(" ".join(words[i:j]))
        j = i
    return lines[::-1]
