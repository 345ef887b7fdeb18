"""The named Word styles of a Drafter .docx: one paragraph style per role of the page.

A văn thư who opens the file in Word finds every part of the letter under a
Vietnamese name in the Styles pane ("Drafter – Nội dung", "Drafter – Điều"…) and can
restyle all of the body at once; Phần, Chương, Mục and Điều carry outline levels 1–4,
so Word's Navigation Pane lists them.

A style here holds what most paragraphs of its role look like with the default
settings.  It is a default, not a rule: the writer compares every paragraph and run
of the page model with its style and writes only what differs, so the printed page
is the model's whatever the styles say (a 13 pt body, a letter with its own spacing
still print exactly as laid out).  The part is built once per font.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from drafter.layout.model import SINGLE, Align, LineRule, LineSpacing, Role
from drafter.layout.units import ZERO, Length, pt

twips = Length.from_twips

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BODY_SIZE = pt(14)  # the default settings' body size
STYLE_PREFIX = "Drafter – "  # every style's name starts so: they sort together in Word

_JC = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right", Align.JUSTIFY: "both"}


@dataclass(frozen=True)
class ParagraphStyle:
    """What a role's paragraphs look like unless the model says otherwise."""

    style_id: str  # ASCII, stable: Word and macros refer to it
    name: str  # Vietnamese, shown in Word
    size: Length = BODY_SIZE
    bold: bool = False
    italic: bool = False
    align: Align = Align.LEFT
    space_before: Length = ZERO
    space_after: Length = ZERO
    line_spacing: LineSpacing = SINGLE
    first_line: Length = ZERO  # never negative: a style's hanging indent would leak
    keep_with_next: bool = False
    outline_level: int | None = None  # 0 for level 1 of the Navigation Pane


# Looks that several roles share; a role's own entry adds what sets it apart.
_CENTRED = dict(align=Align.CENTER)
_CENTRED_LINE = dict(align=Align.CENTER, space_before=pt(6))
_HEADER_LINE = dict(size=pt(13), align=Align.CENTER)  # ô 1 and 2 and the number (ô 3)
_BODY = dict(align=Align.JUSTIFY, space_before=pt(6), first_line=twips(720))
_BODY_HEADING = dict(bold=True, keep_with_next=True, **_BODY)  # I, II… and Điều
_HEADING = dict(bold=True, keep_with_next=True, **_CENTRED_LINE)  # Phần, Chương, Mục
# A centred line kept with what follows it: a title, a caption, a signature's lines.
_CAPTION = dict(bold=True, align=Align.CENTER, keep_with_next=True)
_CAPTION_NOTE = dict(italic=True, align=Align.CENTER, keep_with_next=True)
_RULE = dict(
    size=pt(2), align=Align.CENTER, space_before=pt(2), line_spacing=LineSpacing(LineRule.EXACT, 3)
)
_TITLE_RULE = {**_RULE, "space_before": pt(4)}  # under a summary or an appendix's title
_STAMP = dict(size=pt(13), bold=True, align=Align.CENTER)
_CELL = dict(space_before=pt(2), space_after=pt(2))
_ROOM = dict(size=pt(2), line_spacing=LineSpacing(LineRule.EXACT, 1))  # a thin empty line


def _style(style_id: str, name: str, **formatting: Any) -> ParagraphStyle:
    """*style_id* and *name* without the prefix every Drafter style shares."""
    return ParagraphStyle("Drafter" + style_id, STYLE_PREFIX + name, **formatting)


