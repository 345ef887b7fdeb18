"""Rendering letter files in bulk, for ``drafter render``.

Every input is read and checked; problems are printed as ``file: field: message`` and
the other letters are still rendered.  The output's suffix chooses the format:
``.docx`` (the default) or ``.pdf`` (drawn by the Qt painter).
"""

from __future__ import annotations

import sys
from pathlib import Path

from drafter.core import letterfile
from drafter.core.atomic import WriteError
from drafter.core.doctypes import default_registry
from drafter.core.problems import InvalidInput
from drafter.i18n import _

EXIT_OK, EXIT_WRITE, EXIT_INVALID = 0, 1, 2
FORMATS = (".docx", ".pdf")


def _targets(inputs: list[str], output: Path | None) -> list[Path] | str:
    """Where each input goes, or a message saying why the request cannot work."""
    if output is not None and len(inputs) == 1 and output.suffix.lower() in FORMATS:
        return [output]
    if output is None:
        if "-" in inputs:
            return _("with '-' (standard input), name the output file with -o")
        return [Path(i).with_suffix(".docx") for i in inputs]
    if output.exists() and not output.is_dir():
        return _("{path} is a file; with several letters, -o must name a folder").format(
            path=output)
    names = ["stdin" if i == "-" else Path(i).stem for i in inputs]
    if len(set(names)) != len(names):
        return _("two letters have the same file name; render them into different folders")
    return [output / f"{name}.docx" for name in names]


def render_files(inputs: list[str], output: Path | None) -> int:
    targets = _targets(inputs, output)
    if isinstance(targets, str):
        print(f"drafter render: {targets}", file=sys.stderr)
        return EXIT_INVALID
    if output is not None and (len(targets) > 1 or output.is_dir()):
        try:
            targets[0].parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            print(f"{targets[0].parent}: {error.strerror}", file=sys.stderr)
            return EXIT_WRITE
    from drafter.compose import compose, problems_of

    registry = default_registry()
    status = EXIT_OK
    pdf_jobs = []
    for source, target in zip(inputs, targets, strict=True):
        name = "<stdin>" if source == "-" else source
        try:
            if source == "-":
                text = letterfile.decode(sys.stdin.buffer.read(), name)
                letter, problems = letterfile.loads(text, registry)
            else:
                letter, problems = letterfile.load(Path(source), registry)
            problems = problems or problems_of(letter, registry)
            if problems:
                raise InvalidInput(problems)
            document = compose(letter, registry, check=False)
        except InvalidInput as error:
            for problem in error.problems:
                print(f"{name}: {problem}", file=sys.stderr)
            status = max(status, EXIT_INVALID)
            continue
        if target.suffix.lower() == ".pdf":
            pdf_jobs.append((document, target))
            continue
        try:
            from drafter.render import docx_writer

            docx_writer.write(document, target, letter.date)
        except WriteError as error:
            print(f"{error.path}: {error.reason}", file=sys.stderr)
            status = EXIT_INVALID if status == EXIT_INVALID else EXIT_WRITE
    if pdf_jobs:
        status = max(status, _write_pdfs(pdf_jobs))
    return status


def _write_pdfs(jobs: list) -> int:  # type: ignore[type-arg]
    try:
        from drafter.render.pdf import write_pdf
    except ImportError as error:
        print(_("PDF export needs PySide6 ({error})").format(error=error), file=sys.stderr)
        return EXIT_WRITE
    status = EXIT_OK
    for document, target in jobs:
        try:
            write_pdf(document, target)
        except WriteError as error:
            print(f"{error.path}: {error.reason}", file=sys.stderr)
            status = EXIT_WRITE
    return status
