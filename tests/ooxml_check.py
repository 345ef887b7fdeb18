"""A small WordprocessingML checker: the checks Word makes before calling a file damaged.

Word refuses elements out of their schema sequence, unknown children of property
elements, tables whose cells do not end with a paragraph, and so on.  The sequences
below are copied from the ECMA-376 (5th edition, transitional) schema ``wml.xsd``:
CT_PPrBase + CT_PPr, EG_RPrBase (CT_RPr and CT_ParaRPr), CT_TblPr, CT_TcPr,
CT_TrPrBase, CT_SectPr, CT_PBdr, CT_TblBorders, CT_TcBorders, CT_TblCellMar,
CT_DocDefaults and CT_Style.  Each list is the full sequence, so an element the writer
does not use yet is still known in its right place.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

_RPR_BASE = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]

SEQUENCES: dict[str, list[str]] = {
    "pPr": [
        "pStyle",
        "keepNext",
        "keepLines",
        "pageBreakBefore",
        "framePr",
        "widowControl",
        "numPr",
        "suppressLineNumbers",
        "pBdr",
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ],
    "rPr": ["ins", "del", "moveFrom", "moveTo", *_RPR_BASE, "rPrChange"],
    "tblPr": [
        "tblStyle",
        "tblpPr",
        "tblOverlap",
        "bidiVisual",
        "tblStyleRowBandSize",
        "tblStyleColBandSize",
        "tblW",
        "jc",
        "tblCellSpacing",
        "tblInd",
        "tblBorders",
        "shd",
        "tblLayout",
        "tblCellMar",
        "tblLook",
        "tblCaption",
        "tblDescription",
        "tblPrChange",
    ],
    "tcPr": [
        "cnfStyle",
        "tcW",
        "gridSpan",
        "hMerge",
        "vMerge",
        "tcBorders",
        "shd",
        "noWrap",
        "tcMar",
        "textDirection",
        "tcFitText",
        "vAlign",
        "hideMark",
        "headers",
        "cellIns",
        "cellDel",
        "cellMerge",
        "tcPrChange",
    ],
    # CT_TrPrBase is a choice; Word writes it in this order, and so must we to be safe.
    "trPr": [
        "cnfStyle",
        "divId",
        "gridBefore",
        "gridAfter",
        "wBefore",
        "wAfter",
        "cantSplit",
        "trHeight",
        "tblHeader",
        "tblCellSpacing",
        "jc",
        "hidden",
        "ins",
        "del",
        "trPrChange",
    ],
    "sectPr": [
        "headerReference",
        "footerReference",
        "footnotePr",
        "endnotePr",
        "type",
        "pgSz",
        "pgMar",
        "paperSrc",
        "pgBorders",
        "lnNumType",
        "pgNumType",
        "cols",
        "formProt",
        "vAlign",
        "noEndnote",
        "titlePg",
        "textDirection",
        "bidi",
        "rtlGutter",
        "docGrid",
        "printerSettings",
        "sectPrChange",
    ],
    "pBdr": ["top", "left", "bottom", "right", "between", "bar"],
    "tblBorders": ["top", "left", "start", "bottom", "right", "end", "insideH", "insideV"],
    "tcBorders": [
        "top",
        "left",
        "start",
        "bottom",
        "right",
        "end",
        "insideH",
        "insideV",
        "tl2br",
        "tr2bl",
    ],
    "tblCellMar": ["top", "left", "start", "bottom", "right", "end"],
    "docDefaults": ["rPrDefault", "pPrDefault"],
    "style": [
        "name",
        "aliases",
        "basedOn",
        "next",
        "link",
        "autoRedefine",
        "hidden",
        "uiPriority",
        "semiHidden",
        "unhideWhenUsed",
        "qFormat",
        "locked",
        "personal",
        "personalCompose",
        "personalReply",
        "rsid",
        "pPr",
        "rPr",
        "tblPr",
        "trPr",
        "tcPr",
        "tblStylePr",
    ],
    "tbl": ["bookmarkStart", "tblPr", "tblGrid", "tr"],
    "tr": ["tblPrEx", "trPr", "tc"],
}
# headerReference and footerReference form one choice group in CT_SectPr.
_SAME_RANK = {("sectPr", "footerReference"): "headerReference"}
_REPEATABLE = {("sectPr", "headerReference"), ("tbl", "tr"), ("tr", "tc")}

FOUR_FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def order_problems(root: etree._Element, part: str = "") -> list[str]:
    """Every property element whose children break the schema sequence."""
    problems: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or not element.tag.startswith(f"{{{W}}}"):
            continue
        name = local(element.tag)
        sequence = SEQUENCES.get(name)
        if sequence is None:
            continue
        last = -1
        seen: set[str] = set()
        for child in element:
            if not isinstance(child.tag, str):
                continue
            child_name = local(child.tag)
            if not child.tag.startswith(f"{{{W}}}"):
                problems.append(f"{part}: foreign element {child.tag} in {name}")
                continue
            rank_name = _SAME_RANK.get((name, child_name), child_name)
            if name in ("tbl", "tr") and child_name not in sequence:
                continue  # block content (sdt, customXml…) is checked elsewhere
            if rank_name not in sequence:
                problems.append(f"{part}: unknown <{child_name}> in <{name}>")
                continue
            rank = sequence.index(rank_name)
            if rank < last:
                problems.append(
                    f"{part}: <{child_name}> after a later element in <{name}> "
                    f"(line {child.sourceline})"
                )
            if child_name in seen and (name, rank_name) not in _REPEATABLE:
                problems.append(f"{part}: <{child_name}> twice in <{name}>")
            seen.add(child_name)
            last = rank
    return problems


def structure_problems(root: etree._Element, part: str = "") -> list[str]:
    """Tables, cells and sections as Word needs them."""
    problems: list[str] = []
    for tbl in root.iter(w("tbl")):
        grid = tbl.find(w("tblGrid"))
        if tbl.find(w("tblPr")) is None or grid is None:
            problems.append(f"{part}: table without tblPr or tblGrid")
            continue
        columns = len(grid.findall(w("gridCol")))
        for tr in tbl.findall(w("tr")):
            cells = tr.findall(w("tc"))
            spans = sum(
                int(tc.find(f"{w('tcPr')}/{w('gridSpan')}").get(w("val")))
                if tc.find(f"{w('tcPr')}/{w('gridSpan')}") is not None
                else 1
                for tc in cells
            )
            if spans != columns:
                problems.append(f"{part}: a row has {spans} cells for {columns} grid columns")
            for tc in cells:
                blocks = [c for c in tc if isinstance(c.tag, str) and local(c.tag) != "tcPr"]
                if not blocks or local(blocks[-1].tag) != "p":
                    problems.append(f"{part}: a cell does not end with a paragraph")
    body = root.find(w("body"))
    if body is not None:
        children = [local(c.tag) for c in body if isinstance(c.tag, str)]
        if not children or children[-1] != "sectPr" or children.count("sectPr") != 1:
            problems.append(f"{part}: the body must end with its one sectPr")
    for p in root.iter(w("p")):
        children = [local(c.tag) for c in p if isinstance(c.tag, str)]
        if "pPr" in children and children.index("pPr") != 0:
            problems.append(f"{part}: pPr is not the first child of a paragraph")
    for r in root.iter(w("r")):
        children = [local(c.tag) for c in r if isinstance(c.tag, str)]
        if "rPr" in children and children.index("rPr") != 0:
            problems.append(f"{part}: rPr is not the first child of a run")
    return problems


def font_problems(
    root: etree._Element,
    part: str = "",
    font: str = "Times New Roman",
) -> list[str]:
    """Every font named is *font* for all four slots, no theme font is used, and the
    styles part gives it as the default every run inherits (runs name no font of their
    own: their paragraph styles carry it)."""
    problems: list[str] = []
    for fonts in root.iter(w("rFonts")):
        for slot in FOUR_FONT_SLOTS:
            if fonts.get(w(slot)) != font:
                problems.append(f"{part}: rFonts {slot}={fonts.get(w(slot))!r}")
        if any(local(attribute).endswith("Theme") for attribute in fonts.attrib):
            problems.append(f"{part}: rFonts uses a theme font")
    if (
        local(root.tag) == "styles"
        and root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('rFonts')}") is None
    ):
        problems.append(f"{part}: no default font for the runs")
    return problems


def parts(data: bytes) -> Iterator[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            yield name, package.read(name)


def parse(text: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    return etree.fromstring(text, parser)


def all_problems(data: bytes) -> list[str]:
    """Everything wrong with a .docx package, as far as these checks go."""
    problems: list[str] = []
    names: list[str] = []
    for name, content in parts(data):
        names.append(name)
        try:
            root = parse(content)
        except etree.XMLSyntaxError as error:
            problems.append(f"{name}: not XML: {error}")
            continue
        if name.startswith("word/") and name.endswith(".xml"):
            problems += order_problems(root, name)
            problems += structure_problems(root, name)
            problems += font_problems(root, name)
    for required in (
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
    ):
        if required not in names:
            problems.append(f"missing part {required}")
    return problems
