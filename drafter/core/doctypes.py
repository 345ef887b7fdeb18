"""Document types, declared as data: one folder per type with ``type.toml`` and ``body.md.j2``.

The shipped types live in ``templates/``; a folder of the same name in the user's
templates folder overrides one, a new name adds a type.
"""

from __future__ import annotations

import datetime as dt
import stat
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

# tomli (a dependency), not the standard library's parser: its compiled build reads the
# shipped types about three times faster, and both parse alike.
import tomli as tomllib

from drafter.core.fields import FieldKind, FieldSpec
from drafter.i18n import _
from drafter.paths import templates_dir, user_templates_dir

TYPE_FILE = "type.toml"
BODY_FILE = "body.md.j2"
SAMPLE_FILE = "sample.letter"


class SummaryStyle(StrEnum):
    TITLE = "title"  # bold, centred under the type name (Mẫu 1.1–1.4, 1.6, 1.7)
    VV = "vv"  # "V/v …" under the number, in the left block (công văn, Mẫu 1.5)
    NONE = "none"  # no summary (giấy giới thiệu, giấy nghỉ phép)


class HeaderStyle(StrEnum):
    STANDARD = "standard"  # Quốc hiệu and Tiêu ngữ on the right, issuer on the left
    COPY = "copy"  # Mẫu 3.1: copier and "SAO Y"/"SAO LỤC"/"TRÍCH SAO", no Quốc hiệu
    APPENDIX = "appendix"  # Mẫu 2.1: "Phụ lục" heading only


class Presence(StrEnum):
    """Whether a part of the form is asked for: Kính gửi, the free body text."""

    NONE = "none"
    OPTIONAL = "optional"
    REQUIRED = "required"


class DocTypeError(Exception):
    """A type declaration that cannot be used; the message names the file and the fault."""

    def __init__(self, where: object, message: str, detail: object = "") -> None:
        text = f"{where}: {message}" + (f": {detail}" if detail != "" else "")
        super().__init__(text)


@dataclass(frozen=True)
class DocType:
    id: str
    name: str  # "Quyết định"
    abbreviation: str  # "QĐ"; empty for công văn and thư công
    sample: str  # the Appendix III sample this layout follows, e.g. "1.2"
    folder: Path
    summary: SummaryStyle = SummaryStyle.TITLE
    header: HeaderStyle = HeaderStyle.STANDARD
    title: bool = True  # print the type name, centred and bold
    title_text: str = ""  # the printed type name when it is not simply the name in UPPER
    kinh_gui: Presence = Presence.NONE
    body: Presence = Presence.REQUIRED
    has_number: bool = True
    has_date: bool = True
    signatures: int = 1
    signature_captions: tuple[str, ...] = ()  # fixed titles, e.g. ("THƯ KÝ", "CHỦ TỌA")
    noi_nhan: tuple[str, ...] = ()
    luu: str = "VT"
    copy_label: str = ""  # "SAO Y", "SAO LỤC", "TRÍCH SAO" for the copy forms
    description: str = ""
    name_en: str = ""
    fields: tuple[FieldSpec, ...] = field(default_factory=tuple)
    # What a few samples add to the common layout, as data rather than by sample number:
    dispatch_addressees: bool = False  # Mẫu 1.6: "- …;" lines under "… điện:" stand right
    confirmation_caption: str = ""  # Mẫu 1.10: a block under Nơi nhận to confirm and seal
    appendix_number_field: str = ""  # the field holding "I", "II"… of a "Phụ lục" heading
    person_fields: tuple[str, ...] = ()  # fields a mail merge fills with a person's name

    @property
    def printed_title(self) -> str:
        return self.title_text or self.name.upper()

    @property
    def template_path(self) -> Path:
        return self.folder / BODY_FILE

    @property
    def sample_path(self) -> Path:
        return self.folder / SAMPLE_FILE

    def field(self, field_id: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.id == field_id), None)


_TOP_KEYS = {
    "name",
    "abbreviation",
    "sample",
    "summary",
    "header",
    "title",
    "title_text",
    "kinh_gui",
    "body",
    "has_number",
    "has_date",
    "signatures",
    "signature_captions",
    "noi_nhan",
    "luu",
    "copy_label",
    "description",
    "name_en",
    "fields",
    "dispatch_addressees",
    "confirmation_caption",
    "appendix_number_field",
    "person_fields",
}
_FIELD_KEYS = {"id", "label", "kind", "required", "default", "help", "label_en", "choices"}


