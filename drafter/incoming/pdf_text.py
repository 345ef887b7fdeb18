"""A PDF's text laid out with spaces, and its scanned images, read with pdfminer.six.

pdfminer.six (MIT) is the one PDF text library Drafter ships: the signing code reads
its landmarks with it too (:mod:`drafter.signing.plan`), through the same device
(:mod:`drafter.pdf_glyphs`), without pdfminer's layout analysis.  The device keeps each
character's box; characters on one baseline make a line, and the line is written out as a
fixed-width projection of the page (about half an em per column), so a wide gap between the
left and right blocks becomes a run of spaces, as :func:`drafter.incoming.sources.laid_out_lines`
expects from any laid-out text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.i18n import _
from drafter.incoming.errors import ReadError
from drafter.pdf_glyphs import DrawnText, glyph_device

if TYPE_CHECKING:
    from drafter.pdf_glyphs import GlyphDevice

# In font sizes: a gap wider than this between two characters is a word space...
WORD_GAP = 0.12
# ...and wider than this, a gap between two blocks (at least three spaces).
BLOCK_GAP = 1.5
# The width of one column of the projection, in font sizes.
COLUMN_WIDTH = 0.5
# Characters whose baselines differ by less than this (in font sizes) share a line.
SAME_LINE = 0.3


@dataclass(frozen=True, slots=True)
class Glyph:
    text: str
    x0: float
    x1: float
    baseline: float
    size: float


def _glyph(drawn: DrawnText) -> list[Glyph]:
    if drawn.text.isspace():
        return []  # spaces are rebuilt from the gaps
    return [Glyph(drawn.text, drawn.x0, drawn.x0 + drawn.width, drawn.baseline, drawn.size)]


class PdfText:
    """An open PDF: its page count, each page's laid-out text and its biggest image."""

    def __init__(self, path: Path) -> None:
        from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser

        self.path = path
        try:
            self._data = path.read_bytes()
            document = PDFDocument(PDFParser(BytesIO(self._data)), password="")
            self.pages = list(PDFPage.create_pages(document))
        except PDFPasswordIncorrect as error:
            raise ReadError(_protected(path)) from error
        except Exception as error:  # pdfminer refuses damaged files in many ways
            if "crypt" in type(error).__name__.lower() or "password" in str(error).lower():
                raise ReadError(_protected(path)) from error
            raise ReadError(
                _("{path} is not a PDF file or is damaged ({error})").format(
                    path=path, error=type(error).__name__
                )
            ) from error
        self._interpreter: Any = None
        self._device: GlyphDevice[Glyph]

    def __len__(self) -> int:
        return len(self.pages)

    def glyphs(self, index: int) -> list[Glyph]:
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager

        if self._interpreter is None:
            resources = PDFResourceManager(caching=True)
            self._device = glyph_device(resources, _glyph)
            self._interpreter = PDFPageInterpreter(resources, self._device)
        self._device.found = []
        self._interpreter.process_page(self.pages[index])
        return list(self._device.found)

    def text(self, index: int) -> str:
        """Page *index*'s lines, top to bottom, laid out with spaces."""
        return "\n".join(laid_out(self.glyphs(index)))

    def images(self, index: int) -> Iterator[Any]:
        """The images drawn on page *index*, as Pillow images (those Pillow can open)."""
        from pdfminer.pdftypes import resolve1

        xobjects = resolve1(self.pages[index].resources.get("XObject")) or {}
        for item in xobjects.values():
            image = _pillow_image(resolve1(item))
            if image is not None:
                yield image


def _protected(path: Path) -> str:
    return _(
        "{path} is protected by a password; open it, print or save it without "
        "protection, and read that copy"
    ).format(path=path)


def rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped by baseline, top of the page first, each row left to right."""
    ordered = sorted(glyphs, key=lambda glyph: -glyph.baseline)
    out: list[list[Glyph]] = []
    for glyph in ordered:
        if out and abs(out[-1][0].baseline - glyph.baseline) <= SAME_LINE * glyph.size:
            out[-1].append(glyph)
        else:
            out.append([glyph])
    for row in out:
        row.sort(key=lambda glyph: glyph.x0)
    return out


def laid_out(glyphs: list[Glyph]) -> list[str]:
    """Each row of *glyphs* as a line of a fixed-width projection of the page."""
    if not glyphs:
        return []
    sizes = sorted(glyph.size for glyph in glyphs)
    column = max(1.0, COLUMN_WIDTH * sizes[len(sizes) // 2])
    left = min(glyph.x0 for glyph in glyphs)
    lines = []
    for row in rows(glyphs):
        text = " " * round((row[0].x0 - left) / column)
        previous = row[0]
        text += previous.text
        for glyph in row[1:]:
            gap = glyph.x0 - previous.x1
            size = max(glyph.size, previous.size)
            if gap > BLOCK_GAP * size:
                target = round((glyph.x0 - left) / column)
                text += " " * max(3, target - len(text))
            elif gap > WORD_GAP * size:
                text += " "
            text += glyph.text
            previous = glyph
        lines.append(text)
    return lines


def _pillow_image(stream: Any) -> Any:
    """A PDF image XObject as a Pillow image, or None when it is not one Pillow reads."""
    from pdfminer.pdftypes import LITERALS_DCT_DECODE, LITERALS_JPX_DECODE, PDFStream, resolve1
    from PIL import Image

    if not isinstance(stream, PDFStream) or getattr(stream.get("Subtype"), "name", "") != "Image":
        return None
    try:
        filters = [name for name, _params in stream.get_filters()]
        data = stream.get_data()
        if filters and filters[-1] in (*LITERALS_DCT_DECODE, *LITERALS_JPX_DECODE):
            image = Image.open(BytesIO(data))
            image.load()
            return image
        width, height = int(stream["Width"]), int(stream["Height"])
        bits = int(resolve1(stream.get("BitsPerComponent", 8)))
        space = getattr(resolve1(stream.get("ColorSpace")), "name", "DeviceGray")
        mode = "1" if bits == 1 else "RGB" if space == "DeviceRGB" else "L"
        return Image.frombytes(mode, (width, height), data)
    except Exception:  # an image format Pillow cannot read: the page is skipped
        return None
