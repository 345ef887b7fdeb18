"""The Qt painter: lays out the page model on A4 pages and draws them with QPainter.

It is a small layout engine for :mod:`drafter.layout.model`, holding no rules of NĐ 30:
paragraphs are broken into lines by ``QTextLayout``; line heights, spacing, indents,
tables, pagination (keep-with-next, rows that cannot split), headers and footers
follow what Word and LibreOffice do with the same model written as .docx, so the
preview, the PDF and the .docx agree.

Everything is measured in *dots* of a 1440-dpi device (twips, 635 EMU each), never on
the 96-dpi screen: the screen preview paints the same dots scaled down.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPainter,
    QPen,
    QRawFont,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

from drafter import fonts
from drafter.core.atomic import WriteError
from drafter.i18n import _
from drafter.layout import metrics
from drafter.layout.model import (
    Align,
    Block,
    Document,
    LineRule,
    Paragraph,
    Role,
    Run,
    Section,
    Table,
    VAlign,
)
from drafter.layout.units import Length

# 1440 dpi: a dot is a twip, and every font size in half points is a whole number of
# dots (Qt rounds font pixel sizes; at 1200 dpi 13 pt became 217 px, 0.15 % too wide).
DPI = 1440
EMU_PER_DOT = 914_400 // DPI  # 635
DOTS_PER_POINT = DPI / 72
FONT_FAMILY = "Times New Roman"  # NĐ 30's typeface: drawn from the files fonts.resolve chose
PRIVATE_FAMILY_PREFIX = "Drafter "
DEFAULT_TAB_STOP = 720.0  # dots: Word's default tab stop, half an inch (defaultTabStop 720)

_ALIGN = {
    Align.LEFT: Qt.AlignmentFlag.AlignLeft,
    Align.CENTER: Qt.AlignmentFlag.AlignHCenter,
    Align.RIGHT: Qt.AlignmentFlag.AlignRight,
    Align.JUSTIFY: Qt.AlignmentFlag.AlignJustify,
}


def dots(length: int) -> float:
    """A model length (EMU) in dots."""
    return int(length) / EMU_PER_DOT


@cache
def measuring_device() -> QImage:
    """An image whose resolution is the layout's: fonts resolve to 1440-dpi sizes on it."""
    image = QImage(1, 1, QImage.Format.Format_RGB32)
    dpm = round(DPI / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    return image


# --- the font files the layout measured -----------------------------------------------------


_font_problems: list[str] = []


@cache
def registered_families() -> dict[fonts.Face, str]:
    """Register the files :func:`drafter.fonts.resolve` chose with Qt, once; the family
    each face is drawn with.  Empty when no suitable file exists (the window and the
    CLI say what to install, and Qt's own choice for Times New Roman stands in).

    Qt may prefer a system font of the same family name over a registered one (Debian's
    Liberation Serif 1.x, without Vietnamese, beside the 2.x file chosen): each face is
    checked to come from its file, and if one does not, the files are registered again
    under a family name of their own (:func:`drafter.fonts.private_copy`).
    """
    choice = fonts.resolve()
    if not choice.suitable:
        return {}
    paths = {face: chosen.path for face, chosen in choice.faces.items()}
    families = _register(paths)
    if _astray(families, paths):
        try:
            paths = {
                face: fonts.private_copy(chosen.path, PRIVATE_FAMILY_PREFIX + chosen.family)
                for face, chosen in choice.faces.items()
            }
            families = _register(paths)
        except (OSError, WriteError):
            pass  # no cache folder to write the copies in: said below, face by face
    for face in _astray(families, paths):
        message = _(
            "The preview and the PDF cannot draw with {path}; they may use another "
            "typeface than the .docx."
        ).format(path=choice.faces[face].path)
        _font_problems.append(message)
        warnings.warn(message, RuntimeWarning, stacklevel=2)
    return families


def font_problem() -> str | None:
    """Why the painter does not draw with the measured files, if it does not."""
    registered_families()
    return "\n".join(_font_problems) or None


def forget_fonts() -> None:
    """Register and choose the faces again on next use (after the resolver changed its
    mind: tests, or fonts installed while Drafter runs)."""
    registered_families.cache_clear()
    qfont.cache_clear()
    _font_problems.clear()


def _register(paths: dict[fonts.Face, Path]) -> dict[fonts.Face, str]:
    families = {}
    for face, path in paths.items():
        font_id = QFontDatabase.addApplicationFont(str(path))
        names = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if names:
            families[face] = names[0]
    return families


def _astray(families: dict[fonts.Face, str], paths: dict[fonts.Face, Path]) -> list[fonts.Face]:
    """The faces Qt would not draw from their file: compared by the file's head table."""
    astray = []
    for face, path in paths.items():
        family = families.get(face)
        drawn = QRawFont.fromFont(_face_font(family, *face)) if family else None
        expected = fonts.table_bytes(path, "head")
        if (
            drawn is None
            or not drawn.isValid()
            or expected is None
            or bytes(drawn.fontTable("head").data()) != expected
        ):
            astray.append(face)
    return astray


def _face_font(family: str, bold: bool, italic: bool) -> QFont:
    font = QFont(family)
    font.setBold(bold)
    font.setItalic(italic)
    return font


@cache
def qfont(
    size_half_points: int, bold: bool, italic: bool, underline: bool, family: str = FONT_FAMILY
) -> QFont:
    """The font of a run.  Times New Roman is drawn from the very files the layout
    measured (or Qt's own choice when none is installed); another family the model
    names is asked of Qt by its name."""
    if family == FONT_FAMILY:
        family = registered_families().get((bold, italic), FONT_FAMILY)
    font = QFont(family)
    font.setPointSizeF(size_half_points / 2)
    font.setBold(bold)
    font.setItalic(italic)
    font.setUnderline(underline)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)  # Word does not kern by default
    return font


