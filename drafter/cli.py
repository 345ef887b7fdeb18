"""The ``drafter`` command: the GUI without arguments, headless subcommands otherwise.

Headless commands never import Qt, so they run on servers and start fast.  Exit
codes: 0 done, 1 a file could not be written, 2 invalid input (each problem is
printed as ``file: field: message``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from drafter import __version__
from drafter.cli_options import add_database_option, add_output_option, add_recipient_options
from drafter.i18n import _

if TYPE_CHECKING:
    from drafter.render.formats import Format

EXIT_OK, EXIT_WRITE, EXIT_INVALID = 0, 1, 2

Command = Callable[[argparse.Namespace], int]


def cmd_types(args: argparse.Namespace) -> int:
    from drafter.core.doctypes import default_registry

    registry = default_registry()
    types = registry.all()
    for error in registry.errors:
        print(error, file=sys.stderr)
    if not types:
        # The shipped types are missing: the installation, not the input, is at fault.
        folders = ", ".join(str(folder) for folder in registry.folders)
        print(
            _(
                "no document types found (looked in {folders}); Drafter is not installed completely"
            ).format(folders=folders),
            file=sys.stderr,
        )
        return EXIT_WRITE
    if args.json:
        data = [
            {
                "id": t.id,
                "name": t.name,
                "abbreviation": t.abbreviation,
                "sample": t.sample,
                "kinh_gui": t.kinh_gui.value,
                "fields": [f.id for f in t.fields],
            }
            for t in types
        ]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        width = max((len(t.id) for t in types), default=0)
        for t in types:
            abbreviation = f" ({t.abbreviation})" if t.abbreviation else ""
            print(f"{t.id:<{width}}  {t.name}{abbreviation}")
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from drafter.core.doctypes import default_registry

    registry = default_registry()
    if args.type not in registry:
        print(
            _("unknown document type '{type}'; see 'drafter types'").format(type=args.type),
            file=sys.stderr,
        )
        return EXIT_INVALID
    sample = registry.get(args.type).sample_path
    try:
        text = sample.read_text(encoding="utf-8")
    except OSError:
        print(_("the type '{type}' has no sample letter").format(type=args.type), file=sys.stderr)
        return EXIT_INVALID
    if args.office:
        from drafter.app.new_letter import print_from_office

        return print_from_office(args.type, text, args.db, args.profile)
    sys.stdout.write(text)
    return EXIT_OK


def _chosen_format(args: argparse.Namespace) -> Format | str | None:
    """The format of ``--format NAME``: ``None`` when not given, a message when unknown."""
    from drafter.render import formats

    if args.format is None:
        return None
    try:
        return formats.by_name(args.format)
    except formats.UnknownFormat as error:
        return str(error)


def cmd_render(args: argparse.Namespace) -> int:
    from drafter.render import formats

    if args.format == formats.LIST:
        print(formats.listing())
        return EXIT_OK
    if not args.letters:
        print(
            _(
                "drafter render: name at least one letter file ('-' reads standard input); "
                "'drafter render --format' lists the formats"
            ),
            file=sys.stderr,
        )
        return EXIT_INVALID
    chosen = _chosen_format(args)
    if isinstance(chosen, str):
        print(f"drafter render: {chosen}", file=sys.stderr)
        return EXIT_INVALID
    from drafter.fonts import warn_if_missing

    warn_if_missing()  # without a suitable font, widths are estimated: say what to install
    args.format = chosen
    if args.group or args.names:
        from drafter.office_cli import render_for_each

        return render_for_each(args)
    from drafter.app.render import render_files

    return render_files(args.letters, args.output, chosen)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; for one of :data:`BUILTIN_COMMANDS`, without the other modules' commands."""
    parser = argparse.ArgumentParser(
        prog="drafter",
        description=_(
            "Draft Vietnamese administrative documents laid out by NĐ 30/2020/NĐ-CP. "
            "Without a command, opens the application."
        ),
    )
    parser.add_argument("--version", action="version", version=f"Drafter {__version__}")
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"))

    types = commands.add_parser("types", help=_("list the document types"))
    types.add_argument("--json", action="store_true", help=_("print JSON"))
    types.set_defaults(handler=cmd_types)

    new = commands.add_parser("new", help=_("print the sample letter file of a type"))
    new.add_argument("type", help=_("a type id from 'drafter types'"))
    new.add_argument(
        "--office",
        action="store_true",
        help=_(
            "fill in the office's data: the default profile's issuer, place and drafting unit, "
            "and the type's default signer"
        ),
    )
    new.add_argument("--profile", help=_("with --office: this profile instead of the default"))
    add_database_option(
        new, _("with --office: database URL (default: DRAFTER_DB, or the embedded database)")
    )
    new.set_defaults(handler=cmd_new)

    render = commands.add_parser(
        "render",
        help=_("render letter files to .docx, .pdf or another format of 'drafter render --format'"),
    )
    render.add_argument("letters", nargs="*", help=_("letter files; '-' reads standard input"))
    add_output_option(
        render,
        _("output file for one letter, or a folder for several (default: beside each letter)"),
        required=False,
    )
    add_recipient_options(render, required=False)
    add_database_option(
        render, _("database URL for --group (default: DRAFTER_DB, or the embedded database)")
    )
    from drafter.render.formats import add_format_option

    add_format_option(render)
    render.set_defaults(handler=cmd_render)

    if command not in BUILTIN_COMMANDS:
        for module_name in COMMAND_MODULES:
            importlib.import_module(module_name).register(commands)
    return parser


