"""The incoming register (sổ đăng ký văn bản đến) and its tracking register (Art. 22, Appendix IV).

Registering takes the next arrival number (số đến) of the year of arrival and writes the
entry with its audit event in one transaction on the database driver, as
:mod:`drafter.store.issuing` does for outgoing numbers: the year's counter is incremented
by one ``UPDATE … RETURNING`` inside a transaction that holds the write lock from its start
(SQLite's ``BEGIN IMMEDIATE``, the counter row's lock on PostgreSQL), so two secretaries
never get the same number and a rolled-back registration gives its number back.

A file is registered once: its SHA-256 is kept with the entry (unique), and registering it
again names the arrival number it already has.  The original is copied into the user's
data folder, named by its hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.core.atomic import write_bytes_atomic
from drafter.core.vietnamese import clean_line, numeric_date
from drafter.i18n import _
from drafter.paths import user_data_dir
from drafter.store.audit import change_note, changed_columns
from drafter.store.driver import Statements, as_date, as_datetime
from drafter.store.engine import Store
from drafter.store.errors import NumberingError
from drafter.store.issuing import NUMBER_LIMIT, IssuedEntry, current_actor, utcnow
from drafter.store.text import like_pattern, query_words, search_text

ANSWERED = "Đã trả lời"
_REFERENCE_RE = re.compile(r"^\s*(\d{1,7})\s*/\s*(\d{4})\s*$")

# The letter's own fields, as the clerk enters them and as the reader reads them.
_LETTER_FIELDS = (
    "received_date",
    "author",
    "number_symbol",
    "doc_date",
    "type_name",
    "subject",
    "recipient_unit",
)
# Where the received file is kept and what the reader found in it.
_FILE_FIELDS = ("content_hash", "file_name", "stored_path", "record")

# What the clerk follows up after the letter arrived (update_arrival may change these).
TRACKED = (
    "recipient_unit",
    "transfer_date",
    "receipt",
    "note",
    "due_date",
    "progress",
    "answer_symbol",
)

# In the order of the SELECT; the recipient unit is both the letter's and tracked.
_COLUMNS = tuple(
    dict.fromkeys(
        (
            "id",
            "year",
            "number",
            *_LETTER_FIELDS,
            *TRACKED,
            "answer_entry_id",
            *_FILE_FIELDS,
            "created_at",
        )
    )
)


class DuplicateIncoming(NumberingError):
    """The same file was registered before; *entry* is the line it has."""

    def __init__(self, entry: IncomingEntry) -> None:
        super().__init__(
            _(
                "this file is already in the incoming register: arrival number "
                "{number} of {year}, received {date}"
            ).format(number=entry.arrival, year=entry.year, date=numeric_date(entry.received_date))
        )
        self.entry = entry


@dataclass(frozen=True)
class IncomingEntry:
    """One line of the incoming register and of its tracking register."""

    id: int
    year: int
    number: int  # số đến
    received_date: dt.date
    author: str  # (3) tác giả: the issuing body
    number_symbol: str  # (4)
    doc_date: dt.date | None  # (5)
    type_name: str  # (6) with the subject
    subject: str
    recipient_unit: str  # (7) đơn vị hoặc người nhận
    transfer_date: dt.date | None  # (8)
    receipt: str  # (9) ký nhận
    note: str  # (10)
    due_date: dt.date | None  # tracking: thời hạn giải quyết
    progress: str  # tiến độ giải quyết
    answer_symbol: str  # số, ký hiệu văn bản trả lời
    answer_entry_id: int | None
    content_hash: str | None
    file_name: str
    stored_path: str
    record: str  # the reader's record, JSON
    created_at: dt.datetime

    @property
    def arrival(self) -> str:
        """The arrival number as printed: padded below 10."""
        return f"{self.number:02d}"

    @property
    def reference(self) -> str:
        """``15/2016``: how a letter file names the entry it answers (key ``answers``)."""
        return f"{self.number}/{self.year}"

    @property
    def record_data(self) -> dict[str, Any]:
        try:
            data = json.loads(self.record) if self.record else {}
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}


def _entry(row: tuple[Any, ...]) -> IncomingEntry:
    values = dict(zip(_COLUMNS, row, strict=True))
    for key in ("received_date", "doc_date", "transfer_date", "due_date"):
        values[key] = as_date(values[key])
    values["created_at"] = as_datetime(values["created_at"])
    return IncomingEntry(**values)


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def files_dir() -> Path:
    return user_data_dir() / "incoming"


def keep_original(path: Path, content_hash: str) -> Path:
    """Copy *path* into the user's data folder, named by its hash (once per content)."""
    suffix = re.sub(r"[^.a-z0-9]", "", Path(path).suffix.lower())[:10]
    target = files_dir() / content_hash[:2] / f"{content_hash}{suffix}"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(target, Path(path).read_bytes())
    return target


