"""The standard parts of a letter, declared once.

Each :class:`Part` is one thể thức component the user fills in — the issuer's name,
the number, the place, Kính gửi, a signer's name, the Lưu line… — with its key in the
letter file, its kind (as for a type's own fields, :class:`~drafter.core.fields.FieldKind`),
its label, when it is required and how its value is cleaned.  From these declarations
come the letter file's reader and writer (:mod:`drafter.core.letterfile`), the form's
bindings (:mod:`drafter.ui.form`), the required checks and the text checks
(:mod:`drafter.core.validation`).  A type's own fields are declared in its
``type.toml`` (:mod:`drafter.core.fields`) and cleaned by the same function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from drafter.core.fields import FieldKind, clean_value, is_blank
from drafter.core.letter import (
    Appendix,
    Circulation,
    Issuer,
    Letter,
    Secrecy,
    Signature,
    Urgency,
)
from drafter.core.limits import COPIES_RANGE, NUMBER_RANGE, RECIPIENTS
from drafter.core.problems import Problem
from drafter.i18n import N_, _

if TYPE_CHECKING:
    from drafter.core.doctypes import DocType

# Whether a part is required, given the object it belongs to (the letter, an issuer, a
# signature, an appendix), the letter and its type.
Requirement = Callable[[Any, Letter, "DocType"], bool]


@dataclass(frozen=True)
class Required:
    """When a part must be filled, and what the user is told when it is not."""

    applies: Requirement
    message: str  # English source, translated when reported


@dataclass(frozen=True)
class Part:
    """One standard part of a letter."""

    key: str  # its key in its table of the letter file
    kind: FieldKind
    label: str  # English source of the form's label, translated where shown
    attribute: str = ""  # the attribute it fills, when not named like the key
    help: str = ""  # English source of the form's tooltip
    bounds: tuple[int, int] | None = None  # INTEGER: the accepted range
    choices: type[Enum] | None = None  # CHOICE: the enum of its values
    missing: object = None  # the value when the key is absent (None: the kind's empty)
    max_items: int | None = None  # LINES: at most this many
    form_key: str = ""  # the form's binding when it differs from the file's path
    required: Required | None = None
    # How the form shows it.  Every part is in its table's group unless it names
    # another; a part with ``in_form=False`` is kept from the letter the form was given.
    group: str = ""
    in_form: bool = True
    shown: Callable[[DocType], bool] | None = None  # None: whenever its group is shown
    rows: int = 0  # LINES: the editor's height in lines
    placeholder: str = ""  # English source: the empty editor's hint
    picker: str = ""  # what the office data fills it with ("signer:{n}": block n)
    label_for: Callable[[DocType], str] | None = None  # a label depending on the type
    breaks: bool = False  # a display line: the user's line breaks are kept (⏎, newline)

    @property
    def name(self) -> str:
        return self.attribute or self.key

    @property
    def multiline(self) -> bool:
        return self.kind in (FieldKind.MULTILINE, FieldKind.MARKDOWN)

    def empty(self) -> object:
        if self.kind is FieldKind.LINES:
            return []
        if self.choices is not None:
            return self.choices("")
        if self.kind in (FieldKind.DATE, FieldKind.INTEGER):
            return None
        return ""

    def absent(self) -> object:
        return self.empty() if self.missing is None else self.missing

    def coerce(self, value: object, where: str) -> tuple[object, list[Problem]]:
        """The cleaned value and its problems; the empty value when it cannot be taken."""
        if self.choices is not None:
            try:
                return self.choices(value if value is not None else ""), []
            except ValueError:
                names = ", ".join(repr(m.value) for m in self.choices)
                return self.empty(), [
                    Problem(where, _("must be one of: {choices}").format(choices=names))
                ]
        return clean_value(self.kind, value, where, bounds=self.bounds, breaks=self.breaks)

    def label_in(self, doctype: DocType) -> str:
        """The English source of its label in a letter of *doctype*."""
        return self.label_for(doctype) if self.label_for is not None else self.label

    def required_in_new(self, owner: object, doctype: DocType) -> bool:
        """Whether a new letter of *doctype* needs it: the form marks it with *."""
        if self.required is None:
            return False
        return self.required.applies(owner, Letter(type_id=doctype.id), doctype)


@dataclass(frozen=True)
class Table:
    """A group of parts: the letter's top level, a table, or a list of tables."""

    key: str  # "" for the top level
    parts: tuple[Part, ...]
    repeated: bool = False  # a list of tables, each making one item
    make: type | None = None  # what each table makes (None: fills the letter itself)
    attribute: str = ""  # the letter's attribute holding it (issuer, signatures…)
    group: str = ""  # the form's group of its parts (a part may name another)

    def prefix(self, index: int | None = None) -> str:
        if not self.key:
            return ""
        return f"{self.key}[{index}]." if index is not None else f"{self.key}."

    def keys(self) -> set[str]:
        return {p.key for p in self.parts}

    def group_of(self, part: Part) -> str:
        return part.group or self.group

    def blank(self, letter: Letter) -> object:
        """A new object of this table, as a new letter holds it."""
        if self.make is not None:
            return self.make()
        return letter


