"""The number and date a văn thư fills into a signed PDF, written into the register.

At electronic issuance the number is written into the PDF after the signer signed
(see :mod:`drafter.signing`).  The register learns it here, in one transaction:

- a number **reserved** earlier (``drafter register reserve``) becomes issued;
- a number **already issued** for this document (same number and symbol) gets the
  date if it had none, and an event;
- any other number is recorded as issued in the given sequence (the shared one by
  default), unless that sequence already gave it; the sequence's counter moves past
  it, so the next "issue" does not give it again.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import select

from drafter.i18n import _
from drafter.store.engine import Store
from drafter.store.errors import NumberingError
from drafter.store.models import NumberSequence, RegisterEntry, RegisterEvent, SequenceCounter
from drafter.store.sequences import SHARED_KEY
from drafter.store.text import entry_search_text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

ISSUED, RESERVED = "issued", "reserved"


def record_signed_issue(
    store: Store,
    *,
    number: int,
    number_symbol: str,
    date: dt.date,
    type_name: str = "",
    signer: str = "",
    sequence_key: str = SHARED_KEY,
    actor: str = "",
) -> RegisterEntry:
    """Record that the document numbered *number_symbol* was issued signed on *date*."""
    with store.write() as session:
        entries = list(
            session.scalars(
                select(RegisterEntry).where(
                    RegisterEntry.year == date.year, RegisterEntry.number == number
                )
            )
        )
        same = next(
            (e for e in entries if e.status == ISSUED and e.number_symbol == number_symbol), None
        )
        reserved = next((e for e in entries if e.status == RESERVED), None)
        if same is not None:
            entry, action = same, "sign_pdf"
            if entry.doc_date is None:
                entry.doc_date = date
        elif reserved is not None:
            entry, action = reserved, "issue_signed"
        else:
            sequence = session.scalars(
                select(NumberSequence).where(NumberSequence.key == sequence_key)
            ).one_or_none()
            if sequence is None:
                raise NumberingError(_("there is no sequence '{key}'").format(key=sequence_key))
            if any(e.sequence_id == sequence.id for e in entries):
                raise NumberingError(
                    _(
                        "number {number} of {year} is already given in the "
                        "register to another document"
                    ).format(number=number_symbol, year=date.year)
                )
            entry = RegisterEntry(sequence_id=sequence.id, year=date.year, number=number)
            session.add(entry)
            _move_counter_past(session, sequence.id, date.year, number)
            action = "issue_signed"
        entry.status = ISSUED
        entry.number_symbol = number_symbol
        entry.doc_date = entry.doc_date or date
        entry.type_name = entry.type_name or type_name
        entry.signer = entry.signer or signer
        entry.search_text = entry_search_text(entry)
        session.flush()
        session.add(
            RegisterEvent(
                entry_id=entry.id,
                action=action,
                actor=actor,
                detail=f"{number_symbol} {date.isoformat()}",
            )
        )
        session.flush()
    return entry


def _move_counter_past(session: Session, sequence_id: int, year: int, number: int) -> None:
    counter = session.get(SequenceCounter, (sequence_id, year))
    if counter is None:
        session.add(
            SequenceCounter(
                sequence_id=sequence_id,
                year=year,
                last=number,
            )
        )
    elif counter.last < number:
        counter.last = number
