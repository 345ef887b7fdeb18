"""The .docx writer: translates the page model into WordprocessingML.

It holds no layout rules: every size, indent and line comes from the model.  The
package's fixed parts (styles, settings, font table) are prepared once per process,
and each letter costs only its ``document.xml`` and small header/footer parts, which
is what makes a batch of 500 letters feel instant.

Element order inside ``pPr``, ``rPr``, ``tblPr``… follows the schema sequence: Word
reports a file as damaged when it does not.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from drafter import __version__
from drafter.core.atomic import write_bytes_atomic
from drafter.layout.model import (
    Align,
    Block,
    Border,
    Cell,
    Document,
    LineSpacing,
    Paragraph,
    Role,
    Run,
    Section,
    Table,
    VAlign,
)
from drafter.layout.units import Length
from drafter.render.docx_styles import (
    STYLES,
    ParagraphStyle,
    indent_xml,
    spacing_xml,
    style_of,
    styles_xml,
    toggle,
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FONT = "Times New Roman"  # NĐ 30's typeface, the model's default

_JC = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right", Align.JUSTIFY: "both"}
_VALIGN = {VAlign.TOP: "top", VAlign.CENTER: "center", VAlign.BOTTOM: "bottom"}

# Relationship ids of the parts every document has.
_HEADER_PAGE, _HEADER_EMPTY = "rIdHeaderPage", "rIdHeaderEmpty"
_FOOTER_FIRST, _FOOTER_EMPTY = "rIdFooterFirst", "rIdFooterEmpty"


@functools.cache
def _fonts(font: str) -> str:
    name = _xml_attribute(font)
    return f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}"/>'


# --- runs and paragraphs --------------------------------------------------------------


def _run_properties(run: Run, style: ParagraphStyle) -> str:
    """The run's rPr, holding only what differs from its paragraph's style (the typeface
    is the document's default, in styles.xml)."""
    return _run_properties_of(run.size, run.bold, run.italic, run.underline, style, run.color)


@functools.cache
def _run_properties_of(
    size: Length, bold: bool, italic: bool, underline: bool, style: ParagraphStyle, color: str = ""
) -> str:
    parts = []
    if bold != style.bold:
        parts.append(toggle("b", bold))
    if italic != style.italic:
        parts.append(toggle("i", italic))
    if color:  # after the toggles and before the size, as the schema orders rPr
        parts.append(f'<w:color w:val="{_xml_attribute(color)}"/>')
    if size.half_points != style.size.half_points:
        half_points = size.half_points
        parts.append(f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>')
    if underline:
        parts.append('<w:u w:val="single"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>" if parts else ""


# Characters XML 1.0 cannot hold at all (C0 controls but tab, newline and return;
# lone surrogates; U+FFFE and U+FFFF).  Input is cleaned at the edges, but the writer
# must never produce a file Word calls damaged, whatever reaches it.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    # Not xml.sax.saxutils.escape: importing it pulls in urllib and http, ~15 ms of
    # start-up that every one-letter ``drafter render`` would pay.
    text = _NOT_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xml_attribute(text: str) -> str:
    return _xml_text(text).replace('"', "&quot;")


def _text_runs(run: Run, properties: str) -> str:
    if run.field is not None:
        return (
            f'<w:r>{properties}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{properties}<w:instrText xml:space="preserve"> {run.field.value} '
            f"</w:instrText></w:r>"
            f'<w:r>{properties}<w:fldChar w:fldCharType="separate"/></w:r>'
            f"<w:r>{properties}<w:t>2</w:t></w:r>"
            f'<w:r>{properties}<w:fldChar w:fldCharType="end"/></w:r>'
        )
    pieces = []
    for i, line in enumerate(run.text.split("\n")):
        if i:
            pieces.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                pieces.append("<w:tab/>")
            # A no-break hyphen is Word's own element (drafter.layout.characters).
            for k, piece in enumerate(chunk.split("\u2011")):
                if k:
                    pieces.append("<w:noBreakHyphen/>")
                if piece:
                    pieces.append(f'<w:t xml:space="preserve">{_xml_text(piece)}</w:t>')
    return f"<w:r>{properties}{''.join(pieces)}</w:r>" if pieces else ""


def _border(side: str, border: Border) -> str:
    return (
        f'<w:{side} w:val="single" w:sz="{max(2, border.width.eighth_points)}" '
        f'w:space="{round(border.space.pt)}" w:color="000000"/>'
    )


def _paragraph(paragraph: Paragraph, font: str) -> str:
    style = style_of(paragraph.role)
    mark = paragraph.runs[0] if paragraph.runs else None
    props = _paragraph_properties(
        paragraph.keep_with_next,
        paragraph.keep_lines,
        paragraph.border_top,
        paragraph.border_bottom,
        paragraph.line_spacing,
        int(paragraph.space_before),
        int(paragraph.space_after),
        int(paragraph.indent_left),
        int(paragraph.indent_right),
        int(paragraph.first_line),
        paragraph.align,
        _run_properties(mark, style) if mark is not None else "",
        style,
    )
    runs = "".join(_text_runs(run, _run_properties(run, style)) for run in paragraph.runs)
    return f"<w:p><w:pPr>{props}</w:pPr>{runs}</w:p>"


@functools.lru_cache(maxsize=1024)
def _paragraph_properties(
    keep_with_next: bool,
    keep_lines: bool,
    border_top: Border | None,
    border_bottom: Border | None,
    spacing: LineSpacing,
    space_before: int,
    space_after: int,
    indent_left: int,
    indent_right: int,
    first_line: int,
    align: Align,
    mark_properties: str,
    style: ParagraphStyle,
) -> str:
    """The pPr content, in schema order: the paragraph's named style, then only what
    differs from it.  A letter has few distinct ones, so they are built once and reused."""
    props = [f'<w:pStyle w:val="{style.style_id}"/>']
    if keep_with_next != style.keep_with_next:
        props.append("<w:keepNext/>" if keep_with_next else '<w:keepNext w:val="0"/>')
    if keep_lines:
        props.append("<w:keepLines/>")
    if border_top or border_bottom:
        borders = ""
        if border_top:
            borders += _border("top", border_top)
        if border_bottom:
            borders += _border("bottom", border_bottom)
        props.append(f"<w:pBdr>{borders}</w:pBdr>")
    before, after = Length(space_before), Length(space_after)
    if (before.twips, after.twips, spacing) != (
        style.space_before.twips,
        style.space_after.twips,
        style.line_spacing,
    ):
        props.append(spacing_xml(before, after, spacing))
    left, right, first = Length(indent_left), Length(indent_right), Length(first_line)
    if (left.twips, right.twips, first.twips) != (0, 0, style.first_line.twips):
        props.append(indent_xml(left, right, first))
    if align is not style.align:
        props.append(f'<w:jc w:val="{_JC[align]}"/>')
    props.append(mark_properties)
    return "".join(props)


# --- tables ---------------------------------------------------------------------------------


def _table_borders(border: Border | None) -> str:
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    if border is None:
        inner = "".join(f'<w:{side} w:val="nil"/>' for side in sides)
    else:
        inner = "".join(_border(side, border) for side in sides)
    return f"<w:tblBorders>{inner}</w:tblBorders>"


def _cell(cell: Cell, width: int, font: str) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if cell.borders is not None:
        sides = "".join(_border(side, cell.borders) for side in ("top", "left", "bottom", "right"))
        props += f"<w:tcBorders>{sides}</w:tcBorders>"
    props += f'<w:vAlign w:val="{_VALIGN[cell.v_align]}"/>'
    content = _blocks(cell.blocks, font)
    if not cell.blocks or isinstance(cell.blocks[-1], Table):
        content += _EMPTY_PARAGRAPH  # a cell must end with a paragraph
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def _table(table: Table, font: str) -> str:
    widths = [column.twips for column in table.columns]
    margin = table.cell_margin.twips
    props = [f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>']
    if table.align is not Align.LEFT:
        props.append(f'<w:jc w:val="{_JC[table.align]}"/>')
    else:
        props.append(f'<w:tblInd w:w="{table.indent.twips}" w:type="dxa"/>')
    props.append(_table_borders(table.borders))
    props.append('<w:tblLayout w:type="fixed"/>')
    props.append(
        f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        f'<w:left w:w="{margin}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        f'<w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
    )
    props.append(
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
    )
    if table.role is not Role.NONE:
        # What the table is, as its title for assistive technology.
        props.append(f'<w:tblCaption w:val="{table.role.value}"/>')
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    rows = []
    for index, row in enumerate(table.rows):
        row_props = "<w:cantSplit/>"  # a row never breaks across pages (nor does the painter)
        if row.height:
            rule = "exact" if row.exact_height else "atLeast"
            row_props += f'<w:trHeight w:val="{row.height.twips}" w:hRule="{rule}"/>'
        if index < table.header_rows:
            row_props += "<w:tblHeader/>"  # repeated at the top of every page
        cells = "".join(_cell(cell, widths[i], font) for i, cell in enumerate(row.cells))
        rows.append(f"<w:tr><w:trPr>{row_props}</w:trPr>{cells}</w:tr>")
    return (
        f"<w:tbl><w:tblPr>{''.join(props)}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        f"{''.join(rows)}</w:tbl>"
    )


# A cell or a section must end with a paragraph: the thinnest one, 1 pt high.
_EMPTY_PARAGRAPH = (
    f'<w:p><w:pPr><w:pStyle w:val="{STYLES[Role.SPACER].style_id}"/>'
    '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>'
)


def _blocks(blocks: Sequence[Block], font: str) -> str:
    return "".join(
        _paragraph(b, font) if isinstance(b, Paragraph) else _table(b, font) for b in blocks
    )


# --- sections and the package --------------------------------------------------------------


@dataclass(frozen=True)
class _References:
    """The relationship ids of one section's headers and footers."""

    header: str
    first_header: str
    footer: str
    first_footer: str


def _section_properties(section: Section, refs: _References) -> str:
    page = section.page
    references = (
        f'<w:headerReference w:type="default" r:id="{refs.header}"/>'
        f'<w:headerReference w:type="first" r:id="{refs.first_header}"/>'
        f'<w:footerReference w:type="default" r:id="{refs.footer}"/>'
        f'<w:footerReference w:type="first" r:id="{refs.first_footer}"/>'
    )
    numbering = '<w:pgNumType w:start="1"/>' if section.restart_numbering else ""
    title_page = "<w:titlePg/>" if section.different_first_page else ""
    return (
        f'<w:sectPr>{references}<w:type w:val="nextPage"/>'
        f'<w:pgSz w:w="{page.width.twips}" w:h="{page.height.twips}"/>'
        f'<w:pgMar w:top="{page.margin_top.twips}" w:right="{page.margin_right.twips}" '
        f'w:bottom="{page.margin_bottom.twips}" w:left="{page.margin_left.twips}" '
        f'w:header="{page.header_distance.twips}" w:footer="{page.footer_distance.twips}" '
        f'w:gutter="0"/>{numbering}<w:cols w:space="720"/>{title_page}</w:sectPr>'
    )


_DOCUMENT_OPEN = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
)


@dataclass
class _HeadersAndFooters:
    """Every header and footer part of a document, identical ones shared.

    The first section's page header and first-page footer are ``header1.xml`` and
    ``footer1.xml``, the empty ones ``header2.xml`` and ``footer2.xml``; any other
    (a combined mail merge of different issuers, a model with its own footers) gets a
    part of its own.
    """

    sections: list[_References]
    parts: dict[str, dict[str, str]]  # "hdr"/"ftr" → part XML → relationship id

    def xml_of(self, rel_id: str) -> str:
        kind = "hdr" if rel_id.startswith("rIdHeader") else "ftr"
        found = [xml for xml, rel in self.parts[kind].items() if rel == rel_id]
        return found[0] if found else _part(kind, [], FONT)

    def extra(self) -> list[tuple[str, str, str, str]]:
        """(relationship id, file name, kind, XML) of the parts beyond the usual four."""
        out = []
        for kind, name in (("hdr", "header"), ("ftr", "footer")):
            for xml, rel_id in self.parts[kind].items():
                number = rel_id.removeprefix(f"rId{name.capitalize()}")
                if number.isdigit():
                    out.append((rel_id, f"{name}{number}.xml", name, xml))
        return out


def _headers_and_footers(document: Document) -> _HeadersAndFooters:
    font = document.font_name
    parts: dict[str, dict[str, str]] = {
        "hdr": {_part("hdr", [], font): _HEADER_EMPTY},
        "ftr": {_part("ftr", [], font): _FOOTER_EMPTY},
    }

    def reference(kind: str, blocks: list[Block], preferred: str = "") -> str:
        xml = _part(kind, blocks, font)
        table = parts[kind]
        if xml not in table:
            prefix = "rIdHeader" if kind == "hdr" else "rIdFooter"
            numbered = sum(1 for rel in table.values() if rel.removeprefix(prefix).isdigit())
            table[xml] = preferred or f"{prefix}{numbered + 3}"  # 1 and 2 are the usual
        return table[xml]

    first = document.sections[0]
    reference("hdr", first.header, _HEADER_PAGE)
    reference("ftr", first.first_footer, _FOOTER_FIRST)
    sections = [
        _References(
            reference("hdr", s.header),
            reference("hdr", s.first_header),
            reference("ftr", s.footer),
            reference("ftr", s.first_footer),
        )
        for s in document.sections
    ]
    return _HeadersAndFooters(sections, parts)


def document_xml(document: Document, parts: _HeadersAndFooters | None = None) -> str:
    parts = parts or _headers_and_footers(document)
    font = document.font_name
    out = [_DOCUMENT_OPEN]
    last = len(document.sections) - 1
    for index, section in enumerate(document.sections):
        properties = _section_properties(section, parts.sections[index])
        out.append(_blocks(section.blocks, font))
        if index == last:
            if section.blocks and isinstance(section.blocks[-1], Table):
                out.append(_EMPTY_PARAGRAPH)
            out.append(properties)
        else:
            # A section ends with a paragraph carrying its properties.
            out.append(_EMPTY_PARAGRAPH.replace("</w:pPr>", properties + "</w:pPr>"))
    out.append("</w:body></w:document>")
    return "".join(out)


def _part(root: str, blocks: list[Block], font: str) -> str:
    content = _blocks(blocks, font) or _EMPTY_PARAGRAPH
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:{root} xmlns:w="{W_NS}" xmlns:r="{R_NS}">{content}</w:{root}>'
    )


def _core_properties(document: Document, created: dt.date | None) -> str:
    stamp = ""
    if created is not None:
        iso = f"{created.isoformat()}T00:00:00Z"
        stamp = (
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{iso}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{iso}</dcterms:modified>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/'
        'XMLSchema-instance">'
        f"<dc:title>{_xml_text(document.title)}</dc:title>"
        f"<dc:subject>{_xml_text(document.subject)}</dc:subject>"
        f"<dc:creator>{_xml_text(document.author)}</dc:creator>"
        f"<dc:language>vi-VN</dc:language>{stamp}</cp:coreProperties>"
    )


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.fontTable+xml"/>'
    + "".join(
        f'<Override PartName="/word/{name}.xml" ContentType="application/vnd.openxmlformats-'
        f'officedocument.wordprocessingml.{kind}+xml"/>'
        for name, kind in (
            ("header1", "header"),
            ("header2", "header"),
            ("footer1", "footer"),
            ("footer2", "footer"),
        )
    )
    + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.extended-properties+xml"/></Types>'
)

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)

_DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rIdStyles" Type="{_REL}styles" Target="styles.xml"/>'
    f'<Relationship Id="rIdSettings" Type="{_REL}settings" Target="settings.xml"/>'
    f'<Relationship Id="rIdFonts" Type="{_REL}fontTable" Target="fontTable.xml"/>'
    f'<Relationship Id="{_HEADER_PAGE}" Type="{_REL}header" Target="header1.xml"/>'
    f'<Relationship Id="{_HEADER_EMPTY}" Type="{_REL}header" Target="header2.xml"/>'
    f'<Relationship Id="{_FOOTER_FIRST}" Type="{_REL}footer" Target="footer1.xml"/>'
    f'<Relationship Id="{_FOOTER_EMPTY}" Type="{_REL}footer" Target="footer2.xml"/>'
    "</Relationships>"
)


def _styles(font: str) -> str:
    return styles_xml(_fonts(font))


_SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/>'
    '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    '<w:themeFontLang w:val="vi-VN"/></w:settings>'
)


@functools.cache
def _font_table(font: str) -> str:
    # Word matches a missing font by these; they are known for Times New Roman only.
    known = (
        (
            '<w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>'
            '<w:family w:val="roman"/>'
        )
        if font == FONT
        else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:fonts xmlns:w="{W_NS}"><w:font w:name="{_xml_attribute(font)}">'
        f'{known}<w:pitch w:val="variable"/></w:font></w:fonts>'
    )


_APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    f'extended-properties"><Application>Drafter {__version__}</Application></Properties>'
)


@functools.cache
def _fixed_parts(font: str) -> dict[str, str]:
    return {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _PACKAGE_RELS,
        "word/_rels/document.xml.rels": _DOCUMENT_RELS,
        "word/styles.xml": _styles(font),
        "word/settings.xml": _SETTINGS,
        "word/fontTable.xml": _font_table(font),
        "docProps/app.xml": _APP,
    }


# The package is a plain zip, written here rather than through ``zipfile``: its
# machinery cost more than the whole document's XML.  Parts that repeat from one
# letter to the next (the fixed ones, the page-number header, the address footer of a
# mail merge) are compressed once and reused; only document.xml and the core
# properties are compressed for each letter.  Entry dates are fixed (1980-01-01), so
# identical letters give identical files.
_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")


@dataclass(frozen=True)
class _Entry:
    name: bytes
    data: bytes  # deflated
    crc: int
    size: int


def _compress(name: str, text: str) -> _Entry:
    raw = text.encode("utf-8")
    deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    return _Entry(
        name.encode("ascii"), deflate.compress(raw) + deflate.flush(), zlib.crc32(raw), len(raw)
    )


@functools.lru_cache(maxsize=64)
def _repeated(name: str, text: str) -> _Entry:
    return _compress(name, text)


