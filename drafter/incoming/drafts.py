"""The reply and the forwarding letter of a registered incoming letter, as new drafts.

One path for ``drafter reply``/``drafter forward`` and the "Trả lời"/"Chuyển" buttons of
the incoming letters view: a letter of the chosen type from the office's data (its
profile: issuer and place; its first signer) citing the incoming letter in full.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from drafter.i18n import _
from drafter.incoming.answer import RECEIVED, forward_letter, reply_letter
from drafter.incoming.register import cited_of, sender_of

if TYPE_CHECKING:
    from drafter.core.letter import Letter
    from drafter.store.engine import Store
    from drafter.store.incoming import IncomingEntry
    from drafter.store.models import Profile


@dataclass
class Draft:
    letter: Letter
    warnings: list[str] = field(default_factory=list)  # said to the user, not fatal


def office_profile(store: Store, label: str | None) -> Profile | None:
    """The office's profile named *label*, else its default one, as for every new letter
    (None when there is none)."""
    from drafter.app.new_letter import default_profile
    from drafter.store.errors import NumberingError
    from drafter.store.profiles import list_profiles, profile_named

    if not label:
        return default_profile(list_profiles(store))
    found = profile_named(store, label)
    if found is None:
        raise NumberingError(_("there is no profile '{label}'").format(label=label))
    return found


def base_letter(store: Store, type_id: str, profile_label: str | None = None) -> Draft:
    """A new letter of *type_id* started from the office's data as every new letter is
    (:mod:`drafter.app.new_letter`): the profile's issuer, place and drafting unit, the
    type's default signer, the type's Nơi nhận, today's date and a document id."""
    from drafter.app.new_letter import apply_office, blank, office_for
    from drafter.core.doctypes import default_registry
    from drafter.store.errors import NumberingError

    registry = default_registry()
    if type_id not in registry:
        raise NumberingError(
            _("unknown document type '{type}'; see 'drafter types'").format(type=type_id)
        )
    letter = blank(type_id, registry)
    profile = office_profile(store, profile_label)
    if profile is None:
        return Draft(letter, [_("no profile of the office is set: the issuer is left empty")])
    return Draft(apply_office(letter, office_for(store, type_id, profile_id=profile.id)))


def answer_draft(
    store: Store,
    entry: IncomingEntry,
    *,
    forward_to: list[str] | None = None,
    type_id: str = "cong_van",
    profile_label: str | None = None,
    phrasing: str = RECEIVED,
) -> Draft:
    """The reply to *entry*, addressed to its sender; with *forward_to*, the letter that
    forwards it to those recipients."""
    draft = base_letter(store, type_id, profile_label)
    cited = cited_of(entry)
    if forward_to is None:
        draft.letter = reply_letter(
            draft.letter, cited, entry.reference, sender=sender_of(entry), phrasing=phrasing
        )
    else:
        draft.letter = forward_letter(
            draft.letter, cited, entry.reference, recipients=forward_to, phrasing=phrasing
        )
    return draft
