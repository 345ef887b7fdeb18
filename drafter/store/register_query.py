"""Browsing the outgoing register: filters, search as you type, pages of results."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, func, select

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


def _filtered(query: Select, where: RegisterFilter) -> Select:  # type: ignore[type-arg]
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
    for word in query_words(where.text):
        query = query.where(RegisterEntry.search_text.like(like_pattern(word), escape="\\"))
    return query


def search(store: Store, where: RegisterFilter = RegisterFilter(), *, limit: int = 200,
           offset: int = 0, newest_first: bool = True) -> list[RegisterEntry]:
    """One page of matching entries, newest numbers first (the order of the printed book
    with ``newest_first=False``)."""
    order = (RegisterEntry.year.desc(), RegisterEntry.number.desc()) if newest_first else (
        RegisterEntry.year, RegisterEntry.sequence_id, RegisterEntry.number)
    query = _filtered(select(RegisterEntry), where).order_by(*order)
    if limit:
        query = query.limit(limit).offset(offset)
    with store.read() as session:
        return list(session.scalars(query))


def count(store: Store, where: RegisterFilter = RegisterFilter()) -> int:
    query = _filtered(select(func.count()).select_from(RegisterEntry), where)
    with store.read() as session:
        return int(session.scalar(query) or 0)


def years(store: Store) -> list[int]:
    with store.read() as session:
        return [y for (y,) in session.execute(
            select(RegisterEntry.year).distinct().order_by(RegisterEntry.year.desc()))]
