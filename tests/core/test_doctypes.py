"""Document types as data: loading, every declaration error, user overrides."""

from __future__ import annotations

import datetime as dt
import os
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
    folder = make_type(
        tmp_path,
        "giay_moi",
        """
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
""",
    )
    doctype = load_doctype(folder)
    assert doctype.id == "giay_moi"
    assert doctype.printed_title == "GIẤY MỜI"
    assert [f.id for f in doctype.fields] == ["thoi_gian", "buoi"]
    assert doctype.field("thoi_gian").kind is FieldKind.DATE  # type: ignore[union-attr]
    assert doctype.field("buoi").choices == ("sáng", "chiều")  # type: ignore[union-attr]
    assert doctype.field("nothing") is None


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('name = "A"\n', "sample: is required"),
        ('name = "A"\nsample = "1.4"\ncolour = 1\n', "unknown keys: colour"),
        ('name = "A"\nsample = "1.4"\nsummary = "huge"\n', "summary: must be one of: title, vv"),
        ('name = "A"\nsample = "1.4"\nsignatures = "two"\n', "signatures: must be a whole number"),
        ('name = "A"\nsample = "1.4"\nsignatures = 1000000000\n', "from 0 to 4"),
        ('name = "A"\nsample = "1.4"\nsignatures = true\n', "signatures: must be a whole number"),
        ('name = "A"\nsample = "1.4"\nhas_number = "false"\n', "has_number: must be true or false"),
        ('name = "A"\nsample = "1.4"\ntitle = 0\n', "title: must be true or false"),
        (
            'name = "A"\nsample = "1.4"\nnoi_nhan = "Như trên"\n',
            "noi_nhan: must be a list of texts",
        ),
        ('name = "A"\nsample = "1.4"\nnoi_nhan = [1]\n', "noi_nhan: must be a list of texts"),
        (
            'name = "A"\nsample = "1.4"\nsignature_captions = "CHỦ TỌA"\n',
            "signature_captions: must be a list of texts",
        ),
        ('name = "A"\nsample = "1.4"\nluu = ["VT"]\n', "luu: must be text"),
        ('name = "A"\nsample = "1.4"\nkinh_gui = true\n', "kinh_gui: must be one of: none"),
        ('name = ["A"]\nsample = "1.4"\n', "name: is required"),
        ('name = "A"\nsample = "1.4"\nfields = "x"\n', "fields: must be a list of tables"),
        (
            'name = "A"\nsample = "1.4"\n[[fields]]\nid = "x"\nrequired = "no"\n',
            "fields[0]: required: must be true or false",
        ),
        (
            'name = "A"\nsample = "1.4"\n[[fields]]\nid = "x"\nchoices = "ab"\n',
            "fields[0]: choices: must be a list of texts",
        ),
        (
            'name = "A"\nsample = "1.4"\n[[fields]]\nid = "x"\nlabel = 3\n',
            "fields[0]: label: must be text",
        ),
        (
            'name = "A"\nsample = "1.4"\n[[fields]]\nid = "x"\nkind = "lines"\ndefault = "a"\n',
            "fields[0]: default: must be a value of the kind 'lines'",
        ),
        (
            'name = "A"\nsample = "1.4"\n[[fields]]\nid = "x"\nkind = "integer"\ndefault = true\n',
            "fields[0]: default: must be a value of the kind 'integer'",
        ),
        ('name = "A"\nsample = "1.4"\nx = ' + "[" * 2000 + "]" * 2000 + "\n", "nested too deeply"),
        (
            'name = "A"\nsample = "1.4"\nx = ' + "{a=" * 2000 + "1" + "}" * 2000 + "\n",
            "nested too deeply",
        ),
        ('name = "A"\nsample = "1.4"\n[[fields]]\nid = "1x"\n', "id: must be a name"),
        (
            'name = "A"\nsample = "1.4"\n[[fields]]\nid = "x"\nkind = "colour"\n',
            "kind: must be one of",
        ),
        ('name = "A"\nsample = "1.4"\n[[fields]]\nid = "x"\nsize = 3\n', "unknown keys: size"),
        ('name = "A"\nsample = "1.4"\n[[fields]]\nid = "x"\n[[fields]]\nid = "x"\n', "unique"),
        ('name = "A"\nsample = "1.4"\nfields = [1]\n', "must be a table"),
        ("name = \n", "is not valid TOML"),
    ],
)
def test_declaration_errors_name_the_file(tmp_path: Path, toml: str, expected: str) -> None:
    folder = make_type(tmp_path, "bad", toml)
    with pytest.raises(DocTypeError) as caught:
        load_doctype(folder)
    message = str(caught.value)
    assert message.startswith(str(folder / "type.toml"))
    assert expected in message


