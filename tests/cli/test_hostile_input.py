"""``drafter render`` given hostile input: a clear message, the right exit status, no
traceback, nothing lost, every good letter of a batch still rendered."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sample_letters import docx_parts

from cli.running import drafter, write_letter
from drafter.app import render as batch
from drafter.core import letterfile


@pytest.fixture(scope="module")
def shared_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile-home")


def with_line(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def document_text(path: Path) -> str:
    return docx_parts(path.read_bytes())["word/document.xml"].decode("utf-8")


def test_one_bad_letter_does_not_stop_a_parallel_batch(tmp_path: Path, shared_home: Path) -> None:
    count = batch.PARALLEL_FROM + 6  # enough for worker processes
    letters = [write_letter(tmp_path / f"l{i:03d}.letter", number=i + 1) for i in range(count)]
    with_line(letters[33], "number = 34", "number = 9223372036854775808")
    with_line(letters[50], "number = 51", 'number = "²"')
    out = tmp_path / "out"
    result = drafter("render", *map(str, letters), "-o", str(out), home=shared_home)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(result.stderr.splitlines()) == [
        f"{letters[i]}: number: must be a whole number from 1 to 9 999 999, "
        "written in the digits 0-9"
        for i in (33, 50)
    ]
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(f"l{i:03d}.docx" for i in range(count) if i not in (33, 50))


def test_a_letter_that_fails_unexpectedly_is_reported_and_the_rest_rendered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    letters = [str(write_letter(tmp_path / f"{name}.letter")) for name in "abc"]
    real = batch.render_one

    def render_one(source: str, target: Path) -> tuple[int, list[str]]:
        if source.endswith("b.letter"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(source, target)

    monkeypatch.setattr(batch, "render_one", render_one)
    status = batch.render_files(letters, tmp_path / "out")
    assert status == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.docx", "c.docx"]
    assert letters[1] in capsys.readouterr().err


def test_read_only_target_is_refused_and_kept(tmp_path: Path, shared_home: Path) -> None:
    letter = write_letter(tmp_path / "a.letter")
    target = tmp_path / "đã ký.docx"
    target.write_bytes(b"the signed copy")
    target.chmod(0o444)
    result = drafter("render", str(letter), "-o", str(target), home=shared_home)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"{target}: the file is read-only; make it writable or choose another name"
    )
    assert target.read_bytes() == b"the signed copy"


def test_read_only_message_in_vietnamese(tmp_path: Path, shared_home: Path) -> None:
    letter = write_letter(tmp_path / "a.letter")
    target = tmp_path / "a.docx"
    target.write_bytes(b"x")
    target.chmod(0o444)
    result = drafter("render", str(letter), "-o", str(target), home=shared_home, language="vi")
    assert result.returncode == 1
    assert "chế độ chỉ đọc" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_named_pipe_as_letter_file(tmp_path: Path, shared_home: Path) -> None:
    pipe = tmp_path / "pipe.letter"
    os.mkfifo(pipe)
    result = drafter("render", str(pipe), "-o", str(tmp_path / "x.docx"), home=shared_home)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{pipe}: file: cannot be read: this is not an ordinary")
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_device_as_letter_file(tmp_path: Path, shared_home: Path) -> None:
    result = drafter("render", "/dev/zero", "-o", str(tmp_path / "x.docx"), home=shared_home)
    assert result.returncode == 2
    assert "not an ordinary file" in result.stderr and "Traceback" not in result.stderr


def test_oversized_standard_input(tmp_path: Path, shared_home: Path) -> None:
    data = b"drafter = 1\n#" + b"x" * letterfile.LETTER_FILE_BYTES
    result = drafter("render", "-", "-o", str(tmp_path / "x.docx"), home=shared_home, stdin=data)
    assert result.returncode == 2
    assert result.stderr.strip() == "<stdin>: file: is too big for a letter file (more than 5 MB)"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            'drafter = 1\ntype = "cong_van"\nx = ' + "[" * 3000 + "]" * 3000 + "\n",
            "nested too deeply",
        ),
        ('drafter = 1\ntype = "cong_van"\nnumber = ' + "7" * 5000 + "\n", "number too long"),
    ],
)
def test_unreadable_toml(tmp_path: Path, shared_home: Path, text: str, words: str) -> None:
    path = tmp_path / "a.letter"
    path.write_text(text, encoding="utf-8")
    result = drafter("render", str(path), home=shared_home)
    assert result.returncode == 2
    assert words in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("copies", ["3000000000", "9223372036854775808", '"\u0663"'])
def test_copies_out_of_range(tmp_path: Path, shared_home: Path, copies: str) -> None:
    path = with_line(write_letter(tmp_path / "a.letter"), "copies = 35", f"copies = {copies}")
    result = drafter("render", str(path), home=shared_home)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"{path}: noi_nhan.copies: must be a whole number "
        "from 1 to 10 000, written in the digits 0-9"
    )
    assert not path.with_suffix(".docx").exists()


def test_direction_override_is_reported_in_vietnamese(tmp_path: Path, shared_home: Path) -> None:
    path = write_letter(tmp_path / "a.letter", subject="hóa đơn\u202eFDP.exe")
    result = drafter("render", str(path), home=shared_home, language="vi")
    assert result.returncode == 2
    assert result.stderr.startswith(f"{path}: subject: chứa một ký tự điều khiển chiều viết")
    assert "U+202E" in result.stderr


def test_zero_width_characters_are_removed_from_the_document(
    tmp_path: Path, shared_home: Path
) -> None:
    path = write_letter(tmp_path / "a.letter", body="Nội\u200d dung\u2060 số\ufeff một.")
    result = drafter("render", str(path), home=shared_home)
    assert result.returncode == 0, result.stderr
    xml = document_text(path.with_suffix(".docx"))
    assert "Nội dung số một" in xml
    assert not any(c in xml for c in "\u200d\u2060\ufeff")


def test_deep_outline_loses_no_text(tmp_path: Path, shared_home: Path) -> None:
    outline = "\n".join("  " * depth + f"- Mức {depth};" for depth in range(12))
    body = f"Mở đầu:\n{'- ' * 10}dòng mười gạch;\n{outline}\n-\nĐoạn cuối cùng."
    path = write_letter(tmp_path / "a.letter", body=body)
    result = drafter("render", str(path), home=shared_home)
    assert result.returncode == 0, result.stderr
    xml = document_text(path.with_suffix(".docx"))
    assert "dòng mười gạch" in xml and "Đoạn cuối cùng" in xml
    assert all(f"- Mức {depth};" in xml for depth in range(12))
    assert "+ Mức" not in xml


def test_body_over_the_size_limit(tmp_path: Path, shared_home: Path) -> None:
    path = write_letter(tmp_path / "a.letter", body="Nội dung.\n" * 6_000)
    result = drafter("render", str(path), home=shared_home)
    assert result.returncode == 2
    assert result.stderr.strip() == f"{path}: body: has too many lines: 6 000, at most 5 000"


def test_spanish_name_is_not_taken_for_legacy_text(tmp_path: Path, shared_home: Path) -> None:
    path = write_letter(
        tmp_path / "a.letter", kinh_gui=["Ông Peña Muñoz", "Bà Doña Peña", "Ông Ñandú François"]
    )
    result = drafter("render", str(path), home=shared_home)
    assert result.returncode == 0, result.stderr
