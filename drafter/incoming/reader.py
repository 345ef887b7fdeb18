"""``read_letter(path)``: any incoming letter file to a :class:`ReadLetter`.

One reader for every use ("reply", the register, checking a .docx): the source gives
lines with positions (:mod:`.sources`, :mod:`.ocr`), :mod:`.parse` finds the components.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from drafter.i18n import _
from drafter.incoming.errors import ReadError
from drafter.incoming.gazetteer import Gazetteer, default_gazetteer
from drafter.incoming.lines import Extracted
from drafter.incoming.parse import parse_lines
from drafter.incoming.record import ReadLetter
from drafter.incoming.sources import (
    check_file,
    kind_of,
    pdf_has_text,
    read_docx,
    read_pdf,
    read_text,
)


def extract(path: Path) -> Extracted:
    """The lines of the letter at *path*, whatever kind of file it is."""
    path = Path(path)
    check_file(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(16)
    except OSError as error:
        raise ReadError(
            _("{path} cannot be read: {reason}").format(path=path, reason=error.strerror or error)
        ) from error
    kind = kind_of(path, head)
    if kind == "docx":
        return read_docx(path)
    if kind == "pdf":
        extracted = read_pdf(path)
        if pdf_has_text(extracted):
            return extracted
        from drafter.incoming.ocr import read_scanned_pdf
        from drafter.incoming.sources import open_pdf

        return read_scanned_pdf(path, open_pdf(path))
    if kind == "image":
        from drafter.incoming.ocr import read_image

        return read_image(path)
    return read_text(path)


def read_letter(path: Path, *, contacts: Iterable[str] = ()) -> ReadLetter:
    """Read *path*; the office's *contacts* (full names) help restore the issuer's name."""
    gazetteer = Gazetteer(contacts) if contacts else default_gazetteer()
    return parse_lines(extract(Path(path)), gazetteer)


def read_text_letter(
    text: str, *, kind: str = "text", gazetteer: Gazetteer | None = None
) -> ReadLetter:
    """Read a letter's text typed or pasted (the register view's manual path)."""
    from drafter.incoming.sources import laid_out_lines

    return parse_lines(Extracted(laid_out_lines(text, 1), kind), gazetteer)
