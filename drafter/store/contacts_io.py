"""Importing and exporting the address book as CSV or Excel (.xlsx).

Import reads every row, reports each bad one by its line number and imports the
rest.  CSV may be UTF-8 with or without a BOM (Excel's "CSV UTF-8"), separated by
commas, semicolons or tabs; a file saved in Windows-1258 (Vietnamese Windows) is read
with a notice saying so, and text typed in the old TCVN3/VNI fonts is refused row by
row with a message, never imported as garbage.  Headers are matched with or without
diacritics, in Vietnamese or English.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from drafter.core.atomic import write_bytes_atomic
from drafter.core.vietnamese import clean_line, fold, legacy_encoding
from drafter.i18n import _
from drafter.store.contacts import (
    AGENCY,
    PERSON,
    TEXT_FIELDS,
    add_to_group,
    find_by_full_name,
    prepare,
)
from drafter.store.engine import Store
from drafter.store.errors import ImportFileError
from drafter.store.models import Contact, GroupMember

# Column id → header printed on export (Vietnamese) and the other names accepted.
COLUMNS: dict[str, tuple[str, ...]] = {
    "kind": ("Loại", "kind", "type", "loai doi tuong"),
    "full_name": (
        "Tên đầy đủ (Kính gửi)",
        "Tên đầy đủ",
        "full_name",
        "full name",
        "kinh gui",
        "ten",
        "name",
        "ho va ten",
        "ten co quan",
    ),
    "short_name": (
        "Tên ngắn (Nơi nhận)",
        "Tên ngắn",
        "short_name",
        "short name",
        "noi nhan",
        "ten viet tat",
    ),
    "title": ("Chức vụ", "title", "position"),
    "organisation": ("Cơ quan", "organisation", "organization", "don vi"),
    "email": ("Thư điện tử", "email", "e-mail", "thu dien tu"),
    "phone": ("Điện thoại", "phone", "dien thoai", "so dien thoai", "sdt"),
    "address": ("Địa chỉ", "address"),
    "note": ("Ghi chú", "note", "notes"),
    "groups": ("Nhóm", "groups", "group"),
}
_HEADER_INDEX = {fold(name).strip(): column for column, names in COLUMNS.items() for name in names}
_KINDS = {
    "agency": AGENCY,
    "co quan": AGENCY,
    "to chuc": AGENCY,
    "don vi": AGENCY,
    "person": PERSON,
    "ca nhan": PERSON,
    "nguoi": PERSON,
    "": AGENCY,
}
KIND_LABELS = {AGENCY: "Cơ quan", PERSON: "Cá nhân"}
MAX_LENGTH = 500
GROUP_SEPARATOR = ";"


@dataclass
class RowProblem:
    line: int  # as the user sees it: the spreadsheet row or the CSV line, header = 1
    message: str

    def __str__(self) -> str:
        return _("row {line}: {message}").format(line=self.line, message=self.message)


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return self.added + self.updated


# --- reading files -----------------------------------------------------------------


def decode_csv(raw: bytes) -> tuple[str, list[str]]:
    """The text of a CSV file, and notices about how it was read."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    text = unicodedata.normalize("NFC", raw.decode("cp1258", errors="replace"))
    vietnamese = sum(
        1 for c in text if c in "ăâđêôơưĂÂĐÊÔƠƯ" or unicodedata.normalize("NFD", c) != c
    )
    if vietnamese and "\ufffd" not in text:
        return text, [
            _(
                "the file is not UTF-8; it was read as Windows-1258 (Vietnamese "
                'Windows). Check the names, and save it as "CSV UTF-8" next time.'
            )
        ]
    raise ImportFileError(
        _(
            'the file is not UTF-8 text; in Excel save it as "CSV UTF-8 '
            '(Comma delimited)" and import it again'
        )
    )


def _csv_rows(text: str) -> list[list[str]]:
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, ",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text, newline=""), dialect))


