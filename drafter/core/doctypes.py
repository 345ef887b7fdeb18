"""Document types, declared as data: one folder per type with ``type.toml`` and ``body.md.j2``.

The shipped types live in ``templates/``; a folder of the same name in the user's
templates folder overrides one, a new name adds a type.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

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
    "name", "abbreviation", "sample", "summary", "header", "title", "title_text", "kinh_gui",
    "body", "has_number",
    "has_date", "signatures", "signature_captions", "noi_nhan", "luu", "copy_label",
    "description", "name_en", "fields",
}
_FIELD_KEYS = {"id", "label", "kind", "required", "default", "help", "label_en", "choices"}


def load_doctype(folder: Path) -> DocType:
    """Read one type folder; raise :class:`DocTypeError` saying exactly what is wrong."""
    path = folder / TYPE_FILE
    try:
        with path.open("rb") as stream:
            data = tomllib.load(stream)
    except OSError as error:
        raise DocTypeError(path, _("cannot be read"), error.strerror) from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise DocTypeError(path, _("is not valid TOML"), error) from error
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise DocTypeError(path, _("unknown keys"), ", ".join(sorted(unknown)))
    for key in ("name", "sample"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise DocTypeError(f"{path}: {key}", _("is required"))
    try:
        fields = tuple(_field_spec(raw, path, i) for i, raw in enumerate(data.get("fields", [])))
        ids = [f.id for f in fields]
        if len(ids) != len(set(ids)):
            raise DocTypeError(f"{path}: fields", _("field ids must be unique"))
        return DocType(
            id=folder.name,
            name=data["name"].strip(),
            abbreviation=str(data.get("abbreviation", "")),
            sample=data["sample"],
            folder=folder,
            summary=SummaryStyle(data.get("summary", "title")),
            header=HeaderStyle(data.get("header", "standard")),
            title=bool(data.get("title", True)),
            title_text=str(data.get("title_text", "")),
            kinh_gui=Presence(data.get("kinh_gui", "none")),
            body=Presence(data.get("body", "required")),
            has_number=bool(data.get("has_number", True)),
            has_date=bool(data.get("has_date", True)),
            signatures=int(data.get("signatures", 1)),
            signature_captions=tuple(data.get("signature_captions", ())),
            noi_nhan=tuple(data.get("noi_nhan", ())),
            luu=str(data.get("luu", "VT")),
            copy_label=str(data.get("copy_label", "")),
            description=str(data.get("description", "")),
            name_en=str(data.get("name_en", "")),
            fields=fields,
        )
    except (TypeError, ValueError) as error:
        raise DocTypeError(path, str(error)) from error


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
    try:
        kind = FieldKind(raw.get("kind", "text"))
    except ValueError as error:
        kinds = ", ".join(k.value for k in FieldKind)
        raise DocTypeError(f"{where}: kind", _("must be one of: {choices}").format(
            choices=kinds)) from error
    return FieldSpec(
        id=field_id,
        label=str(raw.get("label", field_id)),
        kind=kind,
        required=bool(raw.get("required", False)),
        default=raw.get("default"),
        help=str(raw.get("help", "")),
        label_en=str(raw.get("label_en", "")),
        choices=tuple(str(c) for c in raw.get("choices", ())),
    )


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
                for folder in sorted(p for p in base.iterdir() if (p / TYPE_FILE).is_file()):
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
