"""Which font files Drafter measures and draws with: decided here, and only here.

A letter is measured by the layout (:mod:`drafter.layout.metrics`) and drawn by the Qt
painter; both must use the same four files (regular, bold, italic, bold italic) or the
preview's lines break where the .docx's do not.  Times New Roman is used when
installed, else its metric-compatible twin Liberation Serif — but only a file whose
character map holds the whole Vietnamese alphabet: Liberation Serif 1.x (Debian's
``fonts-liberation``) lacks ơ, ư and most toned letters, and a renderer fills them in
from another typeface.  Nothing else in Drafter asks the system (fontconfig) for fonts.

``DRAFTER_FONT_DIR`` names a folder searched before the system's.  What each file holds
is read once with fontTools and cached in the user's cache folder, keyed by the file's
path, size and modification time, so start-up costs a few ``stat`` calls.
"""

from __future__ import annotations

import json
import os
import struct
import sys
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

from drafter.i18n import _
from drafter.paths import user_cache_dir

Face = tuple[bool, bool]  # (bold, italic)
FACES: tuple[Face, ...] = ((False, False), (True, False), (False, True), (True, True))

# Family → file names of each face, in the order tried.  Times New Roman comes first.
CANDIDATES: dict[str, dict[Face, tuple[str, ...]]] = {
    "Times New Roman": {
        (False, False): ("times.ttf", "Times New Roman.ttf", "Times_New_Roman.ttf"),
        (True, False): ("timesbd.ttf", "Times New Roman Bold.ttf", "Times_New_Roman_Bold.ttf"),
        (False, True): ("timesi.ttf", "Times New Roman Italic.ttf", "Times_New_Roman_Italic.ttf"),
        (True, True): (
            "timesbi.ttf",
            "Times New Roman Bold Italic.ttf",
            "Times_New_Roman_Bold_Italic.ttf",
        ),
    },
    "Liberation Serif": {
        (False, False): ("LiberationSerif-Regular.ttf",),
        (True, False): ("LiberationSerif-Bold.ttf",),
        (False, True): ("LiberationSerif-Italic.ttf",),
        (True, True): ("LiberationSerif-BoldItalic.ttf",),
    },
}

FONT_DIR_ENV = "DRAFTER_FONT_DIR"
_CACHE_VERSION = 1


def vietnamese_letters() -> str:
    """Every letter of the Vietnamese alphabet, precomposed, both cases (178 of them)."""
    vowels = "aăâeêioôơuưy"
    letters = set("bcdđghklmnpqrstvx" + vowels)
    for vowel in vowels:
        for tone in "\u0300\u0301\u0309\u0303\u0323":  # huyền, sắc, hỏi, ngã, nặng
            letters.add(unicodedata.normalize("NFC", vowel + tone))
    letters |= {letter.upper() for letter in letters}
    return "".join(sorted(letters))


def system_font_dirs() -> list[Path]:
    """The folders where each platform installs fonts, most specific first."""
    if sys.platform == "win32":
        dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    if sys.platform == "darwin":
        return [
            Path("/Library/Fonts"),
            Path("/System/Library/Fonts/Supplementary"),
            Path.home() / "Library" / "Fonts",
        ]
    return [
        Path("/usr/share/fonts/truetype/msttcorefonts"),
        Path("/usr/share/fonts/truetype/liberation2"),
        Path("/usr/share/fonts/liberation-serif"),
        Path("/usr/share/fonts/liberation"),
        Path("/usr/share/fonts/truetype/liberation"),
        Path("/usr/share/fonts/TTF"),
        Path.home() / ".local" / "share" / "fonts",
        Path.home() / ".fonts",
    ]


def search_groups() -> list[list[Path]]:
    """Folder groups searched in turn: ``DRAFTER_FONT_DIR`` alone first, then the system's.

    A group that holds a complete, suitable family wins over later groups, so the
    override can pin Liberation Serif even where Times New Roman is installed.
    """
    groups = []
    override = os.environ.get(FONT_DIR_ENV, "").strip()
    if override:
        groups.append([Path(override)])
    groups.append(system_font_dirs())
    return groups


