"""Where Drafter finds its own files and keeps the user's.

User folders come from platformdirs, so they follow each platform's rules; the
``DRAFTER_HOME`` environment variable puts them all under one folder instead
(tests and portable installs use it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Drafter"


# An installed wheel carries ``templates/``, ``resources/`` and the user guide here;
# ``setup.py`` copies them in when the wheel is built.
_PACKAGED_DATA = Path(__file__).resolve().parent / "_data"


def _install_root() -> Path:
    """The folder holding ``templates/`` and ``resources/`` (and ``docs/``, the guide).

    In order: a PyInstaller bundle unpacks them beside the executable's modules;
    ``DRAFTER_DATA`` names another folder; an installed wheel keeps them in the
    package's ``_data/``; a source checkout or an editable install keeps them at the
    top of the repository.  The package is found through ``__file__``, like
    ``importlib.resources.files("drafter")`` would for an installed package, without
    that module's import cost at start-up (about 8 ms); the files must be real files
    anyway (gettext, Jinja and Qt open them by path).
    """
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled)
    override = os.environ.get("DRAFTER_DATA")
    if override:
        return Path(override)
    if _PACKAGED_DATA.is_dir():
        return _PACKAGED_DATA
    return _PACKAGED_DATA.parent.parent


def templates_dir() -> Path:
    return _install_root() / "templates"


def resources_dir() -> Path:
    return _install_root() / "resources"


def _user_dir(kind: str) -> Path:
    home = os.environ.get("DRAFTER_HOME")
    if home:
        return Path(home) / kind
    import platformdirs

    getter = {
        "config": platformdirs.user_config_dir,
        "data": platformdirs.user_data_dir,
        "cache": platformdirs.user_cache_dir,
    }[kind]
    return Path(getter(APP_NAME, appauthor=False))


def user_config_dir() -> Path:
    return _user_dir("config")


def user_data_dir() -> Path:
    return _user_dir("data")


def user_cache_dir() -> Path:
    return _user_dir("cache")


def user_templates_dir() -> Path:
    """Types the user added or copied and edited; they override the shipped ones."""
    return user_data_dir() / "templates"
