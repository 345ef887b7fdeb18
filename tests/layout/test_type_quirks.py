"""What a few samples add to the common layout is declared in type.toml, not keyed by
sample number or field id in code: a type that declares a key gets the layout whatever
its sample, a type that does not never does, and the declarations are read strictly."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from document_paragraphs import body_paragraphs

from drafter.app.compose import compose
from drafter.app.mailmerge import default_target
from drafter.core import letterfile
from drafter.core.doctypes import DocTypeError, Registry, load_doctype
from drafter.layout.model import Document, Role
from drafter.paths import templates_dir


def _texts(document: Document, role: Role) -> list[str]:
    return [p.text for p in body_paragraphs(document) if p.role is role]


def _copy_type(tmp_path: Path, type_id: str, edit: Callable[[str], str]) -> Registry:
    """A registry holding a copy of a shipped type whose type.toml *edit* rewrote."""
    folder = tmp_path / type_id
    shutil.copytree(templates_dir() / type_id, folder)
    path = folder / "type.toml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return Registry([tmp_path])


def _composed(registry: Registry, type_id: str) -> Document:
    doctype = registry.get(type_id)
    letter, problems = letterfile.load(doctype.sample_path, registry)
    assert problems == []
    return compose(letter, registry)


def _sample(text: str, number: str) -> str:
    return (
        "\n".join(
            f'sample = "{number}"' if line.startswith("sample =") else line
            for line in text.splitlines()
        )
        + "\n"
    )


def test_shipped_types_declare_their_quirks() -> None:
    registry = Registry([templates_dir()])
    assert [t.id for t in registry.all() if t.dispatch_addressees] == ["cong_dien"]
    assert [t.id for t in registry.all() if t.confirmation_caption] == ["giay_nghi_phep"]
    assert {t.id: t.appendix_number_field for t in registry.all() if t.appendix_number_field} == {
        "phu_luc": "so_phu_luc"
    }
    assert {t.id: t.person_fields for t in registry.all() if t.person_fields} == {
        "giay_gioi_thieu": ("nguoi_duoc_gioi_thieu",),
        "giay_moi": ("nguoi_duoc_moi",),
    }


def test_the_dispatch_layout_follows_the_declaration_not_the_sample(tmp_path: Path) -> None:
    declared = _copy_type(tmp_path / "a", "cong_dien", lambda t: _sample(t, "1.4"))
    assert _texts(_composed(declared, "cong_dien"), Role.DISPATCH_ADDRESSEE)
    undeclared = _copy_type(
        tmp_path / "b", "cong_dien", lambda t: t.replace("dispatch_addressees = true\n", "")
    )
    assert undeclared.get("cong_dien").sample == "1.6"
    assert _texts(_composed(undeclared, "cong_dien"), Role.DISPATCH_ADDRESSEE) == []


def test_the_confirmation_block_prints_the_declared_caption(tmp_path: Path) -> None:
    caption = "Xác nhận của nơi đến công tác"
    registry = _copy_type(
        tmp_path,
        "giay_nghi_phep",
        lambda t: _sample(
            t.replace(
                'confirmation_caption = "Xác nhận của cơ quan (tổ chức) hoặc chính quyền '
                'địa phương nơi nghỉ phép (nếu cần)"',
                f'confirmation_caption = "{caption}"',
            ),
            "1.4",
        ),
    )
    document = _composed(registry, "giay_nghi_phep")
    assert _texts(document, Role.LEAVE_CONFIRMATION) == [caption]
    assert _texts(document, Role.LEAVE_CONFIRMATION_NOTE) == ["(Chữ ký, dấu)"]
    none = _copy_type(
        tmp_path / "b",
        "giay_nghi_phep",
        lambda t: "\n".join(
            line for line in t.splitlines() if not line.startswith("confirmation_caption")
        ),
    )
    assert _texts(_composed(none, "giay_nghi_phep"), Role.LEAVE_CONFIRMATION) == []


def test_the_appendix_number_comes_from_the_declared_field(tmp_path: Path) -> None:
    def rename(text: str) -> str:
        return text.replace('"so_phu_luc"', '"thu_tu"')

    registry = _copy_type(tmp_path, "phu_luc", rename)
    for path in (registry.get("phu_luc").sample_path, registry.get("phu_luc").template_path):
        path.write_text(
            rename(path.read_text(encoding="utf-8")).replace("so_phu_luc", "thu_tu"),
            encoding="utf-8",
        )
    assert _texts(_composed(registry, "phu_luc"), Role.APPENDIX_LABEL) == ["Phụ lục I"]


def test_mail_merge_fills_the_declared_person_field(tmp_path: Path) -> None:
    registry = Registry([templates_dir()])
    assert default_target(registry.get("giay_moi")) == "fields.nguoi_duoc_moi"
    assert default_target(registry.get("cong_van")) == "kinh_gui"
    # A field's name alone makes nobody the person a document is made out to.
    other = _copy_type(
        tmp_path,
        "giay_uy_quyen",
        lambda t: t.replace(
            'luu = "VT"\n', 'luu = "VT"\nperson_fields = ["nguoi_duoc_uy_quyen"]\n'
        ),
    )
    assert default_target(other.get("giay_uy_quyen")) == "fields.nguoi_duoc_uy_quyen"


def _write(tmp_path: Path, extra: str) -> Path:
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "type.toml").write_text(
        f'name = "A"\nsample = "1.4"\n{extra}\n[[fields]]\nid = "ten"\n', encoding="utf-8"
    )
    (folder / "body.md.j2").write_text("{{ body }}\n", encoding="utf-8")
    return folder


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ('dispatch_addressees = "yes"', "dispatch_addressees: must be true or false"),
        ("confirmation_caption = true", "confirmation_caption: must be text"),
        ("appendix_number_field = 1", "appendix_number_field: must be text"),
        (
            'appendix_number_field = "so"',
            "appendix_number_field: unknown field for this document type: so",
        ),
        ('person_fields = "ten"', "person_fields: must be a list of texts"),
        (
            'person_fields = ["ten", "ho_ten"]',
            "person_fields: unknown field for this document type: ho_ten",
        ),
    ],
)
def test_quirk_keys_are_read_strictly(tmp_path: Path, extra: str, expected: str) -> None:
    with pytest.raises(DocTypeError) as caught:
        load_doctype(_write(tmp_path, extra))
    assert expected in str(caught.value)


def test_quirk_keys_default_to_the_common_layout(tmp_path: Path) -> None:
    doctype = load_doctype(_write(tmp_path, 'person_fields = ["ten"]'))
    assert doctype.person_fields == ("ten",)
    assert (
        doctype.dispatch_addressees,
        doctype.confirmation_caption,
        doctype.appendix_number_field,
    ) == (False, "", "")
