"""PDF export through the Qt painter: no LibreOffice needed.

The pages are the ones the preview shows (:func:`drafter.render.qt_painter.paginate`),
drawn on a 1440-dpi :class:`QPdfWriter`; the file is written atomically, so a failed
write leaves any previous file untouched.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter

from drafter.core.atomic import write_bytes_atomic
from drafter.layout.model import Document
from drafter.render.qt_painter import DPI, Page, paginate

_app: QGuiApplication | None = None


def ensure_gui_application() -> None:
    """Fonts need a QGuiApplication; the command line makes an offscreen one."""
    global _app
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication(["drafter"])


def paint_pages(pages: list[Page], painter: QPainter, new_page: object) -> None:
    """Draw *pages* on *painter*, calling ``new_page()`` between them."""
    for index, page in enumerate(pages):
        if index:
            new_page()  # type: ignore[operator]
        page.paint(painter)


def pdf_bytes(document: Document, title: str = "") -> bytes:
    ensure_gui_application()
    pages = paginate(document)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setCreator("Drafter")
    writer.setTitle(title or document.title)
    writer.setAuthor(document.author)
    # QPdfWriter has no subject of its own: the subject goes in the XMP metadata.
    writer.setDocumentXmpMetadata(_xmp(title or document.title, document.author, document.subject))
    first = pages[0] if pages else None
    size = (
        QPageSize(
            QSizeF(first.width / DPI * 25.4, first.height / DPI * 25.4), QPageSize.Unit.Millimeter
        )
        if first
        else QPageSize(QPageSize.PageSizeId.A4)
    )
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    paint_pages(pages, painter, writer.newPage)
    painter.end()
    buffer.close()
    return bytes(data.data())


def _xmp(title: str, author: str, subject: str) -> QByteArray:
    def text(value: str) -> str:
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def alternative(value: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{text(value)}</rdf:li></rdf:Alt>'

    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
        f"<dc:title>{alternative(title)}</dc:title>"
        f"<dc:creator><rdf:Seq><rdf:li>{text(author)}</rdf:li></rdf:Seq></dc:creator>"
        f"<dc:description>{alternative(subject)}</dc:description>"
        "<xmp:CreatorTool>Drafter</xmp:CreatorTool>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )
    return QByteArray(packet.encode("utf-8"))


def write_pdf(document: Document, path: Path) -> None:
    """Write *document* as a PDF; raise :class:`~drafter.core.atomic.WriteError`."""
    write_bytes_atomic(Path(path), pdf_bytes(document))


def to_bytes(document: Document, created: dt.date | None = None) -> bytes:
    """The writer interface of :mod:`drafter.render.formats`: the PDF's bytes."""
    return pdf_bytes(document)
