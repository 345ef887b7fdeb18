"""NĐ 30 applied: a letter and its parsed body become a :class:`Document`.

This is the one place where the standard's numbers (sizes, weights, indents, line
lengths, positions) are applied.  References such as "ô 3" are the boxes of the
layout diagram in Appendix I of the decree.
"""

from __future__ import annotations

from drafter.body.parser import Block as BodyBlock
from drafter.body.parser import BlockKind, Span, parse_body
from drafter.core.doctypes import DocType, HeaderStyle, Presence, SummaryStyle
from drafter.core.letter import Appendix, Circulation, Letter, Secrecy, Signature, Urgency
from drafter.core.numbering import compose_symbol, number_line, number_text
from drafter.core.vietnamese import date_words, place_date_line, upper
from drafter.layout import metrics
from drafter.layout.model import (
    Align,
    Block,
    Border,
    Cell,
    Document,
    FieldCode,
    LineRule,
    LineSpacing,
    PageSetup,
    Paragraph,
    Row,
    Run,
    Section,
    Table,
    VAlign,
)
from drafter.layout.settings import DEFAULT, LayoutSettings
from drafter.layout.units import ZERO, Length, mm, pt

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
END_MARK = "./."

RULE_WIDTH = pt(0.75)  # thickness of the solid rule lines
RULE_HEIGHT = pt(3)  # height of the thin paragraph that carries a rule line
RULE_GAP = pt(2)  # between the descenders of the text above and its rule line
TITLE_RULE_GAP = pt(4)  # under the summary and the appendix heading, set apart a little more
STAMP_HEIGHT = mm(8)  # urgency stamps are 8 mm high (Appendix I, II.10b)
SIGNATURE_SPACE = mm(27)  # room for the handwritten signature and the seal
NOI_NHAN_LABEL_SIZE = pt(12)
NOI_NHAN_SIZE = pt(11)
MARK_SIZE = pt(13)  # urgency, secrecy and circulation stamps
FOOTER_SIZE = pt(11)  # ô 13
CELL_PADDING = mm(1.5)  # inside body tables and stamps
KINH_GUI_INDENT = mm(35)  # "Kính gửi:" starts 3.5 cm from the margin (Mẫu 1.5)


