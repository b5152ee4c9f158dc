# ruff: noqa: N999  -- the benchmark is named after the command it measures; it is never imported
"""Benchmark: import a long scanned PDF through the `digitizer` command line.

Builds a PDF of the real evaluation scans (../shared/eval/dev, cycled, embedded by img2pdf without
re-encoding; `--variant` says how repeats are told apart), imports it into a fresh library with
`python -m digitizer --library LIB import PDF --json`, and runs poppler on the same file beside
it: `pdftoppm -png` at each page's native resolution (what storing poppler-rendered PNG pages
costs), `pdftoppm` rendering only (no PNG encoding), and `pdfimages -all`.

Peak memory is read from the kernel, never sampled:

* every measured command runs under a small launcher (`python -I -S`) that starts it and reads
  its rusage from `os.wait4()`;
* the importer reports its own peak (`getrusage(RUSAGE_SELF)`) as it exits;
* a second, traced import wraps each poppler tool the importer starts in a shim on PATH that does
  the same `os.wait4()`, because Linux starts a child's high-water mark at its parent's size when
  the child execs: `RUSAGE_CHILDREN` seen from the importer is the importer's size, not
  pdftoppm's. The wall time comes from the first, untraced import.

Usage (from the repository root): `.venv/bin/python bench/import.py --pages 300`; see
bench/README.md. Exit status: 0 within budget, 1 peak RSS (importer + children running at once)
above 400 MiB, 2 bad usage, 3 an import (or a peer) failed.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __name__ == "__main__":
    # Run as `python bench/import.py`, only this file's folder is on sys.path, not the repository
    # root: add the root (last, so it hides nothing) for the shared `bench.common` and
    # `bench.scans`.
    sys.path.append(str(Path(__file__).resolve().parent.parent))

from bench.common import add_workdir_argument, git_state, make_workdir
from bench.scans import build_unique_pdf

REPO = Path(__file__).resolve().parent.parent
EVAL_DEV = REPO.parent / "shared" / "eval" / "dev"
EVAL_SETS = (
    ("clean-300dpi", "*.png"),
    ("degraded-200dpi", "*.jpg"),
    ("skewed-300dpi", "*.jpg"),
    ("upside-down", "*.png"),
)
BUDGET_MIB = 400.0
DEFAULT_PAGES = 300
# The poppler tools the importer runs (pdftocairo only in case a future version does).
POPPLER_TOOLS = ("pdftoppm", "pdfinfo", "pdfimages", "pdftotext", "pdftocairo")
EXIT_OK, EXIT_OVER_BUDGET, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3
MIB = 1024 * 1024
MB = 1_000_000
# The project's interpreter (the importer needs its packages), else the one running this.
_VENV_PYTHON = REPO / ".venv" / "bin" / "python"
PYTHON = str(_VENV_PYTHON) if _VENV_PYTHON.exists() else sys.executable

# Started as `python -I -S -c LAUNCHER SPEC RESULT`: runs each command of SPEC in turn and writes
# the wall time and the rusage `os.wait4()` gives for it. It is small (about 10 MiB), so a child
# it starts begins with a small high-water mark; that is the floor of every figure.
_LAUNCHER = r"""
import json, os, sys, time
with open(sys.argv[1], encoding="utf-8") as stream:
    commands = json.load(stream)
