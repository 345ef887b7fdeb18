"""Both writers honour every field of the page model.

A model that sets every field of :mod:`drafter.layout.model` (none left at its
default) is written as .docx and painted as a PDF; then each field in turn is given
another value, and both outputs must change.  The list of fields is enumerated from
the dataclasses, so a new field without its variation here fails the first test.
The defects this closed (font, footers, first-page and later headers in the .docx;
font, numbering and subject in the painter) are also checked for their content.
"""

from __future__ import annotations

import dataclasses
import inspect
import io
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

import docx
import pymupdf
import pytest

from drafter.layout import model
from drafter.layout.units import Length, mm, pt
from drafter.render import docx_writer
from drafter.render.pdf import pdf_bytes
from drafter.render.qt_painter import paginate

OTHER_FONT = "DejaVu Serif"  # installed with the test fonts; any family other than TNR


def _page() -> model.PageSetup:
    return model.PageSetup(
        width=mm(200),
        height=mm(280),
        margin_top=mm(25),
        margin_bottom=mm(22),
        margin_left=mm(31),
        margin_right=mm(16),
        header_distance=mm(11),
        footer_distance=mm(12),
    )


def _paragraph(text: str, role: model.Role = model.Role.BODY, **changes: Any) -> model.Paragraph:
    paragraph = model.Paragraph(
        [
            model.Run(text, pt(14), bold=True, italic=True, underline=True, color="808080"),
            model.Run("page ", pt(12), field=model.FieldCode.PAGE),
        ],
        align=model.Align.JUSTIFY,
        indent_left=mm(5),
        indent_right=mm(6),
        first_line=mm(3),
        space_before=pt(6),
        space_after=pt(4),
        line_spacing=model.LineSpacing(model.LineRule.AT_LEAST, 18),
        keep_with_next=True,
        keep_lines=True,
        border_top=model.Border(pt(1), pt(2)),
        border_bottom=model.Border(pt(1.5), pt(3)),
        role=role,
    )
    return replace(paragraph, **changes)


def _table() -> model.Table:
    cells = [
        model.Cell(
            [_paragraph("left cell")], v_align=model.VAlign.BOTTOM, borders=model.Border(pt(1))
        ),
        model.Cell([_paragraph("right cell")], v_align=model.VAlign.CENTER),
    ]
    return model.Table(
        columns=[mm(60), mm(70)],
        rows=[model.Row(cells, height=mm(40), exact_height=True)],
        align=model.Align.LEFT,
        indent=mm(4),
        cell_margin=mm(1.5),
        borders=model.Border(pt(0.5)),
        role=model.Role.BODY_TABLE,
        header_rows=1,
    )


def full_model() -> model.Document:
    """Every field of every dataclass of the model away from its default."""
    first = model.Section(
        page=_page(),
        blocks=[
            _paragraph("Main text of the first section"),
            _table(),
            _paragraph("Filler " * 1200, model.Role.CLAUSE),
        ],  # two pages and more
        header=[_paragraph("Running header", model.Role.PAGE_NUMBER)],
        first_header=[_paragraph("First page header", model.Role.TITLE)],
        footer=[_paragraph("Running footer", model.Role.NOI_NHAN_ITEM)],
        first_footer=[_paragraph("First page footer", model.Role.FOOTER_ADDRESS)],
        different_first_page=True,
        restart_numbering=False,
    )
    second = model.Section(
        page=replace(_page(), margin_left=mm(33)),
        blocks=[
            _paragraph("Second section text", model.Role.APPENDIX_TITLE),
            model.Table(
                columns=[mm(50)],
                rows=[model.Row([model.Cell([_paragraph("centred table")])])],
                align=model.Align.CENTER,
            ),
        ],
        header=[_paragraph("Second section header", model.Role.APPENDIX_LABEL)],
        first_header=[_paragraph("Second section first header", model.Role.APPENDIX_REFERENCE)],
        footer=[_paragraph("Second section footer", model.Role.DRAFTER_MARK)],
        first_footer=[_paragraph("Second section first footer", model.Role.SIGNER)],
        different_first_page=False,
        restart_numbering=False,
    )
    return model.Document(
        sections=[first, second],
        title="Type",
        subject="Subject line",
        author="Issuer",
        font_name=OTHER_FONT,
    )


