"""The progress protocol: how long work reports on itself, to whoever listens.

The core calls `start(total)`, then `advance()` as each unit is done, then `finish()`. The command
line draws a bar, the window a progress widget; the core knows neither. Cancellation is a
`threading.Event` the worker checks between units.
"""

from __future__ import annotations

import threading
from typing import Protocol


class Progress(Protocol):
    def start(self, total: int, message: str = "") -> None: ...

    def advance(self, steps: int = 1, message: str = "") -> None: ...

    def finish(self) -> None: ...


class NullProgress:
    """Listens to nothing."""

    def start(self, total: int, message: str = "") -> None:
        pass

    def advance(self, steps: int = 1, message: str = "") -> None:
        pass

    def finish(self) -> None:
        pass


CancelEvent = threading.Event
