"""User preferences: language, default place, layout sizes, export folder, recent items.

Stored as TOML in the user's config folder (``drafter.paths.user_config_dir()``).  A
damaged or hand-edited file never stops the program: unreadable values fall back to
their defaults, and layout sizes outside NĐ 30's ranges are ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

# tomli (a dependency), not the standard library's parser, whose import costs every
# start of the window about 5 ms.
import tomli as tomllib
import tomli_w

from drafter.core.atomic import write_text_atomic
from drafter.i18n import DEFAULT_LANGUAGE, LANGUAGES
from drafter.layout.settings import DEFAULT as DEFAULT_LAYOUT
from drafter.layout.settings import SPECS, LayoutSettings, check
from drafter.paths import user_config_dir

FILE_NAME = "preferences.toml"
MAX_RECENT = 10


@dataclass
class Preferences:
    language: str = DEFAULT_LANGUAGE
    default_place: str = ""
    export_folder: str = ""  # empty: the folder of the letter file, else the home folder
    layout: LayoutSettings = field(default_factory=LayoutSettings)
    recent_files: list[str] = field(default_factory=list)
    recent_types: list[str] = field(default_factory=list)
    # Per document type, what its last letter used: {"unit": "KGVX", "signer": "Lê B"}.
    last_by_type: dict[str, dict[str, str]] = field(default_factory=dict)
    # Per kind of file ("letters", "exports"), the folder last used.
    folders: dict[str, str] = field(default_factory=dict)

    def remember_file(self, path: Path) -> None:
        self.recent_files = _front(str(path), self.recent_files)

    def remember_type(self, type_id: str) -> None:
        self.recent_types = _front(type_id, self.recent_types)


def _front(item: str, items: list[str]) -> list[str]:
    return [item, *[i for i in items if i != item]][:MAX_RECENT]


def preferences_path() -> Path:
    return user_config_dir() / FILE_NAME


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _layout_from(data: object) -> LayoutSettings:
    if not isinstance(data, dict):
        return DEFAULT_LAYOUT
    settings = DEFAULT_LAYOUT
    for name in SPECS:  # keys the file may hold that are no setting (any more) are ignored
        value = data.get(name)
        if isinstance(value, int | float) and not isinstance(value, bool):
            candidate = replace(settings, **{name: float(value)})
            if not check(candidate):
                settings = candidate
    return settings


def load(path: Path | None = None) -> Preferences:
    path = path or preferences_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return Preferences()
    language = data.get("language")
    text = {k: data.get(k) for k in ("default_place", "export_folder")}
    return Preferences(
        language=language if language in LANGUAGES else DEFAULT_LANGUAGE,
        default_place=text["default_place"] if isinstance(text["default_place"], str) else "",
        export_folder=text["export_folder"] if isinstance(text["export_folder"], str) else "",
        layout=_layout_from(data.get("layout")),
        recent_files=_strings(data.get("recent_files"))[:MAX_RECENT],
        recent_types=_strings(data.get("recent_types"))[:MAX_RECENT],
        last_by_type=_last_by_type(data.get("last_by_type")),
        folders={k: v for k, v in _table(data.get("folders")).items() if isinstance(v, str)},
    )


def _table(value: object) -> dict[str, object]:
    return value if isinstance(value, dict) else {}


def _last_by_type(value: object) -> dict[str, dict[str, str]]:
    return {
        type_id: {k: v for k, v in _table(used).items() if isinstance(v, str)}
        for type_id, used in _table(value).items()
        if isinstance(used, dict)
    }


def save(preferences: Preferences, path: Path | None = None) -> None:
    """Write the preferences atomically; raise :class:`~drafter.core.atomic.WriteError`."""
    path = path or preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    layout = {name: getattr(preferences.layout, name) for name in SPECS}
    data = {
        "language": preferences.language,
        "default_place": preferences.default_place,
        "export_folder": preferences.export_folder,
        "recent_files": preferences.recent_files,
        "recent_types": preferences.recent_types,
        "last_by_type": preferences.last_by_type,
        "folders": preferences.folders,
        "layout": layout,
    }
    write_text_atomic(path, tomli_w.dumps(data))