def _font_of(run: Run, family: str) -> QFont:
    return qfont(run.size.half_points, run.bold, run.italic, run.underline, family)


def single_line_height(run: Run) -> float:
    """Word's and LibreOffice's single line for this run's face and size, in dots."""
    return dots(metrics.face(run.bold, run.italic).line_height_at(run.size))


def ascent(run: Run) -> float:
    """Top of the line to the baseline: LibreOffice puts the font's line gap above the
    ascent (measured: without it every baseline sat 0.2 mm high)."""
    face = metrics.face(run.bold, run.italic)
    return (
        dots(face.ascent_at(run.size))
        + run.size.pt * DOTS_PER_POINT * face.line_gap / face.units_per_em
    )


# --- what gets drawn ---------------------------------------------------------------------


@dataclass
class TextLine:
    layout: QTextLayout
    index: int
    x: float  # left edge of the line box
    baseline: float
    text: str  # for tests and for searching the preview

    def draw(self, painter: QPainter, dx: float, dy: float) -> None:
        line = self.layout.lineAt(self.index)
        line.draw(
            painter, QPointF(self.x + dx - line.x(), self.baseline + dy - line.ascent() - line.y())
        )


@dataclass
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float


@dataclass
class Page:
    """One laid-out page: what to draw, in dots from the page's top-left corner."""

    width: float
    height: float
    number: int  # the printed page number (restarts in each appendix)
    lines: list[TextLine] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    roles: list[tuple[Role, str, QRectF]] = field(default_factory=list)  # role, text, box

    def paint(self, painter: QPainter) -> None:
        painter.fillRect(QRectF(0, 0, self.width, self.height), Qt.GlobalColor.white)
        painter.setPen(Qt.GlobalColor.black)
        for line in self.lines:
            line.draw(painter, 0, 0)
        for rule in self.rules:
            pen = QPen(QColor(0, 0, 0))
            pen.setWidthF(rule.width)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawLine(QPointF(rule.x1, rule.y1), QPointF(rule.x2, rule.y2))

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


# --- laid-out blocks, placed later -----------------------------------------------------------


@dataclass
class _Piece:
    """A laid-out unit that moves as a whole: one line of a paragraph, or one table row."""

    height: float
    lines: list[TextLine]  # positions relative to the piece's top
    rules: list[Rule]
    roles: list[tuple[Role, str, QRectF]]
    keep_with_next: bool = False  # the last piece of a keep-with-next paragraph
    space_before: float = 0.0  # dropped at the top of a page after a natural break
    keep_with_previous: bool = False  # a following line of a keep-lines paragraph
    # A table's header rows, drawn again above this row when it starts a page.
    header: list[_Piece] = field(default_factory=list)


