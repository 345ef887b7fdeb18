"""The one check reports problems in the order the form shows the parts, so the list
reads top to bottom and the window's cursor goes to the first."""

from __future__ import annotations

from drafter.app.check import check, check_file
from drafter.core import schema
from drafter.core.doctypes import default_registry
from drafter.core.letter import Letter, Signature

REGISTRY = default_registry()


def test_a_new_cong_van_lists_the_issuer_first_then_downwards() -> None:
    problems = check(Letter(type_id="cong_van"), REGISTRY)
    fields = [p.field for p in problems]
    assert fields[0] == "issuer.name"
    assert (
        fields.index("place")
        < fields.index("subject")
        < fields.index("kinh_gui")
        < fields.index("body")
        < fields.index("signatures")
    )
    doctype = REGISTRY.get("cong_van")
    positions = [schema.position(f, doctype) for f in fields]
    assert positions == sorted(positions)


def test_file_and_content_problems_are_merged_in_the_form_order(tmp_path) -> None:
    path = tmp_path / "x.letter"
    path.write_text(
        'drafter = 1\ntype = "cong_van"\nplace = "Hà Nội"\ndate = "32/13/2026"\n'
        'colour = "red"\nsubject = "Về việc A"\nbody = "Nội dung."\n'
        'kinh_gui = ["Sở Tài chính"]\n[issuer]\nname = ["SỞ NỘI VỤ"]\n'
        'abbreviation = "SNV"\n[[signatures]]\ntitle = "GIÁM ĐỐC"\n'
        "[noi_nhan]\ncopies = 0\n",
        encoding="utf-8",
    )
    _letter, problems = check_file(path, REGISTRY)
    # The unknown key is placed by no field: first, as the form shows it above them.
    assert [p.field for p in problems] == [
        "colour",
        "date",
        "signatures[1].name",
        "noi_nhan.copies",
    ]


def test_type_fields_sit_between_kinh_gui_and_the_content() -> None:
    doctype = REGISTRY.get("quyet_dinh")
    assert doctype.fields
    first = f"fields.{doctype.fields[0].id}"
    last = f"fields.{doctype.fields[-1].id}"
    assert (
        schema.position("kinh_gui", doctype)
        < schema.position(first, doctype)
        <= schema.position(last, doctype)
        < schema.position("body", doctype)
    )
    assert schema.position("signatures[1].name") < schema.position("signatures[2].title")
    assert (
        schema.position("noi_nhan.lines[3]")
        < schema.position("urgency")
        < schema.position("appendices[1].title")
    )


def test_the_required_signer_follows_the_position_of_the_same_block() -> None:
    letter = Letter(type_id="cong_van", signatures=[Signature(), Signature()])
    fields = [p.field for p in check(letter, REGISTRY) if p.field.startswith("signatures")]
    assert fields == [
        "signatures[1].title",
        "signatures[1].name",
        "signatures[2].title",
        "signatures[2].name",
    ]