def _shared_header_fields(entry: _Entry) -> tuple[int, ...]:
    """The fields the local and the central headers both carry, in the same order:
    flags, method, time, date, CRC, compressed and full size, name and extra length."""
    return (
        0,
        zlib.DEFLATED,
        _DOS_TIME,
        _DOS_DATE,
        entry.crc,
        len(entry.data),
        entry.size,
        len(entry.name),
        0,
    )


def _zip(entries: list[_Entry]) -> bytes:
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for entry in entries:
        shared = _shared_header_fields(entry)
        # Version 2.0 needed (and made by); no comment, disk 0, no attributes.
        header = _LOCAL.pack(0x04034B50, 20, *shared)
        out += (header, entry.name, entry.data)
        central += (_CENTRAL.pack(0x02014B50, 20, 20, *shared, 0, 0, 0, 0, offset), entry.name)
        offset += len(header) + len(entry.name) + len(entry.data)
    directory = b"".join(central)
    end = _END.pack(0x06054B50, 0, 0, len(entries), len(entries), len(directory), offset, 0)
    return b"".join(out) + directory + end


def _extra_parts(extra: list[tuple[str, str, str, str]]) -> list[_Entry]:
    """Headers and footers beyond the usual four, with the content types and
    relationships that declare them."""
    entries = []
    overrides, relations = "", ""
    for rel_id, name, kind, xml in extra:
        entries.append(_compress(f"word/{name}", xml))
        overrides += (
            f'<Override PartName="/word/{name}" ContentType="application/'
            f'vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"/>'
        )
        relations += f'<Relationship Id="{rel_id}" Type="{_REL}{kind}" Target="{name}"/>'
    entries.append(
        _compress("[Content_Types].xml", _CONTENT_TYPES.replace("</Types>", overrides + "</Types>"))
    )
    entries.append(
        _compress(
            "word/_rels/document.xml.rels",
            _DOCUMENT_RELS.replace("</Relationships>", relations + "</Relationships>"),
        )
    )
    return entries