MAX_TYPE_FILE_BYTES = 1_000_000  # a real type.toml is a few kilobytes
MAX_SIGNATURES = 4  # NĐ 30 forms have one or two signature blocks


def _read_type_file(path: Path) -> dict[str, object]:
    """The TOML table of *path*, read with a size limit; only regular files are read."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            # A FIFO or a device (/dev/zero) would block or never end.
            raise DocTypeError(path, _("is not a regular file"))
        with path.open("rb") as stream:
            raw = stream.read(MAX_TYPE_FILE_BYTES + 1)
    except OSError as error:
        raise DocTypeError(path, _("cannot be read"), error.strerror or error) from error
    if len(raw) > MAX_TYPE_FILE_BYTES:
        raise DocTypeError(path, _("is too large for a type declaration"))
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise DocTypeError(path, _("is not valid TOML"), error) from error
    except (RecursionError, MemoryError) as error:
        # tomllib parses nested arrays and tables recursively.
        raise DocTypeError(path, _("is nested too deeply to be read")) from error


def load_doctype(folder: Path) -> DocType:
    """Read one type folder; raise :class:`DocTypeError` saying exactly what is wrong."""
    path = folder / TYPE_FILE
    data = _read_type_file(path)
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise DocTypeError(path, _("unknown keys"), ", ".join(sorted(unknown)))
    check = _Checker(path, data)
    name, sample = check.required_text("name"), check.required_text("sample")
    raw_fields = check.table_list("fields")
    fields = tuple(_field_spec(raw, path, i) for i, raw in enumerate(raw_fields))
    ids = [f.id for f in fields]
    if len(ids) != len(set(ids)):
        raise DocTypeError(f"{path}: fields", _("field ids must be unique"))
    appendix_number_field = check.field_id("appendix_number_field", ids)
    person_fields = check.texts("person_fields")
    for field_id in person_fields:
        check.known_field("person_fields", field_id, ids)
    return DocType(
        id=folder.name,
        name=name,
        abbreviation=check.text("abbreviation", ""),
        sample=sample,
        folder=folder,
        summary=check.choice("summary", SummaryStyle, SummaryStyle.TITLE),
        header=check.choice("header", HeaderStyle, HeaderStyle.STANDARD),
        title=check.boolean("title", True),
        title_text=check.text("title_text", ""),
        kinh_gui=check.choice("kinh_gui", Presence, Presence.NONE),
        body=check.choice("body", Presence, Presence.REQUIRED),
        has_number=check.boolean("has_number", True),
        has_date=check.boolean("has_date", True),
        signatures=check.integer("signatures", 1, 0, MAX_SIGNATURES),
        signature_captions=check.texts("signature_captions"),
        noi_nhan=check.texts("noi_nhan"),
        luu=check.text("luu", "VT"),
        copy_label=check.text("copy_label", ""),
        description=check.text("description", ""),
        name_en=check.text("name_en", ""),
        fields=fields,
        dispatch_addressees=check.boolean("dispatch_addressees", False),
        confirmation_caption=check.text("confirmation_caption", "").strip(),
        appendix_number_field=appendix_number_field,
        person_fields=person_fields,
    )


_Enum = TypeVar("_Enum", bound=StrEnum)


class _Checker:
    """Reads the keys of one TOML table, each strictly of its kind.

    TOML has real booleans and lists: ``has_number = "false"`` or ``noi_nhan = "Như trên"``
    are mistakes to report, not values to convert (``bool("false")`` is true, and a
    text taken as a list is a list of its letters).
    """

    def __init__(self, where: object, data: dict[str, object]) -> None:
        self.where = where
        self.data = data

    def _fault(self, key: str, message: str) -> DocTypeError:
        return DocTypeError(f"{self.where}: {key}", message)

    def required_text(self, key: str) -> str:
        value = self.data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self._fault(key, _("is required"))
        return value.strip()

    def text(self, key: str, default: str) -> str:
        value = self.data.get(key, default)
        if not isinstance(value, str):
            raise self._fault(key, _("must be text, in quotes"))
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self._fault(key, _("must be true or false, without quotes"))
        return value

    def integer(self, key: str, default: int, low: int, high: int) -> int:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self._fault(
                key, _("must be a whole number from {low} to {high}").format(low=low, high=high)
            )
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._fault(key, _('must be a list of texts, such as ["Như trên"]'))
        return tuple(value)

    def choice(self, key: str, kind: type[_Enum], default: _Enum) -> _Enum:
        value = self.data.get(key, default.value)
        if not isinstance(value, str) or value not in {k.value for k in kind}:
            raise self._fault(
                key, _("must be one of: {choices}").format(choices=", ".join(k.value for k in kind))
            )
        return kind(value)

    def field_id(self, key: str, ids: list[str]) -> str:
        """The id of one of the type's own fields, or empty when the key is absent."""
        value = self.text(key, "")
        if value:
            self.known_field(key, value, ids)
        return value

    def known_field(self, key: str, value: str, ids: list[str]) -> None:
        if value not in ids:
            raise DocTypeError(
                f"{self.where}: {key}", _("unknown field for this document type"), value
            )

    def table_list(self, key: str) -> list[object]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise self._fault(key, _("must be a list of tables ([[{key}]])").format(key=key))
        return value