# One style per paragraph role (tables' roles — the header table, the closing, body
# tables and stamps — are table captions, not paragraph styles).
STYLES: dict[Role, ParagraphStyle] = {
    Role.NONE: _style("Text", "Văn bản"),
    # Header cells (ô 1 to 5b)
    Role.QUOC_HIEU: _style("QuocHieu", "Quốc hiệu", bold=True, **_HEADER_LINE),
    Role.TIEU_NGU: _style("TieuNgu", "Tiêu ngữ", bold=True, **_CENTRED),
    Role.TIEU_NGU_RULE: _style("TieuNguRule", "Đường kẻ dưới Tiêu ngữ", **_RULE),
    Role.PARENT: _style("Parent", "Cơ quan chủ quản", **_HEADER_LINE),
    Role.ISSUER: _style("Issuer", "Cơ quan ban hành", bold=True, **_HEADER_LINE),
    Role.ISSUER_RULE: _style("IssuerRule", "Đường kẻ dưới cơ quan", **_RULE),
    Role.NUMBER: _style("Number", "Số, ký hiệu", space_before=twips(138), **_HEADER_LINE),
    Role.DATE: _style("Date", "Địa danh, ngày tháng", italic=True, **_CENTRED_LINE),
    Role.VV: _style("Vv", "Trích yếu công văn (V/v)", size=pt(12), **_CENTRED_LINE),
    Role.COPY_RULE: _style("CopyRule", "Đường kẻ bản sao", **_RULE),
    # Type name and summary (ô 5a)
    Role.TITLE: _style("Title", "Tên loại văn bản", space_before=pt(18), **_CAPTION),
    Role.SUMMARY: _style("Summary", "Trích yếu nội dung", **_CAPTION),
    Role.ATTACHED_TO: _style("AttachedTo", "Kèm theo văn bản", **_CAPTION_NOTE),
    Role.SUMMARY_RULE: _style("SummaryRule", "Đường kẻ dưới trích yếu", **_TITLE_RULE),
    # Recipients (ô 9a)
    Role.KINH_GUI: _style("KinhGui", "Kính gửi", space_before=pt(12), keep_with_next=True),
    Role.KINH_GUI_ITEM: _style("KinhGuiItem", "Nơi được kính gửi", keep_with_next=True),
    Role.DONG_KINH_GUI: _style("DongKinhGui", "Đồng kính gửi", keep_with_next=True),
    Role.DONG_KINH_GUI_ITEM: _style(
        "DongKinhGuiItem", "Nơi được đồng kính gửi", keep_with_next=True
    ),
    Role.DISPATCH_ADDRESSEE: _style("DispatchAddressee", "Nơi nhận công điện", space_before=pt(6)),
    # The body (ô 6)
    Role.BODY: _style("Body", "Nội dung", **_BODY),
    Role.CAN_CU: _style("CanCu", "Căn cứ", italic=True, **_BODY),
    Role.PART_LABEL: _style("PartLabel", "Phần", outline_level=0, **_HEADING),
    Role.CHAPTER_LABEL: _style("ChapterLabel", "Chương", outline_level=1, **_HEADING),
    Role.DIVISION_LABEL: _style("DivisionLabel", "Mục", outline_level=2, **_HEADING),
    Role.PART_TITLE: _style("PartTitle", "Tên phần, chương, mục", **_HEADING),
    Role.CENTERED: _style("Centered", "Dòng căn giữa", bold=True, **_CENTRED_LINE),
    Role.SECTION: _style("Section", "Đề mục (I, II…)", outline_level=0, **_BODY_HEADING),
    Role.ARTICLE: _style("Article", "Điều", outline_level=3, **_BODY_HEADING),
    Role.CLAUSE: _style("Clause", "Khoản", **_BODY),
    Role.POINT: _style("Point", "Điểm", **_BODY),
    Role.TABLE_HEADING: _style("TableHeading", "Tiêu đề bảng", bold=True, **_CENTRED, **_CELL),
    Role.TABLE_TEXT: _style("TableText", "Chữ trong bảng", **_CELL),
    # The closing (ô 7, 8, 9b, 12)
    Role.SIGNATURE_LINE: _style("SignatureLine", "Quyền hạn, chức vụ người ký", **_CAPTION),
    Role.SIGNATURE_NOTE: _style("SignatureNote", "Ghi chú chữ ký", **_CAPTION_NOTE),
    Role.SIGNER: _style(
        "Signer", "Họ tên người ký", bold=True, space_before=twips(1531), **_CENTRED
    ),
    Role.NOI_NHAN_LABEL: _style(
        "NoiNhanLabel",
        "Nơi nhận",
        size=pt(12),
        bold=True,
        italic=True,
        space_before=twips(36),
        keep_with_next=True,
    ),
    Role.NOI_NHAN_ITEM: _style(
        "NoiNhanItem", "Danh sách nơi nhận", size=pt(11), keep_with_next=True
    ),
    Role.DRAFTER_MARK: _style("DrafterMark", "Ký hiệu người soạn thảo", size=pt(11)),
    Role.LEAVE_CONFIRMATION: _style(
        "LeaveConfirmation", "Xác nhận của cơ quan", space_before=pt(12), **_CAPTION
    ),
    Role.LEAVE_CONFIRMATION_NOTE: _style(
        "LeaveConfirmationNote", "Ghi chú xác nhận", italic=True, **_CENTRED
    ),
    # Marks (ô 10a, 10b, 11)
    Role.SECRECY_TEXT: _style("SecrecyText", "Độ mật", **_STAMP),
    Role.URGENCY_TEXT: _style("UrgencyText", "Độ khẩn", **_STAMP),
    Role.CIRCULATION_TEXT: _style("CirculationText", "Phạm vi lưu hành", **_STAMP),
    # Page furniture
    Role.PAGE_NUMBER: _style("PageNumber", "Số trang", **_CENTRED),
    Role.FOOTER_ADDRESS: _style(
        "FooterAddress", "Địa chỉ, liên lạc (ô 13)", size=pt(11), **_CENTRED
    ),
    # Appendices
    Role.APPENDIX_LABEL: _style("AppendixLabel", "Phụ lục", **_CAPTION),
    Role.APPENDIX_TITLE: _style("AppendixTitle", "Tên phụ lục", **_CAPTION),
    Role.APPENDIX_REFERENCE: _style("AppendixReference", "Phụ lục kèm theo", **_CAPTION_NOTE),
    Role.APPENDIX_RULE: _style("AppendixRule", "Đường kẻ dưới phụ lục", **_TITLE_RULE),
    # Room
    Role.TABLE_SEPARATOR: _style("TableSeparator", "Ngăn cách hai bảng", **_ROOM),
    Role.SPACER: _style("Spacer", "Khoảng trống", **_ROOM),
}
TABLE_ROLES = {
    Role.HEADER,
    Role.BODY_TABLE,
    Role.CLOSING,
    Role.SECRECY,
    Role.URGENCY,
    Role.CIRCULATION,
}


