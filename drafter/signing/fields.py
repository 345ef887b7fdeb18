"""The number and date as form fields: added blank before the signer signs, filled later.

The blanks the layout leaves (``Số:      /…``, ``ngày      tháng      năm``) become
text fields exactly over them.  Filling them changes only the fields' values and
appearances, which the signer's DocMDP permission (form filling) allows: the văn thư
writes them in an incremental update and the signer's signature stays valid.  The
filled value is drawn in the same font, size and style as the line around it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drafter.signing.plan import Blank, Rect

PREFIX = "Drafter_"  # the fields Drafter adds: Drafter_number, Drafter_day… (no dots: a
# dot in a field name makes it a child of another field)
FIELD_NAMES = ("number", "day", "month", "year")
# The number touches the "/" (Số: 12/UBND-VP); the year follows "năm " as printed text would.
ALIGN = {"number": "right", "year": "left"}


def field_name(blank_name: str) -> str:
    return PREFIX + blank_name


def _acroform(writer: Any) -> Any:
    from pyhanko.pdf_utils import generic

    root = writer.root
    if "/AcroForm" not in root:
        form = generic.DictionaryObject({generic.pdf_name("/Fields"): generic.ArrayObject()})
        root[generic.pdf_name("/AcroForm")] = writer.add_object(form)
        writer.update_root()
    form = root["/AcroForm"]
    return form.get_object()


def _empty_appearance(writer: Any, rect: Rect) -> Any:
    from pyhanko.pdf_utils.content import RawContent
    from pyhanko.pdf_utils.layout import BoxConstraints

    box = BoxConstraints(width=rect[2] - rect[0], height=rect[3] - rect[1])
    return writer.add_object(
        _exact_bbox(
            RawContent(b"", box=box).as_form_xobject(), rect[2] - rect[0], rect[3] - rect[1]
        )
    )


def _exact_bbox(xobject: Any, width: float, height: float) -> Any:
    """pyHanko rounds a form's box to whole points; the viewer would then stretch the
    appearance onto the field by up to a few per cent, text included."""
    from pyhanko.pdf_utils import generic

    xobject[generic.pdf_name("/BBox")] = generic.ArrayObject(
        generic.FloatObject(round(v, 3)) for v in (0, 0, width, height)
    )
    return xobject


def add_blank_fields(writer: Any, blanks: list[Blank]) -> None:
    """Add one empty text field over each blank, in *writer*'s next revision."""
    from pyhanko.pdf_utils import generic

    if not blanks:
        return
    form = _acroform(writer)
    fields = form["/Fields"]
    for blank in blanks:
        page_ref = writer.find_page_for_modification(blank.page)[0]
        rect = generic.ArrayObject(generic.FloatObject(round(v, 2)) for v in blank.rect)
        field = generic.DictionaryObject(
            {
                generic.pdf_name("/FT"): generic.pdf_name("/Tx"),
                generic.pdf_name("/T"): generic.pdf_string(field_name(blank.name)),
                generic.pdf_name("/Type"): generic.pdf_name("/Annot"),
                generic.pdf_name("/Subtype"): generic.pdf_name("/Widget"),
                generic.pdf_name("/F"): generic.NumberObject(4),  # printed
                generic.pdf_name("/Rect"): rect,
                generic.pdf_name("/P"): page_ref,
                generic.pdf_name("/Q"): generic.NumberObject(1),  # centred
                generic.pdf_name("/DA"): generic.pdf_string(f"/Helv {blank.font_size:g} Tf 0 g"),
                generic.pdf_name("/AP"): generic.DictionaryObject(
                    {generic.pdf_name("/N"): _empty_appearance(writer, blank.rect)}
                ),
            }
        )
        reference = writer.add_object(field)
        fields.append(reference)
        page = page_ref.get_object()
        annotations = page.get("/Annots")
        if annotations is None:
            page[generic.pdf_name("/Annots")] = generic.ArrayObject([reference])
            writer.update_container(page)
        else:
            annotations.get_object().append(reference)
            writer.update_container(
                annotations if isinstance(annotations, generic.IndirectObject) else page
            )
    writer.update_container(
        form["/Fields"] if isinstance(form.raw_get("/Fields"), generic.IndirectObject) else form
    )
    if "/DR" not in form:
        helvetica = generic.DictionaryObject(
            {
                generic.pdf_name("/Type"): generic.pdf_name("/Font"),
                generic.pdf_name("/Subtype"): generic.pdf_name("/Type1"),
                generic.pdf_name("/BaseFont"): generic.pdf_name("/Helvetica"),
            }
        )
        form[generic.pdf_name("/DR")] = generic.DictionaryObject(
            {
                generic.pdf_name("/Font"): generic.DictionaryObject(
                    {generic.pdf_name("/Helv"): writer.add_object(helvetica)}
                )
            }
        )
        form[generic.pdf_name("/DA")] = generic.pdf_string("/Helv 0 Tf 0 g")
        writer.update_container(form)


