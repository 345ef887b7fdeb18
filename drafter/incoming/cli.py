"""Commands for incoming letters: ``drafter read``, ``incoming``, ``reply`` and ``forward``.

Imported whenever ``drafter`` starts: nothing heavy at module level (python-docx, pdfminer,
SQLAlchemy load inside the handlers).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.cli_guard import EXIT_INVALID, EXIT_OK, database_command
from drafter.cli_guard import report as _error
from drafter.cli_options import add_output_option
from drafter.i18n import _

if TYPE_CHECKING:
    from drafter.core.letter import Letter
    from drafter.store.engine import Store
    from drafter.store.incoming import IncomingEntry
    from drafter.store.models import Profile


def _bad_input() -> tuple[type[Exception], ...]:
    from drafter.incoming.errors import ReadError

    return (ReadError,)


def parse_date(text: str) -> dt.date:
    """An argparse type: ``2026-03-05`` or ``05/03/2026``."""
    value = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value):
            year, month, day = (int(p) for p in value.split("-"))
            return dt.date(year, month, day)
        if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", value):
            day, month, year = (int(p) for p in value.split("/"))
            return dt.date(year, month, day)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(
        _("'{value}' is not a date: write 2026-03-05 or 05/03/2026").format(value=text)
    )


def _arrival_number(text: str) -> int:
    value = text.strip()
    if not (value.isascii() and value.isdigit() and 0 < len(value) <= 7 and int(value) > 0):
        raise argparse.ArgumentTypeError(_("must be an arrival number (a whole number)"))
    return int(value)


def _year(text: str) -> int:
    value = text.strip()
    if not (value.isascii() and value.isdigit() and len(value) == 4):
        raise argparse.ArgumentTypeError(_("must be a year of four digits"))
    return int(value)


def _open(args: argparse.Namespace, *, read_only: bool = False) -> Store:
    from drafter.store.engine import open_store

    return open_store(args.db, read_only=read_only)


def _contact_names(store: Store) -> list[str]:
    from drafter.store.contacts import search_contacts

    return [c.full_name for c in search_contacts(store, "", kind="agency", limit=5000)]


# --- drafter read ----------------------------------------------------------------------------


def cmd_read(args: argparse.Namespace) -> int:
    from drafter.incoming.reader import read_letter

    contacts: list[str] = []
    if args.db or _has_database():
        try:
            with _open(args, read_only=True) as store:
                contacts = _contact_names(store)
        except Exception:  # the address book only helps; reading works without it
            contacts = []
    record = read_letter(Path(args.file), contacts=contacts)
    if args.json:
        json.dump(record.to_json(with_text=args.text), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return EXIT_OK
    print(_format_record(record.to_json()))
    if args.text:
        print()
        print(record.text)
    return EXIT_OK


def _has_database() -> bool:
    import os

    from drafter.store.engine import DB_ENV, default_url, parse_target

    if os.environ.get(DB_ENV):
        return True
    target = parse_target(default_url())
    return target.path is not None and target.path.exists()


_LABELS = {
    "type": "Tên loại",
    "number": "Số",
    "symbol": "Ký hiệu",
    "place": "Địa danh",
    "date": "Ngày",
    "issuer_parent": "Cơ quan chủ quản",
    "issuer": "Cơ quan ban hành",
    "subject": "Trích yếu",
    "recipients": "Kính gửi",
    "authority": "Thẩm quyền ký",
    "signer": "Người ký",
}


def _format_record(data: dict[str, Any]) -> str:
    """*data* is :meth:`ReadLetter.to_json`'s answer (JSON, hence ``Any``)."""
    lines = []
    confidence: dict[str, float] = data["confidence"]
    folded = set(data["folded"])
    for key, label in _LABELS.items():
        value = data.get(key)
        if isinstance(value, list):
            value = " / ".join(str(v) for v in value) or None
        mark = _(" (read without diacritics: check it)") if key in folded else ""
        shown = value if value is not None else "—"
        lines.append(f"{label}: {shown}  [{confidence.get(key, 0):.2f}]{mark}")
    if data.get("partial"):
        lines.append(_("Partial result: {why}").format(why=data["partial"]))
    for note in data.get("notes") or []:
        lines.append(str(note))
    return "\n".join(lines)


# --- drafter incoming -----------------------------------------------------------------------


def cmd_incoming_add(args: argparse.Namespace) -> int:
    from drafter.incoming.reader import read_letter
    from drafter.incoming.register import arrival_from
    from drafter.store.incoming import register_arrival

    path = Path(args.file)
    with _open(args) as store:
        record = read_letter(path, contacts=_contact_names(store))
        arrival = arrival_from(
            record,
            received=args.received or dt.date.today(),
            to_unit=args.to or "",
            due=args.due,
            note=args.note or "",
            file=path,
        )
        entry = register_arrival(store, arrival)
    print(
        _("Arrival number {number} ({year}): {symbol} {author}").format(
            number=entry.arrival,
            year=entry.year,
            symbol=entry.number_symbol or "—",
            author=entry.author,
        )
    )
    if record.partial:
        _error(_("only part of the document was read: {why}").format(why=record.partial))
    return EXIT_OK


