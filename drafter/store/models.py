"""The tables of the office database, as SQLAlchemy 2 declarative models.

Multi-line values (the lines of an issuer's name, a signing pattern's authority
lines) are stored as text joined with ``\\n``; the helpers in the other modules turn
them back into lists.  Every searchable table keeps a ``search_text`` column (the
folded text, see :func:`drafter.core.vietnamese.fold`) and, where lists are sorted,
a ``sort_bytes`` column that sorts in Vietnamese order on both engines.

The schema changes only through migrations in :mod:`drafter.store.migrations`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, WriteOnlyMapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


# --- profiles -------------------------------------------------------------------


class Profile(Base):
    """An issuing body as the secretary serves it: ô 2, ô 4's place and ô 13."""

    __tablename__ = "profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(200))  # how the profile is listed
    parent: Mapped[str] = mapped_column(Text, default="")  # lines joined with \n
    name: Mapped[str] = mapped_column(Text, default="")  # lines joined with \n
    prose_name: Mapped[str] = mapped_column(Text, default="")  # as written in a sentence
    abbreviation: Mapped[str] = mapped_column(String(50), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    fax: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    # An advisory body (Hội đồng, Ban, Tổ) numbers its documents on its own sequence.
    advisory: Mapped[bool] = mapped_column(Boolean, default=False)
    # Electronic issuance (drafter.signing): the seal image, a PNG in the user's data
    # folder, and the agency's certificate ("p12:<path>" or "pkcs11:<library>#<token>").
    seal_image: Mapped[str] = mapped_column(Text, default="")
    certificate: Mapped[str] = mapped_column(Text, default="")
    # The profile every new letter starts from (one at most; else the first by label).
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    units: Mapped[list[Unit]] = relationship(
        back_populates="profile", cascade="all, delete-orphan", order_by="Unit.position"
    )


class Unit(Base):
    """A drafting unit of a profile (Văn phòng → VP), used in symbols and the Lưu line."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profile.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    abbreviation: Mapped[str] = mapped_column(String(50), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    profile: Mapped[Profile] = relationship(back_populates="units")


# --- signers ----------------------------------------------------------------------


class Signer(Base):
    __tablename__ = "signer"

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int | None] = mapped_column(
        ForeignKey("profile.id", ondelete="SET NULL"), nullable=True
    )
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200), default="")  # chức vụ, e.g. PHÓ CHỦ TỊCH
    position: Mapped[int] = mapped_column(Integer, default=0)
    sort_bytes: Mapped[bytes] = mapped_column(LargeBinary, default=b"")
    # The handwritten-signature image (a PNG in the user's data folder) and the
    # certificate the signer signs with, as for Profile.certificate.
    signature_image: Mapped[str] = mapped_column(Text, default="")
    certificate: Mapped[str] = mapped_column(Text, default="")
    # Who signs a new letter: the signer naming its type (comma-separated type ids),
    # else the default signer.
    default_types: Mapped[str] = mapped_column(Text, default="")
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    patterns: Mapped[list[SigningPattern]] = relationship(
        back_populates="signer", cascade="all, delete-orphan", order_by="SigningPattern.position"
    )


class SigningPattern(Base):
    """How a signer signs in one capacity: the authority lines and the title under them."""

    __tablename__ = "signing_pattern"

    id: Mapped[int] = mapped_column(primary_key=True)
    signer_id: Mapped[int] = mapped_column(ForeignKey("signer.id", ondelete="CASCADE"))
    authority: Mapped[str] = mapped_column(Text, default="")  # lines joined with \n
    # None: the signer's own title; "": no title line (e.g. "Q. GIÁM ĐỐC" alone).
    title: Mapped[str | None] = mapped_column(String(200), nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    signer: Mapped[Signer] = relationship(back_populates="patterns")


# --- contacts ------------------------------------------------------------------------


class Contact(Base):
    """An agency or a person: the full name for Kính gửi, the short one for Nơi nhận."""

    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), default="agency")  # agency | person
    full_name: Mapped[str] = mapped_column(String(500))
    short_name: Mapped[str] = mapped_column(String(500), default="")
    title: Mapped[str] = mapped_column(String(200), default="")  # a person's position
    organisation: Mapped[str] = mapped_column(String(500), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    sort_bytes: Mapped[bytes] = mapped_column(LargeBinary, default=b"")

    __table_args__ = (Index("ix_contact_sort", "sort_bytes"),)


class ContactGroup(Base):
    """An ordered list of contacts that can stand in Kính gửi or Nơi nhận."""

    __tablename__ = "contact_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(500), unique=True)
    note: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    sort_bytes: Mapped[bytes] = mapped_column(LargeBinary, default=b"")
    members: Mapped[list[GroupMember]] = relationship(
        back_populates="group", cascade="all, delete-orphan", order_by="GroupMember.position"
    )


class GroupMember(Base):
    __tablename__ = "group_member"

    group_id: Mapped[int] = mapped_column(
        ForeignKey("contact_group.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    group: Mapped[ContactGroup] = relationship(back_populates="members")
    contact: Mapped[Contact] = relationship()


# --- the outgoing register --------------------------------------------------------------


class NumberSequence(Base):
    """A numbering sequence (Art. 15): shared, per type, secret or for an advisory body."""

    __tablename__ = "number_sequence"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(50), unique=True)
    label: Mapped[str] = mapped_column(String(200), default="")
    # None: every profile; otherwise only documents of that issuer.
    profile_id: Mapped[int | None] = mapped_column(
        ForeignKey("profile.id", ondelete="CASCADE"), nullable=True
    )
    type_ids: Mapped[str] = mapped_column(Text, default="")  # comma-separated; "" = any type
    secret: Mapped[bool] = mapped_column(Boolean, default=False)


class SequenceCounter(Base):
    """The last number taken in one sequence in one calendar year."""

    __tablename__ = "sequence_counter"

    sequence_id: Mapped[int] = mapped_column(
        ForeignKey("number_sequence.id", ondelete="CASCADE"), primary_key=True
    )
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class RegisterEntry(Base):
    """One line of the sổ đăng ký văn bản đi (Appendix IV), plus what Drafter needs."""

    __tablename__ = "register_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    sequence_id: Mapped[int] = mapped_column(ForeignKey("number_sequence.id"))
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default="issued")  # issued|reserved|cancelled
    # Appendix IV columns (1)–(10).
    number_symbol: Mapped[str] = mapped_column(String(200), default="")  # (1) "05/UBND-VP"
    doc_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)  # (2)
    type_name: Mapped[str] = mapped_column(String(200), default="")  # (3) with the subject
    subject: Mapped[str] = mapped_column(Text, default="")  # (3)
    signer: Mapped[str] = mapped_column(String(200), default="")  # (4)
    recipients: Mapped[str] = mapped_column(Text, default="")  # (5) lines joined with \n
    archive: Mapped[str] = mapped_column(String(500), default="")  # (6) Lưu: VT, …
    copies: Mapped[int | None] = mapped_column(Integer, nullable=True)  # (7)
    transfer_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)  # (8)
    receipt: Mapped[str] = mapped_column(String(200), default="")  # (9) ký nhận
    note: Mapped[str] = mapped_column(Text, default="")  # (10)
    # What Drafter adds.
    type_id: Mapped[str] = mapped_column(String(100), default="")
    profile_id: Mapped[int | None] = mapped_column(
        ForeignKey("profile.id", ondelete="SET NULL"), nullable=True
    )
    # The letter file's document_id: the same document is never numbered twice.
    document_id: Mapped[str] = mapped_column(String(64), default="")
    snapshot: Mapped[str] = mapped_column(Text, default="")  # the .letter file text
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # Written through, never loaded with the entry: read them with register.events_of().
    events: WriteOnlyMapped[RegisterEvent] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="RegisterEvent.id"
    )

    __table_args__ = (
        UniqueConstraint("sequence_id", "year", "number", name="uq_register_number"),
        Index("ix_register_year_number", "year", "number"),
        Index("ix_register_doc_date", "doc_date"),
        Index("ix_register_type", "type_id"),
        Index("ix_register_document", "document_id"),
    )


class RegisterEvent(Base):
    """The audit trail: who reserved, issued, cancelled or edited which number, and when."""

    __tablename__ = "register_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("register_entry.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    action: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
