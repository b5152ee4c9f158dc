"""Benchmark: how the OCR path reads real scans, page by page.

For each page of ../shared/eval/real-scans (images, folders of page images, PDFs rendered the
way import renders them) and of ../shared/eval/real-tt23 (pages with `.gt.txt` truth), the
page goes through the same work a pipeline worker does (`work_on_page`: preparation,
recognition, tone-mark restoration) and one line is printed: the orientation chosen and why, the
resolution used, the mean confidence, the share of valid Vietnamese syllables and, where there
is truth, the order-insensitive word recall and the CER.

`--turns 0,90,180,270` also feeds every real-scans page turned clockwise by each angle, and says
whether it came out upright (the quarter turns chosen undo the turn given). Tesseract runs with
OMP_THREAD_LIMIT=1, one page at a time; run it under `nice -n 10`.

Usage (from the repository root):
`nice -n 10 .venv/bin/python bench/real_scans.py [--turns 0,90,180,270] [--only NAME]`.
Exit status: 0 done, 1 a turned page came out the wrong way up, 2 bad usage.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":
    # Run as `python bench/real_scans.py`, this file's folder would come first on sys.path.
    _HERE = Path(__file__).resolve().parent
    sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != _HERE]
    sys.path.append(str(_HERE.parent))

import argparse
import os
import shutil
import statistics
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass

from PIL import Image

from bench.common import git_state
from digitizer.acquire.formats import DEFAULT_MAX_PIXELS, identify
from digitizer.acquire.images import read_dpi
from digitizer.acquire.pdf import page_images, probe_pdf
from digitizer.locations import language_model_path
from digitizer.pipeline.page_work import PageTask, work_on_page
from ocr.engine import EngineSettings
from ocr.metrics import score, syllable_share, word_recall
from ocr.prepare import PrepareSettings

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")


@dataclass(frozen=True)
class BenchPage:
    name: str
    image: Path
    dpi: int
    truth: str | None = None


def real_scan_pages(folder: Path, work: Path) -> Iterator[BenchPage]:
    for entry in sorted(folder.iterdir()):
        if entry.is_dir():
            for page in sorted(entry.iterdir()):
                if page.suffix.lower() in IMAGE_SUFFIXES:
                    yield _image_page(f"{entry.name}/{page.stem}", page)
        elif entry.suffix.lower() in IMAGE_SUFFIXES:
            yield _image_page(entry.stem, entry)
        elif entry.suffix.lower() == ".pdf":
            probed = probe_pdf(identify(entry), None, DEFAULT_MAX_PIXELS)
            target = work / entry.stem
            target.mkdir(parents=True, exist_ok=True)
            for rendered in page_images(probed, probed.pages, target, None):
                yield BenchPage(f"{entry.stem}#{rendered.number}", rendered.path, rendered.dpi)


def truth_pages(folder: Path) -> Iterator[BenchPage]:
    for image in sorted(folder.iterdir()):
        truth = image.with_name(image.stem + ".gt.txt")
        if image.suffix.lower() in IMAGE_SUFFIXES and truth.is_file():
            page = _image_page(f"{folder.name}/{image.stem}", image)
            yield BenchPage(page.name, page.image, page.dpi, truth.read_text(encoding="utf-8"))


def _image_page(name: str, path: Path) -> BenchPage:
    with Image.open(path) as image:
        dpi = read_dpi(image.info)
    return BenchPage(name, path, round(dpi) if dpi else 300)


def turned_copy(page: BenchPage, degrees: int, work: Path) -> BenchPage:
    """The page turned clockwise by `degrees`, as a lossless PNG."""
    if degrees == 0:
        return page
    with Image.open(page.image) as image:
        image.load()
        turned = image.rotate(-degrees, expand=True)
    target = work / f"turned-{degrees}-{page.name.replace('/', '_').replace('#', '_')}.png"
    turned.save(target, dpi=(page.dpi, page.dpi))
    return BenchPage(page.name, target, page.dpi, page.truth)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--turns", default="0", help="clockwise turns to feed, e.g. 0,90,180,270")
    parser.add_argument("--only", default="", help="only pages whose name contains this")
    parser.add_argument("--no-truth", action="store_true", help="skip real-tt23")
    parser.add_argument("--no-scans", action="store_true", help="skip real-scans")
    args = parser.parse_args(argv)
    try:
        turns = [int(value) % 360 for value in args.turns.split(",")]
    except ValueError:
        parser.print_usage(sys.stderr)
        return 2
    os.environ["OMP_THREAD_LIMIT"] = "1"
    commit, dirty = git_state()
    print(f"commit {commit}{' (uncommitted changes)' if dirty else ''}")
    model = language_model_path()
    work = Path(tempfile.mkdtemp(prefix="bench-real-scans-"))
    wrong = 0
    recalls: dict[str, float] = {}
    header = (
        f"{'page':34} {'turn':>4} {'chose':>5} {'ok':>3} {'dpi':>4} {'conf':>5} "
        f"{'syll':>5} {'recall':>6} {'cer':>6} {'sec':>5}  why"
    )
    print(header)
    try:
        pages: list[BenchPage] = []
        if not args.no_scans:
            pages += list(real_scan_pages(EVAL / "real-scans", work))
        if not args.no_truth:
            pages += list(truth_pages(EVAL / "real-tt23"))
        for page in pages:
            if args.only not in page.name:
                continue
            for degrees in turns if page.truth is None else [0]:
                fed = turned_copy(page, degrees, work)
                scratch = work / "scratch"
                scratch.mkdir(exist_ok=True)
                outcome = work_on_page(
                    PageTask(
                        page_id=0,
                        image=str(fed.image),
                        dpi=fed.dpi,
                        engine=EngineSettings(),
                        prepare=PrepareSettings(),
                        scratch=str(scratch),
                        restoration_model=str(model) if model.is_file() else "",
                    )
                )
                if not outcome.ok:
                    print(f"{page.name:34} {degrees:>4} failed: {outcome.error_code}")
                    continue
                chosen = int(outcome.preparation.get("quarter_turns", 0)) % 4
                # A clockwise turn of the page is undone by as many counter-clockwise turns.
                upright = chosen == (degrees // 90) % 4
                blank = outcome.word_count == 0  # nothing to read: no orientation to find
                wrong += not (upright or blank)
                verdict = "-" if blank else ("yes" if upright else "NO")
                recall = cer = ""
                if page.truth is not None:
                    value = word_recall(outcome.text, page.truth)
                    recalls[page.name] = value
                    recall = f"{value:6.1%}"
                    cer = f"{score(outcome.text, page.truth).cer:6.2%}"
                confidence = outcome.mean_confidence or 0.0
                why = outcome.preparation.get("orientation_reason", "")
                print(
                    f"{page.name:34} {degrees:>4} {chosen * 90:>5} {verdict:>3} "
                    f"{fed.dpi:>4} {confidence:5.1f} {syllable_share(outcome.text):5.1%} "
                    f"{recall:>6} {cer:>6} {outcome.seconds:5.1f}  {why}",
                    flush=True,
                )
                shutil.rmtree(scratch, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    forms = [recalls[name] for name in recalls if name.rsplit("-", 1)[-1] in ("016", "017", "019")]
    if forms:
        print(f"real-tt23 pages 16, 17, 19: mean word recall {statistics.mean(forms):.1%}")
    if recalls:
        print(f"real-tt23 all pages: mean word recall {statistics.mean(recalls.values()):.1%}")
    print(f"pages out the wrong way up: {wrong}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
