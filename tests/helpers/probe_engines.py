"""An OCR engine that notes what the worker process reading the page has loaded, named through
the engine seam (`DIGITIZER_OCR_ENGINE=tests.helpers.probe_engines:noting_modules`), then reads
the page with Tesseract."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ocr.engine import EngineSettings, PageImage, recognise
from ocr.words import PageText

MODULES_NOTE = "DIGITIZER_TEST_MODULES_NOTE"
"""A file to which each page read adds one line: the digitizer modules loaded, space-separated."""


def noting_modules(image: PageImage, dpi: int, settings: EngineSettings) -> PageText:
    loaded = sorted(name for name in sys.modules if name.startswith("digitizer"))
    with Path(os.environ[MODULES_NOTE]).open("a", encoding="utf-8") as out:
        out.write(" ".join(loaded) + "\n")
    return recognise(image, dpi, settings)