def style_of(role: Role) -> ParagraphStyle:
    """The style a paragraph of *role* refers to (the plain text style for a role
    that has none of its own)."""
    return STYLES.get(role) or STYLES[Role.NONE]


# --- WordprocessingML ------------------------------------------------------------------


def spacing_xml(before: Length, after: Length, spacing: LineSpacing) -> str:
    if spacing.rule is LineRule.MULTIPLE:
        line = f'w:line="{round(240 * spacing.value)}" w:lineRule="auto"'
    else:
        rule = "exact" if spacing.rule is LineRule.EXACT else "atLeast"
        line = f'w:line="{round(spacing.value * 20)}" w:lineRule="{rule}"'
    return f'<w:spacing w:before="{before.twips}" w:after="{after.twips}" {line}/>'


def indent_xml(left: Length, right: Length, first_line: Length) -> str:
    """All three values, so that nothing of the style's indent is inherited."""
    first = first_line.twips
    indent = f'w:left="{left.twips}" w:right="{right.twips}"'
    if first >= 0:
        indent += f' w:firstLine="{first}"'
    else:
        indent += f' w:hanging="{-first}"'
    return f"<w:ind {indent}/>"


def toggle(element: str, on: bool) -> str:
    """A bold or italic toggle and its complex-script twin, set on or off."""
    value = "" if on else ' w:val="0"'
    return f"<w:{element}{value}/><w:{element}Cs{value}/>"


def _paragraph_style(style: ParagraphStyle) -> str:
    ppr = []
    if style.keep_with_next:
        ppr.append("<w:keepNext/>")
    ppr.append(spacing_xml(style.space_before, style.space_after, style.line_spacing))
    ppr.append(indent_xml(ZERO, ZERO, style.first_line))
    ppr.append(f'<w:jc w:val="{_JC[style.align]}"/>')
    if style.outline_level is not None:
        ppr.append(f'<w:outlineLvl w:val="{style.outline_level}"/>')
    rpr = (toggle("b", True) if style.bold else "") + (toggle("i", True) if style.italic else "")
    half_points = style.size.half_points
    rpr += f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
    return (
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style.style_id}">'
        f'<w:name w:val="{style.name}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
        f"<w:pPr>{''.join(ppr)}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


# Word's usual cell padding (0.19 cm left and right), so that a table the user inserts
# in Word does not touch its borders; Drafter's own tables set their padding.
_CELL_MARGINS = (
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
    "</w:tblCellMar>"
)
_GRID = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


@functools.cache
def styles_xml(fonts: str) -> str:
    """The whole styles part; *fonts* is the ``w:rFonts`` element every run inherits."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:styles xmlns:w="{W_NS}">'
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'{fonts}<w:sz w:val="28"/><w:szCs w:val="28"/>'
        '<w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        "<w:pPrDefault><w:pPr><w:widowControl/>"
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        "</w:pPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        f'<w:qFormat/><w:rPr>{fonts}<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>'
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "</w:style>"
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        f'<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>{_CELL_MARGINS}'
        "</w:tblPr></w:style>"
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
        '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr>'
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr>'
        f"<w:tblBorders>{_GRID}</w:tblBorders>{_CELL_MARGINS}</w:tblPr></w:style>"
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        + "".join(_paragraph_style(style) for style in STYLES.values())
        + "</w:styles>"
    )