# --- registering ---------------------------------------------------------------------------------

_INCREMENT = "UPDATE incoming_counter SET last = last + 1 WHERE year = ? RETURNING last"


def next_arrival_number(sql: Statements, year: int) -> int:
    """Increment the year's arrival counter and return the new number (see the module)."""
    number = sql.value(_INCREMENT, (year,))
    if number is None:
        sql.execute(
            "INSERT INTO incoming_counter (year, last) VALUES (?, 0) ON CONFLICT DO NOTHING",
            (year,),
        )
        number = sql.value(_INCREMENT, (year,))
    if int(number) > NUMBER_LIMIT:
        raise NumberingError(_("the incoming register of {year} is full").format(year=year))
    return int(number)


@dataclass
class Arrival:
    """What the văn thư enters for one incoming document (the reader proposes most of it)."""

    received_date: dt.date
    author: str = ""
    number_symbol: str = ""
    doc_date: dt.date | None = None
    type_name: str = ""
    subject: str = ""
    recipient_unit: str = ""
    due_date: dt.date | None = None
    note: str = ""
    record: dict[str, Any] | None = None  # the reader's record (ReadLetter.to_json())
    file: Path | None = None


_WRITTEN = (*_LETTER_FIELDS, "note", "due_date", *_FILE_FIELDS, "search_text")


def _search_text(values: dict[str, Any]) -> str:
    return search_text(
        str(values.get("author") or ""),
        str(values.get("number_symbol") or ""),
        str(values.get("type_name") or ""),
        str(values.get("subject") or ""),
        str(values.get("recipient_unit") or ""),
        str(values.get("note") or ""),
        str(values.get("answer_symbol") or ""),
    )


def register_arrival(
    store: Store,
    arrival: Arrival,
    *,
    actor: str | None = None,
) -> IncomingEntry:
    """Give *arrival* the next arrival number of its year and record it."""
    received = arrival.received_date
    if not 1 <= received.year <= 9999:
        raise NumberingError(_("the year must be a whole number from 1 to 9999"))
    content_hash = stored = None
    file_name = ""
    if arrival.file is not None:
        content_hash = file_hash(arrival.file)
        existing = find_by_hash(store, content_hash)
        if existing is not None:
            raise DuplicateIncoming(existing)
        stored = str(keep_original(arrival.file, content_hash))
        file_name = Path(arrival.file).name
    values: dict[str, Any] = {
        "received_date": received,
        "author": clean_line(arrival.author),
        "number_symbol": clean_line(arrival.number_symbol),
        "doc_date": arrival.doc_date,
        "type_name": clean_line(arrival.type_name),
        "subject": clean_line(arrival.subject),
        "recipient_unit": clean_line(arrival.recipient_unit),
        "note": clean_line(arrival.note),
        "due_date": arrival.due_date,
        "content_hash": content_hash,
        "file_name": file_name,
        "stored_path": stored or "",
        "record": json.dumps(arrival.record or {}, ensure_ascii=False),
    }
    values["search_text"] = _search_text(values)
    actor = current_actor() if actor is None else actor
    with store.transaction() as sql:
        # The counter's row lock (PostgreSQL) or the write lock (SQLite) is taken first,
        # so the duplicate check below cannot race another registration of the year.
        number = next_arrival_number(sql, received.year)
        if content_hash is not None:
            found = sql.rows(_select("WHERE content_hash = ?"), (content_hash,))
            if found:
                raise DuplicateIncoming(_entry(found[0]))
        written = [values[column] for column in _WRITTEN]
        entry_id = sql.value(
            f"INSERT INTO incoming_entry (year, number, progress, answer_symbol, receipt, "
            f"created_at, {', '.join(_WRITTEN)}) VALUES (?, ?, '', '', '', ?, "
            f"{', '.join('?' for _ in _WRITTEN)}) RETURNING id",
            (received.year, number, utcnow(), *written),
        )
        _event(sql, int(entry_id), "register", actor, f"{number:02d}/{received.year}")
        row = sql.rows(_select("WHERE id = ?"), (entry_id,))
    return _entry(row[0])


