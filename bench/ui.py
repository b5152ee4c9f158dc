"""Benchmark: how long the window's event loop stands still while OCR and searches run.

Both runs read the bundled sample pages (`resources/samples/pages`: 5 A4 pages) in a fresh
library, with a heartbeat timer ticking every 10 ms on the GUI thread:

(a) the window: the OCR job started from the main window (a background task) while searches
    are run and pages turned in it, one after another, until the job is done;
(b) the naive baseline: the same OCR and one search called straight from a GUI-thread slot, as
    a window without a background-work bridge would do.

It prints the longest gap between heartbeats of each (the time the window could not draw or
answer), their ratio (a ÷ b), each run's OCR time, and the command that reproduces it all.
Offscreen unless a display is set. Exit status: 0 the window's longest gap is under 250 ms,
1 it is not, 3 a run failed.

Usage (from the repository root): `.venv/bin/python bench/ui.py [--jobs 2] [--keep]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":
    # Run as `python bench/ui.py`, this file's folder comes first on sys.path, and this file's
    # name would hide the project's `ui` package.
    _HERE = Path(__file__).resolve().parent
    sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != _HERE]
    sys.path.insert(0, str(_HERE.parent))

import argparse
import os
import shutil
import time
from collections.abc import Sequence

from bench.common import add_workdir_argument, git_state, make_workdir

BOUND = 0.25  # seconds: longer and a person notices the window stand still


def _import_samples(library: Path) -> None:
    from digitizer.locations import sample_pages_path
    from digitizer.service import Workstation

    report = Workstation(library).import_paths([sample_pages_path()])
    if not report.ok:
        raise SystemExit(f"importing the samples failed: {report.failed}")


def run_window(library: Path, jobs: int) -> tuple[float, float, int]:
    """(a): longest gap, OCR seconds, searches run."""
    from digitizer.pipeline.ocr import OcrOptions
    from digitizer.service import Workstation
    from ui.app import application
    from ui.heartbeat import Heartbeat
    from ui.main_window import MainWindow

    app = application()
    station = Workstation(library)
    window = MainWindow(station)
    window.show()
    ids = [d.id for d in station.documents()]
    options = OcrOptions(workers=jobs)
    heartbeat = Heartbeat()
    heartbeat.start()
    started = time.perf_counter()
    task = window.runner.run(
        lambda progress, cancel: station.ocr(
            ids, options=options, progress=progress, cancel=cancel
        ),
        title="OCR",
        kind="ocr",
        write=True,
    )
    window.review.open_document(ids[0])
    searches = 0
    while task.running:
        search = window.review.run_search("Đảng bộ", {})
        window.review.step_page(1)
        while search.running:
            app.processEvents()
            time.sleep(0.002)
        searches += 1
    seconds = time.perf_counter() - started
    while window.runner.busy():
        app.processEvents()
        time.sleep(0.002)
    longest = heartbeat.stop()
    if task.error is not None:
        raise SystemExit(f"the window's OCR failed: {task.error_trace}")
    window.close()
    return longest, seconds, searches


def run_baseline(library: Path, jobs: int) -> tuple[float, float]:
    """(b): longest gap and OCR seconds with the work called on the GUI thread."""
    from digitizer.pipeline.ocr import OcrOptions
    from digitizer.service import Workstation
    from ui.app import application
    from ui.heartbeat import Heartbeat
    from ui.qt import QTimer

    app = application()
    station = Workstation(library)
    heartbeat = Heartbeat()
    timing: dict[str, float] = {}

    def blocking_slot() -> None:
        started = time.perf_counter()
        station.ocr([], everything=True, options=OcrOptions(workers=jobs))
        timing["ocr"] = time.perf_counter() - started
        station.search("Đảng bộ")
        QTimer.singleShot(50, app.quit)

    heartbeat.start()
    QTimer.singleShot(20, blocking_slot)
    app.exec()
    return heartbeat.stop(), timing["ocr"]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2, help="OCR worker processes (default 2)")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    add_workdir_argument(parser, "the two libraries")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["OMP_THREAD_LIMIT"] = "1"
    commit, changed = git_state()
    workdir = make_workdir(args.workdir, "digitizer-bench-ui-")
    try:
        ours, baseline = workdir / "window", workdir / "baseline"
        for library in (ours, baseline):
            _import_samples(library)
        gap, ocr_seconds, searches = run_window(ours, args.jobs)
        naive_gap, naive_seconds = run_baseline(baseline, args.jobs)
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    print("Longest stillness of the GUI event loop (heartbeat every 10 ms), 5 sample pages")
    print(f"{'run':<40} {'longest gap':>12} {'OCR time':>10}")
    print(f"{'(a) window: background tasks':<40} {gap * 1000:>9.0f} ms {ocr_seconds:>8.1f} s")
    print(
        f"{'(b) naive: work on the GUI thread':<40} {naive_gap * 1000:>9.0f} ms "
        f"{naive_seconds:>8.1f} s"
    )
    print(f"ratio a / b: {gap / naive_gap:.4f}  ({searches} searches ran during (a))")
    print(f"bound: {BOUND * 1000:.0f} ms — {'met' if gap < BOUND else 'MISSED'}")
    note = " (with uncommitted changes)" if changed else ""
    print(f"commit {commit}{note}; reproduce: .venv/bin/python bench/ui.py --jobs {args.jobs}")
    return 0 if gap < BOUND else 1


if __name__ == "__main__":
    sys.exit(main())
