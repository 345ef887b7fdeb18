"""Finding a letter's components in its lines, by the landmarks NĐ 30 fixes.

Matching runs on folded text (lower case, no diacritics: :func:`fold_keep` keeps every
character's place, so what matched is cut from the original text) and tolerates what OCR
does to the landmarks: "S6" or "So" for "Số", "ndm" or "narn" for "năm", "ngav" for
"ngày", the letter O for a zero inside a number.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

from drafter.core.vietnamese import fold, upper
from drafter.incoming.gazetteer import Gazetteer, default_gazetteer, has_diacritics
from drafter.incoming.lines import FULL, Extracted, Line
from drafter.incoming.record import ReadLetter


def fold_keep(text: str) -> str:
    """:func:`fold`, one character for one, so that a match's span holds in *text* too."""
    out = []
    for char in text:
        folded = fold(char)
        out.append(folded if len(folded) == 1 else char.lower()[:1] or " ")
    return "".join(out)


_DIGIT = "[0-9oOilI|]"
_NUMBER_RE = re.compile(
    r"(?<![a-z])s[o06ô]\s*[:;.,]?\s*(?P<num>" + _DIGIT + r"{0,7})\s*/\s*"
    r"(?P<sym>(?:\d{4}\s*/\s*)?[a-z0-9]+(?:\s*[-–]\s*[a-z0-9]+)*)"
)
_DATE_RE = re.compile(
    r"nga[yv]\s*(?P<d>" + _DIGIT + r"{1,2})\s*th[a4]n[gq]\s*(?P<m>" + _DIGIT + r"{1,2})\s*"
    r"n(?:a|d|4|o)(?:m|rn|n)\s*(?P<y>" + _DIGIT + r"{4})"
)
_VV_RE = re.compile(r"^\s*v\s*[/|il1]\s*v\b\.?\s*:?\s*")
_KINH_GUI_RE = re.compile(r"^\s*k[i1l]nh\s*g[uưy][i1l]\s*[:;.]?\s*")
_AUTHORITY_PREFIX_RE = re.compile(r"^\s*((?:TM|KT|TL|TUQ|Q)\s*\.\s*)?", re.I)
_NOI_NHAN_RE = re.compile(r"^\s*n[o0]i\s*nh[a4]n\s*[:;.]?")
_QUOC_HIEU_RE = re.compile(
    r"c[o0]ng\s*h[o0]a\s*x[a4]\s*h[o0][i1l]\s*ch[u]\s*ngh[i1l]a\s*"
    r"v[i1l][e]t\s*nam"
)
_TIEU_NGU_RE = re.compile(
    r"d[o0]c\s*l[a4]p\s*[-–—~]*\s*t[u]\s*d[o0]\s*[-–—~]*\s*h[a4]nh\s*"
    r"ph[u]c"
)
_RULE_RE = re.compile(r"^[\s_\-–—=~.*]+$")
_AUTHORITY_RE = re.compile(r"^(tm|kt|tl|tuq|q)\s*\.\s*\S")
_BODY_START_RE = re.compile(r"^(can cu|thuc hien|xet |theo |ngay \d|trong |de |nham |tiep )")
_ZERO_OCR = str.maketrans({"o": "0", "O": "0", "i": "1", "l": "1", "I": "1", "|": "1"})


@functools.cache
def _type_names() -> dict[str, tuple[str, str]]:
    """Folded printed type names → (type id, name as in a sentence), from Drafter's types."""
    from drafter.core.doctypes import default_registry

    names: dict[str, tuple[str, str]] = {}
    for doctype in default_registry().all():
        names.setdefault(" ".join(fold(doctype.printed_title).split()), (doctype.id, doctype.name))
        names.setdefault(" ".join(fold(doctype.name).split()), (doctype.id, doctype.name))
    return names


def _digits(text: str) -> str:
    return text.translate(_ZERO_OCR)


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _strip_item(text: str) -> str:
    text = re.sub(r"^\s*[-–•+*]\s*", "", text)
    return text.strip().rstrip(";,.").strip()


