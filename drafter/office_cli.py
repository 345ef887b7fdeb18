"""Commands for the office's data: ``drafter issue``, ``register``, ``contacts``, ``mailmerge``.

They parse and print; the work is done by the application layer (:mod:`drafter.app`:
check, issue, mail merge, writing in a format) and the register's persistence
(:mod:`drafter.store`).  This module is imported whenever ``drafter`` starts, so it
imports nothing heavy at module level: SQLAlchemy, openpyxl and the renderer load
inside the handlers.  The
database is the embedded SQLite file unless ``--db URL`` or ``DRAFTER_DB`` names another.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.cli_guard import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_WRITE,
    Handler,
    database_command,
    guarded,
    report_each,
)
from drafter.cli_guard import report as _error
from drafter.cli_options import add_output_option, add_recipient_options
from drafter.i18n import _

if TYPE_CHECKING:
    from drafter.core.letter import Letter
    from drafter.render.formats import Format
    from drafter.store.engine import Store
    from drafter.store.register_query import RegisterFilter


def _open(args: argparse.Namespace, *, read_only: bool = False) -> Store:
    """The database of *args*; *read_only* commands also work on a read-only copy."""
    from drafter.store.engine import open_store

    return open_store(args.db, read_only=read_only)


def _load_letter(source: str) -> Letter | None:
    """The letter of *source*, or ``None`` after printing each problem (those of the file
    and those of its content, together)."""
    from drafter.app.check import check_file

    letter, problems = check_file(source)
    report_each(source, problems)
    return None if problems else letter


def _format(args: argparse.Namespace) -> Format | None:
    """The format of ``--format``: ``None`` when not given; an unknown name raises
    :class:`~drafter.render.formats.UnknownFormat`, which :func:`_guarded` reports."""
    from drafter.render import formats

    name = getattr(args, "format", None)
    if name is None or isinstance(name, formats.Format):
        return name
    return formats.by_name(name)


def _listed_formats(args: argparse.Namespace) -> bool:
    """``--format`` alone: print the formats."""
    from drafter.render import formats

    if getattr(args, "format", None) != formats.LIST:
        return False

    print(formats.listing())
    return True


def _bad_input() -> tuple[type[Exception], ...]:
    """The office commands' own bad-input errors, beside those :func:`guarded` knows."""
    from drafter.app.errors import MergeError
    from drafter.render.formats import UnknownFormat
    from drafter.store.errors import ImportFileError

    return (ImportFileError, MergeError, UnknownFormat)


def _guarded(handler: Handler) -> Handler:
    """Turn the store's expected errors into a message and an exit code."""
    return guarded(handler, _bad_input)


# An office command on the database: --db, and its errors told (:func:`database_command`).
_database_command = partial(database_command, bad_input=_bad_input)


# --- drafter issue ------------------------------------------------------------------------


def cmd_issue(args: argparse.Namespace) -> int:
    if _listed_formats(args):
        return EXIT_OK
    chosen = _format(args)
    from drafter.app import issue
    from drafter.core.vietnamese import numeric_date

    # Settled before the letter is read or a number taken: a wrong name costs nothing.
    fmt = issue.output_format(args.output, chosen)
    letter = _load_letter(args.letter)
    if letter is None:
        return EXIT_INVALID
    from drafter.core import letterfile
    from drafter.core.atomic import WriteError

    if not letter.document_id and args.letter != "-":
        # Before the number: a second issue of this file then finds its number.
        issue.give_document_id(Path(args.letter), letter)
    with _open(args) as store:
        issued = issue.number(store, letter, reserved_entry_id=args.reserved, reissue=args.reissue)
    number = issued.entry.number_symbol
    try:
        issue.write_document(issued.letter, args.output, fmt)
        if args.save_letter:
            letterfile.save(issued.letter, Path(args.letter))
    except WriteError as error:
        _error(
            _(
                "number {number} was issued and recorded, but {path} could not be written "
                "({reason}); write it again with 'drafter register letter {id} -o FILE'"
            ).format(number=number, path=error.path, reason=error.reason, id=issued.entry.id)
        )
        return EXIT_WRITE
    print(
        _("Issued number {number} on {date}: {path}").format(
            number=number,
            date=numeric_date(issued.letter.date),
            path=args.output,
        )
    )
    return EXIT_OK


# --- drafter office export / import -------------------------------------------------------


def cmd_office_export(args: argparse.Namespace) -> int:
    from drafter.store.office_file import export_office

    with _open(args, read_only=True) as store:
        counts = export_office(store, args.file)
    print(
        _(
            "Wrote {profiles} profiles, {signers} signers, {contacts} recipients and "
            "{groups} groups to {path}"
        ).format(path=args.file, **counts)
    )
    return EXIT_OK


