"""A worker holds no page but the grey copy Tesseract reads while it reads: with two workers
reading, two colour pages beside their grey copies (35 MB each at 300 ppi) would otherwise sit
in memory for most of every page's time."""

from __future__ import annotations

import gc
from pathlib import Path

from PIL import Image

from digitizer.pipeline.page_work import PageTask, work_on_page
from ocr.engine import EngineSettings, PageImage, recognise
from ocr.prepare import PrepareSettings
from ocr.words import PageText
from tests.helpers.text_pages import text_page

DPI = 200
_PAGES_HELD: list[int] = []


def _pages_in_memory(size: tuple[int, int]) -> int:
    gc.collect()
    return sum(
        1
        for thing in gc.get_objects()
        if isinstance(thing, Image.Image) and thing.size in (size, size[::-1])
    )


def watching_engine(image: PageImage, dpi: int, settings: EngineSettings) -> PageText:
    """Tesseract, after counting the decoded pages of the page's size alive in the process
    (the grey copy it is given among them)."""
    assert isinstance(image, Image.Image) and image.mode == "L"
    _PAGES_HELD.append(_pages_in_memory(image.size))
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

    assert outcome.ok, outcome.error_message
    assert outcome.text.strip()
    assert _PAGES_HELD and max(_PAGES_HELD) == 1, _PAGES_HELD