def to_bytes(document: Document, created: dt.date | None = None) -> bytes:
    """The .docx file of *document*, as bytes."""
    parts = _headers_and_footers(document)
    extra = parts.extra()
    fixed = _fixed_parts(document.font_name)
    if extra:
        fixed = {
            k: v
            for k, v in fixed.items()
            if k not in ("[Content_Types].xml", "word/_rels/document.xml.rels")
        }
    entries = [_repeated(name, text) for name, text in fixed.items()]
    if extra:
        entries += _extra_parts(extra)
    entries += [
        _compress("word/document.xml", document_xml(document, parts)),
        _repeated("word/header1.xml", parts.xml_of(_HEADER_PAGE)),
        _repeated("word/header2.xml", parts.xml_of(_HEADER_EMPTY)),
        _repeated("word/footer1.xml", parts.xml_of(_FOOTER_FIRST)),
        _repeated("word/footer2.xml", parts.xml_of(_FOOTER_EMPTY)),
        _compress("docProps/core.xml", _core_properties(document, created)),
    ]
    return _zip(entries)


def write(document: Document, path: Path, created: dt.date | None = None) -> None:
    """Write the .docx atomically: an existing file is replaced only once complete."""
    write_bytes_atomic(Path(path), to_bytes(document, created))


__all__ = ["document_xml", "to_bytes", "write"]
