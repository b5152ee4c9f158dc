"""Semaphores that killed runs left in shared memory.

The OCR pool's worker processes are spawned, and Python's multiprocessing then names the
semaphores of its locks and queues (`/dev/shm/sem.mp-…`) so that the workers can open them.
Its resource tracker removes them when the program ends, even when the program is killed; but
when the whole process group is killed at once the tracker dies too, and they would stay until
the machine restarts. So the pools here note each name they create in a record of their
pool (`/dev/shm/digitizer-semaphores-PID-N`), and each program start removes the semaphores of
records whose process is dead. Semaphores of other programs are never touched.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from multiprocessing.context import SpawnContext
from pathlib import Path
from typing import Any

from digitizer.security.ramdisk import process_alive

SHARED_MEMORY = Path("/dev/shm")
_RECORD = "digitizer-semaphores-"
_SERIAL = itertools.count(1)  # one record a context: two pools of one process end apart


class RecordingContext(SpawnContext):
    """The "spawn" start method, noting the name of every semaphore it makes."""

    def __init__(self, shared_memory: Path = SHARED_MEMORY) -> None:
        super().__init__()
        self.record = shared_memory / f"{_RECORD}{os.getpid()}-{next(_SERIAL)}"
        self._shared_memory = shared_memory

    # multiprocessing's queues, conditions and events are made of these three.
    def Lock(self) -> Any:  # noqa: N802 (multiprocessing's names)
        return self._noted(super().Lock())

    def RLock(self) -> Any:  # noqa: N802
        return self._noted(super().RLock())

    def Semaphore(self, value: int = 1) -> Any:  # noqa: N802
        return self._noted(super().Semaphore(value))

    def BoundedSemaphore(self, value: int = 1) -> Any:  # noqa: N802
        return self._noted(super().BoundedSemaphore(value))

    def _noted(self, lock: Any) -> Any:
        name = getattr(getattr(lock, "_semlock", None), "name", None)
        if name and self._shared_memory.is_dir():
            with contextlib.suppress(OSError), self.record.open("a", encoding="utf-8") as file:
                file.write(name.lstrip("/") + "\n")
        return lock

    def forget(self) -> None:
        """The pools have ended and their semaphores with them: drop the record."""
        self.record.unlink(missing_ok=True)


def remove_dead_semaphores(shared_memory: Path = SHARED_MEMORY) -> list[str]:
    """Remove the semaphores noted by processes of this user that are dead; their names."""
    removed: list[str] = []
    try:
        records = [
            path
            for path in shared_memory.glob(f"{_RECORD}*")
            if path.is_file() and path.stat().st_uid == os.getuid()
        ]
    except OSError:
        return removed
    for record in records:
        pid = record.name.removeprefix(_RECORD).split("-")[0]
        if not pid.isdigit() or process_alive(int(pid)):
            continue
        with contextlib.suppress(OSError):
            for name in record.read_text(encoding="utf-8").split():
                # Only multiprocessing's own names, never a path: the record is ours, but it
                # is read from a shared folder.
                if name.startswith("mp-") and "/" not in name:
                    with contextlib.suppress(FileNotFoundError):
                        (shared_memory / f"sem.{name}").unlink()
                        removed.append(name)
            record.unlink()
    return removed