@dataclass(frozen=True)
class FontFile:
    """One font file and what its tables say."""

    path: Path
    family: str  # as the name table gives it
    style: str
    version: str
    postscript_name: str
    missing: str = ""  # Vietnamese letters its character map lacks

    @property
    def vietnamese(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class FontChoice:
    """The files Drafter uses, one per face, or none when no family is suitable."""

    faces: dict[Face, FontFile] = field(default_factory=dict)
    rejected: tuple[FontFile, ...] = ()  # found, but without the Vietnamese alphabet

    @property
    def suitable(self) -> bool:
        return all(face in self.faces for face in FACES)

    def path(self, bold: bool, italic: bool) -> Path | None:
        chosen = self.faces.get((bold, italic))
        return chosen.path if chosen else None


def _existing(folders: list[Path], names: tuple[str, ...]) -> list[Path]:
    return [folder / name for name in names for folder in folders if (folder / name).is_file()]


@cache
def resolve() -> FontChoice:
    """The font files for the four faces (cached for the process; see :func:`forget`)."""
    inspector = _Inspector()
    rejected: list[FontFile] = []
    try:
        for folders in search_groups():
            for candidates in CANDIDATES.values():
                files: dict[Face, FontFile] = {}
                for face, names in candidates.items():
                    for path in _existing(folders, names):
                        found = inspector.inspect(path)
                        if found.vietnamese:
                            files[face] = found
                            break
                        if found not in rejected:
                            rejected.append(found)
                    else:
                        break  # a face is missing: the family cannot be used
                if len(files) == len(FACES):
                    return FontChoice(files, tuple(rejected))
        return FontChoice({}, tuple(rejected))
    finally:
        inspector.save()


def forget() -> None:
    """Decide again on next use (after fonts were installed, or in tests)."""
    resolve.cache_clear()


def missing_font_message() -> str | None:
    """What to install, in the user's language, when no suitable font was found."""
    choice = resolve()
    if choice.suitable:
        return None
    found = ""
    if choice.rejected:
        found = " " + _("Found without Vietnamese letters: {files}.").format(
            files=", ".join(sorted({str(f.path) for f in choice.rejected}))
        )
    return (
        _(
            "Neither Times New Roman nor Liberation Serif 2 with the Vietnamese alphabet is "
            "installed, so line breaks and widths are estimated and the PDF and print may "
            "use another typeface."
        )
        + found
        + "\n"
        + _(
            "Windows: Times New Roman comes with Windows; if it is missing, restore the default "
            "fonts in Control Panel › Fonts."
        )
        + "\n"
        + _("Debian/Ubuntu: sudo apt install fonts-liberation2")
    )


def warn_if_missing() -> bool:
    """Print :func:`missing_font_message` on stderr, as the CLI does before rendering."""
    message = missing_font_message()
    if message:
        print("drafter: " + _("warning: {message}").format(message=message), file=sys.stderr)
    return message is not None


# --- reading the files -----------------------------------------------------------------------


def table_bytes(path: Path, tag: str) -> bytes | None:
    """The raw bytes of one table of a TrueType/OpenType file, without fontTools."""
    try:
        with open(path, "rb") as stream:
            header = stream.read(12)
            if len(header) < 12:
                return None
            (count,) = struct.unpack(">H", header[4:6])
            records = stream.read(16 * count)
            for index in range(count):
                record = records[16 * index : 16 * index + 16]
                if len(record) < 16:
                    return None
                name, _checksum, offset, length = struct.unpack(">4sLLL", record)
                if name == tag.encode("latin-1"):
                    stream.seek(offset)
                    return stream.read(length)
    except OSError:
        return None
    return None


def read_font_file(path: Path) -> FontFile:
    """Read the names and the Vietnamese coverage of *path* with fontTools."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(path), lazy=True)
    try:
        cmap = font.getBestCmap() or {}
        names = font["name"]
        missing = "".join(c for c in vietnamese_letters() if ord(c) not in cmap)
        return FontFile(
            path=path,
            family=names.getBestFamilyName() or "",
            style=names.getBestSubFamilyName() or "",
            version=(names.getDebugName(5) or "").strip(),
            postscript_name=names.getDebugName(6) or "",
            missing=missing,
        )
    finally:
        font.close()


class _Inspector:
    """:func:`read_font_file` behind a cache file keyed by path, size and mtime."""

    def __init__(self) -> None:
        self.cache_file = user_cache_dir() / "fonts" / f"files-{_CACHE_VERSION}.json"
        self.known: dict[str, dict[str, str]] = {}
        self.changed = False
        try:
            data = json.loads(self.cache_file.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                self.known = data
        except (OSError, ValueError):
            pass

    def inspect(self, path: Path) -> FontFile:
        stat = path.stat()
        key = f"{path}|{stat.st_size}|{stat.st_mtime_ns}"
        entry = self.known.get(key)
        if entry is not None:
            try:
                return FontFile(path=path, **{k: v for k, v in entry.items() if k != "path"})
            except TypeError:
                pass  # written by another version: read again
        found = read_font_file(path)
        self.known[key] = {k: str(v) for k, v in asdict(found).items()}
        self.changed = True
        return found

    def save(self) -> None:
        if not self.changed:
            return
        from drafter.core.atomic import WriteError, write_bytes_atomic

        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(self.cache_file, json.dumps(self.known).encode("utf-8"))
        except (OSError, WriteError):
            pass  # a read-only cache only costs time


def private_copy(path: Path, family: str) -> Path:
    """A copy of *path* in the cache folder whose family is *family*.

    Qt lets a system font of the same family name (Liberation Serif 1.x beside the
    2.x file Drafter chose) win over an application font; a family name no other font
    has cannot be confused.  The PostScript name, the glyphs and the metrics are
    unchanged, so a PDF still names the real font.
    """
    stat = path.stat()
    import hashlib

    key = hashlib.sha1(f"{path}|{stat.st_size}|{stat.st_mtime_ns}|{family}".encode()).hexdigest()[
        :12
    ]
    target = user_cache_dir() / "fonts" / f"{path.stem}-{key}{path.suffix}"
    if target.is_file():
        return target
    import io

    from fontTools.ttLib import TTFont

    from drafter.core.atomic import write_bytes_atomic

    font = TTFont(str(path), recalcTimestamp=False)
    try:
        names = font["name"]
        style = names.getBestSubFamilyName() or "Regular"
        for record in names.names:
            if record.nameID in (1, 16, 21):
                record.string = family
            elif record.nameID == 4:
                record.string = f"{family} {style}" if style != "Regular" else family
        buffer = io.BytesIO()
        font.save(buffer)
    finally:
        font.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(target, buffer.getvalue())
    return target
