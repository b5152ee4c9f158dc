"""Time spent per stage of the OCR and export paths, for `bench/ocr.py`'s profile.

Off unless `DIGITIZER_STAGE_TIMES` names a folder when the process starts: then every `stage()`
appends one JSON line (stage, wall seconds, CPU seconds of this process and of the children it
waited for meanwhile, e.g. a Tesseract) to a file of its own per process in that folder. Off, a
stage is one shared do-nothing context manager: nothing is timed, nothing written.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path

ENVIRONMENT_VARIABLE = "DIGITIZER_STAGE_TIMES"

_FOLDER = os.environ.get(ENVIRONMENT_VARIABLE) or None
_OFF: AbstractContextManager[None] = contextlib.nullcontext()


def stage(name: str) -> AbstractContextManager[None]:
    """Time the block as stage `name` when stage timing is on; otherwise do nothing."""
    if _FOLDER is None:
        return _OFF
    return _timed(name, _FOLDER)


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@contextlib.contextmanager
def _timed(name: str, folder: str) -> Iterator[None]:
    wall, cpu = time.perf_counter(), _cpu()
    try:
        yield
    finally:
        line = json.dumps(
            {
                "stage": name,
                "wall": round(time.perf_counter() - wall, 6),
                "cpu": round(_cpu() - cpu, 6),
                "pid": os.getpid(),
            }
        )
        with (Path(folder) / f"stages-{os.getpid()}.jsonl").open("a", encoding="utf-8") as out:
            out.write(line + "\n")


def since_start() -> tuple[float, float]:
    """Wall and CPU seconds since this process started (Linux: from /proc); (0, 0) elsewhere."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, IndexError, ValueError):
        return 0.0, 0.0
    started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22 of stat: start time
    return max(0.0, uptime - started), time.process_time()


def note_start(name: str) -> None:
    """Record the time from this process's start until now as stage `name`, when timing is on."""
    if _FOLDER is None:
        return
    wall, cpu = since_start()
    _write(_FOLDER, name, wall, cpu)


def _write(folder: str, name: str, wall: float, cpu: float) -> None:
    line = json.dumps(
        {"stage": name, "wall": round(wall, 6), "cpu": round(cpu, 6), "pid": os.getpid()}
    )
    with (Path(folder) / f"stages-{os.getpid()}.jsonl").open("a", encoding="utf-8") as out:
        out.write(line + "\n")
