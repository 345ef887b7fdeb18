"""One decision about fonts: Times New Roman when installed, else Liberation Serif, and
never a file without the Vietnamese alphabet; the layout measures and the Qt painter
draws with exactly those files."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pymupdf
import pytest
from font_dirs import forget_fonts, link_family, system_choice, use_font_dirs

from drafter import fonts
from drafter.layout import metrics


@pytest.fixture(autouse=True)
def fresh_decision() -> Iterator[None]:
    forget_fonts()
    yield
    forget_fonts()


def _without(source: Path, target: Path, letters: str) -> Path:
    """A copy of *source* whose character map lacks *letters* (made at run time)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(source))
    keep = set(font.getBestCmap()) - {ord(c) for c in letters}
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=keep)
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(target))
    return target


def test_the_vietnamese_alphabet_is_complete_and_precomposed() -> None:
    letters = fonts.vietnamese_letters()
    assert len(letters) == 2 * (17 + 12 * 6) == 178
    assert all(unicodedata.is_normalized("NFC", c) for c in letters)
    for letter in "ựỰđĐỹỴơƯẫ":
        assert letter in letters


class Families(NamedTuple):
    liberation: Path
    times: Path


@pytest.fixture
def families(tmp_path: Path) -> Families:
    """Liberation Serif and Times New Roman, each in a folder of its own (the system's
    serif files linked under each family's file names)."""
    source = system_choice()
    return Families(
        liberation=link_family(source, tmp_path / "liberation", "Liberation Serif"),
        times=link_family(source, tmp_path / "times", "Times New Roman"),
    )


def test_times_new_roman_wins_over_liberation_serif(
    families: Families, monkeypatch: pytest.MonkeyPatch
) -> None:
    liberation, times = families
    use_font_dirs(monkeypatch, liberation, times)  # Liberation's folder is searched first
    choice = fonts.resolve()
    assert choice.suitable
    assert {choice.path(*face) for face in fonts.FACES} == {
        times / "times.ttf",
        times / "timesbd.ttf",
        times / "timesi.ttf",
        times / "timesbi.ttf",
    }
    assert metrics.face(bold=True).source == "timesbd.ttf"


def test_the_font_folder_override_is_searched_before_the_system(
    families: Families, monkeypatch: pytest.MonkeyPatch
) -> None:
    liberation, times = families
    use_font_dirs(monkeypatch, times, override=liberation)
    assert fonts.resolve().path(True, True) == liberation / "LiberationSerif-BoldItalic.ttf"


def test_a_file_lacking_one_vietnamese_letter_is_never_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = system_choice()
    times = link_family(source, tmp_path / "times", "Times New Roman")
    bold = source.path(True, False)
    assert bold is not None
    (times / "timesbd.ttf").unlink()
    _without(bold, times / "timesbd.ttf", "ự")
    liberation = link_family(source, tmp_path / "liberation", "Liberation Serif")
    use_font_dirs(monkeypatch, times, liberation)

    choice = fonts.resolve()
    assert choice.path(True, False) == liberation / "LiberationSerif-Bold.ttf"
    assert [(f.path, f.missing) for f in choice.rejected] == [(times / "timesbd.ttf", "ự")]
    assert fonts.missing_font_message() is None

    use_font_dirs(monkeypatch, times)  # and nothing else: no suitable font at all
    choice = fonts.resolve()
    assert not choice.suitable
    assert choice.path(False, False) is None
    message = fonts.missing_font_message()
    assert message is not None
    assert "sudo apt install fonts-liberation2" in message
    assert str(times / "timesbd.ttf") in message
    assert metrics.face().source == "estimate"


