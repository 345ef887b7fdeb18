"""Where the number, the date and the signatures go, read from the text of a Drafter PDF.

The PDF is the one Drafter's painter wrote, so the landmarks are those the layout puts
there (:mod:`drafter.layout.build`): ``Số:`` with a blank of no-break spaces before
the ``/`` (a draft's number), ``ngày      tháng      năm`` in the date line (a
draft's date), and in each signature block the space ``SIGNATURE_SPACE`` leaves
between the title line and the printed name.  A letter may have several blocks (a
biên bản: the secretary and the chair; a liên tịch letter: one per agency); they are
numbered in reading order, as the letter lists its signatures.

The text is read with pdfminer.six (MIT licensed; Drafter is MIT, so no copyleft PDF
library is used at run time), character by character, without its layout analysis:
the lines are rebuilt here from the characters' baselines, which is all a PDF Drafter
made needs and spares the analysis's time.  Positions are in PDF user space (origin bottom
left, points), ready for form fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO

from drafter.i18n import _
from drafter.pdf_glyphs import DrawnText, glyph_device
from drafter.signing.errors import SigningError

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF user space

NBSP = "\u00a0"
MIN_SIGNATURE_GAP = 48.0  # pt; SIGNATURE_SPACE is 27 mm (76.5 pt), paragraph gaps are < 20
MAX_SIGNATURE_GAP = 140.0
COLUMN_GAP = 1.5  # in font sizes: a wider gap between two characters starts another column


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
    name: str = ""  # the printed name under the space: who signs here

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class PagePlan:
    blanks: list[Blank] = field(default_factory=list)
    signatures: list[SignatureSpace] = field(default_factory=list)  # in reading order
    page_sizes: list[tuple[float, float]] = field(default_factory=list)
    symbol: str = ""  # the ký hiệu after the "/" of the number line
    number: str = ""  # the number, when the document already has one
    year: str = ""  # the year of the date line, when it is printed

    @property
    def signature(self) -> SignatureSpace | None:
        return self.signatures[0] if self.signatures else None


@dataclass(frozen=True)
class _Char:
    c: str
    x0: float
    x1: float
    bottom: float  # PDF y of the descender line
    top: float  # PDF y of the ascender line
    baseline: float
    size: float
    font: str


@dataclass
class _Line:
    page: int
    chars: list[_Char]

    @property
    def text(self) -> str:
        return "".join(ch.c for ch in self.chars)

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return self.chars[-1].x1

    @property
    def top(self) -> float:
        return max(ch.top for ch in self.chars)

    @property
    def bottom(self) -> float:
        return min(ch.bottom for ch in self.chars)

    @property
    def size(self) -> float:
        return self.chars[0].size

    @property
    def baseline(self) -> float:
        return self.chars[0].baseline

    @property
    def bold(self) -> bool:
        return "bold" in self.chars[0].font.lower()

    @property
    def italic(self) -> bool:
        font = self.chars[0].font.lower()
        return "italic" in font or "oblique" in font


def _chars(drawn: DrawnText) -> list[_Char]:
    """A glyph's letters, each with its box, baseline, size and font."""
    baseline, em, font = drawn.baseline, drawn.size, drawn.font
    ascent, descent = font.get_ascent(), font.get_descent()
    top = baseline + (ascent if ascent > 0 else 0.8) * em
    bottom = baseline + (descent if descent < 0 else -0.2) * em
    # Qt writes a space as a tab; a ligature is one glyph for several letters.
    text = drawn.text.replace("\t", " ")
    step = drawn.width / max(1, len(text))
    return [
        _Char(
            letter,
            drawn.x0 + index * step,
            drawn.x0 + (index + 1) * step,
            bottom,
            top,
            baseline,
            em,
            font.fontname,
        )
        for index, letter in enumerate(text)
    ]


def _pages(data: bytes) -> list[tuple[tuple[float, float], list[_Char]]]:
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.pdftypes import PDFException
    from pdfminer.psexceptions import PSException

    resources = PDFResourceManager(caching=True)
    device = glyph_device(resources, _chars)
    interpreter = PDFPageInterpreter(resources, device)
    pages = []
    try:
        for page in PDFPage.get_pages(BytesIO(data)):
            device.found = []
            interpreter.process_page(page)
            x0, y0, x1, y1 = page.mediabox
            pages.append(((x1 - x0, y1 - y0), device.found))
    except (PDFException, PSException, PDFSyntaxError, ValueError, KeyError, TypeError):
        raise SigningError(_("the file is not a PDF or is damaged")) from None
    return pages