def cmd_incoming_list(args: argparse.Namespace) -> int:
    from drafter.core.vietnamese import numeric_date
    from drafter.store.incoming import search_arrivals

    with _open(args, read_only=True) as store:
        entries = search_arrivals(store, year=args.year, text=args.search or "", limit=args.limit)
    for entry in entries:
        doc_date = numeric_date(entry.doc_date)
        cells = [
            f"{entry.arrival}/{entry.year}",
            numeric_date(entry.received_date),
            entry.number_symbol,
            doc_date,
            entry.author,
            " ".join(p for p in (entry.type_name, entry.subject) if p),
            entry.recipient_unit,
        ]
        if args.tracking:
            cells += [
                numeric_date(entry.due_date),
                entry.progress,
                entry.answer_symbol,
            ]
        print("\t".join(cells))
    return EXIT_OK


def cmd_incoming_export(args: argparse.Namespace) -> int:
    from drafter.store.incoming_xlsx import export_incoming
    from drafter.store.profiles import sole_profile

    with _open(args, read_only=True) as store:
        count = export_incoming(store, args.output, year=args.year, profile=sole_profile(store))
    print(_("{count} incoming entries written to {path}").format(count=count, path=args.output))
    return EXIT_OK


def _entry(store: Store, args: argparse.Namespace) -> IncomingEntry:
    from drafter.store.errors import NumberingError
    from drafter.store.incoming import get_arrival

    entry = get_arrival(store, args.number, args.year)
    if entry is None:
        raise NumberingError(
            _("there is no arrival number {number} in the incoming register").format(
                number=args.number
            )
        )
    return entry


def cmd_incoming_update(args: argparse.Namespace) -> int:
    from drafter.store.incoming import update_arrival

    values: dict[str, str | dt.date] = {}
    for option, column in (
        ("to", "recipient_unit"),
        ("transfer", "transfer_date"),
        ("receipt", "receipt"),
        ("note", "note"),
        ("due", "due_date"),
        ("progress", "progress"),
        ("answer", "answer_symbol"),
    ):
        value = getattr(args, option)
        if value is not None:
            values[column] = value
    with _open(args) as store:
        # actor named: the type checker then knows none of the values is taken for it
        entry = update_arrival(store, _entry(store, args).id, actor=None, **values)
    print(
        _("Arrival number {number} ({year}) updated").format(number=entry.arrival, year=entry.year)
    )
    return EXIT_OK


def cmd_incoming_stamp(args: argparse.Namespace) -> int:
    from drafter.incoming.stamp import stamp_lines, stamp_pdf

    with _open(args, read_only=True) as store:
        entry = _entry(store, args)
        organisation = _office_name(store)
    if not entry.stored_path or not entry.stored_path.lower().endswith(".pdf"):
        _error(_("arrival number {number} has no PDF to stamp").format(number=entry.arrival))
        return EXIT_INVALID
    lines = stamp_lines(entry, organisation, args.to or entry.recipient_unit, args.file_code or "")
    stamp_pdf(Path(entry.stored_path), args.output, lines)
    print(args.output)
    return EXIT_OK


def _office_name(store: Store) -> str:
    profile = _profile(store, None)
    if profile is None:
        return ""
    return " ".join(line for line in profile.name.split("\n") if line)


def cmd_incoming_slip(args: argparse.Namespace) -> int:
    from drafter.incoming.register import slip_letter

    with _open(args, read_only=True) as store:
        entry = _entry(store, args)
        base = _base_letter(store, "phieu_giai_quyet_van_ban_den", args.profile)
    return _deliver(slip_letter(base, entry), args.output)


# --- drafter reply / forward -------------------------------------------------------------------


def _profile(store: Store, label: str | None) -> Profile | None:
    from drafter.incoming.drafts import office_profile

    return office_profile(store, label)


def _base_letter(store: Store, type_id: str, profile_label: str | None) -> Letter:
    """A new letter of *type_id* from the office's data: profile (issuer, place), signer."""
    from drafter.incoming.drafts import base_letter

    draft = base_letter(store, type_id, profile_label)
    for warning in draft.warnings:
        _error(warning)
    return draft.letter


def _deliver(letter: Letter, output: Path | None) -> int:
    from drafter.core import letterfile

    if output is None:
        sys.stdout.write(letterfile.dumps(letter))
        return EXIT_OK
    letterfile.save(letter, output)
    print(output)
    return EXIT_OK


def cmd_reply(args: argparse.Namespace) -> int:
    return _answer(args, forward_to=None)


def cmd_forward(args: argparse.Namespace) -> int:
    return _answer(args, forward_to=args.to)