def _xlsx_rows(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not .xlsx
        raise ImportFileError(
            _("cannot read this Excel file ({reason}); save it as .xlsx and try again").format(
                reason=error
            )
        ) from error
    try:
        sheet = workbook.worksheets[0]
        return [
            ["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
        ]
    finally:
        workbook.close()


def read_rows(path: Path) -> tuple[list[list[str]], list[str]]:
    path = Path(path)
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            return _xlsx_rows(path), []
        raw = path.read_bytes()
    except OSError as error:
        raise ImportFileError(
            _("cannot read {path}: {reason}").format(path=path, reason=error.strerror)
        ) from error
    if path.suffix.lower() == ".xls":
        raise ImportFileError(_("old .xls files are not supported; save it as .xlsx or CSV"))
    text, notices = decode_csv(raw)
    return _csv_rows(text), notices


# --- importing -------------------------------------------------------------------------


def _header_columns(header: list[str]) -> list[str | None]:
    return [_HEADER_INDEX.get(fold(clean_line(name))) for name in header]


def _contact_from_row(values: dict[str, str]) -> tuple[Contact | None, list[str], str]:
    """A contact from one row, the group names, and a problem message ("" when fine)."""
    for column, value in values.items():
        encoding = legacy_encoding(value)
        if encoding:
            return (
                None,
                [],
                _(
                    "'{value}' looks typed in the old {encoding} encoding; convert "
                    "it to Unicode first"
                ).format(value=value[:40], encoding=encoding),
            )
        if len(value) > MAX_LENGTH and column not in ("note", "address"):
            return (
                None,
                [],
                _("{column} is longer than {max} characters").format(
                    column=COLUMNS[column][0], max=MAX_LENGTH
                ),
            )
    full_name = clean_line(values.get("full_name", ""))
    if not full_name:
        return None, [], _("the full name is empty")
    kind = _KINDS.get(fold(clean_line(values.get("kind", ""))))
    if kind is None:
        return (
            None,
            [],
            _("unknown kind '{kind}'; use 'Cơ quan' or 'Cá nhân'").format(
                kind=values.get("kind", "")
            ),
        )
    email = clean_line(values.get("email", ""))
    if email and ("@" not in email or " " in email):
        return None, [], _("'{email}' is not an e-mail address").format(email=email)
    contact = Contact(
        kind=kind,
        full_name=full_name,
        **{
            c: values.get(c, "")
            for c in ("short_name", "title", "organisation", "phone", "address", "note")
        },
        email=email,
    )
    groups = [clean_line(g) for g in values.get("groups", "").split(GROUP_SEPARATOR)]
    return prepare(contact), [g for g in groups if g], ""


def import_contacts(store: Store, path: Path) -> ImportReport:
    """Add or update (same full name) the contacts of a CSV or XLSX file."""
    rows, notices = read_rows(path)
    report = ImportReport(notices=notices)
    rows_with_lines = [
        (i + 1, row) for i, row in enumerate(rows) if any(cell.strip() for cell in row)
    ]
    if not rows_with_lines:
        raise ImportFileError(_("the file has no rows"))
    header_line, header = rows_with_lines[0]
    columns = _header_columns(header)
    if "full_name" not in columns:
        raise ImportFileError(
            _("row {line} must name the columns, with at least '{column}'").format(
                line=header_line, column=COLUMNS["full_name"][0]
            )
        )
    with store.write() as session:
        for line, row in rows_with_lines[1:]:
            values = {
                column: clean_line(cell) if column != "note" else cell.strip()
                for column, cell in zip(columns, row, strict=False)
                if column
            }
            contact, groups, problem = _contact_from_row(values)
            if contact is None:
                report.problems.append(RowProblem(line, problem))
                continue
            existing = find_by_full_name(session, contact.full_name)
            if existing is not None:
                # Every field but the full name, which found it.
                for column in ("kind", *TEXT_FIELDS[1:], "search_text", "sort_bytes"):
                    new = getattr(contact, column)
                    if new or column in ("kind", "search_text", "sort_bytes"):
                        setattr(existing, column, new)
                contact = existing
                report.updated += 1
            else:
                session.add(contact)
                report.added += 1
            session.flush()
            for group in groups:
                add_to_group(session, group, contact)
    return report


# --- exporting ---------------------------------------------------------------------------


def _export_rows(store: Store) -> list[list[str]]:
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    with store.read() as session:
        contacts = list(session.scalars(select(Contact).order_by(Contact.sort_bytes)))
        groups: dict[int, list[str]] = {}
        members = session.scalars(
            select(GroupMember)
            .options(selectinload(GroupMember.group))
            .order_by(GroupMember.group_id, GroupMember.position)
        )
        for member in members:
            groups.setdefault(member.contact_id, []).append(member.group.name)
    header = [names[0] for names in COLUMNS.values()]
    rows = [header]
    for c in contacts:
        rows.append(
            [
                KIND_LABELS.get(c.kind, c.kind),
                c.full_name,
                c.short_name,
                c.title,
                c.organisation,
                c.email,
                c.phone,
                c.address,
                c.note,
                f"{GROUP_SEPARATOR} ".join(groups.get(c.id, [])),
            ]
        )
    return rows


def export_contacts(store: Store, path: Path) -> int:
    """Write every contact to *path* (.csv in UTF-8 with BOM, or .xlsx); return the count."""
    path = Path(path)
    rows = _export_rows(store)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Danh bạ")
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        data = buffer.getvalue()
    else:
        text = io.StringIO(newline="")
        csv.writer(text).writerows(rows)
        # The BOM makes Excel open the file as UTF-8 instead of the system code page.
        data = text.getvalue().encode("utf-8-sig")
    write_bytes_atomic(path, data)
    return len(rows) - 1
