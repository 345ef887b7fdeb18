"""The body editor writes the Markdown the body parser reads: one paragraph per line,
bold and italic marks, numbered and dashed items as text, tables as pipe rows."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextListFormat

from drafter.body.parser import BlockKind, parse_body
from drafter.ui.body_editor import BodyEditor
from tests.ui.conftest import type_text


def test_toolbar_formatting_becomes_markdown(qtbot):
    editor = BodyEditor()
    qtbot.addWidget(editor)
    type_text(editor, "Điều 1. ")
    editor.bold_action.trigger()
    type_text(editor, "Phạm vi")
    editor.bold_action.trigger()
    type_text(editor, " áp dụng; ")
    editor.italic_action.trigger()
    type_text(editor, "xem thêm")
    assert editor.markdown() == "Điều 1. **Phạm vi** áp dụng; *xem thêm*"
    blocks = parse_body(editor.markdown())
    assert blocks[0].kind is BlockKind.ARTICLE


def test_lists_and_tables_round_trip(qtbot):
    body = (
        "Các nội dung sau:\n1. Rà soát quy trình;\n2. Báo cáo kết quả.\n"
        "| Thời gian | Nội dung |\n|---|---|\n| 08 giờ | Khai mạc |\nTrân trọng."
    )
    editor = BodyEditor()
    qtbot.addWidget(editor)
    editor.set_markdown(body)
    assert editor.markdown() == body
    kinds = [b.kind for b in parse_body(editor.markdown())]
    assert kinds == [
        BlockKind.PARAGRAPH,
        BlockKind.CLAUSE,
        BlockKind.CLAUSE,
        BlockKind.TABLE,
        BlockKind.PARAGRAPH,
    ]


def test_a_new_table_and_a_dash_list_from_the_toolbar(qtbot):
    editor = BodyEditor()
    qtbot.addWidget(editor)
    type_text(editor, "Thành phần")
    editor.make_list(QTextListFormat.Style.ListDisc)
    assert editor.markdown() == "- Thành phần"
    cursor = editor.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.editor.setTextCursor(cursor)
    editor.insert_table(2, 2)
    type_text(editor, "Ô một")
    written = [line for line in editor.markdown().split("\n") if line]
    assert written == ["- Thành phần", "| Ô một |   |", "|---|---|", "|   |   |"]