def _lines(page_index: int, chars: list[_Char]) -> list[_Line]:
    """Characters on one baseline, left to right, cut where a column gap opens."""
    rows: dict[int, list[_Char]] = {}
    for char in chars:
        rows.setdefault(round(char.baseline), []).append(char)
    out = []
    for row in rows.values():
        row.sort(key=lambda char: char.x0)
        current = [row[0]]
        for char in row[1:]:
            if char.x0 - current[-1].x1 > COLUMN_GAP * char.size:
                out.append(_Line(page_index, current))
                current = []
            current.append(char)
        out.append(_Line(page_index, current))
    return out


_last: tuple[bytes, PagePlan] | None = None  # the command line asks twice for one PDF


def plan(data: bytes) -> PagePlan:
    """Find the blanks and the signature spaces of a Drafter PDF given as *data*."""
    global _last
    if _last is not None and _last[0] is data:
        return _last[1]
    result = _plan(data)
    _last = (data, result)
    return result


def _plan(data: bytes) -> PagePlan:
    result = PagePlan()
    pages = []
    for index, (size, chars) in enumerate(_pages(data)):
        result.page_sizes.append(size)
        pages.append(_lines(index, chars))
    if not pages:
        return result
    for line in pages[0]:
        _number_blank(line, result)
        _date_blanks(line, result)
    for lines in pages:
        result.signatures += _signature_spaces(lines)
    return result


def _rect(x0: float, x1: float, line: _Line) -> Rect:
    return (x0, line.bottom, x1, line.top)


def _number_blank(line: _Line, result: PagePlan) -> None:
    text = line.text
    if not text.startswith("Số:") or "/" not in text:
        return
    slash = text.index("/")
    result.symbol = text[slash + 1 :].strip()
    number = text[3:slash].replace(NBSP, "").strip()
    if number:
        result.number = number
        return
    blank = [ch for ch in line.chars[3:slash] if ch.c in (NBSP, " ")]
    if not blank:
        return
    result.blanks.append(
        Blank(
            "number",
            line.page,
            _rect(blank[0].x0, line.chars[slash].x0, line),
            line.size,
            line.italic,
            line.baseline,
        )
    )


def _date_blanks(line: _Line, result: PagePlan) -> None:
    text = line.text
    day_at, month_at, year_at = text.find("ngày "), text.find(" tháng "), text.find(" năm ")
    if min(day_at, month_at, year_at) < 0 or not day_at < month_at < year_at:
        return
    spans = {"day": (day_at + len("ngày"), month_at), "month": (month_at + len(" tháng"), year_at)}
    for name, (start, end) in spans.items():
        if text[start:end].strip():
            return  # a dated letter: nothing to fill
        x0, x1 = line.chars[start].x0, line.chars[end].x1
        result.blanks.append(
            Blank(name, line.page, _rect(x0, x1, line), line.size, line.italic, line.baseline)
        )
    year_start = year_at + len(" năm ")
    result.year = text[year_start:].strip().strip("….")
    if result.year:
        return
    x0 = line.chars[year_start - 1].x1
    x1 = max(line.chars[-1].x1, x0 + 3 * line.size)
    result.blanks.append(
        Blank(
            "year",
            line.page,
            _rect(x0, x1, line),
            line.size,
            line.italic,
            line.baseline,
            cover=True,
        )
    )


def _signature_spaces(lines: list[_Line]) -> list[SignatureSpace]:
    """Every bold name under a tall gap in its column: the signature blocks, in
    reading order (top to bottom, then left to right)."""
    ordered = sorted(lines, key=lambda line: (-line.top, line.x0))
    spaces = []
    for lower in ordered:
        # A signer's name is bold in ordinary case (NĐ 30, ô 7b); a document's title in
        # capitals under the header's gap ("BIÊN BẢN") is not one.
        if not lower.bold or not any(ch.c.islower() for ch in lower.chars):
            continue
        centre = (lower.x0 + lower.x1) / 2
        above = [
            line
            for line in ordered
            if line.bottom >= lower.top - 1 and line.x0 - 2 <= centre <= line.x1 + 2
        ]
        if not above:
            continue
        upper = min(above, key=lambda line: line.bottom)
        gap = upper.bottom - lower.top
        if MIN_SIGNATURE_GAP <= gap <= MAX_SIGNATURE_GAP and (upper.bold or upper.italic):
            width = max(upper.x1 - upper.x0, lower.x1 - lower.x0)
            spaces.append(
                SignatureSpace(
                    lower.page, centre, upper.bottom, lower.top, width, lower.text.strip()
                )
            )
    return sorted(spaces, key=lambda space: (-round(space.bottom), space.centre_x))