@dataclass(frozen=True)
class Group:
    """One group of the form, in the order the form shows it."""

    name: str  # the group box's objectName is ``group.<name>``
    title: str  # English source ("" for the type's fields: the type's name)
    shown: Callable[[DocType], bool]


def _attached(letter: Letter, doctype: DocType) -> bool:
    """Mẫu 1.3: a document issued with a quyết định has no number, date or signature."""
    from drafter.core.doctypes import HeaderStyle

    return doctype.header is HeaderStyle.STANDARD and bool(letter.attached_to)


def _signed(letter: Letter, doctype: DocType) -> bool:
    from drafter.core.doctypes import HeaderStyle

    return doctype.header is not HeaderStyle.APPENDIX and not _attached(letter, doctype)


def _needs_abbreviation(_issuer: Issuer, letter: Letter, doctype: DocType) -> bool:
    return doctype.has_number and not letter.symbol and not _attached(letter, doctype)


def _needs_place(_letter: Letter, letter: Letter, doctype: DocType) -> bool:
    from drafter.core.doctypes import HeaderStyle

    return (
        doctype.has_date
        and doctype.header is not HeaderStyle.APPENDIX
        and not _attached(letter, doctype)
    )


def _needs_subject(_letter: Letter, _same: Letter, doctype: DocType) -> bool:
    from drafter.core.doctypes import SummaryStyle

    return doctype.summary is not SummaryStyle.NONE


def _needs_recipient(_letter: Letter, _same: Letter, doctype: DocType) -> bool:
    from drafter.core.doctypes import Presence

    return doctype.kinh_gui is Presence.REQUIRED


def _needs_body(_letter: Letter, _same: Letter, doctype: DocType) -> bool:
    from drafter.core.doctypes import Presence

    return doctype.body is Presence.REQUIRED


def _needs_position(signature: Signature, letter: Letter, doctype: DocType) -> bool:
    # The authority lines (KT. GIÁM ĐỐC) stand for a position of their own.
    return _signed(letter, doctype) and not signature.authority


def _needs_signer(_signature: Signature, letter: Letter, doctype: DocType) -> bool:
    return _signed(letter, doctype)


def _always(*_args: object) -> bool:
    return True


def _has_number(doctype: DocType) -> bool:
    return doctype.has_number


def _has_date(doctype: DocType) -> bool:
    return doctype.has_date


def _has_subject(doctype: DocType) -> bool:
    from drafter.core.doctypes import SummaryStyle

    return doctype.summary is not SummaryStyle.NONE


def _has_kinh_gui(doctype: DocType) -> bool:
    from drafter.core.doctypes import Presence

    return doctype.kinh_gui is not Presence.NONE


def _has_body(doctype: DocType) -> bool:
    from drafter.core.doctypes import Presence

    return doctype.body is not Presence.NONE


def _has_fields(doctype: DocType) -> bool:
    return bool(doctype.fields)


def _not_appendix(doctype: DocType) -> bool:
    from drafter.core.doctypes import HeaderStyle

    return doctype.header is not HeaderStyle.APPENDIX


