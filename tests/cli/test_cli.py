"""The ``drafter`` command run as a user runs it: a separate process, real files, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from ooxml_check import all_problems
from sample_letters import cong_van, docx_parts

from cli.running import drafter, write_letter
from drafter import __version__
from drafter.core import letterfile

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture(scope="module")
def shared_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # One home for the module: the font-metrics cache is then built once, not per process.
    return tmp_path_factory.mktemp("cli-home")


def test_version(shared_home: Path) -> None:
    result = drafter("--version", home=shared_home)
    assert result.returncode == 0
    assert result.stdout.strip() == f"Drafter {__version__}"


def test_types_lists_every_type(shared_home: Path) -> None:
    result = drafter("types", home=shared_home)
    assert result.returncode == 0
    assert any(line.split()[:2] == ["cong_van", "Công"] for line in result.stdout.splitlines())


def test_types_json(shared_home: Path) -> None:
    from drafter.core.doctypes import default_registry

    result = drafter("types", "--json", home=shared_home)
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert sorted(t["id"] for t in data) == sorted(default_registry().ids())
    cong_van_type = next(t for t in data if t["id"] == "cong_van")
    assert cong_van_type["name"] == "Công văn" and cong_van_type["abbreviation"] == ""


def test_new_prints_a_sample_that_renders(shared_home: Path, tmp_path: Path) -> None:
    result = drafter("new", "cong_van", home=shared_home)
    assert result.returncode == 0
    letter, problems = letterfile.loads(result.stdout)
    assert problems == [] and letter.type_id == "cong_van"
    path = tmp_path / "mau.letter"
    path.write_text(result.stdout, encoding="utf-8")
    rendered = drafter("render", str(path), home=shared_home)
    assert rendered.returncode == 0, rendered.stderr
    assert all_problems((tmp_path / "mau.docx").read_bytes()) == []


def test_new_unknown_type(shared_home: Path) -> None:
    result = drafter("new", "thu_tinh", home=shared_home)
    assert result.returncode == 2
    assert "thu_tinh" in result.stderr and result.stdout == ""


def test_render_one_file(shared_home: Path, tmp_path: Path) -> None:
    source = write_letter(tmp_path / "công văn.letter")
    result = drafter("render", str(source), "-o", str(tmp_path / "ra.docx"), home=shared_home)
    assert (result.returncode, result.stderr) == (0, "")
    assert all_problems((tmp_path / "ra.docx").read_bytes()) == []


def test_render_many_into_a_folder(shared_home: Path, tmp_path: Path) -> None:
    sources = [str(write_letter(tmp_path / f"thu{i}.letter", number=i)) for i in range(1, 4)]
    out = tmp_path / "ra" / "docx"
    result = drafter("render", *sources, "-o", str(out), home=shared_home)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["thu1.docx", "thu2.docx", "thu3.docx"]
    assert all(all_problems(p.read_bytes()) == [] for p in out.iterdir())


def test_render_beside_each_letter_by_default(shared_home: Path, tmp_path: Path) -> None:
    source = write_letter(tmp_path / "a.letter")
    assert drafter("render", str(source), home=shared_home).returncode == 0
    assert (tmp_path / "a.docx").is_file()


def test_render_from_stdin(shared_home: Path, tmp_path: Path) -> None:
    text = letterfile.dumps(cong_van()).encode("utf-8")
    result = drafter(
        "render", "-", "-o", str(tmp_path / "stdin.docx"), home=shared_home, stdin=text
    )
    assert result.returncode == 0, result.stderr
    assert all_problems((tmp_path / "stdin.docx").read_bytes()) == []


def test_stdin_needs_an_output(shared_home: Path) -> None:
    result = drafter("render", "-", home=shared_home, stdin=b"")
    assert result.returncode == 2
    assert "-o" in result.stderr


def test_invalid_input_prints_every_problem(shared_home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.letter"
    bad.write_text(
        'drafter = 1\ntype = "cong_van"\nnumber = -1\ncolour = "red"\n', encoding="utf-8"
    )
    good = write_letter(tmp_path / "good.letter")
    out = tmp_path / "out"
    result = drafter("render", str(bad), str(good), "-o", str(out), home=shared_home)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert f"{bad}: colour: unknown key" in lines
    assert any(line.startswith(f"{bad}: number: ") for line in lines)
    assert all(line.startswith(f"{bad}: ") for line in lines)
    assert (out / "good.docx").is_file()  # the other letters are still rendered
    assert not (out / "bad.docx").exists()


def test_incomplete_letter_lists_what_is_missing(shared_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "draft.letter"
    path.write_text('drafter = 1\ntype = "cong_van"\n', encoding="utf-8")
    result = drafter("render", str(path), home=shared_home)
    assert result.returncode == 2
    fields = {line.split(": ")[1] for line in result.stderr.strip().splitlines()}
    assert {"issuer.name", "place", "subject", "kinh_gui", "body", "signatures"} <= fields


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"drafter = 1\ntype = ", "not a valid letter file"),
        ('drafter = 1\ntype = "cong_van"\nplace = "Hà Nam"\n'.encode("cp1258"), "UTF-8"),
        (b'drafter = 9\ntype = "cong_van"\n', "newer version"),
    ],
)
def test_unreadable_letter_files(
    shared_home: Path, tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "x.letter"
    path.write_bytes(content)
    result = drafter("render", str(path), home=shared_home)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{path}: ") and words in result.stderr


def test_missing_file(shared_home: Path, tmp_path: Path) -> None:
    result = drafter("render", str(tmp_path / "none.letter"), home=shared_home)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{tmp_path / 'none.letter'}: file: ")


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs Linux's read-only /sys")
def test_write_error_exits_1_and_keeps_nothing_half_written(
    shared_home: Path, tmp_path: Path
) -> None:
    source = write_letter(tmp_path / "a.letter")
    result = drafter("render", str(source), "-o", "/sys/a.docx", home=shared_home)
    assert result.returncode == 1
    assert result.stderr.startswith("/sys/a.docx: ")
    assert "read-only" in result.stderr and "Traceback" not in result.stderr


def test_many_letters_into_an_existing_file_is_refused(shared_home: Path, tmp_path: Path) -> None:
    a, b = write_letter(tmp_path / "a.letter"), write_letter(tmp_path / "b.letter")
    (tmp_path / "out.txt").write_text("x")
    result = drafter("render", str(a), str(b), "-o", str(tmp_path / "out.txt"), home=shared_home)
    assert result.returncode == 2 and "folder" in result.stderr


HEADLESS = [("--version",), ("types",), ("types", "--json"), ("new", "cong_van")]


@pytest.mark.parametrize("args", HEADLESS)
def test_headless_commands_never_import_qt(shared_home: Path, args: tuple[str, ...]) -> None:
    result = drafter(*args, home=shared_home, python_flags=("-X", "importtime"))
    assert result.returncode == 0
    assert "PySide6" not in result.stderr and "shiboken6" not in result.stderr


def test_render_never_imports_qt(shared_home: Path, tmp_path: Path) -> None:
    sources = [str(write_letter(tmp_path / f"t{i}.letter", number=i)) for i in range(1, 4)]
    result = drafter(
        "render",
        *sources,
        "-o",
        str(tmp_path / "out"),
        home=shared_home,
        python_flags=("-X", "importtime"),
    )
    assert result.returncode == 0
    imported = [
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    ]
    assert "drafter.render.docx_writer" in imported  # the check sees the real imports
    assert not [m for m in imported if m.startswith(("PySide6", "shiboken6"))]


def test_render_in_process_leaves_qt_out(tmp_path: Path) -> None:
    """The same check from inside: after ``cli.main`` no Qt module is loaded."""
    source = write_letter(tmp_path / "a.letter")
    code = (
        "import sys; from drafter import cli; "
        f"status = cli.main(['render', {str(source)!r}, '-o', {str(tmp_path / 'a.docx')!r}]);"
        "print(status, sorted(m for m in sys.modules if m.startswith(('PySide6', "
        "'shiboken6'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "DRAFTER_HOME": str(tmp_path / "home")},
        timeout=120,
        check=False,
    )
    assert result.stdout.strip() == "0 []", result.stderr


def test_large_batch_with_one_bad_letter(shared_home: Path, tmp_path: Path) -> None:
    """A mail merge large enough to be shared among worker processes."""
    sources = [
        str(write_letter(tmp_path / f"thu{i:03d}.letter", number=i, kinh_gui=[f"Trường số {i}"]))
        for i in range(1, 80)
    ]
    bad = tmp_path / "thu_hong.letter"
    bad.write_text('drafter = 1\ntype = "cong_van"\nnumber = "x"\n', encoding="utf-8")
    out = tmp_path / "out"
    result = drafter(
        "render",
        *sources,
        str(bad),
        "-o",
        str(out),
        home=shared_home,
        python_flags=("-X", "importtime"),
    )
    assert result.returncode == 2
    problems = [line for line in result.stderr.splitlines() if not line.startswith("import time:")]
    assert problems and all(line.startswith(f"{bad}: ") for line in problems)
    produced = sorted(out.iterdir())
    assert len(produced) == 79
    assert all(all_problems(p.read_bytes()) == [] for p in produced[::13])
    for number in (5, 64, 79):  # each file holds its own letter, whichever worker made it
        xml = docx_parts((out / f"thu{number:03d}.docx").read_bytes())["word/document.xml"]
        assert f"Kính gửi: Trường số {number}<".encode() in xml
        assert f"Số: {number:02d}/SGDĐT-VP<".encode() in xml
    assert "PySide6" not in result.stderr
