"""The shipped document types: every declaration, template and sample, held against NĐ 30.

Expected values come from the standard (nd30.md §4, §6 and §8: abbreviations, Appendix III
sample numbers, fixed phrases, Nơi nhận conventions), not from the code's own output.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pytest
from document_paragraphs import paragraphs

from drafter.app.check import check as problems_of
from drafter.app.compose import compose
from drafter.body.parser import BlockKind, parse_body
from drafter.core import letterfile
from drafter.core.doctypes import HeaderStyle, Presence, Registry, SummaryStyle
from drafter.core.letter import Letter
from drafter.core.problems import InvalidInput
from drafter.layout.build import QUOC_HIEU
from drafter.layout.model import Document, Paragraph
from drafter.paths import templates_dir
from drafter.render import docx_writer
from drafter.templating.environment import load_body_template

# nd30.md §6 (Appendix III §I) and §8: id -> (abbreviation, Appendix III sample).
EXPECTED_TYPES: dict[str, tuple[str, str]] = {
    "nghi_quyet": ("NQ", "1.1"),
    "quyet_dinh": ("QĐ", "1.2"),
    "chi_thi": ("CT", "1.4"),
    "quy_che": ("QC", "1.4"),
    "quy_dinh": ("QyĐ", "1.4"),
    "thong_cao": ("TC", "1.4"),
    "thong_bao": ("TB", "1.4"),
    "huong_dan": ("HD", "1.4"),
    "chuong_trinh": ("CTr", "1.4"),
    "ke_hoach": ("KH", "1.4"),
    "phuong_an": ("PA", "1.4"),
    "de_an": ("ĐA", "1.4"),
    "du_an": ("DA", "1.4"),
    "bao_cao": ("BC", "1.4"),
    "to_trinh": ("TTr", "1.4"),
    "giay_uy_quyen": ("GUQ", "1.4"),
    "phieu_gui": ("PG", "1.4"),
    "phieu_chuyen": ("PC", "1.4"),
    "phieu_bao": ("PB", "1.4"),
    "bien_ban": ("BB", "1.9"),
    "hop_dong": ("HĐ", "1.4"),
    "ban_ghi_nho": ("BGN", "1.4"),
    "ban_thoa_thuan": ("BTT", "1.4"),
    "cong_dien": ("CĐ", "1.6"),
    "giay_moi": ("GM", "1.7"),
    "giay_gioi_thieu": ("GGT", "1.8"),
    "giay_nghi_phep": ("GNP", "1.10"),
    "cong_van": ("", "1.5"),
    "thu_cong": ("", "1.5"),
    "phu_luc": ("", "2.1"),
    "sao_y": ("SY", "3.1"),
    "trich_sao": ("TrS", "3.1"),
    "sao_luc": ("SL", "3.1"),
    # Appendix IV's form for handling an incoming document; it carries no number.
    "phieu_giai_quyet_van_ban_den": ("", "IV"),
}
COPY_LABELS = {"sao_y": "SAO Y", "trich_sao": "TRÍCH SAO", "sao_luc": "SAO LỤC"}
KINH_GUI_TYPES = {
    "cong_van": Presence.REQUIRED,
    "to_trinh": Presence.OPTIONAL,
    "bao_cao": Presence.OPTIONAL,
}
TWO_SIGNATURES = {"bien_ban", "hop_dong", "ban_ghi_nho", "ban_thoa_thuan"}
# "ngày 05 tháng 3 năm 2020" inside a citation (nd30 §3: each basis gives its date).
CITATION_DATE = re.compile(r"ngày \d{2} tháng \d{1,2} năm \d{4}")


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry([templates_dir()])


def sample(registry: Registry, type_id: str) -> Letter:
    letter, problems = letterfile.load(registry.get(type_id).sample_path, registry)
    assert problems == [], [str(p) for p in problems]
    return letter


def first_page(document: Document) -> list[Paragraph]:
    return list(paragraphs(document.sections[0].blocks))


def texts(document: Document, role: str) -> list[str]:
    return [p.text for p in first_page(document) if p.role == role]


def body_texts(document: Document) -> list[str]:
    body_roles = {
        "body",
        "can_cu",
        "centered",
        "article",
        "clause",
        "point",
        "section",
        "part_label",
        "part_title",
        "dispatch_addressee",
    }
    return [p.text for p in first_page(document) if p.role in body_roles]


def rendered_blocks(registry: Registry, type_id: str) -> list:
    letter = sample(registry, type_id)
    markdown = load_body_template(registry.get(type_id)).render(letter)
    return parse_body(markdown)


# --- every shipped type ------------------------------------------------------------------


def test_all_types_of_the_decree_are_shipped(registry: Registry) -> None:
    assert registry.errors == []
    assert set(registry.ids()) == set(EXPECTED_TYPES)


@pytest.mark.parametrize("type_id", sorted(EXPECTED_TYPES))
def test_declaration_follows_appendix_iii(registry: Registry, type_id: str) -> None:
    doctype = registry.get(type_id)
    abbreviation, sample_number = EXPECTED_TYPES[type_id]
    assert doctype.abbreviation == abbreviation
    assert doctype.sample == sample_number
    assert doctype.name and doctype.name_en and doctype.description
    assert doctype.kinh_gui is KINH_GUI_TYPES.get(type_id, Presence.NONE)
    assert doctype.signatures == (
        2 if type_id in TWO_SIGNATURES else 0 if type_id == "phu_luc" else 1
    )
    assert doctype.has_date is (type_id not in {"bien_ban", "phu_luc"})
    for spec in doctype.fields:
        assert spec.label and spec.label_en, f"{type_id}.{spec.id} needs both labels"
        assert spec.id != "body", "the free text is the letter's own body, not a field"


@pytest.mark.parametrize("type_id", sorted(EXPECTED_TYPES))
def test_template_compiles_against_its_fields(registry: Registry, type_id: str) -> None:
    # Raises TemplateProblem when a variable is undeclared or a declared field unused.
    load_body_template(registry.get(type_id))


@pytest.mark.parametrize("type_id", sorted(EXPECTED_TYPES))
def test_sample_loads_composes_and_renders(registry: Registry, type_id: str) -> None:
    letter = sample(registry, type_id)
    assert problems_of(letter, registry) == []
    document = compose(letter, registry)
    data = docx_writer.to_bytes(document)
    with zipfile.ZipFile(BytesIO(data)) as archive:
        assert "word/document.xml" in archive.namelist()
    doctype = registry.get(type_id)
    if doctype.has_date:
        assert letter.date is not None and letter.date.year == 2026
    if doctype.body is not Presence.NONE or doctype.fields:
        # Every sample ends its content with "./." (nd30 §3).
        assert body_texts(document)[-1].endswith("./."), type_id


@pytest.mark.parametrize("type_id", sorted(EXPECTED_TYPES))
def test_sample_round_trips_through_the_file_format(registry: Registry, type_id: str) -> None:
    letter = sample(registry, type_id)
    again, problems = letterfile.loads(letterfile.dumps(letter), registry)
    assert problems == []
    assert again == letter


@pytest.mark.parametrize("type_id", sorted(EXPECTED_TYPES))
def test_sample_cites_its_legal_bases_in_full(registry: Registry, type_id: str) -> None:
    """nd30 §3: each căn cứ names the type, number and date (Luật: name and date)."""
    for block in rendered_blocks(registry, type_id):
        text = block.text.strip(" *")
        if text.startswith("Căn cứ"):
            assert CITATION_DATE.search(text), f"{type_id}: {text}"


@pytest.mark.parametrize("type_id", sorted(EXPECTED_TYPES))
def test_default_noi_nhan_follows_the_samples(registry: Registry, type_id: str) -> None:
    doctype = registry.get(type_id)
    if doctype.kinh_gui is not Presence.NONE or type_id == "giay_gioi_thieu":
        assert doctype.noi_nhan[:1] == ("Như trên",)
    elif type_id in {"quyet_dinh", "nghi_quyet"}:
        assert doctype.noi_nhan[0].startswith("Như Điều")
    if type_id == "bien_ban":
        assert doctype.luu == "VT, Hồ sơ"


# --- the structure each sample of Appendix III requires ---------------------------------


@pytest.mark.parametrize(
    ("type_id", "heading"), [("quyet_dinh", "QUYẾT ĐỊNH:"), ("nghi_quyet", "QUYẾT NGHỊ:")]
)
def test_decisions_have_authority_bases_and_articles(
    registry: Registry, type_id: str, heading: str
) -> None:
    blocks = rendered_blocks(registry, type_id)
    kinds = [b.kind for b in blocks]
    # Mẫu 1.1/1.2: authority line (centred), căn cứ lines, the centred heading, Điều 1.
    assert blocks[0].kind is BlockKind.CENTERED
    assert blocks[0].text == blocks[0].text.upper()
    can_cu = [b for b in blocks if b.kind is BlockKind.CAN_CU]
    assert len(can_cu) >= 2
    assert all(b.text.endswith(";") for b in can_cu[:-1]) and can_cu[-1].text.endswith(".")
    position = kinds.index(BlockKind.CAN_CU) + len(can_cu)
    assert blocks[position].kind is BlockKind.CENTERED and blocks[position].text == heading
    assert BlockKind.ARTICLE in kinds[position:]
    assert next(b for b in blocks if b.kind is BlockKind.ARTICLE).label == "Điều 1."


def test_quyet_dinh_closes_with_theo_de_nghi(registry: Registry) -> None:
    can_cu = [b for b in rendered_blocks(registry, "quyet_dinh") if b.kind is BlockKind.CAN_CU]
    assert can_cu[-1].text.startswith("Theo đề nghị của") and can_cu[-1].text.endswith(".")


def test_giay_moi_has_its_fixed_lines(registry: Registry) -> None:
    lines = body_texts(compose(sample(registry, "giay_moi"), registry))
    assert "trân trọng kính mời: " in lines[0]
    for start in ("Tới dự ", "Chủ trì: ", "Thời gian: ", "Địa điểm: "):
        assert any(line.startswith(start) for line in lines), start


def test_giay_gioi_thieu_has_its_fixed_lines(registry: Registry) -> None:
    document = compose(sample(registry, "giay_gioi_thieu"), registry)
    centred = texts(document, "centered")
    assert len(centred) == 1 and centred[0].endswith("trân trọng giới thiệu:")
    lines = body_texts(document)
    for start in ("Chức vụ: ", "Được cử đến: ", "Về việc: "):
        assert any(line.startswith(start) for line in lines), start
    assert "Đề nghị Quý cơ quan tạo điều kiện để ông có tên ở trên hoàn thành nhiệm vụ." in lines
    assert re.fullmatch(
        r"Giấy này có giá trị đến hết ngày \d{2} tháng \d{1,2} năm 2026\./\.", lines[-1]
    )
    # Mẫu 1.8: type name without a summary; Nơi nhận "- Như trên;" "- Lưu: VT."
    assert texts(document, "summary") == []
    assert texts(document, "noi_nhan_item") == ["- Như trên;", "- Lưu: VT."]


def test_bien_ban_has_its_fields_closing_line_and_two_signatures(registry: Registry) -> None:
    document = compose(sample(registry, "bien_ban"), registry)
    lines = body_texts(document)
    for start in (
        "Thời gian bắt đầu: ",
        "Địa điểm: ",
        "Thành phần tham dự:",
        "Chủ trì (chủ tọa): ",
        "Thư ký (người ghi biên bản): ",
    ):
        assert any(line.startswith(start) for line in lines), start
    assert re.fullmatch(r"(Cuộc họp|Hội nghị|Hội thảo) kết thúc vào .+\./\.", lines[-1])
    assert texts(document, "date") == []  # Mẫu 1.9 has no place and date line
    assert texts(document, "signature_line") == ["THƯ KÝ", "CHỦ TỌA"]
    assert texts(document, "noi_nhan_item")[-1] == "- Lưu: VT, Hồ sơ."


def test_giay_nghi_phep_has_its_fixed_lines_and_confirmation_block(registry: Registry) -> None:
    document = compose(sample(registry, "giay_nghi_phep"), registry)
    lines = body_texts(document)
    assert lines[0].startswith("Xét Đơn đề nghị nghỉ phép ngày ")
    assert lines[1].endswith(" cấp cho:")
    assert any(
        line.startswith("Được nghỉ phép trong thời gian ")
        and " kể từ ngày " in line
        and " đến hết ngày " in line
        for line in lines
    )
    assert lines[-1].startswith("Số ngày nghỉ phép nêu trên được tính vào thời gian ")
    confirmation = texts(document, "leave_confirmation")
    assert confirmation == [
        "Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi nghỉ phép (nếu cần)"
    ]
    assert texts(document, "leave_confirmation_note") == ["(Chữ ký, dấu)"]


def test_cong_dien_has_its_sender_line_and_addressees(registry: Registry) -> None:
    document = compose(sample(registry, "cong_dien"), registry)
    centred = texts(document, "centered")
    assert centred[0].endswith(" điện:") and centred[0].split(" điện:")[0].isupper()
    addressees = [p for p in first_page(document) if p.role == "dispatch_addressee"]
    assert len(addressees) >= 2
    texts_ = [a.text for a in addressees]
    assert all(t.startswith("- ") for t in texts_)
    assert all(t.endswith(";") for t in texts_[:-1]) and texts_[-1].endswith(".")
    # Set to the right like the sample's list, dashes aligned, wrapped lines hanging.
    assert all(a.indent_left > 0 and a.first_line < 0 for a in addressees)
    assert len({a.indent_left for a in addressees}) == 1
    lines = body_texts(document)
    start = lines.index(centred[0]) + 1  # the list comes straight after "… điện:"
    assert lines[start : start + len(texts_)] == texts_


@pytest.mark.parametrize("type_id", sorted(COPY_LABELS))
def test_copy_forms_print_their_label_and_symbol(registry: Registry, type_id: str) -> None:
    document = compose(sample(registry, type_id), registry)
    assert texts(document, "title") == [COPY_LABELS[type_id]]
    abbreviation = EXPECTED_TYPES[type_id][0]
    number = texts(document, "number")
    assert len(number) == 1 and f"/{abbreviation}-" in number[0]
    # Mẫu 3.1: no Quốc hiệu in the copy block, which sits under a full-width line.
    assert QUOC_HIEU not in [p.text for p in first_page(document)]
    assert texts(document, "copy_rule") == [""]


def test_trich_sao_prints_the_extract_above_its_copy_block(registry: Registry) -> None:
    roles = [p.role for p in first_page(compose(sample(registry, "trich_sao"), registry))]
    assert roles.index("article") < roles.index("copy_rule") < roles.index("title")


def test_phu_luc_has_its_heading_and_no_signature(registry: Registry) -> None:
    document = compose(sample(registry, "phu_luc"), registry)
    assert texts(document, "appendix_label") == ["Phụ lục I"]
    reference = texts(document, "appendix_reference")
    assert len(reference) == 1 and reference[0].startswith("(Kèm theo ")
    assert texts(document, "signer") == [] and texts(document, "noi_nhan_label") == []


@pytest.mark.parametrize(
    "type_id",
    sorted(t for t, (_, s) in EXPECTED_TYPES.items() if s in {"1.1", "1.2", "1.4", "1.6", "1.7"}),
)
def test_titled_types_print_name_and_summary(registry: Registry, type_id: str) -> None:
    doctype = registry.get(type_id)
    letter = sample(registry, type_id)
    document = compose(letter, registry)
    assert doctype.summary is SummaryStyle.TITLE and doctype.header is HeaderStyle.STANDARD
    assert texts(document, "title") == [doctype.name.upper()]
    # The layout writes the summary's display lines as explicit breaks.
    assert [t.replace("\n", " ") for t in texts(document, "summary")] == [letter.subject]


def test_document_issued_with_a_decision_has_no_number_date_or_signature(
    registry: Registry,
) -> None:
    """Mẫu 1.3: the attached document shows the header without Số and date, its name,
    summary and "(Kèm theo Quyết định số …)" in italics, its content, and no closing."""
    standalone = sample(registry, "quy_dinh")
    document = compose(standalone, registry)
    assert len(texts(document, "number")) == 1 and len(texts(document, "date")) == 1
    assert texts(document, "signer") == [standalone.signatures[0].name]

    letter = replace(
        standalone,
        place="",
        date=None,
        signatures=[],
        noi_nhan=[],
        attached_to="Kèm theo Quyết định số 12/QĐ-VP ngày 12 tháng 01 năm 2026 "
        "của Chánh Văn phòng Bộ Nội vụ",
    )
    assert problems_of(letter, registry) == []  # no signature, place or date needed
    document = compose(letter, registry)
    assert texts(document, "quoc_hieu") == [QUOC_HIEU]
    assert texts(document, "number") == [] and texts(document, "date") == []
    assert texts(document, "summary") == [standalone.subject]
    assert texts(document, "attached_to") == [f"({letter.attached_to})"]
    assert texts(document, "noi_nhan_label") == [] and texts(document, "signer") == []
    assert body_texts(document)[-1].endswith("./.")


def test_kinh_gui_types_print_the_recipients(registry: Registry) -> None:
    for type_id in KINH_GUI_TYPES:
        document = compose(sample(registry, type_id), registry)
        lines = texts(document, "kinh_gui")
        assert lines and lines[0].startswith("Kính gửi:"), type_id


# --- the user's templates folder ---------------------------------------------------------


def write_type(folder: Path, toml: str, template: str = "{{ body }}\n") -> Path:
    folder.mkdir(parents=True)
    (folder / "type.toml").write_text(toml, encoding="utf-8")
    (folder / "body.md.j2").write_text(template, encoding="utf-8")
    return folder


def test_user_folder_overrides_and_adds_types(tmp_path: Path) -> None:
    user = tmp_path / "templates"
    write_type(
        user / "cong_van",
        'name = "Công văn nội bộ"\nsample = "1.5"\n'
        'summary = "vv"\ntitle = false\nkinh_gui = "required"\n',
    )
    write_type(
        user / "thong_bao_nghi_le",
        """
