"""The page model: what to print and where, with no knowledge of Word or Qt.

:func:`drafter.layout.build.build` fills it by applying NĐ 30; the .docx writer and
the Qt painter translate it and hold no rules of their own.  Its vocabulary follows
word processors (paragraphs with indents and spacing, tables with fixed columns,
sections with headers and footers), since both writers speak it.

Both writers honour every field (``tests/render/test_model_fields.py`` holds them to
it, field by field): a field one of them cannot write does not belong here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from drafter.layout.units import ZERO, Length


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


class VAlign(StrEnum):
    TOP = "top"
    CENTER = "center"
    BOTTOM = "bottom"


class LineRule(StrEnum):
    MULTIPLE = "multiple"  # a multiple of the font's single line height
    EXACT = "exact"
    AT_LEAST = "at_least"


@dataclass(frozen=True)
class LineSpacing:
    rule: LineRule = LineRule.MULTIPLE
    value: float = 1.0  # the multiple, or a height in points for EXACT and AT_LEAST


SINGLE = LineSpacing()


class Role(StrEnum):
    """What a paragraph or a table is, by the box of Appendix I it fills: tests find
    parts of the page by it, and the painter reports where each part was drawn."""

    NONE = ""
    # ô 1: Quốc hiệu and Tiêu ngữ
    QUOC_HIEU = "quoc_hieu"
    TIEU_NGU = "tieu_ngu"
    TIEU_NGU_RULE = "tieu_ngu_rule"
    # ô 2: parent body and issuer
    PARENT = "parent"
    ISSUER = "issuer"
    ISSUER_RULE = "issuer_rule"
    # ô 3, 4, 5b
    NUMBER = "number"
    DATE = "date"
    VV = "vv"
    HEADER = "header"  # the table of ô 1 to 5b
    # Mẫu 3.1: the copy block
    COPY_RULE = "copy_rule"
    # ô 5a: type name and summary
    TITLE = "title"
    SUMMARY = "summary"
    ATTACHED_TO = "attached_to"
    SUMMARY_RULE = "summary_rule"
    # ô 9a: Kính gửi (and the addressees of a công điện, Mẫu 1.6)
    KINH_GUI = "kinh_gui"
    KINH_GUI_ITEM = "kinh_gui_item"
    DONG_KINH_GUI = "dong_kinh_gui"
    DONG_KINH_GUI_ITEM = "dong_kinh_gui_item"
    DISPATCH_ADDRESSEE = "dispatch_addressee"
    # ô 6: the body, by the kind of its parsed block
    BODY = "body"
    CAN_CU = "can_cu"
    PART_LABEL = "part_label"
    PART_TITLE = "part_title"
    CHAPTER_LABEL = "chapter_label"  # "Chương I" (PART_LABEL is "Phần I")
    DIVISION_LABEL = "division_label"  # "Mục 1", "Tiểu mục 1"
    CENTERED = "centered"
    SECTION = "section"
    ARTICLE = "article"
    CLAUSE = "clause"
    POINT = "point"
    BODY_TABLE = "body_table"
    TABLE_HEADING = "table_heading"  # the text of a body table's header row
    TABLE_TEXT = "table_text"  # the text of its other rows
    # ô 7, 8, 9b, 12: the closing
    CLOSING = "closing"
    SIGNATURE_LINE = "signature_line"
    SIGNATURE_NOTE = "signature_note"
    SIGNER = "signer"
    NOI_NHAN_LABEL = "noi_nhan_label"
    NOI_NHAN_ITEM = "noi_nhan_item"
    DRAFTER_MARK = "drafter_mark"
    LEAVE_CONFIRMATION = "leave_confirmation"  # Mẫu 1.10
    LEAVE_CONFIRMATION_NOTE = "leave_confirmation_note"
    # ô 10a, 10b, 11: stamps, and the text inside them
    SECRECY = "secrecy"
    SECRECY_TEXT = "secrecy_text"
    URGENCY = "urgency"
    URGENCY_TEXT = "urgency_text"
    CIRCULATION = "circulation"
    CIRCULATION_TEXT = "circulation_text"
    # Page furniture: page number, ô 13
    PAGE_NUMBER = "page_number"
    FOOTER_ADDRESS = "footer_address"
    # Mẫu 2.1: appendix heading
    APPENDIX_LABEL = "appendix_label"
    APPENDIX_TITLE = "appendix_title"
    APPENDIX_REFERENCE = "appendix_reference"
    APPENDIX_RULE = "appendix_rule"
    # A thin paragraph that keeps two tables apart
    TABLE_SEPARATOR = "table_separator"
    # An empty paragraph that only makes room (or fills a cell)
    SPACER = "spacer"


class FieldCode(StrEnum):
    PAGE = "PAGE"


@dataclass(frozen=True)
class Run:
    text: str
    size: Length
    bold: bool = False
    italic: bool = False
    underline: bool = False
    field: FieldCode | None = None  # printed in place of the text (page number)
    # "RRGGBB", or "" for the text colour (black): the preview's grey placeholders.
    color: str = ""


@dataclass(frozen=True)
class Border:
    width: Length  # line thickness
    space: Length = ZERO  # gap between the text and the line


@dataclass
class Paragraph:
    runs: list[Run]
    align: Align = Align.LEFT
    indent_left: Length = ZERO
    indent_right: Length = ZERO
    first_line: Length = ZERO  # negative for a hanging indent
    space_before: Length = ZERO
    space_after: Length = ZERO
    line_spacing: LineSpacing = SINGLE
    keep_with_next: bool = False
    keep_lines: bool = False
    border_top: Border | None = None
    border_bottom: Border | None = None
    # A rule line: an empty paragraph that only draws border_top; its height is
    # line_spacing (EXACT), its font size the size of its empty run.
    # What the paragraph is: a paragraph style in the .docx, reported by the painter
    # with where it was drawn (the preview's search, the tests).
    role: Role = Role.NONE

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def size(self) -> Length:
        return self.runs[0].size if self.runs else ZERO


@dataclass
class Cell:
    # A sequence, not a list: builders hand over lists of paragraphs alone, and a cell
    # is never extended after it is built (separate_tables replaces it whole).
    blocks: Sequence[Block]
    v_align: VAlign = VAlign.TOP
    borders: Border | None = None  # a box around this one cell


@dataclass
class Row:
    cells: list[Cell]
    height: Length = ZERO  # a minimum height, or the exact one when exact_height
    exact_height: bool = False
    # A row never breaks across pages: both writers keep it whole.


@dataclass
class Table:
    columns: list[Length]  # widths; their sum is the table's width
    rows: list[Row]
    align: Align = Align.LEFT  # where the table sits between the margins (or in its cell)
    indent: Length = ZERO
    cell_margin: Length = ZERO  # left and right padding inside every cell
    borders: Border | None = None  # all inner and outer lines; None = borderless
    role: Role = Role.NONE  # the table's caption in the .docx; reported by the painter
    # The first rows are its header: repeated at the top of every page the table
    # continues on, in Word, LibreOffice and the painter alike.
    header_rows: int = 0

    @property
    def width(self) -> Length:
        return Length(sum(self.columns))


Block = Paragraph | Table


@dataclass
class PageSetup:
    width: Length
    height: Length
    margin_top: Length
    margin_bottom: Length
    margin_left: Length
    margin_right: Length
    header_distance: Length
    footer_distance: Length

    @property
    def text_width(self) -> Length:
        return Length(self.width - self.margin_left - self.margin_right)


@dataclass
class Section:
    """A run of pages with one page setup and one set of headers and footers.

    Page 1 of a section may differ (``first_header``/``first_footer``): NĐ 30 prints
    no page number on the first page and the address line (ô 13) only there.
    """

    page: PageSetup
    blocks: list[Block]
    header: list[Block] = field(default_factory=list)
    first_header: list[Block] = field(default_factory=list)
    footer: list[Block] = field(default_factory=list)
    first_footer: list[Block] = field(default_factory=list)
    different_first_page: bool = True
    restart_numbering: bool = True  # page numbers start at 1 (appendices count their own)


@dataclass
class Document:
    sections: list[Section]
    title: str = ""  # document properties (.docx core properties, PDF metadata)
    subject: str = ""
    author: str = ""
    font_name: str = "Times New Roman"  # every run's typeface