results = []
for command in commands:
    actions = []
    for fd, key in ((1, "stdout"), (2, "stderr")):
        if command.get(key):
            flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
            actions.append((os.POSIX_SPAWN_OPEN, fd, command[key], flags, 0o644))
    env = dict(os.environ)
    env.update(command.get("env") or {})
    start = time.perf_counter()
    pid = os.posix_spawn(command["argv"][0], command["argv"], env, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    results.append({
        "wall": wall,
        "maxrss_kib": usage.ru_maxrss,
        "cpu": usage.ru_utime + usage.ru_stime,
        "exit": os.waitstatus_to_exitcode(status),
    })
    folder = command.get("cleanup")
    if folder:
        for name in os.listdir(folder):
            os.unlink(os.path.join(folder, name))
    if results[-1]["exit"] != 0:
        break
with open(sys.argv[2], "w", encoding="utf-8") as stream:
    json.dump(results, stream)
"""

# A stand-in for one poppler tool, first on the importer's PATH: runs the real tool, then appends
# the tool's wall time and rusage (from `os.wait4()`) to a log, and exits as the tool did.
_SHIM = r"""#!{python} -IS
import json, os, signal, sys, time
REAL = {real!r}
start = time.monotonic()
pid = os.posix_spawn(REAL, [REAL, *sys.argv[1:]], dict(os.environ))
_, status, usage = os.wait4(pid, 0)
end = time.monotonic()
code = os.waitstatus_to_exitcode(status)
with open({log!r}, "a", encoding="utf-8") as log:
    log.write(json.dumps({{
        "tool": {tool!r},
        "argv": sys.argv[1:],
        "start": start,
        "end": end,
        "cpu": usage.ru_utime + usage.ru_stime,
        "maxrss_kib": usage.ru_maxrss,
        "exit": code,
    }}) + "\n")
if code < 0:
    signal.signal(-code, signal.SIG_DFL)
    os.kill(os.getpid(), -code)
sys.exit(code)
"""

# Runs exactly what `python -m digitizer ARGS` runs (runpy, as `-m` does), then reports this
# process's own peak RSS and what the kernel says of its children before exiting with its code.
_IMPORTER = r"""
import json, os, resource, runpy, sys
code = 0
try:
    runpy.run_module("digitizer", run_name="__main__", alter_sys=True)
except SystemExit as stop:
    if isinstance(stop.code, str):
        print(stop.code, file=sys.stderr)
    code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(os.environ["DIGITIZER_BENCH_RUSAGE"], "w", encoding="utf-8") as stream:
    json.dump({
        "self_maxrss_kib": me.ru_maxrss,
        "self_cpu": me.ru_utime + me.ru_stime,
        "children_maxrss_kib": kids.ru_maxrss,
        "children_cpu": kids.ru_utime + kids.ru_stime,
    }, stream)
sys.stdout.flush()
sys.exit(code)
"""


# --- small helpers -----------------------------------------------------------------------------


def say(message: str) -> None:
    """Progress for the person waiting, on stderr; the figures go to stdout."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"bench: {name} is not installed (sudo apt-get install poppler-utils)")
    return found


def mib(kib: int) -> float:
    return kib * 1024 / MIB


@dataclass(frozen=True)
class TreeSize:
    apparent: int  # sum of file sizes
    disk: int  # blocks allocated
    files: int


def tree_size(root: Path) -> TreeSize:
    apparent = disk = files = 0
    for folder, _, names in os.walk(root):
        for name in names:
            info = (Path(folder) / name).lstat()
            apparent += info.st_size
            disk += info.st_blocks * 512
            files += 1
    return TreeSize(apparent, disk, files)


# --- the PDF -----------------------------------------------------------------------------------


def eval_images() -> list[Path]:
    images: list[Path] = []
    for folder, pattern in EVAL_SETS:
        images += sorted((EVAL_DEV / folder).glob(pattern))
    if not images:
        raise SystemExit(f"bench: no evaluation pages under {EVAL_DEV}")
    return images


# How the cycled scans are told apart; see `build_pdf`.
VARIANTS = {
    "unique": "each page a plain scan made unique (JPEG: a comment; PNG: one pixel ±1)",
    "marked": "a dot drawn on every page: none is a plain scan, all go to the renderer",
    "identical": "exact repeats: the library keeps one image per distinct scan",
}


def build_pdf(target: Path, pages: int, variant: str) -> None:
    """Write a `pages`-page PDF of the evaluation scans, cycled, each embedded by img2pdf without
    re-encoding, so that every page is an image covering the page, as a scanner makes them.

    Repeats of a scan would give the library identical page images, stored once, which a real
    book never does. So by default (`unique`, made by `bench.scans`) each page is made different
    while staying a plain scan: a JPEG gets a comment segment naming the page (its image data
    untouched), a PNG one pixel's lowest bit flipped. `marked` instead draws a 1-point dot at a
    different place on each page, which makes no page a plain scan: every page is rendered.
    `identical` changes nothing.
    """
    cycle = eval_images()
    if variant == "unique":
        build_unique_pdf(cycle, pages, target)
        return
    import img2pdf  # here, not at the top: this runs in its own process (see `make_pdf`)

    data = img2pdf.convert([cycle[index % len(cycle)].read_bytes() for index in range(pages)])
    if variant != "marked":
        target.write_bytes(data)
        return
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        for index, page in enumerate(pdf.pages):
            x, y = 6 + (index % 100) * 1.5, 6 + (index // 100) * 1.5
            mark = f"q 0 g {x:.1f} {y:.1f} 1 1 re f Q".encode()
            page.contents_add(pikepdf.Stream(pdf, mark), prepend=False)
        # qpdf leaves streams that are already compressed as they are: the scans stay byte-exact.
        pdf.save(target)


def make_pdf(target: Path, pages: int, variant: str) -> None:
    """Build the PDF in a child process: img2pdf holds every image in memory, and the
    benchmark's own size is the floor under the importer's peak, so it must stay small."""
    command = [PYTHON, str(Path(__file__).resolve()), "--pages", str(pages)]
    command += ["--variant", variant, "--build-only", str(target)]
    subprocess.run(command, check=True)


@dataclass(frozen=True)
class PageRender:
    number: int
    dpi: int
    gray: bool


def native_pages(pdf: Path) -> list[PageRender]:
    """Each page's native resolution and colour, decided as the importer decides them: the finest
    image on the page (from `pdfimages -list`), clamped to 72–1200 dpi, 300 dpi colour when there
    is no image; grey when every image is grey."""
    info = subprocess.run(
        [tool("pdfinfo"), str(pdf)], capture_output=True, text=True, errors="replace", check=True
    ).stdout
    count = next(int(line.split()[1]) for line in info.splitlines() if line.startswith("Pages:"))
    listing = subprocess.run(
        [tool("pdfimages"), "-list", str(pdf)],
        capture_output=True,
        text=True,
        errors="replace",
        check=True,
    ).stdout
    images: dict[int, list[tuple[int, bool]]] = {}
    for line in listing.splitlines()[2:]:
        fields = line.split()
        if len(fields) < 14 or fields[2] != "image":
            continue
        try:
            images.setdefault(int(fields[0]), []).append((int(fields[12]), fields[5] == "gray"))
        except ValueError:
            continue
    pages = []
    for number in range(1, count + 1):
        found = images.get(number, [])
        if not found:
            pages.append(PageRender(number, 300, False))
            continue
        dpi = min(max(max(ppi for ppi, _ in found), 72), 1200)
        pages.append(PageRender(number, dpi, all(gray for _, gray in found)))
    return pages


def runs(pages: Sequence[PageRender]) -> Iterator[list[PageRender]]:
    """Consecutive pages one pdftoppm call renders: same resolution and colour."""
    run: list[PageRender] = []
    for page in pages:
        if run and (page.dpi, page.gray) != (run[-1].dpi, run[-1].gray):
            yield run
            run = []
        run.append(page)
    if run:
        yield run


# --- measuring ---------------------------------------------------------------------------------


@dataclass
class Command:
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    stdout: str | None = None
    stderr: str | None = None
    cleanup: str | None = None  # empty this folder after the command (not timed)


@dataclass(frozen=True)
class Measured:
    wall: float  # seconds, the commands' own, summed
    cpu: float  # user + system seconds of the commands and everything they waited for
    maxrss_kib: int  # the largest peak RSS among the commands (each including its children)
    runs: int
    failed: bool


def launch(commands: Sequence[Command], workdir: Path, name: str) -> Measured:
    spec, result = workdir / f"{name}.spec.json", workdir / f"{name}.result.json"
    spec.write_text(
        json.dumps(
            [
                {
                    "argv": c.argv,
                    "env": c.env,
                    "stdout": c.stdout,
                    "stderr": c.stderr,
                    "cleanup": c.cleanup,
                }
                for c in commands
            ]
        ),
        encoding="utf-8",
    )
    subprocess.run([PYTHON, "-I", "-S", "-c", _LAUNCHER, str(spec), str(result)], check=True)
    rows: list[dict[str, Any]] = json.loads(result.read_text(encoding="utf-8"))
    return Measured(
        wall=sum(float(row["wall"]) for row in rows),
        cpu=sum(float(row["cpu"]) for row in rows),
        maxrss_kib=max((int(row["maxrss_kib"]) for row in rows), default=0),
        runs=len(rows),
        failed=len(rows) != len(commands) or any(row["exit"] != 0 for row in rows),
    )


def write_shims(folder: Path, log: Path, tools: Sequence[str]) -> dict[str, str]:
    """Shims for every installed tool in `tools`; returns tool → real path."""
    folder.mkdir(parents=True, exist_ok=True)
    real: dict[str, str] = {}
    for name in tools:
        found = shutil.which(name)
        if found is None:
            continue
        real[name] = found
        shim = folder / name
        shim.write_text(
            _SHIM.format(python=PYTHON, real=found, log=str(log), tool=name),
            encoding="utf-8",
        )
        shim.chmod(0o755)
    return real


@dataclass(frozen=True)
class ToolCall:
    tool: str
    argv: list[str]
    start: float  # time.monotonic(), the same clock in every process
    end: float
    cpu: float
    maxrss_kib: int
    exit: int

    @property
    def wall(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class Overlap:
    busy: float  # seconds during which at least one call ran
    most_at_once: int  # the largest number of calls running together
    peak_kib: int  # the largest sum of the peaks of calls running together (an upper bound)


def overlap(calls: Sequence[ToolCall]) -> Overlap:
    """How the calls overlapped in time: the importer may run several tools at once."""
    events = sorted(
        [(call.start, 1, call.maxrss_kib) for call in calls]
        + [(call.end, -1, call.maxrss_kib) for call in calls],
        key=lambda event: (event[0], event[1]),  # at a tie, one ends before the next starts
    )
    busy = 0.0
    running = most = 0
    kib = peak = 0
    since = 0.0
    for moment, step, size in events:
        if running:
            busy += moment - since
        since = moment
        running += step
        kib += step * size
        most, peak = max(most, running), max(peak, kib)
    return Overlap(busy, most, peak)


def read_tool_log(log: Path) -> list[ToolCall]:
    if not log.exists():
        return []
    calls = []
    for line in log.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        calls.append(
            ToolCall(
                str(row["tool"]),
                [str(arg) for arg in row["argv"]],
                float(row["start"]),
                float(row["end"]),
                float(row["cpu"]),
                int(row["maxrss_kib"]),
                int(row["exit"]),
            )
        )
    return calls


def measurement_floor(workdir: Path) -> int:
    """The peak RSS (KiB) `/bin/true` shows when the launcher starts it: the smallest figure any
    measured tool can show."""
    return launch([Command([tool("true")])], workdir, "floor").maxrss_kib


# --- the runs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    measured: Measured
    self_maxrss_kib: int
    self_cpu: float
    children_maxrss_kib_kernel: int  # RUSAGE_CHILDREN inside the importer (see the notes)
    tool_calls: list[ToolCall]
    report: dict[str, Any]
    exit: int
    stderr: str


def run_import(pdf: Path, workdir: Path, *, traced: bool) -> ImportResult:
    """Import `pdf` into a fresh library. `traced` puts the shims on the importer's PATH, which
    gives each poppler tool's own peak and time but adds a Python start-up to every call; the
    untraced run gives the wall time."""
    name = "import-traced" if traced else "import"
    library = workdir / ("library-traced" if traced else "library")
    shutil.rmtree(library, ignore_errors=True)
    shims, log = workdir / "shims", workdir / "tools.log"
    log.unlink(missing_ok=True)
    path = os.environ.get("PATH", "")
    if traced:
        write_shims(shims, log, POPPLER_TOOLS)
        path = f"{shims}{os.pathsep}{path}"
    rusage = workdir / f"{name}.rusage.json"
    stdout, stderr = workdir / f"{name}.stdout", workdir / f"{name}.stderr"
    for file in (rusage, stdout, stderr):
        file.unlink(missing_ok=True)
    argv = [PYTHON, "-c", _IMPORTER, "--library", str(library), "import", str(pdf), "--json"]
    env = {"PATH": path, "DIGITIZER_BENCH_RUSAGE": str(rusage)}
    measured = launch([Command(argv, env, str(stdout), str(stderr))], workdir, name)
    usage: dict[str, Any] = (
        json.loads(rusage.read_text(encoding="utf-8")) if rusage.exists() else {}
    )
    try:
        report: dict[str, Any] = json.loads(stdout.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        report = {}
    return ImportResult(
        measured=measured,
        self_maxrss_kib=int(usage.get("self_maxrss_kib", 0)),
        self_cpu=float(usage.get("self_cpu", 0.0)),
        children_maxrss_kib_kernel=int(usage.get("children_maxrss_kib", 0)),
        tool_calls=read_tool_log(log) if traced else [],
        report=report,
        exit=1 if measured.failed else 0,
        stderr=stderr.read_text(encoding="utf-8", errors="replace") if stderr.exists() else "",
    )


@dataclass(frozen=True)
class Peer:
    label: str
    measured: Measured | None  # None: not run
    output: TreeSize | None = None
    note: str = ""


def run_pdftoppm_png(pdf: Path, pages: Sequence[PageRender], workdir: Path) -> Peer:
    out = workdir / "peer-pdftoppm-png"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    pdftoppm = tool("pdftoppm")
    commands = []
    for run in runs(pages):
        argv = [pdftoppm, "-png", "-r", str(run[0].dpi)]
        if run[0].gray:
            argv.append("-gray")  # what the importer asks for; poppler 22 still writes RGB PNG
        argv += ["-f", str(run[0].number), "-l", str(run[-1].number), str(pdf), str(out / "p")]
        commands.append(Command(argv, stderr=str(workdir / "peers.stderr")))
    measured = launch(commands, workdir, "pdftoppm-png")
    return Peer("pdftoppm -png -r <native>", measured, tree_size(out), f"{len(commands)} runs")


def run_pdftoppm_render(pdf: Path, pages: Sequence[PageRender], workdir: Path) -> Peer:
    pdftoppm = tool("pdftoppm")
    commands = []
    for run in runs(pages):
        argv = [pdftoppm, "-r", str(run[0].dpi)]
        if run[0].gray:
            argv.append("-gray")
        argv += ["-f", str(run[0].number), "-l", str(run[-1].number), str(pdf)]
        commands.append(Command(argv, stdout=os.devnull, stderr=str(workdir / "peers.stderr")))
    measured = launch(commands, workdir, "pdftoppm-render")
    return Peer("pdftoppm -r <native> > /dev/null", measured, None, "render only, no PNG")


def run_pdfimages(pdf: Path, workdir: Path) -> Peer:
    out = workdir / "peer-pdfimages"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    argv = [tool("pdfimages"), "-all", str(pdf), str(out / "i")]
    measured = launch([Command(argv, stderr=str(workdir / "peers.stderr"))], workdir, "pdfimages")
    return Peer("pdfimages -all", measured, tree_size(out), "JPEG copied; Flate images → PNG")


def absent_peers() -> list[Peer]:
    """Named peers this machine cannot run: said, not faked."""
    peers = []
    venv_bin = str(Path(PYTHON).parent)
    path = f"{venv_bin}{os.pathsep}{os.environ.get('PATH', '')}"
    found = shutil.which("ocrmypdf", path=path)
    if found is None:
        peers.append(Peer("ocrmypdf", None, note="not installed (not on PATH or in the venv)"))
    else:
        peers.append(Peer("ocrmypdf", None, note=f"{found}: not run (it OCRs; we only import)"))
    return peers


# --- the library -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LibraryFacts:
    size: TreeSize
    catalogue_bytes: int
    source_bytes: int
    page_bytes: int
    pages: int
    distinct_pages: int
    shapes: list[tuple[str, int, int, int]]  # media type, width, height, pages
    png_kinds: dict[str, int]  # colour type of the stored PNG pages ("8-bit RGB") → pages


_PNG_COLOURS = {0: "grey", 2: "RGB", 3: "palette", 4: "grey+alpha", 6: "RGBA"}


def png_kind(path: Path) -> str:
    """The colour type and depth a PNG's header declares, e.g. '8-bit RGB'."""
    with path.open("rb") as stream:
        head = stream.read(26)
    if len(head) < 26 or not head.startswith(b"\x89PNG"):
        return "not PNG"
    return f"{head[24]}-bit {_PNG_COLOURS.get(head[25], '?')}"


def library_facts(library: Path) -> LibraryFacts | None:
    catalogue = library / "catalog.sqlite3"
    if not catalogue.exists():
        return None
    db = sqlite3.connect(f"file:{catalogue}?mode=ro", uri=True)
    try:
        pages, distinct = db.execute(
            "SELECT count(*), count(DISTINCT image_sha256) FROM pages"
        ).fetchone()
        page_bytes = db.execute(
            "SELECT coalesce(sum(size), 0) FROM objects WHERE sha256 IN "
            "(SELECT image_sha256 FROM pages)"
        ).fetchone()[0]
        source_bytes = db.execute("SELECT coalesce(sum(size), 0) FROM sources").fetchone()[0]
        shapes = [
            (str(row[0]), int(row[1]), int(row[2]), int(row[3]))
            for row in db.execute(
                "SELECT media_type, width, height, count(*) FROM pages "
                "GROUP BY media_type, width, height ORDER BY count(*) DESC"
            )
        ]
        png_kinds: dict[str, int] = {}
        for (sha256,) in db.execute(
            "SELECT image_sha256 FROM pages WHERE media_type = 'image/png'"
        ):
            kind = png_kind(library / "objects" / sha256[:2] / sha256[2:])
            png_kinds[kind] = png_kinds.get(kind, 0) + 1
    finally:
        db.close()
    catalogue_bytes = sum(
        path.stat().st_size for path in library.glob("catalog.sqlite3*") if path.is_file()
    )
    return LibraryFacts(
        tree_size(library),
        catalogue_bytes,
        int(source_bytes),
        int(page_bytes),
        int(pages),
        int(distinct),
        shapes,
        png_kinds,
    )


# --- the report --------------------------------------------------------------------------------


def fmt_mb(size: int) -> str:
    return f"{size / MB:,.1f} MB"


def table_row(label: str, cells: Sequence[str]) -> str:
    widths = (9, 8, 9, 10, 14, 12)
    return f"  {label:<34}" + "".join(
        f"{cell:>{width}}" for cell, width in zip(cells, widths, strict=True)
    )


def report(
    args: argparse.Namespace,
    pdf: Path,
    pages: Sequence[PageRender],
    result: ImportResult,
    traced: ImportResult,
    peers: Sequence[Peer],
    facts: LibraryFacts | None,
    floor_kib: int,
) -> float:
    """Print the figures; return our peak RSS in MiB (importer + children running at once)."""
    count = len(pages)
    pdf_size = pdf.stat().st_size
    resolutions: dict[tuple[int, bool], int] = {}
    for page in pages:
        resolutions[page.dpi, page.gray] = resolutions.get((page.dpi, page.gray), 0) + 1
    native = ", ".join(
        f"{n} × {dpi} dpi {'grey' if gray else 'colour'}"
        for (dpi, gray), n in sorted(resolutions.items(), key=lambda item: -item[1])
    )
    origin = "given with --pdf" if args.pdf else f"evaluation scans, cycled; {args.variant}"
    print()
    print(f"Import benchmark: {count} pages, {fmt_mb(pdf_size)} PDF ({origin})")
    if not args.pdf:
        print(f"  {args.variant}: {VARIANTS[args.variant]}")
    print(f"  {pdf}")
    print(f"  native resolution: {native}; {os.cpu_count()} cores")
    print()
    print(table_row("", ["wall s", "pages/s", "CPU s", "peak RSS", "peak RSS MiB", "output"]))
    print(table_row("", ["", "", "", "MiB self", "largest child", "MB"]))

    calls = traced.tool_calls
    largest_child = max((call.maxrss_kib for call in calls), default=0)
    together = overlap(calls)
    ours = result.measured
    self_kib = max(result.self_maxrss_kib, traced.self_maxrss_kib)
    library_mb = f"{facts.size.disk / MB:,.1f}" if facts else "?"
    print(
        table_row(
            "digitizer import (CLI)",
            [
                f"{ours.wall:.1f}",
                f"{count / ours.wall:.2f}" if ours.wall else "?",
                f"{ours.cpu:.1f}",
                f"{mib(self_kib):.1f}",
                f"{mib(largest_child):.1f}",
                library_mb,
            ],
        )
        + "   library"
    )
    for peer in peers:
        if peer.measured is None:
            print(f"  {peer.label:<34}{peer.note}")
            continue
        m = peer.measured
        failed = "  FAILED" if m.failed else ""
        print(
            table_row(
                peer.label,
                [
                    f"{m.wall:.1f}",
                    f"{count / m.wall:.2f}" if m.wall else "?",
                    f"{m.cpu:.1f}",
                    "-",
                    f"{mib(m.maxrss_kib):.1f}",
                    f"{peer.output.disk / MB:,.1f}" if peer.output else "-",
                ],
            )
            + f"   {peer.note}{failed}"
        )

    children = mib(together.peak_kib)
    our_peak = mib(self_kib) + children
    print()
    print("Ratios")
    for peer in peers:
        if peer.measured and peer.measured.wall and peer.label.startswith("pdftoppm"):
            ratio = ours.wall / peer.measured.wall
            print(f"  our time / {peer.label} time: {ratio:.2f}×")
    verdict = "within" if our_peak <= BUDGET_MIB else "OVER"
    print(
        f"  our peak RSS ({mib(self_kib):.1f} importer + {children:.1f} children "
        f"= {our_peak:.1f} MiB) / {BUDGET_MIB:.0f} MiB budget: {our_peak / BUDGET_MIB:.2f}  "
        f"({verdict} budget)"
    )
    print(
        f"    children: at most {together.most_at_once} poppler tool(s) at once, {children:.1f} "
        f"MiB the largest sum of their peaks (the largest single one: "
        f"{mib(largest_child):.1f} MiB)"
    )

    print()
    if facts:
        print(
            f"Library on disk: {fmt_mb(facts.size.disk)} in {facts.size.files} files "
            f"= {facts.size.disk / pdf_size:.2f}× the PDF ({fmt_mb(pdf_size)})"
        )
        print(
            f"  original PDF {fmt_mb(facts.source_bytes)}, page images {fmt_mb(facts.page_bytes)}"
            f" ({facts.page_bytes / pdf_size:.2f}× the PDF), catalogue "
            f"{facts.catalogue_bytes / 1024:,.0f} KiB"
        )
        print(f"  pages {facts.pages}, distinct page images {facts.distinct_pages}")
        shapes = ", ".join(f"{n} × {w}×{h} {kind}" for kind, w, h, n in facts.shapes[:6])
        print(f"  stored as: {shapes}")
        kinds = ", ".join(f"{n} × {kind}" for kind, n in facts.png_kinds.items())
        grey = sum(page.gray for page in pages)
        print(f"  PNG pages: {kinds or 'none'}; {grey} of {count} pages hold only grey scans")
    else:
        print("Library: none was made.")

    print()
    print(
        f"Where the import's time goes: a second, traced import ({traced.measured.wall:.1f} s; "
        f"the untraced one above took {ours.wall:.1f} s) ran each poppler tool behind a shim"
    )
    by_tool: dict[str, list[ToolCall]] = {}
    for call in calls:
        by_tool.setdefault(call.tool, []).append(call)
    for name, group in sorted(by_tool.items(), key=lambda item: -sum(c.wall for c in item[1])):
        wall = sum(call.wall for call in group)
        cpu = sum(call.cpu for call in group)
        peak = max(call.maxrss_kib for call in group)
        print(
            f"  {name:<10} {len(group):>4} call{'s' if len(group) != 1 else ' '}"
            f" {wall:>9.1f} s summed, CPU {cpu:>7.1f} s   peak {mib(peak):6.1f} MiB"
        )
    total = traced.measured.wall
    idle = total - together.busy
    share = 100 * together.busy / total if total else 0.0
    print(f"  some poppler tool running: {together.busy:.1f} s of {total:.1f} s ({share:.0f}%)")
    print(
        f"  none running: {idle:.1f} s, the importer alone, shim start-ups included (its own "
        f"CPU over the whole run: {traced.self_cpu:.1f} s; untraced: {result.self_cpu:.1f} s)"
    )

    print()
    print("Notes")
    print(
        f"  Peaks are kernel maxima (os.wait4 / getrusage), floor {mib(floor_kib):.1f} MiB: "
        "the size of the launcher a tool starts from."
    )
    print(
        f"  RUSAGE_CHILDREN read inside the importer says "
        f"{mib(traced.children_maxrss_kib_kernel):.1f} MiB: Linux starts a child's peak at its "
        "parent's size when it execs, so that is the importer's size when it started a tool, "
        "not the tool's; hence the shims."
    )
    print("  Peers run one after another on the same PDF, never at the same time as the import.")

    for done in (result, traced):
        if done.exit != 0 or done.report.get("failed"):
            print()
            print("The import FAILED:")
            for failure in done.report.get("failed", []):
                print(f"  {failure.get('code')}: {failure.get('message')}")
            for line in done.stderr.strip().splitlines()[-10:]:
                print(f"  {line}")
    return our_peak


def reproduce_command(args: argparse.Namespace) -> str:
    command = [".venv/bin/python", "bench/import.py"]
    if args.pdf:
        command += ["--pdf", str(args.pdf)]
    else:
        command += ["--pages", str(args.pages)]
        if args.variant != "unique":
            command += ["--variant", args.variant]
    if args.no_peers:
        command.append("--no-peers")
    if args.workdir:
        command += ["--workdir", str(args.workdir)]
    return f"cd {shlex.quote(str(REPO))} && {shlex.join(command)}"


# --- main --------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/import.py",
        description="Time a long scanned-PDF import through the digitizer command line, with "
        "its peak memory, beside poppler's pdftoppm on the same file.",
    )
    parser.add_argument(
        "--pages",
        type=int,
        default=DEFAULT_PAGES,
        help=f"pages of the PDF to build (default {DEFAULT_PAGES})",
    )
    parser.add_argument(
        "--variant",
        choices=sorted(VARIANTS),
        default="unique",
        help="how repeats of the evaluation scans are told apart: "
        + "; ".join(f"{name}: {text}" for name, text in VARIANTS.items())
        + " (default unique)",
    )
    parser.add_argument("--pdf", type=Path, help="use this PDF instead of building one")
    add_workdir_argument(parser, "the PDF, library and peer outputs")
    parser.add_argument("--no-peers", action="store_true", help="run the import only")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--build-only", type=Path, metavar="PATH", help="build the PDF at PATH")
    args = parser.parse_args(argv)
    if args.pages <= 0:
        parser.error("--pages must be positive")
    if args.pdf is not None and not args.pdf.is_file():
        parser.error(f"no PDF at {args.pdf}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.build_only:
        build_pdf(args.build_only, args.pages, args.variant)
        return EXIT_OK

    workdir = make_workdir(args.workdir, "digitizer-bench-")
    try:
        return run(args, workdir)
    finally:
        if not args.workdir and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        elif not args.workdir:
            say(f"kept {workdir}")


def run(args: argparse.Namespace, workdir: Path) -> int:
    if args.pdf:
        pdf = args.pdf.resolve()
    else:
        pdf = workdir / f"bench-{args.pages}-{args.variant}.pdf"
        say(f"building a {args.pages}-page PDF ({args.variant}) with img2pdf in {workdir}")
        started = time.perf_counter()
        make_pdf(pdf, args.pages, args.variant)
        say(f"  {fmt_mb(pdf.stat().st_size)} in {time.perf_counter() - started:.1f} s")
    pages = native_pages(pdf)
    floor_kib = measurement_floor(workdir)
    commit, changed = git_state()

    say(f"importing {len(pages)} pages into a fresh library (code at {commit})")
    result = run_import(pdf, workdir, traced=False)
    say(f"  {result.measured.wall:.1f} s")
    facts = library_facts(workdir / "library")
    say("importing again into another fresh library, each poppler tool behind a shim")
    traced = run_import(pdf, workdir, traced=True)
    say(f"  {traced.measured.wall:.1f} s")

    peers: list[Peer] = []
    if not args.no_peers:
        say("pdftoppm -png at the native resolution, the whole PDF (the slow part)")
        peers.append(run_pdftoppm_png(pdf, pages, workdir))
        say(f"  {peers[-1].measured.wall if peers[-1].measured else 0:.1f} s")
        say("pdftoppm rendering only, to /dev/null")
        peers.append(run_pdftoppm_render(pdf, pages, workdir))
        say("pdfimages -all")
        peers.append(run_pdfimages(pdf, workdir))
        peers += absent_peers()

    our_peak = report(args, pdf, pages, result, traced, peers, facts, floor_kib)
    print()
    edited = " plus uncommitted changes" if changed else ""
    print(f"Code measured: commit {commit}{edited}")
    print("Reproduce with:")
    print(f"  {reproduce_command(args)}")

    peer_failed = any(peer.measured and peer.measured.failed for peer in peers)
    for done in (result, traced):
        imported = sum(int(item.get("pages", 0)) for item in done.report.get("imported", []))
        if done.exit != 0 or imported != len(pages) or peer_failed:
            print(f"\nFAILED: imported {imported} of {len(pages)} pages, or a peer failed.")
            return EXIT_FAILED
    if our_peak > BUDGET_MIB:
        print(f"\nOVER BUDGET: {our_peak:.1f} MiB > {BUDGET_MIB:.0f} MiB")
        return EXIT_OVER_BUDGET
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
