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
from pathlib import Path
from typing import Any, BinaryIO

import tomli_w

try:  # the compiled parser reads a letter about three times faster than the stdlib's
    import tomli as tomllib
except ImportError:  # pragma: no cover - tomli is a dependency; the stdlib parser agrees
    import tomllib  # type: ignore[no-redef]

from drafter.core import schema
from drafter.core.atomic import explain_read_error, write_text_atomic
from drafter.core.doctypes import DocType, Registry, default_registry
from drafter.core.letter import Letter
from drafter.core.limits import LETTER_FILE_BYTES
from drafter.core.problems import InvalidInput, Problem
from drafter.core.toml_errors import syntax_error_message
from drafter.i18n import _

_O_BINARY = getattr(os, "O_BINARY", 0)
FORMAT_KEY = schema.FORMAT_KEY
FORMAT_VERSION = 1
SUFFIX = ".letter"


def _table(data: dict[str, Any], key: str, problems: list[Problem]) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        problems.append(Problem(key, _("must be a table")))
        return {}
    return value


def _tables(data: dict[str, Any], key: str, problems: list[Problem]) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        problems.append(Problem(key, _("must be a list of tables")))
        return []
    return value


def _unknown(
    table: dict[str, Any], allowed: set[str], prefix: str, problems: list[Problem]
) -> None:
    for key in sorted(set(table) - allowed):
        problems.append(Problem(f"{prefix}{key}", _("unknown key")))


def _values(
    table: schema.Table, raw: dict[str, Any], prefix: str, problems: list[Problem]
) -> dict[str, object]:
    """The cleaned values of *table*'s parts in *raw*, by attribute; problems noted."""
    if table.key:  # the top level's unknown keys are named first, by parse_letter
        _unknown(raw, table.keys(), prefix, problems)
    values: dict[str, object] = {}
    for part in table.parts:
        if part.key not in raw:
            values[part.name] = part.absent()
            continue
        value, part_problems = part.coerce(raw[part.key], prefix + part.key)
        values[part.name] = value
        problems.extend(part_problems)
    return values


def parse_letter(
    data: dict[str, Any],
    registry: Registry | None = None,
) -> tuple[Letter, list[Problem]]:
    """Build a :class:`Letter` from parsed TOML; return it with every problem found.

    The standard parts are read as :mod:`drafter.core.schema` declares them, the type's
    own fields as its ``type.toml`` does.
    """
    registry = registry or default_registry()
    problems: list[Problem] = []

    version = data.get(FORMAT_KEY)
    if version != FORMAT_VERSION:
        if isinstance(version, int) and version > FORMAT_VERSION:
            message = _("this file was made by a newer version of Drafter")
        else:
            message = _("not a Drafter letter file (it must contain the line 'drafter = 1')")
        raise InvalidInput([Problem(FORMAT_KEY, message)])
    _unknown(data, schema.top_keys(), "", problems)

    type_id = data.get(schema.TYPE_KEY)
    doctype: DocType | None = None
    if not isinstance(type_id, str) or type_id not in registry:
        known = ", ".join(registry.ids())
        problems.append(
            Problem("type", _("unknown document type; known types: {types}").format(types=known))
        )
        type_id = str(type_id or "")
    else:
        doctype = registry.get(type_id)

    letter = Letter(type_id=type_id)
    for table in schema.TABLES:
        if not table.key:
            for name, value in _values(table, data, "", problems).items():
                setattr(letter, name, value)
        elif table.repeated:
            make = table.make
            assert make is not None, f"the repeated table {table.key} declares what it makes"
            setattr(
                letter,
                table.attribute,
                [
                    make(**_values(table, raw, table.prefix(i), problems))
                    for i, raw in enumerate(_tables(data, table.key, problems), start=1)
                ],
            )
        else:
            values = _values(table, _table(data, table.key, problems), table.prefix(), problems)
            if table.make is not None:
                setattr(letter, table.attribute, table.make(**values))
            else:  # its parts are the letter's own attributes
                for name, value in values.items():
                    setattr(letter, name, value)

    fields_data = _table(data, schema.FIELDS_KEY, problems)
    if doctype is not None:
        for key in sorted(set(fields_data) - {f.id for f in doctype.fields}):
            problems.append(Problem(f"fields.{key}", _("unknown field for this document type")))
        for spec in doctype.fields:
            value, field_problems = spec.coerce(fields_data.get(spec.id), f"fields.{spec.id}")
            letter.fields[spec.id] = value
            problems.extend(field_problems)
    return letter, problems


def loads(text: str, registry: Registry | None = None) -> tuple[Letter, list[Problem]]:
    """Parse letter-file text; raise :class:`InvalidInput` if it is not TOML at all."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InvalidInput([Problem("file", syntax_error_message(error))]) from error
    except RecursionError as error:  # tables or lists nested hundreds of levels deep
        raise InvalidInput(
            [
                Problem(
                    "file",
                    _("is not a valid letter file: its lists or tables are nested too deeply"),
                )
            ]
        ) from error
    except ValueError as error:  # an integer of thousands of digits, refused by int()
        raise InvalidInput(
            [Problem("file", _("is not a valid letter file: it holds a number too long to read"))]
        ) from error
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
            raise _unreadable(
                path,
                _(
                    "this is not an ordinary file (a pipe or a device); save the letter "
                    "to a file first"
                ),
            )
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
        raise InvalidInput(
            [
                Problem(
                    "file",
                    _("is too big for a letter file (more than {size} MB)").format(
                        size=LETTER_FILE_BYTES // (1024 * 1024)
                    ),
                )
            ],
            source,
        )
    return raw


def _unreadable(path: Path, reason: str) -> InvalidInput:
    return InvalidInput(
        [Problem("file", _("cannot be read: {reason}").format(reason=reason))], str(path)
    )


def decode(raw: bytes, source: str = "") -> str:
    """Letter files are UTF-8; a BOM (added by Notepad) is accepted."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInput(
            [Problem("file", _("is not UTF-8 text; save it again as UTF-8"))], source
        ) from error


def to_data(letter: Letter) -> dict[str, Any]:
    """The TOML structure of *letter*, leaving out what is empty."""
    data: dict[str, Any] = {FORMAT_KEY: FORMAT_VERSION, schema.TYPE_KEY: letter.type_id}
    for table in schema.TABLES:
        written = [
            {part.key: schema.to_value(part, getattr(owner, part.name)) for part in table.parts}
            for _prefix, owner in schema.owners(letter, table)
        ]
        written = [{k: v for k, v in item.items() if v not in (None, "", [])} for item in written]
        if not table.key:
            data.update(written[0])
        elif table.repeated:
            if written:
                data[table.key] = written
        elif written[0] or table is schema.NOI_NHAN:
            data[table.key] = written[0]
        if table is schema.ISSUER:  # the type's own fields follow the issuer
            fields = {
                k: _toml_value(v) for k, v in letter.fields.items() if v not in (None, "", [])
            }
            if fields:
                data[schema.FIELDS_KEY] = fields
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
