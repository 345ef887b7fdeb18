"""The wheel, as ``pip install`` or ``pipx install`` gives it to a user.

The sdist is built from a copy of the project, the wheel from that sdist, and the wheel
is installed into a fresh virtual environment that cannot see the checkout; the
installed ``drafter`` then runs from an unrelated folder and must find its document
types, templates and translations inside the installed package.

The wheel is built without build isolation, with the setuptools of the test
environment, so nothing is downloaded; the fresh environment borrows the installed
dependencies through a ``.pth`` line naming this environment's ``site-packages`` (a
path listed in a ``.pth`` file is not itself scanned for ``.pth`` files, so the
editable install of the checkout stays invisible).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from ooxml_check import all_problems

from drafter import __version__, i18n

pytestmark = pytest.mark.wheel

ROOT = Path(__file__).resolve().parents[2]
# What the sdist is made from; tests, benchmarks and the installer stay out of it.
PROJECT_FILES = (
    "pyproject.toml",
    "setup.py",
    "MANIFEST.in",
    "README.md",
    "LICENSE",
    "drafter",
    "templates",
    "resources",
    "docs",
)
SHIPPED_TYPES = sorted(p.parent.name for p in (ROOT / "templates").glob("*/type.toml"))
LOCALE = "resources/locale/vi/LC_MESSAGES"
# Data files the sdist carries at the top and the wheel inside the package, at
# drafter/_data/; the migrations' template is in the package in both.
SHIPPED_DATA = (
    *(f"templates/{type_id}/type.toml" for type_id in SHIPPED_TYPES),
    f"{LOCALE}/drafter.mo",
    "resources/icons/drafter.png",
    "docs/user-guide.md",
)
MIGRATION_TEMPLATE = "drafter/store/migrations/script.py.mako"
TIMEOUT = 120


@dataclass(frozen=True)
class Built:
    sdist: Path
    wheel: Path


def run(
    command: list[str], cwd: Path, env: dict[str, str] | None = None, stdout_to: Path | None = None
) -> subprocess.CompletedProcess[str]:
    if stdout_to is None:
        return subprocess.run(
            command,
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT,
            check=False,
        )
    with stdout_to.open("w", encoding="utf-8") as stream:
        return subprocess.run(
            command,
            cwd=cwd,
            env=env,
            stdout=stream,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT,
            check=False,
        )


def succeeded(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, f"{result.args} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    # A copy, so building leaves no build/ or egg-info in the checkout and two runs of
    # the suite at once cannot trip over each other.
    source = tmp_path_factory.mktemp("source")
    unwanted = shutil.ignore_patterns("__pycache__", "*.py[cod]", "*.egg-info")
    for name in PROJECT_FILES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=unwanted)
        else:
            shutil.copy2(path, source / name)
    out = tmp_path_factory.mktemp("dist")
    build_sdist = (
        "import sys; from setuptools import build_meta; print(build_meta.build_sdist(sys.argv[1]))"
    )
    sdist = (
        out
        / succeeded(run([sys.executable, "-c", build_sdist, str(out)], cwd=source))
        .stdout.strip()
        .splitlines()[-1]
    )
    # pip unpacks the sdist and builds the wheel from it, as it would from PyPI.
    succeeded(
        run(
            [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "--no-deps",
                "--no-build-isolation",
                "--no-index",
                "--disable-pip-version-check",
                "-q",
                "-w",
                str(out),
                str(sdist),
            ],
            cwd=out,
        )
    )
    (wheel,) = out.glob("drafter-*.whl")
    return Built(sdist=sdist, wheel=wheel)


@pytest.fixture(scope="module")
def venv(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed; returns its bin folder."""
    root = tmp_path_factory.mktemp("venv")
    succeeded(run([sys.executable, "-m", "venv", "--without-pip", str(root)], cwd=root))
    python = root / "bin" / "python"
    succeeded(
        run(
            [
                sys.executable,
                "-m",
                "pip",
                "--python",
                str(python),
                "install",
                "--no-deps",
                "--no-index",
                "--disable-pip-version-check",
                "-q",
                str(built.wheel),
            ],
            cwd=root,
        )
    )
    site_packages = succeeded(
        run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], cwd=root)
    ).stdout.strip()
    ours = dict.fromkeys([sysconfig.get_path("purelib"), sysconfig.get_path("platlib")])
    (Path(site_packages) / "test-dependencies.pth").write_text(
        "".join(f"{path}\n" for path in ours), encoding="utf-8"
    )
    return root / "bin"


