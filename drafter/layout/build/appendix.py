"""Appendices (Mẫu 2.1): the "Phụ lục" heading, and the section of an appendix printed
with its letter (own page numbers, its reference line made from the letter)."""

from __future__ import annotations

from drafter.body.parser import parse_body
from drafter.core.letter import Appendix
from drafter.core.numbering import compose_symbol, number_text
from drafter.core.vietnamese import date_words, upper
from drafter.layout.build.body import body_blocks
from drafter.layout.build.common import (
    Context,
    bracketed_note,
    display_text,
    para,
    separate_tables,
    title_rule,
)
from drafter.layout.build.page import page_number_header
from drafter.layout.model import Block, Role, Section
from drafter.layout.units import pt

LABEL_SIZE = pt(14)  # "Phụ lục" is 14 pt whatever the title's size


def appendix_heading(ctx: Context, number: str, title: str, reference: str) -> list[Block]:
    """Mẫu 2.1: "Phụ lục" (14 pt bold), title (bold, UPPER), reference (italic)."""
    size = pt(ctx.settings.title_size)
    label = f"Phụ lục {number}".strip()
    out: list[Block] = [
        para(label, LABEL_SIZE, bold=True, keep_with_next=True, role=Role.APPENDIX_LABEL)
    ]
    printed = [label]
    if title:
        text = display_text(upper(title), size, ctx.text_width, bold=True)
        out.append(para(text, size, bold=True, keep_with_next=True, role=Role.APPENDIX_TITLE))
        printed = text.split("\n")
    if reference:
        out.append(bracketed_note(reference.strip("()"), size, Role.APPENDIX_REFERENCE))
    out.append(title_rule(printed, size, ctx, Role.APPENDIX_RULE))
    return out


def standalone_heading(ctx: Context) -> list[Block]:
    """The heading of a type that is itself an appendix, numbered from the field its
    type names (``appendix_number_field``)."""
    field = ctx.doctype.appendix_number_field
    number = str(ctx.letter.fields.get(field, "") or "") if field else ""
    return appendix_heading(ctx, number, ctx.letter.subject, ctx.letter.attached_to)


def reference_line(ctx: Context) -> str:
    """ "Kèm theo <type> số …/… ngày … của …": the letter an appendix goes with."""
    letter, doctype = ctx.letter, ctx.doctype
    symbol = compose_symbol(letter, doctype)
    number = f"{number_text(letter.number)}/{symbol}"
    when = date_words(letter.date) if letter.date else "ngày … tháng … năm …"
    name = letter.issuer.name_in_sentence
    issuer = f" của {name}" if name else ""
    return f"Kèm theo {doctype.name} số {number} {when}{issuer}"


def appendix_section(ctx: Context, appendix: Appendix) -> Section:
    blocks = appendix_heading(ctx, appendix.number, appendix.title, reference_line(ctx))
    blocks += body_blocks(ctx, parse_body(appendix.body))
    return Section(page=ctx.page, blocks=separate_tables(blocks), header=page_number_header(ctx))
