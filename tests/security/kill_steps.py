"""Run the real command line and SIGKILL it at the end of its Nth step: a crash at every point
that matters, chosen rather than timed.

`python -m tests.security.kill_steps ARGS…` runs `digitizer ARGS…`. A step is the end of one of
the calls in `STEPS` (a store write, a catalogue transaction, an object removal, an audit entry,
an index rebuild …). With `KILL_AT_STEP=N` the process kills itself with SIGKILL as the Nth step
ends; with `KILL_AT_STEP=0` it runs through and writes how many steps there were to the file
named by `KILL_STEP_COUNT`. Only a seam for fault injection: nothing else is replaced.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Any

STEPS = {
    ("digitizer.library.library", "Library.put_file"),
    ("digitizer.library.library", "Library.transaction"),
    ("digitizer.library.library", "Library.note_pending"),
    ("digitizer.library.library", "Library.clear_pending"),
    ("digitizer.library.objects", "ObjectStore._write"),
    ("digitizer.library.objects", "ObjectStore.remove"),
    ("digitizer.security.audit", "append"),
    ("digitizer.security.sealing", "_scrub"),
    ("digitizer.indexing", "_rebuild_locked"),
    ("digitizer.indexing", "update_index"),
    ("index.store", "SearchIndex.build"),
}


def main() -> int:
    kill_at = int(os.environ.get("KILL_AT_STEP", "0"))
    steps = 0

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal steps
        if event != "return":
            return
        code = frame.f_code
        if (frame.f_globals.get("__name__"), code.co_qualname) in STEPS:
            steps += 1
            if steps == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)

    from digitizer.cli import main as digitizer

    sys.setprofile(profile)
    threading.setprofile(profile)
    try:
        code = digitizer(sys.argv[1:])
    finally:
        sys.setprofile(None)
        count = os.environ.get("KILL_STEP_COUNT")
        if count:
            Path(count).write_text(str(steps), encoding="utf-8")
    return code


if __name__ == "__main__":
    sys.exit(main())
