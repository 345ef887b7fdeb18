"""Recipients and groups: the address book behind Kính gửi (ô 9a) and Nơi nhận (ô 9b).

A contact has a full name, printed after "Kính gửi:", and a short one for the Nơi
nhận list ("Sở Tài chính thành phố Hà Nội" / "Sở Tài chính").  A group is an ordered
list of contacts that can stand in either place, member by member or by its own name
("Các sở, ban, ngành thành phố").  Search matches with or without diacritics and
lists the results in Vietnamese alphabetical order.
"""

from __future__ import annotations

from typing import Literal

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.interfaces import ORMOption

from drafter.core.letter import Letter
from drafter.core.vietnamese import clean_line, clean_text
from drafter.i18n import _
from drafter.store.engine import Store
from drafter.store.models import Contact, ContactGroup, GroupMember
from drafter.store.text import like_pattern, query_words, search_text, sort_bytes

AGENCY, PERSON = "agency", "person"
# A contact's text fields besides its kind, full name first: what an office file, a
# spreadsheet import and the address book's editor read and write.
TEXT_FIELDS = (
    "full_name",
    "short_name",
    "title",
    "organisation",
    "email",
    "phone",
    "address",
    "note",
)
Place = Literal["kinh_gui", "noi_nhan"]


def recipient_line(contact: Contact, for_: Place) -> str:
    """The line printed for *contact*: full name in Kính gửi, short one in Nơi nhận."""
    if for_ == "noi_nhan":
        return contact.short_name or contact.full_name
    return contact.full_name


def group_lines(group: ContactGroup, for_: Place) -> list[str]:
    return [recipient_line(member.contact, for_) for member in group.members]


def apply_to(letter: Letter, lines: list[str], for_: Place) -> Letter:
    """Add recipient *lines* to the letter's Kính gửi or Nơi nhận, each line once."""
    current = letter.kinh_gui if for_ == "kinh_gui" else letter.noi_nhan
    current.extend(line for line in lines if line not in current)
    return letter


def prepare(contact: Contact) -> Contact:
    """Clean the fields and compute the search and sort columns; raise on a missing name."""
    contact.kind = contact.kind if contact.kind in (AGENCY, PERSON) else AGENCY
    for column in ("full_name", "short_name", "title", "organisation", "email", "phone"):
        setattr(contact, column, clean_line(getattr(contact, column) or ""))
    contact.address = clean_line(contact.address or "")
    contact.note = clean_text(contact.note or "").strip()
    if not contact.full_name:
        raise ValueError(_("a recipient needs a full name"))
    contact.search_text = search_text(
        contact.full_name, contact.short_name, contact.title, contact.organisation, contact.email
    )
    contact.sort_bytes = sort_bytes(contact.full_name)
    return contact


def save_contact(store: Store, contact: Contact) -> Contact:
    prepare(contact)
    with store.write() as session:
        stored = session.merge(contact)
        session.flush()
        session.expunge(stored)
        return stored


def delete_contact(store: Store, contact_id: int) -> None:
    with store.write() as session:
        session.execute(delete(GroupMember).where(GroupMember.contact_id == contact_id))
        session.execute(delete(Contact).where(Contact.id == contact_id))


def _matching(query: str) -> list[ColumnElement[bool]]:
    return [
        Contact.search_text.like(like_pattern(word), escape="\\") for word in query_words(query)
    ]


def search_contacts(
    store: Store, query: str = "", *, kind: str = "", limit: int = 50, offset: int = 0
) -> list[Contact]:
    """Contacts whose names contain every word typed, in Vietnamese order.

    "so tai chinh", "sở tài chính" and "Tài chính Sở" all find "Sở Tài chính".
    """
    statement = select(Contact).where(*_matching(query)).order_by(Contact.sort_bytes)
    if kind:
        statement = statement.where(Contact.kind == kind)
    if limit:
        statement = statement.limit(limit).offset(offset)
    with store.read() as session:
        return list(session.scalars(statement))


def get_contact(store: Store, contact_id: int) -> Contact | None:
    with store.read() as session:
        return session.get(Contact, contact_id)


def find_by_full_name(session: Session, full_name: str) -> Contact | None:
    return session.scalars(select(Contact).where(Contact.full_name == full_name)).first()


# --- groups ---------------------------------------------------------------------------


def _with_members() -> ORMOption:
    return selectinload(ContactGroup.members).selectinload(GroupMember.contact)


def _load_group(session: Session, group_id: int) -> ContactGroup | None:
    return session.get(ContactGroup, group_id, options=[_with_members()])


def list_groups(store: Store, query: str = "") -> list[ContactGroup]:
    statement = (
        select(ContactGroup)
        .options(_with_members())
        .where(
            *[
                ContactGroup.search_text.like(like_pattern(w), escape="\\")
                for w in query_words(query)
            ]
        )
        .order_by(ContactGroup.sort_bytes)
    )
    with store.read() as session:
        return list(session.scalars(statement))


def get_group(store: Store, group_id: int) -> ContactGroup | None:
    with store.read() as session:
        return _load_group(session, group_id)


def save_group(
    store: Store, name: str, contact_ids: list[int], *, note: str = "", group_id: int | None = None
) -> ContactGroup:
    """Create or replace a group with its members in the given order."""
    name = clean_line(name)
    if not name:
        raise ValueError(_("a group needs a name"))
    with store.write() as session:
        group = session.get(ContactGroup, group_id) if group_id is not None else None
        if group is None:
            group = ContactGroup(name=name)
            session.add(group)
        group.name, group.note = name, clean_text(note).strip()
        group.search_text = search_text(name)
        group.sort_bytes = sort_bytes(name)
        session.flush()
        session.execute(delete(GroupMember).where(GroupMember.group_id == group.id))
        seen: set[int] = set()
        for position, contact_id in enumerate(contact_ids):
            if contact_id not in seen:
                seen.add(contact_id)
                session.add(
                    GroupMember(group_id=group.id, contact_id=contact_id, position=position)
                )
        saved_id = group.id
    result = get_group(store, saved_id)
    assert result is not None
    return result


def add_to_group(session: Session, group_name: str, contact: Contact) -> None:
    """Append *contact* to the group named *group_name*, creating the group if needed."""
    group = session.scalars(select(ContactGroup).where(ContactGroup.name == group_name)).first()
    if group is None:
        group = ContactGroup(
            name=group_name,
            note="",
            search_text=search_text(group_name),
            sort_bytes=sort_bytes(group_name),
        )
        session.add(group)
        session.flush()
    exists = session.get(GroupMember, (group.id, contact.id))
    if exists is None:
        last = session.scalars(
            select(GroupMember.position)
            .where(GroupMember.group_id == group.id)
            .order_by(GroupMember.position.desc())
        ).first()
        session.add(
            GroupMember(
                group_id=group.id,
                contact_id=contact.id,
                position=(last + 1) if last is not None else 0,
            )
        )


def delete_group(store: Store, group_id: int) -> None:
    with store.write() as session:
        session.execute(delete(GroupMember).where(GroupMember.group_id == group_id))
        session.execute(delete(ContactGroup).where(ContactGroup.id == group_id))


def group_by_name(store: Store, name: str) -> ContactGroup | None:
    with store.read() as session:
        return session.scalars(
            select(ContactGroup)
            .options(_with_members())
            .where(ContactGroup.name == clean_line(name))
        ).first()
