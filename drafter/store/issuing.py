"""Issuing a letter: its number, its register line and its audit record, in one transaction.

This is the path of every ``drafter issue``, and it is kept light: it runs a few plain
statements on the database driver (see :mod:`drafter.store.driver`) instead of loading
SQLAlchemy's ORM and Drafter's models, which cost more than rendering the letter.  The
guarantees are those of the ORM version it replaces:

- the counter of (sequence, year) is incremented by one ``UPDATE … RETURNING`` inside a
  transaction that holds the write lock from its start (``BEGIN IMMEDIATE`` on SQLite,
  the counter's row lock on PostgreSQL), so two secretaries never get the same number;
- the register line and its audit event are written in that same transaction, so a
  number is recorded with its event or, rolled back, given back without a gap.

:mod:`drafter.store.register` re-exports :func:`issue` and :class:`Issued`.
"""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, Protocol, TypeVar

from drafter.core import letterfile
from drafter.core.doctypes import DocType, Registry, SummaryStyle, default_registry
from drafter.core.letter import Issuer, Letter, Secrecy
from drafter.core.numbering import compose_symbol, number_text
from drafter.core.vietnamese import clean_line, upper
from drafter.i18n import _
from drafter.store.driver import Statements, as_date, as_datetime
from drafter.store.engine import Store
from drafter.store.errors import AlreadyIssued, NumberingError
from drafter.store.text import join_lines, search_text

ISSUED, RESERVED, CANCELLED = "issued", "reserved", "cancelled"

# What the register accepts, checked before anything reaches the database (whose
# INTEGER columns end at 2^31 on PostgreSQL and 2^63 on SQLite, with a traceback).
# Both lie beyond what a letter file may hold; they guard the other ways in.
NUMBER_LIMIT = 9_999_999  # a register restarts every year
COPIES_LIMIT = 1_000_000
ID_LIMIT = 2**31 - 1  # a register entry's id


class ProfileLike(Protocol):
    """What numbering needs of a profile: a stored ``models.Profile`` or a :class:`ProfileRow`."""

    # Read-only: a ProfileRow is frozen.
    @property
    def id(self) -> int: ...
    @property
    def label(self) -> str: ...
    @property
    def advisory(self) -> bool: ...


class SequenceLike(Protocol):
    """What numbering needs of a sequence: a ``models.NumberSequence`` or a :class:`SequenceRow`."""

    # Read-only: a SequenceRow is frozen.
    @property
    def id(self) -> int: ...
    @property
    def profile_id(self) -> int | None: ...
    @property
    def type_ids(self) -> str: ...
    @property
    def secret(self) -> bool: ...


@dataclass(frozen=True)
class ProfileRow:
    id: int
    label: str
    name: str
    advisory: bool


@dataclass(frozen=True)
class SequenceRow:
    id: int
    key: str
    profile_id: int | None
    type_ids: str
    secret: bool


@dataclass(frozen=True)
class IssuedEntry:
    """The register line as written by :func:`issue`: the columns of ``models.RegisterEntry``.

    A plain record, so that issuing needs no ORM; load the ``RegisterEntry`` by its *id*
    to change it.
    """

    id: int
    sequence_id: int
    year: int
    number: int
    status: str
    number_symbol: str
    doc_date: dt.date
    type_name: str
    subject: str
    signer: str
    recipients: str
    archive: str
    copies: int | None
    transfer_date: dt.date | None
    receipt: str
    note: str
    type_id: str
    profile_id: int | None
    snapshot: str
    search_text: str
    created_at: dt.datetime
    document_id: str = ""


@dataclass
class Issued:
    """The numbered letter and its line in the register."""

    letter: Letter
    entry: IssuedEntry


def utcnow() -> dt.datetime:
    # As models.utcnow, which fills the same columns when the ORM writes them.
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def current_actor() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def register_columns(letter: Letter, doctype: DocType) -> dict[str, object]:
    """The Appendix IV columns (3)–(7) of *letter* as register-entry values."""
    subject = (
        f"V/v {letter.subject}"
        if doctype.summary is SummaryStyle.VV and letter.subject
        else letter.subject
    )
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


def spaced(number: int) -> str:
    return f"{number:,}".replace(",", " ")


