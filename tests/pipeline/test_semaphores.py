"""Semaphores that a killed OCR run leaves in shared memory are removed at the next start; those
of live processes, and of other programs, stay."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from digitizer.pipeline.semaphores import (
    SHARED_MEMORY,
    RecordingContext,
    remove_dead_semaphores,
)
from tests.e2e.support import run

# A run of the OCR pool's context, killed with its whole process group (as a terminal's kill
# does): the resource tracker dies too and cannot remove the named semaphores.
_KILLED_RUN = """
import sys
from pathlib import Path
from digitizer.pipeline.semaphores import RecordingContext
queue = RecordingContext(Path(sys.argv[1])).Queue()
print(queue._rlock._semlock.name, flush=True)
input()
"""


def _killed_run(shared_memory: Path) -> str:
    """Run `_KILLED_RUN` and kill its process group; the name of a semaphore it left."""
    with subprocess.Popen(
        [sys.executable, "-c", _KILLED_RUN, str(shared_memory)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    ) as process:
        assert process.stdout is not None
        name = process.stdout.readline().strip().lstrip("/")
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    return name


def test_the_pool_context_notes_every_semaphore_it_makes(tmp_path: Path) -> None:
    context = RecordingContext(tmp_path)
    other = RecordingContext(tmp_path)  # a second pool of the same process: a record of its own
    assert other.record != context.record
    queue = context.Queue()
    event = context.Event()

    noted = context.record.read_text(encoding="utf-8").split()

    names = {queue._rlock._semlock.name, event._flag._semlock.name}  # type: ignore[attr-defined]
    assert {name.lstrip("/") for name in names} <= set(noted)
    assert len(noted) >= 4  # the queue's two locks and semaphore, the event's condition
    context.forget()
    assert not context.record.exists()


def test_a_live_process_s_semaphores_and_other_programs_stay(tmp_path: Path) -> None:
    alive = tmp_path / f"digitizer-semaphores-{os.getpid()}-1"
    alive.write_text("mp-alive\n", encoding="utf-8")
    (tmp_path / "sem.mp-alive").write_bytes(bytes(32))
    (tmp_path / "sem.mp-other").write_bytes(bytes(32))  # no record names it

    assert remove_dead_semaphores(tmp_path) == []
    assert (tmp_path / "sem.mp-alive").exists()
    assert (tmp_path / "sem.mp-other").exists()
    assert alive.exists()


def test_a_record_names_semaphores_only_never_paths(tmp_path: Path) -> None:
    shared = tmp_path / "shm"
    shared.mkdir()
    victim = tmp_path / "victim"
    victim.write_text("keep", encoding="utf-8")
    (shared / "digitizer-semaphores-999999999-1").write_text("../victim\nmp-a/../../victim\n")

    remove_dead_semaphores(shared)

    assert victim.exists()


def test_a_killed_run_s_semaphores_are_removed_by_the_next(tmp_path: Path) -> None:
    name = _killed_run(tmp_path)
    # a folder stands for /dev/shm here: glibc keeps the semaphore itself in the real one
    (tmp_path / f"sem.{name}").write_bytes(bytes(32))

    try:
        assert name in remove_dead_semaphores(tmp_path)
        assert not (tmp_path / f"sem.{name}").exists()
        assert list(tmp_path.glob("digitizer-semaphores-*")) == []
    finally:
        (SHARED_MEMORY / f"sem.{name}").unlink(missing_ok=True)


@pytest.mark.skipif(not SHARED_MEMORY.is_dir(), reason="no /dev/shm on this system")
def test_a_killed_run_s_semaphores_go_when_the_program_next_starts(tmp_path: Path) -> None:
    name = _killed_run(SHARED_MEMORY)
    leftover = SHARED_MEMORY / f"sem.{name}"
    assert leftover.exists()

    result = run(tmp_path / "library", "init")

    assert result.returncode == 0, result.describe()
    assert not leftover.exists()
