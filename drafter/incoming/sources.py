"""Text with positions from each kind of file: .docx, PDF, plain text (scans: :mod:`.ocr`).

Every reader returns :class:`~drafter.incoming.lines.Extracted` or raises
:class:`~drafter.incoming.errors.ReadError` with a sentence for the user: a damaged or
protected file is named as such, never shown as a traceback.  Long documents are read in
part (the first pages, where the header is, and the last, where the signature is), and
the result says so.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from drafter.core.vietnamese import clean_text
from drafter.i18n import _
from drafter.incoming.errors import ReadError
from drafter.incoming.legacy import converted_if_legacy, font_encoding, is_capitals_font, to_unicode
from drafter.incoming.lines import FULL, Extracted, Line

# A letter is a few pages; beyond these, only the first pages and the last are read.
FIRST_PAGES = 4
FILE_BYTES_LIMIT = 200 * 1024 * 1024
TEXT_BYTES_LIMIT = 10 * 1024 * 1024
DOCX_SUFFIXES = {".docx", ".docm"}
PDF_SUFFIXES = {".pdf"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp"}
SUPPORTED = DOCX_SUFFIXES | PDF_SUFFIXES | TEXT_SUFFIXES | IMAGE_SUFFIXES

_GAP_RE = re.compile(r"\s{3,}|\t+")


def check_file(path: Path) -> int:
    """The size of *path*, refusing what is not an ordinary, readable file of a sane size."""
    try:
        info = path.stat()
    except OSError as error:
        raise ReadError(
            _("{path} cannot be read: {reason}").format(path=path, reason=error.strerror or error)
        ) from error
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(_("{path} is a folder, not a file").format(path=path))
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(_("{path} is not an ordinary file").format(path=path))
    if info.st_size > FILE_BYTES_LIMIT:
        raise ReadError(
            _("{path} is too big to be a letter (more than {size} MB)").format(
                path=path, size=FILE_BYTES_LIMIT // (1024 * 1024)
            )
        )
    if not os.access(path, os.R_OK):
        raise ReadError(_("{path} cannot be read: permission denied").format(path=path))
    return info.st_size


def kind_of(path: Path, head: bytes) -> str:
    """``docx``, ``pdf``, ``image`` or ``text``: from the first bytes, then the suffix."""
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF8", b"BM")) or (
        suffix in IMAGE_SUFFIXES and not head.isascii()
    ):
        return "image"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadError(
            _(
                "{path} is an old Word .doc file; save it as .docx (Word or "
                "LibreOffice: Save As) and read that"
            ).format(path=path)
        )
    if suffix in DOCX_SUFFIXES:
        return "docx"  # not a zip: reading it says it is damaged
    if suffix in PDF_SUFFIXES:
        return "pdf"
    return "text"


# --- positions from gaps --------------------------------------------------------------------


def segments(text: str) -> Iterator[tuple[int, int, str]]:
    """The pieces of a laid-out line separated by wide gaps, with their character spans."""
    start = 0
    for gap in _GAP_RE.finditer(text):
        if gap.start() > start:
            yield start, gap.start(), text[start : gap.start()]
        start = gap.end()
    if start < len(text):
        yield start, len(text), text[start:]


def column_of(start: float, end: float, width: float) -> int:
    """Left block, right block or full width, from where a piece sits on the line."""
    if width <= 0 or end - start > 0.6 * width:
        return FULL
    centre = (start + end) / 2 / width
    if centre < 0.45:
        return 0
    if centre > 0.55:
        return 1
    return FULL


def laid_out_lines(text: str, page: int) -> list[Line]:
    """Lines of text laid out with spaces (a PDF's projection, a .txt export)."""
    raw = [line.rstrip() for line in clean_text(text).split("\n")]
    width = max((len(line) for line in raw), default=0)
    # Text typed without layout (no gaps, no indentation) has no columns to tell.
    laid_out = any(
        len(line) - len(line.lstrip()) >= 3 or len(list(segments(line))) > 1 for line in raw
    )
    lines: list[Line] = []
    for line in raw:
        if not line.strip():
            lines.append(Line("", FULL, page))
            continue
        pieces = _joined_number_label(list(segments(line)))
        if not laid_out or (len(pieces) == 1 and width < 40):
            lines.append(Line(pieces[0][2].strip(), FULL, page))
            continue
        for start, end, piece in pieces:
            column = column_of(start, end, width) if len(pieces) > 1 or width >= 40 else FULL
            lines.append(Line(" ".join(piece.split()), column, page))
    return lines


_NUMBER_LABEL_RE = re.compile(r"^\s*S[ốốoô06]\s*[:;.]?\s*$", re.IGNORECASE)


def _joined_number_label(pieces: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "Số:" and a blank number's symbol ("Số:       /SGDĐT-VP") stay one piece."""
    out: list[tuple[int, int, str]] = []
    for piece in pieces:
        if out and _NUMBER_LABEL_RE.match(out[-1][2]) and piece[2].lstrip().startswith("/"):
            start, _end, text = out.pop()
            out.append((start, piece[1], f"{text.strip()} {piece[2].strip()}"))
        else:
            out.append(piece)
    return out


# --- .docx ---------------------------------------------------------------------------------


def read_docx(path: Path) -> Extracted:
    try:
        import docx
    except ImportError as error:  # pragma: no cover - a dependency
        raise ReadError(
            _("reading .docx files needs python-docx ({error})").format(error=error)
        ) from error
    try:
        document = docx.Document(str(path))
        body = document.element.body
        lines = list(_docx_lines(document, body.iterchildren()))
    except ReadError:
        raise
    except Exception as error:  # python-docx, zipfile and lxml raise many kinds
        raise ReadError(
            _("{path} is not a Word .docx file or is damaged ({error})").format(
                path=path, error=type(error).__name__
            )
        ) from error
    pages = 1 + sum(1 for line in lines if line.text == "\f")
    lines = [line for line in lines if line.text != "\f"]
    if not any(line.text for line in lines):
        raise ReadError(_("{path} holds no text").format(path=path))
    return Extracted(lines, "docx", pages)


def _docx_lines(
    document: Any,
    children: Iterable[Any],
    column: int = FULL,
) -> Iterator[Line]:
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    for child in children:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield from _paragraph_lines(Paragraph(child, document), column)
        elif tag == "tbl":
            table = Table(child, document)
            for row in table.rows:
                cells: list[_Cell] = []
                for cell in row.cells:  # a merged cell is listed once per grid column
                    if not any(cell._tc is seen._tc for seen in cells):
                        cells.append(cell)
                for index, cell in enumerate(cells):
                    where = index if len(cells) == 2 and column == FULL else FULL
                    yield from _docx_lines(document, cell._tc.iterchildren(), where)


def _paragraph_lines(paragraph: Any, column: int) -> Iterator[Line]:
    style_font = _style_font(paragraph)
    style_bold = _style_bold(paragraph)
    parts: list[str] = []
    bold_runs: list[bool] = []
    for item in paragraph.iter_inner_content():
        runs = getattr(item, "runs", None)
        for run in runs if runs is not None else [item]:
            text = run.text
            if not text:
                continue
            font = run.font.name or style_font
            encoding = font_encoding(font)
            if encoding:
                text = to_unicode(text, encoding, capitals=is_capitals_font(font))
            parts.append(text)
            if text.strip():
                bold = run.bold if run.bold is not None else style_bold
                bold_runs.append(bool(bold))
    if any(br.get(_qn("w:type")) == "page" for br in paragraph._p.iter(_qn("w:br"))):
        yield Line("\f", column)
    text, _encoding = converted_if_legacy("".join(parts))
    bold_line = bool(bold_runs) and all(bold_runs)
    for piece in clean_text(text).split("\n"):
        yield Line(" ".join(piece.replace("\xa0", " ").split()), column, bold=bold_line)


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def _style_font(paragraph: Any) -> str | None:
    style = paragraph.style
    while style is not None:
        if style.font is not None and style.font.name:
            return str(style.font.name)
        style = style.base_style
    return None


def _style_bold(paragraph: Any) -> bool:
    style = paragraph.style
    while style is not None:
        if style.font is not None and style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False


# --- PDF -------------------------------------------------------------------------------------


def open_pdf(path: Path) -> Any:
    """*path* opened with pdfminer.six; a protected or damaged file is named as such."""
    from drafter.incoming.pdf_text import PdfText

    return PdfText(path)


def pages_to_read(count: int) -> tuple[list[int], str]:
    """The page indexes read of a *count*-page document, and the note saying what was left."""
    if count <= FIRST_PAGES + 1:
        return list(range(count)), ""
    chosen = [*range(FIRST_PAGES), count - 1]
    return chosen, _("only pages 1–{first} and {last} of {count} were read").format(
        first=FIRST_PAGES, last=count, count=count
    )


def read_pdf(path: Path) -> Extracted:
    reader = open_pdf(path)
    count = len(reader)
    chosen, partial = pages_to_read(count)
    lines: list[Line] = []
    failed = 0
    for index in chosen:
        try:
            text = reader.text(index)
        except Exception:  # one damaged page must not lose the others
            failed += 1
            continue
        text, _encoding = converted_if_legacy(text)
        lines.extend(laid_out_lines(text, index + 1))
    if failed:
        partial = "; ".join(
            filter(None, [partial, _("{count} pages could not be read").format(count=failed)])
        )
    return Extracted(lines, "pdf", count, partial)


def pdf_has_text(extracted: Extracted) -> bool:
    return sum(len(line.text) for line in extracted.lines) >= 20


# --- plain text ------------------------------------------------------------------------------


def decode_text(raw: bytes) -> str:
    for encoding in (
        ("utf-8-sig", "utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",)
    ):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    try:
        return raw.decode("cp1258")  # Windows' Vietnamese code page
    except UnicodeDecodeError:
        return raw.decode("latin-1")  # TCVN3 bytes; converted below


def read_text(path: Path) -> Extracted:
    try:
        with path.open("rb") as stream:
            raw = stream.read(TEXT_BYTES_LIMIT + 1)
    except OSError as error:
        raise ReadError(
            _("{path} cannot be read: {reason}").format(path=path, reason=error.strerror or error)
        ) from error
    partial = ""
    if len(raw) > TEXT_BYTES_LIMIT:
        raw, partial = (
            raw[:TEXT_BYTES_LIMIT],
            _("only the first {size} MB were read").format(size=TEXT_BYTES_LIMIT // (1024 * 1024)),
        )
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(
            _("{path} is not a text file, a .docx, a PDF or an image").format(path=path)
        )
    text, _encoding = converted_if_legacy(decode_text(raw))
    lines = laid_out_lines(text, 1)
    if not any(line.text for line in lines):
        raise ReadError(_("{path} holds no text").format(path=path))
    return Extracted(lines, "text", 1, partial)
