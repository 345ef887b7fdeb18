"""The signature image, seal image and key the store keeps for a signer or a profile.

A signer is found by the name printed under their signature block (or the name the
user gives), compared without case or diacritics (``Nguyen Van An`` finds ``Nguyễn
Văn An``).  The agency's seal and key come from the organisation profile that issued
the document: the one whose abbreviation starts the document's ký hiệu
(``12/SGDĐT-VP`` → ``SGDĐT``), else the profile of the block's signer, else the only
profile there is.  A key choice is kept as ``p12:<file>`` or ``pkcs11:<library>#<token
label>``; never the key itself, and never a password or PIN.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.i18n import _
from drafter.signing.errors import SigningError
from drafter.signing.keys import KeySource


@dataclass(frozen=True)
class StoredChoice:
    """What the store holds for one signature; ``owner`` names whose it is."""

    owner: str
    image: Path | None = None
    key: KeySource | None = None


def parse_key_choice(text: str) -> KeySource | None:
    """``p12:/path/key.p12`` or ``pkcs11:/path/lib.so#LABEL`` as a key source."""
    kind, _sep, rest = text.strip().partition(":")
    if kind == "p12" and rest:
        return KeySource(p12=Path(rest))
    if kind == "pkcs11" and rest:
        library, _hash, token = rest.partition("#")  # a label may hold a "#", a path not
        if library and token:
            return KeySource(pkcs11_library=Path(library), token=token)
    return None


def _choice(owner: str, image: str, certificate: str) -> StoredChoice:
    return StoredChoice(
        owner,
        Path(image) if image else None,
        parse_key_choice(certificate) if certificate else None,
    )


def find_signer(store: Any, name: str) -> Any:
    """The stored signer called *name*, compared without case or diacritics."""
    from drafter.core.vietnamese import fold
    from drafter.store.signers import list_signers

    wanted = " ".join(fold(name).split())
    matches = [s for s in list_signers(store) if " ".join(fold(s.name).split()) == wanted]
    return matches[0] if matches else None


def for_signer(store: Any, name: str) -> StoredChoice:
    signer = find_signer(store, name)
    if signer is None:
        raise SigningError(
            _(
                "no signer named '{name}' in the office data; give the "
                "signature image with --image, or add the signer"
            ).format(name=name)
        )
    return _choice(signer.name, signer.signature_image or "", signer.certificate or "")


def for_agency(store: Any, symbol: str, signer_name: str = "") -> StoredChoice:
    """The profile that issued the document with ký hiệu *symbol*, as explained above."""
    from drafter.core.vietnamese import fold
    from drafter.store.profiles import list_profiles

    profiles = list_profiles(store)
    abbreviation = fold(symbol.split("-")[0].strip()) if symbol else ""
    found = [p for p in profiles if abbreviation and fold(p.abbreviation) == abbreviation]
    if not found and signer_name:
        signer = find_signer(store, signer_name)
        if signer is not None and signer.profile_id is not None:
            found = [p for p in profiles if p.id == signer.profile_id]
    if not found and len(profiles) == 1:
        found = profiles
    if not found:
        raise SigningError(
            _("no organisation profile found for this document; give the seal image with --image")
        )
    profile = found[0]
    return _choice(
        profile.label or profile.name, profile.seal_image or "", profile.certificate or ""
    )


def load(db: str | None, role: str, *, symbol: str = "", name: str = "") -> StoredChoice:
    """Open the store at *db* (default: the user's) and look up *role*'s choice."""
    from drafter.signing.errors import EXIT_FAILED
    from drafter.store.engine import open_store
    from drafter.store.errors import StoreError

    try:
        with open_store(db, read_only=True) as store:
            if role == "signer":
                return for_signer(store, name)
            return for_agency(store, symbol, name)
    except StoreError as error:
        raise SigningError(str(error), EXIT_FAILED) from None
