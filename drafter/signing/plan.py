"""Where the number, the date and the signature go, read from the text of a Drafter PDF.

The PDF is the one Drafter's painter wrote, so the landmarks are those the layout puts
there (:mod:`drafter.layout.build`): ``Số:`` with a blank of no-break spaces before
the ``/`` (a draft's number), ``ngày      tháng      năm`` in the date line (a
draft's date), and in the signature block the space ``SIGNATURE_SPACE`` leaves
between the title line and the printed name.  Positions are read with pymupdf and
returned in PDF user space (origin bottom left, points), ready for form fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF user space

NBSP = "\u00a0"
MIN_SIGNATURE_GAP = 48.0  # pt; SIGNATURE_SPACE is 27 mm (76.5 pt), paragraph gaps are < 20
MAX_SIGNATURE_GAP = 140.0


@dataclass(frozen=True)
class Blank:
    """A blank to fill: a form field's rectangle, the size and the page of its text."""

    name: str
    page: int
    rect: Rect
    font_size: float
    italic: bool
    baseline: float  # PDF y of the text's baseline
    cover: bool = False  # hides a placeholder ("……") under the filled value


@dataclass(frozen=True)
class SignatureSpace:
    """The room between the title line and the printed name of a signature block."""

    page: int
    centre_x: float
    top: float  # PDF y of the bottom of the title line
    bottom: float  # PDF y of the top of the name
    column_width: float


@dataclass
class PagePlan:
    blanks: list[Blank] = field(default_factory=list)
    signature: SignatureSpace | None = None
    page_sizes: list[tuple[float, float]] = field(default_factory=list)
    symbol: str = ""  # the ký hiệu after the "/" of the number line
    number: str = ""  # the number, when the document already has one
    year: str = ""  # the year of the date line, when it is printed


@dataclass(frozen=True)
class _Char:
    c: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class _Line:
    page: int
    chars: list[_Char]
    bbox: Rect  # pymupdf coordinates: origin top left
    size: float
    bold: bool
    italic: bool
    baseline: float  # pymupdf coordinates

    @property
    def text(self) -> str:
        return "".join(ch.c for ch in self.chars)


def _lines(page_index: int, page: Any) -> list[_Line]:
    out = []
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            chars: list[_Char] = []
            spans = line["spans"]
            for span in spans:
                chars += [_Char(ch["c"], *ch["bbox"]) for ch in span["chars"]]
            if not chars:
                continue
            first = spans[0]
            font = first["font"].lower()
            bold = bool(first["flags"] & 16) or "bold" in font
            italic = bool(first["flags"] & 2) or "italic" in font
            out.append(_Line(page_index, chars, tuple(line["bbox"]), first["size"], bold,
                             italic, first["origin"][1]))
    return out


def plan(data: bytes) -> PagePlan:
    """Find the blanks and the signature space of a Drafter PDF given as *data*."""
    import pymupdf

    result = PagePlan()
    with pymupdf.open(stream=data, filetype="pdf") as document:
        pages = []
        for index, page in enumerate(document):
            result.page_sizes.append((page.rect.width, page.rect.height))
            pages.append(_lines(index, page))
    if not pages:
        return result
    height = result.page_sizes[0][1]
    for line in pages[0]:
        _number_blank(line, height, result)
        _date_blanks(line, height, result)
    for index, lines in enumerate(pages):
        space = _signature_space(lines, result.page_sizes[index][1])
        if space is not None:
            result.signature = space
            break
    return result


def _pdf_rect(x0: float, top: float, x1: float, bottom: float, height: float) -> Rect:
    return (x0, height - bottom, x1, height - top)


def _number_blank(line: _Line, height: float, result: PagePlan) -> None:
    text = line.text
    if not text.startswith("Số:") or "/" not in text:
        return
    slash = text.index("/")
    result.symbol = text[slash + 1:].strip()
    number = text[3:slash].replace(NBSP, "").strip()
    if number:
        result.number = number
        return
    blank = [ch for ch in line.chars[3:slash] if ch.c in (NBSP, " ")]
    if not blank:
        return
    x0, x1 = blank[0].x0, line.chars[slash].x0
    result.blanks.append(Blank("number", line.page,
                               _pdf_rect(x0, line.bbox[1], x1, line.bbox[3], height),
                               line.size, line.italic, height - line.baseline))


def _date_blanks(line: _Line, height: float, result: PagePlan) -> None:
    text = line.text
    day_at, month_at, year_at = text.find("ngày "), text.find(" tháng "), text.find(" năm ")
    if min(day_at, month_at, year_at) < 0 or not day_at < month_at < year_at:
        return
    top, bottom = line.bbox[1], line.bbox[3]
    spans = {"day": (day_at + len("ngày"), month_at), "month": (month_at + len(" tháng"),
                                                                year_at)}
    for name, (start, end) in spans.items():
        if text[start:end].strip():
            return  # a dated letter: nothing to fill
        x0, x1 = line.chars[start].x0, line.chars[end].x1
        result.blanks.append(Blank(name, line.page, _pdf_rect(x0, top, x1, bottom, height),
                                   line.size, line.italic, height - line.baseline))
    year_start = year_at + len(" năm ")
    result.year = text[year_start:].strip().strip("….")
    if result.year:
        return
    x0 = line.chars[year_start - 1].x1
    x1 = max(line.chars[-1].x1, x0 + 3 * line.size)
    result.blanks.append(Blank("year", line.page, _pdf_rect(x0, top, x1, bottom, height),
                               line.size, line.italic, height - line.baseline, cover=True))


def _signature_space(lines: list[_Line], height: float) -> SignatureSpace | None:
    """The first bold name under a tall gap in its own column: the signature block."""
    ordered = sorted(lines, key=lambda line: (line.bbox[1], line.bbox[0]))
    for lower in ordered:
        if not lower.bold:
            continue
        centre = (lower.bbox[0] + lower.bbox[2]) / 2
        above = [line for line in ordered if line.bbox[3] <= lower.bbox[1] + 1
                 and line.bbox[0] - 2 <= centre <= line.bbox[2] + 2]
        if not above:
            continue
        upper = max(above, key=lambda line: line.bbox[3])
        gap = lower.bbox[1] - upper.bbox[3]
        if MIN_SIGNATURE_GAP <= gap <= MAX_SIGNATURE_GAP and (upper.bold or upper.italic):
            width = max(upper.bbox[2] - upper.bbox[0], lower.bbox[2] - lower.bbox[0])
            return SignatureSpace(lower.page, centre, height - upper.bbox[3],
                                  height - lower.bbox[1], width)
    return None