# The Python type a field's default must have, by kind; a date may also be written
# as text (2026-03-05 or 05/03/2026).
_DEFAULT_TYPES: dict[FieldKind, tuple[type, ...]] = {
    FieldKind.TEXT: (str,),
    FieldKind.MULTILINE: (str,),
    FieldKind.MARKDOWN: (str,),
    FieldKind.CHOICE: (str,),
    FieldKind.LINES: (list,),
    FieldKind.INTEGER: (int,),
    FieldKind.DATE: (dt.date, str),
}


def _field_spec(raw: object, path: Path, index: int) -> FieldSpec:
    where = f"{path}: fields[{index}]"
    if not isinstance(raw, dict):
        raise DocTypeError(where, _("must be a table"))
    unknown = set(raw) - _FIELD_KEYS
    if unknown:
        raise DocTypeError(where, _("unknown keys"), ", ".join(sorted(unknown)))
    field_id = raw.get("id")
    if not isinstance(field_id, str) or not field_id.isidentifier():
        raise DocTypeError(f"{where}: id", _("must be a name made of letters, digits and _"))
    check = _Checker(where, raw)
    kind = check.choice("kind", FieldKind, FieldKind.TEXT)
    return FieldSpec(
        id=field_id,
        label=check.text("label", field_id),
        kind=kind,
        required=check.boolean("required", False),
        default=_field_default(raw.get("default"), kind, where),
        help=check.text("help", ""),
        label_en=check.text("label_en", ""),
        choices=check.texts("choices"),
    )


def _field_default(value: object, kind: FieldKind, where: str) -> object:
    if value is None:
        return None
    wrong = (
        isinstance(value, bool)
        or not isinstance(value, _DEFAULT_TYPES[kind])
        or (isinstance(value, list) and not all(isinstance(v, str) for v in value))
    )
    if wrong:
        raise DocTypeError(
            f"{where}: default", _("must be a value of the kind '{kind}'").format(kind=kind.value)
        )
    return value


class Registry:
    """The document types available: shipped ones, overridden or extended by the user's."""

    def __init__(self, folders: list[Path] | None = None) -> None:
        self.folders = folders if folders is not None else [templates_dir(), user_templates_dir()]
        self._types: dict[str, DocType] | None = None
        self.errors: list[str] = []  # user type folders that could not be loaded

    def _load(self) -> dict[str, DocType]:
        if self._types is None:
            types: dict[str, DocType] = {}
            for base in self.folders:
                if not base.is_dir():
                    continue
                # exists(), not is_file(): a type.toml that is a FIFO or a folder is
                # reported by load_doctype rather than silently left out.
                for folder in sorted(p for p in base.iterdir() if (p / TYPE_FILE).exists()):
                    try:
                        types[folder.name] = load_doctype(folder)
                    except DocTypeError as error:
                        self.errors.append(str(error))
            self._types = types
        return self._types

    def get(self, type_id: str) -> DocType:
        try:
            return self._load()[type_id]
        except KeyError:
            raise KeyError(type_id) from None

    def __contains__(self, type_id: object) -> bool:
        return type_id in self._load()

    def all(self) -> list[DocType]:
        return list(self._load().values())

    def ids(self) -> list[str]:
        return list(self._load())


_default: Registry | None = None


def default_registry() -> Registry:
    global _default
    if _default is None:
        _default = Registry()
    return _default