def cmd_office_import(args: argparse.Namespace) -> int:
    from drafter.store.office_file import import_office

    with _open(args) as store:
        report = import_office(store, args.file)
    counts = {k: report.imported.get(k, 0) for k in ("profiles", "signers", "contacts", "groups")}
    summary = _(
        "Imported {profiles} profiles, {signers} signers, {contacts} recipients and "
        "{groups} groups; {bad} records left out"
    ).format(bad=len(report.problems), **counts)
    return _imported(args.file, report.problems, summary)


def _imported(
    source: Path, problems: Sequence[object], summary: str, notices: Sequence[object] = ()
) -> int:
    """Tell how an import of *source* went: its notices and the records it left out, each
    after the file's name, then *summary*; exit 2 when records were left out."""
    report_each(source, [*notices, *problems])
    print(summary)
    return EXIT_INVALID if problems else EXIT_OK


# --- drafter register … ----------------------------------------------------------------------


def _filter(args: argparse.Namespace) -> RegisterFilter:
    from drafter.store.register_query import RegisterFilter

    return RegisterFilter(
        year=args.year,
        text=getattr(args, "search", "") or "",
        type_id=getattr(args, "type", "") or "",
    )


def cmd_register_export(args: argparse.Namespace) -> int:
    from drafter.store.profiles import sole_profile
    from drafter.store.register_xlsx import export_register

    with _open(args, read_only=True) as store:
        count = export_register(store, args.output, _filter(args), sole_profile(store))
    print(_("{count} register entries written to {path}").format(count=count, path=args.output))
    return EXIT_OK


def cmd_register_list(args: argparse.Namespace) -> int:
    from drafter.store.register_query import search
    from drafter.store.register_xlsx import entry_row

    with _open(args, read_only=True) as store:
        for entry in search(store, _filter(args), limit=args.limit):
            cells = entry_row(entry)
            print(f"{entry.id}\t{cells[0]}\t{cells[1]}\t{entry.status}\t{cells[2]}")
    return EXIT_OK


def cmd_register_reserve(args: argparse.Namespace) -> int:
    import datetime as dt

    from drafter.store import register

    with _open(args) as store:
        entry = register.reserve(
            store, args.sequence, args.year or dt.date.today().year, note=args.note
        )
    print(
        _("Reserved number {number} (entry {id})").format(number=entry.number_symbol, id=entry.id)
    )
    return EXIT_OK


def cmd_register_cancel(args: argparse.Namespace) -> int:
    from drafter.store import register

    with _open(args) as store:
        entry = register.cancel(store, args.entry, args.reason)
    print(_("Cancelled number {number}").format(number=entry.number_symbol))
    return EXIT_OK


def cmd_register_letter(args: argparse.Namespace) -> int:
    from drafter.core import letterfile
    from drafter.store import register
    from drafter.store.models import RegisterEntry

    with _open(args, read_only=True) as store, store.read() as session:
        entry = session.get(RegisterEntry, args.entry)
    if entry is None:
        _error(_("there is no register entry {id}").format(id=args.entry))
        return EXIT_INVALID
    letter = register.letter_of(entry)
    if args.output.suffix.lower() == letterfile.SUFFIX:
        letterfile.save(letter, args.output)
    else:
        from drafter.app.issue import write_document

        write_document(letter, args.output)
    print(args.output)
    return EXIT_OK


def cmd_register_sequences(args: argparse.Namespace) -> int:
    import datetime as dt

    from drafter.store.profiles import list_profiles
    from drafter.store.sequences import last_number, list_sequences

    year = args.year or dt.date.today().year
    with _open(args, read_only=True) as store:
        profiles = {p.id: p.label for p in list_profiles(store)}
        for sequence in list_sequences(store):
            kind = _("secret") if sequence.secret else (sequence.type_ids or _("all types"))
            owner = profiles.get(sequence.profile_id, "") if sequence.profile_id else ""
            print(
                f"{sequence.key}\t{sequence.label}\t{kind}\t{owner}\t"
                f"{year}: {last_number(store, sequence.id, year)}"
            )
    return EXIT_OK


