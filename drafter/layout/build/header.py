"""Ô 1 to 4 and 5b: the header table (issuer, number and V/v on the left; Quốc hiệu,
Tiêu ngữ and the date on the right), and the copy block of Mẫu 3.1."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.core.cleaning import subject_text
from drafter.core.doctypes import SummaryStyle
from drafter.core.numbering import number_line
from drafter.core.vietnamese import place_date_line, upper
from drafter.i18n import _
from drafter.layout import metrics
from drafter.layout.build.common import (
    Context,
    baseline_shift,
    display_text,
    empty,
    header_lines,
    para,
    placeholder,
    placeholder_run,
    rule,
    wrapped_width,
)
from drafter.layout.build.marks import marks
from drafter.layout.model import Align, Block, Cell, Paragraph, Role, Row, Run, Table
from drafter.layout.units import ZERO, Length, mm, pt

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
NUMBER_SIZE = pt(13)  # ô 3 is exactly 13 pt: not a setting


@dataclass(frozen=True)
class Columns:
    """The header's two columns and how far the table stands in from the left margin."""

    left: Length
    right: Length
    indent: Length = ZERO


def columns(ctx: Context) -> Columns:
    """The column widths the settings give; when together they are wider than the text
    they shrink in proportion, and a narrower header keeps its right column (Quốc hiệu,
    date) against the right margin, above the signature block."""
    left, right = mm(ctx.settings.header_left_mm), mm(ctx.settings.header_right_mm)
    total = left + right
    if total > ctx.text_width:
        left = Length(left * ctx.text_width // total)
        return Columns(left, Length(ctx.text_width - left))
    return Columns(left, right, Length(ctx.text_width - total))


def issuer_paragraphs(ctx: Context, width: Length) -> list[Paragraph]:
    """Ô 2: parent body (regular), issuer (bold), then the short rule line."""
    size = pt(ctx.settings.issuer_size)
    issuer = ctx.letter.issuer
    parents = header_lines(issuer.parent, size, width, bold=False)
    out = [para(line, size, role=Role.PARENT) for line in parents]
    names = header_lines(issuer.name, size, width, bold=True)
    out += [para(line, size, bold=True, role=Role.ISSUER) for line in names]
    printed = wrapped_width(names, size, width, bold=True)
    if not names and ctx.placeholders:
        text = _("[Issuing body]")
        out.append(placeholder(text, size, role=Role.ISSUER))
        printed = wrapped_width([text], size, width, italic=True)
    if printed:  # no name, no line under it: nothing but a mark where a name should be
        out.append(rule(printed * ctx.settings.rule_share, width, Role.ISSUER_RULE))
    return out or [empty()]


def national_paragraphs(ctx: Context, width: Length) -> list[Paragraph]:
    """Ô 1: Quốc hiệu and Tiêu ngữ with a line exactly as long as the Tiêu ngữ."""
    tn_size = pt(ctx.settings.tieu_ngu_size)
    tn_width = metrics.text_width(TIEU_NGU, tn_size, bold=True)
    return [
        para(QUOC_HIEU, pt(ctx.settings.quoc_hieu_size), bold=True, role=Role.QUOC_HIEU),
        para(TIEU_NGU, tn_size, bold=True, role=Role.TIEU_NGU),
        rule(tn_width, width, Role.TIEU_NGU_RULE),
    ]


def date_paragraph(ctx: Context, width: Length) -> Paragraph | None:
    """Ô 4, italic and centred; a long place name drops to 13 pt to stay on one line."""
    if not ctx.doctype.has_date or ctx.issued_with_another:
        return None
    letter = ctx.letter
    year = letter.date.year if letter.date else None
    text = place_date_line(letter.place, letter.date, year_hint=year)
    size = pt(ctx.settings.date_size)
    shown_place = _("[Place]") if ctx.placeholders and not letter.place else ""
    if metrics.text_width(shown_place + text, size, italic=True) > width and size > pt(13):
        size = pt(13)
    if shown_place:
        return Paragraph(
            [placeholder_run(shown_place, size), Run(text, size, italic=True)],
            align=Align.CENTER,
            role=Role.DATE,
        )
    return para(text, size, italic=True, role=Role.DATE)


def number_paragraph(ctx: Context) -> Paragraph | None:
    """Ô 3: "Số: …/…", 13 pt."""
    if not ctx.doctype.has_number or ctx.issued_with_another:
        return None
    return para(number_line(ctx.letter, ctx.doctype), NUMBER_SIZE, role=Role.NUMBER)


def vv_paragraphs(ctx: Context) -> list[Paragraph]:
    """Ô 5b: a công văn's summary, "V/v …", 6 pt under the number, centred."""
    if ctx.doctype.summary is not SummaryStyle.VV:
        return []
    size = pt(ctx.settings.vv_size)
    if not ctx.letter.subject:
        if not ctx.placeholders:
            return []
        return [
            Paragraph(
                [Run("V/v ", size), placeholder_run(_("[summary]"), size)],
                align=Align.CENTER,
                space_before=pt(6),
                role=Role.VV,
            )
        ]
    text = display_text(f"V/v {subject_text(ctx.letter.subject)}", size, columns(ctx).left)
    return [para(text, size, space_before=pt(6), role=Role.VV)]


def header_table(ctx: Context) -> Table:
    widths = columns(ctx)
    left = issuer_paragraphs(ctx, widths.left)
    right = national_paragraphs(ctx, widths.right)
    gap = pt(6)  # between the rule lines and the number/date line
    number, date = number_paragraph(ctx), date_paragraph(ctx, widths.right)
    left2: list[Block] = []
    right2: list[Block] = []
    if number is not None:
        number.space_before = gap
        if date is not None:
            # Ô 3 and ô 4 share a baseline although their sizes differ.
            number.space_before = gap + baseline_shift(date.size, number.size)
        left2.append(number)
    if date is not None:
        date.space_before = gap
        right2.append(date)
    left2 += vv_paragraphs(ctx)
    left2 += marks(ctx)
    rows = [Row([Cell(left), Cell(right)])]
    if left2 or right2:
        rows.append(Row([Cell(left2 or [empty()]), Cell(right2 or [empty()])]))
    return Table(
        columns=[widths.left, widths.right], rows=rows, indent=widths.indent, role=Role.HEADER
    )


def copy_header(ctx: Context) -> list[Block]:
    """Mẫu 3.1: full-width line, then copier and number left, copy form and date right."""
    widths = columns(ctx)
    size = pt(ctx.settings.issuer_size)
    names = header_lines(ctx.letter.issuer.name, size, widths.left, bold=True)
    left: list[Block] = [para(line, size, bold=True, role=Role.ISSUER) for line in names]
    printed = wrapped_width(names, size, widths.left, bold=True)
    left.append(rule(printed * ctx.settings.rule_share, widths.left, Role.ISSUER_RULE))
    doctype = ctx.doctype
    right: list[Block] = [
        para(
            doctype.copy_label or upper(doctype.name),
            pt(ctx.settings.title_size),
            bold=True,
            role=Role.TITLE,
        )
    ]
    number, date = number_paragraph(ctx), date_paragraph(ctx, widths.right)
    if date is not None:
        right.append(date)
    if number is not None:
        number.space_before = pt(6)
        left.append(number)
    top_rule = rule(ctx.text_width, ctx.text_width, Role.COPY_RULE)
    table = Table(
        columns=[widths.left, widths.right],
        rows=[Row([Cell(left), Cell(right)])],
        indent=widths.indent,
        role=Role.HEADER,
    )
    return [top_rule, table]
