"""Text with positions, as every source gives it to the parser.

A letter's landmarks sit in a two-column header and a two-column signature block, so a
line knows its column: 0 the left block (issuer, "Số:", V/v, Nơi nhận), 1 the right block
(Quốc hiệu, place and date, signature), :data:`FULL` when it spans the page or the source
has no positions (plain text, OCR text pasted by hand).
"""

from __future__ import annotations

from dataclasses import dataclass, field

FULL = -1


@dataclass(frozen=True)
class Line:
    text: str
    column: int = FULL
    page: int = 1
    bold: bool | None = None  # known for .docx only


@dataclass
class Extracted:
    """What a source gave: its lines in reading order and how it was read."""

    lines: list[Line]
    kind: str  # "docx", "pdf", "ocr", "text"
    pages: int = 1
    # Why only part of the document was read (pages left out, text missing); "" if whole.
    partial: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)
