"""``drafter render LETTER --names FILE``: one document per recipient, from the CLI."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from cli.running import drafter


def _document_text(path: Path) -> str:
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as package:
        return package.read("word/document.xml").decode("utf-8")


def _invitation_and_names(folder: Path) -> tuple[Path, Path]:
    """A giấy mời as ``drafter new`` writes it and a file of two names, in *folder*."""
    letter = folder / "gm.letter"
    letter.write_text(drafter("new", "giay_moi", home=folder).stdout, encoding="utf-8")
    names = folder / "names.txt"
    names.write_text("Nguyễn Văn An\nTrần Thị Bình\n", encoding="utf-8")
    return letter, names


def test_one_file_per_name(tmp_path: Path) -> None:
    letter, names = _invitation_and_names(tmp_path)
    result = drafter(
        "render", str(letter), "--names", str(names), "-o", str(tmp_path / "out"), home=tmp_path
    )
    assert result.returncode == 0, result.stderr
    files = sorted((tmp_path / "out").glob("*.docx"))
    assert len(files) == 2
    assert "Nguyễn Văn An" in _document_text(files[0])
    assert "Trần Thị Bình" in _document_text(files[1])


def test_one_combined_file(tmp_path: Path) -> None:
    letter, names = _invitation_and_names(tmp_path)
    out = tmp_path / "all.docx"
    result = drafter(
        "render", str(letter), "--names", str(names), "--together", "-o", str(out), home=tmp_path
    )
    assert result.returncode == 0, result.stderr
    xml = _document_text(out)
    assert "Nguyễn Văn An" in xml and "Trần Thị Bình" in xml
    assert xml.count("<w:sectPr>") == 2


def test_a_merge_takes_exactly_one_letter(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("Nguyễn Văn An\n", encoding="utf-8")
    result = drafter(
        "render", "a.letter", "b.letter", "--names", str(names), "-o", str(tmp_path), home=tmp_path
    )
    assert result.returncode == 2
    assert "-o" in result.stderr
