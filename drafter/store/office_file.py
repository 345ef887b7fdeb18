"""The office's data as one TOML file: profiles, signers (with the types they sign by
default), recipients and groups — ``drafter office export`` / ``import``.

To set up a second computer, keep a copy, or prepare many machines.  The format is
documented in ``docs/letter-format.md``; a profile's keys are a letter file's ``[issuer]``
keys plus ``place``, ``label``, ``units`` and ``default``.  Import checks every record,
reports each bad one with its place in the file (the table and its line), imports the
rest, and never makes a duplicate: a record matching a stored one updates it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w
from sqlalchemy import select

from drafter.core.atomic import write_text_atomic
from drafter.core.vietnamese import clean_line, upper
from drafter.i18n import _
from drafter.store.contacts import AGENCY, PERSON, TEXT_FIELDS, find_by_full_name, prepare
from drafter.store.engine import Store
from drafter.store.errors import ImportFileError
from drafter.store.models import Contact, ContactGroup, GroupMember, Profile, Signer, Unit
from drafter.store.signers import authority_problems
from drafter.store.text import join_lines, search_text, sort_bytes, split_lines

FORMAT_KEY, FORMAT_VERSION = "drafter_office", 1
PROFILE_TEXT = (
    "label",
    "prose_name",
    "abbreviation",
    "place",
    "address",
    "phone",
    "fax",
    "email",
    "website",
)
CONTACT_TEXT = ("kind", *TEXT_FIELDS)


@dataclass(frozen=True)
class RecordProblem:
    where: str  # "[[signers]] 2 (line 14)"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class OfficeImport:
    imported: dict[str, int] = field(default_factory=dict)  # per table: added or updated
    problems: list[RecordProblem] = field(default_factory=list)


# --- export ------------------------------------------------------------------------------


def office_data(store: Store) -> dict[str, Any]:
    from sqlalchemy.orm import selectinload

    with store.read() as session:
        profiles = list(
            session.scalars(
                select(Profile).options(selectinload(Profile.units)).order_by(Profile.label)
            )
        )
        signers = list(
            session.scalars(
                select(Signer)
                .options(selectinload(Signer.patterns))
                .order_by(Signer.position, Signer.sort_bytes)
            )
        )
        contacts = list(session.scalars(select(Contact).order_by(Contact.sort_bytes)))
        groups = list(
            session.scalars(
                select(ContactGroup)
                .options(selectinload(ContactGroup.members).selectinload(GroupMember.contact))
                .order_by(ContactGroup.sort_bytes)
            )
        )
    labels = {p.id: p.label for p in profiles}
    data: dict[str, Any] = {
        FORMAT_KEY: FORMAT_VERSION,
        "profiles": [],
        "signers": [],
        "contacts": [],
        "groups": [],
    }
    for p in profiles:
        item: dict[str, Any] = {
            "label": p.label,
            "parent": split_lines(p.parent),
            "name": split_lines(p.name),
        }
        item.update({k: getattr(p, k) for k in PROFILE_TEXT if k != "label"})
        if p.units:
            item["unit"] = p.units[0].abbreviation
            item["units"] = [{"name": u.name, "abbreviation": u.abbreviation} for u in p.units]
        if p.advisory:
            item["advisory"] = True
        if p.is_default:
            item["default"] = True
        data["profiles"].append({k: v for k, v in item.items() if v not in ("", [])})
    for s in signers:
        item = {"name": s.name, "title": s.title}
        if s.patterns:
            item["authority"] = split_lines(s.patterns[0].authority)
            if s.patterns[0].title is not None and s.patterns[0].title != s.title:
                item["authority_title"] = s.patterns[0].title
        if s.profile_id in labels:
            item["profile"] = labels[s.profile_id]
        types = [t.strip() for t in s.default_types.split(",") if t.strip()]
        if types:
            item["types"] = types
        if s.is_default:
            item["default"] = True
        data["signers"].append({k: v for k, v in item.items() if v not in ("", [])})
    for c in contacts:
        data["contacts"].append({k: getattr(c, k) for k in CONTACT_TEXT if getattr(c, k)})
    for g in groups:
        item = {"name": g.name, "members": [m.contact.full_name for m in g.members]}
        if g.note:
            item["note"] = g.note
        data["groups"].append(item)
    return data


def export_office(store: Store, path: Path) -> dict[str, int]:
    """Write the office's data to *path* (atomically); the count of each table's records."""
    data = office_data(store)
    header = "# Drafter office data (UTF-8 TOML); see docs/letter-format.md\n"
    write_text_atomic(Path(path), header + tomli_w.dumps(data, multiline_strings=True))
    return {k: len(v) for k, v in data.items() if isinstance(v, list)}


# --- import ------------------------------------------------------------------------------


def _header_lines(text: str, table: str) -> list[int]:
    """The line of each ``[[table]]`` header, in order: where each record starts."""
    pattern = re.compile(rf"^\s*\[\[\s*{table}\s*\]\]", re.MULTILINE)
    return [text.count("\n", 0, m.start()) + 1 for m in pattern.finditer(text)]


class _Bad(ValueError):
    pass


def _text(record: dict[str, Any], key: str, required: bool = False) -> str:
    value = record.get(key, "")
    if not isinstance(value, str):
        raise _Bad(_("'{key}' must be text").format(key=key))
    value = clean_line(value)
    if required and not value:
        raise _Bad(_("'{key}' is required").format(key=key))
    return value


def _text_lines(record: dict[str, Any], key: str, required: bool = False) -> list[str]:
    value = record.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Bad(_("'{key}' must be a list of lines").format(key=key))
    lines = [line for line in (clean_line(v) for v in value) if line]
    if required and not lines:
        raise _Bad(_("'{key}' is required").format(key=key))
    return lines


def _flag(record: dict[str, Any], key: str) -> bool:
    value = record.get(key, False)
    if not isinstance(value, bool):
        raise _Bad(_("'{key}' must be true or false").format(key=key))
    return value


def _known(record: object, keys: set[str]) -> dict[str, Any]:
    if not isinstance(record, dict):
        raise _Bad(_("must be a table"))
    unknown = sorted(set(record) - keys)
    if unknown:
        raise _Bad(_("unknown key '{key}'").format(key=unknown[0]))
    return record


def _import_profile(session: Any, record: dict[str, Any]) -> Profile:
    record = _known(
        record, {*PROFILE_TEXT, "parent", "name", "unit", "units", "advisory", "default"}
    )
    name = join_lines(upper(line) for line in _text_lines(record, "name", required=True))
    values = {k: _text(record, k) for k in PROFILE_TEXT}
    units = record.get("units", [])
    if not isinstance(units, list) or not all(isinstance(u, dict) for u in units):
        raise _Bad(_("'units' must be a list of tables"))
    unit_pairs = [
        (_text(u, "name") or _text(u, "abbreviation"), upper(_text(u, "abbreviation")))
        for u in units
    ]
    unit = upper(_text(record, "unit"))
    if unit and unit not in {a for _n, a in unit_pairs}:
        unit_pairs.insert(0, (unit, unit))
    stored = session.scalars(
        select(Profile).where(Profile.abbreviation == values["abbreviation"], Profile.name == name)
    ).first()
    profile = stored or Profile(units=[])
    if stored is None:
        session.add(profile)
    profile.name = name
    profile.parent = join_lines(upper(line) for line in _text_lines(record, "parent"))
    for key, value in values.items():
        setattr(profile, key, value)
    profile.label = values["label"] or split_lines(name)[0]
    profile.advisory = _flag(record, "advisory")
    if _flag(record, "default"):
        for other in session.scalars(select(Profile).where(Profile.is_default.is_(True))):
            other.is_default = False
        profile.is_default = True
    known_units = {u.abbreviation for u in profile.units}
    for unit_name, abbreviation in unit_pairs:
        if abbreviation not in known_units:
            profile.units.append(
                Unit(name=unit_name, abbreviation=abbreviation, position=len(profile.units))
            )
            known_units.add(abbreviation)
    session.flush()
    return profile


def _import_signer(session: Any, record: dict[str, Any], type_ids: set[str]) -> Signer:
    from drafter.store.signers import new_pattern

    record = _known(
        record, {"name", "title", "authority", "authority_title", "profile", "types", "default"}
    )
    name = _text(record, "name", required=True)
    authority = [upper(line) for line in _text_lines(record, "authority")]
    problems = authority_problems(authority)
    if problems:
        raise _Bad("; ".join(problems))
    types = _text_lines(record, "types")
    unknown = [t for t in types if t not in type_ids]
    if unknown:
        raise _Bad(_("unknown document type '{type}'").format(type=unknown[0]))
    profile_id = None
    if record.get("profile"):
        wanted = _text(record, "profile").casefold()
        found = [
            p
            for p in session.scalars(select(Profile))
            if wanted in (p.label.casefold(), p.abbreviation.casefold())
        ]
        if not found:
            raise _Bad(_("no profile named '{name}'").format(name=record["profile"]))
        profile_id = found[0].id
    stored = session.scalars(select(Signer).where(Signer.name == name)).first()
    signer = stored or Signer(name=name, patterns=[])
    if stored is None:
        session.add(signer)
    signer.title = upper(_text(record, "title"))
    signer.sort_bytes = sort_bytes(name)
    signer.profile_id = profile_id if profile_id is not None else signer.profile_id
    signer.default_types = ",".join(types)
    if _flag(record, "default"):
        for other in session.scalars(select(Signer).where(Signer.is_default.is_(True))):
            other.is_default = False
        signer.is_default = True
    if authority:
        title = upper(_text(record, "authority_title")) or None
        if not any(split_lines(p.authority) == authority for p in signer.patterns):
            signer.patterns.insert(0, new_pattern(authority, title))
            for position, pattern in enumerate(signer.patterns):
                pattern.position = position
    session.flush()
    return signer


def _import_contact(session: Any, record: dict[str, Any]) -> Contact:
    record = _known(record, set(CONTACT_TEXT))
    values = {k: _text(record, k) for k in CONTACT_TEXT}
    values["note"] = str(record.get("note", "")) if isinstance(record.get("note", ""), str) else ""
    if values["kind"] and values["kind"] not in (AGENCY, PERSON):
        raise _Bad(_("'kind' must be 'agency' or 'person'"))
    contact = Contact(**values)
    prepare(contact)
    stored = find_by_full_name(session, contact.full_name)
    if stored is not None:
        for key in CONTACT_TEXT:
            value = getattr(contact, key)
            if value:
                setattr(stored, key, value)
        return prepare(stored)
    session.add(contact)
    session.flush()
    return contact


def _import_group(session: Any, record: dict[str, Any]) -> ContactGroup:
    from sqlalchemy import delete

    record = _known(record, {"name", "note", "members"})
    name = _text(record, "name", required=True)
    members = _text_lines(record, "members")
    contacts = []
    for member in members:
        contact = find_by_full_name(session, member)
        if contact is None:
            contact = prepare(Contact(full_name=member, kind=AGENCY))
            session.add(contact)
            session.flush()
        contacts.append(contact)
    group = session.scalars(select(ContactGroup).where(ContactGroup.name == name)).first()
    if group is None:
        group = ContactGroup(name=name)
        session.add(group)
    group.note = _text(record, "note")
    group.search_text, group.sort_bytes = search_text(name), sort_bytes(name)
    session.flush()
    session.execute(delete(GroupMember).where(GroupMember.group_id == group.id))
    seen: set[int] = set()
    for position, contact in enumerate(contacts):
        if contact.id not in seen:
            seen.add(contact.id)
            session.add(GroupMember(group_id=group.id, contact_id=contact.id, position=position))
    return group


def read_office_file(path: Path) -> tuple[dict[str, Any], str]:
    import tomli as tomllib  # a dependency; the same parser as the letter files

    from drafter.core.toml_errors import syntax_error_message

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ImportFileError(
            _("{path} cannot be read: {reason}").format(
                path=path, reason=getattr(error, "strerror", None) or error
            )
        ) from error
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ImportFileError(f"{path}: {syntax_error_message(error)}") from error
    version = data.get(FORMAT_KEY, FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise ImportFileError(_("{path} was made by a newer version of Drafter").format(path=path))
    return data, text


def import_office(store: Store, path: Path) -> OfficeImport:
    """Add or update every good record of the office file at *path*; report the others."""
    from drafter.core.doctypes import default_registry

    data, text = read_office_file(path)
    report = OfficeImport()
    type_ids = set(default_registry().ids())
    steps = (
        ("profiles", _import_profile),
        ("signers", lambda s, r: _import_signer(s, r, type_ids)),
        ("contacts", _import_contact),
        ("groups", _import_group),
    )
    unknown = sorted(set(data) - {FORMAT_KEY, *(name for name, _step in steps)})
    for key in unknown:
        report.problems.append(RecordProblem(key, _("unknown key")))
    for table, step in steps:
        records = data.get(table, [])
        if not isinstance(records, list):
            report.problems.append(RecordProblem(table, _("must be a list of tables")))
            continue
        starts = _header_lines(text, table)
        for index, record in enumerate(records, start=1):
            line = starts[index - 1] if index <= len(starts) else None
            where = f"[[{table}]] {index}" + (_(" (line {line})").format(line=line) if line else "")
            try:
                with store.write() as session:  # one record, one transaction
                    step(session, record)
            except (_Bad, ValueError) as error:
                report.problems.append(RecordProblem(where, str(error)))
                continue
            report.imported[table] = report.imported.get(table, 0) + 1
    return report