def _answer(args: argparse.Namespace, *, forward_to: list[str] | None) -> int:
    """Write the reply to the chosen incoming letter, or the letter forwarding it; a
    forwarded original goes beside the output."""
    from drafter.incoming.drafts import answer_draft
    from drafter.incoming.register import attach_original

    with _open(args, read_only=True) as store:
        entry = _entry(store, args)
        draft = answer_draft(
            store,
            entry,
            forward_to=forward_to,
            type_id=args.type,
            profile_label=args.profile,
            phrasing=args.phrasing,
        )
    for warning in draft.warnings:
        _error(warning)
    status = _deliver(draft.letter, args.output)
    if forward_to is None or not entry.stored_path:
        return status
    if args.output is not None:
        attached = attach_original(entry, args.output)
        if attached is not None:
            print(attached)
    else:
        _error(_("the original goes with it: {path}").format(path=entry.stored_path))
    return status


# --- registration ------------------------------------------------------------------------------


# An incoming-letters command on the database: --db, and its errors told
# (:func:`database_command`).
_command = partial(database_command, bad_input=_bad_input)


def register(subparsers: argparse._SubParsersAction) -> None:
    which = argparse.ArgumentParser(add_help=False)
    which.add_argument("number", type=_arrival_number, help=_("the arrival number (số đến)"))
    which.add_argument("--year", type=_year, help=_("its year (default: the latest)"))

    read = _command(
        subparsers,
        "read",
        cmd_read,
        _("read an incoming letter (.docx, PDF, scan, .txt): type, number, date, issuer…"),
    )
    read.add_argument("file", help=_("the letter's file"))
    read.add_argument("--json", action="store_true", help=_("print JSON"))
    read.add_argument("--text", action="store_true", help=_("also print the text read"))

    incoming = subparsers.add_parser(
        "incoming", help=_("the incoming register (sổ đăng ký văn bản đến) and its tracking")
    )
    commands = incoming.add_subparsers(dest="incoming_command", metavar=_("COMMAND"))
    add = _command(
        commands,
        "add",
        cmd_incoming_add,
        _("read a letter and register it; prints its arrival number"),
    )
    add.add_argument("file")
    add.add_argument("--received", type=parse_date, help=_("date of arrival (default: today)"))
    add.add_argument("--to", help=_("the unit or person it is passed to"))
    add.add_argument("--due", type=parse_date, help=_("the deadline for dealing with it"))
    add.add_argument("--note")

    listing = _command(commands, "list", cmd_incoming_list, _("list entries"))
    listing.add_argument("--year", type=_year)
    listing.add_argument("--search", help=_("words to find, with or without diacritics"))
    listing.add_argument("--limit", type=_arrival_number, default=200)
    listing.add_argument(
        "--tracking",
        action="store_true",
        help=_("add the tracking columns: deadline, progress, answer"),
    )

    export = _command(
        commands,
        "export",
        cmd_incoming_export,
        _("write the incoming and tracking registers to .xlsx (Appendix IV)"),
    )
    add_output_option(export)
    export.add_argument("--year", type=_year)

    update = _command(
        commands,
        "update",
        cmd_incoming_update,
        _("fill in transfer, receipt, deadline, progress or answer of an entry"),
        parents=[which],
    )
    update.add_argument("--to")
    update.add_argument("--transfer", type=parse_date, help=_("date passed on"))
    update.add_argument("--receipt")
    update.add_argument("--due", type=parse_date)
    update.add_argument("--progress")
    update.add_argument("--answer", help=_("number and symbol of the answer"))
    update.add_argument("--note")

    stamp = _command(
        commands,
        "stamp",
        cmd_incoming_stamp,
        _("a copy of the incoming PDF with the ĐẾN stamp on its first page"),
        parents=[which],
    )
    add_output_option(stamp)
    stamp.add_argument("--to", help=_("the Chuyển line (default: the unit it was passed to)"))
    stamp.add_argument("--file-code", help=_("the Số và ký hiệu hồ sơ line"))

    slip = _command(
        commands,
        "slip",
        cmd_incoming_slip,
        _("the Phiếu giải quyết văn bản đến of an entry, as a letter file"),
        parents=[which],
    )
    add_output_option(slip, required=False)
    slip.add_argument("--profile", help=_("the office profile (default: the default one)"))

    answer = argparse.ArgumentParser(add_help=False)
    answer.add_argument("--type", default="cong_van", help=_("the new letter's type"))
    answer.add_argument(
        "--phrasing",
        choices=("received", "considering"),
        default="received",
        help=_("'received': \"… nhận được công văn số …\"; 'considering': \"Xét Công văn số …\""),
    )
    answer.add_argument("--profile", help=_("the office profile (default: the default one)"))
    add_output_option(
        answer, _("the letter file to write (default: standard output)"), required=False
    )

    _command(
        subparsers,
        "reply",
        cmd_reply,
        _("a letter answering an incoming one, citing it in full"),
        parents=[which, answer],
    )
    forward = _command(
        subparsers,
        "forward",
        cmd_forward,
        _("a letter forwarding an incoming one, which goes with it"),
        parents=[which, answer],
    )
    forward.add_argument(
        "--to", action="append", required=True, help=_("a recipient (repeat for several)")
    )