def _shown_always(_doctype: DocType) -> bool:
    return True


def _subject_label(doctype: DocType) -> str:
    from drafter.core.doctypes import SummaryStyle

    return (
        N_("Subject (V/v):") if doctype.summary is SummaryStyle.VV else N_("Summary (trích yếu):")
    )


TEXT, LINES, MARKDOWN = FieldKind.TEXT, FieldKind.LINES, FieldKind.MARKDOWN

# Each table's parts are declared in the order the form shows them.
ISSUER = Table(
    "issuer",
    (
        Part(
            "parent",
            LINES,
            N_("Parent body:"),
            rows=2,
            picker="issuer",
            breaks=True,
            help=N_("The direct parent body, one printed line each, if any"),
        ),
        Part(
            "name",
            LINES,
            N_("Issuing body:"),
            rows=2,
            required=Required(_always, N_("the issuing body's name is required")),
            breaks=True,
            help=N_("The issuing body's name, one printed line each"),
        ),
        Part(
            "prose_name",
            TEXT,
            N_("Name in sentences:"),
            help=N_("The name as written inside a sentence, e.g. Sở Giáo dục và Đào tạo"),
        ),
        Part(
            "abbreviation",
            TEXT,
            N_("Abbreviation:"),
            help=N_("Used in the symbol, e.g. UBND"),
            required=Required(
                _needs_abbreviation,
                N_("the issuing body's abbreviation is required to write the symbol"),
            ),
        ),
        Part("unit", TEXT, N_("Drafting unit:"), help=N_("e.g. VP, used in the symbol")),
        Part("address", TEXT, N_("Address:")),
        Part("phone", TEXT, N_("Phone:")),
        Part("fax", TEXT, N_("Fax:"), in_form=False),
        Part("email", TEXT, N_("E-mail:")),
        Part("website", TEXT, N_("Website:")),
    ),
    make=Issuer,
    attribute="issuer",
    group="issuer",
)

# The top level, in the order the letter file is written.
HEADING = Table(
    "",
    (
        Part(
            "number",
            FieldKind.INTEGER,
            N_("Number:"),
            bounds=NUMBER_RANGE,
            shown=_has_number,
            placeholder=N_("(left blank)"),
            help=N_("Left blank while a draft: the register assigns it"),
        ),
        Part(
            "symbol",
            TEXT,
            N_("Symbol:"),
            help=N_("Leave empty to compose it"),
            shown=_has_number,
            placeholder=N_("composed automatically"),
        ),
        Part(
            "place",
            TEXT,
            N_("Place:"),
            required=Required(_needs_place, N_("the place is required for the date line")),
            shown=_has_date,
        ),
        Part("date", FieldKind.DATE, N_("Date:"), shown=_has_date),
        Part(
            "subject",
            TEXT,
            N_("Summary (trích yếu):"),
            required=Required(_needs_subject, N_("the summary (trích yếu) is required")),
            shown=_has_subject,
            label_for=_subject_label,
            breaks=True,
        ),
        Part("attached_to", TEXT, N_("Attached to:"), in_form=False),
        Part(
            "answers",
            TEXT,
            N_("Answers incoming letter:"),
            in_form=False,
            help=N_("The arrival number/year of the incoming letter this one answers"),
        ),
        Part(
            "document_id",
            TEXT,
            N_("Document id:"),
            in_form=False,
            help=N_("Given by Drafter; the register knows the document by it"),
        ),
        Part(
            "kinh_gui",
            LINES,
            N_("Kính gửi:"),
            max_items=RECIPIENTS,
            group="kinh_gui",
            rows=3,
            picker="recipients",
            breaks=True,
            help=N_("One recipient per line"),
            required=Required(_needs_recipient, N_("at least one recipient is required")),
        ),
        Part(
            "dong_kinh_gui",
            LINES,
            N_("Đồng kính gửi:"),
            max_items=RECIPIENTS,
            group="kinh_gui",
            rows=2,
            breaks=True,
            help=N_("One recipient per line"),
        ),
        Part(
            "body",
            MARKDOWN,
            N_("Content:"),
            required=Required(_needs_body, N_("the content is required")),
            group="body",
            help=N_(
                "One paragraph per line; Điều, khoản (1.), điểm (a)) and căn cứ lines "
                "are recognised"
            ),
        ),
        Part("urgency", FieldKind.CHOICE, N_("Urgency:"), choices=Urgency, group="marks"),
        Part("secrecy", FieldKind.CHOICE, N_("Secrecy:"), choices=Secrecy, group="marks"),
        Part(
            "circulation", FieldKind.CHOICE, N_("Circulation:"), choices=Circulation, group="marks"
        ),
    ),
    group="heading",
)

