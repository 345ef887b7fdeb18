"""The outgoing register (sổ đăng ký văn bản đi): issuing, reserving and cancelling numbers.

Issuing a letter takes the next number of its sequence for the year of its date,
writes one register line with the columns of Appendix IV and keeps the letter file's
text as a snapshot, all in one transaction: either everything is recorded or nothing
is, and a number is never given twice.  Every change leaves an event (audit trail).
"""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass, replace

from sqlalchemy import select

from drafter.core import letterfile
from drafter.core.doctypes import DocType, Registry, SummaryStyle, default_registry
from drafter.core.letter import Letter
from drafter.core.numbering import compose_symbol, number_text
from drafter.core.vietnamese import clean_line
from drafter.i18n import _
from drafter.store.engine import Store
from drafter.store.models import NumberSequence, Profile, RegisterEntry, RegisterEvent
from drafter.store.profiles import profile_matching
from drafter.store.sequences import NumberingError, resolve_sequence, take_next_number
from drafter.store.text import join_lines, search_text

ISSUED, RESERVED, CANCELLED = "issued", "reserved", "cancelled"

# What the register accepts, checked before anything reaches the database (whose
# INTEGER columns end at 2^31 on PostgreSQL and 2^63 on SQLite, with a traceback).
# Both lie beyond what a letter file may hold; they guard the other ways in.
NUMBER_LIMIT = 9_999_999  # a register restarts every year
COPIES_LIMIT = 1_000_000
ID_LIMIT = 2**31 - 1  # a register entry's id


@dataclass
class Issued:
    """The numbered letter and its line in the register."""

    letter: Letter
    entry: RegisterEntry


def current_actor() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def register_columns(letter: Letter, doctype: DocType) -> dict[str, object]:
    """The Appendix IV columns (3)–(7) of *letter* as register-entry values."""
    subject = f"V/v {letter.subject}" if doctype.summary is SummaryStyle.VV and letter.subject \
        else letter.subject
    recipients: list[str] = []
    for line in letter.noi_nhan:
        # "Như trên" stands for the Kính gửi list: the register names them.
        if clean_line(line).rstrip(";").casefold() == "như trên":
            recipients.extend(letter.kinh_gui)
        else:
            recipients.append(line)
    if not letter.noi_nhan:
        recipients = list(letter.kinh_gui)
    return {
        "type_id": letter.type_id,
        "type_name": doctype.name,
        "subject": subject,
        "signer": ", ".join(s.name for s in letter.signatures if s.name),
        "recipients": join_lines(recipients),
        "archive": letter.luu,
        "copies": letter.copies,
    }


def _spaced(number: int) -> str:
    return f"{number:,}".replace(",", " ")


def check_numbers(letter: Letter) -> None:
    """Refuse a number or copy count the register cannot hold, saying so in plain words.

    The values are never printed: a number of thousands of digits cannot even be
    turned into text.
    """
    if letter.number is not None and not (isinstance(letter.number, int)
                                           and 1 <= letter.number <= NUMBER_LIMIT):
        raise NumberingError(_("the letter's number must be a whole number from 1 to "
                               "{limit}").format(limit=_spaced(NUMBER_LIMIT)))
    if letter.copies is not None and not (isinstance(letter.copies, int)
                                          and 0 <= letter.copies <= COPIES_LIMIT):
        raise NumberingError(_("the number of copies must be a whole number from 0 to "
                               "{limit}").format(limit=_spaced(COPIES_LIMIT)))


def check_entry_id(entry_id: object) -> int:
    """A register entry id that can exist; anything else is "no such entry"."""
    if isinstance(entry_id, bool) or not isinstance(entry_id, int) or \
            not 1 <= entry_id <= ID_LIMIT:
        raise NumberingError(_("there is no such register entry"))
    return entry_id


def _search_text(entry: RegisterEntry) -> str:
    return search_text(entry.number_symbol, entry.type_name, entry.subject, entry.signer,
                       entry.recipients, entry.note)


def _event(session: object, entry: RegisterEntry, action: str, actor: str,
           detail: str = "") -> None:
    session.add(RegisterEvent(entry_id=entry.id, action=action,  # type: ignore[attr-defined]
                              actor=actor, detail=detail))


