"""Verifying every signature of a PDF: intact, changed only as allowed, trusted.

Three separate questions for each signature, because they mean different things to a
văn thư:

- **intact**: the signed bytes are those the signer signed (the digest and the
  signature match);
- **changed after it**: what later revisions changed, and whether the signature's
  permissions allowed it (filling the number and date, adding a signature: allowed;
  anything else: not);
- **trusted**: the certificate chains up to a CA in the user's trust folder and was
  valid at signing time.  No CA is shipped, so without a trust folder every signature
  is "not verified", never "valid".

A document passes when every signature is intact and no change went beyond what was
allowed; trust is reported beside it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import asdict, dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from drafter.i18n import _
from drafter.signing.appearance import iso_time
from drafter.signing.config import trusted_certificate_files
from drafter.signing.errors import SigningError
from drafter.signing.keys import subject_name, subject_organisation


@dataclass
class SignatureReport:
    field: str
    signer: str
    organisation: str
    time: str  # ISO 8601, Vietnam time
    time_source: str  # "timestamp" (a time-stamping server) or "signer" (its clock)
    intact: bool
    changed_after: str  # "none", "form_filling" (fields filled, signatures added), "other"
    allowed: bool  # later changes were within the signature's permissions
    trusted: bool
    certificate_valid_at_signing: bool
    certification: bool  # the first signature, that fixes what may change after it
    problems: list[str] = dataclasses.field(default_factory=list)

    @property
    def passes(self) -> bool:
        return self.intact and self.allowed


@dataclass
class Report:
    signatures: list[SignatureReport]
    trust_anchors: int  # how many CA certificates the trust folder held

    @property
    def passes(self) -> bool:
        return bool(self.signatures) and all(s.passes for s in self.signatures)

    @property
    def trusted(self) -> bool:
        return bool(self.signatures) and all(s.trusted for s in self.signatures)

    def verdict(self) -> str:
        if not self.signatures:
            return _("The document carries no digital signature.")
        if not self.passes:
            broken = [s.signer for s in self.signatures if not s.passes]
            return _("NOT VALID: the document was changed after it was signed by {names}.").format(
                names=", ".join(broken)
            )
        if not self.trusted:
            return _(
                "Intact: no signature was broken and only the allowed changes were made "
                "(number, date, further signatures); but the certificates could not "
                "be checked against a trusted CA."
            )
        return _(
            "Valid: every signature is intact, the document was changed only as "
            "allowed, and every certificate comes from a trusted CA."
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "passes": self.passes,
            "trusted": self.trusted,
            "verdict": self.verdict(),
            "trust_anchors": self.trust_anchors,
            "signatures": [asdict(s) | {"passes": s.passes} for s in self.signatures],
        }


def load_trust_roots(folder: Path) -> list[Any]:
    """The CA certificates of *folder* (PEM or DER; several per PEM file allowed)."""
    from asn1crypto import pem, x509

    roots = []
    for path in trusted_certificate_files(folder):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        blobs = (
            [der for _kind, _headers, der in pem.unarmor(data, multiple=True)]
            if pem.detect(data)
            else [data]
        )
        for der in blobs:
            try:
                certificate = x509.Certificate.load(der)
                certificate.native  # noqa: B018 - parse now: a bad file is skipped here
            except ValueError:
                continue
            roots.append(certificate)
    return roots


_LEVELS = {
    "NONE": "none",
    "LTA_UPDATES": "none",
    "FORM_FILLING": "form_filling",
    "ANNOTATIONS": "other",
    "OTHER": "other",
}


def verify_bytes(data: bytes, trust_folder: Path) -> Report:
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except (PdfReadError, ValueError, KeyError, IndexError, TypeError):
        raise SigningError(_("the file is not a PDF or is damaged")) from None
    roots = load_trust_roots(trust_folder)
    reports = []
    for index, embedded in enumerate(signatures):
        context = ValidationContext(
            trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail"
        )
        try:
            status = validate_pdf_signature(
                embedded, signer_validation_context=context, ts_validation_context=context
            )
        except Exception as error:  # a damaged signature container: report, don't crash
            reports.append(_broken(embedded, str(error)))
            continue
        reports.append(
            _report(
                embedded, status, certification=index == 0 and embedded.docmdp_level is not None
            )
        )
    return Report(reports, len(roots))


def _broken(embedded: Any, reason: str) -> SignatureReport:
    return SignatureReport(
        field=str(embedded.field_name),
        signer="?",
        organisation="",
        time="",
        time_source="",
        intact=False,
        changed_after="other",
        allowed=False,
        trusted=False,
        certificate_valid_at_signing=False,
        certification=False,
        problems=[_("the signature cannot be read: {reason}").format(reason=reason)],
    )


def _report(embedded: Any, status: Any, *, certification: bool) -> SignatureReport:
    certificate = status.signing_cert
    timestamp = status.timestamp_validity
    moment: dt.datetime | None = (
        timestamp.timestamp if timestamp is not None else status.signer_reported_dt
    )
    level = status.modification_level
    changed = _LEVELS.get(level.name, "other") if level is not None else "other"
    intact = bool(status.intact and status.valid)
    allowed = bool(status.docmdp_ok) and status.coverage is not None
    problems = []
    if not intact:
        problems.append(
            _(
                "the signed content does not match the signature: the document "
                "was changed after signing"
            )
        )
    elif not allowed:
        problems.append(_("the document was changed after this signature beyond what it allowed"))
    start = certificate["tbs_certificate"]["validity"]["not_before"].native
    end = certificate["tbs_certificate"]["validity"]["not_after"].native
    valid_then = moment is not None and start <= moment <= end
    if not valid_then:
        problems.append(_("the certificate was not valid at the signing time"))
    if not status.trusted:
        problems.append(_("the certificate does not chain up to a CA of the trust folder"))
    return SignatureReport(
        field=str(embedded.field_name),
        signer=subject_name(certificate),
        organisation=subject_organisation(certificate),
        time=iso_time(moment) if moment is not None else "",
        time_source="timestamp" if timestamp is not None else "signer",
        intact=intact,
        changed_after=changed,
        allowed=allowed,
        trusted=bool(status.trusted),
        certificate_valid_at_signing=valid_then,
        certification=certification,
        problems=problems,
    )


def describe(report: SignatureReport) -> list[str]:
    """The lines the command line and the GUI show for one signature."""
    changed = {
        "none": _("not changed after this signature"),
        "form_filling": _(
            "changed after it only by filling in form fields (number, date) "
            "and adding signatures, as allowed"
        ),
        "other": _("changed after it beyond what it allowed"),
    }[report.changed_after]
    if report.changed_after == "other" and report.allowed:
        changed = _("changed after it, within what it allowed")
    source = (
        _("time-stamping server") if report.time_source == "timestamp" else _("the signer's clock")
    )
    lines = [
        _("Signer: {name}").format(name=report.signer),
        _("Organisation: {name}").format(name=report.organisation or "—"),
        _("Signed at: {time} ({source})").format(time=report.time or "—", source=source),
        _("Intact: {answer}").format(answer=_("yes") if report.intact else _("NO")),
        changed[:1].upper() + changed[1:],
        _("Certificate: {state}").format(
            state=_("trusted")
            if report.trusted
            else _("not verified (its CA is not in the trust folder)")
        ),
    ]
    return lines + [f"! {problem}" for problem in report.problems]