name = "Thông báo nghỉ lễ"
abbreviation = "TB"
sample = "1.4"
[[fields]]
id = "ngay_nghi"
label = "Ngày nghỉ"
label_en = "Day off"
kind = "date"
required = true
""",
        "Cơ quan nghỉ lễ {{ ngay_nghi | date }}.\n\n{{ body }}\n",
    )
    registry = Registry([templates_dir(), user])
    assert registry.errors == []
    assert registry.get("cong_van").name == "Công văn nội bộ"
    assert registry.get("quyet_dinh").name == "Quyết định"  # shipped types stay
    assert len(registry.ids()) == len(EXPECTED_TYPES) + 1

    letter, problems = letterfile.loads(
        """
drafter = 1
type = "thong_bao_nghi_le"
place = "Hà Nội"
date = 2026-04-20
subject = "Nghỉ lễ Giỗ Tổ Hùng Vương năm 2026"
body = "Đề nghị các phòng bố trí trực theo lịch."
[issuer]
name = ["Văn phòng"]
abbreviation = "VP"
[fields]
ngay_nghi = 2026-04-26
[[signatures]]
authority = ["CHÁNH VĂN PHÒNG"]
name = "Lê Văn Hòa"
""",
        registry,
    )
    assert problems == []
    document = compose(letter, registry)
    assert "Cơ quan nghỉ lễ ngày 26 tháng 4 năm 2026." in body_texts(document)
    assert texts(document, "number")[0].endswith("/TB-VP")


def test_broken_user_type_is_reported_not_fatal(tmp_path: Path) -> None:
    user = tmp_path / "templates"
    write_type(user / "hong", 'name = "Hỏng"\nsample = \n')  # not TOML
    write_type(user / "thieu_mau", 'name = "Thiếu mẫu"\n')  # "sample" missing
    registry = Registry([templates_dir(), user])
    assert set(registry.ids()) == set(EXPECTED_TYPES)
    assert len(registry.errors) == 2
    assert any(str(user / "hong" / "type.toml") in e for e in registry.errors)
    assert any("sample" in e for e in registry.errors)


def test_user_template_using_an_undeclared_name_is_a_problem(tmp_path: Path) -> None:
    user = tmp_path / "templates"
    write_type(
        user / "chi_thi",
        'name = "Chỉ thị"\nabbreviation = "CT"\nsample = "1.4"\n',
        "{{ body }}\n\n{{ nguoi_ky }}\n",
    )
    registry = Registry([templates_dir(), user])
    letter = sample(Registry([templates_dir()]), "chi_thi")
    problems = problems_of(letter, registry)
    assert [p.field for p in problems] == ["template"]
    assert "nguoi_ky" in problems[0].message
    with pytest.raises(InvalidInput):
        compose(letter, registry)
