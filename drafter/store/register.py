"""The outgoing register (sổ đăng ký văn bản đi): issuing, reserving and cancelling numbers.

Issuing a letter takes the next number of its sequence for the year of its date,
writes one register line with the columns of Appendix IV and keeps the letter file's
text as a snapshot, all in one transaction: either everything is recorded or nothing
is, and a number is never given twice.  Every change leaves an event (audit trail).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from drafter.core import letterfile
from drafter.core.doctypes import Registry
from drafter.core.letter import Letter
from drafter.core.numbering import number_text
from drafter.core.vietnamese import clean_line
from drafter.i18n import _
from drafter.store.audit import change_note, changed_columns
from drafter.store.engine import Store

# Issuing runs without the ORM (see drafter.store.issuing); its names are kept here.
from drafter.store.issuing import (  # noqa: F401
    CANCELLED,
    COPIES_LIMIT,
    ID_LIMIT,
    ISSUED,
    NUMBER_LIMIT,
    RESERVED,
    Issued,
    IssuedEntry,
    check_entry_id,
    check_numbers,
    current_actor,
    issue,
    register_columns,
)
from drafter.store.issuing import spaced as _spaced
from drafter.store.models import NumberSequence, RegisterEntry, RegisterEvent
from drafter.store.sequences import NumberingError, take_next_number
from drafter.store.text import entry_search_text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _event(
    session: Session, entry: RegisterEntry, action: str, actor: str, detail: str = ""
) -> None:
    session.add(
        RegisterEvent(
            entry_id=entry.id,
            action=action,
            actor=actor,
            detail=detail,
        )
    )


def reserve(
    store: Store, sequence_key: str, year: int, *, note: str = "", actor: str | None = None
) -> RegisterEntry:
    """Take the next number of a sequence and hold it for a document signed later."""
    if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999:
        raise NumberingError(_("the year must be a whole number from 1 to 9999"))
    actor = current_actor() if actor is None else actor
    with store.write() as session:
        sequence = session.scalars(
            select(NumberSequence).where(NumberSequence.key == sequence_key)
        ).one_or_none()
        if sequence is None:
            raise NumberingError(_("there is no sequence '{key}'").format(key=sequence_key))
        number = take_next_number(session, sequence.id, year)
        entry = RegisterEntry(
            sequence_id=sequence.id,
            year=year,
            number=number,
            status=RESERVED,
            number_symbol=number_text(number),
            note=clean_line(note),
        )
        entry.search_text = entry_search_text(entry)
        session.add(entry)
        session.flush()
        _event(session, entry, "reserve", actor, entry.note)
    return entry


def cancel(
    store: Store,
    entry_id: int,
    reason: str,
    *,
    actor: str | None = None,
) -> RegisterEntry:
    """Mark a number as cancelled; it stays in the register and is never given again."""
    reason = clean_line(reason)
    if not reason:
        raise NumberingError(_("say why the number is cancelled"))
    actor = current_actor() if actor is None else actor
    check_entry_id(entry_id)
    with store.write() as session:
        entry = session.get(RegisterEntry, entry_id)
        if entry is None:
            raise NumberingError(_("there is no such register entry"))
        if entry.status == CANCELLED:
            raise NumberingError(
                _("number {number} is already cancelled").format(number=entry.number_symbol)
            )
        entry.status = CANCELLED
        entry.note = f"{entry.note}; {reason}" if entry.note else reason
        entry.search_text = entry_search_text(entry)
        _event(session, entry, "cancel", actor, reason)
    return entry


EDITABLE = ("transfer_date", "receipt", "note", "copies", "archive")


def update_entry(
    store: Store, entry_id: int, *, actor: str | None = None, **values: object
) -> RegisterEntry:
    """Fill in the columns written after issue: (8) ngày chuyển, (9) ký nhận, (10) ghi chú."""
    copies = values.get("copies")
    if copies is not None and (
        isinstance(copies, bool) or not isinstance(copies, int) or not 0 <= copies <= COPIES_LIMIT
    ):
        raise NumberingError(
            _("the number of copies must be a whole number from 0 to {limit}").format(
                limit=_spaced(COPIES_LIMIT)
            )
        )
    check_entry_id(entry_id)
    actor = current_actor() if actor is None else actor
    with store.write() as session:
        entry = session.get(RegisterEntry, entry_id)
        if entry is None:
            raise NumberingError(_("there is no such register entry"))
        changes = changed_columns(entry, values, EDITABLE)
        note = change_note(entry, changes)
        for column, value in changes.items():
            setattr(entry, column, value)
        entry.search_text = entry_search_text(entry)
        if changes:
            _event(session, entry, "edit", actor, note)
    return entry


def events_of(store: Store, entry_id: int) -> list[RegisterEvent]:
    check_entry_id(entry_id)
    with store.read() as session:
        return list(
            session.scalars(
                select(RegisterEvent)
                .where(RegisterEvent.entry_id == entry_id)
                .order_by(RegisterEvent.id)
            )
        )


def letter_of(entry: RegisterEntry | IssuedEntry, registry: Registry | None = None) -> Letter:
    """The letter as it was issued, from the snapshot, to export it again."""
    if not entry.snapshot:
        raise NumberingError(
            _("number {number} has no issued letter").format(number=entry.number_symbol)
        )
    letter, _problems = letterfile.loads(entry.snapshot, registry)
    return letter
