"""The letter: every thể thức component of one administrative document, as data.

A :class:`Letter` holds what the user decides; the layout rules of NĐ 30 live in
:mod:`drafter.layout`, never here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Urgency(StrEnum):
    """Ô 10b: the three urgency levels of NĐ 30, with their stamp sizes in mm."""

    NONE = ""
    KHAN = "khan"
    THUONG_KHAN = "thuong_khan"
    HOA_TOC = "hoa_toc"

    @property
    def label(self) -> str:
        return {"": "", "khan": "KHẨN", "thuong_khan": "THƯỢNG KHẨN", "hoa_toc": "HỎA TỐC"}[
            self.value
        ]

    @property
    def stamp_width_mm(self) -> float:
        return {"": 0.0, "khan": 20.0, "thuong_khan": 40.0, "hoa_toc": 30.0}[self.value]


class Secrecy(StrEnum):
    """Ô 10a: the classification levels."""

    NONE = ""
    MAT = "mat"
    TOI_MAT = "toi_mat"
    TUYET_MAT = "tuyet_mat"

    @property
    def label(self) -> str:
        return {"": "", "mat": "MẬT", "toi_mat": "TỐI MẬT", "tuyet_mat": "TUYỆT MẬT"}[self.value]


class Circulation(StrEnum):
    """Ô 11: circulation notices printed in a box at the top of page 1."""

    NONE = ""
    RETURN_AFTER_READING = "xem_xong_tra_lai"
    INTERNAL = "luu_hanh_noi_bo"

    @property
    def label(self) -> str:
        return {
            "": "",
            "xem_xong_tra_lai": "XEM XONG TRẢ LẠI",
            "luu_hanh_noi_bo": "LƯU HÀNH NỘI BỘ",
        }[self.value]


@dataclass
class Issuer:
    """Ô 2 and ô 13: who issues the document and where it can be reached."""

    name: list[str] = field(default_factory=list)  # one printed line each; UPPER when printed
    parent: list[str] = field(default_factory=list)  # cơ quan chủ quản trực tiếp, if any
    # The name as written inside a sentence ("Sở Giáo dục và Đào tạo"): the printed name
    # is in capitals, and Vietnamese capitalisation cannot be recovered from them.
    prose_name: str = ""
    abbreviation: str = ""  # used in the symbol, e.g. "UBND"
    unit: str = ""  # drafting unit or subject area, e.g. "VX" (công văn symbols, Lưu line)
    address: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""

    @property
    def name_in_sentence(self) -> str:
        """The name to write inside a sentence: ``prose_name``, or the name as the user
        typed it when that is not all in capitals ("Sở Nội vụ"); empty when unknown."""
        if self.prose_name:
            return self.prose_name
        typed = " ".join(self.name)
        return typed if typed != typed.upper() else ""


@dataclass
class Signature:
    """Ô 7: one signature block.

    ``authority`` holds the prefixed lines (``TM. ỦY BAN NHÂN DÂN``, ``KT. CHỦ TỊCH``);
    ``title`` the signer's own position (``PHÓ CHỦ TỊCH``); ``name`` the full name.
    ``caption`` is for blocks that are named by role, such as ``THƯ KÝ`` in a biên bản.
    """

    title: str = ""
    name: str = ""
    authority: list[str] = field(default_factory=list)
    note: str = ""  # e.g. "(Chữ ký, dấu)" placeholder or a second title, printed italic

    @property
    def lines(self) -> list[str]:
        return [*self.authority, *([self.title] if self.title else [])]


@dataclass
class Appendix:
    """Mẫu 2.1: an appendix printed after the letter with its own page numbers."""

    title: str = ""
    body: str = ""
    number: str = ""  # "I", "II"… when the letter has two or more; empty when just one


@dataclass
class Letter:
    """One document of one type, as the user fills it in."""

    type_id: str
    issuer: Issuer = field(default_factory=Issuer)
    number: int | None = None  # None while a draft: the register assigns it
    symbol: str = ""  # full symbol after the "/", composed from the issuer when empty
    place: str = ""
    date: dt.date | None = None
    subject: str = ""  # trích yếu; the "V/v" text for a công văn
    kinh_gui: list[str] = field(default_factory=list)
    dong_kinh_gui: list[str] = field(default_factory=list)
    body: str = ""
    fields: dict[str, object] = field(default_factory=dict)  # the type's own form fields
    signatures: list[Signature] = field(default_factory=list)
    noi_nhan: list[str] = field(default_factory=list)
    luu: str = "VT"  # what follows "Lưu:", e.g. "VT, HC (2)"
    drafter_mark: str = ""  # ô 12, the drafter's initials
    copies: int | None = None  # ô 12, number of copies issued
    urgency: Urgency = Urgency.NONE
    secrecy: Secrecy = Secrecy.NONE
    circulation: Circulation = Circulation.NONE
    attached_to: str = ""  # "(Kèm theo Quyết định số …)" for a document issued by another
    # The incoming letter this one answers, as "arrival number/year" ("15/2016"): issuing
    # it writes its number into that entry of the incoming tracking register.
    answers: str = ""
    # A stable id given when the letter is first created or issued: the register knows
    # the document by it, so the same document is never numbered twice.
    document_id: str = ""
    appendices: list[Appendix] = field(default_factory=list)