@pytest.fixture
def workdir(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "home").mkdir()
    yield tmp_path


def user_environment(venv: Path, workdir: Path) -> dict[str, str]:
    """A shell with the environment's bin on PATH, nothing else of the test run."""
    return {
        "PATH": f"{venv}{os.pathsep}/usr/bin{os.pathsep}/bin",
        "HOME": str(workdir / "home"),
        "DRAFTER_HOME": str(workdir / "home" / "drafter"),
        "LANG": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
    }


def drafter(
    venv: Path, workdir: Path, *args: str, stdout_to: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return run(
        [str(venv / "drafter"), *args],
        cwd=workdir,
        env=user_environment(venv, workdir),
        stdout_to=stdout_to,
    )


def test_sdist_carries_templates_resources_and_the_guide(built: Built) -> None:
    with tarfile.open(built.sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    wanted = [
        "setup.py",
        "MANIFEST.in",
        *SHIPPED_DATA,
        MIGRATION_TEMPLATE,
        *(f"templates/{type_id}/sample.letter" for type_id in SHIPPED_TYPES),
    ]
    assert [name for name in wanted if name not in names] == []


def test_wheel_built_from_the_sdist_carries_them_inside_the_package(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as archive:
        names = set(archive.namelist())
    wanted = [
        *(f"drafter/_data/{path}" for path in (*SHIPPED_DATA, f"{LOCALE}/drafter-ui.mo")),
        MIGRATION_TEMPLATE,
    ]
    assert [name for name in wanted if name not in names] == []
    # Nothing outside the package: a wheel installs top-level folders as packages.
    assert {name.split("/")[0] for name in names} == {"drafter", f"drafter-{__version__}.dist-info"}


def test_installed_package_is_the_wheel_not_the_checkout(venv: Path, workdir: Path) -> None:
    script = (
        "import drafter, drafter.paths as p; "
        "print(drafter.__file__); print(p.templates_dir()); print(p.resources_dir())"
    )
    result = succeeded(
        run([str(venv / "python"), "-c", script], cwd=workdir, env=user_environment(venv, workdir))
    )
    package, templates, resources = (Path(line) for line in result.stdout.splitlines())
    installed = venv.parent.resolve()
    assert package.resolve().is_relative_to(installed)
    assert templates == package.parent / "_data" / "templates"
    assert resources == package.parent / "_data" / "resources"


def test_installed_command_lists_every_type(venv: Path, workdir: Path) -> None:
    result = succeeded(drafter(venv, workdir, "types", "--json"))
    assert sorted(entry["id"] for entry in json.loads(result.stdout)) == SHIPPED_TYPES
    assert len(SHIPPED_TYPES) == 34


def test_installed_command_writes_a_sample_and_renders_it(venv: Path, workdir: Path) -> None:
    succeeded(drafter(venv, workdir, "new", "cong_van", stdout_to=workdir / "x.letter"))
    assert 'type = "cong_van"' in (workdir / "x.letter").read_text(encoding="utf-8")
    succeeded(drafter(venv, workdir, "render", "x.letter", "-o", "x.docx"))
    data = (workdir / "x.docx").read_bytes()
    assert all_problems(data) == []
    with zipfile.ZipFile(workdir / "x.docx") as package:
        assert "SỞ GIÁO DỤC VÀ ĐÀO TẠO" in package.read("word/document.xml").decode("utf-8")


def test_installed_command_speaks_vietnamese(venv: Path, workdir: Path) -> None:
    result = drafter(venv, workdir, "new", "khong_co")
    assert result.returncode == 2
    source = "unknown document type '{type}'; see 'drafter types'"
    vietnamese = i18n._translations("vi").gettext(source)
    assert vietnamese != source
    assert result.stderr.strip() == vietnamese.format(type="khong_co")
