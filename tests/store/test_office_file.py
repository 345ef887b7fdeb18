"""The office's data as a TOML file, and new letters started from it (``drafter new
--office``): import, export, defaults per type."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.cli import main
from drafter.core import letterfile

OFFICE = """\
[[profiles]]
parent = ["Ủy ban nhân dân", "tỉnh Quảng Nam"]
name = ["Sở Giáo dục và Đào tạo"]
prose_name = "Sở Giáo dục và Đào tạo tỉnh Quảng Nam"
abbreviation = "SGDĐT"
unit = "VP"
phone = "0235.3852.111"
place = "Quảng Nam"
default = true

[[signers]]
name = "Lê Văn Cường"
title = "Giám đốc"
types = ["quyet_dinh"]
default = true

[[signers]]
name = "Trần Thị Dung"
title = "Chánh Văn phòng"
authority = ["TL. GIÁM ĐỐC"]
types = ["cong_van"]

[[signers]]
title = "Phó Giám đốc"

[[signers]]
name = "Phạm Văn Em"
types = ["khong_co_loai_nay"]

[[contacts]]
full_name = "Sở Nội vụ"
short_name = "Sở Nội vụ"

[[groups]]
name = "Các sở"
members = ["Sở Nội vụ", "Sở Tài chính"]
"""


@pytest.fixture
def office_file(tmp_path: Path) -> Path:
    path = tmp_path / "office.toml"
    path.write_text(OFFICE, encoding="utf-8")
    return path


def test_import_reports_each_bad_record_with_its_place_and_never_doubles(
    store_url: str, office_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["office", "import", str(office_file), "--db", store_url]) == 2
    out, err = capsys.readouterr()
    assert "Imported 1 profiles, 2 signers, 1 recipients and 1 groups; 2 records left out" in out
    assert "[[signers]] 3 (line 22): 'name' is required" in err
    assert "[[signers]] 4 (line 25): unknown document type 'khong_co_loai_nay'" in err
    assert main(["office", "import", str(office_file), "--db", store_url]) == 2
    from drafter.store.contacts import list_groups, search_contacts
    from drafter.store.engine import open_store
    from drafter.store.profiles import list_profiles
    from drafter.store.signers import list_signers

    store = open_store(store_url)
    try:
        assert len(list_profiles(store)) == 1 and len(list_signers(store)) == 2
        assert sorted(c.full_name for c in search_contacts(store)) == ["Sở Nội vụ", "Sở Tài chính"]
        [group] = list_groups(store)
        assert [m.contact.full_name for m in group.members] == ["Sở Nội vụ", "Sở Tài chính"]
    finally:
        store.close()


def test_export_then_import_elsewhere_gives_the_same_office(
    store_url: str, office_file: Path, tmp_path: Path
) -> None:
    main(["office", "import", str(office_file), "--db", store_url])
    exported = tmp_path / "exported.toml"
    assert main(["office", "export", str(exported), "--db", store_url]) == 0
    other = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    assert main(["office", "import", str(exported), "--db", other]) == 0
    again = tmp_path / "again.toml"
    assert main(["office", "export", str(again), "--db", other]) == 0
    assert again.read_text(encoding="utf-8") == exported.read_text(encoding="utf-8")
    assert "default = true" in exported.read_text(encoding="utf-8")


def test_a_file_that_is_not_toml_is_refused_with_its_line(
    store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[profiles]]\nname = [\n", encoding="utf-8")
    assert main(["office", "import", str(bad), "--db", store_url]) == 2
    assert "bad.toml" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("type_id", "signer", "authority"),
    [
        ("quyet_dinh", "Lê Văn Cường", []),
        ("cong_van", "Trần Thị Dung", ["TL. GIÁM ĐỐC"]),
    ],
)
def test_new_office_letter_has_the_issuer_place_and_the_types_signer_and_renders(
    store_url: str,
    office_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    type_id: str,
    signer: str,
    authority: list[str],
) -> None:
    main(["office", "import", str(office_file), "--db", store_url])
    capsys.readouterr()
    assert main(["new", type_id, "--office", "--db", store_url]) == 0
    path = tmp_path / f"{type_id}.letter"
    path.write_text(capsys.readouterr().out, encoding="utf-8")
    letter, problems = letterfile.load(path)
    assert problems == []
    assert letter.issuer.name == ["SỞ GIÁO DỤC VÀ ĐÀO TẠO"]
    assert letter.issuer.parent == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM"]
    assert letter.issuer.prose_name == "Sở Giáo dục và Đào tạo tỉnh Quảng Nam"
    assert (letter.issuer.abbreviation, letter.issuer.unit) == ("SGDĐT", "VP")
    assert letter.issuer.phone == "0235.3852.111"
    assert letter.place == "Quảng Nam"
    assert (letter.signatures[0].name, letter.signatures[0].authority) == (signer, authority)
    assert letter.number is None and letter.document_id
    out = tmp_path / f"{type_id}.docx"
    assert main(["render", str(path), "-o", str(out)]) == 0
    assert out.stat().st_size > 0


def test_new_office_letter_with_an_unknown_profile_is_refused(
    store_url: str, office_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["office", "import", str(office_file), "--db", store_url])
    assert main(["new", "cong_van", "--office", "--profile", "XYZ", "--db", store_url]) == 2
    assert "XYZ" in capsys.readouterr().err


def test_the_last_unit_and_signer_of_a_type_come_first(store_url: str, office_file: Path) -> None:
    from drafter.app.new_letter import new_letter, remembered_of
    from drafter.store.engine import open_store

    main(["office", "import", str(office_file), "--db", store_url])
    store = open_store(store_url)
    try:
        first = new_letter("cong_van", store=store)
        assert first.signatures[0].name == "Trần Thị Dung"
        first.issuer.unit = "KGVX"
        first.signatures[0].name = "Lê Văn Cường"
        second = new_letter("cong_van", store=store, remembered=remembered_of(first))
        assert (second.issuer.unit, second.signatures[0].name) == ("KGVX", "Lê Văn Cường")
        assert second.document_id != first.document_id
    finally:
        store.close()