def _shifted(piece: _Piece, dx: float, dy: float) -> _Piece:
    return _Piece(
        piece.height,
        [TextLine(t.layout, t.index, t.x + dx, t.baseline + dy, t.text) for t in piece.lines],
        [Rule(r.x1 + dx, r.y1 + dy, r.x2 + dx, r.y2 + dy, r.width) for r in piece.rules],
        [(role, text, box.translated(dx, dy)) for role, text, box in piece.roles],
        piece.keep_with_next,
        piece.space_before,
        piece.keep_with_previous,
    )


class BlockLayout:
    """Lays out blocks inside a column; text is measured on the 1440-dpi device."""

    def __init__(self, page_number: int = 1, font_name: str = FONT_FAMILY) -> None:
        self.page_number = page_number
        self.font_name = font_name

    # --- paragraphs ---------------------------------------------------------------------

    def paragraph(self, paragraph: Paragraph, width: float) -> list[_Piece]:
        """The paragraph as pieces: its lines, the first one carrying the space before."""
        runs = paragraph.runs or [Run("", Length(0))]
        # A no-break hyphen is a hyphen and a word joiner: the fonts have no glyph for
        # U+2011, and the joiner keeps the line from breaking after it, as Word does.
        texts = [
            str(self.page_number)
            if run.field is not None
            else run.text.replace("\u2011", "-\u2060")
            for run in runs
        ]
        text = "".join(texts).replace("\n", "\u2028")
        layout = QTextLayout(text, _font_of(runs[0], self.font_name), measuring_device())
        formats = []
        start = 0
        for run, piece in zip(runs, texts, strict=True):
            if piece:
                char_format = QTextCharFormat()
                char_format.setFont(_font_of(run, self.font_name))
                if run.color:
                    char_format.setForeground(QColor(f"#{run.color}"))
                fmt = QTextLayout.FormatRange()
                fmt.start, fmt.length, fmt.format = start, len(piece), char_format
                formats.append(fmt)
            start += len(piece)
        layout.setFormats(formats)
        option = QTextOption(_ALIGN[paragraph.align])
        option.setUseDesignMetrics(True)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        option.setTabStopDistance(DEFAULT_TAB_STOP)
        layout.setTextOption(option)

        left, right = dots(paragraph.indent_left), dots(paragraph.indent_right)
        first = dots(paragraph.first_line)
        tallest = max(runs, key=lambda r: single_line_height(r) if r.size else 0)
        single = single_line_height(tallest) if tallest.size else 0.0
        rise = ascent(tallest) if tallest.size else 0.0
        spacing = paragraph.line_spacing
        if spacing.rule is LineRule.MULTIPLE:
            height = single * spacing.value
        elif spacing.rule is LineRule.EXACT:
            height = spacing.value * DOTS_PER_POINT
        else:
            height = max(single, spacing.value * DOTS_PER_POINT)
        # LibreOffice keeps the baseline at the font's ascent for single and proportional
        # spacing; an exact height shifts it by the difference, centring the text.
        baseline = rise if spacing.rule is not LineRule.EXACT else rise - (single - height)

        lines: list[tuple[int, float]] = []  # (index, x)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            indent = left + (first if not lines else 0.0)
            line.setLineWidth(max(1.0, width - indent - right))
            lines.append((line.lineNumber(), indent))
        layout.endLayout()

        top_border = paragraph.border_top
        border_space = 0.0
        pieces: list[_Piece] = []
        for n, (index, x) in enumerate(lines):
            line = layout.lineAt(index)
            line_text = text[line.textStart() : line.textStart() + line.textLength()].replace(
                "\u2060", ""
            )
            rules: list[Rule] = []
            offset = 0.0
            if n == 0 and top_border is not None:
                thickness = dots(top_border.width)
                border_space = dots(top_border.space) + thickness
                rules.append(Rule(left, thickness / 2, width - right, thickness / 2, thickness))
                offset = border_space
            text_line = TextLine(layout, index, x, offset + baseline, line_text.strip())
            piece_height = offset + height
            roles: list[tuple[Role, str, QRectF]] = []
            if paragraph.role:
                box = QRectF(x, offset, line.naturalTextWidth(), height)
                roles.append((paragraph.role, line_text.strip(), box))
            # Widow and orphan control, as LibreOffice applies it to our .docx: never
            # one line of a paragraph alone at the foot or the head of a page.  A
            # keep-with-next paragraph moves whole with what follows (LibreOffice does).
            tied = n > 0 and (
                paragraph.keep_lines or paragraph.keep_with_next or n == 1 or n == len(lines) - 1
            )
            pieces.append(_Piece(piece_height, [text_line], rules, roles, keep_with_previous=tied))
        if paragraph.border_bottom is not None:
            thickness = dots(paragraph.border_bottom.width)
            gap = dots(paragraph.border_bottom.space)
            last = pieces[-1]
            y = last.height + gap + thickness / 2
            last.rules.append(Rule(left, y, width - right, y, thickness))
            last.height += gap + thickness
        before = dots(paragraph.space_before)
        pieces[0] = _shifted(pieces[0], 0, before)
        pieces[0].height += before
        pieces[0].space_before = before
        pieces[-1].height += dots(paragraph.space_after)
        pieces[-1].keep_with_next = paragraph.keep_with_next
        return pieces

    # --- tables ------------------------------------------------------------------------

    def table(self, table: Table, width: float) -> list[_Piece]:
        """The table as one piece per row, placed where the model says."""
        widths = [dots(c) for c in table.columns]
        total = sum(widths)
        if table.align is Align.CENTER:
            x0 = (width - total) / 2
        elif table.align is Align.RIGHT:
            x0 = width - total
        else:
            x0 = dots(table.indent)
        margin = dots(table.cell_margin)
        border = dots(table.borders.width) if table.borders else 0.0
        pieces = []
        for row in table.rows:
            contents = []
            x = x0
            for column, cell in enumerate(row.cells):
                cell_width = widths[column] if column < len(widths) else 0.0
                inner = self.column(cell.blocks, cell_width - 2 * margin)
                contents.append((cell, x, cell_width, inner))
                x += cell_width
            # LibreOffice adds the width of a row's top line (and of the table's bottom
            # line, on the last row) to the height of a bordered row.
            top_line = border
            bottom_line = border if row is table.rows[-1] else 0.0
            natural = max((sum(p.height for p in inner) for *_, inner in contents), default=0.0)
            minimum = dots(row.height)
            # An exact height grows by one line width (measured), its text centred in it.
            if row.exact_height:
                top_line = bottom_line = border / 2
            height = (
                minimum + 2 * top_line
                if row.exact_height
                else max(natural + top_line + bottom_line, minimum)
            )
            piece = _Piece(height, [], [], [])
            for cell, cx, cell_width, inner in contents:
                used = sum(p.height for p in inner)
                dy = top_line
                room = height - top_line - bottom_line
                if cell.v_align is VAlign.CENTER:
                    dy += (room - used) / 2
                elif cell.v_align is VAlign.BOTTOM:
                    dy += room - used
                for part in inner:
                    moved = _shifted(part, cx + margin, dy)
                    piece.lines += moved.lines
                    piece.rules += moved.rules
                    piece.roles += moved.roles
                    dy += part.height
                if cell.borders is not None:
                    piece.rules += _box(cx, 0, cell_width, height, dots(cell.borders.width))
            if table.borders is not None:
                for _cell, cx, cell_width, _inner in contents:
                    piece.rules += _box(cx, 0, cell_width, height, border)
            pieces.append(piece)
        if table.role and pieces:
            pieces[0].roles.append((table.role, "", QRectF(x0, 0, total, pieces[0].height)))
        # Header rows stay with the first row under them (LibreOffice does not leave a
        # header alone at the foot of a page) and are repeated above every row that
        # starts a later page.
        heading = pieces[: table.header_rows]
        for index, piece in enumerate(pieces):
            if 0 < index <= len(heading):
                piece.keep_with_previous = True
            if index >= len(heading):
                piece.header = heading
        return pieces

    def column(self, blocks: Sequence[Block], width: float) -> list[_Piece]:
        """Blocks stacked in a column (a cell, a header): one piece per line or row."""
        pieces: list[_Piece] = []
        for block in blocks:
            if isinstance(block, Paragraph):
                pieces += self.paragraph(block, width)
            else:
                pieces += self.table(block, width)
        return pieces


