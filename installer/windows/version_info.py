"""The Windows version resource of Drafter's executables, made from ``drafter.__version__``.

Explorer's Properties › Details tab, Task Manager and the "Apps" settings page read
it.  PyInstaller takes it as a text file (``EXE(version=...)``) holding a Python
expression built from the classes of ``PyInstaller.utils.win32.versioninfo``, which it
evaluates.  ``installer/drafter.spec`` calls :func:`write_version_file` for each
executable at build time, so the version is written down once, in
``drafter/__init__.py``; the Inno Setup script then reads it back from ``Drafter.exe``.

By hand, from the repository root::

    python installer/windows/version_info.py build/version-Drafter.txt
    python installer/windows/version_info.py --print-version      # 0.1.0
    python installer/windows/version_info.py --print-numeric      # 0.1.0.0
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCT_NAME = "Drafter"
# The publisher, as Inno Setup's AppPublisher names it in drafter.iss.
COMPANY_NAME = "Drafter"
COPYRIGHT = "© The Drafter authors, MIT License"
COMMENTS = "Soạn thảo văn bản hành chính theo Nghị định 30/2020/NĐ-CP"
# Vietnamese (0x042A) strings in UTF-16 (code page 1200): the one string table.
LANGUAGE_ID = 0x042A
CODEPAGE_UNICODE = 1200

# The executables of the Windows bundle and what Explorer and Task Manager call them.
DESCRIPTIONS = {
    "Drafter.exe": "Drafter",
    "drafter-cli.exe": "Drafter (dòng lệnh)",
}

_VERSION_LINE = re.compile(r'^__version__\s*=\s*"([^"]+)"', re.MULTILINE)
_RELEASE = re.compile(r"^(\d+(?:\.\d+)*)")


def read_version(root: Path = ROOT) -> str:
    """``__version__`` of ``drafter/__init__.py``, read without importing the package."""
    text = (root / "drafter" / "__init__.py").read_text(encoding="utf-8")
    match = _VERSION_LINE.search(text)
    if match is None:
        raise ValueError('drafter/__init__.py has no __version__ = "..." line')
    return match.group(1)


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """The four 16-bit numbers Windows keeps: '1.2' → (1, 2, 0, 0); '0.3.0rc1' → (0, 3, 0, 0)."""
    match = _RELEASE.match(version)
    if match is None:
        raise ValueError(f"version {version!r} does not start with a number")
    numbers = [int(part) for part in match.group(1).split(".")][:4]
    if any(number > 0xFFFF for number in numbers):
        raise ValueError(f"version {version!r}: Windows allows at most 65535 in each part")
    padded = (*numbers, 0, 0, 0, 0)[:4]
    return (padded[0], padded[1], padded[2], padded[3])


def render(version: str, executable: str) -> str:
    """The version file of *executable* (a key of DESCRIPTIONS) as PyInstaller reads it."""
    numbers = numeric_version(version)
    strings = {
        "CompanyName": COMPANY_NAME,
        "FileDescription": DESCRIPTIONS[executable],
        "FileVersion": version,
        "InternalName": Path(executable).stem,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": executable,
        "ProductName": PRODUCT_NAME,
        "ProductVersion": version,
        "Comments": COMMENTS,
    }
    table = ",\n".join(
        f"          StringStruct({name!r}, {value!r})" for name, value in strings.items()
    )
    return f"""# -*- coding: utf-8 -*-
# Made by installer/windows/version_info.py from drafter/__init__.py: do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3F,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '{LANGUAGE_ID:04X}{CODEPAGE_UNICODE:04X}',
        [
{table}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [{LANGUAGE_ID:#06x}, {CODEPAGE_UNICODE}])])
  ]
)
"""


def _check_with_pyinstaller(path: Path) -> None:
    """Load the file as PyInstaller will, when it is installed (always, at build time)."""
    try:
        from PyInstaller.utils.win32 import versioninfo
    except ImportError:
        return
    loader = getattr(versioninfo, "load_version_info_from_text_file", None)
    if loader is not None:
        info = loader(str(path))
        info.toRaw()  # the binary resource it will write into the executable


def write_version_file(path: Path, executable: str, version: str | None = None) -> str:
    """Write *executable*'s version file to *path* (atomically); return the path as text."""
    text = render(version or read_version(), executable)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _check_with_pyinstaller(path)
    return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", nargs="?", type=Path, help="the version file to write")
    parser.add_argument("--executable", choices=sorted(DESCRIPTIONS), default="Drafter.exe")
    parser.add_argument(
        "--print-version",
        action="store_true",
        help="print the version (as in drafter/__init__.py) and stop",
    )
    parser.add_argument(
        "--print-numeric", action="store_true", help="print the four-part numeric version and stop"
    )
    args = parser.parse_args(argv)
    if args.print_version:
        print(read_version())
        return 0
    if args.print_numeric:
        print(".".join(str(number) for number in numeric_version(read_version())))
        return 0
    if args.output is None:
        parser.error("name the version file to write, or use --print-version")
    print(write_version_file(args.output, args.executable))
    return 0


if __name__ == "__main__":
    sys.exit(main())
