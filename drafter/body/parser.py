"""Body text (Markdown) → blocks that know their place in the structure of NĐ 30.

Each line of the body is a paragraph, as a văn thư types it.  Markdown gives bold,
italic and tables; lists keep their markers as written ("1.", "-") because numbered
khoản and dashed items are text in an administrative document, not Word lists.  The
parser then recognises Phần/Chương/Mục headings, Điều, khoản, điểm, căn cứ lines and
centred headings such as "QUYẾT ĐỊNH:"; :mod:`drafter.layout` decides how each looks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from drafter.core.vietnamese import upper


class ColumnAlign(StrEnum):
    """A table column's alignment as its Markdown delimiter row marks it."""

    NONE = ""  # "---": the layout decides (text left, numbers by their column)
    LEFT = "left"  # ":---"
    CENTER = "center"  # ":---:"
    RIGHT = "right"  # "---:"


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"  # justified, first-line indent
    CAN_CU = "can_cu"  # a legal basis: italic, ";" after each, "." after the last
    PART_LABEL = "part_label"  # "Chương I", "Mục 2"…: centred, bold
    PART_TITLE = "part_title"  # the title under a part label: centred, bold, UPPER
    CENTERED = "centered"  # "QUYẾT ĐỊNH:", an authority line: centred, bold when titled
    SECTION = "section"  # "I. TÌNH HÌNH CHUNG" in a report: bold, UPPER
    ARTICLE = "article"  # "Điều 1. …": the label bold, the whole line bold when a title
    CLAUSE = "clause"  # "1. …" khoản: bold when it is a title
    POINT = "point"  # "a) …" điểm
    TABLE = "table"


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass
class Block:
    kind: BlockKind
    spans: list[Span] = field(default_factory=list)
    label: str = ""  # "Điều 1.", "1.", "a)": printed before the spans
    titled: bool = False  # the block is a title, not a sentence: printed bold
    rows: list[list[list[Span]]] = field(default_factory=list)  # TABLE: rows of cells
    header_rows: int = 0
    # TABLE: each column's alignment marker, as many as the widest row has cells
    column_align: list[ColumnAlign] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


_PART_RE = re.compile(r"^(Phần|Chương|Mục|Tiểu mục)\s+([IVXLCDM]+|\d+)\b\.?\s*(.*)$")
_ARTICLE_RE = re.compile(r"^(Điều\s+\d+[a-zđ]?\.)\s*(.*)$", re.DOTALL)
_SECTION_RE = re.compile(r"^([IVXLCDM]+\.)\s+(.+)$", re.DOTALL)
_CLAUSE_RE = re.compile(r"^(\d+(?:\.\d+)*\.)\s+(.+)$", re.DOTALL)
_POINT_RE = re.compile(r"^([a-zđ]\)|[a-zđ]\.\d+\))\s+(.+)$", re.DOTALL)
_CAN_CU_RE = re.compile(r"^(Căn cứ|Theo đề nghị|Xét đề nghị|Xét Tờ trình|Xét tờ trình)\b")
_TITLE_END = re.compile(r"[.;:,!?…]\s*$")


@cache
def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    # Indented lines are ordinary text here, and "---" under a line is not a heading.
    # Backticks mean nothing in an administrative letter: printed as typed, they keep
    # the spaces a code span would trim ("a` b`" would print "ab").
    md.disable(
        [
            "code",
            "fence",
            "lheading",
            "hr",
            "html_block",
            "html_inline",
            "image",
            "reference",
            "blockquote",
            "backticks",
        ]
    )
    return md


# A list marker at the start of a line: "-", "+", "*", "1." or "1)".  It is text in an
# administrative document, so it is escaped before Markdown sees it.  Markdown would
# otherwise nest "- - x" or an indented outline into lists, print a nested "-" as
# another marker, merge a lone "-" or "1." into the next line, and, past ten levels
# (markdown-it's nesting limit), drop that line and everything after it.
_LIST_MARKER_RE = re.compile(r"^([ \t]*)([-+*]|[0-9]+[.)])(?:[ \t]+|$)")


def _marker_as_text(line: str) -> str:
    """*line* with its list marker escaped and one space after it; as written otherwise."""
    match = _LIST_MARKER_RE.match(line)
    if not match:
        return line
    indent, marker = match.group(1), match.group(2)
    escaped = marker[:-1] + "\\" + marker[-1]
    rest = line[match.end() :]
    return f"{indent}{escaped} {rest}" if rest else f"{indent}{escaped}"


