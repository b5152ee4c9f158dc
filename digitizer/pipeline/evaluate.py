"""`digitizer eval`: run the whole pipeline on pages with known text and score the result.

Each page image in the folder needs its ground truth beside it (`page.png` → `page.gt.txt`).
The pages go through a throwaway library exactly as a user's would: import, prepare, recognise,
restore tone marks. Each page is scored twice in the same run: its text, and its text as
recognition read it before restoration (from the word model, which keeps both).
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
from ocr.metrics import Score, score, word_recall
from ocr.words import PageText

GROUND_TRUTH_SUFFIX = ".gt.txt"


@dataclass(frozen=True)
class PageScore:
    image: str
    score: Score
    seconds: float
    skew_degrees: float
    quarter_turns: int
    unrestored: Score | None = None
    """The score of the text as recognised, before tone-mark restoration."""
    restore_seconds: float = 0.0
    restored_words: int = 0
    recall: float = 0.0
    """Share of the truth's words found in the text, in any order (leaders ignored)."""

    @property
    def before_restoration(self) -> Score:
        return self.unrestored or self.score

    def as_json(self) -> dict[str, Any]:
        return {
            "image": self.image,
            "cer": round(self.score.cer, 5),
            "wer": round(self.score.wer, 5),
            "recall": round(self.recall, 5),
            "chars": self.score.chars,
            "char_errors": self.score.char_errors,
            "words": self.score.words,
            "word_errors": self.score.word_errors,
            "cer_unrestored": round(self.before_restoration.cer, 5),
            "wer_unrestored": round(self.before_restoration.wer, 5),
            "char_errors_unrestored": self.before_restoration.char_errors,
            "restored_words": self.restored_words,
            "seconds": round(self.seconds, 3),
            "restore_seconds": round(self.restore_seconds, 4),
            "skew_degrees": self.skew_degrees,
            "quarter_turns": self.quarter_turns,
        }


@dataclass
class EvalReport:
    pages: list[PageScore] = field(default_factory=list)
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # image, code, message
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed

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

    @property
    def mean_recall(self) -> float:
        return sum(p.recall for p in self.pages) / len(self.pages) if self.pages else 0.0

    @property
    def mean_cer_unrestored(self) -> float:
        cers = [p.before_restoration.cer for p in self.pages]
        return sum(cers) / len(cers) if cers else 0.0

    @property
    def restore_share(self) -> float:
        """Restoration's time as a share of the rest of the pages' OCR time."""
        restoring = sum(p.restore_seconds for p in self.pages)
        rest = sum(p.seconds for p in self.pages) - restoring
        return restoring / rest if rest > 0 else 0.0

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
                "mean_recall": round(self.mean_recall, 5),
                "mean_cer_unrestored": round(self.mean_cer_unrestored, 5),
                "restore_share": round(self.restore_share, 4),
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
            reference = truth.read_text(encoding="utf-8")
            words = PageText.from_bytes(library.read_object(record.words_sha256))
            report.pages.append(
                PageScore(
                    image=str(image.relative_to(folder)),
                    score=score(record.text, reference),
                    seconds=record.seconds,
                    skew_degrees=float(record.preparation.get("skew_degrees", 0.0)),
                    quarter_turns=int(record.preparation.get("quarter_turns", 0)),
                    unrestored=score(words.recognised_text, reference),
                    restore_seconds=float(record.preparation.get("timings", {}).get("restore", 0)),
                    restored_words=sum(1 for _ in words.restored_words()),
                    recall=word_recall(record.text, reference),
                )
            )
    report.seconds = time.perf_counter() - started
    return report
