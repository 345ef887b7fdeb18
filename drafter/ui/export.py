"""Export helpers: default file names, writing in a registered format, printing.

Writes are atomic (:mod:`drafter.core.atomic`): a failure leaves any earlier file
as it was and raises :class:`~drafter.core.atomic.WriteError` with a plain reason.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.render import formats

if TYPE_CHECKING:  # the page model loads with the first draft, not with the window
    from drafter.core.doctypes import DocType
    from drafter.core.letter import Letter
    from drafter.layout.model import Document

_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def default_stem(letter: Letter, doctype: DocType) -> str:
    """``4582-VP-KGVX_2016-06-07``: number-symbol_date, without the characters a file
    system refuses (Vietnamese letters are kept: every current system takes them);
    the type's name stands in for a draft that has neither number nor symbol."""
    from drafter.core.numbering import compose_symbol

    symbol = compose_symbol(letter, doctype) if doctype.has_number else ""
    parts = [str(letter.number) if letter.number else "", symbol.replace("/", "-")]
    head = "-".join(p for p in parts if p) or doctype.name
    if letter.date is not None:
        head += f"_{letter.date.isoformat()}"
    return _UNSAFE.sub("-", head).strip("-.") or "van-ban"


def write(
    document: Document, letter: Letter, path: Path, fmt: formats.Format | None = None
) -> None:
    """Write *document* in *fmt* (by default the format of *path*'s suffix)."""
    formats.write(document, path, letter.date, fmt)


def print_document(document: Document, printer: object) -> None:
    """Draw every page on a QPrinter set up by the print dialog."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter
    from PySide6.QtPrintSupport import QPrinter

    from drafter.render.pdf import paint_pages
    from drafter.render.qt_painter import DPI, paginate

    assert isinstance(printer, QPrinter)
    pages = paginate(document)
    printer.setFullPage(True)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    painter = QPainter(printer)
    scale = printer.resolution() / DPI
    painter.scale(scale, scale)
    paint_pages(pages, painter, printer.newPage)
    painter.end()
