"""What every command of the command line shares: exit codes, the library and passphrase options,
the progress bar, argument types, JSON output and how a failure is said."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO, TypeAlias

from digitizer.locations import LIBRARY_VARIABLE
from digitizer.model import Classification
from digitizer.pipeline import default_workers

if TYPE_CHECKING:
    from digitizer.errors import DigitizerError
    from digitizer.service import Workstation

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""Where each command family adds its commands."""

Command = Callable[["Workstation", argparse.Namespace], int]
"""A command: what it does with the workstation, and its exit code."""


def add_library_options(parser: argparse.ArgumentParser) -> None:
    """The options of every command: which library, and where the vault's passphrase comes
    from. Suppressed defaults, so that they may stand before or after the command's name."""
    parser.add_argument(
        "--library",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="PATH",
        help=f"the archive library to use (default: ${LIBRARY_VARIABLE}, else the per-user "
        "data folder)",
    )
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="PATH",
        help="read the vault's passphrase from PATH (first line) instead of asking for it",
    )
    parser.add_argument(
        "--unlock",
        action="store_true",
        default=argparse.SUPPRESS,
        help="unlock the vault first, so that list shows and search finds secret documents",
    )


_LIBRARY_OPTIONS = argparse.ArgumentParser(add_help=False)
add_library_options(_LIBRARY_OPTIONS)


def add_command(
    commands: Commands,
    name: str,
    summary: str,
    description: str | None = None,
    *,
    library: bool = True,
    json: bool = False,
) -> argparse.ArgumentParser:
    """A command's parser: with the library options unless it works without a library, and
    `--json` when it can print its result as JSON."""
    parser = commands.add_parser(
        name,
        parents=[_LIBRARY_OPTIONS] if library else [],
        help=summary,
        description=description,
    )
    if json:
        add_json_option(parser)
    return parser


def add_document_argument(parser: argparse.ArgumentParser, nargs: str | None = None) -> None:
    """The document(s) a command works on, each by its id or the start of it."""
    name = "documents" if nargs else "document"
    parser.add_argument(name, nargs=nargs, metavar="DOCUMENT", help="its id, or the start of it")


def add_cores_option(parser: argparse.ArgumentParser, option: str, what: str) -> None:
    """How many processes side by side: `--jobs` of `ocr`, `--processes` of `worker`."""
    parser.add_argument(
        option,
        type=positive_int,
        default=default_workers(),
        metavar="N",
        help=f"{what} (default: the cores, {default_workers()})",
    )


def add_flags(parser: argparse.ArgumentParser, flags: dict[str, str]) -> None:
    """Options that are on or off, each with what it does."""
    for option, meaning in flags.items():
        parser.add_argument(option, action="store_true", help=meaning)


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


class ProgressBar:
    """Draws the progress protocol as a one-line bar on a terminal; silent otherwise."""

    WIDTH = 30

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self.total = 0
        self.done = 0
        self.label = ""

    def start(self, total: int, message: str = "") -> None:
        self.total, self.done, self.label = total, 0, message
        self._draw("")

    def advance(self, steps: int = 1, message: str = "") -> None:
        self.done += steps
        self._draw(message)

    def finish(self) -> None:
        if self.enabled and self.total:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def _draw(self, message: str) -> None:
        if not self.enabled or not self.total:
            return
        filled = self.WIDTH * min(self.done, self.total) // self.total
        bar = "█" * filled + "·" * (self.WIDTH - filled)
        line = f"{self.label} [{bar}] {self.done}/{self.total} {message}"
        self.stream.write("\r\033[K" + line[:120])
        self.stream.flush()


def positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a positive number")
    return value


def classification(text: str) -> Classification:
    """A security level as the command line takes it: SECRET, 'Mật', …"""
    try:
        return Classification.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


class Report(Protocol):
    """What a batch command reports: whether all went well, and itself as JSON."""

    @property
    def ok(self) -> bool: ...

    def as_json(self) -> dict[str, Any]: ...


def finish(report: Report, as_json: bool, print_text: Callable[[], None]) -> int:
    """Print `report` as JSON or through `print_text`; the exit code it stands for."""
    if as_json:
        print_json(report.as_json())
    else:
        print_text()
    return EXIT_OK if report.ok else EXIT_FAILED


def show(as_json: bool, value: Callable[[], Any], print_text: Callable[[], None]) -> int:
    """Print a command's result as JSON (`value()`) or through `print_text`; exit code 0."""
    if as_json:
        print_json(value())
    else:
        print_text()
    return EXIT_OK


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def usage_error(command: str, message: str) -> int:
    """A command used wrongly: say how, on stderr; exit code 2."""
    print(f"digitizer {command}: {message}", file=sys.stderr)
    return EXIT_USAGE


def print_error(error: DigitizerError) -> None:
    """A failure as every command says it: the message and its stable code, on stderr."""
    print(f"digitizer: {error.message} [{error.code}]", file=sys.stderr)


@contextmanager
def cancel_on_interrupt() -> Iterator[threading.Event]:
    """A cancel event that Ctrl+C sets, so long work stops between units and keeps what it did."""
    cancel = threading.Event()
    previous = signal.signal(signal.SIGINT, lambda *_: cancel.set())
    try:
        yield cancel
    finally:
        signal.signal(signal.SIGINT, previous)