def _event(sql: Statements, entry_id: int, action: str, actor: str, detail: str) -> None:
    sql.execute(
        "INSERT INTO incoming_event (entry_id, at, action, actor, detail) VALUES (?, ?, ?, ?, ?)",
        (entry_id, utcnow(), action, actor, detail),
    )


def _select(where: str) -> str:
    return f"SELECT {', '.join(_COLUMNS)} FROM incoming_entry {where}"


# --- reading -------------------------------------------------------------------------------------


def _rows(store: Store, sql: str, params: dict[str, Any]) -> list[IncomingEntry]:
    from sqlalchemy import text

    with store.read() as session:
        return [_entry(tuple(row)) for row in session.execute(text(sql), params)]


def find_by_hash(store: Store, content_hash: str) -> IncomingEntry | None:
    found = _rows(store, _select("WHERE content_hash = :h"), {"h": content_hash})
    return found[0] if found else None


def get_arrival(store: Store, number: int, year: int | None = None) -> IncomingEntry | None:
    """The entry of arrival number *number* (this year's, or the latest year having it)."""
    if year is not None:
        found = _rows(store, _select("WHERE number = :n AND year = :y"), {"n": number, "y": year})
    else:
        found = _rows(store, _select("WHERE number = :n ORDER BY year DESC"), {"n": number})
    return found[0] if found else None


def get_entry(store: Store, entry_id: int) -> IncomingEntry | None:
    found = _rows(store, _select("WHERE id = :i"), {"i": entry_id})
    return found[0] if found else None


def search_arrivals(
    store: Store, *, year: int | None = None, text: str = "", limit: int | None = None
) -> list[IncomingEntry]:
    """Entries in register order; every word of *text* must appear, diacritics or not."""
    clauses: list[str] = []
    params: dict[str, object] = {}
    if year is not None:
        clauses.append("year = :year")
        params["year"] = year
    for index, word in enumerate(query_words(text)):
        clauses.append(f"search_text LIKE :w{index} ESCAPE '\\'")
        params[f"w{index}"] = like_pattern(word)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = _select(f"{where} ORDER BY year, number")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return _rows(store, sql, params)


# --- tracking ------------------------------------------------------------------------------------


def update_arrival(
    store: Store, entry_id: int, *, actor: str | None = None, **values: object
) -> IncomingEntry:
    """Fill the columns written after arrival: transfer, receipt, due date, progress…"""
    actor = current_actor() if actor is None else actor
    with store.transaction() as sql:
        found = sql.rows(_select("WHERE id = ?"), (entry_id,))
        if not found:
            raise NumberingError(_("there is no such incoming entry"))
        entry = _entry(found[0])
        changes = changed_columns(entry, values, TRACKED)
        if changes:
            merged = {**{c: getattr(entry, c) for c in _COLUMNS}, **changes}
            sql.execute(
                f"UPDATE incoming_entry SET {', '.join(f'{k} = ?' for k in changes)}, "
                "search_text = ? WHERE id = ?",
                (*changes.values(), _search_text(merged), entry_id),
            )
            _event(sql, entry_id, "edit", actor, change_note(entry, changes))
        row = sql.rows(_select("WHERE id = ?"), (entry_id,))
    return _entry(row[0])


def parse_reference(reference: str) -> tuple[int, int] | None:
    """``"15/2016"`` → ``(15, 2016)``; ``None`` for anything else."""
    match = _REFERENCE_RE.match(reference or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def record_answer(sql: Statements, reference: str, issued: IssuedEntry, actor: str) -> bool:
    """Write the number of an issued answer into the tracking register of the entry it answers.

    Runs inside the issue's own transaction (:func:`drafter.store.issuing.issue`), so the
    answer's number and the tracking line are recorded together.  Returns whether the
    entry was found.
    """
    parsed = parse_reference(reference)
    if parsed is None:
        return False
    number, year = parsed
    found = sql.rows(
        "SELECT id, answer_symbol FROM incoming_entry WHERE number = ? AND year = ?", (number, year)
    )
    if not found:
        return False
    entry_id, previous = found[0]
    symbol = issued.number_symbol
    if previous and symbol not in previous.split("; "):
        symbol = f"{previous}; {symbol}"
    sql.execute(
        "UPDATE incoming_entry SET answer_symbol = ?, answer_entry_id = ?, "
        "progress = ? WHERE id = ?",
        (symbol, issued.id, ANSWERED, entry_id),
    )
    _event(sql, int(entry_id), "answer", actor, issued.number_symbol)
    return True