# --- what each writer made -------------------------------------------------------------


def docx_output(document: model.Document) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx_writer.to_bytes(document))) as package:
        return {name: package.read(name) for name in package.namelist()}


def painter_output(document: model.Document) -> tuple[object, ...]:
    """What the painter drew: words and their boxes, lines, fonts, metadata (from its
    PDF), and the roles it reports with their boxes."""
    pdf = pymupdf.open(stream=pdf_bytes(document), filetype="pdf")
    words = [
        tuple(round(v, 1) if isinstance(v, float) else v for v in word[:5])
        for page in pdf
        for word in page.get_text("words")
    ]
    drawings = [
        (
            round(item[1].x, 1),
            round(item[1].y, 1),
            round(item[2].x, 1),
            round(item[2].y, 1),
            round(drawing.get("width") or 0, 2),
        )
        for page in pdf
        for drawing in page.get_drawings()
        for item in drawing["items"]
        if item[0] == "l"
    ]
    fonts = sorted({font[3] for page in pdf for font in page.get_fonts()})
    colors = [
        (span["text"], span["color"])
        for page in pdf
        for block in page.get_text("dict")["blocks"]
        for line in block.get("lines", ())
        for span in line["spans"]
    ]
    metadata = {k: v for k, v in pdf.metadata.items() if not k.endswith("Date")}
    roles = [
        (page.number, role, text, round(box.x()), round(box.y()), round(box.width()))
        for page in paginate(document)
        for role, text, box in page.roles
    ]
    return words, drawings, fonts, colors, metadata, pdf.get_xml_metadata(), roles


# --- one variation per field ------------------------------------------------------------

Change = Callable[[model.Document], None]


def _p(document: model.Document) -> model.Paragraph:
    block = document.sections[0].blocks[0]
    assert isinstance(block, model.Paragraph)
    return block


def _t(document: model.Document) -> model.Table:
    block = document.sections[0].blocks[1]
    assert isinstance(block, model.Table)
    return block


def _set_run(**changes: Any) -> Change:
    def change(document: model.Document) -> None:
        _p(document).runs[0] = replace(_p(document).runs[0], **changes)

    return change


def _set_paragraph(**changes: Any) -> Change:
    def change(document: model.Document) -> None:
        for name, value in changes.items():
            setattr(_p(document), name, value)

    return change


def _set_table(**changes: Any) -> Change:
    def change(document: model.Document) -> None:
        for name, value in changes.items():
            setattr(_t(document), name, value)

    return change


def _set_cell(**changes: Any) -> Change:
    def change(document: model.Document) -> None:
        for name, value in changes.items():
            setattr(_t(document).rows[0].cells[0], name, value)

    return change


def _set_row(**changes: Any) -> Change:
    def change(document: model.Document) -> None:
        for name, value in changes.items():
            setattr(_t(document).rows[0], name, value)

    return change


def _set_page(**changes: Any) -> Change:
    def change(document: model.Document) -> None:
        section = document.sections[0]
        section.page = replace(section.page, **changes)

    return change


def _set_section(**changes: Any) -> Change:
    def change(document: model.Document) -> None:
        for name, value in changes.items():
            setattr(document.sections[0], name, value)

    return change


def _set_document(**changes: Any) -> Change:
    def change(document: model.Document) -> None:
        for name, value in changes.items():
            setattr(document, name, value)

    return change