def cmd_register_add_sequence(args: argparse.Namespace) -> int:
    from drafter.store.models import NumberSequence
    from drafter.store.profiles import profile_named
    from drafter.store.sequences import save_sequence

    with _open(args) as store:
        profile_id = None
        if args.profile:
            found = profile_named(store, args.profile)
            if found is None:
                _error(_("there is no profile '{label}'").format(label=args.profile))
                return EXIT_INVALID
            profile_id = found.id
        sequence = save_sequence(
            store,
            NumberSequence(
                key=args.key,
                label=args.label or args.key,
                type_ids=args.types or "",
                secret=args.secret,
                profile_id=profile_id,
            ),
        )
    print(_("Sequence '{key}' saved").format(key=sequence.key))
    return EXIT_OK


# --- drafter contacts … -----------------------------------------------------------------------


def cmd_contacts_import(args: argparse.Namespace) -> int:
    from drafter.store.contacts_io import import_contacts

    with _open(args) as store:
        report = import_contacts(store, args.file)
    summary = _("{added} added, {updated} updated, {bad} rows with problems").format(
        added=report.added, updated=report.updated, bad=len(report.problems)
    )
    return _imported(args.file, report.problems, summary, notices=report.notices)


def cmd_contacts_export(args: argparse.Namespace) -> int:
    from drafter.store.contacts_io import export_contacts

    with _open(args, read_only=True) as store:
        count = export_contacts(store, args.file)
    print(_("{count} contacts written to {path}").format(count=count, path=args.file))
    return EXIT_OK


def cmd_contacts_search(args: argparse.Namespace) -> int:
    from drafter.store.contacts import search_contacts

    with _open(args, read_only=True) as store:
        for contact in search_contacts(store, " ".join(args.query), limit=args.limit):
            print(f"{contact.full_name}\t{contact.short_name}")
    return EXIT_OK


# --- drafter mailmerge ----------------------------------------------------------------------


def cmd_mailmerge(args: argparse.Namespace) -> int:
    if _listed_formats(args):
        return EXIT_OK
    chosen = _format(args)
    letter = _load_letter(args.letter)
    if letter is None:
        return EXIT_INVALID
    from drafter.app.mailmerge import merge_to_files

    names = recipients_from(args)
    if names is None:
        return EXIT_INVALID
    paths = merge_to_files(
        letter, names, args.output, into=args.into, together=args.together, fmt=chosen
    )
    for path in paths:
        print(path)
    return EXIT_OK


def render_for_each(args: argparse.Namespace) -> int:
    """``drafter render LETTER --group G`` (or ``--names FILE``): the mail merge."""
    if len(args.letters) != 1 or args.output is None:
        _error(_("one document per recipient takes one letter file and -o"))
        return EXIT_INVALID
    args.letter = args.letters[0]
    return _guarded(cmd_mailmerge)(args)


def recipients_from(args: argparse.Namespace) -> list[str] | None:
    """The names to write to: a group of the address book or a file of one name a line."""
    if args.names is not None:
        from drafter.store.contacts_io import decode_csv

        raw = Path(args.names).read_bytes()
        text, _notices = decode_csv(raw)
        return [line.strip() for line in text.splitlines() if line.strip()]
    from drafter.store.contacts import group_by_name, group_lines

    with _open(args, read_only=True) as store:
        group = group_by_name(store, args.group)
    if group is None:
        _error(_("there is no group named '{name}'").format(name=args.group))
        return None
    return group_lines(group, "kinh_gui")


# --- registration ------------------------------------------------------------------------------


def _file_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    handler: Handler,
    help: str,
) -> None:
    """A database command that reads or writes one file, its only argument."""
    _database_command(commands, name, handler, help).add_argument("file", type=Path)