def check_numbers(letter: Letter) -> None:
    """Refuse a number or copy count the register cannot hold, saying so in plain words.

    The values are never printed: a number of thousands of digits cannot even be
    turned into text.
    """
    if letter.number is not None and not (
        isinstance(letter.number, int) and 1 <= letter.number <= NUMBER_LIMIT
    ):
        raise NumberingError(
            _("the letter's number must be a whole number from 1 to {limit}").format(
                limit=spaced(NUMBER_LIMIT)
            )
        )
    if letter.copies is not None and not (
        isinstance(letter.copies, int) and 0 <= letter.copies <= COPIES_LIMIT
    ):
        raise NumberingError(
            _("the number of copies must be a whole number from 0 to {limit}").format(
                limit=spaced(COPIES_LIMIT)
            )
        )


def check_entry_id(entry_id: object) -> int:
    """A register entry id that can exist; anything else is "no such entry"."""
    if isinstance(entry_id, bool) or not isinstance(entry_id, int) or not 1 <= entry_id <= ID_LIMIT:
        raise NumberingError(_("there is no such register entry"))
    return entry_id


# --- choosing the profile and the sequence ---------------------------------------------------


def pick_profile(candidates: list[ProfileRow], issuer: Issuer) -> ProfileRow | None:
    """Among the profiles of the issuer's abbreviation, the one of the same name, or the first."""
    name = join_lines(upper(line) for line in issuer.name)
    return next((p for p in candidates if p.name == name), candidates[0] if candidates else None)


S = TypeVar("S", bound=SequenceLike)


def type_ids_of(sequence: SequenceLike) -> set[str]:
    return {t.strip() for t in (sequence.type_ids or "").split(",") if t.strip()}


def choose_sequence(sequences: Iterable[S], letter: Letter, profile: ProfileLike | None) -> S:
    """The sequence that numbers *letter*; the most specific one wins.

    Order: secret documents (of this profile, then any); an advisory body's own
    sequence; a sequence naming the letter's type (this profile, then any); the
    profile's shared sequence; the office's shared sequence.
    """
    sequences = list(sequences)
    profile_id = profile.id if profile is not None else None
    mine = [s for s in sequences if s.profile_id == profile_id and profile_id is not None]
    common = [s for s in sequences if s.profile_id is None]
    if letter.secrecy is not Secrecy.NONE:
        for pool in (mine, common):
            found = next((s for s in pool if s.secret), None)
            if found:
                return found
        raise NumberingError(
            _("there is no sequence for secret documents; add one in the register's sequences")
        )
    if profile is not None and profile.advisory:
        found = next((s for s in mine if not s.secret), None)
        if found is None:
            raise NumberingError(
                _(
                    "the advisory body '{name}' numbers on its own sequence; "
                    "add one for it in the register's sequences"
                ).format(name=profile.label)
            )
    for pool in (mine, common):
        found = next((s for s in pool if not s.secret and letter.type_id in type_ids_of(s)), None)
        if found:
            return found
    for pool in (mine, common):
        found = next((s for s in pool if not s.secret and not type_ids_of(s)), None)
        if found:
            return found
    raise NumberingError(
        _(
            "no sequence numbers documents of type '{type}'; add a shared "
            "sequence in the register's sequences"
        ).format(type=letter.type_id)
    )


# --- the statements ------------------------------------------------------------------------


def _profile_of(sql: Statements, issuer: Issuer) -> ProfileRow | None:
    if not issuer.abbreviation:
        return None
    rows = sql.rows(
        "SELECT id, label, name, advisory FROM profile WHERE abbreviation = ? ORDER BY id",
        (issuer.abbreviation,),
    )
    return pick_profile(
        [ProfileRow(id_, label, name, bool(advisory)) for id_, label, name, advisory in rows],
        issuer,
    )


def _sequence_for(sql: Statements, letter: Letter, profile: ProfileLike | None) -> SequenceRow:
    rows = sql.rows("SELECT id, key, profile_id, type_ids, secret FROM number_sequence ORDER BY id")
    return choose_sequence(
        (
            SequenceRow(id_, key, owner, type_ids or "", bool(secret))
            for id_, key, owner, type_ids, secret in rows
        ),
        letter,
        profile,
    )


_INCREMENT = (
    "UPDATE sequence_counter SET last = last + 1 WHERE sequence_id = ? AND year = ? RETURNING last"
)


