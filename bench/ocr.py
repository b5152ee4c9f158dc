"""Benchmark: OCR of the evaluation pages, from import to PDF/A, beside OCRmyPDF and Tesseract.

Default mode, on the 8 pages of ../shared/eval/dev (each `page-NNN.png|jpg` beside its
`page-NNN.gt.txt`), one after another, `--repeat` times each:

(a) digitizer, through its own command line in subprocesses, timed from import to PDF/A:
    `digitizer --library L import FILES --json` (one document per file), then
    `digitizer --library L ocr --all --jobs 2 --json`, then for each document
    `digitizer --library L export DOC --format pdf --out X.pdf`. Its text is scored twice:
    what `pdftotext X.pdf -` reads from the exported PDF, and the stored OCR text
    (`export DOC --format txt`, not timed);
(b) `ocrmypdf -l vie --rotate-pages --deskew --jobs 2 --output-type pdfa` on one PDF of the 8
    scans (img2pdf, each at its own dpi, not re-encoded), scored page by page with
    `pdftotext -f N -l N`;
(c) `tesseract IMG - -l vie` on the raw scans, 2 processes side by side.

Every text is scored with `ocr.metrics.score` (NFC, whitespace collapsed). Tesseract always runs
with OMP_THREAD_LIMIT=1.

`--memory` mode: builds a `--pages`-page PDF (the scans cycled, each page different in bytes),
imports it as one document, runs `digitizer ocr --all --jobs 2` and samples the summed resident
memory of its whole process tree (coordinator, workers with Tesseract inside) from /proc
every 100 ms; `--memory-peer` does the same for ocrmypdf on the same PDF.

Usage (from the repository root): `.venv/bin/python bench/ocr.py --repeat 3`,
`.venv/bin/python bench/ocr.py --memory`; see bench/README.md. Exit status: 0 every target met,
1 a target missed, 2 bad usage, 3 a run failed, 4 a tool is missing (the message says how to
install it).
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":
    # Run as `python bench/ocr.py`, this file's folder comes first on sys.path, and this file's
    # name would hide the project's `ocr` package.
    _HERE = Path(__file__).resolve().parent
    sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != _HERE]
    # The repository root instead (last, so it hides nothing), for the shared `bench.common`
    # and `bench.scans`.
    sys.path.append(str(_HERE.parent))

import argparse
import ctypes
import json
import os
import platform
import resource
import shlex
import shutil
import sqlite3
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Final

from bench.common import add_workdir_argument, git_state, make_workdir
from bench.scans import build_unique_pdf
from ocr.metrics import Score, score

REPO = Path(__file__).resolve().parent.parent
EVAL_DEV = REPO.parent / "shared" / "eval" / "dev"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
VENV_BIN = REPO / ".venv" / "bin"
_VENV_PYTHON = VENV_BIN / "python"
PYTHON = str(_VENV_PYTHON) if _VENV_PYTHON.exists() else sys.executable

TOOLS = ("digitizer", "ocrmypdf", "tesseract")
LABELS = {
    "digitizer": "(a) digitizer import→ocr→export",
    "ocrmypdf": "(b) ocrmypdf",
    "tesseract": "(c) tesseract, raw images",
}
DEFAULT_JOBS = 2
DEFAULT_MEMORY_PAGES = 200
STAND_IN = "bench.stand_in:read_once"  # the engine --stand-in names (DIGITIZER_OCR_ENGINE)
THROUGHPUT_TARGET = 1.3  # (a) pages/min ÷ (b) pages/min
PAGE_CER_TARGET = 0.01  # each upside-down and skewed page, (a)
MEMORY_TARGET_BYTES = 500_000_000  # "under 500 MB" for a 1,000-page book: 5 × 10^8 bytes
SAMPLE_EVERY = 0.1  # seconds between /proc samples
PSS_EVERY = 10  # samples between readings of PSS (smaps_rollup), which costs more
DISTURBED = 0.05  # share of the machine other processes may use during a run before we warn
EXIT_OK, EXIT_MISSED, EXIT_USAGE, EXIT_FAILED, EXIT_MISSING = 0, 1, 2, 3, 4
MIB = 1024 * 1024
MB = 1_000_000
# Every process this benchmark starts gets this environment: one OpenMP thread per Tesseract.
ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}

INSTALL = {  # program → (what it is, how to install it)
    "tesseract": ("Tesseract", "sudo apt-get install tesseract-ocr tesseract-ocr-vie"),
    "pdftotext": ("pdftotext (poppler)", "sudo apt-get install poppler-utils"),
    "gs": ("Ghostscript (gs)", "sudo apt-get install ghostscript"),
    "ocrmypdf": ("OCRmyPDF", ".venv/bin/pip install ocrmypdf"),
}


# --- small helpers -----------------------------------------------------------------------------


class MissingTool(Exception):
    """A program the benchmark needs is not installed; the message says how to install it."""


class RunFailed(Exception):
    """A measured command failed; the message says which and why."""


def say(message: str) -> None:
    """Progress for the person waiting, on stderr; the figures go to stdout."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def find_tool(name: str) -> str:
    """The program `name`, looked for in the project's virtualenv first, then on PATH."""
    path = f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}"
    found = shutil.which(name, path=path)
    if found is None:
        what, how = INSTALL[name]
        raise MissingTool(f"{what} is not installed. Install it with: {how}")
    return found


def version_of(argv: Sequence[str]) -> str:
    """The first line a `--version` call prints, or what went wrong."""
    try:
        done = subprocess.run(
            argv, capture_output=True, text=True, errors="replace", env=ENV, check=False
        )
    except OSError as error:
        return f"does not run: {error}"
    lines = (done.stdout + done.stderr).strip().splitlines()
    first = lines[0].strip() if lines else ""
    return first if done.returncode == 0 else f"does not run ({first or done.returncode})"


def children_cpu() -> float:
    """User + system seconds of every child process waited for so far (and of their children)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def machine_busy() -> float:
    """CPU seconds every core of the machine has spent busy since boot (/proc/stat)."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except (OSError, IndexError):
        return 0.0
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Clock:
    """Wall time and CPU time of what runs between `Clock.start()` and `stop()`, and how busy
    the rest of the machine was meanwhile."""

    wall: float
    ours: float  # the processes we started, once waited for
    me: float  # this benchmark's own process
    machine: float

    @staticmethod
    def start() -> Clock:
        return Clock(time.perf_counter(), children_cpu(), time.process_time(), machine_busy())

    def stop(self) -> tuple[float, float, float]:
        """(wall seconds, CPU seconds of our processes, CPU seconds of everything else)."""
        wall = time.perf_counter() - self.wall
        ours = children_cpu() - self.ours
        me = time.process_time() - self.me
        others = machine_busy() - self.machine - ours - me
        return wall, ours, max(0.0, others)


def run_logged(
    argv: Sequence[str], log: Path, *, what: str, env: dict[str, str] | None = None
) -> str:
    """Run `argv`; return its stdout, append its stderr to `log`; raise RunFailed if it fails."""
    with log.open("a", encoding="utf-8") as stream:
        stream.write(f"$ {shlex.join(argv)}\n")
        stream.flush()
        done = subprocess.run(
            argv,
            stdout=subprocess.PIPE,
            stderr=stream,
            text=True,
            errors="replace",
            env=env or ENV,
        )
    if done.returncode != 0:
        tail = "\n".join(
            log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-8:]
        )
        raise RunFailed(
            f"{what} failed (exit status {done.returncode}): {shlex.join(argv)}\n{tail}"
        )
    return done.stdout


def pdf_text(pdftotext: str, pdf: Path, page: int | None = None) -> str:
    argv = [pdftotext]
    if page is not None:
        argv += ["-f", str(page), "-l", str(page)]
    argv += [str(pdf), "-"]
    done = subprocess.run(argv, capture_output=True, text=True, errors="replace", check=False)
    if done.returncode != 0:
        raise RunFailed(f"pdftotext could not read {pdf}: {done.stderr.strip()}")
    return done.stdout