def _whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number in ``low..high`` typed in ASCII digits.

    Out-of-range ids, years and limits are refused here, as bad input, before they can
    reach the database (which would fail on them with a traceback).
    """

    def parse(text: str) -> int:
        digits = text.strip()
        if (
            not (0 < len(digits) <= 12 and digits.isascii() and digits.isdigit())
            or not low <= int(digits) <= high
        ):
            raise argparse.ArgumentTypeError(
                _("must be a whole number from {low} to {high}").format(low=low, high=high)
            )
        return int(digits)

    return parse


ENTRY_ID = _whole_number(1, 2**31 - 1)
YEAR = _whole_number(1, 9999)
LIMIT = _whole_number(0, 1_000_000)


def register(subparsers: argparse._SubParsersAction) -> None:
    from drafter.render.formats import add_format_option

    issue = _database_command(
        subparsers,
        "issue",
        cmd_issue,
        _(
            "give a letter the next number of its sequence, record it and write the document "
            "(.docx, .pdf…)"
        ),
    )
    issue.add_argument("letter", help=_("the letter file"))
    add_output_option(
        issue, _("the document to write; its suffix chooses the format (.docx, .pdf…)")
    )
    add_format_option(issue)
    issue.add_argument(
        "--reserved",
        type=ENTRY_ID,
        metavar="ENTRY",
        help=_("use a reserved number (its register entry id)"),
    )
    issue.add_argument(
        "--save-letter",
        action="store_true",
        help=_("also write the number and date into the letter file"),
    )
    issue.add_argument(
        "--reissue",
        action="store_true",
        help=_(
            "cấp lại: cancel the number this document was issued and take a new one (a "
            "correction, recorded in the register's history)"
        ),
    )

    reg = subparsers.add_parser("register", help=_("the outgoing register"))
    reg_commands = reg.add_subparsers(dest="register_command", metavar=_("COMMAND"))
    export = _database_command(
        reg_commands, "export", cmd_register_export, _("write the register to .xlsx (Appendix IV)")
    )
    add_output_option(export)
    export.add_argument("--year", type=YEAR)
    export.add_argument("--type", help=_("only this document type"))
    listing = _database_command(reg_commands, "list", cmd_register_list, _("list entries"))
    listing.add_argument("--year", type=YEAR)
    listing.add_argument("--search", help=_("words to find, with or without diacritics"))
    listing.add_argument("--type", help=_("only this document type"))
    listing.add_argument("--limit", type=LIMIT, default=50)
    reserve = _database_command(
        reg_commands, "reserve", cmd_register_reserve, _("hold the next number of a sequence")
    )
    reserve.add_argument("--sequence", default="chung")
    reserve.add_argument("--year", type=YEAR)
    reserve.add_argument("--note", default="")
    cancel = _database_command(reg_commands, "cancel", cmd_register_cancel, _("cancel a number"))
    cancel.add_argument("entry", type=ENTRY_ID, help=_("the register entry id"))
    cancel.add_argument("--reason", required=True)
    again = _database_command(
        reg_commands,
        "letter",
        cmd_register_letter,
        _(
            "write an issued letter again from the register, as .letter or any document "
            "format (.docx, .pdf…)"
        ),
    )
    again.add_argument("entry", type=ENTRY_ID, help=_("the register entry id"))
    add_output_option(again)

    sequences = _database_command(
        reg_commands, "sequences", cmd_register_sequences, _("list the numbering sequences")
    )
    sequences.add_argument("--year", type=YEAR)
    add_sequence = _database_command(
        reg_commands,
        "add-sequence",
        cmd_register_add_sequence,
        _(
            "add or change a numbering sequence: per type, for secret documents, or for an "
            "advisory body"
        ),
    )
    add_sequence.add_argument("key", help=_("a short name, e.g. qd or hoi_dong"))
    add_sequence.add_argument("--label", default="")
    add_sequence.add_argument("--types", help=_("document type ids it numbers, comma-separated"))
    add_sequence.add_argument(
        "--secret", action="store_true", help=_("the sequence of secret documents")
    )
    add_sequence.add_argument("--profile", help=_("only for this profile (an advisory body)"))

    office = subparsers.add_parser(
        "office",
        help=_("the office's data (profiles, signers, recipients, groups) as one TOML file"),
    )
    office_commands = office.add_subparsers(dest="office_command", metavar=_("COMMAND"))
    _file_command(
        office_commands,
        "export",
        cmd_office_export,
        _("write the office's data to a .toml file (another computer, a copy)"),
    )
    _file_command(
        office_commands,
        "import",
        cmd_office_import,
        _(
            "add the office's data of a .toml file; bad records are reported, the rest "
            "imported, nothing doubled"
        ),
    )

    contacts = subparsers.add_parser("contacts", help=_("the address book"))
    contact_commands = contacts.add_subparsers(dest="contacts_command", metavar=_("COMMAND"))
    _file_command(
        contact_commands, "import", cmd_contacts_import, _("add contacts from a .csv or .xlsx file")
    )
    _file_command(
        contact_commands,
        "export",
        cmd_contacts_export,
        _("write the contacts to a .csv or .xlsx file"),
    )
    find = _database_command(contact_commands, "search", cmd_contacts_search, _("find contacts"))
    find.add_argument("query", nargs="*")
    find.add_argument("--limit", type=LIMIT, default=20)

    merge = _database_command(
        subparsers,
        "mailmerge",
        cmd_mailmerge,
        _("one document per recipient: separate .docx files or one combined file"),
    )
    merge.add_argument("letter", help=_("the letter file"))
    add_recipient_options(merge, required=True)
    add_output_option(
        merge,
        _(
            "a folder for separate files, or the file with --together (its suffix chooses "
            "the format)"
        ),
    )
    add_format_option(merge)