_CELL_SEPARATOR_RE = re.compile(r"(?<!\\)\|")
_DELIMITER_CELL_RE = re.compile(r"^\s*:?-+:?\s*$")


def _cells(row: str) -> list[str]:
    """The cells of a table row written with pipes ("| a | b |")."""
    inner = row.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return _CELL_SEPARATOR_RE.split(inner)


def _is_delimiter_row(row: str) -> bool:
    return all(_DELIMITER_CELL_RE.match(cell) for cell in _cells(row))


def _widened_table(rows: list[str]) -> list[str]:
    """*rows* with the header and delimiter rows as wide as the widest row after them.

    A row with more cells than the header would lose the extra cells (the table
    extension drops them); a văn thư's words are never dropped, so the table widens.
    """
    at = next((i for i in range(1, len(rows)) if _is_delimiter_row(rows[i])), None)
    if at is None or at + 1 >= len(rows):
        return rows
    widest = max(len(_cells(row)) for row in rows[at - 1 :])
    header, delimiter = _cells(rows[at - 1]), _cells(rows[at])
    if len(header) >= widest and len(delimiter) >= widest:
        return rows
    header += [" "] * (widest - len(header))
    delimiter += ["---"] * (widest - len(delimiter))
    return [
        *rows[: at - 1],
        "|" + "|".join(header) + "|",
        "|" + "|".join(delimiter) + "|",
        *rows[at + 1 :],
    ]


def _one_paragraph_per_line(text: str) -> str:
    """Separate every line by a blank line, keeping table rows together."""
    out: list[str] = []
    table: list[str] = []
    for line in [*text.split("\n"), None]:
        if line is not None and line.lstrip().startswith("|"):
            table.append(line)
            continue
        if table:
            out += ["", *_widened_table(table)] if out else _widened_table(table)
            table = []
        if line is not None:
            out += ["", _marker_as_text(line)] if out else [_marker_as_text(line)]
    return "\n".join(out)


def parse_body(text: str) -> list[Block]:
    """Parse body Markdown into structured blocks."""
    if not text.strip():
        return []
    tokens = _markdown().parse(_one_paragraph_per_line(text))
    blocks = _blocks_from_tokens(tokens)
    blocks = [_classify(b) for b in blocks]
    blocks = _split_parts(blocks)
    _mark_can_cu(blocks)
    return blocks


def _inline_spans(token: Token) -> list[Span]:
    spans: list[Span] = []
    bold = italic = underline = False
    for child in token.children or []:
        kind = child.type
        if kind == "strong_open":
            bold = True
        elif kind == "strong_close":
            bold = False
        elif kind == "em_open":
            italic = True
        elif kind == "em_close":
            italic = False
        elif kind in ("text", "code_inline", "html_inline"):
            _append(spans, Span(child.content, bold, italic, underline))
        elif kind in ("softbreak", "hardbreak"):
            _append(spans, Span("\n" if kind == "hardbreak" else " ", bold, italic, underline))
        elif kind in ("s_open", "s_close", "link_open", "link_close"):
            continue
    return spans


def _append(spans: list[Span], span: Span) -> None:
    if not span.text:
        return
    if spans and (spans[-1].bold, spans[-1].italic, spans[-1].underline) == (
        span.bold,
        span.italic,
        span.underline,
    ):
        spans[-1] = Span(spans[-1].text + span.text, span.bold, span.italic, span.underline)
    else:
        spans.append(span)


def _blocks_from_tokens(tokens: list[Token]) -> list[Block]:
    blocks: list[Block] = []
    heading = heading_bold = False
    table: Block | None = None
    row: list[list[Span]] | None = None
    in_head = False
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            # "# " centres a line in bold, "## " centres it in regular weight
            # (the "… trân trọng giới thiệu:" line of a giấy giới thiệu).
            heading = True
            heading_bold = token.tag == "h1"
        elif kind == "heading_close":
            heading = False
        elif kind == "table_open":
            table = Block(BlockKind.TABLE)
        elif kind == "table_close" and table is not None:
            blocks.append(table)
            table = None
        elif kind == "thead_open":
            in_head = True
        elif kind == "thead_close":
            in_head = False
        elif kind == "tr_open":
            row = []
        elif kind in ("th_open", "td_open") and table is not None and row is not None and in_head:
            style = str(token.attrs.get("style", ""))
            table.column_align.append(
                ColumnAlign(style.removeprefix("text-align:")) if style else ColumnAlign.NONE
            )
        elif kind == "tr_close" and table is not None and row is not None:
            table.rows.append(row)
            if in_head:
                table.header_rows += 1
            row = None
        elif kind == "inline":
            spans = _inline_spans(token)
            if row is not None:
                row.append(spans)
                continue
            block = Block(BlockKind.CENTERED if heading else BlockKind.PARAGRAPH, spans)
            if heading:
                block.titled = heading_bold
            blocks.append(block)
    return blocks