SIGNATURES = Table(
    "signatures",
    (
        Part(
            "authority",
            LINES,
            N_("Signing authority:"),
            rows=2,
            picker="signer:{n}",
            breaks=True,
            help=N_("e.g. KT. GIÁM ĐỐC or TM. ỦY BAN NHÂN DÂN, one per line"),
        ),
        Part(
            "title",
            TEXT,
            N_("Position:"),
            help=N_("e.g. PHÓ GIÁM ĐỐC"),
            breaks=True,
            required=Required(_needs_position, N_("the signer's position is required")),
        ),
        Part(
            "name",
            TEXT,
            N_("Full name:"),
            required=Required(_needs_signer, N_("the signer's full name is required")),
        ),
        Part("note", TEXT, N_("Note:"), in_form=False),
    ),
    repeated=True,
    make=Signature,
    attribute="signatures",
    group="signatures",
)

# Nơi nhận and ô 12: a table of the file, attributes of the letter itself.
NOI_NHAN = Table(
    "noi_nhan",
    (
        Part(
            "lines",
            LINES,
            N_("Nơi nhận:"),
            attribute="noi_nhan",
            form_key="noi_nhan",
            max_items=RECIPIENTS,
            rows=4,
            picker="noi_nhan",
            help=N_("One recipient per line; the Lưu line is added"),
        ),
        Part("luu", TEXT, N_("Lưu:"), missing="VT", form_key="luu", help=N_("e.g. VT, VP")),
        Part("drafter_mark", TEXT, N_("Drafter's initials:"), form_key="drafter_mark"),
        Part(
            "copies",
            FieldKind.INTEGER,
            N_("Copies issued:"),
            bounds=COPIES_RANGE,
            form_key="copies",
            placeholder=" ",
        ),
    ),
    group="noi_nhan",
)

APPENDICES = Table(
    "appendices",
    (
        Part("number", TEXT, N_("Number (I, II…):")),
        Part(
            "title",
            TEXT,
            N_("Title:"),
            required=Required(_always, N_("the appendix title is required")),
            breaks=True,
        ),
        Part("body", MARKDOWN, N_("Content:")),
    ),
    repeated=True,
    make=Appendix,
    attribute="appendices",
    group="appendices",
)

# The letter file's tables.  (The file lists a table's scalars before its sub-tables.)
TABLES: tuple[Table, ...] = (ISSUER, HEADING, SIGNATURES, NOI_NHAN, APPENDICES)

# The form's groups, top to bottom: the form is built in this order, and problems are
# reported in it, so the list reads like the form and the cursor goes to the first.
FIELDS_GROUP = "fields"  # the type's own fields, declared in its type.toml
FORM: tuple[Group, ...] = (
    Group("issuer", N_("Issuing body"), _shown_always),
    Group("heading", N_("Number, place and date"), _shown_always),
    Group("kinh_gui", N_("Kính gửi"), _has_kinh_gui),
    Group(FIELDS_GROUP, "", _has_fields),
    Group("body", N_("Content"), _has_body),
    Group("signatures", N_("Signature"), _not_appendix),
    Group("noi_nhan", N_("Nơi nhận"), _not_appendix),
    Group("marks", N_("Marks"), _shown_always),
    Group("appendices", N_("Appendices"), _not_appendix),
)

# Keys of the top level that are no part: the format version, the type, its fields.
FORMAT_KEY, TYPE_KEY, FIELDS_KEY = "drafter", "type", "fields"