def test_declared_values_keep_their_kinds(tmp_path: Path) -> None:
    folder = make_type(
        tmp_path,
        "to",
        """
name = "Tờ"
sample = "1.4"
has_number = false
title = false
signatures = 2
noi_nhan = ["Như trên"]
[[fields]]
id = "ngay"
kind = "date"
default = 2026-03-05
[[fields]]
id = "dong"
kind = "lines"
default = ["a", "b"]
""",
    )
    doctype = load_doctype(folder)
    assert doctype.has_number is False and doctype.title is False
    assert doctype.signatures == 2
    assert doctype.noi_nhan == ("Như trên",)
    assert [f.default for f in doctype.fields] == [dt.date(2026, 3, 5), ["a", "b"]]


def test_wrong_kind_message_in_vietnamese(tmp_path: Path) -> None:
    from drafter import i18n

    folder = make_type(tmp_path, "bad", 'name = "A"\nsample = "1.4"\nhas_number = "false"\n')
    i18n.set_language("vi")
    with pytest.raises(DocTypeError) as caught:
        load_doctype(folder)
    assert str(caught.value) == (
        f"{folder / 'type.toml'}: has_number: phải là true hoặc false, không có ngoặc kép"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX feature")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    folder = tmp_path / "fifo"
    folder.mkdir()
    os.mkfifo(folder / "type.toml")
    with pytest.raises(DocTypeError, match="not a regular file"):
        load_doctype(folder)


def test_a_huge_type_file_is_refused(tmp_path: Path) -> None:
    folder = make_type(tmp_path, "huge", 'name = "A"\nsample = "1.4"\n' + "#" * 2_000_000)
    with pytest.raises(DocTypeError, match="too large"):
        load_doctype(folder)


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


def test_one_broken_user_type_leaves_the_others_working(tmp_path: Path) -> None:
    shipped, user = tmp_path / "shipped", tmp_path / "user"
    make_type(shipped, "cong_van", 'name = "Công văn"\nsample = "1.5"\n')
    make_type(
        user, "sau", 'name = "A"\nsample = "1.4"\nx = ' + "{a=" * 3000 + "1" + "}" * 3000 + "\n"
    )
    (user / "ong").mkdir()
    os.mkfifo(user / "ong" / "type.toml")
    registry = Registry([shipped, user])
    assert registry.ids() == ["cong_van"]
    assert registry.get("cong_van").name == "Công văn"
    registry.all()
    assert len(registry.errors) == 2  # each reported once, however often the types are read
    assert str(user / "sau" / "type.toml") in registry.errors[1]
    assert "nested too deeply" in registry.errors[1]
    assert str(user / "ong" / "type.toml") in registry.errors[0]


def test_cli_lists_the_types_beside_a_broken_one(drafter_home: Path) -> None:
    import subprocess
    import sys

    make_type(
        drafter_home / "data" / "templates",
        "sau",
        'name = "A"\nsample = "1.4"\nx = ' + "[" * 3000 + "]" * 3000 + "\n",
    )
    env = {**os.environ, "DRAFTER_HOME": str(drafter_home), "DRAFTER_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-m", "drafter", "types"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0
    assert "cong_van" in done.stdout and "quyet_dinh" in done.stdout
    assert done.stderr.strip() == (
        f"{drafter_home / 'data' / 'templates' / 'sau' / 'type.toml'}: "
        "is nested too deeply to be read"
    )


def test_cli_renders_a_shipped_type_beside_a_broken_one(drafter_home: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    from sample_letters import cong_van

    from drafter.core import letterfile

    make_type(
        drafter_home / "data" / "templates",
        "sau",
        'name = "A"\nsample = "1.4"\nx = ' + "{a=" * 3000 + "1" + "}" * 3000 + "\n",
    )
    letter = tmp_path / "thu.letter"
    letterfile.save(cong_van(), letter)
    env = {**os.environ, "DRAFTER_HOME": str(drafter_home), "DRAFTER_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-m", "drafter", "render", str(letter), "-o", str(tmp_path / "thu.docx")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "thu.docx").stat().st_size > 0