def next_number(sql: Statements, sequence_id: int, year: int) -> int:
    """Increment the counter of (*sequence_id*, *year*) and return the new number.

    The caller's transaction holds the write lock (SQLite) or gets the counter's row
    lock here (PostgreSQL) until it ends; a rolled-back issue gives its number back.
    """
    number = sql.value(_INCREMENT, (sequence_id, year))
    if number is None:
        # The first number of the year: create the counter (another process may do the
        # same at this moment; the conflict clause lets both go on to the increment).
        sql.execute(
            "INSERT INTO sequence_counter (sequence_id, year, last) VALUES (?, ?, 0) "
            "ON CONFLICT DO NOTHING",
            (sequence_id, year),
        )
        number = sql.value(_INCREMENT, (sequence_id, year))
    return int(number)


_WRITTEN = (
    "status",
    "number_symbol",
    "doc_date",
    "type_name",
    "subject",
    "signer",
    "recipients",
    "archive",
    "copies",
    "type_id",
    "profile_id",
    "snapshot",
    "search_text",
    "document_id",
)


def _record(
    sql: Statements,
    letter: Letter,
    doctype: DocType,
    profile: ProfileLike | None,
    reserved_entry_id: int | None,
) -> tuple[IssuedEntry, str]:
    """Write the register line of *letter* (numbered here); returns it and the event's action."""
    date = letter.date
    assert date is not None
    if reserved_entry_id is not None:
        found = sql.rows(
            "SELECT id, sequence_id, year, number, status, note, transfer_date, "
            "receipt, created_at FROM register_entry WHERE id = ?"
            + (" FOR UPDATE" if sql.is_postgresql else ""),
            (reserved_entry_id,),
        )
        if not found or found[0][4] != RESERVED:
            raise NumberingError(_("that number is not reserved any more"))
        (entry_id, sequence_id, year, number, _status, note, transfer_date, receipt, created_at) = (
            found[0]
        )
        if year != date.year:
            raise NumberingError(
                _("the reserved number belongs to {year}; the letter is dated {date}").format(
                    year=year, date=date.isoformat()
                )
            )
        if _sequence_for(sql, letter, profile).id != sequence_id:
            raise NumberingError(
                _(
                    "the reserved number belongs to another sequence "
                    "than this letter's (secret, per type or advisory "
                    "body)"
                )
            )
        action = "issue_reserved"
    else:
        sequence_id = _sequence_for(sql, letter, profile).id
        year, number = date.year, next_number(sql, sequence_id, date.year)
        entry_id, note, transfer_date, receipt, created_at = None, "", None, "", utcnow()
        action = "issue"
    letter.number = number
    symbol = compose_symbol(letter, doctype)
    number_symbol = f"{number_text(number)}/{symbol}" if symbol else number_text(number)
    columns = register_columns(letter, doctype)
    values: dict[str, Any] = {
        "status": ISSUED,
        "number_symbol": number_symbol,
        "doc_date": date,
        **columns,
        "profile_id": profile.id if profile is not None else None,
        "document_id": letter.document_id,
        "snapshot": letterfile.dumps(letter),
        "search_text": search_text(
            number_symbol,
            str(columns["type_name"]),
            str(columns["subject"]),
            str(columns["signer"]),
            str(columns["recipients"]),
            note,
        ),
    }
    written = [values[column] for column in _WRITTEN]
    if entry_id is None:
        entry_id = sql.value(
            "INSERT INTO register_entry (sequence_id, year, number, transfer_date, receipt, "
            f"note, created_at, {', '.join(_WRITTEN)}) VALUES (?, ?, ?, ?, ?, ?, ?, "
            f"{', '.join('?' for _ in _WRITTEN)}) RETURNING id",
            (sequence_id, year, number, None, "", "", created_at, *written),
        )
    else:
        sql.execute(
            f"UPDATE register_entry SET {', '.join(f'{c} = ?' for c in _WRITTEN)} WHERE id = ?",
            (*written, entry_id),
        )
    entry = IssuedEntry(
        id=int(entry_id),
        sequence_id=sequence_id,
        year=year,
        number=number,
        note=note,
        transfer_date=as_date(transfer_date),
        receipt=receipt,
        created_at=as_datetime(created_at),
        **values,
    )
    return entry, action


