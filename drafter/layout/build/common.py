"""What every part of the page shares: the letter being laid out, the numbers of the
page, and the small makers (a paragraph, a rule line, a stamp, a spacer).

References such as "ô 3" are the boxes of the layout diagram in Appendix I of NĐ 30.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypedDict, Unpack

from drafter.core.doctypes import DocType, HeaderStyle
from drafter.core.letter import Letter
from drafter.core.vietnamese import upper
from drafter.layout import metrics
from drafter.layout.linebreak import break_lines
from drafter.layout.model import (
    Align,
    Block,
    Border,
    Cell,
    LineRule,
    LineSpacing,
    PageSetup,
    Paragraph,
    Role,
    Row,
    Run,
    Table,
    VAlign,
)
from drafter.layout.settings import LayoutSettings
from drafter.layout.units import ZERO, Length, mm, pt

RULE_WIDTH = pt(0.75)  # thickness of the solid rule lines
RULE_HEIGHT = pt(3)  # height of the thin paragraph that carries a rule line
RULE_GAP = pt(2)  # between the descenders of the text above and its rule line
TITLE_RULE_GAP = pt(4)  # under the summary and the appendix heading, set apart a little more
STAMP_HEIGHT = mm(8)  # urgency stamps are 8 mm high (Appendix I, II.10b)
MARK_SIZE = pt(13)  # urgency, secrecy and circulation stamps
KINH_GUI_INDENT = mm(35)  # "Kính gửi:" starts 3.5 cm from the margin (Mẫu 1.5)
KINH_GUI_DASH_INDENT = mm(45)  # and the dashes of its list 4.5 cm (Mẫu 1.5: 2552 twips)
PLACEHOLDER_COLOR = "808080"  # the preview's grey for a part not filled in yet


@dataclass
class Context:
    """One letter being laid out, with the page it is laid out on."""

    letter: Letter
    doctype: DocType
    settings: LayoutSettings
    page: PageSetup
    # The preview's option: an empty part shows a grey placeholder where it will print.
    # Never set for a file: an export or a print is the letter as it is.
    placeholders: bool = False

    @classmethod
    def of(
        cls,
        letter: Letter,
        doctype: DocType,
        settings: LayoutSettings,
        *,
        placeholders: bool = False,
    ) -> Context:
        page = PageSetup(
            width=mm(210),
            height=mm(297),
            margin_top=mm(settings.margin_top),
            margin_bottom=mm(settings.margin_bottom),
            margin_left=mm(settings.margin_left),
            margin_right=mm(settings.margin_right),
            header_distance=mm(10),
            footer_distance=mm(10),
        )
        return cls(letter, doctype, settings, page, placeholders)

    @property
    def body_size(self) -> Length:
        return pt(self.settings.body_size)

    @property
    def text_width(self) -> Length:
        return self.page.text_width

    @property
    def left_width(self) -> Length:
        """The left block of the page (issuer, Nơi nhận) as the settings give it."""
        return mm(self.settings.header_left_mm)

    @property
    def right_width(self) -> Length:
        """The rest of the text width: the signature's column in the closing table."""
        return Length(self.text_width - self.left_width)

    @property
    def issued_with_another(self) -> bool:
        """Mẫu 1.3: a document issued with a quyết định ("Kèm theo Quyết định số …") has
        no number, date line, Nơi nhận or signature of its own; the quyết định carries them."""
        return self.doctype.header is HeaderStyle.STANDARD and bool(self.letter.attached_to)


def para(
    text: str,
    size: Length,
    *,
    bold: bool = False,
    italic: bool = False,
    align: Align = Align.CENTER,
    role: Role = Role.NONE,
    **options: Any,
) -> Paragraph:
    """A paragraph of one run; *options* are further fields of :class:`Paragraph`."""
    return Paragraph([Run(text, size, bold=bold, italic=italic)], align=align, role=role, **options)


def placeholder_run(text: str, size: Length) -> Run:
    """A grey, italic run naming a part not filled in yet (the preview only)."""
    return Run(text, size, italic=True, color=PLACEHOLDER_COLOR)


def placeholder(
    text: str, size: Length, *, align: Align = Align.CENTER, role: Role = Role.NONE, **options: Any
) -> Paragraph:
    """A paragraph holding only the placeholder of an empty part, in the part's place."""
    return Paragraph([placeholder_run(text, size)], align=align, role=role, **options)