def test_what_a_file_holds_is_read_once_and_again_when_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = system_choice()
    folder = tmp_path / "fonts"
    folder.mkdir()
    for face in fonts.FACES:
        original = source.path(*face)
        assert original is not None
        (folder / fonts.CANDIDATES["Liberation Serif"][face][0]).write_bytes(original.read_bytes())
    use_font_dirs(monkeypatch, folder)
    first = fonts.resolve()
    assert first.suitable

    reads: list[Path] = []
    real_read = fonts.read_font_file
    monkeypatch.setattr(fonts, "read_font_file", lambda path: reads.append(path) or real_read(path))
    fonts.forget()
    assert fonts.resolve() == first
    assert reads == []  # from the cache file, keyed by path, size and time

    bold = folder / "LiberationSerif-Bold.ttf"
    os.utime(bold, ns=(bold.stat().st_atime_ns, bold.stat().st_mtime_ns + 10**9))
    fonts.forget()
    assert fonts.resolve().path(True, False) == bold
    assert reads == [bold]


def test_a_private_copy_changes_only_the_family_name(tmp_path: Path) -> None:
    from fontTools.ttLib import TTFont

    original = system_choice().path(True, False)
    assert original is not None
    copy = fonts.private_copy(original, "Drafter Test Serif")
    assert copy.parent != original.parent
    assert fonts.private_copy(original, "Drafter Test Serif") == copy  # made once
    read = fonts.read_font_file(copy)
    assert (read.family, read.vietnamese) == ("Drafter Test Serif", True)
    assert read.postscript_name == fonts.read_font_file(original).postscript_name
    assert fonts.table_bytes(copy, "hmtx") == fonts.table_bytes(original, "hmtx")
    assert TTFont(str(copy))["head"].fontRevision == TTFont(str(original))["head"].fontRevision


def test_the_painters_pdf_uses_only_the_measured_files(qapp) -> None:  # type: ignore[no-untyped-def]
    """Bold Vietnamese (ỦY BAN NHÂN DÂN, QUYẾT ĐỊNH) is drawn from the bold file the layout
    measured, not from a system font of the same family without Vietnamese (Debian's
    fonts-liberation 1.x) nor from a fallback such as DejaVu Serif Bold."""
    from drafter.app.compose import compose
    from drafter.core import letterfile
    from drafter.core.doctypes import default_registry
    from drafter.render import qt_painter
    from drafter.render.pdf import pdf_bytes

    choice = system_choice()
    registry = default_registry()
    letter, _problems = letterfile.load(registry.get("quyet_dinh").sample_path, registry)
    document = compose(letter, registry, check=False)
    with pymupdf.open(stream=pdf_bytes(document), filetype="pdf") as pdf:
        used = {font[3].split("+")[-1] for page in pdf for font in page.get_fonts()}
        text = "".join(page.get_text() for page in pdf)
    assert "QUYẾT ĐỊNH" in text
    measured = {f.postscript_name for f in choice.faces.values()}
    assert used <= measured, f"fonts not measured by the layout: {used - measured}"
    assert choice.faces[(True, False)].postscript_name in used
    assert qt_painter.font_problem() is None
    for face, family in qt_painter.registered_families().items():
        assert family in (
            choice.faces[face].family,
            qt_painter.PRIVATE_FAMILY_PREFIX + choice.faces[face].family,
        )


def test_the_painter_checks_each_face_comes_from_its_file(qapp) -> None:  # type: ignore[no-untyped-def]
    from drafter.render import qt_painter

    choice = system_choice()
    families = qt_painter.registered_families()
    paths = {face: chosen.path for face, chosen in choice.faces.items()}
    assert qt_painter._astray(families, paths) in ([], list(fonts.FACES))  # renamed if all
    other = fonts.private_copy(paths[(True, False)], "Drafter Other Serif")
    assert qt_painter._astray(families, {(True, False): other}) == [(True, False)]


def test_a_face_qt_will_not_draw_is_reported_not_hidden(
    qapp, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from drafter.render import qt_painter
    from drafter.ui import font_notice

    system_choice()
    monkeypatch.setattr(qt_painter, "_register", lambda paths: {})  # Qt refuses every file
    with pytest.warns(RuntimeWarning, match="không vẽ được bằng"):
        problem = qt_painter.font_problem()
    assert problem is not None and problem.count("\n") == 3  # one line per face
    assert str(system_choice().path(True, False)) in problem  # the file chosen, named
    assert font_notice.font_problem() == problem
