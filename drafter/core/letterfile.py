"""The letter file: a versioned, human-readable UTF-8 TOML file holding one letter.

``docs/letter-format.md`` documents every key.  Reading never trusts the file: every
value is type-checked and cleaned (NFC, control characters), and every problem is
collected so that the user sees all of them at once.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, BinaryIO

import tomli_w

try:  # the compiled parser reads a letter about three times faster than the stdlib's
    import tomli as tomllib
except ImportError:  # pragma: no cover - tomli is a dependency; the stdlib parser agrees
    import tomllib  # type: ignore[no-redef]

from drafter.core.atomic import explain_read_error, write_text_atomic
from drafter.core.doctypes import DocType, Registry, default_registry
from drafter.core.fields import coerce_date
from drafter.core.letter import (
    Appendix,
    Circulation,
    Issuer,
    Letter,
    Secrecy,
    Signature,
    Urgency,
)
from drafter.core.limits import (
    COPIES_RANGE,
    LETTER_FILE_BYTES,
    NUMBER_RANGE,
    parse_whole_number,
    range_message,
)
from drafter.core.problems import InvalidInput, Problem
from drafter.core.vietnamese import clean_line, clean_text, text_problem
from drafter.i18n import _

_O_BINARY = getattr(os, "O_BINARY", 0)
FORMAT_KEY = "drafter"
FORMAT_VERSION = 1
SUFFIX = ".letter"

_TOP_KEYS = {
    FORMAT_KEY, "type", "number", "symbol", "place", "date", "subject", "kinh_gui",
    "dong_kinh_gui", "urgency", "secrecy", "circulation", "attached_to", "body", "issuer",
    "fields", "signatures", "noi_nhan", "appendices",
}
_ISSUER_KEYS = {"name", "parent", "prose_name", "abbreviation", "unit", "address", "phone",
                "fax", "email", "website"}
_SIGNATURE_KEYS = {"authority", "title", "name", "note"}
_NOI_NHAN_KEYS = {"lines", "luu", "drafter_mark", "copies"}
_APPENDIX_KEYS = {"number", "title", "body"}


@dataclass
class _Reader:
    """Pulls typed, cleaned values out of parsed TOML, noting each problem."""

    problems: list[Problem]

    def unknown(self, table: dict[str, Any], allowed: set[str], prefix: str) -> None:
        for key in sorted(set(table) - allowed):
            self.problems.append(Problem(f"{prefix}{key}", _("unknown key")))

    def line(self, table: dict[str, Any], key: str, prefix: str = "") -> str:
        value = table.get(key, "")
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.problems.append(Problem(f"{prefix}{key}", _("must be text")))
            return ""
        return self._checked(clean_line(value), f"{prefix}{key}")

    def text(self, table: dict[str, Any], key: str, prefix: str = "") -> str:
        value = table.get(key, "")
        if not isinstance(value, str):
            self.problems.append(Problem(f"{prefix}{key}", _("must be text")))
            return ""
        return self._checked(clean_text(value).strip("\n"), f"{prefix}{key}")

    def lines(self, table: dict[str, Any], key: str, prefix: str = "") -> list[str]:
        """A list of lines; a single string is split at line breaks."""
        value = table.get(key, [])
        if isinstance(value, str):
            value = clean_text(value).split("\n")
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problems.append(Problem(f"{prefix}{key}", _("must be a list of lines")))
            return []
        cleaned = [clean_line(v) for v in value]
        for i, item in enumerate(cleaned):
            self._checked(item, f"{prefix}{key}[{i + 1}]")
        return [v for v in cleaned if v]

    def integer(self, table: dict[str, Any], key: str, bounds: tuple[int, int],
                prefix: str = "") -> int | None:
        value = table.get(key)
        if value is None or value == "":
            return None
        number = parse_whole_number(value, *bounds)
        if number is None:
            self.problems.append(Problem(f"{prefix}{key}", range_message(*bounds)))
        return number

    def enum(self, table: dict[str, Any], key: str, kind: type[Enum]) -> Any:
        value = table.get(key, "")
        try:
            return kind(value)
        except ValueError:
            choices = ", ".join(repr(m.value) for m in kind)  # type: ignore[var-annotated]
            self.problems.append(Problem(key, _("must be one of: {choices}").format(
                choices=choices)))
            return kind("")

    def table(self, data: dict[str, Any], key: str) -> dict[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            self.problems.append(Problem(key, _("must be a table")))
            return {}
        return value

    def tables(self, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problems.append(Problem(key, _("must be a list of tables")))
            return []
        return value

    def _checked(self, text: str, where: str) -> str:
        problem = text_problem(text)
        if problem:
            self.problems.append(Problem(where, problem))
        return text


def parse_letter(data: dict[str, Any], registry: Registry | None = None,
                 ) -> tuple[Letter, list[Problem]]:
    """Build a :class:`Letter` from parsed TOML; return it with every problem found."""
    registry = registry or default_registry()
    problems: list[Problem] = []
    read = _Reader(problems)

    version = data.get(FORMAT_KEY)
    if version != FORMAT_VERSION:
        if isinstance(version, int) and version > FORMAT_VERSION:
            message = _("this file was made by a newer version of Drafter")
        else:
            message = _("not a Drafter letter file (it must contain the line 'drafter = 1')")
        raise InvalidInput([Problem(FORMAT_KEY, message)])
    read.unknown(data, _TOP_KEYS, "")

    type_id = data.get("type")
    doctype: DocType | None = None
    if not isinstance(type_id, str) or type_id not in registry:
        known = ", ".join(registry.ids())
        problems.append(Problem("type", _("unknown document type; known types: {types}").format(
            types=known)))
        type_id = str(type_id or "")
    else:
        doctype = registry.get(type_id)

    issuer_data = read.table(data, "issuer")
    read.unknown(issuer_data, _ISSUER_KEYS, "issuer.")
    issuer = Issuer(
        name=read.lines(issuer_data, "name", "issuer."),
        parent=read.lines(issuer_data, "parent", "issuer."),
        prose_name=read.line(issuer_data, "prose_name", "issuer."),
        abbreviation=read.line(issuer_data, "abbreviation", "issuer."),
        unit=read.line(issuer_data, "unit", "issuer."),
        address=read.line(issuer_data, "address", "issuer."),
        phone=read.line(issuer_data, "phone", "issuer."),
        fax=read.line(issuer_data, "fax", "issuer."),
        email=read.line(issuer_data, "email", "issuer."),
        website=read.line(issuer_data, "website", "issuer."),
    )

    date, date_problems = coerce_date(data.get("date"), "date")
    problems.extend(date_problems)

    signatures = []
    for i, raw in enumerate(read.tables(data, "signatures")):
        prefix = f"signatures[{i + 1}]."
        read.unknown(raw, _SIGNATURE_KEYS, prefix)
        signatures.append(Signature(
            authority=read.lines(raw, "authority", prefix),
            title=read.line(raw, "title", prefix),
            name=read.line(raw, "name", prefix),
            note=read.line(raw, "note", prefix),
        ))

    noi_nhan = read.table(data, "noi_nhan")
    read.unknown(noi_nhan, _NOI_NHAN_KEYS, "noi_nhan.")

    appendices = []
    for i, raw in enumerate(read.tables(data, "appendices")):
        prefix = f"appendices[{i + 1}]."
        read.unknown(raw, _APPENDIX_KEYS, prefix)
        appendices.append(Appendix(
            number=read.line(raw, "number", prefix),
            title=read.line(raw, "title", prefix),
            body=read.text(raw, "body", prefix),
        ))

    fields_data = read.table(data, "fields")
    fields: dict[str, object] = {}
    if doctype is not None:
        for key in sorted(set(fields_data) - {f.id for f in doctype.fields}):
            problems.append(Problem(f"fields.{key}", _("unknown field for this document type")))
        for spec in doctype.fields:
            value, field_problems = spec.coerce(fields_data.get(spec.id), f"fields.{spec.id}")
            fields[spec.id] = value
            problems.extend(field_problems)

    letter = Letter(
        type_id=type_id,
        issuer=issuer,
        number=read.integer(data, "number", NUMBER_RANGE),
        symbol=read.line(data, "symbol"),
        place=read.line(data, "place"),
        date=date,
        subject=read.line(data, "subject"),
        kinh_gui=read.lines(data, "kinh_gui"),
        dong_kinh_gui=read.lines(data, "dong_kinh_gui"),
        body=read.text(data, "body"),
        fields=fields,
        signatures=signatures,
        noi_nhan=read.lines(noi_nhan, "lines", "noi_nhan."),
        luu=read.line(noi_nhan, "luu", "noi_nhan.") if "luu" in noi_nhan else "VT",
        drafter_mark=read.line(noi_nhan, "drafter_mark", "noi_nhan."),
        copies=read.integer(noi_nhan, "copies", COPIES_RANGE, "noi_nhan."),
        urgency=read.enum(data, "urgency", Urgency),
        secrecy=read.enum(data, "secrecy", Secrecy),
        circulation=read.enum(data, "circulation", Circulation),
        attached_to=read.line(data, "attached_to"),
        appendices=appendices,
    )
    return letter, problems


def loads(text: str, registry: Registry | None = None) -> tuple[Letter, list[Problem]]:
    """Parse letter-file text; raise :class:`InvalidInput` if it is not TOML at all."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InvalidInput([Problem("file", _("is not a valid letter file: {error}").format(
            error=error))]) from error
    except RecursionError as error:  # tables or lists nested hundreds of levels deep
        raise InvalidInput([Problem("file", _(
            "is not a valid letter file: its lists or tables are nested too deeply"))]) from error
    except ValueError as error:  # an integer of thousands of digits, refused by int()
        raise InvalidInput([Problem("file", _(
            "is not a valid letter file: it holds a number too long to read"))]) from error
    return parse_letter(data, registry)


