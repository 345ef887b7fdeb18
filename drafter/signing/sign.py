"""Signing a Drafter PDF as the signer, then as the agency (with the number and date).

Everything happens in memory on the bytes of the PDF: the caller reads the input and
writes the output atomically, so a failure leaves both files as they were.  Every
change is an incremental update; the signer's certification signature (DocMDP:
form filling and signatures allowed, FieldMDP: every field locked but the number and
date) stays valid through the văn thư's filling and the agency's signature.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from io import BytesIO
from pathlib import Path
from typing import Any, cast

from drafter.i18n import _
from drafter.signing import appearance, fields
from drafter.signing.errors import EXIT_FAILED, SigningError
from drafter.signing.keys import subject_name, subject_organisation
from drafter.signing.plan import PagePlan, Rect, plan

CREATOR = "Drafter"
SIGNER_FIELD = fields.PREFIX + "signer"  # the first block's; block n > 1: Drafter_signer_n
AGENCY_FIELD = fields.PREFIX + "agency"
SIGNATURE_BYTES = 24_576  # a CMS signature with a chain of a few RSA-4096 certificates


class Role(StrEnum):
    SIGNER = "signer"
    AGENCY = "agency"


@dataclass
class Request:
    """What to sign and how; the key is passed separately."""

    role: Role
    image: Path | None = None  # the handwritten signature or the seal
    number: int | None = None  # the văn thư's number, filled at issuance
    date: dt.date | None = None
    attachment_of: str = ""  # "12/UBND-VP": an attachment in a separate file (ô 14)
    copy_form: str = ""  # "SAO Y": an electronic copy (Mẫu 3.2, ô 14)
    tsa_url: str = ""  # a time-stamping server; empty: the local clock
    reason: str = ""
    block: int | None = None  # which signature block (1, 2…); None: the next one to sign


@dataclass
class Result:
    data: bytes
    signer_name: str
    organisation: str
    filled: dict[str, str] = field(default_factory=dict)  # number, day, month, year
    number_symbol: str = ""  # "12/UBND-VP" once numbered
    date: dt.date | None = None
    title: str = ""  # the document's type, from the PDF's properties
    block: int = 0  # the signature block signed (1, 2…); 0: none (ô 14's text signature)
    block_name: str = ""  # the name printed under that block


def _reader(data: bytes) -> Any:
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        reader.root  # noqa: B018 - a damaged file fails here, not later
    except (PdfReadError, ValueError, KeyError, IndexError, TypeError):
        raise SigningError(_("the file is not a PDF or is damaged")) from None
    if reader.encrypted:
        raise SigningError(_("the PDF is encrypted; Drafter signs only the PDFs it made"))
    return reader


def check_made_by_drafter(reader: Any) -> None:
    info = reader.trailer_view.get("/Info")
    creator = str(info.get_object().get("/Creator", "")) if info is not None else ""
    if creator != CREATOR:
        raise SigningError(
            _(
                "this PDF was not made by Drafter; Drafter signs only the PDFs "
                "it exports (the number, date and signature places must be "
                "known)"
            )
        )


def signature_fields(reader: Any) -> dict[str, Any]:
    """Embedded signatures by field name."""
    return {signature.field_name: signature for signature in reader.embedded_signatures}


def _timestamper(url: str) -> Any:
    if not url:
        return None
    try:
        from pyhanko.sign.timestamps import HTTPTimeStamper
    except ImportError as error:
        raise SigningError(
            _("time-stamping needs the 'requests' package ({error})").format(error=error),
            EXIT_FAILED,
        ) from None
    return HTTPTimeStamper(url)


def _sign(
    writer: Any,
    signer: Any,
    field_name: str,
    style: Any,
    request: Request,
    *,
    certify: bool,
    text_params: dict[str, str] | None = None,
) -> bytes:
    from pyhanko.sign import fields as pdf_fields
    from pyhanko.sign import signers
    from pyhanko.sign.general import SigningError as PyHankoSigningError

    metadata = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=pdf_fields.SigSeedSubFilter.PADES,
        certify=certify,
        docmdp_permissions=pdf_fields.MDPPerm.FILL_FORMS,
        name=subject_name(signer.signing_cert),
        reason=request.reason or None,
    )
    pdf_signer = signers.PdfSigner(
        metadata, signer=signer, stamp_style=style, timestamper=_timestamper(request.tsa_url)
    )
    output = BytesIO()
    try:
        # Without a time stamp the size is known: reserving it spares pyHanko a trial
        # signature made only to measure one (a third of the time of signing).
        reserved = None if request.tsa_url else SIGNATURE_BYTES
        pdf_signer.sign_pdf(
            writer, output=output, appearance_text_params=text_params, bytes_reserved=reserved
        )
    except PyHankoSigningError as error:
        raise SigningError(
            _("the signature could not be made: {error}").format(error=error), EXIT_FAILED
        ) from None
    except OSError as error:  # the time-stamping server cannot be reached
        raise SigningError(
            _("the time-stamping server {url} did not answer: {error}").format(
                url=request.tsa_url, error=error
            ),
            EXIT_FAILED,
        ) from None
    return output.getvalue()


def _title(reader: Any) -> str:
    info = reader.trailer_view.get("/Info")
    return str(info.get_object().get("/Title", "")) if info is not None else ""


def signer_field(block: int) -> str:
    """The signer's field of signature block *block* (1, 2…)."""
    return SIGNER_FIELD if block == 1 else f"{SIGNER_FIELD}_{block}"


