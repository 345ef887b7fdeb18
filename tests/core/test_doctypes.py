"""Document types as data: loading, every declaration error, user overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.core.doctypes import (
    DocTypeError,
    Presence,
    Registry,
    SummaryStyle,
    default_registry,
    load_doctype,
)
from drafter.core.fields import FieldKind

pytestmark = pytest.mark.usefixtures("english")


def make_type(base: Path, name: str, toml: str) -> Path:
    folder = base / name
    folder.mkdir(parents=True)
    (folder / "type.toml").write_text(toml, encoding="utf-8")
    (folder / "body.md.j2").write_text("{{ body }}\n", encoding="utf-8")
    return folder


def test_shipped_cong_van() -> None:
    cong_van = default_registry().get("cong_van")
    assert cong_van.name == "Công văn"
    assert cong_van.abbreviation == ""  # công văn has no type abbreviation (nd30 §6)
    assert cong_van.summary is SummaryStyle.VV
    assert cong_van.kinh_gui is Presence.REQUIRED
    assert cong_van.title is False
    assert cong_van.template_path.is_file() and cong_van.sample_path.is_file()


def test_every_shipped_type_loads_and_has_its_files() -> None:
    registry = default_registry()
    assert registry.errors == []
    for doctype in registry.all():
        assert doctype.template_path.is_file(), doctype.id
        assert doctype.sample_path.is_file(), doctype.id


def test_fields_are_read(tmp_path: Path) -> None:
    folder = make_type(tmp_path, "giay_moi", '''
name = "Giấy mời"
abbreviation = "GM"
sample = "1.7"
[[fields]]
id = "thoi_gian"
label = "Thời gian"
kind = "date"
required = true
[[fields]]
id = "buoi"
label = "Buổi"
kind = "choice"
choices = ["sáng", "chiều"]
''')
    doctype = load_doctype(folder)
    assert doctype.id == "giay_moi"
    assert doctype.printed_title == "GIẤY MỜI"
    assert [f.id for f in doctype.fields] == ["thoi_gian", "buoi"]
    assert doctype.field("thoi_gian").kind is FieldKind.DATE  # type: ignore[union-attr]
    assert doctype.field("buoi").choices == ("sáng", "chiều")  # type: ignore[union-attr]
    assert doctype.field("nothing") is None


@pytest.mark.parametrize(("toml", "expected"), [
    ('name = "A"\n', "sample: is required"),
    ('name = "A"\nsample = "1.4"\ncolour = 1\n', "unknown keys: colour"),
    ('name = "A"\nsample = "1.4"\nsummary = "huge"\n', "huge"),
    ('name = "A"\nsample = "1.4"\nsignatures = "two"\n', "two"),
    ('name = "A"\nsample = "1.4"\n[[fields]]\nid = "1x"\n', "id: must be a name"),
    ('name = "A"\nsample = "1.4"\n[[fields]]\nid = "x"\nkind = "colour"\n', "kind: must be one of"),
    ('name = "A"\nsample = "1.4"\n[[fields]]\nid = "x"\nsize = 3\n', "unknown keys: size"),
    ('name = "A"\nsample = "1.4"\n[[fields]]\nid = "x"\n[[fields]]\nid = "x"\n', "unique"),
    ('name = "A"\nsample = "1.4"\nfields = [1]\n', "must be a table"),
    ('name = \n', "is not valid TOML"),
])
def test_declaration_errors_name_the_file(tmp_path: Path, toml: str, expected: str) -> None:
    folder = make_type(tmp_path, "bad", toml)
    with pytest.raises(DocTypeError) as caught:
        load_doctype(folder)
    message = str(caught.value)
    assert message.startswith(str(folder / "type.toml"))
    assert expected in message


def test_unreadable_type_file(tmp_path: Path) -> None:
    folder = tmp_path / "missing"
    folder.mkdir()
    with pytest.raises(DocTypeError, match="cannot be read"):
        load_doctype(folder)


def test_user_types_override_and_add(tmp_path: Path) -> None:
    shipped, user = tmp_path / "shipped", tmp_path / "user"
    make_type(shipped, "cong_van", 'name = "Công văn"\nsample = "1.5"\n')
    make_type(user, "cong_van", 'name = "Công văn riêng"\nsample = "1.5"\n')
    make_type(user, "thu_moi", 'name = "Thư mời"\nsample = "1.4"\n')
    make_type(user, "hong", 'name = "Hỏng"\n')
    (user / "not_a_type").mkdir()
    registry = Registry([shipped, user, tmp_path / "absent"])
    assert registry.ids() == ["cong_van", "thu_moi"]
    assert registry.get("cong_van").name == "Công văn riêng"
    assert "thu_moi" in registry and "hong" not in registry
    assert len(registry.errors) == 1 and "hong" in registry.errors[0]
    with pytest.raises(KeyError):
        registry.get("hong")
