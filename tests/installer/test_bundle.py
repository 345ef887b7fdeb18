"""The Linux bundle, as a user gets it: unpacked into an empty folder and run without
Python, without the virtual environment and without the source tree.

Building takes a few minutes, so one bundle serves the whole session (see
``bundle.find_or_build_tarball``).
"""

from __future__ import annotations

import json
import re
import subprocess
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafter.app.compose import compose
from drafter.core import letterfile
from drafter.render.docx_writer import document_xml

from .bundle import clean_environment, find_or_build_tarball, unpack

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "templates" / "cong_van" / "sample.letter"
MAX_UNPACKED_BYTES = 200 * 1000 * 1000


@pytest.fixture(scope="session")
def tarball() -> Path:
    return find_or_build_tarball()


@pytest.fixture(scope="session")
def bundle(tarball: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield unpack(tarball, tmp_path_factory.mktemp("unpacked"))


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "home").mkdir()
    return tmp_path


def run_bundle(
    bundle: Path, workdir: Path, *args: str, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**clean_environment(workdir / "home"), **(extra_env or {})}
    return subprocess.run(
        [str(bundle / "drafter"), *args],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_render_with_the_bundled_command_line(bundle: Path, workdir: Path) -> None:
    (workdir / "sample.letter").write_bytes(SAMPLE.read_bytes())
    result = run_bundle(bundle, workdir, "render", "sample.letter", "-o", "out.docx")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(workdir / "out.docx") as package:
        assert package.testzip() is None
        bundled_xml = package.read("word/document.xml")
    # The bundle lays the letter out exactly as the source tree does.
    letter, problems = letterfile.load(SAMPLE)
    assert not problems
    assert bundled_xml.decode("utf-8") == document_xml(compose(letter, check=False))
    text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", bundled_xml.decode("utf-8")))
    assert "SỞ GIÁO DỤC VÀ ĐÀO TẠO" in text
    assert "Nguyễn Văn An" in text


def test_the_bundle_reads_a_letter_it_wrote(bundle: Path, workdir: Path) -> None:
    """Reading incoming letters needs python-docx and lxml inside the bundle."""
    (workdir / "sample.letter").write_bytes(SAMPLE.read_bytes())
    assert run_bundle(bundle, workdir, "render", "sample.letter", "-o", "out.docx").returncode == 0
    result = run_bundle(bundle, workdir, "read", "out.docx", "--json")
    assert result.returncode == 0, result.stderr
    read = json.loads(result.stdout)
    letter, _problems = letterfile.load(SAMPLE)
    # A công văn's symbol is composed from the issuer's abbreviation and the drafting unit.
    assert read["symbol"] == f"{letter.issuer.abbreviation}-{letter.issuer.unit}"
    assert any("GIÁO DỤC" in line.upper() for line in read["issuer"])


def test_new_prints_a_sample_that_renders(bundle: Path, workdir: Path) -> None:
    result = run_bundle(bundle, workdir, "new", "cong_van")
    assert result.returncode == 0, result.stderr
    assert result.stdout == SAMPLE.read_text(encoding="utf-8")


def test_invalid_letter_is_refused_in_vietnamese(bundle: Path, workdir: Path) -> None:
    (workdir / "broken.letter").write_text('drafter = 1\ntype = "khong_co"\n', encoding="utf-8")
    result = run_bundle(bundle, workdir, "render", "broken.letter", "-o", "out.docx")
    assert result.returncode == 2
    assert "broken.letter" in result.stderr
    assert not (workdir / "out.docx").exists()


def test_main_window_opens_offscreen(bundle: Path, workdir: Path) -> None:
    result = run_bundle(bundle, workdir, extra_env={"DRAFTER_SELFTEST": "1"})
    assert result.returncode == 0, result.stderr
    assert "self-test: main window shown" in result.stdout
    assert "open drafts: 0" in result.stdout
    # A first start (empty user folders) greets the user with the guided setup.
    assert "setup wizard: shown" in result.stdout
    # Qt found its offscreen platform plugin inside the bundle, and nothing was missing.
    assert "Could not load the Qt platform plugin" not in result.stderr
    assert "ModuleNotFoundError" not in result.stderr


def test_a_letter_named_on_the_command_line_opens_in_the_window(
    bundle: Path, workdir: Path
) -> None:
    (workdir / "sample.letter").write_bytes(SAMPLE.read_bytes())
    result = run_bundle(bundle, workdir, "sample.letter", extra_env={"DRAFTER_SELFTEST": "1"})
    assert result.returncode == 0, result.stderr
    assert "open drafts: 1" in result.stdout


def test_unpacked_size_is_under_the_limit(bundle: Path) -> None:
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < MAX_UNPACKED_BYTES, f"{size / 1e6:.0f} MB"


def test_only_the_qt_parts_drafter_uses(bundle: Path) -> None:
    names = {p.name for p in bundle.rglob("*")}
    for unused in (
        "libQt6Quick.so.6",
        "libQt6Qml.so.6",
        "libQt6Network.so.6",
        "libQt6Pdf.so.6",
        "QtNetwork.abi3.so",
        "QtQml.abi3.so",
        "libqvnc.so",
        "libqtiff.so",
    ):
        assert unused not in names
    for needed in (
        "libqoffscreen.so",
        "libqxcb.so",
        "libcupsprintersupport.so",
        "QtPrintSupport.abi3.so",
    ):
        assert needed in names
    translations = [p.name for p in bundle.rglob("translations/*.qm")]
    assert translations
    assert all(name.removesuffix(".qm").rsplit("_", 1)[1] in ("vi", "en") for name in translations)


def test_tarball_carries_desktop_entry_icon_and_data(tarball: Path) -> None:
    with tarfile.open(tarball) as archive:
        names = set(archive.getnames())
        top = next(iter(names)).split("/")[0]
        desktop = archive.extractfile(f"{top}/drafter.desktop")
        assert desktop is not None
        entry = desktop.read().decode("utf-8")
    for name in (
        "drafter",
        "drafter.png",
        "drafter.svg",
        "install.sh",
        "drafter-letter.xml",
        "_internal/templates/cong_van/type.toml",
        "_internal/resources/locale/vi/LC_MESSAGES/drafter.mo",
        "_internal/docs/user-guide.md",
    ):
        assert f"{top}/{name}" in names
    assert "MimeType=application/x-drafter-letter;" in entry
    assert "Exec=drafter %F" in entry


def test_install_script_installs_and_uninstalls_for_the_user(bundle: Path, workdir: Path) -> None:
    home = workdir / "home"
    env = {**clean_environment(home), "XDG_DATA_HOME": str(home / ".local" / "share")}
    user_data = home / ".local" / "share" / "Drafter"
    user_data.mkdir(parents=True)
    (user_data / "drafter.sqlite3").write_bytes(b"kept")
    subprocess.run(
        ["sh", str(bundle / "install.sh")], env=env, check=True, capture_output=True, timeout=120
    )
    installed = home / ".local" / "opt" / "drafter"
    desktop = (home / ".local/share/applications/drafter.desktop").read_text(encoding="utf-8")
    assert f'Exec="{installed}/drafter" %F' in desktop
    assert (home / ".local/bin/drafter").resolve() == installed / "drafter"
    version = subprocess.run(
        [str(home / ".local/bin/drafter"), "--version"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert version.stdout.startswith("Drafter ")
    subprocess.run(
        ["sh", str(installed / "install.sh"), "--uninstall"],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert not installed.exists()
    assert not (home / ".local/share/applications/drafter.desktop").exists()
    assert (user_data / "drafter.sqlite3").read_bytes() == b"kept"


def test_office_database_works_from_the_bundle(bundle: Path, workdir: Path) -> None:
    # Opening the database runs the shipped Alembic migrations from the bundle's files.
    samples = bundle / "_internal" / "resources" / "samples" / "recipients.csv"
    imported = run_bundle(bundle, workdir, "contacts", "import", str(samples))
    assert imported.returncode == 0, imported.stderr
    rows = samples.read_text(encoding="utf-8").splitlines()
    assert f"thêm {len(rows) - 1}," in imported.stdout
    found = run_bundle(bundle, workdir, "contacts", "search", "so noi vu")
    assert found.returncode == 0, found.stderr
    assert found.stdout.split("\t")[0] == "Sở Nội vụ"
    # Excel export needs openpyxl inside the bundle.
    exported = run_bundle(bundle, workdir, "contacts", "export", "danh-ba.xlsx")
    assert exported.returncode == 0, exported.stderr
    with zipfile.ZipFile(workdir / "danh-ba.xlsx") as package:
        assert "xl/workbook.xml" in package.namelist()
    assert (workdir / "home" / "drafter" / "data" / "drafter.sqlite3").exists()


def test_pdf_export_draws_with_the_bundled_qt(bundle: Path, workdir: Path) -> None:
    (workdir / "sample.letter").write_bytes(SAMPLE.read_bytes())
    result = run_bundle(bundle, workdir, "render", "sample.letter", "-o", "out.pdf")
    assert result.returncode == 0, result.stderr
    import pymupdf

    with pymupdf.open(workdir / "out.pdf") as pdf:
        text = pdf[0].get_text()
        width_mm = pdf[0].rect.width / 72 * 25.4
    assert "SỞ GIÁO DỤC VÀ ĐÀO TẠO" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert abs(width_mm - 210) < 0.5  # A4


def test_install_script_never_overwrites_a_foreign_folder(bundle: Path, workdir: Path) -> None:
    home = workdir / "home"
    env = {**clean_environment(home), "XDG_DATA_HOME": str(home / ".local" / "share")}
    foreign = home / ".local" / "opt" / "drafter"
    foreign.mkdir(parents=True)
    (foreign / "notes.txt").write_text("mine", encoding="utf-8")
    result = subprocess.run(
        ["sh", str(bundle / "install.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "not Drafter" in result.stderr
    assert [p.name for p in foreign.iterdir()] == ["notes.txt"]
