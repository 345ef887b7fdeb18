"""Signers and the signing patterns they use (ô 7a, 7b).

A pattern is the chain of authority lines (``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH``)
and the title printed under it (``PHÓ CHỦ TỊCH``); picking a signer and one of the
patterns gives the :class:`~drafter.core.letter.Signature` of the letter.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from drafter.core.letter import Letter, Signature
from drafter.core.vietnamese import clean_line, upper
from drafter.i18n import _
from drafter.store.engine import Store
from drafter.store.models import Signer, SigningPattern
from drafter.store.text import join_lines, sort_bytes, split_lines

# Appendix I §II.7: thay mặt, ký thay, thừa lệnh, thừa ủy quyền, quyền.
PREFIXES = ("TM.", "KT.", "TL.", "TUQ.", "Q.")


def authority_chain(*links: tuple[str, str]) -> list[str]:
    """``authority_chain(("TM.", "ủy ban nhân dân"), ("KT.", "chủ tịch"))`` →
    ``["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]``."""
    lines = []
    for prefix, holder in links:
        if prefix not in PREFIXES:
            raise ValueError(f"unknown signing prefix {prefix!r}")
        lines.append(f"{prefix} {upper(clean_line(holder))}")
    return lines


def authority_problems(lines: list[str]) -> list[str]:
    """What is wrong with a chain of authority lines, in the user's language."""
    problems = []
    for line in lines:
        prefix = line.split(" ", 1)[0]
        if prefix not in PREFIXES:
            problems.append(
                _("'{line}' must start with one of {prefixes}").format(
                    line=line, prefixes=", ".join(PREFIXES)
                )
            )
        elif line != upper(line):
            problems.append(_("'{line}' must be in capitals").format(line=line))
    prefixes = [line.split(" ", 1)[0] for line in lines]
    if prefixes.count("TM.") > 1:
        problems.append(_("only one 'TM.' line is allowed"))
    if "TM." in prefixes and prefixes[0] != "TM.":
        problems.append(_("the 'TM.' line comes first"))
    return problems


def compose_signature(signer: Signer, pattern: SigningPattern | None = None) -> Signature:
    """The signature block of *signer* signing in the capacity of *pattern*."""
    if pattern is None:
        return Signature(title=signer.title, name=signer.name)
    title = signer.title if pattern.title is None else pattern.title
    return Signature(authority=split_lines(pattern.authority), title=title, name=signer.name)


def apply_to(
    signer: Signer, letter: Letter, pattern: SigningPattern | None = None, block: int = 0
) -> Letter:
    """Put the signature of *signer* (signing as *pattern*) in block *block* of *letter*."""
    signature = compose_signature(signer, pattern)
    while len(letter.signatures) <= block:
        letter.signatures.append(Signature())
    letter.signatures[block] = signature
    return letter


def pattern_label(signer: Signer, pattern: SigningPattern | None) -> str:
    lines = compose_signature(signer, pattern).lines
    return " / ".join(lines) if lines else signer.title


def list_signers(store: Store, profile_id: int | None = None) -> list[Signer]:
    with store.read() as session:
        query = (
            select(Signer)
            .options(selectinload(Signer.patterns))
            .order_by(Signer.position, Signer.sort_bytes)
        )
        if profile_id is not None:
            query = query.where((Signer.profile_id == profile_id) | Signer.profile_id.is_(None))
        return list(session.scalars(query))


def get_signer(store: Store, signer_id: int) -> Signer | None:
    with store.read() as session:
        return session.get(Signer, signer_id, options=[selectinload(Signer.patterns)])


def new_pattern(authority: list[str], title: str | None = None) -> SigningPattern:
    return SigningPattern(authority="\n".join(authority), title=title)


def default_type_ids(signer: Signer) -> list[str]:
    """The document types *signer* signs by default (``signer.default_types``)."""
    return [t.strip() for t in (signer.default_types or "").split(",") if t.strip()]


def join_type_ids(type_ids: list[str]) -> str:
    """``signer.default_types`` for *type_ids*, each once, in their order."""
    return ",".join(dict.fromkeys(t.strip() for t in type_ids if t.strip()))


def _unmark_other_defaults(session: Session, signer: Signer) -> None:
    """One default signer, and one signer per type: what *signer* now signs by default is
    taken from the others, so a new letter never has two candidates."""
    if signer.is_default:
        session.execute(
            update(Signer)
            .where(Signer.id != signer.id, Signer.is_default.is_(True))
            .values(is_default=False)
        )
    mine = set(default_type_ids(signer))
    if not mine:
        return
    for other in session.scalars(select(Signer).where(Signer.id != signer.id)):
        kept = [t for t in default_type_ids(other) if t not in mine]
        if kept != default_type_ids(other):
            other.default_types = join_type_ids(kept)


def save_signer(store: Store, signer: Signer) -> Signer:
    signer.name = clean_line(signer.name)
    if not signer.name:
        raise ValueError(_("a signer needs a name"))
    signer.title = upper(clean_line(signer.title))
    signer.sort_bytes = sort_bytes(signer.name)
    for position, pattern in enumerate(signer.patterns):
        lines = [upper(line) for line in split_lines(pattern.authority)]
        problems = authority_problems(lines)
        if problems:
            raise ValueError("; ".join(problems))
        pattern.authority = join_lines(lines)
        if pattern.title is not None:
            pattern.title = upper(clean_line(pattern.title))
        pattern.position = position
    if signer.default_types is not None:
        signer.default_types = join_type_ids(signer.default_types.split(","))
    with store.write() as session:
        stored = session.merge(signer)
        session.flush()
        signer_id = stored.id
        _unmark_other_defaults(session, stored)
    result = get_signer(store, signer_id)
    assert result is not None
    return result


def delete_signer(store: Store, signer_id: int) -> None:
    with store.write() as session:
        signer = session.get(Signer, signer_id)
        if signer is not None:
            session.delete(signer)
