"""Rendering letter files in bulk, for ``drafter render``.

Every input is read and checked (:func:`drafter.app.check.check_file`: the file's
problems and the content's together); problems are printed as ``file: field: message``
and the other letters are still rendered.  The format is ``--format NAME`` or the
output's suffix, one of :mod:`drafter.render.formats` (``.docx`` by default).  Large
batches are shared among the machine's cores: a mail merge of 500 letters should feel
instant.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

from drafter.core.atomic import WriteError
from drafter.core.doctypes import default_registry
from drafter.core.problems import InvalidInput
from drafter.i18n import _
from drafter.render import formats

EXIT_OK, EXIT_WRITE, EXIT_INVALID = 0, 1, 2
PARALLEL_FROM = 64  # below this, starting worker processes costs more than it saves


def _targets(
    inputs: list[str], output: Path | None, chosen: formats.Format | None = None
) -> list[Path] | str:
    """Where each input goes, or a message saying why the request cannot work."""
    fmt = chosen or formats.DEFAULT
    named = formats.for_suffix(output.suffix) if output is not None else None
    if output is not None and len(inputs) == 1 and named is not None:
        if chosen is not None and named is not chosen:
            return _("-o names a {suffix} file but --format asks for {name}").format(
                suffix=named.suffix, name=chosen.name
            )
        return [output]
    if output is None:
        if "-" in inputs:
            return _("with '-' (standard input), name the output file with -o")
        return [Path(i).with_suffix(fmt.suffix) for i in inputs]
    if len(inputs) == 1 and output.suffix and not output.is_dir():
        try:
            formats.for_path(output)
        except formats.UnknownFormat as error:
            return str(error)
    if output.exists() and not output.is_dir():
        return _("{path} is a file; with several letters, -o must name a folder").format(
            path=output
        )
    names = ["stdin" if i == "-" else Path(i).stem for i in inputs]
    if len(set(names)) != len(names):
        return _("two letters have the same file name; render them into different folders")
    return [output / f"{name}{fmt.suffix}" for name in names]


def render_one(source: str, target: Path) -> tuple[int, list[str]]:
    """Render one letter file; return the exit status and the messages to print."""
    from drafter.app.advice import advise
    from drafter.app.check import check_file
    from drafter.app.compose import compose

    name = "<stdin>" if source == "-" else source
    letter, problems = check_file(source)
    if letter is None or problems:
        return EXIT_INVALID, [f"{name}: {problem}" for problem in problems]
    try:
        document = compose(letter, check=False)
    except InvalidInput as error:
        return EXIT_INVALID, [f"{name}: {problem}" for problem in error.problems]
    try:
        formats.write(document, target, letter.date)
    except ImportError as error:
        return EXIT_WRITE, [_("PDF export needs PySide6 ({error})").format(error=error)]
    except WriteError as error:
        return EXIT_WRITE, [f"{error.path}: {error.reason}"]
    # Warnings are printed and the document is written all the same (exit status 0).
    return EXIT_OK, [f"{name}: {warning}" for warning in advise(letter)]


def _render_pair(pair: tuple[str, Path]) -> tuple[int, list[str]]:
    """:func:`render_one` that never raises: in a worker process an exception would stop
    the whole batch, and every other letter must still be rendered."""
    source, target = pair
    try:
        return render_one(source, target)
    except Exception as error:  # a fault of this one letter, reported with its name
        name = "<stdin>" if source == "-" else source
        return EXIT_WRITE, [
            _("{file}: could not be rendered ({error})").format(
                file=name, error=f"{type(error).__name__}: {error}"
            )
        ]


def _results(pairs: list[tuple[str, Path]]) -> Iterator[tuple[int, list[str]]]:
    workers = min(os.cpu_count() or 1, 8)
    parallel = (
        len(pairs) >= PARALLEL_FROM
        and workers > 1
        and "-" not in dict(pairs)
        and not any(_needs_qt(t) for _s, t in pairs)
    )
    if not parallel:
        yield from map(_render_pair, pairs)
        return
    import multiprocessing  # here: ~10 ms of start-up a one-letter render need not pay

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with context.Pool(workers) as pool:
        yield from pool.imap(_render_pair, pairs, chunksize=16)


def _needs_qt(target: Path) -> bool:
    fmt = formats.for_suffix(target.suffix)
    return fmt is None or fmt.needs_qt


def render_files(inputs: list[str], output: Path | None, fmt: formats.Format | None = None) -> int:
    targets = _targets(inputs, output, fmt)
    if isinstance(targets, str):
        print(f"drafter render: {targets}", file=sys.stderr)
        return EXIT_INVALID
    if output is not None and (len(targets) > 1 or output.is_dir()):
        try:
            targets[0].parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            print(f"{targets[0].parent}: {error.strerror}", file=sys.stderr)
            return EXIT_WRITE
    # Load the types and compile the templates once, before any worker is forked.
    default_registry().all()
    status = EXIT_OK
    for result, messages in _results(list(zip(inputs, targets, strict=True))):
        for message in messages:
            print(message, file=sys.stderr)
        if result == EXIT_INVALID or status == EXIT_INVALID:
            status = EXIT_INVALID
        else:
            status = max(status, result)
    return status
