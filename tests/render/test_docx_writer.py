"""The .docx writer: a package Word opens without repair, in Times New Roman throughout."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest
from lxml import etree
from ooxml_check import (
    FOUR_FONT_SLOTS,
    W,
    all_problems,
    font_problems,
    order_problems,
    parse,
    structure_problems,
    w,
)
from sample_letters import cong_van, docx_parts, long_cong_van_with_appendix, marked_cong_van

from drafter.app.compose import compose
from drafter.core.atomic import WriteError
from drafter.layout.model import (
    Align,
    Border,
    Cell,
    Document,
    PageSetup,
    Paragraph,
    Role,
    Row,
    Run,
    Section,
    Table,
)
from drafter.layout.units import mm, pt
from drafter.render import docx_writer
from render import docx_effective

LETTERS = {
    "cong_van": cong_van,
    "long_with_appendix": long_cong_van_with_appendix,
    "marks": marked_cong_van,
}


def page() -> PageSetup:
    return PageSetup(mm(210), mm(297), mm(20), mm(20), mm(30), mm(15), mm(10), mm(10))


def one_paragraph(*runs: Run, **options: object) -> Document:
    return Document([Section(page(), [Paragraph(list(runs), **options)])])  # type: ignore[arg-type]


def body_of(document: Document) -> etree._Element:
    return parse(docx_writer.document_xml(document).encode())


@pytest.fixture(params=list(LETTERS))
def letter_docx(request: pytest.FixtureRequest) -> bytes:
    return docx_writer.to_bytes(compose(LETTERS[request.param]()), dt.date(2026, 3, 5))


class TestPackage:
    def test_every_part_is_valid(self, letter_docx: bytes) -> None:
        assert all_problems(letter_docx) == []

    def test_content_types_and_relationships_match_the_parts(self, letter_docx: bytes) -> None:
        parts = docx_parts(letter_docx)
        types = parse(parts["[Content_Types].xml"])
        overrides = {o.get("PartName", "").lstrip("/") for o in types}
        for name in parts:
            if name.endswith(".xml") and name != "[Content_Types].xml":
                assert name in overrides, name
        rels = parse(parts["word/_rels/document.xml.rels"])
        for rel in rels:
            assert "word/" + rel.get("Target") in parts  # type: ignore[operator]
        ids = {rel.get("Id") for rel in rels}
        document = parse(parts["word/document.xml"])
        for ref in document.iter(w("headerReference"), w("footerReference")):
            assert ref.get(f"{{{docx_writer.R_NS}}}id") in ids

    def test_python_docx_opens_it_and_sees_times_new_roman(self, letter_docx: bytes) -> None:
        opened = docx.Document(io.BytesIO(letter_docx))
        paragraphs = list(opened.paragraphs)
        for table in opened.tables:
            for row in table.rows:
                for cell in row.cells:
                    paragraphs += cell.paragraphs
        runs = [run for p in paragraphs for run in p.runs]
        assert runs
        for paragraph in paragraphs:
            # A run names no font: it inherits its paragraph style's, which is Normal's.
            assert all(run.font.name is None for run in paragraph.runs)
            style = paragraph.style
            while style is not None and style.font.name is None:
                style = style.base_style
            assert style is not None and style.font.name == "Times New Roman"
        for section in opened.sections:
            assert section.page_width.mm == pytest.approx(210, abs=0.1)
            assert section.page_height.mm == pytest.approx(297, abs=0.1)

    def test_styles_and_defaults_name_the_font_in_all_four_slots(self, letter_docx: bytes) -> None:
        styles = parse(docx_parts(letter_docx)["word/styles.xml"])
        defaults = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('rFonts')}")
        assert defaults is not None
        assert all(defaults.get(w(slot)) == "Times New Roman" for slot in FOUR_FONT_SLOTS)
        normal = styles.find(f"{w('style')}[@{w('styleId')}='Normal']/{w('rPr')}/{w('rFonts')}")
        assert normal is not None
        assert all(normal.get(w(slot)) == "Times New Roman" for slot in FOUR_FONT_SLOTS)
        opened = docx.Document(io.BytesIO(letter_docx))
        assert opened.styles["Normal"].font.name == "Times New Roman"
        # No theme: Word would prefer theme fonts over the explicit names.
        assert "theme" not in " ".join(docx_parts(letter_docx))

    def test_zip_checksums_and_sizes_are_right(self, letter_docx: bytes) -> None:
        import zipfile

        with zipfile.ZipFile(io.BytesIO(letter_docx)) as package:
            assert package.testzip() is None  # every entry's CRC and size
            names = package.namelist()
        assert names[0] == "[Content_Types].xml"
        assert len(names) == len(set(names))

    def test_same_letter_same_bytes(self) -> None:
        first = docx_writer.to_bytes(compose(cong_van()), dt.date(2026, 3, 5))
        second = docx_writer.to_bytes(compose(cong_van()), dt.date(2026, 3, 5))
        assert first == second

    def test_core_properties(self) -> None:
        data = docx_writer.to_bytes(compose(cong_van()), dt.date(2026, 3, 5))
        opened = docx.Document(io.BytesIO(data))
        assert opened.core_properties.title == "Công văn"
        assert opened.core_properties.created == dt.datetime(2026, 3, 5, tzinfo=dt.UTC)
        assert opened.core_properties.language == "vi-VN"


class TestSections:
    def test_first_page_differs(self) -> None:
        root = body_of(compose(cong_van()))
        [sect] = root.iter(w("sectPr"))
        assert sect.find(w("titlePg")) is not None
        refs = {(r.tag, r.get(w("type"))) for r in sect}
        assert (w("headerReference"), "first") in refs and (w("headerReference"), "default") in refs
        assert sect.find(w("pgSz")).get(w("w")) == "11906"  # type: ignore[union-attr]
        assert sect.find(w("pgSz")).get(w("h")) == "16838"  # type: ignore[union-attr]

    def test_page_number_header_and_empty_first_header(self) -> None:
        parts = docx_parts(docx_writer.to_bytes(compose(cong_van())))
        header = parts["word/header1.xml"].decode()
        assert "PAGE" in header and 'w:fldCharType="begin"' in header
        # Centred by its style, "Drafter – Số trang".
        assert '<w:pStyle w:val="DrafterPageNumber"/>' in header
        [number] = docx_effective.paragraphs(
            docx_writer.to_bytes(compose(cong_van())), "word/header1.xml"
        )
        assert number.paragraph["jc"] == "center"
        first = parse(parts["word/header2.xml"])
        assert "".join(first.itertext()) == ""
        footer = parse(parts["word/footer1.xml"])
        assert "Địa chỉ: 23 Quang Trung" in "".join(footer.itertext())
        assert "".join(parse(parts["word/footer2.xml"]).itertext()) == ""

    def test_appendix_restarts_numbering(self) -> None:
        root = body_of(compose(long_cong_van_with_appendix()))
        sections = list(root.iter(w("sectPr")))
        assert len(sections) == 2
        for sect in sections:
            assert sect.find(w("pgNumType")).get(w("start")) == "1"  # type: ignore[union-attr]
        # The first section's properties close its last paragraph.
        assert local_name(sections[0].getparent()) == "pPr"


def local_name(element: etree._Element | None) -> str:
    assert element is not None
    return element.tag.rsplit("}", 1)[-1]


class TestText:
    @pytest.mark.parametrize(
        "text", ["a < b & c > d", "\"quoted\" 'single'", "]]>", "&amp; literally", "<w:t>"]
    )
    def test_xml_specials_escaped(self, text: str) -> None:
        root = body_of(one_paragraph(Run(text, pt(14))))
        assert "".join(t.text for t in root.iter(w("t"))) == text

    def test_line_break_and_tab(self) -> None:
        root = body_of(one_paragraph(Run("một\nhai\tba", pt(14))))
        [run] = root.iter(w("r"))
        assert [local_name(c) for c in run] == ["t", "br", "t", "tab", "t"]

    def test_spaces_preserved(self) -> None:
        root = body_of(one_paragraph(Run("  hai  khoảng  ", pt(14))))
        [t] = root.iter(w("t"))
        assert t.text == "  hai  khoảng  "
        assert t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"

    def test_run_properties(self) -> None:
        # The paragraph's style (plain 14 pt text) is named; the run holds what differs.
        root = body_of(one_paragraph(Run("x", pt(13), bold=True, italic=True, underline=True)))
        [rpr] = [r.find(w("rPr")) for r in root.iter(w("r"))]
        assert [local_name(c) for c in rpr] == ["b", "bCs", "i", "iCs", "sz", "szCs", "u"]
        assert rpr.find(w("sz")).get(w("val")) == "26"  # type: ignore[union-attr]

    def test_run_turns_off_what_its_style_turns_on(self) -> None:
        document = one_paragraph(Run("x", pt(14)), role=Role.ARTICLE)  # the style is bold
        rpr = next(body_of(document).iter(w("r"))).find(w("rPr"))
        assert rpr is not None and rpr.find(w("b")).get(w("val")) == "0"  # type: ignore[union-attr]
        [article] = docx_effective.paragraphs(docx_writer.to_bytes(document))
        assert article.runs == [{"b": "0", "sz": "28"}]


class TestParagraphProperties:
    def test_indents_spacing_alignment(self) -> None:
        paragraph = Paragraph(
            [Run("x", pt(14))],
            align=Align.JUSTIFY,
            indent_left=mm(10),
            first_line=mm(12.7),
            space_before=pt(6),
            keep_with_next=True,
            border_top=Border(pt(0.75)),
        )
        root = body_of(Document([Section(page(), [paragraph])]))
        ppr = next(root.iter(w("pPr")))
        assert [local_name(c) for c in ppr] == [
            "pStyle",
            "keepNext",
            "pBdr",
            "spacing",
            "ind",
            "jc",
        ]
        ind = ppr.find(w("ind"))
        assert ind.get(w("left")) == "567" and ind.get(w("firstLine")) == "720"  # type: ignore[union-attr]
        assert ppr.find(w("jc")).get(w("val")) == "both"  # type: ignore[union-attr]
        assert ppr.find(w("spacing")).get(w("before")) == "120"  # type: ignore[union-attr]
        top = ppr.find(f"{w('pBdr')}/{w('top')}")
        assert top.get(w("val")) == "single" and top.get(w("sz")) == "6"  # type: ignore[union-attr]

    def test_hanging_indent(self) -> None:
        root = body_of(one_paragraph(Run("- x;", pt(11)), indent_left=mm(3), first_line=-mm(3)))
        ind = next(root.iter(w("ind")))
        assert ind.get(w("hanging")) == "170" and ind.get(w("firstLine")) is None
        [item] = docx_effective.paragraphs(
            docx_writer.to_bytes(
                one_paragraph(Run("- x;", pt(11)), indent_left=mm(3), first_line=-mm(3))
            )
        )
        assert "ind.firstLine" not in item.paragraph


class TestTables:
    def test_fixed_widths_and_cell_widths(self) -> None:
        table = Table(
            columns=[mm(65), mm(100)],
            rows=[
                Row([Cell([Paragraph([Run("a", pt(13))])]), Cell([Paragraph([Run("b", pt(13))])])])
            ],
        )
        root = body_of(Document([Section(page(), [table])]))
        assert [g.get(w("w")) for g in root.iter(w("gridCol"))] == ["3685", "5669"]
        assert [c.get(w("w")) for c in root.iter(w("tcW"))] == ["3685", "5669"]
        assert next(root.iter(w("tblLayout"))).get(w("type")) == "fixed"
        borders = next(root.iter(w("tblBorders")))
        assert {b.get(w("val")) for b in borders} == {"nil"}  # borderless header

    def test_cell_ending_with_a_table_gets_a_paragraph(self) -> None:
        inner = Table(
            columns=[mm(30)],
            rows=[Row([Cell([Paragraph([Run("KHẨN", pt(13))])])], height=mm(8), exact_height=True)],
            borders=Border(pt(0.75)),
            align=Align.CENTER,
        )
        outer = Table(columns=[mm(65)], rows=[Row([Cell([inner])])])
        root = body_of(Document([Section(page(), [outer])]))
        assert structure_problems(root) == []
        assert order_problems(root) == []
        tr_height = next(root.iter(w("trHeight")))
        assert tr_height.get(w("hRule")) == "exact" and tr_height.get(w("val")) == "454"


class TestChecker:
    """The checker itself must catch what Word refuses."""

    def test_catches_out_of_order_properties(self) -> None:
        xml = (
            f'<w:p xmlns:w="{W}"><w:pPr><w:jc w:val="center"/><w:spacing w:before="0"/>'
            f"</w:pPr></w:p>"
        )
        assert order_problems(etree.fromstring(xml))

    def test_catches_unknown_child(self) -> None:
        xml = f'<w:rPr xmlns:w="{W}"><w:bold/></w:rPr>'
        assert order_problems(etree.fromstring(xml))

    def test_catches_cell_without_paragraph(self) -> None:
        xml = (
            f'<w:tbl xmlns:w="{W}"><w:tblPr/><w:tblGrid><w:gridCol w:w="10"/></w:tblGrid>'
            f"<w:tr><w:tc><w:tcPr/></w:tc></w:tr></w:tbl>"
        )
        assert structure_problems(etree.fromstring(xml))

    def test_catches_missing_font_slot(self) -> None:
        xml = (
            f'<w:r xmlns:w="{W}"><w:rPr><w:rFonts w:ascii="Times New Roman" '
            f'w:hAnsi="Times New Roman"/></w:rPr></w:r>'
        )
        assert font_problems(etree.fromstring(xml))


class TestWrite:
    def test_write_is_atomic(self, tmp_path: Path) -> None:
        path = tmp_path / "công văn.docx"
        docx_writer.write(compose(cong_van()), path)
        assert all_problems(path.read_bytes()) == []
        assert [p.name for p in tmp_path.iterdir()] == ["công văn.docx"]

    def test_write_failure_keeps_the_old_file(self, tmp_path: Path) -> None:
        (tmp_path / "a.docx").mkdir()
        with pytest.raises(WriteError):
            docx_writer.write(compose(cong_van()), tmp_path / "a.docx")
        assert (tmp_path / "a.docx").is_dir()


def _type_ids() -> list[str]:
    from drafter.core.doctypes import Registry
    from drafter.paths import templates_dir

    return sorted(Registry([templates_dir()]).ids())


@pytest.mark.parametrize("type_id", _type_ids())
def test_every_type_sample_makes_a_valid_package(type_id: str) -> None:
    from drafter.core import letterfile
    from drafter.core.doctypes import Registry
    from drafter.paths import templates_dir

    registry = Registry([templates_dir()])
    letter, problems = letterfile.load(registry.get(type_id).sample_path, registry)
    assert problems == []
    data = docx_writer.to_bytes(compose(letter, registry), letter.date)
    assert all_problems(data) == []
    opened = docx.Document(io.BytesIO(data))
    assert all(p.style.name.startswith("Drafter – ") for p in opened.paragraphs)
