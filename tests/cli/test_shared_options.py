"""Options and reports several commands share: one declaration, the same behaviour."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.cli import build_parser, main

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize("command", [["render", "a.letter"], ["mailmerge", "a.letter"]])
def test_render_and_mailmerge_read_the_recipients_alike(command: list[str]) -> None:
    args = build_parser().parse_args(
        [*command, "-o", "out", "--group", "Các trường", "--together", "--into", "fields.x"]
    )
    assert (args.group, args.names, args.together, args.into) == (
        "Các trường",
        None,
        True,
        "fields.x",
    )
    assert args.output == Path("out")


@pytest.mark.parametrize("command", ["render", "mailmerge"])
def test_a_group_and_a_names_file_together_are_refused(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        build_parser().parse_args([command, "a.letter", "-o", "x", "--group", "G", "--names", "n"])
    assert stopped.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_mailmerge_needs_its_recipients_render_does_not() -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["mailmerge", "a.letter", "-o", "x"])
    assert build_parser().parse_args(["render", "a.letter"]).group is None


@pytest.mark.parametrize(
    ("command", "arguments"),
    [
        (["new"], ["cong_van"]),
        (["render"], ["a.letter"]),
        (["issue"], ["a.letter", "-o", "a.docx"]),
        (["register", "list"], []),
        (["contacts", "search"], []),
        (["sign"], ["a.pdf", "--as", "agency", "-o", "b.pdf"]),
    ],
)
def test_every_database_option_takes_a_url(
    command: list[str], arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql://drafter@db.example/office"
    assert build_parser().parse_args([*command, *arguments, "--db", url]).db == url
    with pytest.raises(SystemExit):
        build_parser().parse_args([*command, "--help"])
    assert "--db URL" in capsys.readouterr().out


def test_contacts_import_tells_each_notice_and_bad_row_after_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "danh bạ.csv"
    # Windows-1258 (not UTF-8): read, with a notice; the row without a name is left out.
    path.write_bytes("full_name,short_name\nCông ty Đông Á,ĐA\n,không tên\n".encode("cp1258"))

    assert main(["contacts", "import", str(path)]) == 2

    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 2 and all(line.startswith(f"{path}: ") for line in lines)
    assert "not UTF-8" in lines[0] and "row 3" in lines[1]
    assert captured.out.strip() == "1 added, 0 updated, 1 rows with problems"


def test_office_import_of_a_clean_file_exits_0_and_tells_only_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "office.toml"
    path.write_text('[[contacts]]\nfull_name = "Sở Tài chính"\n', encoding="utf-8")

    assert main(["office", "import", str(path)]) == 0

    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.strip() == (
        "Imported 0 profiles, 0 signers, 1 recipients and 0 groups; 0 records left out"
    )
