"""Browsing the outgoing register: filters, search as you type, pages of results."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, column, func, select, table, text
from sqlalchemy.orm import Session

from drafter.store.engine import Store
from drafter.store.models import RegisterEntry
from drafter.store.text import like_pattern, query_words


@dataclass(frozen=True)
class RegisterFilter:
    year: int | None = None
    text: str = ""  # words matched with or without diacritics
    type_id: str = ""
    status: str = ""  # issued | reserved | cancelled; "" for all
    sequence_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


_FTS = table("register_fts", column("rowid"))
# The trigram indexes answer for words of three characters or more.
_TRIGRAM = 3
# Up to this many index hits, the entries are fetched by id; above it, scanning the
# register in order and stopping at the first page is faster.  Handing the ids over
# also keeps PostgreSQL from guessing wrong: it cannot estimate "LIKE '%word%'" and
# would otherwise scan the whole register in order for a rare word.
_SELECTIVE = 2000


def _fts_match(words: list[str]) -> str:
    return " AND ".join('"' + w.replace('"', '""') + '"' for w in words)


def _index_hits(session: Session, words: list[str]) -> list[int] | None:
    """The ids of the entries containing every long word, when they are few."""
    indexed = [w for w in words if len(w) >= _TRIGRAM]
    if not indexed:
        return None
    if session.get_bind().dialect.name == "sqlite":
        probe = select(_FTS.c.rowid).where(
            text("register_fts MATCH :words").bindparams(words=_fts_match(indexed))
        )
    else:  # the pg_trgm index serves LIKE directly
        probe = select(RegisterEntry.id).where(
            *[RegisterEntry.search_text.like(like_pattern(w), escape="\\") for w in indexed]
        )
    ids = list(session.scalars(probe.limit(_SELECTIVE + 1)))
    return ids if len(ids) <= _SELECTIVE else None


def _words(
    query: Select,
    words: list[str],
    session: Session,
) -> Select:
    """Every word must occur in the entry's folded text (a substring, as typed)."""
    ids = _index_hits(session, words)
    if ids is not None:
        query = query.where(RegisterEntry.id.in_(ids))
    for word in words:
        if ids is None or len(word) < _TRIGRAM:
            query = query.where(RegisterEntry.search_text.like(like_pattern(word), escape="\\"))
    return query


def _filtered(
    query: Select,
    where: RegisterFilter,
    session: Session,
) -> Select:
    if where.year is not None:
        query = query.where(RegisterEntry.year == where.year)
    if where.type_id:
        query = query.where(RegisterEntry.type_id == where.type_id)
    if where.status:
        query = query.where(RegisterEntry.status == where.status)
    if where.sequence_id is not None:
        query = query.where(RegisterEntry.sequence_id == where.sequence_id)
    if where.date_from is not None:
        query = query.where(RegisterEntry.doc_date >= where.date_from)
    if where.date_to is not None:
        query = query.where(RegisterEntry.doc_date <= where.date_to)
    return _words(query, query_words(where.text), session)


def search(
    store: Store,
    where: RegisterFilter = RegisterFilter(),
    *,
    limit: int = 200,
    offset: int = 0,
    newest_first: bool = True,
) -> list[RegisterEntry]:
    """One page of matching entries, newest numbers first (the order of the printed book
    with ``newest_first=False``)."""
    order = (
        (RegisterEntry.year.desc(), RegisterEntry.number.desc())
        if newest_first
        else (RegisterEntry.year, RegisterEntry.sequence_id, RegisterEntry.number)
    )
    with store.read() as session:
        query = _filtered(select(RegisterEntry), where, session).order_by(*order)
        if limit:
            query = query.limit(limit).offset(offset)
        return list(session.scalars(query))


def count(store: Store, where: RegisterFilter = RegisterFilter()) -> int:
    with store.read() as session:
        query = _filtered(select(func.count()).select_from(RegisterEntry), where, session)
        return int(session.scalar(query) or 0)


def years(store: Store) -> list[int]:
    with store.read() as session:
        return [
            y
            for (y,) in session.execute(
                select(RegisterEntry.year).distinct().order_by(RegisterEntry.year.desc())
            )
        ]
