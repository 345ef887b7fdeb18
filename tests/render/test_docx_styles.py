"""Named Word styles: every paragraph of a Drafter .docx refers to a style with a
Vietnamese name, the headings of a quy chế carry outline levels, runs carry only what
differs from their style — and what prints is still exactly the page model."""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
import pytest
from lxml import etree
from sample_letters import cong_van, long_cong_van_with_appendix, marked_cong_van

from drafter.app.compose import compose
from drafter.core import letterfile
from drafter.core.doctypes import Registry
from drafter.core.letter import Letter
from drafter.layout.model import Align, Document, LineRule, Paragraph, Table
from drafter.paths import templates_dir
from drafter.render import docx_writer
from drafter.render.docx_styles import STYLE_PREFIX
from render import docx_effective

REGISTRY = Registry([templates_dir()])
W = docx_effective.W
_JC = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right", Align.JUSTIFY: "both"}
FILLER = "filler"  # a paragraph the writer adds where Word needs one (end of a cell)


def _sample(type_id: str) -> Letter:
    letter, problems = letterfile.load(REGISTRY.get(type_id).sample_path, REGISTRY)
    assert problems == []
    return letter


LETTERS = {type_id: (lambda t=type_id: _sample(t)) for type_id in sorted(REGISTRY.ids())}
LETTERS |= {
    "cong_van_many": cong_van,
    "long_appendix": long_cong_van_with_appendix,
    "marks": marked_cong_van,
}


def _docx(name: str) -> tuple[Document, bytes]:
    letter = LETTERS[name]()
    document = compose(letter, REGISTRY)
    return document, docx_writer.to_bytes(document, letter.date)


def _model_paragraphs(blocks: list[Paragraph | Table]) -> Iterator[Paragraph | str]:
    """The model's paragraphs in the order the writer writes them, with the writer's
    filler paragraphs where a cell holds none or ends with a table."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block
            continue
        for row in block.rows:
            for cell in row.cells:
                yield from _model_paragraphs(cell.blocks)
                if not cell.blocks or isinstance(cell.blocks[-1], Table):
                    yield FILLER


def _document_paragraphs(document: Document) -> Iterator[Paragraph | str]:
    last = len(document.sections) - 1
    for index, section in enumerate(document.sections):
        yield from _model_paragraphs(section.blocks)
        if index != last or (section.blocks and isinstance(section.blocks[-1], Table)):
            yield FILLER  # a section's last paragraph, or one after a final table


def _expected(paragraph: Paragraph) -> tuple[dict[str, str], list[dict[str, str]]]:
    spacing = paragraph.line_spacing
    if spacing.rule is LineRule.MULTIPLE:
        line, rule = str(round(240 * spacing.value)), "auto"
    else:
        line = str(round(spacing.value * 20))
        rule = "exact" if spacing.rule is LineRule.EXACT else "atLeast"
    first = paragraph.first_line.twips
    props = {
        "jc": _JC[paragraph.align],
        "keepNext": "1" if paragraph.keep_with_next else "0",
        "spacing.before": str(paragraph.space_before.twips),
        "spacing.after": str(paragraph.space_after.twips),
        "spacing.line": line,
        "spacing.lineRule": rule,
        "ind.left": str(paragraph.indent_left.twips),
        "ind.right": str(paragraph.indent_right.twips),
        **({"ind.firstLine": str(first)} if first >= 0 else {"ind.hanging": str(-first)}),
    }
    runs = []
    for run in paragraph.runs:
        looks = {
            "b": "1" if run.bold else "0",
            "i": "1" if run.italic else "0",
            "sz": str(run.size.half_points),
            "u": "single" if run.underline else "",
        }
        if run.field is not None:
            runs += [looks] * 5  # begin, instruction, separate, result, end
        elif run.text.replace("\n", "").replace("\t", ""):
            runs.append(looks)
    return props, runs


def _printed(effective: docx_effective.Effective) -> tuple[dict[str, str], list[dict[str, str]]]:
    props = {
        key: effective.paragraph.get(key, "")
        for key in (
            "jc",
            "spacing.before",
            "spacing.after",
            "spacing.line",
            "spacing.lineRule",
            "ind.left",
            "ind.right",
        )
    }
    props["keepNext"] = effective.paragraph.get("keepNext", "0")
    props["jc"] = props["jc"] or "left"
    for key in ("ind.firstLine", "ind.hanging"):
        if key in effective.paragraph:
            props[key] = effective.paragraph[key]
    if "ind.hanging" in props:
        props.pop("ind.firstLine", None)
    runs = [
        {
            "b": run.get("b", "0"),
            "i": run.get("i", "0"),
            "sz": run.get("sz", "28"),
            "u": run.get("u", ""),
        }
        for run in effective.runs
    ]
    return props, runs


@pytest.mark.parametrize("name", sorted(LETTERS))
def test_every_paragraph_prints_as_the_model_says(name: str) -> None:
    """Style plus direct formatting is, property by property, what the model asks."""
    document, data = _docx(name)
    printed = list(docx_effective.paragraphs(data))
    expected = list(_document_paragraphs(document))
    assert len(printed) == len(expected)
    for model_paragraph, effective in zip(expected, printed, strict=True):
        if isinstance(model_paragraph, str):
            assert effective.style_id == "DrafterSpacer" and not effective.runs
            continue
        assert _printed(effective) == _expected(model_paragraph), model_paragraph.text


@pytest.mark.parametrize("name", sorted(LETTERS))
def test_every_paragraph_has_a_vietnamese_named_style(name: str) -> None:
    _document, data = _docx(name)
    opened = docx.Document(io.BytesIO(data))
    paragraphs = list(opened.paragraphs)
    paragraphs += [
        p
        for table in opened.tables
        for row in table.rows
        for cell in row.cells
        for p in cell.paragraphs
    ]
    styles = docx_effective.styles_of(docx_effective.package_parts(data))
    for effective in docx_effective.paragraphs(data):
        assert effective.style_id in styles  # named in pStyle, defined in styles.xml
        assert effective.style_id.isascii()
    for paragraph in paragraphs:
        name_ = paragraph.style.name
        assert name_.startswith(STYLE_PREFIX), (name_, paragraph.text)
        assert not name_.isascii(), name_  # a Vietnamese name, with its diacritics


def test_quy_che_headings_have_outline_levels() -> None:
    """Word's Navigation Pane lists Chương (level 2) and Điều (level 4) of a quy chế."""
    _document, data = _docx("quy_che")
    opened = docx.Document(io.BytesIO(data))
    levels: list[tuple[str, int, str]] = []
    for paragraph in opened.paragraphs:
        ppr = paragraph.style.element.find(f"{{{W}}}pPr")
        level = ppr.find(f"{{{W}}}outlineLvl") if ppr is not None else None
        if level is not None:
            levels.append(
                (paragraph.style.name, int(level.get(f"{{{W}}}val")), paragraph.text.split(".")[0])
            )
    assert ("Drafter – Chương", 1, "Chương I") in levels
    assert ("Drafter – Điều", 3, "Điều 1") in levels
    chapters = [text for style, level, text in levels if level == 1]
    articles = [text for style, level, text in levels if level == 3]
    assert chapters == ["Chương I", "Chương II", "Chương III"]
    assert articles == [f"Điều {n}" for n in range(1, 6)]
    # Nothing else in the letter is a heading.
    assert {level for _style, level, _text in levels} == {1, 3}


