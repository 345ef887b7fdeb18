"""``drafter doctor``: what this installation uses, for a user's bug report.

The fonts (family, file, version, whether they hold the Vietnamese alphabet),
LibreOffice if present, the database and the user's folders.  Exit 0, or 1 when no
suitable font is installed (documents would not look as they should).

Imported whenever ``drafter`` starts (:data:`drafter.cli.COMMAND_MODULES`), so nothing
heavy at module level.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from drafter.i18n import _

EXIT_OK, EXIT_NO_FONT = 0, 1


def register(subparsers: argparse._SubParsersAction) -> None:
    doctor = subparsers.add_parser(
        "doctor", help=_("show the fonts, LibreOffice, database and folders Drafter uses")
    )
    doctor.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from drafter import __version__

    print(f"Drafter {__version__}")
    fonts_ok = _print_fonts()
    _print_libreoffice()
    _print_database()
    _print_folders()
    return EXIT_OK if fonts_ok else EXIT_NO_FONT


def _print_fonts() -> bool:
    from drafter import fonts

    face_names = {
        (False, False): _("regular"),
        (True, False): _("bold"),
        (False, True): _("italic"),
        (True, True): _("bold italic"),
    }
    choice = fonts.resolve()
    print(_("Fonts:"))
    for face in fonts.FACES:
        chosen = choice.faces.get(face)
        if chosen is None:
            print(f"  {face_names[face]}: " + _("none"))
            continue
        print(f"  {face_names[face]}: {chosen.family} {chosen.style}")
        _print_file(chosen)
    for rejected in choice.rejected:
        print(
            "  "
            + _("not used, lacks Vietnamese letters ({letters}…):").format(
                letters=rejected.missing[:8]
            )
            + f" {rejected.family} {rejected.style}"
        )
        _print_file(rejected)
    return not fonts.warn_if_missing()


def _print_file(font: object) -> None:
    from drafter.fonts import FontFile

    assert isinstance(font, FontFile)
    print("    " + _("file: {path}").format(path=font.path))
    print("    " + _("version: {version}").format(version=font.version or "?"))
    print(
        "    " + _("Vietnamese: {answer}").format(answer=_("yes") if font.vietnamese else _("no"))
    )


def find_libreoffice() -> Path | None:
    """LibreOffice's ``soffice``, on the PATH or where its installer puts it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    if sys.platform == "win32":
        for root in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
            if root and (Path(root) / "LibreOffice" / "program" / "soffice.exe").is_file():
                return Path(root) / "LibreOffice" / "program" / "soffice.exe"
    if sys.platform == "darwin":
        bundled = Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")
        if bundled.is_file():
            return bundled
    return None


def _print_libreoffice() -> None:
    soffice = find_libreoffice()
    if soffice is None:
        print(_("LibreOffice: not found (optional)"))
        return
    try:
        done = subprocess.run(
            [str(soffice), "--version"], capture_output=True, text=True, timeout=60, check=False
        )
        version = done.stdout.strip().splitlines()[0] if done.stdout.strip() else "?"
    except (OSError, subprocess.SubprocessError):
        version = "?"
    print(_("LibreOffice: {path} ({version})").format(path=soffice, version=version))


def _print_database() -> None:
    from sqlalchemy import make_url
    from sqlalchemy.exc import ArgumentError

    from drafter.store.engine import default_url

    url = default_url()
    try:
        shown = make_url(url).render_as_string(hide_password=True) if "://" in url else url
    except (ArgumentError, ValueError):  # shown as typed, but never with its password
        shown = url.rsplit("@", 1)[-1]
    print(_("Database: {url}").format(url=shown))


def _print_folders() -> None:
    from drafter import paths

    print(_("Folders:"))
    for label, folder in (
        (_("settings"), paths.user_config_dir()),
        (_("data"), paths.user_data_dir()),
        (_("cache"), paths.user_cache_dir()),
        (_("templates"), paths.user_templates_dir()),
    ):
        print(f"  {label}: {folder}")
