"""The ĐẾN stamp (Appendix IV) printed on page 1 of a copy of an incoming PDF.

A 50 × 35 mm box with the organisation's name, "ĐẾN", the arrival number and date, the
unit it goes to and the file code, drawn with pyHanko's stamp (MIT; a core dependency)
in the office's Vietnamese font.  The original stays as it came: the copy is written to
another file, as an incremental update.
"""

from __future__ import annotations

import io
from pathlib import Path

from drafter.core.atomic import write_bytes_atomic
from drafter.core.vietnamese import numeric_date, upper
from drafter.i18n import _
from drafter.incoming.errors import ReadError
from drafter.store.incoming import IncomingEntry

MM = 72 / 25.4
WIDTH_MM, HEIGHT_MM = 50, 35
LEFT_MM, TOP_MM = 25, 62  # under the issuer's block, where the page is blank


def stamp_lines(
    entry: IncomingEntry, organisation: str, transfer: str, file_code: str
) -> list[str]:
    return [
        upper(organisation) if organisation else "",
        "ĐẾN",
        f"Số: {entry.arrival}",
        f"Ngày: {numeric_date(entry.received_date)}",
        f"Chuyển: {transfer}",
        f"Số và ký hiệu HS: {file_code}",
    ]


def stamp_pdf(source: Path, output: Path, lines: list[str]) -> None:
    """Write to *output* a copy of *source* with the stamp of *lines* (:func:`stamp_lines`)
    on its first page."""
    try:
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.pdf_utils.layout import BoxConstraints
        from pyhanko.pdf_utils.text import TextBoxStyle
        from pyhanko.stamp import TextStamp, TextStampStyle
    except ImportError as error:
        raise ReadError(
            _(
                "printing the ĐẾN stamp needs pyHanko, which is missing from this "
                "installation: install Drafter again"
            )
        ) from error
    from drafter.fonts import resolve
    from drafter.signing.font import font_factory

    font = resolve().path(False, False)
    if font is None:
        raise ReadError(_("no font with the Vietnamese alphabet was found to print the stamp"))
    size = 9
    style = TextStampStyle(
        stamp_text="\n".join(line.replace("%", "%%") for line in lines),
        text_box_style=TextBoxStyle(
            font=font_factory(font, size), font_size=size, leading=size + 3, text_color=(0.8, 0, 0)
        ),
        border_width=1,
        background=None,
    )
    try:
        with Path(source).open("rb") as stream:
            writer = IncrementalPdfFileWriter(stream, strict=False)
            if writer.prev.encrypted:
                raise ReadError(
                    _(
                        "{path} is protected by a password; the stamp cannot be printed on it"
                    ).format(path=source)
                )
            page = writer.root["/Pages"]["/Kids"][0].get_object()
            height = float(page["/MediaBox"][3])
            stamp = TextStamp(
                writer,
                style,
                box=BoxConstraints(width=round(WIDTH_MM * MM), height=round(HEIGHT_MM * MM)),
            )
            stamp.apply(0, round(LEFT_MM * MM), round(height - (TOP_MM + HEIGHT_MM) * MM))
            buffer = io.BytesIO()
            writer.write(buffer)
    except ReadError:
        raise
    except Exception as error:  # pyHanko's parser refuses damaged files in many ways
        raise ReadError(
            _("{path} is not a PDF file or is damaged ({error})").format(
                path=source, error=type(error).__name__
            )
        ) from error
    write_bytes_atomic(Path(output), buffer.getvalue())