def test_part_chapter_and_division_levels() -> None:
    letter = cong_van(
        body="Phần I\nQUY ĐỊNH CHUNG\nChương I\nPHẠM VI\nMục 1\nĐỐI TƯỢNG\n"
        "Điều 1. Phạm vi điều chỉnh\nNội dung."
    )
    data = docx_writer.to_bytes(compose(letter, REGISTRY))
    levels = {p.text: p.paragraph.get("outlineLvl") for p in docx_effective.paragraphs(data)}
    assert (levels["Phần I"], levels["Chương I"], levels["Mục 1"]) == ("0", "1", "2")
    assert levels["Điều 1. Phạm vi điều chỉnh"] == "3"
    assert levels["QUY ĐỊNH CHUNG"] is None  # the title under a label is not listed twice


@pytest.mark.parametrize("name", sorted(LETTERS))
def test_runs_do_not_repeat_their_style(name: str) -> None:
    """No run names the font (the styles do), and a size, bold or italic is written only
    where it differs from the paragraph's style: most runs carry no properties at all."""
    _document, data = _docx(name)
    package = docx_effective.package_parts(data)
    styles = docx_effective.styles_of(package)
    root = etree.fromstring(package["word/document.xml"])
    assert list(root.iter(f"{{{W}}}rFonts")) == []
    runs = bare = 0
    for paragraph in root.iter(f"{{{W}}}p"):
        style_id = paragraph.find(f"{{{W}}}pPr/{{{W}}}pStyle").get(f"{{{W}}}val")
        style = styles[style_id].find(f"{{{W}}}rPr")
        style_size = style.find(f"{{{W}}}sz").get(f"{{{W}}}val")
        for rpr in paragraph.iter(f"{{{W}}}rPr"):
            size = rpr.find(f"{{{W}}}sz")
            assert size is None or size.get(f"{{{W}}}val") != style_size
            for toggle in ("b", "i"):
                element = rpr.find(f"{{{W}}}{toggle}")
                in_style = style.find(f"{{{W}}}{toggle}") is not None
                if element is not None:
                    assert (element.get(f"{{{W}}}val") != "0") != in_style
        for run in paragraph.iter(f"{{{W}}}r"):
            runs += 1
            bare += run.find(f"{{{W}}}rPr") is None
    assert runs and bare >= runs * 0.6, f"{bare} of {runs} runs without properties"


def test_default_table_styles_have_words_cell_padding() -> None:
    _document, data = _docx("cong_van")
    styles = docx_effective.styles_of(docx_effective.package_parts(data))
    for style_id in ("TableNormal", "TableGrid"):
        margins = styles[style_id].find(f"{{{W}}}tblPr/{{{W}}}tblCellMar")
        assert margins is not None
        assert margins.find(f"{{{W}}}left").get(f"{{{W}}}w") == "108"
        assert margins.find(f"{{{W}}}right").get(f"{{{W}}}w") == "108"
    assert styles["TableNormal"].get(f"{{{W}}}default") == "1"