def issue(store: Store, letter: Letter, *, profile: Profile | None = None,
          registry: Registry | None = None, today: dt.date | None = None,
          reserved_entry_id: int | None = None, actor: str | None = None) -> Issued:
    """Number *letter*, record it and return the numbered copy (the original is unchanged).

    The letter keeps its date when it has one; otherwise it is dated *today*.  With
    *reserved_entry_id*, the number reserved earlier is used instead of a new one.
    """
    registry = registry or default_registry()
    if letter.type_id not in registry:
        raise NumberingError(_("unknown document type '{type}'").format(type=letter.type_id))
    doctype = registry.get(letter.type_id)
    check_numbers(letter)
    if reserved_entry_id is not None:
        check_entry_id(reserved_entry_id)
    if not doctype.has_number:
        raise NumberingError(_("documents of type '{type}' carry no number").format(
            type=doctype.name))
    if letter.number is not None and reserved_entry_id is None:
        raise NumberingError(_("this letter already has number {number}; clear it to issue "
                               "the letter again").format(number=number_text(letter.number)))
    actor = current_actor() if actor is None else actor
    date = letter.date or today or dt.date.today()
    numbered = replace(letter, date=date)
    with store.write() as session:
        if profile is None:
            profile = profile_matching(session, letter.issuer)
        if reserved_entry_id is not None:
            entry = session.get(RegisterEntry, reserved_entry_id)
            if entry is None or entry.status != RESERVED:
                raise NumberingError(_("that number is not reserved any more"))
            if entry.year != date.year:
                raise NumberingError(_("the reserved number belongs to {year}; the letter is "
                                       "dated {date}").format(year=entry.year,
                                                              date=date.isoformat()))
            if resolve_sequence(session, letter, profile).id != entry.sequence_id:
                raise NumberingError(_("the reserved number belongs to another sequence "
                                       "than this letter's (secret, per type or advisory "
                                       "body)"))
            numbered.number = entry.number
            action = "issue_reserved"
        else:
            sequence = resolve_sequence(session, letter, profile)
            numbered.number = take_next_number(session, sequence.id, date.year)
            entry = RegisterEntry(sequence_id=sequence.id, year=date.year,
                                  number=numbered.number)
            session.add(entry)
            action = "issue"
        symbol = compose_symbol(numbered, doctype)
        entry.status = ISSUED
        entry.number_symbol = f"{number_text(numbered.number)}/{symbol}" if symbol else \
            number_text(numbered.number)
        entry.doc_date = date
        for column, value in register_columns(numbered, doctype).items():
            setattr(entry, column, value)
        entry.profile_id = profile.id if profile is not None else None
        entry.snapshot = letterfile.dumps(numbered)
        entry.search_text = _search_text(entry)
        entry.events.add(RegisterEvent(action=action, actor=actor,
                                           detail=entry.number_symbol))
    return Issued(numbered, entry)


def reserve(store: Store, sequence_key: str, year: int, *, note: str = "",
            actor: str | None = None) -> RegisterEntry:
    """Take the next number of a sequence and hold it for a document signed later."""
    if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999:
        raise NumberingError(_("the year must be a whole number from 1 to 9999"))
    actor = current_actor() if actor is None else actor
    with store.write() as session:
        sequence = session.scalars(select(NumberSequence).where(
            NumberSequence.key == sequence_key)).one_or_none()
        if sequence is None:
            raise NumberingError(_("there is no sequence '{key}'").format(key=sequence_key))
        number = take_next_number(session, sequence.id, year)
        entry = RegisterEntry(sequence_id=sequence.id, year=year, number=number,
                              status=RESERVED, number_symbol=number_text(number),
                              note=clean_line(note))
        entry.search_text = _search_text(entry)
        session.add(entry)
        session.flush()
        _event(session, entry, "reserve", actor, entry.note)
    return entry


def cancel(store: Store, entry_id: int, reason: str, *, actor: str | None = None,
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
            raise NumberingError(_("number {number} is already cancelled").format(
                number=entry.number_symbol))
        entry.status = CANCELLED
        entry.note = f"{entry.note}; {reason}" if entry.note else reason
        entry.search_text = _search_text(entry)
        _event(session, entry, "cancel", actor, reason)
    return entry


EDITABLE = ("transfer_date", "receipt", "note", "copies", "archive")


def update_entry(store: Store, entry_id: int, *, actor: str | None = None,
                 **values: object) -> RegisterEntry:
    """Fill in the columns written after issue: (8) ngày chuyển, (9) ký nhận, (10) ghi chú."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    copies = values.get("copies")
    if copies is not None and (isinstance(copies, bool) or not isinstance(copies, int)
                               or not 0 <= copies <= COPIES_LIMIT):
        raise NumberingError(_("the number of copies must be a whole number from 0 to "
                               "{limit}").format(limit=_spaced(COPIES_LIMIT)))
    check_entry_id(entry_id)
    actor = current_actor() if actor is None else actor
    with store.write() as session:
        entry = session.get(RegisterEntry, entry_id)
        if entry is None:
            raise NumberingError(_("there is no such register entry"))
        changes = []
        for column, value in values.items():
            if getattr(entry, column) != value:
                changes.append(f"{column}: {getattr(entry, column)!s} → {value!s}")
                setattr(entry, column, value)
        entry.search_text = _search_text(entry)
        if changes:
            _event(session, entry, "edit", actor, "; ".join(changes))
    return entry


def events_of(store: Store, entry_id: int) -> list[RegisterEvent]:
    check_entry_id(entry_id)
    with store.read() as session:
        return list(session.scalars(select(RegisterEvent).where(
            RegisterEvent.entry_id == entry_id).order_by(RegisterEvent.id)))


def letter_of(entry: RegisterEntry, registry: Registry | None = None) -> Letter:
    """The letter as it was issued, from the snapshot, to export it again."""
    if not entry.snapshot:
        raise NumberingError(_("number {number} has no issued letter").format(
            number=entry.number_symbol))
    letter, _problems = letterfile.loads(entry.snapshot, registry)
    return letter
