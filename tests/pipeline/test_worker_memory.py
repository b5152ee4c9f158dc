"""A worker holds no page but the grey copy Tesseract reads while it reads: with two workers
reading, two colour pages beside their grey copies (35 MB each at 300 ppi) would otherwise sit
in memory for most of every page's time.

Decoded images are counted among the live objects; pixel arrays, which the garbage collector
does not list, by the memory Python's allocator traces (numpy's arrays are traced, Pillow's
images are not)."""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

import numpy as np
from PIL import Image

from digitizer.pipeline.page_work import PageTask, work_on_page
from ocr.engine import EngineSettings, PageImage, recognise
from ocr.prepare import PrepareSettings
from ocr.words import PageText
from tests.helpers.text_pages import text_page

DPI = 200
_PAGES_HELD: list[int] = []
_BLOCKS_HELD: list[list[int]] = []


def _pages_in_memory(size: tuple[int, int]) -> int:
    gc.collect()
    return sum(
        1
        for thing in gc.get_objects()
        if isinstance(thing, Image.Image) and thing.size in (size, size[::-1])
    )


def watching_engine(image: PageImage, dpi: int, settings: EngineSettings) -> PageText:
    """Tesseract, after counting the decoded pages of the page's size alive in the process
    and the page-sized blocks of traced memory (the grey copy it is given among them)."""
    assert isinstance(image, np.ndarray) and image.dtype == np.uint8 and image.ndim == 2
    height, width = image.shape
    _PAGES_HELD.append(_pages_in_memory((width, height)))
    # Blocks of half a grey page or more: pages, not the small change of imports and words.
    _BLOCKS_HELD.append(
        sorted(
            trace.size
            for trace in tracemalloc.take_snapshot().traces
            if trace.size >= width * height // 2
        )
    )
    return recognise(image, dpi, settings)


def test_only_the_grey_copy_is_held_while_tesseract_reads(tmp_path: Path) -> None:
    page = text_page(line_count=8, dpi=DPI)
    path = tmp_path / "page.png"
    page.image.convert("RGB").save(path, dpi=(DPI, DPI))
    size = page.image.size
    del page
    assert _pages_in_memory(size) == 0
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    _PAGES_HELD.clear()
    _BLOCKS_HELD.clear()
    tracemalloc.start()
    try:
        outcome = work_on_page(
            PageTask(
                1,
                str(path),
                DPI,
                EngineSettings(),
                PrepareSettings(),
                str(scratch),
                engine_name=f"{__name__}:watching_engine",
            )
        )
    finally:
        tracemalloc.stop()

    assert outcome.ok, outcome.error_message
    assert outcome.text.strip()
    grey_page = size[0] * size[1]
    assert _PAGES_HELD and max(_PAGES_HELD) == 0, _PAGES_HELD
    # The grey copy, and not a second page beside it (a grey one as big, a colour one three
    # times as big).
    assert _BLOCKS_HELD and all(len(blocks) == 1 for blocks in _BLOCKS_HELD), _BLOCKS_HELD
    assert all(grey_page <= blocks[0] < 1.1 * grey_page for blocks in _BLOCKS_HELD)
