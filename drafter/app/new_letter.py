"""A new letter, started from the office's data: the one function behind every new letter
of the window and ``drafter new TYPE --office``.

It takes the default profile's issuer (parent, name, prose name, abbreviation, contact
lines), its place and drafting unit, and the signer set as default for the type (a
signer naming the type, else the default signer) signing in their first capacity
(KT., TL.…).  Another profile may be chosen per letter; what the type's last letter used
(its drafting unit and signer, kept in the preferences) comes first.  The letter gets its
``document_id`` here, so the register knows it from the start.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from drafter.core.doctypes import Registry, default_registry
from drafter.core.letter import Letter, Signature

if TYPE_CHECKING:
    from drafter.store.engine import Store
    from drafter.store.models import Profile, Signer


@dataclass
class Office:
    """What the office's data gives a new letter of one type."""

    profile: Profile | None = None
    unit: str = ""  # the drafting unit's abbreviation
    signer: Signer | None = None
    problems: list[str] = field(default_factory=list)


def blank(type_id: str, registry: Registry | None = None, *, place: str = "") -> Letter:
    """An empty letter of *type_id*: its type's Nơi nhận, Lưu and signature captions,
    today's date, a new document id."""
    from drafter.store.issuing import new_document_id

    doctype = (registry or default_registry()).get(type_id)
    count = max(1, doctype.signatures)
    captions = (list(doctype.signature_captions) + [""] * count)[:count]
    letter = Letter(
        type_id=type_id,
        place=place,
        noi_nhan=list(doctype.noi_nhan),
        luu=doctype.luu,
        signatures=[Signature(title=c) for c in captions],
        date=dt.date.today(),
        document_id=new_document_id(),
    )
    letter.fields = {spec.id: spec.empty_value() for spec in doctype.fields}
    return letter


def default_profile(profiles: list[Profile]) -> Profile | None:
    return next((p for p in profiles if p.is_default), profiles[0] if profiles else None)


def default_signer(signers: list[Signer], type_id: str, remembered: str = "") -> Signer | None:
    """The signer of a new letter of *type_id*: the one its last letter used, else the one
    naming the type, else the default signer, else the first."""
    if remembered:
        found = next((s for s in signers if s.name == remembered), None)
        if found is not None:
            return found

    def types(signer: Signer) -> set[str]:
        return {t.strip() for t in (signer.default_types or "").split(",") if t.strip()}

    # Without any default set (as the first-run wizard leaves it), the first signer.
    return next(
        (s for s in signers if type_id in types(s)),
        next((s for s in signers if s.is_default), signers[0] if signers else None),
    )


def office_for(
    store: Store,
    type_id: str,
    *,
    profile_id: int | None = None,
    remembered: dict[str, str] | None = None,
) -> Office:
    """The profile, drafting unit and signer a new letter of *type_id* starts from."""
    from drafter.store.profiles import get_profile, list_profiles
    from drafter.store.signers import list_signers

    remembered = remembered or {}
    profile = (
        get_profile(store, profile_id)
        if profile_id is not None
        else default_profile(list_profiles(store))
    )
    if profile is None:
        return Office()
    unit = remembered.get("unit", "")
    if not unit and profile.units:
        unit = profile.units[0].abbreviation
    signer = default_signer(list_signers(store, profile.id), type_id, remembered.get("signer", ""))
    return Office(profile, unit, signer)


def apply_office(letter: Letter, office: Office) -> Letter:
    """Put *office*'s issuer, place, unit and signer into *letter* (changed in place)."""
    from drafter.store import profiles, signers

    if office.profile is not None:
        profiles.apply_to(office.profile, letter)
        letter.issuer.unit = office.unit
    if office.signer is not None:
        pattern = office.signer.patterns[0] if office.signer.patterns else None
        signature = signers.compose_signature(office.signer, pattern)
        if letter.signatures:
            signature.note = letter.signatures[0].note
            letter.signatures[0] = signature
        else:
            letter.signatures = [signature]
    return letter


def new_letter(
    type_id: str,
    *,
    store: Store | None = None,
    base: Letter | None = None,
    profile_id: int | None = None,
    remembered: dict[str, str] | None = None,
    registry: Registry | None = None,
    place: str = "",
) -> Letter:
    """A new letter of *type_id*, from *base* (default: :func:`blank`) filled with the
    office's data when *store* is given."""
    from drafter.store.issuing import new_document_id

    letter = base if base is not None else blank(type_id, registry, place=place)
    if not letter.document_id:
        letter.document_id = new_document_id()
    if store is not None:
        apply_office(
            letter, office_for(store, type_id, profile_id=profile_id, remembered=remembered)
        )
    return letter


def remembered_of(letter: Letter) -> dict[str, str]:
    """What to remember of *letter* for the next of its type."""
    used = {"unit": letter.issuer.unit}
    if letter.signatures and letter.signatures[0].name:
        used["signer"] = letter.signatures[0].name
    return {k: v for k, v in used.items() if v}


def print_from_office(
    type_id: str, sample_text: str, db: str | None, profile_label: str | None
) -> int:
    """``drafter new TYPE --office``: the type's sample letter with the office's issuer,
    place and signer, printed; the exit status."""
    import sys

    from drafter.core import letterfile
    from drafter.i18n import _
    from drafter.store.engine import StoreError, open_store
    from drafter.store.profiles import profile_named

    letter, _problems = letterfile.loads(sample_text)
    letter.number, letter.date, letter.document_id = None, dt.date.today(), ""
    try:
        with open_store(db, read_only=True) as store:
            profile_id = None
            if profile_label:
                found = profile_named(store, profile_label)
                if found is None:
                    print(
                        _("drafter: no profile named '{name}'; see the office's profiles").format(
                            name=profile_label
                        ),
                        file=sys.stderr,
                    )
                    return 2
                profile_id = found.id
            new_letter(type_id, store=store, base=letter, profile_id=profile_id)
    except StoreError as error:
        print(f"drafter: {error}", file=sys.stderr)
        return 1
    sys.stdout.write(letterfile.dumps(letter))
    return 0
