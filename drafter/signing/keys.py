"""Signing keys: a PKCS#12 file or a PKCS#11 token (the USB tokens of Vietnamese CAs).

The password or PIN is passed in by the caller, used to open the key and forgotten: it
is never stored, printed or logged.  Every failure becomes a :class:`SigningError` in
the user's language: a wrong password or PIN, a token that is not plugged in, a
certificate that has expired or is not valid yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.i18n import N_, _
from drafter.signing.errors import EXIT_FAILED, SigningError, read_input


@dataclass(frozen=True)
class KeySource:
    """Where the key is: ``p12`` a file, or ``pkcs11_library`` with ``token`` a label."""

    p12: Path | None = None
    pkcs11_library: Path | None = None
    token: str = ""
    key_label: str = ""  # which key of the token; empty: its only key with a certificate

    def describe(self) -> str:
        if self.p12 is not None:
            return str(self.p12)
        return f"{self.pkcs11_library} ({self.token})"


def check_validity(certificate: Any, now: dt.datetime | None = None) -> None:
    """Refuse a certificate outside its validity period (asn1crypto certificate)."""
    now = now or dt.datetime.now(dt.UTC)
    validity = certificate["tbs_certificate"]["validity"]
    start, end = validity["not_before"].native, validity["not_after"].native
    name = subject_name(certificate)
    if now > end:
        raise SigningError(
            _("the certificate of {name} expired on {date}; sign with a valid certificate").format(
                name=name, date=end.date().isoformat()
            )
        )
    if now < start:
        raise SigningError(
            _("the certificate of {name} is valid only from {date}").format(
                name=name, date=start.date().isoformat()
            )
        )


def subject_name(certificate: Any) -> str:
    subject = certificate.subject.native
    return str(subject.get("common_name") or certificate.subject.human_friendly)


def subject_organisation(certificate: Any) -> str:
    subject = certificate.subject.native
    organisation = subject.get("organization_name") or ""
    if isinstance(organisation, list):
        organisation = ", ".join(organisation)
    return str(organisation)


@contextmanager
def open_signer(source: KeySource, secret: str) -> Iterator[Any]:
    """A pyHanko signer for *source*, unlocked with *secret*; closed on exit."""
    if source.p12 is not None:
        signer = _pkcs12_signer(source.p12, secret)
        check_validity(signer.signing_cert)
        yield signer
        return
    if source.pkcs11_library is None:
        raise SigningError(_("say which key signs: --p12 FILE or --pkcs11 LIBRARY --token LABEL"))
    with _pkcs11_signer(source, secret) as signer:
        check_validity(signer.signing_cert)
        yield signer


def _pkcs12_signer(path: Path, password: str) -> Any:
    from cryptography.hazmat.primitives.serialization import pkcs12
    from pyhanko.sign.signers import SimpleSigner

    data = read_input(path, N_("cannot read the key file {path}: {reason}"))
    try:
        signer = SimpleSigner.load_pkcs12_data(
            data, other_certs=(), passphrase=password.encode() or None
        )
    except (ValueError, TypeError):
        # Tell a wrong password from a file that is no key file at all.
        try:
            pkcs12.load_key_and_certificates(data, None)
        except ValueError as error:
            if "password" in str(error).lower() or "mac" in str(error).lower():
                raise SigningError(
                    _("wrong password for the key file {path}").format(path=path)
                ) from None
            raise SigningError(
                _("{path} is not a PKCS#12 key file (.p12, .pfx)").format(path=path)
            ) from None
        raise SigningError(
            _("the key file {path} holds no key with its certificate").format(path=path)
        ) from None
    return signer


@contextmanager
def _pkcs11_signer(source: KeySource, pin: str) -> Iterator[Any]:
    try:
        from pkcs11 import Attribute, ObjectClass
        from pkcs11 import exceptions as p11
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session
    except ImportError as error:
        raise SigningError(
            _("signing with a token needs python-pkcs11 ({error})").format(error=error), EXIT_FAILED
        ) from None
    library = str(source.pkcs11_library)
    if not Path(library).is_file():
        raise SigningError(
            _(
                "the PKCS#11 library {path} does not exist; install the token's "
                "driver or give its path"
            ).format(path=library)
        )
    try:
        session = open_pkcs11_session(
            library, token_criteria=TokenCriteria(label=source.token), user_pin=pin
        )
    except (p11.PinIncorrect, p11.PinInvalid, p11.PinLenRange):
        raise SigningError(
            _("wrong PIN for the token '{token}'").format(token=source.token)
        ) from None
    except p11.PinLocked:
        raise SigningError(
            _("the token '{token}' is locked after too many wrong PINs").format(token=source.token)
        ) from None
    except (p11.PKCS11Error, RuntimeError, OSError) as error:
        if "No token" in str(error) or isinstance(error, p11.TokenNotPresent):
            raise SigningError(
                _("no token labelled '{token}' is plugged in").format(token=source.token)
            ) from None
        raise SigningError(
            _("the token '{token}' cannot be opened: {error}").format(
                token=source.token, error=error
            ),
            EXIT_FAILED,
        ) from None
    except Exception as error:  # pyHanko wraps "no token found" in its own PKCS11Error
        if "No token" in str(error):
            raise SigningError(
                _("no token labelled '{token}' is plugged in").format(token=source.token)
            ) from None
        raise
    try:
        key_id = _key_with_certificate(session, source.key_label, Attribute, ObjectClass)
        if key_id is None:
            raise SigningError(
                _("the token '{token}' holds no key with a certificate").format(token=source.token)
            )
        signer = PKCS11Signer(session, key_id=key_id, cert_id=key_id)
        yield signer
    finally:
        session.close()


def _key_with_certificate(
    session: Any, label: str, attribute: Any, object_class: Any
) -> bytes | None:
    """The id shared by a private key and its certificate (the one labelled *label*)."""
    certificates = {}
    for certificate in session.get_objects({attribute.CLASS: object_class.CERTIFICATE}):
        certificates[bytes(certificate[attribute.ID])] = str(certificate[attribute.LABEL])
    for key in session.get_objects({attribute.CLASS: object_class.PRIVATE_KEY}):
        key_id = bytes(key[attribute.ID])
        if key_id in certificates and (
            not label or label in (certificates[key_id], str(key[attribute.LABEL]))
        ):
            return key_id
    return None