def _strip_label(block: Block, label: str) -> list[Span]:
    """The spans of *block* with the leading *label* and the space after it removed."""
    spans = list(block.spans)
    remaining = len(label)
    while spans and remaining > 0:
        first = spans[0]
        if len(first.text) <= remaining:
            remaining -= len(first.text)
            spans.pop(0)
        else:
            spans[0] = Span(first.text[remaining:], first.bold, first.italic, first.underline)
            remaining = 0
    if spans:
        first = spans[0]
        spans[0] = Span(first.text.lstrip(), first.bold, first.italic, first.underline)
        if not spans[0].text:
            spans.pop(0)
    return spans


def _is_title(text: str) -> bool:
    return bool(text.strip()) and len(text) <= 200 and not _TITLE_END.search(text)


def _is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters) and len(text) <= 150


def _classify(block: Block) -> Block:
    if block.kind is not BlockKind.PARAGRAPH:
        return block
    text = block.text.strip()
    for kind, pattern in (
        (BlockKind.ARTICLE, _ARTICLE_RE),
        (BlockKind.SECTION, _SECTION_RE),
        (BlockKind.CLAUSE, _CLAUSE_RE),
        (BlockKind.POINT, _POINT_RE),
    ):
        match = pattern.match(text)
        if match:
            label, rest = match.group(1), match.group(2)
            spans = _strip_label(block, label)
            if kind is BlockKind.SECTION:
                spans = [Span(upper(s.text), s.bold, s.italic, s.underline) for s in spans]
            titled = kind is BlockKind.SECTION or _is_title(rest)
            return Block(kind, spans, label=" ".join(label.split()), titled=titled)
    if _PART_RE.match(text):
        return Block(BlockKind.PART_LABEL, block.spans, titled=True)
    if _is_all_caps(text):
        return Block(BlockKind.CENTERED, block.spans, titled=True)
    return block


def _split_parts(blocks: list[Block]) -> list[Block]:
    """ "Chương I. QUY ĐỊNH CHUNG" on one line becomes a label and a title; a label
    line followed by its title turns that title into a PART_TITLE."""
    out: list[Block] = []
    expect_title = False
    for block in blocks:
        if block.kind is BlockKind.PART_LABEL:
            match = _PART_RE.match(block.text.strip())
            assert match is not None
            label = f"{match.group(1)} {match.group(2)}"
            out.append(Block(BlockKind.PART_LABEL, [Span(label)], titled=True))
            title = match.group(3).strip()
            if title:
                out.append(Block(BlockKind.PART_TITLE, [Span(upper(title))], titled=True))
            expect_title = not title
            continue
        if expect_title and block.kind in (BlockKind.PARAGRAPH, BlockKind.CENTERED):
            block = Block(
                BlockKind.PART_TITLE,
                [Span(upper(s.text), s.bold, s.italic, s.underline) for s in block.spans],
                titled=True,
            )
        expect_title = False
        out.append(block)
    return out


def _mark_can_cu(blocks: list[Block]) -> None:
    """A run of "Căn cứ …" lines that leads to a centred heading ("QUYẾT ĐỊNH:") is the
    legal basis: each line ends with ";" and the last with "." (NĐ 30, Appendix I)."""
    i = 0
    while i < len(blocks):
        j = i
        while (
            j < len(blocks)
            and blocks[j].kind is BlockKind.PARAGRAPH
            and _CAN_CU_RE.match(blocks[j].text.strip())
        ):
            j += 1
        if j > i and (j == len(blocks) or blocks[j].kind is BlockKind.CENTERED):
            for k in range(i, j):
                blocks[k].kind = BlockKind.CAN_CU
                _set_final_punctuation(blocks[k], "." if k == j - 1 else ";")
            i = j
        else:
            i = max(j, i + 1)


def _set_final_punctuation(block: Block, mark: str) -> None:
    last = block.spans[-1]
    text = last.text.rstrip().rstrip(";.,:")
    block.spans[-1] = Span(text + mark, last.bold, last.italic, last.underline)
