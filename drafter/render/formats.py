"""The output formats: one registry line per format, each a module with ``to_bytes``.

Every command that writes a document (``drafter render``, ``issue``, the mail merge,
the GUI's export) chooses its writer here, by name (``--format pdf``) or by the
output's suffix, so a new format is one module plus one line of :data:`FORMATS`.

A writer module defines ``to_bytes(document, created) -> bytes``: the whole file for a
:class:`~drafter.layout.model.Document`, *created* being the letter's date (or
``None``).  Each registry line names a loader that imports it, so a writer loads only
when a document is written: the PDF writer needs Qt, which the headless commands never
import otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.i18n import N_, _

if TYPE_CHECKING:
    import argparse

    from drafter.layout.model import Document

ToBytes = Callable[["Document", "dt.date | None"], bytes]


@dataclass(frozen=True)
class Format:
    name: str  # as typed after --format
    suffix: str  # the file name's ending, with its dot
    label_en: str  # what it is, for lists and file dialogs (translated when shown)
    load: Callable[[], ToBytes]  # imports the writer module, when first needed
    needs_qt: bool = False  # drawn by the Qt painter: worker processes cannot share it

    @property
    def label(self) -> str:
        return _(self.label_en)

    def to_bytes(self) -> ToBytes:
        return self.load()


def _docx() -> ToBytes:
    from drafter.render.docx_writer import to_bytes

    return to_bytes


def _pdf() -> ToBytes:
    from drafter.render.pdf import to_bytes

    return to_bytes


FORMATS: tuple[Format, ...] = (
    Format("docx", ".docx", N_("Word document"), _docx),
    Format("pdf", ".pdf", N_("PDF document"), _pdf, needs_qt=True),
)
DEFAULT = FORMATS[0]


# ``--format`` alone (or ``--format list``) lists the formats instead of choosing one.
LIST = "list"


def add_format_option(parser: argparse.ArgumentParser) -> None:
    """``--format NAME`` for a command that writes documents; alone, it lists them."""
    parser.add_argument(
        "--format",
        nargs="?",
        const=LIST,
        metavar=_("FORMAT"),
        help=_(
            "the output format (docx, pdf…; default: the suffix of -o, else docx); alone or "
            "as 'list': list the formats"
        ),
    )


class UnknownFormat(ValueError):
    """A format name or suffix no writer handles; the message lists those that exist."""


def names() -> list[str]:
    return [f.name for f in FORMATS]


def by_name(name: str) -> Format:
    wanted = name.strip().lower().lstrip(".")
    for candidate in FORMATS:
        if candidate.name == wanted:
            return candidate
    raise UnknownFormat(
        _("unknown format '{name}'; the formats are: {formats}").format(
            name=name, formats=", ".join(names())
        )
    )


def for_suffix(suffix: str) -> Format | None:
    """The format written to files ending in *suffix*, or ``None``."""
    wanted = suffix.lower()
    return next((f for f in FORMATS if f.suffix == wanted), None)


def for_path(path: Path) -> Format:
    """The format of an output file, chosen by its suffix; refused when none writes it."""
    found = for_suffix(Path(path).suffix)
    if found is None:
        ending = Path(path).suffix or _("(no suffix)")
        raise UnknownFormat(
            _(
                "cannot write {path}: no format writes files ending in {suffix}; name the "
                "file with one of {suffixes}"
            ).format(path=path, suffix=ending, suffixes=", ".join(f.suffix for f in FORMATS))
        )
    return found


def listing() -> str:
    """The registered formats, one a line: name, suffix, what it is."""
    width = max(len(f.name) for f in FORMATS)
    return "\n".join(f"{f.name:<{width}}  {f.suffix:<6} {f.label}" for f in FORMATS)


def write(
    document: Document, path: Path, created: dt.date | None = None, fmt: Format | None = None
) -> None:
    """Write *document* to *path* in *fmt* (by default the format of its suffix),
    atomically; raise :class:`~drafter.core.atomic.WriteError` or :class:`UnknownFormat`."""
    from drafter.core.atomic import write_bytes_atomic

    chosen = fmt or for_path(path)
    write_bytes_atomic(Path(path), chosen.to_bytes()(document, created))