def _fill_page_then(paragraph: model.Paragraph, filler_pt: float) -> model.Document:
    """A page filled with exact 10 pt lines, leaving *filler_pt* for *paragraph* and
    what follows it: where keep-with-next and keep-lines decide the page break."""
    page = replace(_page(), margin_top=mm(20), margin_bottom=mm(20))
    height = Length(page.height - page.margin_top - page.margin_bottom).pt
    filler = model.Paragraph(
        [model.Run("x", pt(8))], line_spacing=model.LineSpacing(model.LineRule.EXACT, 10)
    )
    count = int((height - filler_pt) // 10)
    blocks = [replace(filler) for _ in range(count)]
    blocks += [
        paragraph,
        model.Paragraph(
            [model.Run("next", pt(12))], line_spacing=model.LineSpacing(model.LineRule.EXACT, 20)
        ),
    ]
    return model.Document([model.Section(page=page, blocks=blocks)])


def _keep_with_next_scenario(keep: bool) -> model.Document:
    lone = model.Paragraph(
        [model.Run("kept", pt(12))],
        line_spacing=model.LineSpacing(model.LineRule.EXACT, 20),
        keep_with_next=keep,
    )
    return _fill_page_then(lone, 30)  # room for it, not for the next paragraph too


def _long_table_scenario(header_rows: int) -> model.Document:
    """A 60-row table that crosses a page: its header repeated on page 2, or not."""

    def row(text: str) -> model.Row:
        return model.Row([model.Cell([model.Paragraph([model.Run(text, pt(12))])])])

    table = model.Table(
        columns=[mm(100)],
        rows=[row("Header"), *(row(f"Row {i}") for i in range(60))],
        borders=model.Border(pt(0.5)),
        header_rows=header_rows,
    )
    return model.Document([model.Section(page=_page(), blocks=[table])])


def _keep_lines_scenario(keep: bool) -> model.Document:
    four = model.Paragraph(
        [model.Run("a\nb\nc\nd", pt(12))],
        line_spacing=model.LineSpacing(model.LineRule.EXACT, 20),
        keep_lines=keep,
    )
    return _fill_page_then(four, 50)  # room for two of its four lines


# Field → the change made to the full model (or, for the page-break fields, the pair of
# documents to compare: the full model cannot be at a page break for every one of them).
VARIATIONS: dict[
    str, Change | tuple[Callable[[], model.Document], Callable[[], model.Document]]
] = {
    "Run.text": _set_run(text="Other words"),
    "Run.size": _set_run(size=pt(11)),
    "Run.bold": _set_run(bold=False),
    "Run.italic": _set_run(italic=False),
    "Run.underline": _set_run(underline=False),
    "Run.color": _set_run(color=""),
    "Run.field": lambda d: _p(d).runs.__setitem__(1, replace(_p(d).runs[1], field=None)),
    "Border.width": _set_paragraph(border_top=model.Border(pt(3), pt(2))),
    "Border.space": _set_paragraph(border_top=model.Border(pt(1), pt(8))),
    "LineSpacing.rule": _set_paragraph(line_spacing=model.LineSpacing(model.LineRule.EXACT, 18)),
    "LineSpacing.value": _set_paragraph(
        line_spacing=model.LineSpacing(model.LineRule.AT_LEAST, 30)
    ),
    "Paragraph.runs": lambda d: _p(d).runs.pop(),
    "Paragraph.align": _set_paragraph(align=model.Align.RIGHT),
    "Paragraph.indent_left": _set_paragraph(indent_left=mm(20)),
    "Paragraph.indent_right": _set_paragraph(indent_right=mm(90)),
    "Paragraph.first_line": _set_paragraph(first_line=mm(-3)),
    "Paragraph.space_before": _set_paragraph(space_before=pt(20)),
    "Paragraph.space_after": _set_paragraph(space_after=pt(20)),
    "Paragraph.line_spacing": _set_paragraph(line_spacing=model.LineSpacing()),
    "Paragraph.keep_with_next": (
        lambda: _keep_with_next_scenario(True),
        lambda: _keep_with_next_scenario(False),
    ),
    "Paragraph.keep_lines": (
        lambda: _keep_lines_scenario(True),
        lambda: _keep_lines_scenario(False),
    ),
    "Paragraph.border_top": _set_paragraph(border_top=None),
    "Paragraph.border_bottom": _set_paragraph(border_bottom=None),
    "Paragraph.role": _set_paragraph(role=model.Role.CAN_CU),
    "Cell.blocks": lambda d: _t(d).rows[0].cells[0].blocks.append(_paragraph("more")),
    "Cell.v_align": _set_cell(v_align=model.VAlign.TOP),
    "Cell.borders": _set_cell(borders=None),
    "Row.cells": lambda d: _t(d).rows[0].cells.pop(),
    "Row.height": _set_row(height=mm(60)),
    "Row.exact_height": _set_row(exact_height=False, height=mm(5)),
    "Table.columns": _set_table(columns=[mm(40), mm(70)]),
    "Table.rows": lambda d: _t(d).rows.append(model.Row([model.Cell([_paragraph("row 2")])])),
    "Table.align": _set_table(align=model.Align.RIGHT),
    "Table.indent": _set_table(indent=mm(12)),
    "Table.cell_margin": _set_table(cell_margin=mm(4)),
    "Table.borders": _set_table(borders=None),
    "Table.role": _set_table(role=model.Role.HEADER),
    "Table.header_rows": (lambda: _long_table_scenario(1), lambda: _long_table_scenario(0)),
    "PageSetup.width": _set_page(width=mm(210)),
    "PageSetup.height": _set_page(height=mm(297)),
    "PageSetup.margin_top": _set_page(margin_top=mm(35)),
    "PageSetup.margin_bottom": _set_page(margin_bottom=mm(40)),
    "PageSetup.margin_left": _set_page(margin_left=mm(40)),
    "PageSetup.margin_right": _set_page(margin_right=mm(30)),
    "PageSetup.header_distance": _set_page(header_distance=mm(5)),
    "PageSetup.footer_distance": _set_page(footer_distance=mm(4)),
    "Section.page": _set_page(margin_left=mm(45), margin_top=mm(30)),
    "Section.blocks": lambda d: d.sections[0].blocks.pop(0),
    "Section.header": _set_section(header=[_paragraph("Another running header")]),
    "Section.first_header": _set_section(first_header=[_paragraph("Another first header")]),
    "Section.footer": _set_section(footer=[_paragraph("Another running footer")]),
    "Section.first_footer": _set_section(first_footer=[_paragraph("Another first footer")]),
    "Section.different_first_page": _set_section(different_first_page=False),
    "Section.restart_numbering": lambda d: setattr(d.sections[1], "restart_numbering", True),
    "Document.sections": lambda d: d.sections.pop(),
    "Document.title": _set_document(title="Another type"),
    "Document.subject": _set_document(subject="Another subject"),
    "Document.author": _set_document(author="Another issuer"),
    "Document.font_name": _set_document(font_name="Times New Roman"),
}


def _model_fields() -> set[str]:
    classes = [
        c
        for _name, c in inspect.getmembers(model, inspect.isclass)
        if dataclasses.is_dataclass(c) and c.__module__ == model.__name__
    ]
    return {f"{c.__name__}.{f.name}" for c in classes for f in dataclasses.fields(c)}


def test_every_field_of_the_model_has_its_variation() -> None:
    assert _model_fields() == set(VARIATIONS)


def _instances(value: object) -> list[object]:
    """Every dataclass instance reachable from *value*."""
    if isinstance(value, list):
        return [i for item in value for i in _instances(item)]
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return []
    return [
        value,
        *(i for spec in dataclasses.fields(value) for i in _instances(getattr(value, spec.name))),
    ]


def test_the_full_model_sets_every_field_away_from_its_default() -> None:
    instances = _instances(full_model())
    for field_id in sorted(_model_fields()):
        class_name, name = field_id.split(".")
        of_class = [i for i in instances if type(i).__name__ == class_name]
        assert of_class, f"the full model has no {class_name}"
        spec = next(f for f in dataclasses.fields(of_class[0]) if f.name == name)
        if spec.default is not dataclasses.MISSING:
            default: object = spec.default
        elif spec.default_factory is not dataclasses.MISSING:
            default = spec.default_factory()
        else:
            continue  # a required field: set by construction
        assert any(getattr(i, name) != default for i in of_class), field_id


Outputs = tuple[dict[str, bytes], tuple[object, ...]]


@pytest.fixture(scope="module")
def full_outputs() -> Outputs:
    document = full_model()
    return docx_output(document), painter_output(document)


@pytest.mark.parametrize("field_id", sorted(VARIATIONS))
def test_both_writers_honour_the_field(field_id: str, full_outputs: Outputs) -> None:
    variation = VARIATIONS[field_id]
    if isinstance(variation, tuple):
        before_document, after_document = variation[0](), variation[1]()
        before = docx_output(before_document), painter_output(before_document)
    else:
        before = full_outputs
        after_document = full_model()
        variation(after_document)
    after = docx_output(after_document), painter_output(after_document)
    assert after[0] != before[0], f"the .docx ignores {field_id}"
    assert after[1] != before[1], f"the painter ignores {field_id}"


# --- the content of what was missing -----------------------------------------------------


def _texts(paragraphs: Iterable[Any]) -> str:
    return " ".join(p.text for p in paragraphs)


def test_the_docx_writes_every_header_and_footer_of_every_section() -> None:
    data = docx_writer.to_bytes(full_model())
    sections = docx.Document(io.BytesIO(data)).sections
    first, second = sections[0], sections[1]
    assert "Running header" in _texts(first.header.paragraphs)
    assert "First page header" in _texts(first.first_page_header.paragraphs)
    assert "Running footer" in _texts(first.footer.paragraphs)
    assert "First page footer" in _texts(first.first_page_footer.paragraphs)
    assert "Second section header" in _texts(second.header.paragraphs)
    assert "Second section first header" in _texts(second.first_page_header.paragraphs)
    assert "Second section footer" in _texts(second.footer.paragraphs)
    assert "Second section first footer" in _texts(second.first_page_footer.paragraphs)
    assert first.different_first_page_header_footer
    assert not second.different_first_page_header_footer


def test_the_docx_writes_the_font_everywhere() -> None:
    parts = docx_output(full_model())
    fonts = {name for part in parts.values() for name in _attribute_values(part, b'w:ascii="')}
    assert fonts == {OTHER_FONT}
    assert f'w:font w:name="{OTHER_FONT}"'.encode() in parts["word/fontTable.xml"]


def _attribute_values(xml: bytes, prefix: bytes) -> list[str]:
    out = []
    for piece in xml.split(prefix)[1:]:
        out.append(piece.split(b'"', 1)[0].decode())
    return out


def test_the_painter_draws_headers_footers_numbers_and_font() -> None:
    pages = paginate(full_model())
    first_section = [p for p in pages if "Second section text" not in p.text]
    assert len(first_section) >= 2
    assert "First page header" in first_section[0].text
    assert "First page footer" in first_section[0].text
    assert "Running header" not in first_section[0].text
    assert all("Running header" in p.text and "Running footer" in p.text for p in first_section[1:])
    second = pages[len(first_section) :]
    # No different first page: its running header from its first page; numbers go on.
    assert "Second section header" in second[0].text
    assert "Second section first header" not in second[0].text
    assert [p.number for p in pages] == list(range(1, len(pages) + 1))
    pdf = pymupdf.open(stream=pdf_bytes(full_model()), filetype="pdf")
    assert {f[3].split("+")[-1] for page in pdf for f in page.get_fonts()} <= {
        OTHER_FONT.replace(" ", "") + suffix for suffix in ("", "-Bold", "-Italic", "-BoldItalic")
    }
    assert "Subject line" in pdf.get_xml_metadata()
    assert pdf.metadata["author"] == "Issuer" and pdf.metadata["title"] == "Type"


def test_numbers_restart_where_the_model_says() -> None:
    document = full_model()
    document.sections[1].restart_numbering = True
    pages = paginate(document)
    second = [p for p in pages if "Second section" in p.text]
    assert second[0].number == 1
