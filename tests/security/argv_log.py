"""Run the real command line and note the argument list of every program it starts.

`python -m tests.security.argv_log LOG ARGS…` runs `digitizer ARGS…`; every process started
through `subprocess` or `os.exec*`/`os.posix_spawn` (poppler's tools, Tesseract, workers) has
its arguments written to LOG, one JSON list a line. An audit hook: it sees, and replaces
nothing.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

_WATCHED = {"subprocess.Popen", "os.exec", "os.posix_spawn", "os.spawn"}


def main() -> int:
    log = Path(sys.argv[1])
    lock = threading.Lock()

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event not in _WATCHED:
            return
        argv = args[1] if len(args) > 1 else args
        if isinstance(argv, (str, bytes, os.PathLike)):
            argv = [argv]
        line = json.dumps([os.fsdecode(a) if isinstance(a, (bytes, os.PathLike)) else str(a)
                           for a in argv], ensure_ascii=False)  # fmt: skip
        with lock, log.open("a", encoding="utf-8") as out:
            out.write(line + "\n")

    sys.addaudithook(hook)
    from digitizer.cli import main as digitizer

    return digitizer(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
