"""Finding, building and unpacking the Linux bundle, for its test and its benchmark.

A tarball in ``dist/`` is reused when it is newer than every file it is built from
(``make dist`` earlier in the same CI run, or by the developer); otherwise ``make
dist`` builds one.  ``DRAFTER_BUNDLE=<tarball>`` names one explicitly.
"""

from __future__ import annotations

import os
import platform
import subprocess
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = (
    "drafter",
    "templates",
    "resources",
    "installer",
    "docs/user-guide.md",
    "docs/user-guide",
    "pyproject.toml",
)


def version() -> str:
    namespace: dict[str, str] = {}
    exec((ROOT / "drafter" / "__init__.py").read_text(encoding="utf-8"), namespace)
    return namespace["__version__"]


def tarball_path() -> Path:
    return ROOT / "dist" / f"drafter-{version()}-linux-{platform.machine()}.tar.gz"


def _newest_source() -> float:
    newest = 0.0
    for name in SOURCES:
        path = ROOT / name
        paths = [path] if path.is_file() else path.rglob("*")
        for item in paths:
            if item.is_file() and "__pycache__" not in item.parts:
                newest = max(newest, item.stat().st_mtime)
    return newest


def find_or_build_tarball() -> Path:
    named = os.environ.get("DRAFTER_BUNDLE")
    if named:
        return Path(named)
    tarball = tarball_path()
    if tarball.exists() and tarball.stat().st_mtime > _newest_source():
        return tarball
    subprocess.run(["make", "dist"], cwd=ROOT, check=True)
    assert tarball.exists(), f"make dist did not produce {tarball}"
    return tarball


def unpack(tarball: Path, into: Path) -> Path:
    """Unpack into the empty folder *into*; return the bundle folder inside it."""
    assert not any(into.iterdir()), f"{into} is not empty"
    with tarfile.open(tarball) as archive:
        archive.extractall(into, filter="tar")
    (bundle,) = into.iterdir()
    return bundle


def clean_environment(home: Path) -> dict[str, str]:
    """What a desktop session gives a program: no Python, no virtual environment."""
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "DRAFTER_HOME": str(home / "drafter"),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }
