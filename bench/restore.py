"""Benchmark: tone-mark restoration on real and synthetic pages — how much it cuts the character
error rate, that it makes no page worse, and what it adds to the OCR time of a page.

For each folder of pages with ground truth (default: `../shared/eval/real-tt23/`, ten pages of
a real government circular, and the eight pages of `../shared/eval/dev/`), it runs the program's
own command line, `digitizer eval DIR --json --jobs N`, in a subprocess with OMP_THREAD_LIMIT=1:
import, prepare, recognise, restore, all in a throwaway library. That one run scores every page
twice — its text, and its text as Tesseract read it before restoration (the word model keeps
both) — and records, per page, the worker's time and the part of it restoration took.

Printed per page: CER as read and after restoration, the change in character errors, the words
restored, the OCR time of the page without restoration and restoration's time. Then, per folder,
the mean CER before and after and their ratio, and restoration's share of the OCR time (the
first page a worker restores includes loading the model; the load alone is measured apart, in
a fresh process, with the memory it takes). The verdicts:

- real pages: mean CER after restoration at most half of the mean CER as read, and no page
  worse;
- every folder: no page's CER worse with restoration;
- restoration's time at most 10% of the OCR time of the pages.

Usage (from the repository root): `.venv/bin/python bench/restore.py` (about two minutes on 2
cores); `--folder DIR` (repeatable) measures other folders instead, `--jobs N` runs N pages side
by side (default 1, so that each page's time is its own). Exit status: 0 every target met, 1 a
target missed, 3 a run failed.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __name__ == "__main__":
    # Run as `python bench/restore.py`, the repository root comes last on sys.path, for
    # `bench.common` (this file's own folder would otherwise hide nothing: no clash here).
    sys.path.append(str(Path(__file__).resolve().parent.parent))

from bench.common import git_state

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval"
REAL = EVAL / "real-tt23"
DEV = EVAL / "dev"
VENV_PYTHON = REPO / ".venv" / "bin" / "python"
PYTHON = str(VENV_PYTHON) if VENV_PYTHON.exists() else sys.executable
ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}
CER_RATIO_TARGET = 0.5  # mean CER after ÷ mean CER as read, real pages
TIME_SHARE_TARGET = 0.10  # restoration's time ÷ the rest of the OCR time
EXIT_OK, EXIT_MISSED, EXIT_FAILED = 0, 1, 3

# Loads the shipped model in a fresh interpreter: seconds to load, and resident memory added.
_LOAD_PROBE = """
import json, resource, time
from pathlib import Path
import numpy
from digitizer.locations import language_model_path
from ocr.restore import Restorer
from vietnamese.language_model import SyllableModel
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
model = SyllableModel.load(language_model_path())
Restorer(model).restore_text("bảo vệ nguôn nước")
seconds = time.perf_counter() - started
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "kib": after - before, "total_kib": after,
                  "bytes": language_model_path().stat().st_size, "syllables": len(model)}))
"""


def say(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Page:
    image: str
    cer: float
    cer_as_read: float
    errors: int
    errors_as_read: int
    restored_words: int
    seconds: float  # the worker's whole time for the page
    restore_seconds: float

    @property
    def ocr_seconds(self) -> float:
        """The page's OCR time without restoration."""
        return self.seconds - self.restore_seconds

    @staticmethod
    def of(entry: dict[str, Any]) -> Page:
        return Page(
            image=str(entry["image"]),
            cer=float(entry["cer"]),
            cer_as_read=float(entry["cer_unrestored"]),
            errors=int(entry["char_errors"]),
            errors_as_read=int(entry["char_errors_unrestored"]),
            restored_words=int(entry["restored_words"]),
            seconds=float(entry["seconds"]),
            restore_seconds=float(entry["restore_seconds"]),
        )


@dataclass(frozen=True)
class FolderRun:
    folder: Path
    pages: list[Page]
    wall: float

    @property
    def mean_cer(self) -> float:
        return statistics.fmean(p.cer for p in self.pages)

    @property
    def mean_cer_as_read(self) -> float:
        return statistics.fmean(p.cer_as_read for p in self.pages)

    @property
    def ratio(self) -> float:
        return self.mean_cer / self.mean_cer_as_read if self.mean_cer_as_read else 1.0

    @property
    def worse(self) -> list[Page]:
        return [p for p in self.pages if p.errors > p.errors_as_read]

    @property
    def time_share(self) -> float:
        return sum(p.restore_seconds for p in self.pages) / sum(p.ocr_seconds for p in self.pages)


def run_eval(folder: Path, jobs: int) -> FolderRun:
    argv = [PYTHON, "-m", "digitizer", "eval", str(folder), "--json", "--jobs", str(jobs)]
    say(f"$ {shlex.join(argv)}")
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=ENV, cwd=REPO, check=False)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"digitizer eval {folder} failed ({done.returncode}):\n{done.stderr}")
    report = json.loads(done.stdout)
    return FolderRun(folder, [Page.of(entry) for entry in report["pages"]], wall)