def pdfa_claim(pdf: Path) -> str:
    """What the PDF's XMP metadata declares, e.g. 'PDF/A-2B', or 'not PDF/A'."""
    import pikepdf

    try:
        with pikepdf.open(pdf) as document, document.open_metadata() as meta:
            status = str(meta.pdfa_status)
            return f"PDF/A-{status}" if status else "not PDF/A"
    except (pikepdf.PdfError, OSError, ValueError) as error:
        return f"unreadable ({error})"


def pdf_pages(pdf: Path) -> int:
    import pikepdf

    with pikepdf.open(pdf) as document:
        return len(document.pages)


def percent(value: float) -> str:
    return f"{100 * value:.2f}%"


# --- the evaluation pages ----------------------------------------------------------------------


@dataclass(frozen=True)
class EvalPage:
    image: Path
    truth: str

    @property
    def folder(self) -> str:
        return self.image.parent.name

    @property
    def label(self) -> str:
        return f"{self.folder}/{self.image.name}"

    @property
    def kind(self) -> str:
        """'upside-down', 'skewed' or '' — the pages with a CER target of their own."""
        if "upside" in self.folder:
            return "upside-down"
        return "skewed" if "skew" in self.folder else ""


def eval_pages(root: Path) -> list[EvalPage]:
    """Every image with ground truth beside it, folder by folder, in name order."""
    pages = []
    for image in sorted(root.glob("*/*")):
        truth = image.with_suffix(".gt.txt")
        if image.suffix.lower() in IMAGE_SUFFIXES and truth.is_file():
            pages.append(EvalPage(image.resolve(), truth.read_text(encoding="utf-8")))
    if not pages:
        raise MissingTool(f"no evaluation pages (page-NNN.png|jpg with page-NNN.gt.txt) in {root}")
    return pages


def image_facts(pages: Sequence[EvalPage]) -> str:
    """'clean-300dpi 3 × 300 dpi PNG, …' from the images' own metadata."""
    from PIL import Image

    groups: dict[tuple[str, int, str], int] = {}
    for page in pages:
        with Image.open(page.image) as image:
            key = (page.folder, round(float(image.info.get("dpi", (0, 0))[0])), str(image.format))
        groups[key] = groups.get(key, 0) + 1
    return ", ".join(
        f"{folder} {n} × {dpi} dpi {kind}" for (folder, dpi, kind), n in groups.items()
    )


def build_eval_pdf(images: Sequence[Path], target: Path) -> None:
    """One PDF page per scan, embedded by img2pdf without re-encoding, at the scan's own dpi
    (img2pdf reads it from the image's metadata)."""
    import img2pdf

    target.write_bytes(img2pdf.convert([str(image) for image in images]))


# --- one run of each tool ----------------------------------------------------------------------


@dataclass
class ToolRun:
    tool: str
    wall: float  # seconds, the measured path
    cpu: float  # user + system seconds of every process the path started
    others: float  # CPU seconds the rest of the machine used meanwhile (should be ~0)
    texts: dict[str, list[str]]  # text source ("pdf", "txt", "text") → one text per page
    steps: list[tuple[str, float]] = field(default_factory=list)
    output: str = ""  # e.g. "8 × PDF/A-2B"
    note: str = ""


def digitizer_command() -> list[str]:
    script = VENV_BIN / "digitizer"
    return [str(script)] if script.exists() else [PYTHON, "-m", "digitizer"]


def digitizer_commands() -> set[str]:
    """The subcommands `digitizer --help` lists."""
    done = subprocess.run(
        [*digitizer_command(), "--help"], capture_output=True, text=True, env=ENV, check=False
    )
    names = set()
    for line in done.stdout.splitlines():
        words = line.split()
        if line.startswith("    ") and words and words[0].isalpha():
            names.add(words[0])
    return names


def run_digitizer(pages: Sequence[EvalPage], folder: Path, jobs: int, pdftotext: str) -> ToolRun:
    """Import → ocr → export PDF through the command line, timed; then read the texts back."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    library, log = folder / "library", folder / "digitizer.log"
    base = [*digitizer_command(), "--library", str(library)]
    steps: list[tuple[str, float]] = []

    clock = Clock.start()
    started = time.perf_counter()
    imported = json.loads(
        run_logged(
            [*base, "import", *(str(page.image) for page in pages), "--json"],
            log,
            what="digitizer import",
        )
    )
    steps.append(("import", time.perf_counter() - started))
    documents: dict[Path, str] = {}
    for item in imported.get("imported", []):
        if int(item.get("pages", 0)) != 1:
            raise RunFailed(
                f"digitizer import: {item.get('source')} gave {item.get('pages')} pages"
            )
        documents[Path(str(item["source"])).resolve()] = str(item["document"])
    missing = [page.label for page in pages if page.image not in documents]
    if missing:
        raise RunFailed(f"digitizer import did not import {', '.join(missing)}: see {log}")

    mark = time.perf_counter()
    report = json.loads(
        run_logged(
            [*base, "ocr", "--all", "--jobs", str(jobs), "--json"], log, what="digitizer ocr"
        )
    )
    steps.append(("ocr", time.perf_counter() - mark))
    if int(report.get("done", 0)) != len(pages) or report.get("failed"):
        raise RunFailed(f"digitizer ocr recognised {report.get('done')} of {len(pages)} pages")

    mark = time.perf_counter()
    pdfs = []
    for page in pages:
        pdf = folder / f"{documents[page.image]}.pdf"
        argv = [*base, "export", documents[page.image], "--format", "pdf", "--out", str(pdf)]
        run_logged(argv, log, what="digitizer export --format pdf")
        pdfs.append(pdf)
    wall, cpu, others = clock.stop()
    steps.append((f"export {len(pdfs)} × PDF", time.perf_counter() - mark))

    # Not timed: the texts to score.
    from_pdf, stored = [], []
    for page, pdf in zip(pages, pdfs, strict=True):
        if not pdf.is_file():
            raise RunFailed(f"digitizer export wrote no {pdf}")
        from_pdf.append(pdf_text(pdftotext, pdf))
        txt = pdf.with_suffix(".txt")
        argv = [*base, "export", documents[page.image], "--format", "txt", "--out", str(txt)]
        run_logged(argv, log, what="digitizer export --format txt")
        stored.append(txt.read_text(encoding="utf-8"))
    claims: dict[str, int] = {}
    for pdf in pdfs:
        claim = pdfa_claim(pdf)
        claims[claim] = claims.get(claim, 0) + 1
    ocr_seconds = float(report.get("seconds", 0.0))
    return ToolRun(
        "digitizer",
        wall,
        cpu,
        others,
        {"pdf": from_pdf, "txt": stored},
        steps,
        ", ".join(f"{n} × {claim}" for claim, n in claims.items()),
        f"ocr's own report: {ocr_seconds:.1f} s",
    )


def run_ocrmypdf(
    pages: Sequence[EvalPage], pdf: Path, folder: Path, jobs: int, ocrmypdf: str, pdftotext: str
) -> ToolRun:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    out = folder / "ocrmypdf.pdf"
    argv = [ocrmypdf, *ocrmypdf_options(jobs), str(pdf), str(out)]
    clock = Clock.start()
    run_logged(argv, folder / "ocrmypdf.log", what="ocrmypdf")
    wall, cpu, others = clock.stop()
    count = pdf_pages(out)
    if count != len(pages):
        raise RunFailed(f"ocrmypdf wrote {count} pages, not {len(pages)}: {out}")
    texts = [pdf_text(pdftotext, out, number) for number in range(1, len(pages) + 1)]
    return ToolRun("ocrmypdf", wall, cpu, others, {"pdf": texts}, output=f"1 × {pdfa_claim(out)}")


def ocrmypdf_options(jobs: int) -> list[str]:
    # --output-type pdfa is OCRmyPDF's default made explicit (its `auto` falls back to a plain
    # PDF when the result is not valid PDF/A; `pdfa` converts with Ghostscript instead).
    return ["-l", "vie", "--rotate-pages", "--deskew", "--jobs", str(jobs), "--output-type", "pdfa"]


def run_tesseract(pages: Sequence[EvalPage], folder: Path, jobs: int, tesseract: str) -> ToolRun:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)

    def one(page: EvalPage) -> str:
        argv = [tesseract, str(page.image), "-", "-l", "vie"]
        done = subprocess.run(argv, capture_output=True, text=True, errors="replace", env=ENV)
        if done.returncode != 0:
            raise RunFailed(f"tesseract failed on {page.label}: {done.stderr.strip()[-500:]}")
        return done.stdout

    clock = Clock.start()
    with ThreadPoolExecutor(max_workers=jobs) as pool:  # `jobs` tesseract processes at once
        texts = list(pool.map(one, pages))
    wall, cpu, others = clock.stop()
    for page, text in zip(pages, texts, strict=True):
        (folder / f"{page.folder}-{page.image.stem}.txt").write_text(text, encoding="utf-8")
    return ToolRun("tesseract", wall, cpu, others, {"text": texts}, output="plain text")


# --- scoring and the report --------------------------------------------------------------------


@dataclass(frozen=True)
class Scored:
    """One tool's text from one source, scored page by page."""

    scores: list[Score]

    @property
    def mean_cer(self) -> float:
        return statistics.fmean(s.cer for s in self.scores)

    @property
    def mean_wer(self) -> float:
        return statistics.fmean(s.wer for s in self.scores)

    @property
    def pooled(self) -> Score:
        total = Score(0, 0, 0, 0)
        for one in self.scores:
            total = total + one
        return total


def score_texts(pages: Sequence[EvalPage], texts: Sequence[str]) -> Scored:
    return Scored([score(text, page.truth) for page, text in zip(pages, texts, strict=True)])


SOURCE_NAMES = {
    ("digitizer", "pdf"): "text of the exported PDF (pdftotext)",
    ("digitizer", "txt"): "stored OCR text (export --format txt)",
    ("ocrmypdf", "pdf"): "text of its PDF (pdftotext -f N -l N)",
    ("tesseract", "text"): "tesseract's stdout",
}
SHORT_NAMES = {
    ("digitizer", "pdf"): "(a) PDF text",
    ("digitizer", "txt"): "(a) stored txt",
    ("ocrmypdf", "pdf"): "(b) ocrmypdf",
    ("tesseract", "text"): "(c) tesseract",
}


@dataclass
class ToolResult:
    tool: str
    runs: list[ToolRun]
    stat: str  # "median" or "best"

    @property
    def walls(self) -> list[float]:
        return [run.wall for run in self.runs]

    @property
    def wall(self) -> float:
        return min(self.walls) if self.stat == "best" else statistics.median(self.walls)

    def pages_per_minute(self, pages: int) -> float:
        return pages / self.wall * 60 if self.wall else 0.0

    @property
    def cpu(self) -> float:
        return statistics.median(run.cpu for run in self.runs)

    @property
    def disturbed(self) -> bool:
        """Whether other processes were busy during any run (see DISTURBED)."""
        cores = os.cpu_count() or 1
        return any(run.wall and run.others / (run.wall * cores) > DISTURBED for run in self.runs)

    @property
    def same_texts(self) -> bool:
        return all(run.texts == self.runs[0].texts for run in self.runs[1:])


def row(cells: Sequence[str], widths: Sequence[int]) -> str:
    first, *rest = cells
    return f"  {first:<{widths[0]}}" + "".join(
        f"{cell:>{width}}" for cell, width in zip(rest, widths[1:], strict=True)
    )


def report_quality(
    args: argparse.Namespace,
    pages: Sequence[EvalPage],
    results: dict[str, ToolResult],
    versions: dict[str, str],
) -> int:
    """Print the figures; return the exit status (EXIT_OK when every target is met)."""
    count = len(pages)
    scored = {
        (tool, source): score_texts(pages, texts)
        for tool, result in results.items()
        for source, texts in result.runs[0].texts.items()
    }
    stat = args.stat
    runs = f"{args.repeat} run{'s' if args.repeat != 1 else ''} per tool"
    print()
    print(
        f"OCR benchmark: {count} pages of {EVAL_DEV}, {os.cpu_count()} cores, {runs}, "
        f"wall time = {stat} of the runs"
    )
    print(f"  {image_facts(pages)}")
    print(f"  {'; '.join(f'{name} {version}' for name, version in versions.items())}")
    print(f"  {args.jobs} pages at once in every tool; OMP_THREAD_LIMIT=1 for every process")
    print()
    print("Commands, each run in a fresh folder")
    commands = {
        "digitizer": f"digitizer --library L import <{count} files> --json; digitizer --library L "
        f"ocr --all --jobs {args.jobs} --json; {count} × digitizer --library L export DOC "
        "--format pdf --out DOC.pdf",
        "ocrmypdf": f"ocrmypdf {' '.join(ocrmypdf_options(args.jobs))} eval.pdf out.pdf "
        f"(eval.pdf: img2pdf of the {count} scans, made once, not timed)",
        "tesseract": f"tesseract IMG - -l vie, {count} ×, {args.jobs} at once",
    }
    for tool in results:
        print(f"  {LABELS[tool].split(' ')[0]} {commands[tool]}")
    print()
    widths = (44, 8, 10, 8, 10, 10, 9)
    print(row(["", "wall s", "pages/min", "CPU s", "mean CER", "mean WER", "CER all"], widths))
    for tool, result in results.items():
        sources = [source for (name, source) in scored if name == tool]
        first = True
        for source in sources:
            one = scored[tool, source]
            label = LABELS[tool] if first else ""
            timing = (
                [f"{result.wall:.1f}", f"{result.pages_per_minute(count):.2f}", f"{result.cpu:.1f}"]
                if first
                else ["", "", ""]
            )
            cells = [label, *timing, percent(one.mean_cer), percent(one.mean_wer)]
            print(
                row([*cells, percent(one.pooled.cer)], widths) + f"   {SOURCE_NAMES[tool, source]}"
            )
            first = False
    print()
    for tool, result in results.items():
        walls = ", ".join(f"{wall:.1f}" for wall in result.walls)
        latest = result.runs[0]
        others = ", ".join(f"{run.others:.1f}" for run in result.runs)
        details = [f"runs {walls} s (other processes' CPU meanwhile: {others} s)"]
        if latest.steps:
            details.append(
                "run 1: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in latest.steps)
            )
        if latest.note:
            details.append(latest.note)
        details.append(f"output {latest.output}")
        if len(result.runs) > 1:
            details.append(
                "same text every run" if result.same_texts else "TEXT DIFFERS BETWEEN RUNS"
            )
        print(f"  {LABELS[tool].split(' ')[0]} {'; '.join(details)}")
    cores = os.cpu_count() or 1
    for tool, result in results.items():
        if result.disturbed:
            busy = ", ".join(
                f"run {index} {100 * run.others / (run.wall * cores):.0f}%"
                for index, run in enumerate(result.runs, 1)
            )
            print(
                f"  WARNING: other processes kept the machine busy during "
                f"{LABELS[tool].split()[0]} ({busy}): those times are not clean"
            )
    print("  CER/WER: mean of the per-page rates; CER all: every page's errors over every page's")
    print("  characters. Scores from run 1. Texts normalised (NFC, whitespace collapsed).")

    print()
    print("Per page")
    keys = list(scored)
    group = 18  # the CER and WER columns of one text
    print(f"  {'':<34}{'':>6}" + "".join(f"{SHORT_NAMES[key]:>{group}}" for key in keys))
    print(f"  {'':<34}{'chars':>6}" + f"{'CER':>10}{'WER':>8}" * len(keys))
    for index, page in enumerate(pages):
        line = f"  {page.label:<34}{scored[keys[0]].scores[index].chars:>6}" if keys else ""
        for key in keys:
            page_score = scored[key].scores[index]
            line += f"{percent(page_score.cer):>10}{percent(page_score.wer):>8}"
        print(line)
    line = f"  {'mean':<34}{'':>6}"
    for key in keys:
        line += f"{percent(scored[key].mean_cer):>10}{percent(scored[key].mean_wer):>8}"
    print(line)

    verdicts: list[bool] = []
    a, b = results.get("digitizer"), results.get("ocrmypdf")
    print()
    print("(a) against (b)")
    if a is None or b is None:
        print("  not compared: both (a) and (b) must run (see --only)")
    else:
        ratio = a.pages_per_minute(count) / b.pages_per_minute(count)
        print(
            f"  throughput: {a.pages_per_minute(count):.2f} ÷ {b.pages_per_minute(count):.2f} "
            f"pages/min = {ratio:.2f}×  ({stat} wall times {a.wall:.1f} s and {b.wall:.1f} s)"
        )
        theirs = scored["ocrmypdf", "pdf"].mean_cer
        for source in ("pdf", "txt"):
            ours = scored["digitizer", source].mean_cer
            print(
                f"  mean CER, {SOURCE_NAMES['digitizer', source]}: {percent(ours)} − "
                f"{percent(theirs)} = {100 * (ours - theirs):+.2f} points"
            )
        print()
        print("Targets")
        for source in ("pdf", "txt"):
            ours = scored["digitizer", source].mean_cer
            met = ours <= theirs
            verdicts.append(met)
            print(
                f"  {'MET   ' if met else 'MISSED'}  mean CER no worse than OCRmyPDF's "
                f"({'PDF text' if source == 'pdf' else 'stored text'}): {percent(ours)} vs "
                f"{percent(theirs)}"
            )
        met = ratio >= THROUGHPUT_TARGET
        verdicts.append(met)
        caveat = (
            "  (NOT CLEAN: other processes were busy, see the warnings above; rerun on an idle "
            "machine)"
            if a.disturbed or b.disturbed
            else ""
        )
        print(
            f"  {'MET   ' if met else 'MISSED'}  throughput ≥ {THROUGHPUT_TARGET}× OCRmyPDF's: "
            f"{ratio:.2f}×{caveat}"
        )
    if a is not None:
        if b is None:
            print()
            print("Targets")
        for index, page in enumerate(pages):
            if not page.kind:
                continue
            values = {
                source: scored["digitizer", source].scores[index].cer for source in ("pdf", "txt")
            }
            met = all(value < PAGE_CER_TARGET for value in values.values())
            verdicts.append(met)
            print(
                f"  {'MET   ' if met else 'MISSED'}  (a) {page.kind} page {page.label} CER under "
                f"{100 * PAGE_CER_TARGET:.0f}%: {percent(values['pdf'])} PDF text, "
                f"{percent(values['txt'])} stored text"
            )
    return EXIT_OK if all(verdicts) else EXIT_MISSED