class Builder:
    """Builds the document of one letter; one instance per letter."""

    def __init__(self, letter: Letter, doctype: DocType, body_markdown: str,
                 settings: LayoutSettings = DEFAULT) -> None:
        self.letter = letter
        self.doctype = doctype
        self.body_markdown = body_markdown
        self.s = settings
        self.page = PageSetup(
            width=mm(210), height=mm(297),
            margin_top=mm(settings.margin_top), margin_bottom=mm(settings.margin_bottom),
            margin_left=mm(settings.margin_left), margin_right=mm(settings.margin_right),
            header_distance=mm(10), footer_distance=mm(10),
        )
        self.body_size = pt(settings.body_size)
        self.text_width = self.page.text_width
        self.left_width = mm(settings.header_left_mm)
        self.right_width = Length(self.text_width - self.left_width)

    # --- the whole document ---------------------------------------------------------

    def build(self) -> Document:
        letter, doctype = self.letter, self.doctype
        blocks: list[Block] = []
        blocks += self.circulation_box()
        if doctype.header is HeaderStyle.APPENDIX:
            blocks += self.appendix_heading(letter.fields.get("so_phu_luc", "") or "",
                                            letter.subject, letter.attached_to)
        elif doctype.header is not HeaderStyle.COPY:
            blocks += [self.header_table()]
            blocks += self.title_block()
            blocks += self.kinh_gui_block()
        body = self.body_blocks(parse_body(self.body_markdown))
        if doctype.sample == "1.6":
            self.indent_dispatch_addressees(body)
        blocks += body
        if doctype.header is HeaderStyle.COPY:
            # Mẫu 3.1: the copied text (a trích sao's extract) comes first, then the
            # full-width line and the copier's block under it.
            blocks += self.copy_header()
        if doctype.header is not HeaderStyle.APPENDIX and not self.issued_with_another:
            if body and isinstance(body[-1], Paragraph):
                # The signature never stands alone on a page: the last lines of the
                # content go with it.
                body[-1].keep_with_next = True
            blocks += self.closing()
        sections = [Section(page=self.page, blocks=_separate_tables(blocks),
                            header=self.page_number_header(),
                            first_footer=self.footer_address())]
        for appendix in letter.appendices:
            sections.append(self.appendix_section(appendix))
        return Document(sections=sections, title=doctype.name, subject=letter.subject,
                        author=" ".join(letter.issuer.name))

    # --- small makers -------------------------------------------------------------

    def para(self, text: str, size: Length, *, bold: bool = False, italic: bool = False,
             align: Align = Align.CENTER, role: str = "", **options: object) -> Paragraph:
        return Paragraph([Run(text, size, bold=bold, italic=italic)], align=align, role=role,
                         **options)  # type: ignore[arg-type]

    def rule(self, width: Length, container: Length, role: str, *,
             space_before: Length = RULE_GAP) -> Paragraph:
        """A centred solid line *width* long inside a container *container* wide."""
        width = Length(min(width, container))
        side = Length((container - width) // 2)
        return Paragraph(
            [Run("", pt(2))], align=Align.CENTER, indent_left=side, indent_right=side,
            line_spacing=LineSpacing(LineRule.EXACT, RULE_HEIGHT.pt),
            space_before=space_before, border_top=Border(RULE_WIDTH), role=role)

    def wrapped_width(self, lines: list[str], size: Length, width: Length, *,
                      bold: bool = False, italic: bool = False) -> Length:
        """The width of the widest printed line once *lines* wrap in *width*."""
        widest = ZERO
        for line in lines:
            for printed in metrics.wrap(line, size, width, bold=bold, italic=italic):
                widest = max(widest, metrics.text_width(printed, size, bold=bold,
                                                         italic=italic))
        return Length(widest)

    def baseline_shift(self, taller: Length, shorter: Length, *, bold: bool = False,
                       italic: bool = False) -> Length:
        """Space to add above a line of *shorter* text so its baseline meets a line of
        *taller* text that starts at the same height."""
        face = metrics.face(bold, italic)
        return Length(face.ascent_at(taller) - face.ascent_at(shorter))

    # --- ô 11: circulation notice ------------------------------------------------------

    def circulation_box(self) -> list[Block]:
        if self.letter.circulation is Circulation.NONE:
            return []
        label = self.letter.circulation.label
        width = Length(metrics.text_width(label, MARK_SIZE, bold=True) + mm(6))
        return [self.stamp(label, width, Align.RIGHT, "circulation")]

    def stamp(self, label: str, width: Length, align: Align, role: str) -> Table:
        """A single-border box with one bold line of text: ô 10a, 10b and 11."""
        text = self.para(label, MARK_SIZE, bold=True, role=role + "_text")
        return Table(columns=[width], rows=[Row([Cell([text], v_align=VAlign.CENTER)],
                                                height=STAMP_HEIGHT, exact_height=True)],
                     align=align, borders=Border(pt(0.75)), role=role)

    # --- ô 1 to 4 and 5b: the header table ---------------------------------------------

    def issuer_paragraphs(self, width: Length) -> list[Paragraph]:
        """Ô 2: parent body (regular), issuer (bold), then the short rule line."""
        size = pt(self.s.issuer_size)
        issuer = self.letter.issuer
        parents = self.header_lines(issuer.parent, size, width, bold=False)
        out = [self.para(line, size, role="parent") for line in parents]
        names = self.header_lines(issuer.name, size, width, bold=True)
        out += [self.para(line, size, bold=True, role="issuer") for line in names]
        printed = self.wrapped_width(names, size, width, bold=True)
        out.append(self.rule(printed * self.s.rule_share, width, "issuer_rule"))
        return out

    def header_lines(self, lines: list[str], size: Length, width: Length, *,
                     bold: bool) -> list[str]:
        """Names in UPPER case, each broken into even lines where it does not fit."""
        out: list[str] = []
        for line in lines:
            out += metrics.balanced_wrap(upper(line), size, width, bold=bold)
        return out

    def national_paragraphs(self) -> list[Paragraph]:
        """Ô 1: Quốc hiệu and Tiêu ngữ with a line exactly as long as the Tiêu ngữ."""
        tn_size = pt(self.s.tieu_ngu_size)
        tn_width = metrics.text_width(TIEU_NGU, tn_size, bold=True)
        return [
            self.para(QUOC_HIEU, pt(self.s.quoc_hieu_size), bold=True, role="quoc_hieu"),
            self.para(TIEU_NGU, tn_size, bold=True, role="tieu_ngu"),
            self.rule(tn_width, self.right_width, "tieu_ngu_rule"),
        ]

    @property
    def issued_with_another(self) -> bool:
        """Mẫu 1.3: a document issued with a quyết định ("Kèm theo Quyết định số …") has
        no number, date line, Nơi nhận or signature of its own; the quyết định carries them."""
        return self.doctype.header is HeaderStyle.STANDARD and bool(self.letter.attached_to)

    def date_paragraph(self) -> Paragraph | None:
        """Ô 4, italic and centred; a long place name drops to 13 pt to stay on one line."""
        if not self.doctype.has_date or self.issued_with_another:
            return None
        year = self.letter.date.year if self.letter.date else None
        text = place_date_line(self.letter.place, self.letter.date, year_hint=year)
        size = pt(self.s.date_size)
        if metrics.text_width(text, size, italic=True) > self.right_width and size > pt(13):
            size = pt(13)
        return self.para(text, size, italic=True, role="date")

    def number_paragraph(self) -> Paragraph | None:
        if not self.doctype.has_number or self.issued_with_another:
            return None
        return self.para(number_line(self.letter, self.doctype), pt(self.s.number_size),
                         role="number")

    def header_table(self) -> Table:
        left = self.issuer_paragraphs(self.left_width)
        right = self.national_paragraphs()
        gap = pt(6)  # between the rule lines and the number/date line
        number, date = self.number_paragraph(), self.date_paragraph()
        left2: list[Block] = []
        right2: list[Block] = []
        if number is not None:
            number.space_before = gap
            if date is not None:
                # Ô 3 and ô 4 share a baseline although their sizes differ.
                number.space_before = gap + self.baseline_shift(date.size, number.size)
            left2.append(number)
        if date is not None:
            date.space_before = gap
            right2.append(date)
        left2 += self.vv_paragraphs()
        left2 += self.marks()
        rows = [Row([Cell(left), Cell(right)])]
        if left2 or right2:
            rows.append(Row([Cell(left2 or [self.empty()]), Cell(right2 or [self.empty()])]))
        return Table(columns=[self.left_width, self.right_width], rows=rows, role="header")

    def empty(self) -> Paragraph:
        return _spacer(pt(1))

    def vv_paragraphs(self) -> list[Paragraph]:
        """Ô 5b: a công văn's summary, "V/v …", 6 pt under the number, centred."""
        if self.doctype.summary is not SummaryStyle.VV or not self.letter.subject:
            return []
        return [self.para(f"V/v {self.letter.subject}", pt(self.s.vv_size),
                          space_before=pt(6), role="vv")]

    def marks(self) -> list[Block]:
        """Ô 10a (secrecy) then ô 10b (urgency), in the left block under the number."""
        out: list[Block] = []
        if self.letter.secrecy is not Secrecy.NONE:
            label = self.letter.secrecy.label
            width = Length(metrics.text_width(label, MARK_SIZE, bold=True) + mm(6))
            out += [self.spacer(pt(6)), self.stamp(label, width, Align.CENTER, "secrecy")]
        if self.letter.urgency is not Urgency.NONE:
            width = mm(self.letter.urgency.stamp_width_mm)
            out += [self.spacer(pt(6)),
                    self.stamp(self.letter.urgency.label, width, Align.CENTER, "urgency")]
        return out

    def spacer(self, height: Length) -> Paragraph:
        return _spacer(height)

    def copy_header(self) -> list[Block]:
        """Mẫu 3.1: full-width line, then copier and number left, copy form and date right."""
        size = pt(self.s.issuer_size)
        names = self.header_lines(self.letter.issuer.name, size, self.left_width, bold=True)
        left: list[Block] = [self.para(line, size, bold=True, role="issuer") for line in names]
        printed = self.wrapped_width(names, size, self.left_width, bold=True)
        left.append(self.rule(printed * self.s.rule_share, self.left_width, "issuer_rule"))
        right: list[Block] = [self.para(self.doctype.copy_label or upper(self.doctype.name),
                                        pt(self.s.title_size), bold=True, role="title")]
        number, date = self.number_paragraph(), self.date_paragraph()
        if date is not None:
            right.append(date)
        if number is not None:
            number.space_before = pt(6)
            left.append(number)
        top_rule = self.rule(self.text_width, self.text_width, "copy_rule")
        table = Table(columns=[self.left_width, self.right_width],
                      rows=[Row([Cell(left), Cell(right)])], role="header")
        return [top_rule, table]

    # --- ô 5a: type name and summary -------------------------------------------------

    def title_block(self) -> list[Block]:
        doctype, letter = self.doctype, self.letter
        if not doctype.title:
            return []
        size = pt(self.s.title_size)
        out: list[Block] = [self.para(doctype.printed_title, size, bold=True,
                                      space_before=pt(18), keep_with_next=True, role="title")]
        printed = [doctype.printed_title]
        if doctype.summary is SummaryStyle.TITLE and letter.subject:
            out.append(self.para(letter.subject, size, bold=True, keep_with_next=True,
                                 role="summary"))
            printed = [letter.subject]
        if letter.attached_to:
            out.append(self.para(f"({letter.attached_to})", size, italic=True,
                                 keep_with_next=True, role="attached_to"))
        width = self.wrapped_width(printed, size, self.text_width, bold=True)
        out.append(self.rule(width * self.s.rule_share, self.text_width, "summary_rule",
                             space_before=TITLE_RULE_GAP))
        return out

    def indent_dispatch_addressees(self, body: list[Block]) -> None:
        """Mẫu 1.6: the "- …;" addressees under "<sender> điện:" stand in the right part
        of the page, their dashes where a Kính gửi list puts them."""
        dash_x = KINH_GUI_INDENT + metrics.text_width("Kính gửi", self.body_size)
        dash_width = metrics.text_width("- ", self.body_size)
        after_heading = False
        for block in body:
            if not isinstance(block, Paragraph):
                break
            if block.role == "centered" and block.text.rstrip().endswith("điện:"):
                after_heading = True
            elif after_heading and block.role == "body" and block.text.startswith("- "):
                block.indent_left = Length(dash_x + dash_width)
                block.first_line = Length(-dash_width)
                block.align = Align.LEFT
                block.role = "dispatch_addressee"
            elif after_heading:
                break

    # --- ô 9a: Kính gửi ------------------------------------------------------------------

    def kinh_gui_block(self) -> list[Block]:
        letter = self.letter
        if self.doctype.kinh_gui is Presence.NONE or not letter.kinh_gui:
            return []
        size = self.body_size
        first_space = pt(12) if self.doctype.title else pt(18)
        out = self.recipient_lines("Kính gửi", letter.kinh_gui, size, first_space, "kinh_gui")
        if letter.dong_kinh_gui:
            out += self.recipient_lines("Đồng kính gửi", letter.dong_kinh_gui, size, pt(6),
                                        "dong_kinh_gui")
        return out

    def recipient_lines(self, label: str, recipients: list[str], size: Length,
                        space_before: Length, role: str) -> list[Paragraph]:
        """One recipient on the label's line; several as "- …;" lines, the last ending ".",
        with the dashes under the colon (Mẫu 1.5)."""
        indent = KINH_GUI_INDENT
        names = [_strip_item(r) for r in recipients]
        if len(names) == 1:
            lead = f"{label}: "
            lead_width = metrics.text_width(lead, size)
            return [Paragraph([Run(lead + names[0], size)], indent_left=indent + lead_width,
                              first_line=-lead_width, space_before=space_before,
                              keep_with_next=True, role=role)]
        out = [Paragraph([Run(f"{label}:", size)], indent_left=indent,
                         space_before=space_before, keep_with_next=True, role=role)]
        dash_x = indent + metrics.text_width(label, size)
        dash_width = metrics.text_width("- ", size)
        for i, name in enumerate(names):
            end = "." if i == len(names) - 1 else ";"
            out.append(Paragraph([Run(f"- {name}{end}", size)], indent_left=dash_x + dash_width,
                                 first_line=-dash_width, keep_with_next=True,
                                 role=f"{role}_item"))
        return out

    # --- ô 6: the body -------------------------------------------------------------------

    def body_paragraph(self, spans: list[Span], *, align: Align = Align.JUSTIFY,
                       indent: bool = True, bold: bool = False, italic: bool = False,
                       label: str = "", role: str = "body") -> Paragraph:
        size = self.body_size
        runs = [Run(label + (" " if spans else ""), size, bold=True, italic=italic)] \
            if label else []
        runs += [Run(s.text, size, bold=bold or s.bold, italic=italic or s.italic,
                     underline=s.underline) for s in spans]
        return Paragraph(
            runs or [Run("", size)], align=align,
            first_line=Length.from_mm(self.s.first_line_indent_cm * 10) if indent else ZERO,
            space_before=pt(self.s.paragraph_space_pt),
            line_spacing=LineSpacing(LineRule.MULTIPLE, self.s.line_spacing), role=role)

    def body_blocks(self, blocks: list[BodyBlock]) -> list[Block]:
        _add_end_mark(blocks)
        out: list[Block] = []
        for block in blocks:
            kind = block.kind
            if kind is BlockKind.TABLE:
                out.append(self.body_table(block))
            elif kind is BlockKind.CAN_CU:
                out.append(self.body_paragraph(block.spans, italic=True, role="can_cu"))
            elif kind in (BlockKind.PART_LABEL, BlockKind.PART_TITLE, BlockKind.CENTERED):
                paragraph = self.body_paragraph(block.spans, align=Align.CENTER, indent=False,
                                                bold=block.titled, role=kind.value)
                paragraph.keep_with_next = kind is not BlockKind.CENTERED or \
                    block.text.rstrip().endswith(":")
                out.append(paragraph)
            elif kind in (BlockKind.SECTION, BlockKind.ARTICLE, BlockKind.CLAUSE,
                          BlockKind.POINT):
                bold_label = kind in (BlockKind.SECTION, BlockKind.ARTICLE) or block.titled
                paragraph = self.body_paragraph(block.spans, bold=block.titled,
                                                label=block.label, role=kind.value)
                if not bold_label:
                    paragraph.runs[0] = Run(paragraph.runs[0].text, self.body_size)
                paragraph.keep_with_next = block.titled
                out.append(paragraph)
            else:
                out.append(self.body_paragraph(block.spans))
        return out

    def body_table(self, block: BodyBlock) -> Table:
        size = self.body_size
        columns = max(len(r) for r in block.rows)
        # Columns share the width in proportion to their longest word-wrapped content,
        # within bounds so that no column is squeezed to nothing.
        natural = [mm(15)] * columns
        for row in block.rows:
            for i, cell in enumerate(row):
                text = "".join(s.text for s in cell)
                natural[i] = max(natural[i], min(metrics.text_width(text, size), mm(90)))
        total = sum(natural)
        widths = [Length(self.text_width * n / total) for n in natural]
        widths[-1] = Length(self.text_width - sum(widths[:-1]))
        rows = []
        for r, row in enumerate(block.rows):
            header = r < block.header_rows
            cells = []
            for i in range(columns):
                spans = row[i] if i < len(row) else []
                runs = [Run(s.text, size, bold=header or s.bold, italic=s.italic)
                        for s in spans] or [Run("", size)]
                cells.append(Cell([Paragraph(runs, align=Align.CENTER if header else Align.LEFT,
                                             space_before=pt(2), space_after=pt(2))]))
            rows.append(Row(cells, cant_split=True))
        return Table(columns=widths, rows=rows, borders=Border(pt(0.5)),
                     cell_margin=CELL_PADDING, role="body_table")

    # --- ô 7, 8, 9b and 12: Nơi nhận and the signature ---------------------------------------

    def closing(self) -> list[Block]:
        letter = self.letter
        signatures = letter.signatures or [Signature()]
        first_size = pt(self.s.signature_size)
        noi_nhan = self.noi_nhan_paragraphs(first_size)
        spacer = self.spacer(pt(12))
        spacer.keep_with_next = True
        if len(signatures) == 1:
            rows = [Row([Cell(noi_nhan), Cell(self.signature_paragraphs(signatures[0]))])]
            if self.doctype.sample == "1.10":
                rows.append(Row([Cell(self.leave_confirmation()), Cell([self.empty()])]))
            return [spacer, Table(columns=[self.left_width, self.right_width], rows=rows,
                                  role="closing")]
        half = Length(self.text_width // 2)
        columns = [half, Length(self.text_width - half)]
        rows = [Row([Cell(self.signature_paragraphs(signatures[0])),
                     Cell(self.signature_paragraphs(signatures[1]))])]
        for i in range(2, len(signatures), 2):
            pair = signatures[i:i + 2]
            cells = [Cell(self.signature_paragraphs(s)) for s in pair]
            if len(cells) == 1:
                cells.append(Cell([self.empty()]))
            rows.append(Row(cells))
        for paragraph in noi_nhan[:1]:
            paragraph.space_before = pt(12)
        rows.append(Row([Cell(noi_nhan), Cell([self.empty()])]))
        return [spacer, Table(columns=columns, rows=rows, role="closing")]

    def leave_confirmation(self) -> list[Block]:
        """Mẫu 1.10: bottom left of a giấy nghỉ phép, room for the place of leave to
        confirm, with its signature and seal."""
        size = pt(self.s.signature_size)
        caption = self.para("Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương "
                            "nơi nghỉ phép (nếu cần)", size, bold=True, keep_with_next=True,
                            role="leave_confirmation")
        caption.space_before = pt(12)
        note = self.para("(Chữ ký, dấu)", size, italic=True, role="leave_confirmation_note")
        note.space_after = SIGNATURE_SPACE
        return [caption, note]

    def signature_paragraphs(self, signature: Signature) -> list[Block]:
        size = pt(self.s.signature_size)
        out: list[Block] = [self.para(upper(line), size, bold=True, keep_with_next=True,
                                      role="signature_line") for line in signature.lines]
        if signature.note:
            out.append(self.para(signature.note, size, italic=True, keep_with_next=True,
                                 role="signature_note"))
        name = self.para(signature.name, size, bold=True, role="signer")
        name.space_before = SIGNATURE_SPACE
        out.append(name)
        return out

    def noi_nhan_paragraphs(self, first_line_size: Length) -> list[Paragraph]:
        """Ô 9b and 12: "Nơi nhận:" level with the first authority line, then the list."""
        letter = self.letter
        label = self.para("Nơi nhận:", NOI_NHAN_LABEL_SIZE, bold=True, italic=True,
                          align=Align.LEFT, keep_with_next=True, role="noi_nhan_label")
        label.space_before = self.baseline_shift(first_line_size, NOI_NHAN_LABEL_SIZE,
                                                 bold=True)
        items = [f"- {_strip_item(line)};" for line in letter.noi_nhan]
        luu = _strip_item(letter.luu.removeprefix("Lưu:").strip()) or "VT"
        items.append(f"- Lưu: {luu}.")
        dash = metrics.text_width("- ", NOI_NHAN_SIZE)
        out = [label]
        out += [Paragraph([Run(item, NOI_NHAN_SIZE)], indent_left=dash, first_line=-dash,
                          keep_with_next=True, role="noi_nhan_item") for item in items]
        if letter.drafter_mark:
            mark = upper(letter.drafter_mark)
            if letter.copies:
                mark += f".({letter.copies})"
            out.append(self.para(mark, NOI_NHAN_SIZE, align=Align.LEFT, role="drafter_mark"))
        return out

    # --- headers, footers, appendices ------------------------------------------------------

    def page_number_header(self) -> list[Block]:
        """Page numbers: centred in the top margin, body size, from page 2 on."""
        return [Paragraph([Run("", self.body_size, field=FieldCode.PAGE)], align=Align.CENTER,
                          role="page_number")]

    def footer_address(self) -> list[Block]:
        """Ô 13 on page 1 only, under a line across the whole text width."""
        issuer = self.letter.issuer
        parts = [("Địa chỉ: ", issuer.address), ("ĐT: ", issuer.phone), ("Fax: ", issuer.fax),
                 ("E-Mail: ", issuer.email), ("Website: ", issuer.website)]
        text = "; ".join(f"{label}{value}" for label, value in parts if value)
        if not text:
            return []
        return [Paragraph([Run(text, FOOTER_SIZE)], align=Align.CENTER,
                          border_top=Border(RULE_WIDTH, pt(1)), role="footer_address")]

    def appendix_heading(self, number: str, title: str, reference: str) -> list[Block]:
        """Mẫu 2.1: "Phụ lục" (14 pt bold), title (bold, UPPER), reference (italic)."""
        size = pt(self.s.title_size)
        label = f"Phụ lục {number}".strip()
        out: list[Block] = [self.para(label, pt(14), bold=True, keep_with_next=True,
                                      role="appendix_label")]
        if title:
            out.append(self.para(upper(title), size, bold=True, keep_with_next=True,
                                 role="appendix_title"))
        if reference:
            out.append(self.para(f"({reference.strip('()')})", size, italic=True,
                                 keep_with_next=True, role="appendix_reference"))
        printed = [upper(title)] if title else [label]
        width = self.wrapped_width(printed, size, self.text_width, bold=True)
        out.append(self.rule(width * self.s.rule_share, self.text_width, "appendix_rule",
                             space_before=TITLE_RULE_GAP))
        return out

    def appendix_reference(self) -> str:
        letter, doctype = self.letter, self.doctype
        symbol = compose_symbol(letter, doctype)
        number = f"{number_text(letter.number)}/{symbol}"
        when = date_words(letter.date) if letter.date else "ngày … tháng … năm …"
        name = letter.issuer.name_in_sentence
        issuer = f" của {name}" if name else ""
        return f"Kèm theo {doctype.name} số {number} {when}{issuer}"

    def appendix_section(self, appendix: Appendix) -> Section:
        blocks = self.appendix_heading(appendix.number, appendix.title,
                                       self.appendix_reference())
        blocks += self.body_blocks(parse_body(appendix.body))
        return Section(page=self.page, blocks=_separate_tables(blocks),
                       header=self.page_number_header())


def _strip_item(text: str) -> str:
    """A list entry without the dash and end punctuation the user may have typed."""
    text = text.strip()
    if text.startswith(("- ", "+ ", "– ")):
        text = text[2:]
    return text.rstrip(" ;.,").strip()


def _spacer(height: Length, role: str = "") -> Paragraph:
    """An empty paragraph exactly *height* high: vertical room, or the thinnest filler
    where a cell or a gap needs a paragraph."""
    return Paragraph([Run("", pt(2))], line_spacing=LineSpacing(LineRule.EXACT, height.pt),
                     role=role)


def _separate_tables(blocks: list[Block]) -> list[Block]:
    """Put a thin paragraph between two tables that would touch: word processors merge
    adjacent tables into one, losing the second one's widths, alignment and borders."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Table):
            for cell in (c for row in block.rows for c in row.cells):
                cell.blocks = _separate_tables(cell.blocks)
            if out and isinstance(out[-1], Table):
                out.append(_spacer(pt(1), role="table_separator"))
        out.append(block)
    return out


def _add_end_mark(blocks: list[BodyBlock]) -> None:
    """The content ends with "./." as in every sample of Appendix III."""
    for block in reversed(blocks):
        if block.kind is BlockKind.TABLE:
            return
        if not block.spans:
            continue
        last = block.spans[-1]
        text = last.text.rstrip()
        if text.endswith(END_MARK):
            return
        if text.endswith((";", ",", ":")):
            text = text[:-1]
        text = text.removesuffix(".") + END_MARK
        block.spans[-1] = Span(text, last.bold, last.italic, last.underline)
        return


def build(letter: Letter, doctype: DocType, body_markdown: str,
          settings: LayoutSettings = DEFAULT) -> Document:
    return Builder(letter, doctype, body_markdown, settings).build()
