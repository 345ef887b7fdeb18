"""What the signatures look like on the page (NĐ 30, Appendix I, Part I, II.7–II.8; Part II).

- The signer's image: centred in the space between the title line and the printed
  name, as large as that space allows (never wider than ``MAX_SIGNATURE_WIDTH``).
- The seal: at its real size (the PNG's own resolution, else ``DEFAULT_SEAL_MM``
  across: see :func:`seal_size`), its right edge at a third of the signer's image,
  centred on it vertically.
- Attachments and electronic copies: text, Times New Roman 10 pt, upright, black, at
  the top right of page 1.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any, cast

from drafter.i18n import _
from drafter.signing.errors import SigningError
from drafter.signing.plan import Rect, SignatureSpace

MM = 72 / 25.4
MAX_SIGNATURE_WIDTH = 60 * MM
SIGNATURE_PADDING = 2.0  # pt kept clear above and below the image
DEFAULT_SEAL_MM = 38.0  # a seal is 36–40 mm across; used when the PNG gives no resolution
SEAL_RANGE_MM = (25.0, 50.0)  # a resolution giving a size outside it is not believed
STAMP_SIZE = 10.0  # ô 14: 10 pt
STAMP_LEADING = 12.0
STAMP_TOP_MM = 5.0  # from the top edge of the page
STAMP_RIGHT_MM = 15.0  # from the right edge: inside NĐ 30's right margin (15–20 mm)
VIETNAM = dt.timezone(dt.timedelta(hours=7))


def load_image(path: Path, role: str) -> Any:
    """The PNG at *path* as a Pillow image with transparency."""
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(path)
        image.load()
    except OSError as error:
        if isinstance(error, UnidentifiedImageError):
            raise SigningError(
                _(
                    "{path} is not an image (the {role} must be a PNG with a "
                    "transparent background)"
                ).format(path=path, role=role)
            ) from None
        raise SigningError(
            _("cannot read the image {path}: {reason}").format(
                path=path, reason=error.strerror or error
            )
        ) from None
    if image.format != "PNG":
        raise SigningError(
            _(
                "{path} is not a PNG (the {role} must be a PNG with a transparent background)"
            ).format(path=path, role=role)
        )
    return image.convert("RGBA")


def signature_rect(space: SignatureSpace, ratio: float) -> Rect:
    """The signer's image box for an image of width/height *ratio*: centred in *space*,
    as tall as it allows (never wider than ``MAX_SIGNATURE_WIDTH``)."""
    height = space.top - space.bottom - 2 * SIGNATURE_PADDING
    width = height * ratio
    if width > MAX_SIGNATURE_WIDTH:
        width, height = MAX_SIGNATURE_WIDTH, MAX_SIGNATURE_WIDTH / ratio
    middle = space.middle
    return (
        space.centre_x - width / 2,
        middle - height / 2,
        space.centre_x + width / 2,
        middle + height / 2,
    )


def _outward(x0: float, y0: float, x1: float, y1: float) -> Rect:
    # Whole points: pyHanko may give the appearance a box of whole points, and a field of
    # another size would stretch what is drawn in it.
    return (
        float(math.floor(max(0.0, x0))),
        float(math.floor(max(0.0, y0))),
        float(math.ceil(x1)),
        float(math.ceil(y1)),
    )


def signature_box(space: SignatureSpace) -> Rect:
    """The signer's field: room for any image :func:`signature_rect` can give.

    Every block's field is made when the first signer signs (a visible field added after
    the certification signature would void it), before the other signers' images are
    known; each image is then drawn at its own size inside its field.
    """
    half = MAX_SIGNATURE_WIDTH / 2 + 1
    return _outward(space.centre_x - half, space.bottom, space.centre_x + half, space.top)


def seal_size(image: Any) -> tuple[float, float]:
    """The seal's real size in points, from the PNG's resolution (its pHYs chunk).

    A PNG without a resolution, or with one giving a size no seal has (outside
    ``SEAL_RANGE_MM``: a scanner's or an editor's default, not the seal's), is taken
    to be ``DEFAULT_SEAL_MM`` (38 mm) across its longest side, the middle of the 36–40 mm
    of an agency's seal.
    """
    dpi = image.info.get("dpi")
    longest = max(image.width, image.height)
    if dpi and dpi[0] and dpi[1]:
        across_mm = max(image.width / float(dpi[0]), image.height / float(dpi[1])) * 25.4
        if SEAL_RANGE_MM[0] <= across_mm <= SEAL_RANGE_MM[1]:
            return image.width * 72 / float(dpi[0]), image.height * 72 / float(dpi[1])
    scale = DEFAULT_SEAL_MM * MM / longest
    return image.width * scale, image.height * scale


def seal_rect(signature: Rect, size: tuple[float, float]) -> Rect:
    """The seal at *size*, over about a third of the signer's image, on its left."""
    width, height = size
    right = signature[0] + (signature[2] - signature[0]) / 3
    middle = (signature[1] + signature[3]) / 2
    return (right - width, middle - height / 2, right, middle + height / 2)


def seal_box(space: SignatureSpace) -> Rect:
    """The agency's field: transparent, large enough for any seal over any signer's image.

    It is made when the signer signs, before the seal is known; the seal is drawn in it
    at its real size (:func:`seal_size`) where :func:`seal_rect` puts it.  Its right edge
    is at most the block's centre (a third of an image centred there), its left edge at
    most a widest image's left plus the largest seal.
    """
    largest = SEAL_RANGE_MM[1] * MM + 1
    return _outward(
        space.centre_x - MAX_SIGNATURE_WIDTH / 2 - largest,
        space.middle - largest / 2,
        space.centre_x + 1,
        space.middle + largest / 2,
    )


def placed_image_style(image: Any, box: Rect, at: Rect) -> Any:
    """A stamp style for a field of *box* drawing only *image*, exactly over *at*
    (unscaled: its position is set by the margins, its size by *at*)."""
    from pyhanko.pdf_utils.images import PdfImage
    from pyhanko.pdf_utils.layout import (
        AxisAlignment,
        BoxConstraints,
        InnerScaling,
        Margins,
        SimpleBoxLayoutRule,
    )
    from pyhanko.stamp import StaticStampStyle

    width, height = at[2] - at[0], at[3] - at[1]
    # pyHanko declares the margins int, but lays out with the real numbers it is given.
    margins = Margins(
        left=cast(int, at[0] - box[0]),
        right=cast(int, box[2] - at[2]),
        top=cast(int, box[3] - at[3]),
        bottom=cast(int, at[1] - box[1]),
    )
    return StaticStampStyle(
        background=PdfImage(image, box=BoxConstraints(width=width, height=height)),
        border_width=0,
        background_opacity=1.0,
        background_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MIN,
            y_align=AxisAlignment.ALIGN_MIN,
            margins=margins,
            inner_content_scaling=InnerScaling.NO_SCALING,
        ),
    )


