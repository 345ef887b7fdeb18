"""Ô 7, 8, 9b and 12: the signature blocks and Nơi nhận (with the drafter's mark), and
the confirmation block a type may add under Nơi nhận (Mẫu 1.10)."""

from __future__ import annotations

from drafter.core.cleaning import authority_line
from drafter.core.letter import Signature
from drafter.core.vietnamese import upper
from drafter.i18n import _
from drafter.layout import metrics
from drafter.layout.build.common import (
    Context,
    baseline_shift,
    display_text,
    empty,
    para,
    placeholder,
    spacer,
    strip_item,
)
from drafter.layout.model import Align, Block, Cell, Paragraph, Role, Row, Run, Table
from drafter.layout.units import Length, mm, pt

SIGNATURE_SPACE = mm(27)  # room for the handwritten signature and the seal
NOI_NHAN_LABEL_SIZE = pt(12)
NOI_NHAN_SIZE = pt(11)


def closing(ctx: Context) -> list[Block]:
    signatures = ctx.letter.signatures or [Signature()]
    first_size = pt(ctx.settings.signature_size)
    noi_nhan = noi_nhan_paragraphs(ctx, first_size)
    gap = spacer(pt(12))
    gap.keep_with_next = True
    if len(signatures) == 1:
        rows = [
            Row([Cell(noi_nhan), Cell(signature_paragraphs(ctx, signatures[0], ctx.right_width))])
        ]
        if ctx.doctype.confirmation_caption:
            rows.append(Row([Cell(confirmation(ctx)), Cell([empty()])]))
        return [gap, Table(columns=[ctx.left_width, ctx.right_width], rows=rows, role=Role.CLOSING)]
    half = Length(ctx.text_width // 2)
    columns = [half, Length(ctx.text_width - half)]
    rows = [
        Row(
            [
                Cell(signature_paragraphs(ctx, signatures[0], columns[0])),
                Cell(signature_paragraphs(ctx, signatures[1], columns[1])),
            ]
        )
    ]
    for i in range(2, len(signatures), 2):
        pair = signatures[i : i + 2]
        cells = [
            Cell(signature_paragraphs(ctx, s, column))
            for s, column in zip(pair, columns, strict=False)
        ]
        if len(cells) == 1:
            cells.append(Cell([empty()]))
        rows.append(Row(cells))
    for paragraph in noi_nhan[:1]:
        paragraph.space_before = pt(12)
    rows.append(Row([Cell(noi_nhan), Cell([empty()])]))
    return [gap, Table(columns=columns, rows=rows, role=Role.CLOSING)]


def confirmation(ctx: Context) -> list[Block]:
    """Bottom left, room for someone else to confirm with a signature and seal: the place
    of leave of a giấy nghỉ phép (Mẫu 1.10), under the caption its type declares."""
    size = pt(ctx.settings.signature_size)
    caption = para(
        ctx.doctype.confirmation_caption,
        size,
        bold=True,
        keep_with_next=True,
        role=Role.LEAVE_CONFIRMATION,
    )
    caption.space_before = pt(12)
    note = para("(Chữ ký, dấu)", size, italic=True, role=Role.LEAVE_CONFIRMATION_NOTE)
    note.space_after = SIGNATURE_SPACE
    return [caption, note]


def signature_paragraphs(ctx: Context, signature: Signature, width: Length) -> list[Block]:
    """Ô 7a–7c: authority and position lines, a note, room to sign, the name.  A line
    longer than the column *width* breaks between phrases ("CỤC TRƯỞNG / CỤC VĂN THƯ VÀ
    LƯU TRỮ NHÀ NƯỚC"), never at the column's end."""
    size = pt(ctx.settings.signature_size)
    lines = [authority_line(line) for line in signature.authority]
    lines += [signature.title] if signature.title else []
    out: list[Block] = [
        para(
            display_text(upper(line), size, width, bold=True),
            size,
            bold=True,
            keep_with_next=True,
            role=Role.SIGNATURE_LINE,
        )
        for line in lines
    ]
    if not lines and ctx.placeholders:
        out.append(
            placeholder(
                _("[Signer's position]"), size, keep_with_next=True, role=Role.SIGNATURE_LINE
            )
        )
    if signature.note:
        out.append(
            para(signature.note, size, italic=True, keep_with_next=True, role=Role.SIGNATURE_NOTE)
        )
    name = (
        para(signature.name, size, bold=True, role=Role.SIGNER)
        if signature.name or not ctx.placeholders
        else placeholder(_("[Signer's full name]"), size, role=Role.SIGNER)
    )
    name.space_before = SIGNATURE_SPACE
    out.append(name)
    return out


def noi_nhan_paragraphs(ctx: Context, first_line_size: Length) -> list[Paragraph]:
    """Ô 9b and 12: "Nơi nhận:" level with the first authority line, then the list."""
    letter = ctx.letter
    label = para(
        "Nơi nhận:",
        NOI_NHAN_LABEL_SIZE,
        bold=True,
        italic=True,
        align=Align.LEFT,
        keep_with_next=True,
        role=Role.NOI_NHAN_LABEL,
    )
    label.space_before = baseline_shift(first_line_size, NOI_NHAN_LABEL_SIZE, bold=True)
    items = [f"- {strip_item(line)};" for line in letter.noi_nhan]
    luu = strip_item(letter.luu.removeprefix("Lưu:").strip()) or "VT"
    items.append(f"- Lưu: {luu}.")
    dash = metrics.text_width("- ", NOI_NHAN_SIZE)
    out = [label]
    out += [
        Paragraph(
            [Run(item, NOI_NHAN_SIZE)],
            indent_left=dash,
            first_line=-dash,
            keep_with_next=True,
            role=Role.NOI_NHAN_ITEM,
        )
        for item in items
    ]
    if letter.drafter_mark:
        mark = upper(letter.drafter_mark)
        if letter.copies:
            mark += f".({letter.copies})"
        out.append(para(mark, NOI_NHAN_SIZE, align=Align.LEFT, role=Role.DRAFTER_MARK))
    return out