def _box(x: float, y: float, w: float, h: float, width: float) -> list[Rule]:
    return [
        Rule(x, y, x + w, y, width),
        Rule(x, y + h, x + w, y + h, width),
        Rule(x, y, x, y + h, width),
        Rule(x + w, y, x + w, y + h, width),
    ]


# --- pagination ------------------------------------------------------------------------------


def _block_pieces(engine: BlockLayout, block: Block, width: float) -> list[_Piece]:
    return (
        engine.paragraph(block, width)
        if isinstance(block, Paragraph)
        else engine.table(block, width)
    )


def _chain_end(pieces: list[_Piece], start: int) -> int:
    """The index after the pieces that must go on the same page as ``pieces[start]``:
    a keep-with-next paragraph takes the first line of what follows it."""
    end = start + 1
    while end < len(pieces) and (pieces[end - 1].keep_with_next or pieces[end].keep_with_previous):
        end += 1
    return end


def paginate(document: Document) -> list[Page]:
    pages: list[Page] = []
    for section in document.sections:
        # A section that does not restart its numbers goes on from the last page.
        first = 1 if section.restart_numbering or not pages else pages[-1].number + 1
        pages += _paginate_section(section, first, document.font_name)
    return pages


def _paginate_section(
    section: Section, first_number: int = 1, font_name: str = FONT_FAMILY
) -> list[Page]:
    setup = section.page
    page_w, page_h = dots(setup.width), dots(setup.height)
    left = dots(setup.margin_left)
    width = dots(setup.text_width)
    top, bottom = dots(setup.margin_top), page_h - dots(setup.margin_bottom)
    engine = BlockLayout(font_name=font_name)
    pieces: list[_Piece] = []
    for block in section.blocks:
        new = _block_pieces(engine, block, width)
        if (
            isinstance(block, Table)
            and not block.header_rows
            and pieces
            and pieces[-1].keep_with_next
        ):
            # LibreOffice keeps a keep-with-next paragraph with the whole of a table
            # like the closing's (measured on every type's sample).  A table with a
            # header row goes on under it: the paragraph keeps with the header and the
            # first row only (measured with 60-row tables at every break position).
            for row in new[1:]:
                row.keep_with_previous = True
        pieces += new
    pages: list[Page] = []
    page = Page(page_w, page_h, first_number)
    y = top
    index = 0
    while index < len(pieces):
        end = _chain_end(pieces, index)
        chain = pieces[index:end]
        needed = sum(p.height for p in chain)
        at_top = y == top
        if y + needed > bottom and not at_top:
            if needed > bottom - top:  # a chain longer than a page breaks where it must
                end = index + 1
                chain = pieces[index:end]
                needed = chain[0].height
            if y + needed > bottom:
                pages.append(page)
                page = Page(page_w, page_h, first_number + len(pages))
                y = top
                at_top = True
                for row in chain[0].header:  # a table goes on under its header
                    _place(page, row, left, y)
                    y += row.height
        for n, piece in enumerate(chain):
            dy = y
            if n == 0 and at_top and pages:
                dy -= piece.space_before  # no space before at the top of a later page
                y -= piece.space_before
            _place(page, piece, left, dy)
            y += piece.height
        index = end
    pages.append(page)
    for index, page in enumerate(pages):
        _decorate(page, section, engine, left, width, first=index == 0)
    return pages


