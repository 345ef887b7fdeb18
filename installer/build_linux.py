"""Build the Linux bundle: ``dist/drafter-<version>-linux-<machine>.tar.gz``.

Runs PyInstaller with ``installer/drafter.spec`` (one folder, no Python needed on the
target), adds the menu entry, the icon, the ``.letter`` file type and ``install.sh``,
checks that every bundled library finds what it links to, and packs the folder.

Usage (``make dist`` runs it): ``python installer/build_linux.py [--out DIR]``.
It prints the tarball's path on its last line.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
BUILD = ROOT / "build" / "pyinstaller"

# Libraries a desktop always has and PyInstaller deliberately leaves to the system
# (the graphics driver stack must match the machine's own).
SYSTEM_LIBRARIES = re.compile(
    r"^(libGL|libEGL|libGLX|libOpenGL|libGLdispatch|libvulkan|"
    r"libdrm|libgbm|libwayland-|libxkbcommon|libX|libxcb|libdbus|"
    r"libfontconfig|libfreetype|libcups|libgtk|libgdk)"
)


def version() -> str:
    text = (ROOT / "drafter" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    assert match, "drafter/__init__.py has no __version__"
    return match.group(1)


def run_pyinstaller() -> Path:
    dist = BUILD / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(BUILD / "work"),
            str(INSTALLER / "drafter.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    return dist / "drafter"


def add_desktop_files(bundle: Path) -> None:
    shutil.copy2(ROOT / "resources" / "drafter.desktop", bundle / "drafter.desktop")
    shutil.copy2(ROOT / "resources" / "icons" / "drafter.png", bundle / "drafter.png")
    shutil.copy2(ROOT / "resources" / "icons" / "drafter.svg", bundle / "drafter.svg")
    shutil.copy2(INSTALLER / "linux" / "drafter-letter.xml", bundle / "drafter-letter.xml")
    shutil.copy2(INSTALLER / "linux" / "install.sh", bundle / "install.sh")
    shutil.copy2(INSTALLER / "linux" / "README.txt", bundle / "README.txt")
    (bundle / "install.sh").chmod(0o755)


def unresolved_libraries(bundle: Path) -> list[str]:
    """``file: library`` for every bundled ELF file whose dependencies the bundle and
    the build machine cannot satisfy, leaving out libraries every desktop provides."""
    if shutil.which("ldd") is None:
        return []
    problems = []
    internal = bundle / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"}
    for path in sorted(bundle.rglob("*.so*")):
        if not path.is_file() or path.is_symlink():
            continue
        result = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True, env=env, check=False
        )
        for line in result.stdout.splitlines():
            if "not found" in line:
                library = line.split("=>")[0].strip()
                if not SYSTEM_LIBRARIES.match(library):
                    problems.append(f"{path.relative_to(bundle)}: {library}")
    return problems


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def pack(bundle: Path, out_dir: Path) -> Path:
    name = f"drafter-{version()}"
    out_dir.mkdir(parents=True, exist_ok=True)
    tarball = out_dir / f"{name}-linux-{platform.machine()}.tar.gz"
    partial = tarball.with_suffix(".partial")
    with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=name)
    partial.replace(tarball)
    return tarball


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="folder for the tarball")
    args = parser.parse_args(argv)
    if not sys.platform.startswith("linux"):
        print(
            "build_linux.py builds the Linux bundle; see installer/README.md for Windows",
            file=sys.stderr,
        )
        return 2
    bundle = run_pyinstaller()
    add_desktop_files(bundle)
    problems = unresolved_libraries(bundle)
    for problem in problems:
        print(f"unresolved library: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"bundle: {bundle} ({folder_size(bundle) / 1e6:.0f} MB unpacked)")
    tarball = pack(bundle, args.out)
    print(f"tarball: {tarball.stat().st_size / 1e6:.0f} MB")
    print(tarball)
    return 0


if __name__ == "__main__":
    sys.exit(main())