def agency_field(block: int) -> str:
    return AGENCY_FIELD if block == 1 else f"{AGENCY_FIELD}_{block}"


def _check_block(block: int, layout: PagePlan) -> None:
    count = len(layout.signatures)
    if not 1 <= block <= count:
        raise SigningError(
            _(
                "this PDF has {count} signature block(s): --block must be between 1 and {count}"
            ).format(count=count)
        )


def _signer_block(request: Request, layout: PagePlan, signed: set[str]) -> int:
    """The block the signer signs: the one asked for, else the first not signed yet."""
    if request.block is not None:
        _check_block(request.block, layout)
        if signer_field(request.block) in signed:
            raise SigningError(
                _("signature block {block} is already signed by its signer").format(
                    block=request.block
                )
            )
        return request.block
    for block in range(1, len(layout.signatures) + 1):
        if signer_field(block) not in signed:
            return block
    raise SigningError(_("this PDF already carries the signer's signature"))


def sign_as_signer(data: bytes, signer: Any, request: Request) -> Result:
    """The signer's signature (ô 7c): image between title and name; blanks become fields.

    The first signer certifies the document and makes every field at once: the blanks,
    each block's signer field and each block's agency field (after a certification
    signature a new visible field would void it).  A letter's other signers (a biên bản,
    a liên tịch letter) sign their blocks' fields afterwards.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    reader = _reader(data)
    check_made_by_drafter(reader)
    signed = set(signature_fields(reader))
    prepared = SIGNER_FIELD in _signature_field_names(reader)
    if signed and not prepared:
        raise SigningError(_("this PDF is already signed; the signer signs first"))
    if request.image is None:
        raise SigningError(
            _("the signer's signature needs the image of the handwritten signature (--image)")
        )
    layout: PagePlan = plan(data)
    if not layout.signatures:
        raise SigningError(
            _("no signature block found in this PDF (the space between the title and the name)")
        )
    block = _signer_block(request, layout, signed)
    image = appearance.load_image(request.image, _("signature image"))
    space = layout.signatures[block - 1]
    writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
    if not prepared:
        _prepare_fields(writer, layout, block)
    box = _field_rect(writer, signer_field(block)) or appearance.signature_box(space)
    drawn = appearance.signature_rect(space, image.width / image.height)
    signed_data = _sign(
        writer,
        signer,
        signer_field(block),
        appearance.placed_image_style(image, box, drawn),
        request,
        certify=not prepared,
    )
    certificate = signer.signing_cert
    return Result(
        signed_data,
        subject_name(certificate),
        subject_organisation(certificate),
        title=_title(reader),
        block=block,
        block_name=space.name,
    )


def block_to_sign(data: bytes, role: Role, block: int | None) -> tuple[int, PagePlan]:
    """The signature block *role* would sign in *data* (as signing chooses it) and the
    PDF's plan: the command line looks up the stored signer by the block's name."""
    reader = _reader(data)
    check_made_by_drafter(reader)
    layout = plan(data)
    if not layout.signatures:
        raise SigningError(
            _("no signature block found in this PDF (the space between the title and the name)")
        )
    signed = set(signature_fields(reader))
    request = Request(role, block=block)
    if role is Role.SIGNER:
        return _signer_block(request, layout, signed), layout
    return _agency_block(request, layout, signed), layout


def _prepare_fields(writer: Any, layout: PagePlan, certifying_block: int) -> None:
    """The blanks as text fields, and every block's signer and agency fields, empty."""
    from pyhanko.sign import fields as pdf_fields

    fields.add_blank_fields(writer, layout.blanks)
    names = []
    for block in range(1, len(layout.signatures) + 1):
        names += [signer_field(block), agency_field(block)]
    # Every field is locked but those the văn thư fills and the signatures still to come.
    open_fields = [fields.field_name(blank.name) for blank in layout.blanks] + [
        name for name in names if name != signer_field(certifying_block)
    ]
    lock = pdf_fields.FieldMDPSpec(pdf_fields.FieldMDPAction.EXCLUDE, open_fields)
    for block, space in enumerate(layout.signatures, start=1):
        certifying = block == certifying_block
        pdf_fields.append_signature_field(
            writer,
            pdf_fields.SigFieldSpec(
                signer_field(block),
                on_page=space.page,
                box=_field_box(appearance.signature_box(space)),
                field_mdp_spec=lock if certifying else None,
                doc_mdp_update_value=pdf_fields.MDPPerm.FILL_FORMS if certifying else None,
            ),
        )
        # The agency's field comes after its signer's, so the seal is drawn over the image.
        pdf_fields.append_signature_field(
            writer,
            pdf_fields.SigFieldSpec(
                agency_field(block), on_page=space.page, box=_field_box(appearance.seal_box(space))
            ),
        )


def _number_and_date(layout: PagePlan, values: dict[str, str], request: Request) -> dict[str, str]:
    """The field values to write; checks the number and date against the document."""
    from drafter.core.vietnamese import pad_number

    blank = {name for name, value in values.items() if not value}
    wanted: dict[str, str] = {}
    if "number" in blank:
        if request.number is None:
            raise SigningError(_("the document has no number yet: give it with --number"))
        wanted["number"] = pad_number(request.number)
    elif request.number is not None:
        raise SigningError(
            _("the document already has its number ({number})").format(
                number=values.get("number") or layout.number
            )
        )
    date_blank = blank & {"day", "month", "year"}
    if date_blank:
        if request.date is None:
            raise SigningError(_("the document has no date yet: give it with --date YYYY-MM-DD"))
        date = request.date
        year_field = "year" in values
        if not year_field and layout.page_sizes and not _year_matches(layout, date):
            raise SigningError(
                _("the date line gives another year than {year}").format(year=date.year)
            )
        wanted["day"] = f"{date.day:02d}"
        wanted["month"] = f"{date.month:02d}" if date.month <= 2 else str(date.month)
        if year_field:
            wanted["year"] = str(date.year)
    elif request.date is not None:
        raise SigningError(_("the document is already dated"))
    return wanted


def _year_matches(layout: PagePlan, date: dt.date) -> bool:
    return layout.year in ("", str(date.year))


