"""Benchmark: OCR on this machine's cores beside OCR on a farm (Dask) on loopback.

The pages: the 8 evaluation pages of ../shared/eval/dev (or `--pages DIR`, every image in it),
each imported as a document of its own into a fresh library per run. Each run is the real
command line in a subprocess, timed from start to exit as a user sees it:

- local K: `digitizer ocr --all --jobs K` (K = 1, 2);
- farm K: `digitizer ocr --all --scheduler tcp://127.0.0.1:PORT` against a `dask scheduler` and
  `digitizer worker --processes K` started beforehand on 127.0.0.1 (K = 1, 2).

Runs alternate (local 1, farm 1, local 2, farm 2) `--repeat` times; the median of each is
reported in pages per minute. On one machine the farm computes on the same cores as local OCR
does, plus the work of shipping each page out and its results back, so it cannot be faster: the
figure that matters is the farm path's overhead per page, (farm K − local K) ÷ pages, with the
same number of processes reading. Tesseract runs with OMP_THREAD_LIMIT=1 throughout.

Usage (from the repository root): `nice -n 10 .venv/bin/python bench/farm.py --repeat 3`.
Exit status: 0 done, 3 a run failed.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":
    # Run as `python bench/farm.py`: put the repository root on sys.path for `bench.common`.
    sys.path.append(str(Path(__file__).resolve().parent.parent))

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass

from bench.common import add_workdir_argument, git_state, make_workdir

REPO = Path(__file__).resolve().parent.parent
EVAL_DEV = REPO.parent / "shared" / "eval" / "dev"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
VENV_PYTHON = REPO / ".venv" / "bin" / "python"
PYTHON = str(VENV_PYTHON) if VENV_PYTHON.exists() else sys.executable
ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}


@dataclass(frozen=True)
class Run:
    label: str
    seconds: float
    pages: int

    @property
    def pages_per_minute(self) -> float:
        return self.pages / self.seconds * 60


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _digitizer(*args: str | Path) -> list[str]:
    return [PYTHON, "-m", "digitizer", *map(str, args)]


def _start(line: list[str], log: Path, ready: str) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        process = subprocess.Popen(
            line, stdout=out, stderr=subprocess.STDOUT, env=ENV, start_new_session=True
        )
    limit = time.monotonic() + 120
    while ready not in log.read_text(errors="replace"):
        if process.poll() is not None or time.monotonic() > limit:
            raise RuntimeError(f"{line[2:5]} did not start:\n{log.read_text(errors='replace')}")
        time.sleep(0.1)
    return process


@contextlib.contextmanager
def farm(folder: Path, processes: int) -> Iterator[str]:
    """A scheduler and one `digitizer worker` of `processes` processes, on loopback."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    started: list[subprocess.Popen[bytes]] = []
    try:
        started.append(
            _start(
                [
                    *(PYTHON, "-m", "distributed.cli.dask_scheduler"),
                    *("--host", "127.0.0.1", "--port", str(port), "--no-dashboard"),
                ],
                folder / f"scheduler-{processes}.log",
                "Scheduler at:",
            )
        )
        log = folder / f"worker-{processes}.log"
        started.append(
            _start(
                _digitizer("worker", address, "--processes", str(processes)),
                log,
                "Registered to:",
            )
        )
        limit = time.monotonic() + 120
        while log.read_text(errors="replace").count("Registered to:") < processes:
            if time.monotonic() > limit:
                raise RuntimeError(f"not all workers started:\n{log.read_text()}")
            time.sleep(0.1)
        yield address
    finally:
        # Each in a process group of its own (worker nannies and their children included).
        for process in started:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def one_run(label: str, pages: list[Path], folder: Path, ocr_args: list[str]) -> Run:
    library = folder / f"library-{label.replace(' ', '-')}"
    shutil.rmtree(library, ignore_errors=True)
    subprocess.run(
        _digitizer("--library", library, "import", *pages, "--json"),
        env=ENV,
        check=True,
        capture_output=True,
    )
    started = time.perf_counter()
    done = subprocess.run(
        _digitizer("--library", library, "ocr", "--all", "--json", *ocr_args),
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{label}: {done.stderr.strip()}")
    report = json.loads(done.stdout)
    if report["done"] != len(pages):
        raise RuntimeError(f"{label}: {report['done']} of {len(pages)} pages done")
    shutil.rmtree(library, ignore_errors=True)
    return Run(label, seconds, len(pages))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=EVAL_DEV, help="folder of page images")
    parser.add_argument("--repeat", type=int, default=3)
    add_workdir_argument(parser, "the libraries and the farm's logs")
    args = parser.parse_args()
    pages = sorted(p for p in args.pages.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES)
    if not pages:
        print(f"no page images under {args.pages}", file=sys.stderr)
        return 3
    folder = make_workdir(args.workdir, "digitizer-bench-farm-")
    commit, dirty = git_state()
    print(f"commit {commit}{' (with uncommitted changes)' if dirty else ''}; {len(pages)} pages")
    runs: dict[str, list[Run]] = {}
    try:
        for processes in (1, 2):
            with farm(folder, processes) as address:
                for _ in range(args.repeat):
                    for label, extra in (
                        (f"local {processes}", ["--jobs", str(processes)]),
                        (f"farm {processes}", ["--scheduler", address]),
                    ):
                        run = one_run(label, pages, folder, extra)
                        runs.setdefault(label, []).append(run)
                        print(f"  {label:<8} {run.seconds:6.2f} s  {run.pages_per_minute:6.1f} p/m")
    except (RuntimeError, subprocess.CalledProcessError) as error:
        print(f"a run failed: {error}", file=sys.stderr)
        return 3
    finally:
        if args.workdir is None:
            shutil.rmtree(folder, ignore_errors=True)
    median = {label: statistics.median(r.seconds for r in rs) for label, rs in runs.items()}
    print(f"\nmedian of {args.repeat} run(s), {len(pages)} pages, wall time of `digitizer ocr`:")
    print(f"{'':<10}{'local':>14}{'farm':>14}{'farm/local':>12}{'overhead/page':>16}")
    for processes in (1, 2):
        local, farmed = median[f"local {processes}"], median[f"farm {processes}"]
        print(
            f"{processes} proc.  {len(pages) / local * 60:>8.1f} p/m  "
            f"{len(pages) / farmed * 60:>8.1f} p/m  {local / farmed:>11.2f}  "
            f"{(farmed - local) / len(pages):>+13.3f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