def rule(
    width: Length, container: Length, role: Role, *, space_before: Length = RULE_GAP
) -> Paragraph:
    """A centred solid line *width* long inside a container *container* wide."""
    width = Length(min(width, container))
    side = Length((container - width) // 2)
    return Paragraph(
        [Run("", pt(2))],
        align=Align.CENTER,
        indent_left=side,
        indent_right=side,
        line_spacing=LineSpacing(LineRule.EXACT, RULE_HEIGHT.pt),
        space_before=space_before,
        border_top=Border(RULE_WIDTH),
        role=role,
    )


def title_rule(printed: list[str], size: Length, ctx: Context, role: Role) -> Paragraph:
    """The rule under a bold title (the summary, an appendix's heading): a share of its
    widest printed line, set a little apart from it."""
    width = wrapped_width(printed, size, ctx.text_width, bold=True)
    return rule(width * ctx.settings.rule_share, ctx.text_width, role, space_before=TITLE_RULE_GAP)


def bracketed_note(text: str, size: Length, role: Role) -> Paragraph:
    """An italic line in brackets under a title, kept with what follows it."""
    return para(f"({text})", size, italic=True, keep_with_next=True, role=role)


def spacer(height: Length, role: Role = Role.SPACER) -> Paragraph:
    """An empty paragraph exactly *height* high: vertical room, or the thinnest filler
    where a cell or a gap needs a paragraph."""
    return Paragraph(
        [Run("", pt(2))], line_spacing=LineSpacing(LineRule.EXACT, height.pt), role=role
    )


def empty() -> Paragraph:
    return spacer(pt(1))


def wrapped_width(
    lines: list[str], size: Length, width: Length, *, bold: bool = False, italic: bool = False
) -> Length:
    """The width of the widest printed line once *lines* wrap in *width*."""
    widest = ZERO
    for line in lines:
        for printed in metrics.wrap(line, size, width, bold=bold, italic=italic):
            widest = max(widest, metrics.text_width(printed, size, bold=bold, italic=italic))
    return Length(widest)


def baseline_shift(
    taller: Length, shorter: Length, *, bold: bool = False, italic: bool = False
) -> Length:
    """Space to add above a line of *shorter* text so its baseline meets a line of
    *taller* text that starts at the same height."""
    face = metrics.face(bold, italic)
    return Length(face.ascent_at(taller) - face.ascent_at(shorter))


def header_lines(lines: list[str], size: Length, width: Length, *, bold: bool) -> list[str]:
    """Names in UPPER case, each broken into even lines where it does not fit, between
    phrases (:mod:`drafter.layout.linebreak`)."""
    out: list[str] = []
    for line in lines:
        out += break_lines(upper(line), size, width, bold=bold)
    return out


class LineOptions(TypedDict, total=False):
    """How :func:`~drafter.layout.linebreak.break_lines` sets the lines (its keywords)."""

    bold: bool
    italic: bool
    balanced: bool


def display_text(text: str, size: Length, width: Length, **options: Unpack[LineOptions]) -> str:
    """*text* with the line breaks the layout chose, one display line per break-separated
    line, each narrower than *width*: the writers print these lines as they are."""
    return "\n".join(break_lines(text, size, width, **options))


def stamp(label: str, width: Length, align: Align, role: Role, text_role: Role) -> Table:
    """A single-border box with one bold line of text: ô 10a, 10b and 11."""
    text = para(label, MARK_SIZE, bold=True, role=text_role)
    return Table(
        columns=[width],
        rows=[Row([Cell([text], v_align=VAlign.CENTER)], height=STAMP_HEIGHT, exact_height=True)],
        align=align,
        borders=Border(pt(0.75)),
        role=role,
    )


def strip_item(text: str) -> str:
    """A list entry without the dash and end punctuation the user may have typed."""
    text = text.strip()
    if text.startswith(("- ", "+ ", "– ")):
        text = text[2:]
    return text.rstrip(" ;.,").strip()


def separate_tables(blocks: Sequence[Block]) -> list[Block]:
    """Put a thin paragraph between two tables that would touch: word processors merge
    adjacent tables into one, losing the second one's widths, alignment and borders."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Table):
            for cell in (c for row in block.rows for c in row.cells):
                cell.blocks = separate_tables(cell.blocks)
            if out and isinstance(out[-1], Table):
                out.append(spacer(pt(1), role=Role.TABLE_SEPARATOR))
        out.append(block)
    return out