def text_fields(reader: Any) -> dict[str, Any]:
    """Drafter's text fields of a PDF, by short name (``number``, ``day``…)."""
    root = reader.root
    if "/AcroForm" not in root:
        return {}
    out = {}
    for reference in root["/AcroForm"].get_object().get("/Fields", []):
        field = reference.get_object()
        name = str(field.get("/T", ""))
        if field.get("/FT") == "/Tx" and name.startswith(PREFIX):
            out[name[len(PREFIX) :]] = reference
    return out


def field_values(reader: Any) -> dict[str, str]:
    return {
        name: str(reference.get_object().get("/V", ""))
        for name, reference in text_fields(reader).items()
    }


def fill(writer: Any, values: dict[str, str], font_file: Path, italic_font_file: Path) -> None:
    """Write *values* (short name → text) into the fields, with their appearance."""
    from pyhanko.pdf_utils import generic

    references = text_fields(writer)
    for name, value in values.items():
        reference = references[name]
        field = reference.get_object()
        rect = [float(v) for v in field["/Rect"]]
        size = float(str(field["/DA"]).split()[1])
        italic = name in ("day", "month", "year")
        appearance = _text_appearance(
            writer,
            value,
            rect,
            size,
            italic_font_file if italic else font_file,
            align=ALIGN.get(name, "centre"),
            cover=name == "year",
        )
        field[generic.pdf_name("/V")] = generic.pdf_string(value)
        field[generic.pdf_name("/AP")] = generic.DictionaryObject(
            {generic.pdf_name("/N"): writer.add_object(appearance)}
        )
        writer.update_container(field)


def _text_appearance(
    writer: Any,
    text: str,
    rect: list[float],
    size: float,
    font_file: Path,
    *,
    align: str,
    cover: bool,
) -> Any:
    from pyhanko.pdf_utils.content import PdfResources, RawContent, ResourceType
    from pyhanko.pdf_utils.generic import pdf_name
    from pyhanko.pdf_utils.layout import BoxConstraints

    width, height = rect[2] - rect[0], rect[3] - rect[1]
    from drafter.signing.font import font_factory

    engine = font_factory(font_file, size).create_font_engine(writer)
    shaped = engine.shape(text)
    text_width = shaped.x_advance * size
    x = {"right": width - text_width, "left": 0.25 * size}.get(align, (width - text_width) / 2)
    x = max(0.0, x)
    descent = 0.216 * size  # Times New Roman and Liberation Serif: the box starts there
    background = f"1 g 0 0 {width:.2f} {height:.2f} re f ".encode() if cover else b""
    data = (
        b"q "
        + background
        + f"BT /F1 {size:g} Tf 0 g {x:.2f} {descent:.2f} Td ".encode()
        + shaped.graphics_ops
        + b" ET Q"
    )
    resources = PdfResources()
    resources[ResourceType.FONT][pdf_name("/F1")] = engine.as_resource()
    content = RawContent(data, box=BoxConstraints(width=width, height=height), resources=resources)
    return _exact_bbox(content.as_form_xobject(), width, height)