# Components made of digits and abbreviations: diacritics do not apply to them.
_NOT_WORDS = {"number", "symbol", "date", "type"}


class _Parser:
    def __init__(self, extracted: Extracted, gazetteer: Gazetteer) -> None:
        self.source = extracted
        self.lines = [line for line in extracted.lines]
        self.folded = [fold_keep(line.text) for line in self.lines]
        self.gazetteer = gazetteer
        self.ocr = extracted.kind == "ocr"
        self.result = ReadLetter(
            kind=extracted.kind,
            pages=extracted.pages,
            partial=extracted.partial,
            notes=list(extracted.notes),
            text=extracted.text,
        )

    # -- helpers ------------------------------------------------------------------------------

    def _score(self, value: float) -> float:
        return round(value * (0.9 if self.ocr else 1.0), 2)

    def _set(self, key: str, confidence: float, source: str) -> None:
        self.result.confidence[key] = self._score(confidence)
        self.result.source[key] = _clean(source)
        if (
            key not in _NOT_WORDS
            and source
            and not has_diacritics(source)
            and any(c.isalpha() for c in source)
            and key not in self.result.folded
        ):
            self.result.folded.append(key)

    def _find(
        self,
        pattern: re.Pattern[str],
        start: int = 0,
        end: int | None = None,
        columns: tuple[int, ...] | None = None,
    ) -> tuple[int, re.Match[str]] | None:
        for index in range(start, len(self.lines) if end is None else end):
            if columns is not None and self.lines[index].column not in columns:
                continue
            match = pattern.search(self.folded[index])
            if match:
                return index, match
        return None

    # -- the components ----------------------------------------------------------------------

    def parse(self) -> ReadLetter:
        number_at = self._number()
        date_at = self._date(number_at)
        header_end = max(i for i in (number_at, date_at, 0) if i is not None)
        self._issuer(number_at if number_at is not None else date_at)
        body_at = self._type_and_subject(number_at if number_at is not None else header_end)
        self._recipients(header_end)
        self._signature(body_at)
        self._fix_type_from_recipients()
        return self.result

    def _number(self) -> int | None:
        found = self._header_number()
        if found is None:
            return None
        index, match = found
        original = self.lines[index].text
        digits = _digits(match.group("num"))
        if digits.isdigit():
            self.result.number = int(digits)
            self._set("number", 0.95, original[match.start() : match.end()])
        symbol = re.sub(r"\s+", "", original[match.start("sym") : match.end("sym")])
        symbol = symbol.replace("–", "-").strip("-")
        if self.ocr or not has_diacritics(original):
            symbol = symbol.upper()
        self.result.symbol = symbol
        self.result.source["symbol"] = _clean(original[match.start() : match.end()])
        self.result.confidence["symbol"] = self._score(0.95)
        return index

    def _header_number(self) -> tuple[int, re.Match[str]] | None:
        """The "Số:" of the header: written "Số:" (capital, colon) rather than a citation's
        "số 1234/…" in the text, in the left block rather than the right."""
        limit = min(len(self.lines), 60)
        matches = []
        for index in range(limit):
            for match in _NUMBER_RE.finditer(self.folded[index]):
                text = self.lines[index].text
                label = text[match.start() : match.start("num")]
                header_like = text[match.start()] in "S" or ":" in label
                matches.append((not header_like, self.lines[index].column == 1, index, match))
        if not matches:
            return None
        best = min(matches, key=lambda item: (item[0], item[1], item[2]))
        return best[2], best[3]

    def _date(self, number_at: int | None) -> int | None:
        limit = min(len(self.lines), (number_at or 0) + 25)
        found = self._find(_DATE_RE, 0, limit, (1, FULL)) or self._find(_DATE_RE, 0, limit)
        if found is None:
            return None
        index, match = found
        original = self.lines[index].text
        try:
            date = dt.date(
                int(_digits(match.group("y"))),
                int(_digits(match.group("m"))),
                int(_digits(match.group("d"))),
            )
        except ValueError:
            date = None
        if date is not None:
            self.result.date = date
            self._set("date", 0.95, original[match.start() : match.end()])
        # The place: what stands before "ngày" on the line, after the number if it is there.
        before = original[: match.start()]
        number_match = _NUMBER_RE.search(fold_keep(before))
        if number_match:
            before = before[number_match.end() :]
        place = before.strip(" ,;:-").strip()
        place = re.sub(r"^[^\w]+", "", place)
        if place and len(place) <= 60 and not any(c.isdigit() for c in place):
            restored = self.gazetteer.place(place)
            if not has_diacritics(place) and restored.known == 1.0:
                self.result.place = restored.text
                self._set("place", 0.85, place)
                self.result.folded = [k for k in self.result.folded if k != "place"]
            else:
                self.result.place = place
                self._set("place", 0.9 if has_diacritics(place) else 0.5, place)
        return index

    def _issuer(self, until: int | None) -> None:
        end = until if until is not None else min(len(self.lines), 8)
        picked: list[Line] = []
        for index in range(end):
            line = self.lines[index]
            if line.column == 1:
                continue
            text = self._without_national_lines(index)
            if until is not None and index == until:
                break
            if not text or _RULE_RE.match(text) or len(text) > 90:
                continue
            picked.append(Line(text, line.column, line.page, line.bold))
        number = (
            _NUMBER_RE.search(self.folded[until])
            if until is not None and until < len(self.lines) and self.lines[until].column != 1
            else None
        )
        if until is not None and number is not None:
            # The number's own line may start with the issuer's last line (OCR, plain text);
            # *until* is the date's line when there is no number, and then has no such head.
            head = self._strip_national(self.lines[until].text[: number.start()])
            if head and any(c.isalpha() for c in head):
                picked.append(Line(head, FULL))
        lines = [line.text for line in picked]
        if not lines:
            return
        source = " / ".join(lines)
        parent, name = self._split_parent(picked)
        folded_input = not has_diacritics(" ".join(lines))
        if folded_input:
            restored_parent, _r = self.gazetteer.restore_lines(parent) if parent else ([], None)
            restored_name, restored = self.gazetteer.restore_lines(name)
            if restored.known == 1.0:
                parent, name = restored_parent, restored_name
            confidence = 0.5 + 0.4 * restored.known
        else:
            parent = [upper(line) for line in parent]
            name = [upper(line) for line in name]
            confidence = 0.95 if any(line.bold is not None for line in picked) else 0.85
        self.result.issuer_parent, self.result.issuer = parent, name
        self._set("issuer", confidence, source)
        if parent:
            self._set("issuer_parent", confidence, " / ".join(parent))
        if folded_input and confidence >= 0.9:
            self.result.folded = [k for k in self.result.folded if not k.startswith("issuer")]
        self.result.issuer_prose = self.prose_of(parent, name)

    def prose_of(self, parent: list[str], name: list[str]) -> str:
        """The issuing body as written in a sentence: "Sở Tài nguyên và Môi trường"."""
        restored = self.gazetteer.restore(" ".join(name))
        return restored.text[:1].upper() + restored.text[1:]

    def _without_national_lines(self, index: int) -> str:
        return self._strip_national(self.lines[index].text)

    @staticmethod
    def _strip_national(text: str) -> str:
        folded = fold_keep(text)
        for pattern in (_QUOC_HIEU_RE, _TIEU_NGU_RE):
            match = pattern.search(folded)
            if match:
                text = text[: match.start()] + " " + text[match.end() :]
                folded = fold_keep(text)
        return " ".join(text.split()).strip(" -_")

    def _split_parent(self, picked: list[Line]) -> tuple[list[str], list[str]]:
        """Parent body (cơ quan chủ quản) and issuing body, from bold type or the names."""
        texts = [line.text for line in picked]
        bolds = [line.bold for line in picked]
        if len(texts) > 1 and any(b is not None for b in bolds) and not all(bolds) and any(bolds):
            first_bold = bolds.index(True)
            if first_bold > 0 and all(bolds[first_bold:]):
                return texts[:first_bold], texts[first_bold:]
        if len(texts) < 2:
            return [], texts
        folded = [" ".join(fold(t).split()) for t in texts]
        if (
            folded[0] in ("uy ban nhan dan", "ubnd", "hoi dong nhan dan")
            and len(texts) > 2
            and re.match(
                r"(thanh pho|tinh|huyen|quan|thi xa|xa|phuong|thi tran|tp\.?)\b", folded[1]
            )
        ):
            return texts[:2], texts[2:]
        if re.match(r"(bo|tong cuc|uy ban nhan dan|ubnd) ", folded[0] + " ") and re.match(
            r"(so|phong|cuc|vu|van phong|ban|vien|trung tam|thanh tra|chi cuc|"
            r"truong|benh vien|tong cuc)\b",
            folded[1],
        ):
            return texts[:1], texts[1:]
        return [], texts

    def _type_and_subject(self, header_end: int) -> int:
        """The type name and trích yếu; returns the index where the body can start."""
        names = _type_names()
        for index in range(header_end, min(len(self.lines), header_end + 20)):
            folded = self.folded[index]
            match = _VV_RE.match(folded)
            if match and self.lines[index].column != 1:
                parts = [self.lines[index].text[match.end() :]]
                column = self.lines[index].column
                nxt = index + 1
                while nxt < len(self.lines) and len(parts) < 5:
                    line = self.lines[nxt]
                    if line.column == 1 and column != FULL:
                        nxt += 1
                        continue
                    if (
                        not line.text
                        or line.column != column
                        or _KINH_GUI_RE.match(self.folded[nxt])
                        or (column == FULL and _BODY_START_RE.match(self.folded[nxt]))
                        or _DATE_RE.search(self.folded[nxt])
                        or self.lines[nxt].text.endswith(":")
                    ):
                        break
                    parts.append(line.text)
                    nxt += 1
                subject = _clean(" ".join(parts))
                self.result.type, self.result.type_id = "Công văn", "cong_van"
                self._set("type", 0.95, self.lines[index].text[: match.end()])
                self.result.folded = [k for k in self.result.folded if k != "type"]
                if subject:
                    self.result.subject = subject
                    self._set("subject", 0.9, subject)
                return nxt
            key = " ".join(folded.split())
            if key in names and self.lines[index].column != 0:
                type_id, name = names[key]
                self.result.type, self.result.type_id = name, type_id
                self._set("type", 0.95, self.lines[index].text)
                self.result.folded = [k for k in self.result.folded if k != "type"]
                parts = []
                nxt = index + 1
                while nxt < len(self.lines) and len(parts) < 4:
                    text = self.lines[nxt].text
                    folded_next = self.folded[nxt]
                    if not text:
                        if parts:
                            break
                        nxt += 1
                        continue
                    # A bold line after a bold one goes on the trích yếu, even when it
                    # starts as a body might ("trong công tác…"): Word files know bold.
                    continued = (
                        bool(parts)
                        and bool(self.lines[nxt].bold)
                        and bool(self.lines[nxt - 1].bold)
                    )
                    if (
                        _RULE_RE.match(text)
                        or _KINH_GUI_RE.match(folded_next)
                        or (_BODY_START_RE.match(folded_next) and not continued)
                        or (text == upper(text) and parts)
                        or text.endswith(":")
                    ):
                        break
                    parts.append(text)
                    nxt += 1
                subject = _clean(" ".join(parts))
                if subject:
                    self.result.subject = subject
                    self._set("subject", 0.8, subject)
                return nxt
        return header_end + 1

    def _recipients(self, header_end: int) -> None:
        found = self._find(_KINH_GUI_RE, header_end, min(len(self.lines), header_end + 40))
        if found is None:
            return
        index, match = found
        first = self.lines[index].text[match.end() :].strip()
        items = [first] if first and not first.startswith("-") else []
        if first.startswith("-"):
            items.append(first)
        sources = [self.lines[index].text]
        nxt = index + 1
        while nxt < len(self.lines):
            text = self.lines[nxt].text
            if not text:
                if items:
                    break
                nxt += 1
                continue
            listed = re.match(r"^\s*[-–•+]\s*\S", text)
            if listed or (not items and len(text) < 120):
                items.append(text)
                sources.append(text)
                nxt += 1
                if not listed:
                    break
                continue
            break
        recipients = [_strip_item(item) for item in items if _strip_item(item)]
        if recipients:
            folded_input = not has_diacritics(" ".join(recipients))
            restored = [self.gazetteer.restore(item) for item in recipients]
            if folded_input and all(r.known == 1.0 for r in restored):
                recipients = [r.text[:1].upper() + r.text[1:] for r in restored]
            self.result.recipients = recipients
            self._set("recipients", 0.85, " / ".join(sources))
            if folded_input and all(r.known == 1.0 for r in restored):
                self.result.folded.remove("recipients")

    def _signature(self, body_at: int) -> None:
        found = self._find(_NOI_NHAN_RE, body_at)
        start = found[0] if found else max(body_at, len(self.lines) - 14)
        candidates: list[str] = []
        has_columns = any(line.column == 1 for line in self.lines[start:])
        for index in range(start, len(self.lines)):
            line = self.lines[index]
            text = line.text
            if not text:
                continue
            if has_columns:
                if line.column != 1:
                    continue
            else:
                if found and index == start:
                    text = self.lines[index].text[found[1].end() :]
                text = self._without_recipient_item(text)
            text = text.strip()
            if text and not text.startswith("(") and not _RULE_RE.match(text):
                candidates.append(text)
        authority: list[str] = []
        name = None
        for text in candidates:
            folded = fold(text)
            if _AUTHORITY_RE.match(folded) or (
                text == upper(text)
                and any(c.isalpha() for c in text)
                and name is None
                and len(text) < 60
            ):
                if name is None:
                    authority.append(text)
                continue
            words = text.split()
            if (
                2 <= len(words) <= 6
                and all(w[:1].isupper() for w in words)
                and not any(c.isdigit() for c in text)
                and ":" not in text
            ):
                name = text
        if authority:
            restored = authority
            folded_input = not has_diacritics(" ".join(authority))
            if folded_input:
                prefixes = [_authority_prefix(line) for line in authority]
                attempts = [
                    self.gazetteer.restore(line[len(prefix) :])
                    for line, prefix in zip(authority, prefixes, strict=True)
                ]
                restored = [
                    upper(f"{prefix}{r.text}") for prefix, r in zip(prefixes, attempts, strict=True)
                ]
            self.result.authority = restored
            self._set("authority", 0.8, " / ".join(authority))
            if folded_input and all(r.known == 1.0 for r in attempts):
                self.result.folded.remove("authority")
        if name:
            self.result.signer = _clean(name)
            self._set("signer", 0.85 if authority else 0.5, name)

    @staticmethod
    def _without_recipient_item(text: str) -> str:
        """An OCR line "- Như trên; KT. CHỦ TỊCH": the part after the recipient item."""
        if not re.match(r"^\s*[-–•+]", text):
            return text
        match = re.search(r"[;.]\s+(?=\S)", text)
        if match is None:
            return ""
        rest = text[match.end() :]
        # "- Lưu: VT, KT. PHÓ CHỦ TỊCH": only capitals after the item are the signature.
        return rest if rest == upper(rest) else ""

    def _fix_type_from_recipients(self) -> None:
        if self.result.type is None and self.result.recipients:
            # A letter with Kính gửi and no type name is a công văn (Mẫu 1.5).
            self.result.type, self.result.type_id = "Công văn", "cong_van"
            self.result.confidence["type"] = self._score(0.5)


def parse_lines(extracted: Extracted, gazetteer: Gazetteer | None = None) -> ReadLetter:
    """The components of the letter in *extracted*."""
    return _Parser(extracted, gazetteer or default_gazetteer()).parse()


def _authority_prefix(line: str) -> str:
    """The "TM. ", "KT. "… an authority line starts with, and the spaces before it."""
    match = _AUTHORITY_PREFIX_RE.match(line)
    return match.group(0) if match else ""