def probe_model() -> dict[str, Any]:
    done = subprocess.run(
        [PYTHON, "-c", _LOAD_PROBE], capture_output=True, text=True, env=ENV, cwd=REPO, check=True
    )
    return dict(json.loads(done.stdout))


def report_folder(run: FolderRun) -> None:
    print(f"\n## {run.folder}  ({len(run.pages)} pages, {run.wall:.0f} s wall)")
    width = max(len(p.image) for p in run.pages)
    print(
        f"{'page':<{width}}  {'CER read':>8}  {'CER now':>8}  {'errors':>11}  {'restored':>8}  "
        f"{'OCR s':>6}  {'restore s':>9}  {'share':>6}"
    )
    for p in run.pages:
        flag = "  WORSE" if p.errors > p.errors_as_read else ""
        print(
            f"{p.image:<{width}}  {p.cer_as_read:>8.2%}  {p.cer:>8.2%}  "
            f"{p.errors_as_read:>4} → {p.errors:<4}  {p.restored_words:>8}  "
            f"{p.ocr_seconds:>6.2f}  {p.restore_seconds:>9.3f}  "
            f"{p.restore_seconds / p.ocr_seconds:>6.1%}{flag}"
        )
    later = run.pages[1:] or run.pages
    print(
        f"mean CER per page: {run.mean_cer_as_read:.3%} as read → {run.mean_cer:.3%} restored "
        f"(ratio {run.ratio:.3f}); pages worse: {len(run.worse)}"
    )
    print(
        f"restoration: {run.time_share:.1%} of the OCR time over all pages; "
        f"median {statistics.median(p.restore_seconds for p in run.pages):.3f} s a page, "
        f"{statistics.fmean(p.restore_seconds for p in later):.3f} s a page after the first "
        f"(which loads the model) against {statistics.fmean(p.ocr_seconds for p in later):.2f} s "
        "of OCR"
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--folder",
        type=Path,
        action="append",
        help="a folder of page images with ground truth (repeatable; default: real-tt23 and "
        "each folder of dev)",
    )
    parser.add_argument("--jobs", type=int, default=1, help="pages side by side (default 1)")
    return parser.parse_args(argv)


def reproduce_command(args: argparse.Namespace) -> str:
    command = [".venv/bin/python", "bench/restore.py"]
    for folder in args.folder or []:
        command += ["--folder", str(folder)]
    if args.jobs != 1:
        command += ["--jobs", str(args.jobs)]
    return f"cd {shlex.quote(str(REPO))} && {shlex.join(command)}"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    real = [REAL] if args.folder is None else []
    folders = args.folder or [REAL, DEV]
    commit, dirty = git_state()
    print("# Tone-mark restoration: CER with and without, and the time it adds")
    print(f"commit {commit}{' (with uncommitted changes)' if dirty else ''}; jobs {args.jobs}")
    try:
        probe = probe_model()
        runs = [run_eval(folder, args.jobs) for folder in folders]
    except (RuntimeError, subprocess.CalledProcessError, json.JSONDecodeError) as error:
        print(f"FAILED: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(
        f"model: {probe['bytes']:,} bytes, {probe['syllables']:,} syllables; loaded and first "
        f"word restored in {probe['seconds']:.2f} s, adding {probe['kib'] / 1024:.0f} MiB "
        f"(process peak {probe['total_kib'] / 1024:.0f} MiB)"
    )
    for run in runs:
        report_folder(run)

    verdicts = []
    for run in runs:
        if run.folder in real:
            verdicts.append(
                (
                    f"{run.folder.name}: mean CER ratio {run.ratio:.3f} ≤ {CER_RATIO_TARGET}",
                    run.ratio <= CER_RATIO_TARGET,
                )
            )
        verdicts.append((f"{run.folder.name}: no page worse ({len(run.worse)})", not run.worse))
    pages = [page for run in runs for page in run.pages]
    share = sum(p.restore_seconds for p in pages) / sum(p.ocr_seconds for p in pages)
    verdicts.append(
        (
            f"restoration {share:.1%} of the OCR time ≤ {TIME_SHARE_TARGET:.0%}",
            share <= TIME_SHARE_TARGET,
        )
    )
    verdicts.append((f"model loads in {probe['seconds']:.2f} s < 1 s", probe["seconds"] < 1.0))
    print("\n## verdicts")
    for text, met in verdicts:
        print(f"{'met   ' if met else 'MISSED'}  {text}")
    print(f"\nreproduce: {reproduce_command(args)}")
    return EXIT_OK if all(met for _, met in verdicts) else EXIT_MISSED


if __name__ == "__main__":
    sys.exit(main())
