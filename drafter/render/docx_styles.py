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


_BODY = dict(align=Align.JUSTIFY, space_before=pt(6), first_line=twips(720))
_HEADING = dict(bold=True, align=Align.CENTER, space_before=pt(6), keep_with_next=True)
_RULE = dict(
    size=pt(2), align=Align.CENTER, space_before=pt(2), line_spacing=LineSpacing(LineRule.EXACT, 3)
)
_STAMP = dict(size=pt(13), bold=True, align=Align.CENTER)
_CELL = dict(space_before=pt(2), space_after=pt(2))


def _style(style_id: str, name: str, **formatting: Any) -> ParagraphStyle:
    return ParagraphStyle(style_id, STYLE_PREFIX + name, **formatting)


# One style per paragraph role (tables' roles — the header table, the closing, body
# tables and stamps — are table captions, not paragraph styles).
STYLES: dict[Role, ParagraphStyle] = {
    Role.NONE: _style("DrafterText", "Văn bản"),
    # Header cells (ô 1 to 5b)
    Role.QUOC_HIEU: _style(
        "DrafterQuocHieu", "Quốc hiệu", size=pt(13), bold=True, align=Align.CENTER
    ),
    Role.TIEU_NGU: _style("DrafterTieuNgu", "Tiêu ngữ", bold=True, align=Align.CENTER),
    Role.TIEU_NGU_RULE: _style("DrafterTieuNguRule", "Đường kẻ dưới Tiêu ngữ", **_RULE),
    Role.PARENT: _style("DrafterParent", "Cơ quan chủ quản", size=pt(13), align=Align.CENTER),
    Role.ISSUER: _style(
        "DrafterIssuer", "Cơ quan ban hành", size=pt(13), bold=True, align=Align.CENTER
    ),
    Role.ISSUER_RULE: _style("DrafterIssuerRule", "Đường kẻ dưới cơ quan", **_RULE),
    Role.NUMBER: _style(
        "DrafterNumber", "Số, ký hiệu", size=pt(13), align=Align.CENTER, space_before=twips(138)
    ),
    Role.DATE: _style(
        "DrafterDate", "Địa danh, ngày tháng", italic=True, align=Align.CENTER, space_before=pt(6)
    ),
    Role.VV: _style(
        "DrafterVv", "Trích yếu công văn (V/v)", size=pt(12), align=Align.CENTER, space_before=pt(6)
    ),
    Role.COPY_RULE: _style("DrafterCopyRule", "Đường kẻ bản sao", **_RULE),
    # Type name and summary (ô 5a)
    Role.TITLE: _style(
        "DrafterTitle",
        "Tên loại văn bản",
        bold=True,
        align=Align.CENTER,
        space_before=pt(18),
        keep_with_next=True,
    ),
    Role.SUMMARY: _style(
        "DrafterSummary", "Trích yếu nội dung", bold=True, align=Align.CENTER, keep_with_next=True
    ),
    Role.ATTACHED_TO: _style(
        "DrafterAttachedTo",
        "Kèm theo văn bản",
        italic=True,
        align=Align.CENTER,
        keep_with_next=True,
    ),
    Role.SUMMARY_RULE: _style(
        "DrafterSummaryRule", "Đường kẻ dưới trích yếu", **{**_RULE, "space_before": pt(4)}
    ),
    # Recipients (ô 9a)
    Role.KINH_GUI: _style("DrafterKinhGui", "Kính gửi", space_before=pt(12), keep_with_next=True),
    Role.KINH_GUI_ITEM: _style("DrafterKinhGuiItem", "Nơi được kính gửi", keep_with_next=True),
    Role.DONG_KINH_GUI: _style("DrafterDongKinhGui", "Đồng kính gửi", keep_with_next=True),
    Role.DONG_KINH_GUI_ITEM: _style(
        "DrafterDongKinhGuiItem", "Nơi được đồng kính gửi", keep_with_next=True
    ),
    Role.DISPATCH_ADDRESSEE: _style(
        "DrafterDispatchAddressee", "Nơi nhận công điện", space_before=pt(6)
    ),
    # The body (ô 6)
    Role.BODY: _style("DrafterBody", "Nội dung", **_BODY),
    Role.CAN_CU: _style("DrafterCanCu", "Căn cứ", italic=True, **_BODY),
    Role.PART_LABEL: _style("DrafterPartLabel", "Phần", outline_level=0, **_HEADING),
    Role.CHAPTER_LABEL: _style("DrafterChapterLabel", "Chương", outline_level=1, **_HEADING),
    Role.DIVISION_LABEL: _style("DrafterDivisionLabel", "Mục", outline_level=2, **_HEADING),
    Role.PART_TITLE: _style("DrafterPartTitle", "Tên phần, chương, mục", **_HEADING),
    Role.CENTERED: _style(
        "DrafterCentered", "Dòng căn giữa", bold=True, align=Align.CENTER, space_before=pt(6)
    ),
    Role.SECTION: _style(
        "DrafterSection",
        "Đề mục (I, II…)",
        bold=True,
        keep_with_next=True,
        outline_level=0,
        **{**_BODY},
    ),
    Role.ARTICLE: _style(
        "DrafterArticle", "Điều", bold=True, keep_with_next=True, outline_level=3, **_BODY
    ),
    Role.CLAUSE: _style("DrafterClause", "Khoản", **_BODY),
    Role.POINT: _style("DrafterPoint", "Điểm", **_BODY),
    Role.TABLE_HEADING: _style(
        "DrafterTableHeading", "Tiêu đề bảng", bold=True, align=Align.CENTER, **_CELL
    ),
    Role.TABLE_TEXT: _style("DrafterTableText", "Chữ trong bảng", **_CELL),
    # The closing (ô 7, 8, 9b, 12)
    Role.SIGNATURE_LINE: _style(
        "DrafterSignatureLine",
        "Quyền hạn, chức vụ người ký",
        bold=True,
        align=Align.CENTER,
        keep_with_next=True,
    ),
    Role.SIGNATURE_NOTE: _style(
        "DrafterSignatureNote",
        "Ghi chú chữ ký",
        italic=True,
        align=Align.CENTER,
        keep_with_next=True,
    ),
    Role.SIGNER: _style(
        "DrafterSigner", "Họ tên người ký", bold=True, align=Align.CENTER, space_before=twips(1531)
    ),
    Role.NOI_NHAN_LABEL: _style(
        "DrafterNoiNhanLabel",
        "Nơi nhận",
        size=pt(12),
        bold=True,
        italic=True,
        space_before=twips(36),
        keep_with_next=True,
    ),
    Role.NOI_NHAN_ITEM: _style(
        "DrafterNoiNhanItem", "Danh sách nơi nhận", size=pt(11), keep_with_next=True
    ),
    Role.DRAFTER_MARK: _style("DrafterDrafterMark", "Ký hiệu người soạn thảo", size=pt(11)),
    Role.LEAVE_CONFIRMATION: _style(
        "DrafterLeaveConfirmation",
        "Xác nhận của cơ quan",
        bold=True,
        align=Align.CENTER,
        space_before=pt(12),
        keep_with_next=True,
    ),
    Role.LEAVE_CONFIRMATION_NOTE: _style(
        "DrafterLeaveConfirmationNote", "Ghi chú xác nhận", italic=True, align=Align.CENTER
    ),
    # Marks (ô 10a, 10b, 11)
    Role.SECRECY_TEXT: _style("DrafterSecrecyText", "Độ mật", **_STAMP),
    Role.URGENCY_TEXT: _style("DrafterUrgencyText", "Độ khẩn", **_STAMP),
    Role.CIRCULATION_TEXT: _style("DrafterCirculationText", "Phạm vi lưu hành", **_STAMP),
    # Page furniture
    Role.PAGE_NUMBER: _style("DrafterPageNumber", "Số trang", align=Align.CENTER),
    Role.FOOTER_ADDRESS: _style(
        "DrafterFooterAddress", "Địa chỉ, liên lạc (ô 13)", size=pt(11), align=Align.CENTER
    ),
    # Appendices
    Role.APPENDIX_LABEL: _style(
        "DrafterAppendixLabel", "Phụ lục", bold=True, align=Align.CENTER, keep_with_next=True
    ),
    Role.APPENDIX_TITLE: _style(
        "DrafterAppendixTitle", "Tên phụ lục", bold=True, align=Align.CENTER, keep_with_next=True
    ),
    Role.APPENDIX_REFERENCE: _style(
        "DrafterAppendixReference",
        "Phụ lục kèm theo",
        italic=True,
        align=Align.CENTER,
        keep_with_next=True,
    ),
    Role.APPENDIX_RULE: _style(
        "DrafterAppendixRule", "Đường kẻ dưới phụ lục", **{**_RULE, "space_before": pt(4)}
    ),
    # Room
    Role.TABLE_SEPARATOR: _style(
        "DrafterTableSeparator",
        "Ngăn cách hai bảng",
        size=pt(2),
        line_spacing=LineSpacing(LineRule.EXACT, 1),
    ),
    Role.SPACER: _style(
        "DrafterSpacer", "Khoảng trống", size=pt(2), line_spacing=LineSpacing(LineRule.EXACT, 1)
    ),
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
