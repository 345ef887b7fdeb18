"""The files that make Drafter a desktop program: menu entry, icons, file type."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtGui import QImage, QImageReader

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
MIME = "application/x-drafter-letter"


def test_desktop_entry_opens_letter_files_from_the_office_menu() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(ROOT / "resources" / "drafter.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "drafter %F"
    assert entry["Icon"] == "drafter"
    assert entry["Terminal"] == "false"
    assert "Office" in entry["Categories"].split(";")
    assert entry["MimeType"].split(";")[0] == MIME
    assert "Nghị định 30/2020/NĐ-CP" in entry["Comment[vi]"]


def test_mime_type_matches_the_letter_extension() -> None:
    namespace = "{http://www.freedesktop.org/standards/shared-mime-info}"
    root = ET.parse(ROOT / "installer" / "linux" / "drafter-letter.xml").getroot()
    mime_type = root.find(f"{namespace}mime-type")
    assert mime_type is not None and mime_type.get("type") == MIME
    assert mime_type.find(f"{namespace}glob").get("pattern") == "*.letter"  # type: ignore[union-attr]


def test_icons_are_rendered_from_the_svg(qapp) -> None:  # type: ignore[no-untyped-def]
    png = QImage(str(ICONS / "drafter.png"))
    assert (png.width(), png.height()) == (256, 256)
    assert png.hasAlphaChannel()
    # Transparent corners (rounded square), opaque centre.
    assert png.pixelColor(0, 0).alpha() == 0
    assert png.pixelColor(128, 128).alpha() == 255
    reader = QImageReader(str(ICONS / "drafter.ico"))
    sizes = set()
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        sizes.add(image.width())
    assert {16, 32, 48, 256} <= sizes


def test_windows_installer_is_per_user_and_keeps_the_data() -> None:
    script = (ROOT / "installer" / "windows" / "drafter.iss").read_text(encoding="utf-8-sig")
    assert "PrivilegesRequired=lowest" in script
    assert "DefaultDirName={autopf}" in script and "UsePreviousAppDir=yes" in script
    registry = [line for line in script.splitlines() if line.startswith("Root:")]
    assert registry and all(line.startswith("Root: HKCU;") for line in registry)
    assert any('Subkey: "Software\\Classes\\.letter"' in line for line in registry)
    uninstall = script.split("[UninstallDelete]", 1)[1]
    deleted = [line for line in uninstall.splitlines() if line.startswith("Type:")]
    assert deleted and all('Name: "{app}' in line for line in deleted)