def _place(page: Page, piece: _Piece, x: float, y: float) -> None:
    moved = _shifted(piece, x, y)
    page.lines += moved.lines
    page.rules += moved.rules
    page.roles += moved.roles


def _decorate(
    page: Page, section: Section, engine: BlockLayout, left: float, width: float, *, first: bool
) -> None:
    """Header (page number) and footer (ô 13) of one page; *first* is the section's
    first page."""
    first = first and section.different_first_page
    header = section.first_header if first else section.header
    footer = section.first_footer if first else section.footer
    engine.page_number = page.number
    setup = section.page
    if header:
        y = dots(setup.header_distance)
        for piece in engine.column(header, width):
            _place(page, piece, left, y)
            y += piece.height
    if footer:
        pieces = engine.column(footer, width)
        y = page.height - dots(setup.footer_distance) - sum(p.height for p in pieces)
        for piece in pieces:
            _place(page, piece, left, y)
            y += piece.height


# --- painting --------------------------------------------------------------------------------


def render_page_image(page: Page, width_px: int) -> QImage:
    """The page as an image *width_px* wide, for the on-screen preview."""
    scale = width_px / page.width
    height_px = round(page.height * scale)
    image = QImage(width_px, height_px, QImage.Format.Format_ARGB32_Premultiplied)
    # Fonts resolve at the layout's resolution, so the text keeps its printed metrics.
    dpm = round(DPI / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    page.paint(painter)
    painter.end()
    return image
