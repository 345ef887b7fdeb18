"""The reply to an incoming letter, or the letter forwarding it, with the full citation.

NĐ 30 asks the first mention of a document to give its type, number and symbol, date,
issuing body and trích yếu.  Two phrasings the offices use are offered:

- ``received`` (the default; "Ủy ban nhân dân Thành phố nhận được công văn số
  1913/UBND-KGVX ngày 18/5/2016 của Ủy ban nhân dân thành phố Cần Thơ về việc …");
- ``considering`` ("Xét Công văn số 3347/STNMT-BDKH ngày 14 tháng 10 năm 2022 của Sở Tài
  nguyên và Môi trường về việc …").

The new letter is made from the office's data (profile: issuer and place; its first
signer), addressed to the sender (reply) or to the chosen recipients (forward), with the
V/v taken from the incoming trích yếu and the key ``answers`` naming the incoming entry.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from drafter.core.letter import Letter
from drafter.core.vietnamese import date_words
from drafter.incoming.gazetteer import default_gazetteer

RECEIVED, CONSIDERING = "received", "considering"
PHRASINGS = (RECEIVED, CONSIDERING)
ATTACHED = "(văn bản kèm theo)"
_SUBJECT_PREFIX_RE = re.compile(r"^\s*(v\s*/\s*v|về việc)\s*:?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Cited:
    """What the citation needs of the incoming letter."""

    type_name: str  # "Công văn"
    number_symbol: str  # "1913/UBND-KGVX"
    date: dt.date | None
    issuer: str  # as written in a sentence
    subject: str  # trích yếu, with or without "V/v"


def short_date(date: dt.date) -> str:
    """``18/5/2016``: the day padded, the month as the date line writes it (01, 02, 3…)."""
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"{date.day:02d}/{month}/{date.year}"


def bare_subject(subject: str) -> str:
    """The trích yếu without its "V/v" or "Về việc"."""
    return _SUBJECT_PREFIX_RE.sub("", subject or "").strip().rstrip(".")


def citation(cited: Cited, phrasing: str = RECEIVED) -> str:
    """The document named in full: "công văn số … ngày … của … về việc …"."""
    type_name = cited.type_name or "Văn bản"
    if phrasing == CONSIDERING:
        name = type_name[:1].upper() + type_name[1:]
        when = f" {date_words(cited.date)}" if cited.date else ""
    else:
        name = type_name[:1].lower() + type_name[1:]
        when = f" ngày {short_date(cited.date)}" if cited.date else ""
    parts = [f"{name} số {cited.number_symbol}{when}"]
    if cited.issuer:
        parts.append(f"của {cited.issuer}")
    subject = bare_subject(cited.subject)
    if subject:
        parts.append(f"về việc {subject}")
    return " ".join(parts)


def opening(cited: Cited, office: str, phrasing: str = RECEIVED, *, attached: bool = False) -> str:
    """The body's first sentence, citing the incoming letter in full."""
    cite = citation(cited, phrasing)
    tail = f" {ATTACHED}" if attached else ""
    if phrasing == CONSIDERING:
        return f"Xét {cite}{tail}, {office or '…'} có ý kiến như sau:"
    return f"{office or '…'} nhận được {cite}{tail}."


def office_prose(letter: Letter) -> str:
    """The office as written in a sentence: the profile's prose name, else restored."""
    if letter.issuer.name_in_sentence:
        return letter.issuer.name_in_sentence
    if not letter.issuer.name:
        return ""
    text = default_gazetteer().restore(" ".join(letter.issuer.name)).text
    return text[:1].upper() + text[1:]


def reply_letter(
    base: Letter, cited: Cited, reference: str, *, sender: str, phrasing: str = RECEIVED
) -> Letter:
    """*base* (the office's issuer, place and signer) made into the reply."""
    office = office_prose(base)
    base.subject = bare_subject(cited.subject)
    base.kinh_gui = [sender] if sender else []
    first = opening(cited, office, phrasing)
    base.body = (
        f"{first}\n…\nTrân trọng."
        if phrasing == CONSIDERING
        else f"{first} Về việc này, {office or '…'} có ý kiến như sau:\n…\nTrân trọng."
    )
    base.noi_nhan = ["Như trên"]
    base.answers = reference
    return base


def forward_letter(
    base: Letter, cited: Cited, reference: str, *, recipients: list[str], phrasing: str = RECEIVED
) -> Letter:
    """*base* made into the letter forwarding the incoming one, which goes with it."""
    office = office_prose(base)
    base.subject = bare_subject(cited.subject)
    base.kinh_gui = list(recipients)
    first = opening(cited, office, phrasing, attached=True)
    to = ", ".join(recipients) if recipients else "…"
    base.body = (
        f"{first}\n{office or '…'} chuyển văn bản nêu trên đến {to} để nghiên "
        "cứu, xử lý theo thẩm quyền.\nTrân trọng."
    )
    base.noi_nhan = ["Như trên"]
    base.answers = reference
    return base
