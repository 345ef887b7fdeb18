"""One letter, many recipients: a giấy mời or giấy giới thiệu for each person of a group.

Each copy differs only in the recipient's name, written into Kính gửi or into one
of the type's own fields.  The copies go to separate .docx files or to one combined
file whose sections are the copies' sections one after the other (each starts on a
new page and restarts its page numbers), in any format of
:mod:`drafter.render.formats`.  The GUI, ``drafter mailmerge`` and ``drafter render
--group/--names`` all use :func:`merge_to_files`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from drafter.app.errors import MergeError
from drafter.core.doctypes import DocType, Presence, Registry, default_registry
from drafter.core.letter import Letter
from drafter.core.vietnamese import clean_line, fold
from drafter.i18n import _
from drafter.layout.model import Document
from drafter.render import formats

KINH_GUI = "kinh_gui"
FIELD_PREFIX = "fields."


def default_target(doctype: DocType) -> str:
    """Where a recipient's name goes for this type when the user does not say."""
    # The fields that name the person a document is made out to, as its type.toml says.
    if doctype.person_fields:
        return FIELD_PREFIX + doctype.person_fields[0]
    if doctype.kinh_gui is not Presence.NONE:
        return KINH_GUI
    raise MergeError(
        _(
            "the type '{type}' has no Kính gửi and no field for the person's "
            "name; name the field to fill"
        ).format(type=doctype.name)
    )


def personalise(letter: Letter, name: str, into: str = KINH_GUI) -> Letter:
    """A copy of *letter* made out to *name*."""
    name = clean_line(name)
    copy = replace(letter, fields=dict(letter.fields))
    if into == KINH_GUI:
        copy.kinh_gui = [name]
    elif into.startswith(FIELD_PREFIX):
        copy.fields[into[len(FIELD_PREFIX) :]] = name
    else:
        raise MergeError(
            _("unknown place '{into}'; use 'kinh_gui' or 'fields.<field id>'").format(into=into)
        )
    return copy


def letters_for(
    letter: Letter, names: list[str], into: str | None = None, registry: Registry | None = None
) -> list[Letter]:
    registry = registry or default_registry()
    names = [n for n in (clean_line(n) for n in names) if n]
    if not names:
        raise MergeError(_("there is nobody to write to"))
    if into is None:
        into = default_target(registry.get(letter.type_id))
    elif (
        into.startswith(FIELD_PREFIX)
        and registry.get(letter.type_id).field(into[len(FIELD_PREFIX) :]) is None
    ):
        raise MergeError(
            _("the type has no field '{field}'").format(field=into[len(FIELD_PREFIX) :])
        )
    return [personalise(letter, name, into) for name in names]


def combined(documents: list[Document]) -> Document:
    """One document holding every copy, each in its own sections."""
    first = documents[0]
    return Document(
        sections=[s for d in documents for s in d.sections],
        title=first.title,
        subject=first.subject,
        author=first.author,
        font_name=first.font_name,
    )


def file_name(stem: str, index: int, name: str, suffix: str = formats.DEFAULT.suffix) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:60] or "nguoi-nhan"
    return f"{stem}-{index:02d}-{slug}{suffix}"


def output_format(output: Path, together: bool, fmt: formats.Format | None) -> formats.Format:
    """The format of a merge: *fmt*, else (for one combined file) the output's suffix,
    else the default; refused when *fmt* and the output's suffix disagree."""
    named = formats.for_suffix(Path(output).suffix) if together else None
    if fmt is not None and named is not None and named is not fmt:
        raise MergeError(
            _("-o names a {suffix} file but --format asks for {name}").format(
                suffix=named.suffix, name=fmt.name
            )
        )
    return fmt or named or formats.DEFAULT


def merge_to_files(
    letter: Letter,
    names: list[str],
    output: Path,
    *,
    into: str | None = None,
    together: bool = False,
    registry: Registry | None = None,
    fmt: formats.Format | None = None,
) -> list[Path]:
    """Write one document per name into the folder *output*, or all in the file *output*,
    in *fmt* (by default the suffix of a combined file's name, else .docx).

    Every copy is checked before anything is written; the files are written atomically.
    """
    from drafter.app.compose import compose

    chosen = output_format(output, together, fmt)
    registry = registry or default_registry()
    names = [n for n in (clean_line(n) for n in names) if n]
    copies = letters_for(letter, names, into, registry)
    documents = [compose(copy, registry) for copy in copies]
    output = Path(output)
    if together:
        if output.suffix.lower() != chosen.suffix:
            output = output.with_suffix(chosen.suffix)
        formats.write(combined(documents), output, letter.date, chosen)
        return [output]
    output.mkdir(parents=True, exist_ok=True)
    stem = registry.get(letter.type_id).id
    paths = []
    for index, (name, document) in enumerate(zip(names, documents, strict=True), start=1):
        target = output / file_name(stem, index, name, chosen.suffix)
        formats.write(document, target, letter.date, chosen)
        paths.append(target)
    return paths