def sign_as_agency(
    data: bytes, signer: Any, request: Request, font_file: Path, italic_font_file: Path
) -> Result:
    """The agency's signature: the seal over the signer's (ô 8), or text for ô 14."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields as pdf_fields

    reader = _reader(data)
    check_made_by_drafter(reader)
    existing = signature_fields(reader)
    certificate = signer.signing_cert
    name, organisation = subject_name(certificate), subject_organisation(certificate)
    result = Result(b"", name, organisation, title=_title(reader))
    separate = bool(request.attachment_of or request.copy_form)
    if separate:
        if existing:
            raise SigningError(
                _("this PDF is already signed by the agency")
                if AGENCY_FIELD in existing
                else _(
                    "this PDF is already signed; an attachment or a copy is "
                    "signed only by the agency"
                )
            )
        writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
        moment = appearance.signing_time()
        lines = (
            [request.copy_form, organisation or name]
            if request.copy_form
            else [organisation or name, f"Số: {request.attachment_of}"]
        )
        lines.append(appearance.iso_time(moment))
        page_size = _page_size(reader, 0)
        rect = appearance.text_rect(lines, page_size)
        pdf_fields.append_signature_field(
            writer, pdf_fields.SigFieldSpec(AGENCY_FIELD, on_page=0, box=_field_box(_rounded(rect)))
        )
        result.data = _sign(
            writer,
            signer,
            AGENCY_FIELD,
            appearance.text_style(lines, font_file),
            request,
            certify=False,
        )
        return result
    layout = plan(data)
    block = _agency_block(request, layout, set(existing))
    if request.image is None:
        raise SigningError(_("the agency's signature needs the image of the seal (--image)"))
    image = appearance.load_image(request.image, _("seal image"))
    wanted = _number_and_date(layout, fields.field_values(reader), request)
    if agency_field(block) not in _signature_field_names(reader):
        raise SigningError(
            _(
                "this PDF has no place for the agency's signature; it was not "
                "signed by its signer with Drafter"
            )
        )
    if wanted:
        writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
        fields.fill(writer, wanted, font_file, italic_font_file)
        filled = BytesIO()
        writer.write(filled)
        data = filled.getvalue()
        result.filled = wanted
    writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
    space = layout.signatures[block - 1]
    ratio = _signer_image_ratio(writer, signer_field(block)) or appearance.MAX_SIGNATURE_WIDTH / (
        space.top - space.bottom
    )
    drawn = appearance.seal_rect(
        appearance.signature_rect(space, ratio), appearance.seal_size(image)
    )
    box = _field_rect(writer, agency_field(block)) or appearance.seal_box(space)
    result.data = _sign(
        writer,
        signer,
        agency_field(block),
        appearance.placed_image_style(image, box, drawn),
        request,
        certify=False,
    )
    number = wanted.get("number") or layout.number or fields.field_values(reader).get("number", "")
    if number:
        result.number_symbol = f"{number}/{layout.symbol}" if layout.symbol else number
    result.date = request.date
    result.block, result.block_name = block, space.name
    return result


def _agency_block(request: Request, layout: PagePlan, signed: set[str]) -> int:
    """The block the agency seals: the one asked for, else the first its signer signed
    and no agency has sealed yet."""
    if request.block is not None:
        _check_block(request.block, layout)
        blocks = [request.block]
    else:
        blocks = list(range(1, len(layout.signatures) + 1))
    waiting = [b for b in blocks if agency_field(b) not in signed]
    if not waiting:
        raise SigningError(_("this PDF is already signed by the agency"))
    ready = [b for b in waiting if signer_field(b) in signed]
    if not ready:
        raise SigningError(
            _(
                "the agency signs only a document already signed by its signer; "
                "have the signer sign it first"
            )
        )
    return ready[0]


def _field_object(writer: Any, name: str) -> Any:
    from pyhanko.sign.fields import enumerate_sig_fields

    for field_name, _value, reference in enumerate_sig_fields(writer):
        if str(field_name) == name:
            return reference.get_object()
    return None


def _field_rect(writer: Any, name: str) -> Rect | None:
    """The rectangle of the signature field *name*'s widget, if the field exists."""
    field = _field_object(writer, name)
    if field is None:
        return None
    widget = field if "/Rect" in field else field["/Kids"][0].get_object()
    x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _signer_image_ratio(writer: Any, name: str) -> float | None:
    """Width/height of the image in the signed field *name*'s appearance: the seal's
    place depends on where the signer's image was drawn."""
    field = _field_object(writer, name)
    if field is None:
        return None
    widget = field if "/AP" in field else field.get("/Kids", [field])[0].get_object()
    try:
        stream = widget["/AP"]["/N"].get_object()
    except (KeyError, TypeError):
        return None
    return _image_ratio(stream, depth=0)


def _image_ratio(xobject: Any, depth: int) -> float | None:
    if xobject.get("/Subtype") == "/Image":
        return float(xobject["/Width"]) / float(xobject["/Height"])
    if depth > 4:
        return None
    resources = xobject.get("/Resources")
    inner = resources.get_object().get("/XObject") if resources is not None else None
    if inner is None:
        return None
    for reference in inner.get_object().values():
        ratio = _image_ratio(reference.get_object(), depth + 1)
        if ratio is not None:
            return ratio
    return None


def _page_size(reader: Any, index: int) -> tuple[float, float]:
    page = reader.find_page_for_modification(index)[0].get_object()
    box = page.get("/MediaBox") or reader.root["/Pages"].get("/MediaBox") or [0, 0, 595, 842]
    x0, y0, x1, y1 = (float(v) for v in box)
    return x1 - x0, y1 - y0


def _signature_field_names(reader: Any) -> set[str]:
    from pyhanko.sign.fields import enumerate_sig_fields

    return {str(name) for name, _value, _reference in enumerate_sig_fields(reader)}


def _field_box(rect: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    """*rect* as pyHanko's SigFieldSpec declares its box: integers, though PDF coordinates
    are real numbers and pyHanko takes the floats it is given."""
    return cast("tuple[int, int, int, int]", rect)


def _rounded(rect: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = (round(v, 2) for v in rect)
    return x0, y0, x1, y1