# Commands defined here.  Parsing one of them needs no other module's subcommands
# (argparse reports its errors with the command's own usage, or the top-level one, which
# names no command), so ``drafter render`` does not pay for importing them.
BUILTIN_COMMANDS = frozenset({"types", "new", "render"})


# Modules that add subcommands through ``register(subparsers)``.  They must import
# nothing heavy at module level: every command's start-up time pays for it.
COMMAND_MODULES: list[str] = [
    "drafter.office_cli",
    "drafter.doctor",
    "drafter.signing.cli",
    "drafter.incoming.cli",
]


def _open_gui(argv: Sequence[str]) -> int:
    try:
        from drafter.ui.app import run
    except ImportError as error:
        print(
            _(
                "the graphical interface needs PySide6 ({error}); install it with "
                "'pip install PySide6-Essentials'"
            ).format(error=error),
            file=sys.stderr,
        )
        return EXIT_INVALID
    return run(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _configure_streams()
    if not argv or all(a.endswith(".letter") and not a.startswith("-") for a in argv):
        return _open_gui(argv)
    args = build_parser(argv[0]).parse_args(argv)
    if not getattr(args, "handler", None):
        build_parser().print_help()
        return EXIT_INVALID
    handler: Command = args.handler
    try:
        return handler(args)
    except BrokenPipeError:
        # The reader of the output went away (`drafter types | head`): nothing failed.
        _discard_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        print(_("drafter: stopped by the user"), file=sys.stderr)
        return EXIT_INTERRUPTED
    except MemoryError:
        print(_("drafter: not enough memory to finish this command"), file=sys.stderr)
        return EXIT_WRITE
    except OSError as error:
        from drafter.core.atomic import explain_os_error

        where = f"{error.filename}: " if error.filename else ""
        print(f"drafter: {where}{explain_os_error(error)}", file=sys.stderr)
        return EXIT_WRITE
    except Exception:
        # A defect of Drafter's own: the details go to a file for the report, the user
        # reads a sentence instead of a traceback.
        report = _save_crash_report(argv)
        print(
            _(
                "drafter: an unexpected error stopped the command. The details are in {path};"
                " please send that file to whoever supports Drafter."
            ).format(path=report),
            file=sys.stderr,
        )
        return EXIT_WRITE


EXIT_INTERRUPTED = 130  # the shell's status for a command stopped by Ctrl+C


def _discard_stdout() -> None:
    """Point standard output at the null device, so Python's final flush cannot fail."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _save_crash_report(argv: Sequence[str]) -> str:
    """Write the current exception's traceback to a file of the user's cache folder."""
    import datetime as dt
    import traceback

    from drafter.paths import user_cache_dir

    text = f"drafter {__version__}\ncommand: {list(argv)!r}\n\n" + traceback.format_exc()
    name = f"crash-{dt.datetime.now():%Y%m%d-%H%M%S}.txt"
    try:
        folder = user_cache_dir() / "crash-reports"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
        return str(folder / name)
    except OSError:
        return _("(the details could not be saved)")


def _configure_streams() -> None:
    # Vietnamese must print on a Windows console or through a pipe, whatever its code page.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