def signing_time() -> dt.datetime:
    return dt.datetime.now(VIETNAM).replace(microsecond=0)


def iso_time(moment: dt.datetime) -> str:
    """ISO 8601 with the Vietnam time zone: ``2026-03-05T09:30:15+07:00``."""
    return moment.astimezone(VIETNAM).replace(microsecond=0).isoformat()


def text_lines_width(lines: list[str]) -> float:
    from drafter.layout import metrics
    from drafter.layout.units import pt

    return max(metrics.text_width(line, pt(STAMP_SIZE)).pt for line in lines)


def text_rect(lines: list[str], page_size: tuple[float, float]) -> Rect:
    # Whole points: pyHanko gives the appearance a box of whole points, and a field of
    # another size would stretch the 10 pt text to fit it.
    width = math.ceil(text_lines_width(lines) + 2)
    height = math.ceil(STAMP_LEADING * len(lines) + 4)
    right = round(page_size[0] - STAMP_RIGHT_MM * MM)
    top = round(page_size[1] - STAMP_TOP_MM * MM)
    return (right - width, top - height, right, top)


def text_style(lines: list[str], font_file: Path) -> Any:
    """Upright 10 pt black text, lines as given, never scaled."""
    from pyhanko.pdf_utils.layout import (
        AxisAlignment,
        InnerScaling,
        Margins,
        SimpleBoxLayoutRule,
    )
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    from drafter.signing.font import font_factory

    no_scaling = SimpleBoxLayoutRule(
        x_align=AxisAlignment.ALIGN_MAX,
        y_align=AxisAlignment.ALIGN_MAX,
        margins=Margins.uniform(1),
        inner_content_scaling=InnerScaling.NO_SCALING,
    )
    box_style = TextBoxStyle(
        font=font_factory(font_file, STAMP_SIZE),
        font_size=int(STAMP_SIZE),
        leading=int(STAMP_LEADING),
        text_color=(0, 0, 0),
        box_layout_rule=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MIN,
            y_align=AxisAlignment.ALIGN_MAX,
            margins=Margins.uniform(0),
            inner_content_scaling=InnerScaling.NO_SCALING,
        ),
    )
    # "%" would start a parameter of the stamp's template.
    text = "\n".join(line.replace("%", "%%") for line in lines)
    return TextStampStyle(
        stamp_text=text, text_box_style=box_style, border_width=0, inner_content_layout=no_scaling
    )
