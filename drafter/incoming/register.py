"""Between the reader and the incoming register: an entry from a read letter, the citation
of an entry, the original sent with a forwarding letter, the handling slip of an entry."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from drafter.core.letter import Letter, Signature
from drafter.incoming.answer import Cited, citation
from drafter.incoming.record import ReadLetter
from drafter.store.incoming import Arrival, IncomingEntry


def arrival_from(
    record: ReadLetter,
    *,
    received: dt.date,
    to_unit: str = "",
    due: dt.date | None = None,
    note: str = "",
    file: Path | None = None,
) -> Arrival:
    """The register line the reader proposes for *record*; every value can be edited."""
    author = record.issuer_prose or " ".join(record.issuer)
    return Arrival(
        received_date=received,
        author=author,
        number_symbol=record.number_symbol,
        doc_date=record.date,
        type_name=record.type or "",
        subject=record.subject or "",
        recipient_unit=to_unit,
        due_date=due,
        note=note,
        record=record.to_json(),
        file=file,
    )


def cited_of(entry: IncomingEntry) -> Cited:
    return Cited(
        type_name=entry.type_name or "Văn bản",
        number_symbol=entry.number_symbol,
        date=entry.doc_date,
        issuer=entry.author,
        subject=entry.subject,
    )


def sender_of(entry: IncomingEntry) -> str:
    """Whom a reply is addressed to: the issuing body as written in a sentence."""
    return entry.author


def attach_original(entry: IncomingEntry, output: Path) -> Path | None:
    """Copy the entry's original beside *output* as ``<name>.kem-theo<suffix>``."""
    source = Path(entry.stored_path)
    if not source.is_file():
        return None
    suffix = Path(entry.file_name).suffix or source.suffix
    target = Path(output).with_name(f"{Path(output).stem}.kem-theo{suffix}")
    shutil.copyfile(source, target)
    return target


def slip_letter(base: Letter, entry: IncomingEntry) -> Letter:
    """The Phiếu giải quyết văn bản đến of *entry* (type ``phieu_giai_quyet_van_ban_den``)."""
    cite = citation(cited_of(entry), "considering")
    base.date = entry.received_date
    base.fields = {
        "van_ban_den": cite[:1].upper() + cite[1:],
        "so_den": entry.arrival,
        "ngay_den": entry.received_date,
        "y_kien_lanh_dao": "",
        "y_kien_don_vi": "",
        "de_xuat": "",
        "thoi_han": entry.due_date,
    }
    base.signatures = [Signature(title="NGƯỜI ĐỀ XUẤT")]
    base.noi_nhan, base.luu = [], ""
    base.answers = entry.reference
    return base