def new_document_id() -> str:
    import uuid  # here: it loads the platform module, a few ms of every start

    return uuid.uuid4().hex


def _issued_to(sql: Statements, document_id: str) -> tuple[int, str, dt.date | None] | None:
    """The issued entry of the document *document_id*: its id, number and date."""
    if not document_id:
        return None
    row = sql.rows(
        "SELECT id, number_symbol, doc_date FROM register_entry "
        "WHERE document_id = ? AND status = ? ORDER BY id DESC",
        (document_id, ISSUED),
    )
    return (int(row[0][0]), str(row[0][1]), as_date(row[0][2])) if row else None


def issued_to(store: Store, document_id: str) -> AlreadyIssued | None:
    """What the register holds for the document *document_id*, ``None`` if not issued."""
    if not document_id:
        return None
    with store.transaction() as sql:
        found = _issued_to(sql, document_id)
    return AlreadyIssued(*found) if found else None


def issue(
    store: Store,
    letter: Letter,
    *,
    profile: ProfileLike | None = None,
    registry: Registry | None = None,
    today: dt.date | None = None,
    reserved_entry_id: int | None = None,
    actor: str | None = None,
    reissue: bool = False,
) -> Issued:
    """Number *letter*, record it and return the numbered copy (the original is unchanged).

    The letter keeps its date when it has one; otherwise it is dated *today*.  With
    *reserved_entry_id*, the number reserved earlier is used instead of a new one.

    A document is numbered once: when the register already holds a number for the
    letter's ``document_id``, :class:`AlreadyIssued` names it and nothing changes.  With
    *reissue* (cấp lại, a correction), that number is cancelled and a new one taken, both
    recorded in the audit trail.  A letter without a document id is given one.
    """
    registry = registry or default_registry()
    if letter.type_id not in registry:
        raise NumberingError(_("unknown document type '{type}'").format(type=letter.type_id))
    doctype = registry.get(letter.type_id)
    check_numbers(letter)
    if reserved_entry_id is not None:
        check_entry_id(reserved_entry_id)
    if not doctype.has_number:
        raise NumberingError(
            _("documents of type '{type}' carry no number").format(type=doctype.name)
        )
    numbered_before = letter.number is not None and reserved_entry_id is None and not reissue
    actor = current_actor() if actor is None else actor
    numbered = replace(
        letter,
        date=letter.date or today or dt.date.today(),
        document_id=letter.document_id or new_document_id(),
    )
    if reissue:  # cấp lại: a new number of today
        numbered.number, numbered.date = None, today or dt.date.today()
    with store.transaction() as sql:
        earlier = _issued_to(sql, letter.document_id)
        if earlier is not None and not reissue:
            raise AlreadyIssued(*earlier)
        if numbered_before:
            raise NumberingError(
                _(
                    "this letter already has number {number}; clear it to issue the letter again"
                ).format(number=number_text(letter.number))
            )
        if profile is None:
            profile = _profile_of(sql, letter.issuer)
        entry, action = _record(sql, numbered, doctype, profile, reserved_entry_id)
        if earlier is not None:  # cấp lại: the old number is cancelled, both events kept
            reason = _("reissued as {number}").format(number=entry.number_symbol)
            note = sql.value("SELECT note FROM register_entry WHERE id = ?", (earlier[0],))
            sql.execute(
                "UPDATE register_entry SET status = ?, note = ? WHERE id = ?",
                (CANCELLED, f"{note}; {reason}" if note else reason, earlier[0]),
            )
            sql.execute(
                "INSERT INTO register_event (entry_id, at, action, actor, detail) "
                "VALUES (?, ?, ?, ?, ?)",
                (earlier[0], utcnow(), "cancel", actor, reason),
            )
            action = "reissue"
        if numbered.answers:  # an answer: its number goes into the incoming tracking register
            from drafter.store.incoming import record_answer

            record_answer(sql, numbered.answers, entry, actor)
        sql.execute(
            "INSERT INTO register_event (entry_id, at, action, actor, detail) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                entry.id,
                utcnow(),
                action,
                actor,
                entry.number_symbol
                if earlier is None
                else _("{number}, replacing {old}").format(
                    number=entry.number_symbol, old=earlier[1]
                ),
            ),
        )
    return Issued(numbered, entry)
