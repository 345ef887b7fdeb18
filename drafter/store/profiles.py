"""Organisation profiles (ô 2, the place of ô 4 and ô 13) and how they fill a letter.

A secretary serving two bodies keeps two profiles; :func:`apply_to` writes the chosen
one into :class:`~drafter.core.letter.Letter` for the GUI form and the CLI alike.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from drafter.core.letter import Issuer, Letter
from drafter.core.vietnamese import clean_line, upper
from drafter.store.engine import Store
from drafter.store.models import Profile, Unit
from drafter.store.text import join_lines, split_lines


def list_profiles(store: Store) -> list[Profile]:
    with store.read() as session:
        query = select(Profile).options(selectinload(Profile.units)).order_by(Profile.label)
        return list(session.scalars(query))


def profile_named(store: Store, name: str) -> Profile | None:
    """The profile a user names on the command line: by its label or its abbreviation,
    letter case aside (``--profile "Sở Tài chính"``, ``--profile stc``)."""
    wanted = name.casefold()
    return next(
        (
            p
            for p in list_profiles(store)
            if wanted in (p.label.casefold(), p.abbreviation.casefold())
        ),
        None,
    )


def sole_profile(store: Store) -> Profile | None:
    """The office's profile when the database holds exactly one (a register's book is
    headed with it), else None."""
    profiles = list_profiles(store)
    return profiles[0] if len(profiles) == 1 else None


def get_profile(store: Store, profile_id: int) -> Profile | None:
    with store.read() as session:
        return session.get(Profile, profile_id, options=[selectinload(Profile.units)])


def save_profile(store: Store, profile: Profile) -> Profile:
    """Insert or update *profile* (with its units); return the stored copy."""
    profile.label = clean_line(profile.label) or clean_line(profile.name.split("\n")[0])
    profile.name = join_lines(upper(line) for line in split_lines(profile.name))
    profile.parent = join_lines(upper(line) for line in split_lines(profile.parent))
    for position, unit in enumerate(profile.units):
        unit.position = position
        unit.abbreviation = upper(clean_line(unit.abbreviation))
    with store.write() as session:
        stored = session.merge(profile)
        session.flush()
        profile_id = stored.id
        if stored.is_default:
            _unmark_other_defaults(session, profile_id)
    result = get_profile(store, profile_id)
    assert result is not None
    return result


def _unmark_other_defaults(session: Session, profile_id: int) -> None:
    """Every new letter starts from one profile: marking one as default unmarks the rest."""
    session.execute(
        update(Profile)
        .where(Profile.id != profile_id, Profile.is_default.is_(True))
        .values(is_default=False)
    )


def set_default_profile(store: Store, profile_id: int) -> None:
    """Make the profile *profile_id* the one every new letter starts from."""
    with store.write() as session:
        profile = session.get(Profile, profile_id)
        if profile is not None:
            profile.is_default = True
            _unmark_other_defaults(session, profile_id)


def delete_profile(store: Store, profile_id: int) -> None:
    with store.write() as session:
        profile = session.get(Profile, profile_id)
        if profile is not None:
            session.delete(profile)


def unit_named(profile: Profile, abbreviation_or_name: str) -> Unit | None:
    wanted = clean_line(abbreviation_or_name).casefold()
    return next(
        (u for u in profile.units if wanted in (u.abbreviation.casefold(), u.name.casefold())), None
    )


def issuer_of(profile: Profile, unit: Unit | None = None) -> Issuer:
    return Issuer(
        name=split_lines(profile.name),
        parent=split_lines(profile.parent),
        prose_name=profile.prose_name,
        abbreviation=profile.abbreviation,
        unit=unit.abbreviation if unit is not None else "",
        address=profile.address,
        phone=profile.phone,
        fax=profile.fax,
        email=profile.email,
        website=profile.website,
    )


def apply_to(profile: Profile, letter: Letter, unit: Unit | None = None) -> Letter:
    """Fill the issuer and the place of *letter* from *profile*; the letter is changed."""
    letter.issuer = issuer_of(profile, unit)
    if profile.place:
        letter.place = profile.place
    return letter


def applied(profile: Profile, letter: Letter, unit: Unit | None = None) -> Letter:
    """A copy of *letter* filled from *profile*; the original is left as it is."""
    return apply_to(profile, replace(letter), unit)


def profile_matching(session: Session, issuer: Issuer) -> Profile | None:
    """The profile that issued a letter: same abbreviation, and the same name if several."""
    if not issuer.abbreviation:
        return None
    candidates = list(
        session.scalars(
            select(Profile).where(Profile.abbreviation == issuer.abbreviation).order_by(Profile.id)
        )
    )
    name = join_lines(upper(line) for line in issuer.name)
    return next((p for p in candidates if p.name == name), candidates[0] if candidates else None)


def find_profile_for(store: Store, issuer: Issuer) -> Profile | None:
    with store.read() as session:
        return profile_matching(session, issuer)
