"""What every command of the command line shares: exit codes, the progress bar, JSON output."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol, TextIO

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


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


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@contextmanager
def cancel_on_interrupt() -> Iterator[threading.Event]:
    """A cancel event that Ctrl+C sets, so long work stops between units and keeps what it did."""
    cancel = threading.Event()
    previous = signal.signal(signal.SIGINT, lambda *_: cancel.set())
    try:
        yield cancel
    finally:
        signal.signal(signal.SIGINT, previous)
