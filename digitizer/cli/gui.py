"""`digitizer gui`: open the workstation window.

The window is the `ui` package, a layer above the core, so the command starts it as its own
program (`python -m ui`) in this process's place rather than importing it.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from digitizer.cli.support import Commands, add_command

if TYPE_CHECKING:
    from digitizer.service import Workstation

LANGUAGES = ("vi", "en")


def add_parsers(commands: Commands) -> None:
    gui = add_command(
        commands,
        "gui",
        "open the workstation window",
        "Open the workstation window on the library (Vietnamese by default).",
    )
    gui.add_argument("--language", choices=LANGUAGES, help="the window's language")


def command_line(station: Workstation, args: argparse.Namespace) -> list[str]:
    """The program the window runs as."""
    line = [sys.executable, "-m", "ui", "--library", str(station.library_path)]
    if args.language:
        line += ["--language", args.language]
    return line


def cmd_gui(station: Workstation, args: argparse.Namespace) -> int:
    line = command_line(station, args)
    os.execv(line[0], line)  # returns only by raising OSError, which main() reports


COMMANDS = {"gui": cmd_gui}
