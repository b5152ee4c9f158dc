"""A stand-in for Tesseract, named through the engine seam by `bench/ocr.py --memory
--stand-in`: each worker process reads its first page with Tesseract and hands that word model
back for every later page. Everything else of the OCR path runs for real (preparation, the
recognition copy, restoration, filing), so a 1,000-page document's memory can be measured in
minutes; Tesseract's own peak per process is measured by a run without it."""

from __future__ import annotations

from ocr.engine import EngineSettings, PageImage, recognise
from ocr.words import PageText

_first: list[PageText] = []


def read_once(image: PageImage, dpi: int, settings: EngineSettings) -> PageText:
    if not _first:
        _first.append(recognise(image, dpi, settings))
    return _first[0]