# --- the one-document mode ---------------------------------------------------------------------

EVAL_REAL = REPO.parent / "shared" / "eval" / "real-tt23"
HELD_OUT_SHAPES = (  # (name, real-tt23 page it is made from)
    ("clean", "page-013.png"),
    ("degraded-jpeg", "page-009.png"),
    ("skewed", "page-010.png"),
    ("rotated-180", "page-011.png"),
    ("rotated-90", "page-012.png"),
)
FLOOR_TARGET = 1.25  # ours ÷ plain tesseract, wall time, at most
PEER_TARGET = 2.0  # ocrmypdf ÷ ours, wall time, at least


def flat_pages(root: Path) -> list[EvalPage]:
    """Every `page-NNN.png|jpg` of `root` with its `page-NNN.gt.txt`, in name order."""
    return [
        EvalPage(image.resolve(), image.with_suffix(".gt.txt").read_text(encoding="utf-8"))
        for image in sorted(root.iterdir())
        if image.suffix.lower() in IMAGE_SUFFIXES and image.with_suffix(".gt.txt").is_file()
    ]


def held_out_pages(folder: Path) -> list[EvalPage]:
    """Pages of real-tt23 made into the shapes a scanner gives (seeded, the same every run):
    a clean grey page, a degraded JPEG at 200 dpi, a skewed one, one upside down, one turned a
    quarter. Their truth is their source page's."""
    import numpy as np
    from PIL import Image, ImageFilter

    folder.mkdir(parents=True, exist_ok=True)
    pages = []
    random = np.random.default_rng(20)
    for shape, name in HELD_OUT_SHAPES:
        source = EVAL_REAL / name
        truth = source.with_suffix(".gt.txt").read_text(encoding="utf-8")
        with Image.open(source) as opened:
            grey = opened.convert("L")
        if shape == "clean":
            target = folder / f"{shape}.png"
            grey.save(target, dpi=(300, 300))
        elif shape == "degraded-jpeg":
            small = grey.resize(
                (grey.width * 2 // 3, grey.height * 2 // 3), Image.Resampling.LANCZOS
            )
            small = small.rotate(0.8, fillcolor=255, resample=Image.Resampling.BICUBIC)
            small = small.filter(ImageFilter.GaussianBlur(0.6))
            pixels = np.asarray(small, dtype=np.int16) + random.normal(
                0, 12, (small.height, small.width)
            )
            noisy = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
            target = folder / f"{shape}.jpg"
            noisy.save(target, quality=55, dpi=(200, 200))
        elif shape == "skewed":
            target = folder / f"{shape}.jpg"
            grey.rotate(-2.0, fillcolor=255, resample=Image.Resampling.BICUBIC).save(
                target, quality=85, dpi=(300, 300)
            )
        else:
            turn = (
                Image.Transpose.ROTATE_180 if shape == "rotated-180" else Image.Transpose.ROTATE_90
            )
            target = folder / f"{shape}.png"
            grey.transpose(turn).save(target, dpi=(300, 300))
        pages.append(EvalPage(target.resolve(), truth))
    return pages


def one_document_pages(workdir: Path) -> list[EvalPage]:
    if not EVAL_REAL.is_dir():
        raise MissingTool(f"no evaluation pages in {EVAL_REAL}")
    return [*eval_pages(EVAL_DEV), *flat_pages(EVAL_REAL), *held_out_pages(workdir / "held-out")]


def page_set(page: EvalPage) -> str:
    if page.image.parent.name == "held-out":
        return "held-out"
    return "real-tt23" if page.image.parent == EVAL_REAL.resolve() else "dev"


def run_one_document_ours(
    pages: Sequence[EvalPage], folder: Path, jobs: int, pdftotext: str
) -> ToolRun:
    """`import --one-document`, `ocr --all`, `export --format pdf`, each stage timed; the
    stages' own times (DIGITIZER_STAGE_TIMES) go to `folder/stages`."""
    shutil.rmtree(folder, ignore_errors=True)
    stages = folder / "stages"
    stages.mkdir(parents=True)
    library, log = folder / "library", folder / "digitizer.log"
    base = [*digitizer_command(), "--library", str(library)]
    env = {**ENV, "DIGITIZER_STAGE_TIMES": str(stages)}
    steps: list[tuple[str, float]] = []
    clock = Clock.start()
    mark = time.perf_counter()
    imported = json.loads(
        run_logged(
            [*base, "import", "--one-document", *(str(page.image) for page in pages), "--json"],
            log,
            what="digitizer import",
            env=env,
        )
    )
    steps.append(("import", time.perf_counter() - mark))
    items = imported.get("imported", [])
    if len(items) != 1 or int(items[0].get("pages", 0)) != len(pages):
        raise RunFailed(f"digitizer import did not give one {len(pages)}-page document: see {log}")
    document = str(items[0]["document"])
    mark = time.perf_counter()
    report = json.loads(
        run_logged(
            [*base, "ocr", "--all", "--jobs", str(jobs), "--json"],
            log,
            what="digitizer ocr",
            env=env,
        )
    )
    steps.append(("ocr", time.perf_counter() - mark))
    if int(report.get("done", 0)) != len(pages) or report.get("failed"):
        raise RunFailed(f"digitizer ocr recognised {report.get('done')} of {len(pages)} pages")
    mark = time.perf_counter()
    pdf = folder / "document.pdf"
    run_logged(
        [*base, "export", document, "--format", "pdf", "--out", str(pdf)],
        log,
        what="digitizer export --format pdf",
        env=env,
    )
    steps.append(("export PDF/A", time.perf_counter() - mark))
    wall, cpu, others = clock.stop()
    txt = folder / "document.txt"
    run_logged([*base, "export", document, "--format", "txt", "--out", str(txt)], log, what="txt")
    from_pdf = pdf_text(pdftotext, pdf).split("\f")[: len(pages)]
    stored = txt.read_text(encoding="utf-8").split("\f")[: len(pages)]
    return ToolRun(
        "digitizer",
        wall,
        cpu,
        others,
        {"pdf": from_pdf, "txt": stored},
        steps,
        f"1 × {pdfa_claim(pdf)}, {pdf.stat().st_size / MB:.1f} MB",
        f"ocr's own report: {float(report.get('seconds', 0.0)):.1f} s",
    )


@dataclass(frozen=True)
class StageTime:
    calls: int
    wall: float
    cpu: float


def read_stages(folder: Path) -> dict[str, StageTime]:
    """The stage lines every process of a run wrote, summed by stage."""
    found: dict[str, StageTime] = {}
    for path in sorted(folder.glob("stages-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            old = found.get(entry["stage"], StageTime(0, 0.0, 0.0))
            found[entry["stage"]] = StageTime(
                old.calls + 1, old.wall + float(entry["wall"]), old.cpu + float(entry["cpu"])
            )
    return found


# Where each stage runs, in the order the path meets them; stages nested in another are indented.
STAGE_ORDER = (
    ("import", "import (the command, whole)"),
    ("command start", "ocr: command start (interpreter, imports, library open)"),
    ("settings key", "ocr: settings key (Tesseract's version, model hash)"),
    ("worker start", "worker: process start (spawn, imports)"),
    ("preparation", "worker: preparation (orientation, deskew, derived image)"),
    ("recognition copy", "worker: recognition copy (cleaning check)"),
    ("tesseract osd", "worker: Tesseract OSD (pages whose shapes leave it in doubt)"),
    ("tesseract", "worker: tesseract (in the worker, model loaded once)"),
    ("words read", "worker: Tesseract's words walked into the word model"),
    ("layout", "worker: layout (header columns)"),
    ("orientation by reading", "worker: orientation by reading (re-reads)"),
    ("restoration model", "worker: restoration model (load, once per worker)"),
    ("restoration", "worker: tone-mark restoration"),
    ("word model", "worker: word model written, staged files hashed"),
    ("stamp", "worker: secrecy stamp check"),
    ("filing", "ocr: filing (objects moved, one transaction per page)"),
    ("record proposal", "ocr: archival record proposal"),
    ("index update", "ocr: search index update"),
    ("export command start", "export: command start (interpreter, imports)"),
    ("export pages from catalogue", "export: pages and word models from the catalogue"),
    ("export pdf", "export: PDF/A writing, whole"),
    ("pdf word models", "  word models parsed"),
    ("pdf font", "  glyphless font"),
    ("pdf image", "  page images embedded"),
    ("pdf text layer", "  text layers drawn"),
    ("pdf save", "  file saved"),
)


def report_profile(
    label: str, runs: Sequence[dict[str, StageTime]], steps: Sequence[ToolRun], pages: int
) -> None:
    """Per stage: calls, wall and CPU seconds per page (median over runs)."""
    print()
    print(f"Per-stage profile of ours ({label}), seconds per page, median of {len(runs)} run(s)")
    print(f"  {'stage':<62}{'calls':>6}{'wall/page':>11}{'CPU/page':>10}")
    names = [name for name, _ in STAGE_ORDER]
    extra = sorted({name for run in runs for name in run} - set(names))
    for name, text in [*STAGE_ORDER, *((n, n) for n in extra)]:
        if name == "import":
            walls = [dict(run.steps).get("import", 0.0) for run in steps]
            print(f"  {text:<62}{'':>6}{statistics.median(walls) / pages:>11.3f}{'':>10}")
            continue
        found = [run[name] for run in runs if name in run]
        if not found:
            continue
        wall = statistics.median(one.wall for one in found) / pages
        cpu = statistics.median(one.cpu for one in found) / pages
        print(f"  {text:<62}{found[0].calls:>6}{wall:>11.3f}{cpu:>10.3f}")
    print(
        "  Worker stages run 2 at a time; the coordinator's (ocr:) overlap them. CPU includes the "
        "children a stage waited for (tesseract)."
    )


def run_one_document(args: argparse.Namespace, workdir: Path) -> int:
    tools = [tool for tool in TOOLS if tool in (args.only or TOOLS)]
    found = check_tools(tools)
    pages = one_document_pages(workdir)
    versions = {"tesseract": version_of([found["tesseract"], "--version"]).split()[-1]}
    if "ocrmypdf" in tools:
        versions["ocrmypdf"] = version_of([found["ocrmypdf"], "--version"])
        versions["ghostscript"] = version_of([found["gs"], "--version"])
    pdf = workdir / "eval.pdf"
    if "ocrmypdf" in tools:
        build_eval_pdf([page.image for page in pages], pdf)
    profiles: list[dict[str, StageTime]] = []

    def ours(folder: Path) -> ToolRun:
        done = run_one_document_ours(pages, folder, args.jobs, found["pdftotext"])
        profiles.append(read_stages(folder / "stages"))
        return done

    results = take_turns(args, tools, found, pages, pdf, workdir, ours, ", one document")
    return report_one_document(args, pages, results, versions, profiles)


def take_turns(
    args: argparse.Namespace,
    tools: list[str],
    found: dict[str, str],
    pages: list[EvalPage],
    pdf: Path,
    workdir: Path,
    ours: Callable[[Path], ToolRun],
    what: str = "",
) -> dict[str, ToolResult]:
    """Run every tool on the same pages, taking turns run after run, so a change in the
    machine's load falls on all of them alike."""
    results = {tool: ToolResult(tool, [], args.stat) for tool in tools}
    for index in range(1, args.repeat + 1):
        for tool in tools:
            say(f"run {index}/{args.repeat}: {LABELS[tool]} on {len(pages)} pages{what}")
            folder = workdir / f"run-{index}" / tool
            if tool == "digitizer":
                done = ours(folder)
            elif tool == "ocrmypdf":
                done = run_ocrmypdf(
                    pages, pdf, folder, args.jobs, found["ocrmypdf"], found["pdftotext"]
                )
            else:
                done = run_tesseract(pages, folder, args.jobs, found["tesseract"])
            say(f"  {done.wall:.1f} s")
            results[tool].runs.append(done)
    return results


def report_one_document(
    args: argparse.Namespace,
    pages: Sequence[EvalPage],
    results: dict[str, ToolResult],
    versions: dict[str, str],
    profiles: Sequence[dict[str, StageTime]],
) -> int:
    count = len(pages)
    sets = {
        name: [i for i, page in enumerate(pages) if page_set(page) == name]
        for name in ("dev", "real-tt23", "held-out")
    }
    print()
    counts = ", ".join(f"{len(indices)} {name}" for name, indices in sets.items())
    print(
        f"OCR benchmark, one document: {count} pages ({counts}), "
        f"{os.cpu_count()} cores, {args.repeat} run(s) per tool, wall = {args.stat}"
    )
    print(f"  {'; '.join(f'{name} {version}' for name, version in versions.items())}")
    print(f"  load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(
        "  (a) digitizer import --one-document <files>; ocr --all --jobs 2; export DOC --format pdf"
    )
    print(f"  (b) ocrmypdf {' '.join(ocrmypdf_options(args.jobs))} (img2pdf of the same scans)")
    print(f"  (c) tesseract IMG - -l vie, {args.jobs} processes at once (the floor)")
    print()
    header = f"  {'':<34}{'wall s':>8}{'CPU s':>8}{'÷ (c)':>7}{'CPU ÷':>7}" + "".join(
        f"{name:>12}" for name in sets
    )
    print(header + "   mean CER per set")
    scored: dict[tuple[str, str], list[Score]] = {}
    floor = results["tesseract"].wall if "tesseract" in results else 0.0
    floor_cpu = results["tesseract"].cpu if "tesseract" in results else 0.0
    for tool, result in results.items():
        for source, texts in result.runs[0].texts.items():
            scores = [score(text, page.truth) for page, text in zip(pages, texts, strict=True)]
            scored[tool, source] = scores
            cers = [
                percent(statistics.fmean(scores[i].cer for i in idx)) if idx else "-"
                for idx in sets.values()
            ]
            versus = f"{result.wall / floor:.2f}" if floor else "-"
            cpu = f"{result.cpu / floor_cpu:.2f}" if floor_cpu else "-"
            print(
                f"  {SHORT_NAMES[tool, source]:<34}{result.wall:>8.1f}{result.cpu:>8.1f}"
                f"{versus:>7}{cpu:>7}" + "".join(f"{cer:>12}" for cer in cers)
            )
    for tool, result in results.items():
        walls = ", ".join(f"{wall:.1f}" for wall in result.walls)
        others = ", ".join(f"{run.others:.1f}" for run in result.runs)
        steps = ", ".join(f"{n} {s:.1f} s" for n, s in result.runs[0].steps)
        print(
            f"  {SHORT_NAMES[tool, next(iter(result.runs[0].texts))]}: runs {walls} s; other "
            f"processes' CPU meanwhile {others} s; {steps} {result.runs[0].output}"
        )
    print()
    print("Per page, CER")
    keys = list(scored)
    print(f"  {'':<40}" + "".join(f"{SHORT_NAMES[key]:>18}" for key in keys))
    for index, page in enumerate(pages):
        where = page_set(page)
        label = f"{where}/{page.image.parent.name}/" if where == "dev" else f"{where}/"
        label += page.image.name
        print(f"  {label:<40}" + "".join(f"{percent(scored[key][index].cer):>18}" for key in keys))
    if profiles:
        report_profile("one document", profiles, results["digitizer"].runs, count)
    verdicts: list[bool] = []
    print()
    print("Targets")
    ours, floor_run, peer = (results.get(t) for t in ("digitizer", "tesseract", "ocrmypdf"))

    def verdict(met: bool, text: str) -> None:
        verdicts.append(met)
        print(f"  {'MET   ' if met else 'MISSED'}  {text}")

    if ours and floor_run:
        ratio = ours.wall / floor_run.wall
        verdict(
            ratio <= FLOOR_TARGET,
            f"ours ≤ {FLOOR_TARGET}× plain tesseract: "
            f"{ours.wall:.1f} ÷ {floor_run.wall:.1f} s = {ratio:.2f}×",
        )
        print(
            f"  (CPU   ours ÷ plain tesseract: {ours.cpu:.1f} ÷ {floor_run.cpu:.1f} s = "
            f"{ours.cpu / floor_run.cpu:.2f}×, the steadier figure on a busy machine)"
        )
    if ours and peer:
        ratio = peer.wall / ours.wall
        verdict(
            ratio >= PEER_TARGET,
            f"ours ≥ {PEER_TARGET}× faster than OCRmyPDF: "
            f"{peer.wall:.1f} ÷ {ours.wall:.1f} s = {ratio:.2f}×",
        )
        theirs = statistics.fmean(s.cer for s in scored["ocrmypdf", "pdf"])
        for source in ("pdf", "txt"):
            mine = statistics.fmean(s.cer for s in scored["digitizer", source])
            verdict(
                mine <= theirs,
                f"mean CER no worse than OCRmyPDF's ({SHORT_NAMES['digitizer', source]}): "
                f"{percent(mine)} vs {percent(theirs)}",
            )
    return EXIT_OK if all(verdicts) else EXIT_MISSED


# --- the memory mode ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Proc:
    pid: int
    name: str
    rss_kib: int
    hwm_kib: int  # the process's own peak (VmHWM), kept by the kernel


def _read(path: str) -> bytes:
    """A small /proc file in one read (b"" once the process is gone): os.open rather than
    pathlib, which costs more than the read itself on a small machine."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return b""
    try:
        return os.read(fd, 1 << 16)
    except OSError:
        return b""
    finally:
        os.close(fd)


def _tree(root: int) -> dict[int, str]:
    """`root` and every process descended from it (pid → name), from /proc/*/stat, but for a
    child that still shares its parent's memory (between vfork and exec, as Python starts
    Tesseract): its resident pages are its parent's, counted once."""
    children: dict[int, list[int]] = {}
    names: dict[int, str] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        stat = _read(f"/proc/{entry.name}/stat")
        close = stat.rfind(b")")  # the name, in parentheses, may hold spaces and parentheses
        if close < 0:
            continue
        pid = int(entry.name)
        names[pid] = stat[stat.find(b"(") + 1 : close].decode(errors="replace")
        children.setdefault(int(stat[close + 2 :].split()[1]), []).append(pid)
    found = [root]
    for pid in found:  # grows while it is walked: breadth first
        found += [child for child in children.get(pid, []) if not _same_memory(pid, child)]
    return {pid: names.get(pid, "?") for pid in found}


_KCMP: Final = 312  # the kcmp system call on x86-64 Linux
_KCMP_VM: Final = 1
_LIBC: Final = ctypes.CDLL(None, use_errno=True)


def _same_memory(parent: int, child: int) -> bool:
    """Whether the two processes share one address space (kcmp(2) says so; on a kernel or
    machine without it, never)."""
    if platform.machine() != "x86_64":
        return False
    return int(_LIBC.syscall(_KCMP, parent, child, _KCMP_VM, 0, 0)) == 0


def _proc(pid: int, name: str) -> Proc | None:
    rss = hwm = -1
    for line in _read(f"/proc/{pid}/status").splitlines():
        if line.startswith(b"VmRSS:"):
            rss = int(line.split()[1])
        elif line.startswith(b"VmHWM:"):
            hwm = int(line.split()[1])
    if rss < 0:
        return None  # gone, or a zombie
    return Proc(pid, name, rss, hwm)


def _pss_kib(pid: int) -> int:
    for line in _read(f"/proc/{pid}/smaps_rollup").splitlines():
        if line.startswith(b"Pss:"):
            return int(line.split()[1])
    return 0


@dataclass
class TreeMemory:
    """What sampling one command's process tree found."""

    wall: float = 0.0
    exit: int = 0
    samples: int = 0
    sampling_seconds: float = 0.0  # CPU time spent sampling, the benchmark's own cost
    peak_rss_kib: int = 0
    peak_at: float = 0.0
    peak_roles: dict[str, tuple[int, int]] = field(default_factory=dict)  # role → (n, KiB)
    peak_pss_kib: int = 0
    most_processes: int = 0
    others: float = 0.0  # CPU seconds the rest of the machine used meanwhile
    hwm_kib: dict[str, int] = field(default_factory=dict)  # role → the largest VmHWM seen
    stdout: str = ""


def _role(proc: Proc, root: int) -> str:
    if proc.pid == root:
        return "coordinator"
    if proc.name == "tesseract":
        return "tesseract"
    if proc.name.startswith("python"):
        return "python"  # the workers, and multiprocessing's resource tracker
    return proc.name


def sample_tree(argv: Sequence[str], log: Path, env: dict[str, str] | None = None) -> TreeMemory:
    """Run `argv`, summing the resident memory (VmRSS) of its whole process tree every
    SAMPLE_EVERY seconds, and its proportional share (PSS, dearer to read) every PSS_EVERY
    samples."""
    found = TreeMemory()
    stdout = log.with_suffix(".stdout")
    with log.open("a", encoding="utf-8") as errors, stdout.open("w", encoding="utf-8") as out:
        errors.write(f"$ {shlex.join(argv)}\n")
        errors.flush()
        clock = Clock.start()
        started = time.perf_counter()
        child = subprocess.Popen(argv, stdout=out, stderr=errors, env=env or ENV)
        while True:
            tick, cpu = time.perf_counter(), time.process_time()
            tree = _tree(child.pid)
            procs = [p for p in (_proc(pid, name) for pid, name in tree.items()) if p is not None]
            rss = sum(p.rss_kib for p in procs)
            if found.samples % PSS_EVERY == 0:
                pss = sum(_pss_kib(p.pid) for p in procs)
                found.peak_pss_kib = max(found.peak_pss_kib, pss)
            found.samples += 1
            found.most_processes = max(found.most_processes, len(procs))
            roles: dict[str, tuple[int, int]] = {}
            for p in procs:
                role = _role(p, child.pid)
                found.hwm_kib[role] = max(found.hwm_kib.get(role, 0), p.hwm_kib)
                n, kib = roles.get(role, (0, 0))
                roles[role] = (n + 1, kib + p.rss_kib)
            if rss > found.peak_rss_kib:
                found.peak_rss_kib, found.peak_at, found.peak_roles = rss, tick - started, roles
            found.sampling_seconds += time.process_time() - cpu
            if child.poll() is not None:
                break
            time.sleep(max(0.0, SAMPLE_EVERY - (time.perf_counter() - tick)))
        found.exit = child.returncode
        found.wall, _, found.others = clock.stop()
    found.stdout = stdout.read_text(encoding="utf-8", errors="replace")
    return found


def report_memory_line(label: str, pages: int, found: TreeMemory) -> None:
    rate = pages / found.wall * 60 if found.wall else 0.0
    print(f"  {label}")
    print(f"    {found.wall:.1f} s, {rate:.1f} pages/min")
    peak = found.peak_rss_kib * 1024
    print(
        f"    peak summed RSS of the process tree: {peak / MIB:,.1f} MiB ({peak / MB:,.0f} MB) "
        f"at {found.peak_at:.1f} s"
    )
    parts = ", ".join(
        f"{role} {n} × {kib / n / 1024:,.0f} = {kib / 1024:,.0f} MiB"
        if n > 1
        else f"{role} {kib / 1024:,.0f} MiB"
        for role, (n, kib) in sorted(found.peak_roles.items(), key=lambda item: -item[1][1])
    )
    print(f"      then: {parts}")
    print(
        f"    peak summed PSS (shared pages divided among the processes; read every "
        f"{SAMPLE_EVERY * PSS_EVERY:.0f} s): {found.peak_pss_kib / 1024:,.1f} MiB"
    )
    hwm = ", ".join(f"{role} {kib / 1024:,.0f}" for role, kib in found.hwm_kib.items())
    print(f"    largest single-process peak (VmHWM), MiB: {hwm}")
    share = found.others / (found.wall * (os.cpu_count() or 1)) if found.wall else 0.0
    print(
        f"    other processes' CPU meanwhile: {found.others:.1f} s"
        + (
            f"  WARNING: {100 * share:.0f}% of the machine: the time is not clean"
            if share > DISTURBED
            else ""
        )
    )
    print(
        f"    {found.samples} samples, {found.most_processes} processes at most; sampling took "
        f"{found.sampling_seconds:.1f} s of the bench's own CPU"
    )


def run_memory(args: argparse.Namespace, workdir: Path) -> int:
    find_tool("tesseract")
    eval_pages(EVAL_DEV)  # stops here, with a message, when the scans are missing
    ocrmypdf = find_tool("ocrmypdf") if args.memory_peer else ""
    if args.memory_peer:
        find_tool("gs")
    commands = digitizer_commands()
    if "ocr" not in commands:
        raise MissingTool("this checkout's digitizer has no `ocr` command (digitizer --help)")

    pdf = workdir / f"memory-{args.pages}.pdf"
    started = time.perf_counter()
    if pdf.is_file() and args.workdir:
        say(f"using the {args.pages}-page PDF already in {workdir}")
    else:
        say(f"building a {args.pages}-page PDF of the evaluation scans in {workdir}")
        # In a child process: img2pdf holds every page in memory, which this process would keep.
        command = [PYTHON, str(Path(__file__).resolve()), "--pages", str(args.pages)]
        if subprocess.run([*command, "--build-only", str(pdf)], check=False).returncode != 0:
            raise RunFailed(f"building {pdf} failed")
    say(f"  {pdf.stat().st_size / MB:,.1f} MB in {time.perf_counter() - started:.1f} s")

    library, log = workdir / "memory-library", workdir / "memory-digitizer.log"
    shutil.rmtree(library, ignore_errors=True)
    base = [*digitizer_command(), "--library", str(library)]
    say("importing it")
    started = time.perf_counter()
    imported = json.loads(
        run_logged([*base, "import", str(pdf), "--json"], log, what="digitizer import")
    )
    import_seconds = time.perf_counter() - started
    items = imported.get("imported", [])
    if len(items) != 1 or int(items[0].get("pages", 0)) != args.pages:
        raise RunFailed(f"digitizer import did not give one {args.pages}-page document: see {log}")
    document = str(items[0]["document"])
    distinct = distinct_page_images(library)

    say(f"digitizer ocr --all --jobs {args.jobs} on {args.pages} pages, sampling /proc")
    # The stand-in lives in bench/, which the installed package does not cover: the repository
    # goes on the path of the command and of the workers it spawns.
    env = (
        {**ENV, "DIGITIZER_OCR_ENGINE": STAND_IN, "PYTHONPATH": str(REPO)} if args.stand_in else ENV
    )
    ours = sample_tree([*base, "ocr", "--all", "--jobs", str(args.jobs), "--json"], log, env)
    if ours.exit != 0:
        raise RunFailed(f"digitizer ocr failed (exit status {ours.exit}): see {log}")
    report = json.loads(ours.stdout)
    if int(report.get("done", 0)) != args.pages:
        raise RunFailed(f"digitizer ocr recognised {report.get('done')} of {args.pages} pages")

    peer: TreeMemory | None = None
    if args.memory_peer:
        say(f"ocrmypdf --jobs {args.jobs} on the same PDF, sampling /proc")
        out = workdir / "memory-ocrmypdf.pdf"
        argv = [ocrmypdf, *ocrmypdf_options(args.jobs), str(pdf), str(out)]
        peer = sample_tree(argv, workdir / "memory-ocrmypdf.log")
        if peer.exit != 0:
            raise RunFailed(f"ocrmypdf failed (exit status {peer.exit}): see {workdir}")

    print()
    print(
        f"OCR memory benchmark: one {args.pages}-page document, {args.jobs} workers, "
        f"{os.cpu_count()} cores"
    )
    print(
        f"  {pdf.stat().st_size / MB:,.1f} MB PDF of the evaluation scans cycled, each page "
        f"different in bytes; imported in {import_seconds:.1f} s as document {document}"
    )
    print(f"  distinct page images in the library: {distinct} of {args.pages}")
    print(f"  process tree summed from /proc every {SAMPLE_EVERY * 1000:.0f} ms")
    print()
    if args.stand_in:
        print(f"  STAND-IN ENGINE ({STAND_IN}): Tesseract reads each worker's first page only")
    report_memory_line(
        f"digitizer ocr --all --jobs {args.jobs} (its own report: "
        f"{float(report.get('seconds', 0)):.1f} s)",
        args.pages,
        ours,
    )
    if peer is not None:
        report_memory_line(f"ocrmypdf {' '.join(ocrmypdf_options(args.jobs))}", args.pages, peer)
    print()
    peak = ours.peak_rss_kib * 1024
    met = peak < MEMORY_TARGET_BYTES
    print("Target")
    print(
        f"  {'MET   ' if met else 'MISSED'}  peak memory of OCR with {args.jobs} workers under "
        f"500 MB (5 × 10^8 bytes): {peak / MB:,.0f} MB summed RSS "
        f"({peak / MEMORY_TARGET_BYTES:.2f} of the target)"
    )
    if peer is not None:
        print(f"  ocrmypdf: {peer.peak_rss_kib * 1024 / MB:,.0f} MB summed RSS")
    print()
    print(
        "  Summed RSS counts pages shared between processes (libraries, the model files) once per "
        "process: it is an upper bound; PSS divides them."
    )
    return EXIT_OK if met else EXIT_MISSED


def distinct_page_images(library: Path) -> str:
    """How many different page images the library stores, read from its catalogue."""
    catalogue = library / "catalog.sqlite3"
    try:
        db = sqlite3.connect(f"file:{catalogue}?mode=ro", uri=True)
        try:
            distinct = db.execute("SELECT count(DISTINCT image_sha256) FROM pages").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error as error:
        return f"? ({error})"
    return str(distinct)


# --- main --------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/ocr.py",
        description="Time and score OCR of the evaluation pages: the digitizer from import to "
        "PDF/A, OCRmyPDF and plain Tesseract; or (--memory) the peak memory of a long OCR job.",
    )
    parser.add_argument(
        "--repeat", type=int, default=1, metavar="N", help="runs of each tool (default 1)"
    )
    parser.add_argument(
        "--stat",
        choices=("median", "best"),
        default="median",
        help="which of the --repeat wall times counts (default median)",
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=TOOLS,
        help="run only this tool (repeatable; default all three)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=DEFAULT_JOBS,
        metavar="N",
        help=f"pages recognised side by side, by every tool (default {DEFAULT_JOBS})",
    )
    parser.add_argument(
        "--one-document",
        action="store_true",
        help="dev, real-tt23 and held-out pages as one document; ours beside plain tesseract "
        "and OCRmyPDF, with a per-stage profile of ours",
    )
    parser.add_argument(
        "--memory",
        action="store_true",
        help="measure the peak memory of `digitizer ocr` on a long document instead",
    )
    parser.add_argument(
        "--pages",
        type=int,
        default=DEFAULT_MEMORY_PAGES,
        metavar="N",
        help=f"pages of the --memory document (default {DEFAULT_MEMORY_PAGES})",
    )
    parser.add_argument(
        "--stand-in",
        action="store_true",
        help="with --memory, each worker reads its first page with Tesseract and reuses that "
        "word model for the rest (bench/stand_in.py): the rest of the path's memory, in minutes",
    )
    parser.add_argument(
        "--memory-peer",
        action="store_true",
        help="with --memory, measure ocrmypdf on the same PDF too (long)",
    )
    add_workdir_argument(parser, "libraries, PDFs, texts and logs")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--build-only", type=Path, metavar="PATH", help="build the --memory PDF at PATH and stop"
    )
    args = parser.parse_args(argv)
    if args.repeat <= 0 or args.pages <= 0 or args.jobs <= 0:
        parser.error("--repeat, --pages and --jobs must be positive")
    if args.memory_peer and not args.memory:
        parser.error("--memory-peer goes with --memory")
    return args


def reproduce_command(args: argparse.Namespace) -> str:
    command = [".venv/bin/python", "bench/ocr.py"]
    if args.memory:
        command += ["--memory", "--pages", str(args.pages)]
        if args.memory_peer:
            command.append("--memory-peer")
        if args.stand_in:
            command.append("--stand-in")
    else:
        if args.one_document:
            command.append("--one-document")
        if args.repeat != 1:
            command += ["--repeat", str(args.repeat)]
        if args.stat != "median":
            command += ["--stat", args.stat]
        for name in args.only or []:
            command += ["--only", name]
    if args.jobs != DEFAULT_JOBS:
        command += ["--jobs", str(args.jobs)]
    if args.workdir:
        command += ["--workdir", str(args.workdir)]
    return f"cd {shlex.quote(str(REPO))} && {shlex.join(command)}"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.build_only:
        images = [page.image for page in eval_pages(EVAL_DEV)]
        build_unique_pdf(images, args.pages, args.build_only)
        return EXIT_OK
    commit, changed = git_state()  # before the runs: someone may commit while they go on
    workdir = make_workdir(args.workdir, "digitizer-bench-ocr-")
    try:
        if args.memory:
            status = run_memory(args, workdir)
        elif args.one_document:
            status = run_one_document(args, workdir)
        else:
            status = run(args, workdir)
    except MissingTool as error:
        print(f"bench/ocr.py: {error}", file=sys.stderr)
        return EXIT_MISSING
    except RunFailed as error:
        print(f"\nFAILED: {error}")
        if not args.workdir:
            args.keep = True  # what failed is in the logs there
        return EXIT_FAILED
    finally:
        if not args.workdir and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        elif not args.workdir:
            say(f"kept {workdir}")
    now = git_state()[0]
    if now != commit:
        print(f"\nWARNING: HEAD moved from {commit} to {now} while the benchmark ran")
    print()
    print(f"Code measured: commit {commit}{' plus uncommitted changes' if changed else ''}")
    print("Reproduce with:")
    print(f"  {reproduce_command(args)}")
    return status


def check_tools(tools: Sequence[str]) -> dict[str, str]:
    """Every program the chosen tools need, found and working; name → path."""
    found = {"tesseract": find_tool("tesseract"), "pdftotext": find_tool("pdftotext")}
    languages = subprocess.run(
        [found["tesseract"], "--list-langs"], capture_output=True, text=True, check=False
    ).stdout.split()
    if "vie" not in languages:
        raise MissingTool(
            f"Tesseract has no Vietnamese model. Install it with: {INSTALL['tesseract'][1]}"
        )
    if "ocrmypdf" in tools:
        found["ocrmypdf"] = find_tool("ocrmypdf")
        found["gs"] = find_tool("gs")
        version = version_of([found["ocrmypdf"], "--version"])
        if version.startswith("does not run"):
            raise MissingTool(f"ocrmypdf {version}. Reinstall it with: {INSTALL['ocrmypdf'][1]}")
    if "digitizer" in tools:
        missing = {"import", "ocr", "export"} - digitizer_commands()
        if missing:
            raise MissingTool(
                "this checkout's digitizer has no "
                + ", ".join(f"`{name}`" for name in sorted(missing))
                + " command yet (see `digitizer --help`); run the peers alone with "
                "--only ocrmypdf --only tesseract"
            )
    return found


def run(args: argparse.Namespace, workdir: Path) -> int:
    tools = [tool for tool in TOOLS if tool in (args.only or TOOLS)]
    found = check_tools(tools)
    pages = eval_pages(EVAL_DEV)
    versions = {"tesseract": version_of([found["tesseract"], "--version"])}
    if "digitizer" in tools:
        versions["digitizer"] = version_of([*digitizer_command(), "--version"]).split()[-1]
    if "ocrmypdf" in tools:
        versions["ocrmypdf"] = version_of([found["ocrmypdf"], "--version"])
        versions["ghostscript"] = version_of([found["gs"], "--version"])
    versions["tesseract"] = versions["tesseract"].split()[-1]

    pdf = workdir / "eval.pdf"
    if "ocrmypdf" in tools:
        build_eval_pdf([page.image for page in pages], pdf)

    results = take_turns(
        args,
        tools,
        found,
        pages,
        pdf,
        workdir,
        lambda folder: run_digitizer(pages, folder, args.jobs, found["pdftotext"]),
    )
    return report_quality(args, pages, results, versions)


if __name__ == "__main__":
    sys.exit(main())