def load(path: Path, registry: Registry | None = None) -> tuple[Letter, list[Problem]]:
    return loads(decode(read_letter_bytes(Path(path)), str(path)), registry)


def read_letter_bytes(path: Path) -> bytes:
    """The bytes of the letter file at *path*, refusing what cannot be a letter file.

    A pipe or a device (``/dev/zero``) would hang the reader or fill the memory, so only
    regular files are read, and at most :data:`LETTER_FILE_BYTES` of them.
    """
    try:
        # Non-blocking: opening a named pipe for reading would otherwise wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _O_BINARY)
    except OSError as error:
        raise _unreadable(path, explain_read_error(error)) from error
    try:
        kind = os.fstat(fd).st_mode
        if stat.S_ISDIR(kind):
            raise _unreadable(path, _("this is a folder, not a file"))
        if not stat.S_ISREG(kind):
            raise _unreadable(path, _(
                "this is not an ordinary file (a pipe or a device); save the letter "
                "to a file first"))
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as stream:
        try:
            return read_limited(stream, str(path))
        except OSError as error:
            raise _unreadable(path, explain_read_error(error)) from error


def read_limited(stream: BinaryIO, source: str) -> bytes:
    """At most :data:`LETTER_FILE_BYTES` from *stream* (a file or standard input)."""
    raw = stream.read(LETTER_FILE_BYTES + 1)
    if len(raw) > LETTER_FILE_BYTES:
        raise InvalidInput([Problem("file", _(
            "is too big for a letter file (more than {size} MB)").format(
                size=LETTER_FILE_BYTES // (1024 * 1024)))], source)
    return raw


def _unreadable(path: Path, reason: str) -> InvalidInput:
    return InvalidInput([Problem("file", _("cannot be read: {reason}").format(
        reason=reason))], str(path))


def decode(raw: bytes, source: str = "") -> str:
    """Letter files are UTF-8; a BOM (added by Notepad) is accepted."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInput([Problem("file", _(
            "is not UTF-8 text; save it again as UTF-8"))], source) from error


def to_data(letter: Letter) -> dict[str, Any]:
    """The TOML structure of *letter*, leaving out what is empty."""
    data: dict[str, Any] = {FORMAT_KEY: FORMAT_VERSION, "type": letter.type_id}
    scalars: dict[str, Any] = {
        "number": letter.number,
        "symbol": letter.symbol,
        "place": letter.place,
        "date": letter.date,
        "subject": letter.subject,
        "urgency": letter.urgency.value,
        "secrecy": letter.secrecy.value,
        "circulation": letter.circulation.value,
        "attached_to": letter.attached_to,
        "kinh_gui": letter.kinh_gui,
        "dong_kinh_gui": letter.dong_kinh_gui,
        "body": letter.body,
    }
    data.update({k: v for k, v in scalars.items() if v not in (None, "", [])})
    issuer = {k: v for k, v in vars(letter.issuer).items() if v not in ("", [])}
    if issuer:
        data["issuer"] = issuer
    fields = {k: _toml_value(v) for k, v in letter.fields.items() if v not in (None, "", [])}
    if fields:
        data["fields"] = fields
    if letter.signatures:
        data["signatures"] = [
            {k: v for k, v in vars(s).items() if v not in ("", [])} for s in letter.signatures
        ]
    noi_nhan: dict[str, Any] = {"lines": letter.noi_nhan, "luu": letter.luu,
                                "drafter_mark": letter.drafter_mark, "copies": letter.copies}
    data["noi_nhan"] = {k: v for k, v in noi_nhan.items() if v not in (None, "", [])}
    if letter.appendices:
        data["appendices"] = [
            {k: v for k, v in vars(a).items() if v != ""} for a in letter.appendices
        ]
    return data


def _toml_value(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


# Half of a UTF-16 pair, as a broken clipboard may leave in a field: it cannot be
# written as UTF-8 at all, and stands for no character, so it is left out.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(letter: Letter) -> str:
    header = "# Drafter letter file (UTF-8 TOML); see docs/letter-format.md\n"
    text = tomli_w.dumps(to_data(letter), multiline_strings=True)
    return header + _LONE_SURROGATE.sub("", text)


def save(letter: Letter, path: Path) -> None:
    write_text_atomic(Path(path), dumps(letter))
