"""Scanned letters: Tesseract's words with their boxes, through pytesseract.

Tesseract is a program of its own (Debian: ``tesseract-ocr`` and ``tesseract-ocr-vie``
for Vietnamese; Windows: the UB Mannheim installer).  Without it, the reader says so and
what to do instead: type the fields by hand in the read-and-register view, or read a text
copy of the letter.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from drafter.i18n import _
from drafter.incoming.errors import ReadError
from drafter.incoming.lines import Extracted, Line
from drafter.incoming.sources import column_of, pages_to_read

# Seconds Tesseract may spend on one page before the page is given up.
PAGE_TIMEOUT_S = 90
# Pixels an image may have: Pillow refuses more as a decompression bomb anyway.
MAX_PIXELS = 60_000_000


def missing_message() -> str:
    return _(
        "reading a scan needs Tesseract, which is not installed. Install it "
        "(Debian/Ubuntu: 'apt install tesseract-ocr tesseract-ocr-vie'; Windows: the "
        "Tesseract installer with Vietnamese), or type the letter's number, date and "
        "issuer by hand in the register, or read a text copy (.txt) of the letter"
    )


def _tesseract() -> Any:
    try:
        import pytesseract
    except ImportError as error:
        raise ReadError(missing_message()) from error
    if (
        shutil.which(pytesseract.pytesseract.tesseract_cmd) is None
        and shutil.which("tesseract") is None
    ):
        raise ReadError(missing_message())
    return pytesseract


def languages(pytesseract: Any) -> tuple[str, list[str]]:
    """Tesseract's language argument, and a note when the Vietnamese data is missing."""
    try:
        known = set(pytesseract.get_languages(config=""))
    except Exception:
        known = set()
    if "vie" in known:
        return "vie", []
    return "eng", [
        _(
            "Tesseract has no Vietnamese data (tesseract-ocr-vie): the text is read "
            "without diacritics"
        )
    ]


def lines_of_image(image: Any, page: int) -> list[Line]:
    """The lines Tesseract finds on *image* (a Pillow image), with their columns."""
    pytesseract = _tesseract()
    lang, _notes = languages(pytesseract)
    try:
        data = pytesseract.image_to_data(
            image,
            lang=lang,
            config="--psm 3",
            output_type=pytesseract.Output.DICT,
            timeout=PAGE_TIMEOUT_S,
        )
    except RuntimeError as error:  # pytesseract's timeout
        raise ReadError(
            _("Tesseract took too long to read page {page}").format(page=page)
        ) from error
    except Exception as error:
        raise ReadError(
            _("Tesseract could not read page {page} ({error})").format(page=page, error=error)
        ) from error
    groups: dict[tuple[int, int, int], list[int]] = {}
    for index, word in enumerate(data["text"]):
        if word and word.strip():
            key = (data["block_num"][index], data["par_num"][index], data["line_num"][index])
            groups.setdefault(key, []).append(index)
    width = image.size[0]
    placed = []
    for indexes in groups.values():
        left = min(data["left"][i] for i in indexes)
        right = max(data["left"][i] + data["width"][i] for i in indexes)
        top = min(data["top"][i] for i in indexes)
        text = " ".join(data["text"][i].strip() for i in indexes)
        placed.append((top, left, Line(text, column_of(left, right, width), page)))
    # Reading order: top to bottom; a line of each column on the same band left first.
    placed.sort(key=lambda item: (round(item[0] / 25), item[1]))
    return [line for _top, _left, line in placed]


def _open_image(path: Path) -> Any:
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        image = Image.open(path)
        image.load()
    except Exception as error:  # unreadable, truncated, a decompression bomb
        raise ReadError(
            _("{path} is not an image Drafter can read ({error})").format(
                path=path, error=type(error).__name__
            )
        ) from error
    return image


def read_image(path: Path) -> Extracted:
    pytesseract = _tesseract()
    _lang, notes = languages(pytesseract)
    image = _open_image(path)
    frames = getattr(image, "n_frames", 1)
    chosen, partial = pages_to_read(frames)
    lines: list[Line] = []
    for index in chosen:
        image.seek(index)
        lines.extend(lines_of_image(image.convert("L"), index + 1))
    if not lines:
        raise ReadError(
            _("no text was found in {path}; is it a scan of a letter?").format(path=path)
        )
    return Extracted(lines, "ocr", frames, partial, notes)


def read_scanned_pdf(path: Path, reader: Any) -> Extracted:
    """A PDF without text: the image of each page read by Tesseract."""
    from PIL import Image

    pytesseract = _tesseract()
    _lang, notes = languages(pytesseract)
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    count = len(reader)
    chosen, partial = pages_to_read(count)
    lines: list[Line] = []
    for index in chosen:
        try:
            images = list(reader.images(index))
        except Exception:  # one damaged page must not lose the others
            continue
        if not images:
            continue
        biggest = max(images, key=lambda image: image.width * image.height)
        lines.extend(lines_of_image(biggest.convert("L"), index + 1))
    if not lines:
        raise ReadError(
            _(
                "no text was found in {path}: it has neither text nor a scan Tesseract can read"
            ).format(path=path)
        )
    return Extracted(lines, "ocr", count, partial, notes)
