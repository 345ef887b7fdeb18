"""PDF pages measured with PyMuPDF: text spans and ruled lines, in millimetres."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pymupdf
from sample_letters import cong_van, long_cong_van_with_appendix, marked_cong_van
from table_letters import long_table_ke_hoach

from drafter.core.doctypes import DocType, Registry
from drafter.core.letter import Letter
from drafter.paths import templates_dir

MM = 72 / 25.4  # PDF points per millimetre


def shipped_registry() -> Registry:
    # The shipped types only: the developer's own templates folder must not leak in.
    return Registry([templates_dir()])


def long_date_letter() -> Letter:
    import datetime as dt

    return cong_van(place="Thành phố Hồ Chí Minh", date=dt.date(2020, 12, 29))


def long_appendix_letter() -> Letter:
    """A one-page letter whose appendix runs over several pages."""
    from dataclasses import replace

    from sample_letters import LONG_PARAGRAPH

    letter = long_cong_van_with_appendix()
    body = "\n".join(f"{i}. {LONG_PARAGRAPH}" for i in range(1, 25))
    return replace(
        letter,
        body="Nội dung như phụ lục kèm theo.",
        appendices=[replace(letter.appendices[0], body=body)],
    )


SPECIAL: dict[str, Callable[[], Letter]] = {
    "long": long_cong_van_with_appendix,
    "marks": marked_cong_van,
    "long_date": long_date_letter,
    "long_appendix": long_appendix_letter,
    "long_table": long_table_ke_hoach,
}


@dataclass
class Span:
    text: str
    size: float  # points
    font: str
    bold: bool
    italic: bool
    x0: float  # millimetres from the top left corner of the page
    y0: float
    x1: float
    y1: float
    baseline: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class HLine:
    x0: float
    x1: float
    y: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


class Page:
    def __init__(self, page: pymupdf.Page) -> None:
        self.width = page.rect.width / MM
        self.height = page.rect.height / MM
        self.spans: list[Span] = []
        self.lines: list[list[Span]] = []  # spans grouped by text line
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                group = []
                for s in line["spans"]:
                    if not s["text"].strip():
                        continue
                    x0, y0, x1, y1 = (v / MM for v in s["bbox"])
                    flags = s["flags"]
                    span = Span(
                        s["text"],
                        s["size"],
                        s["font"],
                        bool(flags & pymupdf.TEXT_FONT_BOLD) or "Bold" in s["font"],
                        bool(flags & pymupdf.TEXT_FONT_ITALIC) or "Italic" in s["font"],
                        x0,
                        y0,
                        x1,
                        y1,
                        s["origin"][1] / MM,
                    )
                    self.spans.append(span)
                    group.append(span)
                if group:
                    self.lines.append(group)
        self.fonts = sorted({f[3].split("+", 1)[-1] for f in page.get_fonts()})
        lines = set()
        for drawing in page.get_drawings():
            for item in drawing["items"]:
                if item[0] == "l":
                    a, b = item[1], item[2]
                    if abs(a.y - b.y) < 0.2:
                        lines.add(
                            HLine(
                                round(min(a.x, b.x) / MM, 2),
                                round(max(a.x, b.x) / MM, 2),
                                round(a.y / MM, 2),
                            )
                        )
                elif item[0] == "re":
                    rect = item[1]
                    if rect.height < 1.5:  # a thin filled rectangle drawn as a rule
                        lines.add(
                            HLine(
                                round(rect.x0 / MM, 2),
                                round(rect.x1 / MM, 2),
                                round((rect.y0 + rect.y1) / 2 / MM, 2),
                            )
                        )
        self.hlines = sorted(lines, key=lambda line: (line.y, line.x0))

    def find(self, text: str) -> Span:
        found = [s for s in self.spans if s.text.strip() == text]
        assert found, f"{text!r} not found in {[s.text for s in self.spans][:40]}"
        return found[0]

    def starting(self, prefix: str) -> list[Span]:
        return [s for s in self.spans if s.text.lstrip().startswith(prefix)]

    def rule_under(self, span: Span, within: float = 6) -> HLine:
        """The horizontal line just below *span*, overlapping it horizontally."""
        below = [
            line
            for line in self.hlines
            if span.y1 - 1 <= line.y <= span.y1 + within and line.x0 < span.x1 and line.x1 > span.x0
        ]
        assert below, f"no rule under {span.text!r}; lines: {self.hlines}"
        return below[0]


@dataclass
class Rendered:
    name: str
    letter: Letter
    doctype: DocType
    pdf: Path

    @property
    def pages(self) -> list[Page]:
        document = pymupdf.open(self.pdf)
        try:
            return [Page(page) for page in document]
        finally:
            document.close()
