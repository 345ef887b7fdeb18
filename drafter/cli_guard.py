"""What the office commands (:mod:`drafter.office_cli`) and the incoming letters'
(:mod:`drafter.incoming.cli`) share: their expected failures as a sentence and an exit
status, never a traceback, and the ``--db`` option.  Imported whenever ``drafter``
starts: the error classes load inside the handler, when a command runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence

from drafter.cli_options import add_database_option

Handler = Callable[[argparse.Namespace], int]
EXIT_OK, EXIT_WRITE, EXIT_INVALID = 0, 1, 2


def report(message: str) -> None:
    print(f"drafter: {message}", file=sys.stderr)


def report_each(source: object, problems: Iterable[object]) -> None:
    """Each of *problems* on standard error, after the file it was found in."""
    for problem in problems:
        print(f"{source}: {problem}", file=sys.stderr)


def guarded(handler: Handler, bad_input: Callable[[], tuple[type[Exception], ...]]) -> Handler:
    """*handler* reporting the store's and the writer's errors (exit 1) and bad input (2).

    Bad input is a numbering error, a ``ValueError``, invalid fields, and the errors
    *bad_input* returns (a function, so that they load only when a command runs).
    """

    def run(args: argparse.Namespace) -> int:
        from drafter.core.atomic import WriteError
        from drafter.core.problems import InvalidInput
        from drafter.store.errors import NumberingError, StoreError

        invalid: tuple[type[Exception], ...] = (NumberingError, ValueError, *bad_input())
        try:
            return int(handler(args))
        except (StoreError, WriteError) as error:
            report(str(error))
            return EXIT_WRITE
        except invalid as error:
            report(str(error))
            return EXIT_INVALID
        except InvalidInput as error:
            for problem in error.problems:
                report(str(problem))
            return EXIT_INVALID

    return run


def database_parser() -> argparse.ArgumentParser:
    """A parent parser with ``--db``: the database the command works on."""
    database = argparse.ArgumentParser(add_help=False)
    add_database_option(database)
    return database


def database_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    handler: Handler,
    help: str,
    *,
    bad_input: Callable[[], tuple[type[Exception], ...]],
    parents: Sequence[argparse.ArgumentParser] = (),
) -> argparse.ArgumentParser:
    """A subcommand that works on the database: it takes ``--db`` (and the options of
    *parents*), and the store's expected errors, or *bad_input*, are told as a sentence
    and an exit status (:func:`guarded`)."""
    command = commands.add_parser(name, parents=[database_parser(), *parents], help=help)
    command.set_defaults(handler=guarded(handler, bad_input))
    return command
