"""Preferences survive damage: unreadable values fall back to defaults, sizes outside
NĐ 30's ranges are refused, and the module needs no Qt."""

from __future__ import annotations

import subprocess
import sys

from drafter import settings
from drafter.layout.settings import DEFAULT


def test_round_trip_in_the_config_folder(drafter_home):
    prefs = settings.Preferences(language="en", default_place="Huế", export_folder="/tmp/x")
    prefs.remember_file(drafter_home / "a.letter")
    prefs.remember_type("quyet_dinh")
    prefs.remember_type("cong_van")
    prefs.remember_type("quyet_dinh")
    settings.save(prefs)
    assert settings.preferences_path().parent == drafter_home / "config"
    loaded = settings.load()
    assert loaded.language == "en" and loaded.default_place == "Huế"
    assert loaded.recent_types == ["quyet_dinh", "cong_van"]
    assert loaded.layout == DEFAULT


def test_damaged_or_illegal_values_fall_back(drafter_home):
    path = settings.preferences_path()
    path.parent.mkdir(parents=True)
    path.write_text(
        'language = "fr"\ndefault_place = 3\nrecent_files = ["a", 2]\n'
        '[layout]\nbody_size = 16\nmargin_left = 32\nline_spacing = "x"\n',
        encoding="utf-8",
    )
    loaded = settings.load()
    assert loaded.language == "vi" and loaded.default_place == ""
    assert loaded.recent_files == ["a"]
    assert loaded.layout.body_size == DEFAULT.body_size  # 16 pt is outside 13–14
    assert loaded.layout.margin_left == 32
    path.write_bytes(b"\xff\xfe not toml")
    assert settings.load() == settings.Preferences()


def test_recent_lists_are_bounded():
    prefs = settings.Preferences()
    for i in range(25):
        prefs.remember_type(f"t{i}")
    assert len(prefs.recent_types) == settings.MAX_RECENT and prefs.recent_types[0] == "t24"


def test_settings_import_without_qt():
    code = (
        "import sys, drafter.settings\nassert not any(m.startswith('PySide6') for m in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
