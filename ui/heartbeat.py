"""A heartbeat on the GUI thread: a timer that notes the longest time between its ticks, which
is how long the event loop was kept from drawing and answering the user."""

from __future__ import annotations

import time

from ui.qt import QObject, QTimer


class Heartbeat(QObject):
    def __init__(self, interval_ms: int = 10) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.longest = 0.0  # seconds
        self.ticks = 0
        self._last = 0.0

    def start(self) -> None:
        self.longest, self.ticks = 0.0, 0
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        """Stop; the longest gap seen, in seconds (the time since the last tick counts too)."""
        self._tick()
        self.timer.stop()
        return self.longest

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now
        self.ticks += 1
