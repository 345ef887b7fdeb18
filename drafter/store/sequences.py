"""Numbering sequences (Art. 15, Appendix I II.3a) and the atomic "next number".

The head of the office chooses the scheme: one shared sequence or one per type, and
always separate ones for secret documents and for advisory bodies that sign with the
organisation's seal.  A sequence restarts at 01 on 1 January: its counter is kept per
calendar year.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from drafter.core.letter import Letter
from drafter.core.vietnamese import clean_line
from drafter.i18n import _
from drafter.store.engine import Store
from drafter.store.errors import NumberingError  # noqa: F401  (raised here before)
from drafter.store.issuing import choose_sequence, type_ids_of
from drafter.store.models import NumberSequence, Profile, SequenceCounter

SHARED_KEY = "chung"
SECRET_KEY = "mat"


def list_sequences(store: Store) -> list[NumberSequence]:
    with store.read() as session:
        return list(session.scalars(select(NumberSequence).order_by(NumberSequence.id)))


def save_sequence(store: Store, sequence: NumberSequence) -> NumberSequence:
    sequence.key = clean_line(sequence.key)
    if not sequence.key:
        raise ValueError(_("a sequence needs a short key"))
    sequence.type_ids = ",".join(sorted(type_ids_of(sequence)))
    with store.write() as session:
        if sequence.id is None:
            # The key names the sequence: saving a known key changes that sequence.
            existing = session.scalars(
                select(NumberSequence.id).where(NumberSequence.key == sequence.key)
            ).first()
            sequence.id = existing
        stored = session.merge(sequence)
        session.flush()
        session.expunge(stored)
        return stored


def resolve_sequence(session: Session, letter: Letter, profile: Profile | None) -> NumberSequence:
    """The sequence that numbers *letter* (see :func:`drafter.store.issuing.choose_sequence`)."""
    sequences = session.scalars(select(NumberSequence).order_by(NumberSequence.id))
    return choose_sequence(sequences, letter, profile)


def take_next_number(session: Session, sequence_id: int, year: int) -> int:
    """Increment the counter of (*sequence_id*, *year*) and return the new number.

    The ORM twin of :func:`drafter.store.issuing.next_number`, for reserving a number.
    One ``UPDATE … RETURNING`` does it: PostgreSQL locks the counter row until the
    transaction ends, and on SQLite the caller's transaction already holds the write
    lock (BEGIN IMMEDIATE), so two secretaries can never get the same number, and a
    rolled-back issue gives its number back, leaving no gap.
    """
    increment = (
        update(SequenceCounter)
        .where(SequenceCounter.sequence_id == sequence_id, SequenceCounter.year == year)
        .values(last=SequenceCounter.last + 1)
        .returning(SequenceCounter.last)
    )
    number = session.execute(increment).scalar_one_or_none()
    if number is not None:
        return number
    # The first number of the year: create the counter (another process may do the
    # same at this moment; the conflict clause lets both go on to the increment).
    # Only the dialect in use is imported: each costs tens of milliseconds at start-up.
    first = {"sequence_id": sequence_id, "year": year, "last": 0}
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        session.execute(postgresql_insert(SequenceCounter).values(**first).on_conflict_do_nothing())
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        session.execute(sqlite_insert(SequenceCounter).values(**first).on_conflict_do_nothing())
    return session.execute(increment).scalar_one()


def last_number(store: Store, sequence_id: int, year: int) -> int:
    with store.read() as session:
        counter = session.get(SequenceCounter, (sequence_id, year))
        return counter.last if counter is not None else 0
