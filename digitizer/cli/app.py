"""The `digitizer` command line.

Exit codes: 0 all went well, 1 something failed (the message says what), 2 the command was
used wrongly. Expected failures print a message, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
from collections.abc import Sequence

from digitizer import __version__
from digitizer.cli import acquire as cli_acquire
from digitizer.cli import export as cli_export
from digitizer.cli import farm as cli_farm
from digitizer.cli import gui as cli_gui
from digitizer.cli import library as cli_library
from digitizer.cli import pipeline as cli_pipeline
from digitizer.cli import records as cli_records
from digitizer.cli import search as cli_search
from digitizer.cli import security as cli_security
from digitizer.cli import settings as cli_settings
from digitizer.cli.support import (
    EXIT_FAILED,
    EXIT_OK,
    Command,
    add_library_options,
    print_error,
    print_json,
)
from digitizer.errors import DigitizerError, system_failure
from digitizer.security.network import forbid_connections
from digitizer.service import Workstation

FAMILIES = (
    cli_library,
    cli_acquire,
    cli_pipeline,
    cli_export,
    cli_search,
    cli_gui,
    cli_security,
    cli_records,
    cli_settings,
    cli_farm,
)
"""The command families, in the order `digitizer --help` lists their commands."""

COMMANDS: dict[str, Command] = {
    name: command for family in FAMILIES for name, command in family.COMMANDS.items()
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="digitizer",
        description="Digitize Vietnamese archival documents: import, recognise, check and export.",
    )
    add_library_options(parser)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for family in FAMILIES:
        family.add_parsers(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    station = Workstation(getattr(args, "library", None))
    forbid_connections()
    cli_security.at_start()
    try:
        cli_security.configure(station, args)
        return COMMANDS[args.command](station, args)
    except DigitizerError as error:
        return _failed(error, args)
    except KeyboardInterrupt:
        print("digitizer: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `digitizer list | head` closed our output; that is not a failure.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (OSError, sqlite3.Error) as error:
        # The machine said no (disk full, permission denied on the library): say what, plainly.
        return _failed(system_failure(error), args)


def _failed(error: DigitizerError, args: argparse.Namespace) -> int:
    """Say why the command stopped; with --json also as JSON, so a script reading the output
    gets an answer whatever happened."""
    print_error(error)
    if getattr(args, "json", False):
        with contextlib.suppress(OSError):
            print_json({"error": {"code": error.code, "message": error.message}})
    return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
