"""`digitizer eval`: run the whole pipeline on pages with known text and score the result.

Each page image in the folder needs its ground truth beside it (`page.png` → `page.gt.txt`).
The pages go through a throwaway library exactly as a user's would: import, prepare, recognise.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from digitizer.acquire.discover import files_in
from digitizer.acquire.importer import ImportOptions, import_paths
from digitizer.errors import FileNotFound, InputError
from digitizer.library import Library
from digitizer.pipeline.ocr import OcrOptions, run_ocr
from digitizer.progress import CancelEvent, Progress
from ocr.metrics import Score, score

GROUND_TRUTH_SUFFIX = ".gt.txt"


@dataclass(frozen=True)
class PageScore:
    image: str
    score: Score
    seconds: float
    skew_degrees: float
    quarter_turns: int

    def as_json(self) -> dict[str, Any]:
        return {
            "image": self.image,
            "cer": round(self.score.cer, 5),
            "wer": round(self.score.wer, 5),
            "chars": self.score.chars,
            "char_errors": self.score.char_errors,
            "words": self.score.words,
            "word_errors": self.score.word_errors,
            "seconds": round(self.seconds, 3),
            "skew_degrees": self.skew_degrees,
            "quarter_turns": self.quarter_turns,
        }


@dataclass
class EvalReport:
    pages: list[PageScore] = field(default_factory=list)
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # image, code, message
    seconds: float = 0.0

    @property
    def total(self) -> Score:
        total = Score(0, 0, 0, 0)
        for page in self.pages:
            total = total + page.score
        return total

    @property
    def mean_cer(self) -> float:
        return sum(p.score.cer for p in self.pages) / len(self.pages) if self.pages else 0.0

    @property
    def mean_wer(self) -> float:
        return sum(p.score.wer for p in self.pages) / len(self.pages) if self.pages else 0.0

    def as_json(self) -> dict[str, Any]:
        total = self.total
        return {
            "pages": [page.as_json() for page in self.pages],
            "failed": [{"image": i, "code": c, "message": m} for i, c, m in self.failed],
            "overall": {
                "pages": len(self.pages),
                "cer": round(total.cer, 5),
                "wer": round(total.wer, 5),
                "mean_cer": round(self.mean_cer, 5),
                "mean_wer": round(self.mean_wer, 5),
                "seconds": round(self.seconds, 3),
            },
        }


def ground_truth_pages(folder: Path) -> list[tuple[Path, Path]]:
    """(image, ground truth) pairs under `folder`, in natural order."""
    if not folder.is_dir():
        raise FileNotFound(f"{folder} is not a folder.", source=folder)
    pairs = []
    for image in files_in(folder):
        if image.name.endswith(GROUND_TRUTH_SUFFIX):
            continue
        truth = image.with_name(image.name.rsplit(".", 1)[0] + GROUND_TRUTH_SUFFIX)
        if truth.is_file():
            pairs.append((image, truth))
    if not pairs:
        raise InputError(
            f"No page images with ground truth in {folder}: each page.png needs a page.gt.txt.",
            source=folder,
        )
    return pairs


def evaluate(
    folder: Path,
    options: OcrOptions | None = None,
    progress: Progress | None = None,
    cancel: CancelEvent | None = None,
) -> EvalReport:
    started = time.perf_counter()
    pairs = ground_truth_pages(folder)
    report = EvalReport()
    with (
        tempfile.TemporaryDirectory(prefix="digitizer-eval-") as scratch,
        Library.open(Path(scratch) / "library", create=True) as library,
    ):
        imported = import_paths(library, [image for image, _ in pairs], ImportOptions())
        for failure in imported.failed:
            report.failed.append((failure.source, failure.code, failure.message))
        by_source = {item.source: item.document_id for item in imported.imported}
        by_source |= {item.source: item.document_id for item in imported.duplicates}
        run_ocr(library, sorted(set(by_source.values())), options, progress, cancel)
        for image, truth in pairs:
            document_id = by_source.get(str(image))
            if document_id is None:
                continue
            texts = library.page_texts(document_id)
            if 1 not in texts:
                report.failed.append((str(image), "ocr-failed", "no text was recognised"))
                continue
            record = texts[1]
            report.pages.append(
                PageScore(
                    image=str(image.relative_to(folder)),
                    score=score(record.text, truth.read_text(encoding="utf-8")),
                    seconds=record.seconds,
                    skew_degrees=float(record.preparation.get("skew_degrees", 0.0)),
                    quarter_turns=int(record.preparation.get("quarter_turns", 0)),
                )
            )
    report.seconds = time.perf_counter() - started
    return report