def top_keys() -> set[str]:
    return {FORMAT_KEY, TYPE_KEY, FIELDS_KEY} | HEADING.keys() | {t.key for t in TABLES if t.key}


def owners(letter: Letter, table: Table) -> list[tuple[str, object]]:
    """The objects *table* describes in *letter*, each with its path prefix."""
    if table.repeated:
        return [
            (table.prefix(i), item)
            for i, item in enumerate(getattr(letter, table.attribute), start=1)
        ]
    if table.attribute:
        return [(table.prefix(), getattr(letter, table.attribute))]
    return [(table.prefix(), letter)]


def parts_of(letter: Letter) -> Iterator[tuple[str, Part, object]]:
    """Every standard part of *letter*: its path, its declaration, its value."""
    for table in TABLES:
        for prefix, owner in owners(letter, table):
            for part in table.parts:
                yield prefix + part.key, part, getattr(owner, part.name)


def form_path(path: str) -> str:
    """The form's binding for a part's path (``noi_nhan.luu`` is bound as ``luu``)."""
    for part in NOI_NHAN.parts:
        if path == NOI_NHAN.prefix() + part.key or path.startswith(
            NOI_NHAN.prefix() + part.key + "["
        ):
            return part.form_key + path[len(NOI_NHAN.prefix() + part.key) :]
    return path


def required_problems(letter: Letter, doctype: DocType) -> list[Problem]:
    """A problem for each required part left empty."""
    problems = []
    for table in TABLES:
        for prefix, owner in owners(letter, table):
            for part in table.parts:
                rule = part.required
                if rule is None or not rule.applies(owner, letter, doctype):
                    continue
                if is_blank(getattr(owner, part.name)):
                    problems.append(Problem(prefix + part.key, _(rule.message)))
    return problems


def texts(letter: Letter) -> Iterator[tuple[str, str, bool]]:
    """Every piece of text of the standard parts: where, the text, whether it has lines."""
    for path, part, value in parts_of(letter):
        if part.kind is FieldKind.LINES and isinstance(value, list):
            for i, line in enumerate(value, start=1):
                yield f"{path}[{i}]", str(line), False
        elif isinstance(value, str) and part.choices is None:
            yield path, value, part.multiline


def to_value(part: Part, value: object) -> object:
    """A part's value as the letter file writes it."""
    return value.value if isinstance(value, Enum) else value


def group_parts(group: str) -> list[tuple[Table, Part]]:
    """The parts the form shows in *group*, in its order, each with its table."""
    return [
        (table, part)
        for table in TABLES
        for part in table.parts
        if part.in_form and table.group_of(part) == group
    ]


def _group_index(name: str) -> int:
    return next(i for i, group in enumerate(FORM) if group.name == name)


def position(path: str, doctype: DocType | None = None) -> tuple[int, int, int]:
    """Where the form shows what *path* names: its group, its item (a signature block,
    an appendix) and its place in the group.  A path the form does not place (the file,
    the type, an unknown key of the top level, the template) sorts first, as the form
    shows those problems above its groups."""
    head, _dot, rest = path.partition(".")
    if head == FIELDS_KEY:
        ids = [spec.id for spec in doctype.fields] if doctype is not None else []
        field_id = rest.split("[")[0]
        rank = ids.index(field_id) if field_id in ids else len(ids)
        return _group_index(FIELDS_GROUP), 0, rank
    name, _bracket, index = head.partition("[")
    table = next((t for t in TABLES if t.key and t.key == name), None)
    # An index after a repeated table's key is its item; after a list, the list's line.
    item = (
        int(index.rstrip("]"))
        if table is not None and table.repeated and index.rstrip("]").isdigit()
        else 0
    )
    key = rest.split("[")[0] if table is not None else name
    table = table or HEADING
    for rank, part in enumerate(table.parts):
        if part.key == key:
            return _group_index(table.group_of(part)), item, rank
    if table is HEADING:
        return -1, 0, 0
    # The table itself (the number of signature blocks) or an unknown key in it.
    return _group_index(table.group), item, -1 if not key else len(table.parts)
