"""The body editor: rich text (bold, italic, lists, simple tables) kept as Markdown.

The body is Markdown with one paragraph per line (see :mod:`drafter.body.parser`).
``QTextDocument`` reads it; writing goes block by block here rather than through
``toMarkdown()``, which wraps long paragraphs at 80 columns and would split them.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import (
    QFont,
    QKeySequence,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtGui import QTextListFormat as ListFormat
from PySide6.QtWidgets import QTextEdit, QToolBar, QVBoxLayout, QWidget

from drafter.i18n import _


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("|", "\\|")


def _inline(block: QTextBlock, header: bool = False) -> str:
    """One block's text with ** and * around bold and italic fragments (a table's
    header row is bold by itself, so its boldness is not written)."""
    out = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid():
            text = _escape(fragment.text().replace("\u2028", " "))
            char_format = fragment.charFormat()
            bold = char_format.fontWeight() >= QFont.Weight.DemiBold and not header
            italic = char_format.fontItalic()
            core = text.strip()
            if core and (bold or italic):
                mark = ("**" if bold else "") + ("*" if italic else "")
                lead = text[: len(text) - len(text.lstrip())]
                trail = text[len(text.rstrip()) :]
                text = f"{lead}{mark}{core}{mark[::-1]}{trail}"
            out.append(text)
        iterator += 1
    return "".join(out).replace("****", "")


def markdown_of(document: QTextDocument) -> str:
    """The body Markdown of *document*: one line per paragraph, tables as pipe rows."""
    lines: list[str] = []
    done_tables: set[int] = set()
    after_table = False
    block = document.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None:
            key = table.firstPosition()
            if key not in done_tables:
                done_tables.add(key)
                for row in range(table.rows()):
                    cells = []
                    for column in range(table.columns()):
                        cell_block = table.cellAt(row, column).firstCursorPosition().block()
                        cells.append(_inline(cell_block, header=row == 0).strip() or " ")
                    lines.append("| " + " | ".join(cells) + " |")
                    if row == 0:
                        lines.append("|" + "---|" * table.columns())
            block = block.next()
            after_table = True
            continue
        text = _inline(block)
        if after_table and not text.strip():
            after_table = False  # QTextDocument always puts an empty block after a table
            block = block.next()
            continue
        after_table = False
        text_list = block.textList()
        if text_list is not None and text.strip():
            style = text_list.format().style()
            if style == ListFormat.Style.ListDecimal:
                start = text_list.format().start() if hasattr(ListFormat, "start") else 1
                text = f"{text_list.itemNumber(block) + max(start, 1)}. {text}"
            elif style == ListFormat.Style.ListLowerAlpha:
                text = f"{chr(ord('a') + text_list.itemNumber(block))}) {text}"
            else:
                text = f"- {text}"
        lines.append(text)
        block = block.next()
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(line.rstrip() for line in lines)


def _as_commonmark(body: str) -> str:
    """Blank lines between our one-line paragraphs, so QTextDocument keeps them apart."""
    out: list[str] = []
    for line in body.split("\n"):
        is_row = line.lstrip().startswith("|")
        if out and not (is_row and out[-1].lstrip().startswith("|")):
            out.append("")
        out.append(line)
    return "\n".join(out)


class BodyEditor(QWidget):
    """A text editor with a small formatting toolbar; ``markdown()`` is its value."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = QTextEdit(self)
        self.editor.setAcceptRichText(True)
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(160)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("body_toolbar")
        self.bold_action = self.toolbar.addAction(_("Bold"), self.toggle_bold)
        self.bold_action.setShortcut(QKeySequence.StandardKey.Bold)
        self.italic_action = self.toolbar.addAction(_("Italic"), self.toggle_italic)
        self.italic_action.setShortcut(QKeySequence.StandardKey.Italic)
        self.toolbar.addAction(
            _("Numbered list"), lambda: self.make_list(ListFormat.Style.ListDecimal)
        )
        self.toolbar.addAction(_("Dash list"), lambda: self.make_list(ListFormat.Style.ListDisc))
        self.toolbar.addAction(_("Table"), self.insert_table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.editor)
        self.editor.textChanged.connect(self.changed)

    def setObjectName(self, name: str) -> None:
        super().setObjectName(name + ".container")
        self.editor.setObjectName(name)

    def markdown(self) -> str:
        return markdown_of(self.editor.document())

    def set_markdown(self, body: str) -> None:
        self.editor.blockSignals(True)
        self.editor.document().setMarkdown(
            _as_commonmark(body), QTextDocument.MarkdownFeature.MarkdownDialectGitHub
        )
        self.editor.blockSignals(False)

    def toggle_bold(self) -> None:
        char_format = QTextCharFormat()
        bold = self.editor.fontWeight() < QFont.Weight.DemiBold
        char_format.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.editor.mergeCurrentCharFormat(char_format)

    def toggle_italic(self) -> None:
        char_format = QTextCharFormat()
        char_format.setFontItalic(not self.editor.fontItalic())
        self.editor.mergeCurrentCharFormat(char_format)

    def make_list(self, style: ListFormat.Style) -> None:
        cursor = self.editor.textCursor()
        if cursor.currentList() is not None:
            block_format = cursor.blockFormat()
            block_format.setIndent(0)
            cursor.currentList().remove(cursor.block())
            cursor.setBlockFormat(block_format)
            return
        list_format = ListFormat()
        list_format.setStyle(style)
        cursor.createList(list_format)

    def insert_table(self, rows: int = 2, columns: int = 3) -> None:
        cursor = self.editor.textCursor()
        if cursor.block().text():
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertBlock()  # a table is its own block, never inside a paragraph
        table = cursor.insertTable(rows, columns)
        self.editor.setTextCursor(table.cellAt(0, 0).firstCursorPosition())
        self.editor.setFocus()
