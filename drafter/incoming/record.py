"""What the reader found in a letter: each component with its confidence and its source text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# The components, in the order of the JSON output and of the register view.
KEYS = (
    "type",
    "number",
    "symbol",
    "place",
    "date",
    "issuer",
    "issuer_parent",
    "subject",
    "recipients",
    "signer",
    "authority",
)


@dataclass
class ReadLetter:
    """An incoming letter as read: ``None`` (or an empty list) where a component was not found."""

    type: str | None = None  # tên loại as written in a sentence: "Công văn", "Quyết định"
    type_id: str | None = None  # Drafter's type id, when the name is one of its types
    number: int | None = None
    symbol: str | None = None
    place: str | None = None
    date: dt.date | None = None
    issuer: list[str] = field(default_factory=list)  # the issuing body's lines, in capitals
    issuer_parent: list[str] = field(default_factory=list)
    issuer_prose: str | None = None  # the body as written in a sentence, for the citation
    subject: str | None = None  # trích yếu, without "V/v"
    recipients: list[str] = field(default_factory=list)  # Kính gửi
    signer: str | None = None
    authority: list[str] = field(default_factory=list)  # "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    confidence: dict[str, float] = field(default_factory=dict)
    source: dict[str, str] = field(default_factory=dict)  # the text each came from
    folded: list[str] = field(default_factory=list)  # components read without diacritics
    kind: str = ""  # docx, pdf, ocr, text
    pages: int = 1
    partial: str = ""  # what was not read, when only part was
    notes: list[str] = field(default_factory=list)
    text: str = ""  # the document's text, for the register view

    @property
    def number_symbol(self) -> str:
        """``1913/UBND-KGVX`` as the register writes it (number padded below 10)."""
        number = f"{self.number:02d}" if self.number is not None else ""
        if self.symbol:
            return f"{number}/{self.symbol}" if number else f"/{self.symbol}"
        return number

    def to_json(self, *, with_text: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "type": self.type,
            "type_id": self.type_id,
            "number": self.number,
            "symbol": self.symbol,
            "place": self.place,
            "date": self.date.isoformat() if self.date else None,
            "issuer": list(self.issuer),
            "issuer_parent": list(self.issuer_parent),
            "issuer_prose": self.issuer_prose,
            "subject": self.subject,
            "recipients": list(self.recipients),
            "signer": self.signer,
            "authority": list(self.authority),
            "confidence": {key: round(self.confidence.get(key, 0.0), 2) for key in KEYS},
            "source": dict(self.source),
            "folded": list(self.folded),
            "kind": self.kind,
            "pages": self.pages,
            "partial": self.partial or None,
            "notes": list(self.notes),
        }
        if with_text:
            data["text"] = self.text
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReadLetter:
        """The record saved with a register entry (see :meth:`to_json`)."""

        def text(key: str) -> str | None:
            value = data.get(key)
            return str(value) if isinstance(value, str | int) and value != "" else None

        def lines(key: str) -> list[str]:
            value = data.get(key) or []
            return [str(v) for v in value] if isinstance(value, list) else []

        date = None
        if isinstance(data.get("date"), str):
            try:
                date = dt.date.fromisoformat(data["date"])
            except ValueError:
                date = None
        number = data.get("number")
        return cls(
            type=text("type"),
            type_id=text("type_id"),
            number=number if isinstance(number, int) and not isinstance(number, bool) else None,
            symbol=text("symbol"),
            place=text("place"),
            date=date,
            issuer=lines("issuer"),
            issuer_parent=lines("issuer_parent"),
            issuer_prose=text("issuer_prose"),
            subject=text("subject"),
            recipients=lines("recipients"),
            signer=text("signer"),
            authority=lines("authority"),
            confidence={
                str(k): float(v)
                for k, v in (data.get("confidence") or {}).items()
                if isinstance(v, int | float)
            },
            kind=str(data.get("kind") or ""),
        )
