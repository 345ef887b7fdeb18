"""Số và ký hiệu (ô 3): how the number and the symbol are written."""

from __future__ import annotations

from drafter.core.cleaning import symbol_text
from drafter.core.doctypes import DocType
from drafter.core.letter import Letter
from drafter.core.vietnamese import pad_number

# While a draft has no number yet, the number is left blank for the văn thư to fill in.
DRAFT_NUMBER_BLANK = "\u00a0" * 6


def compose_symbol(letter: Letter, doctype: DocType) -> str:
    """The symbol after the "/", unless the letter spells it out itself.

    Công văn and thư công: ``<issuer>-<unit>`` (``BNV-VP``); copies and every other
    type: ``<type>-<issuer>`` (``QĐ-UBND``).
    """
    if letter.symbol:
        return symbol_text(letter.symbol)
    issuer = letter.issuer.abbreviation
    if not doctype.abbreviation:
        return symbol_text("-".join(part for part in (issuer, letter.issuer.unit) if part))
    return symbol_text("-".join(part for part in (doctype.abbreviation, issuer) if part))


def number_text(number: int | None) -> str:
    return pad_number(number) if number is not None else DRAFT_NUMBER_BLANK


def number_line(letter: Letter, doctype: DocType) -> str:
    """``Số: 05/BNV-VP``; a draft keeps a blank before the "/"."""
    symbol = compose_symbol(letter, doctype)
    return (
        f"Số: {number_text(letter.number)}/{symbol}"
        if symbol
        else f"Số: {number_text(letter.number)}"
    )
