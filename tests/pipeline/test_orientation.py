"""Orientation that cannot make a page worse: drawn pages fed in all four orientations come out
upright, and a wrong turn from the shape heuristic is undone by reading the page, with the
reason in the page's preparation record. Real Tesseract throughout."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from digitizer.pipeline.page_work import PageTask, work_on_page
from ocr import prepare
from ocr.engine import EngineSettings, recognise
from ocr.metrics import score
from ocr.orient import check_orientation, reads_upright
from ocr.prepare import PrepareSettings
from ocr.words import PageText
from tests.helpers.text_pages import text_page

TURN = {1: Image.Transpose.ROTATE_90, 2: Image.Transpose.ROTATE_180, 3: Image.Transpose.ROTATE_270}


def _turned_page(folder: Path, turns: int, dpi: int = 200) -> tuple[Path, str]:
    page = text_page(line_count=8, dpi=dpi)
    image = page.image.transpose(TURN[turns]) if turns else page.image
    path = folder / f"page-{turns}.png"
    image.save(path, dpi=(dpi, dpi))
    return path, page.text


def _work(image: Path, scratch: Path, dpi: int = 200) -> tuple[int, str, dict[str, object]]:
    scratch.mkdir(exist_ok=True)
    outcome = work_on_page(
        PageTask(1, str(image), dpi, EngineSettings(), PrepareSettings(), str(scratch))
    )
    assert outcome.ok, outcome.error_message
    return int(outcome.preparation["quarter_turns"]), outcome.text, outcome.preparation


@pytest.mark.parametrize("turns", [0, 1, 2, 3])
def test_reading_finds_the_upright_orientation(tmp_path: Path, turns: int) -> None:
    image, _ = _turned_page(tmp_path, turns)

    check = check_orientation(image, 200, EngineSettings())

    # The page was turned `turns` times counter-clockwise; as many more make a full turn.
    assert check.extra_turns == (4 - turns) % 4
    assert max(check.scores) == check.scores[check.extra_turns]
    assert "read in four orientations" in check.reason


@pytest.mark.parametrize("turns", [0, 1, 2, 3])
def test_every_orientation_of_a_page_comes_out_upright(tmp_path: Path, turns: int) -> None:
    image, truth = _turned_page(tmp_path, turns)

    chosen, text, preparation = _work(image, tmp_path / "scratch")

    assert chosen == (4 - turns) % 4
    assert score(text, truth).cer < 0.05
    assert preparation.get("orientation_reason")


@pytest.mark.parametrize("wrong", [1, 2, 3])
def test_a_doubtful_wrong_turn_is_undone_by_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wrong: int
) -> None:
    """The shape heuristic fooled (as a seal or a stamp fools it) and unsure: reading decides."""
    image, truth = _turned_page(tmp_path, 0)
    real = prepare._orientation

    def fooled(*args: object, **kwargs: object) -> tuple[int, object, str, bool]:
        _, skew, _, _ = real(*args, **kwargs)  # type: ignore[arg-type]
        return wrong, None if wrong % 2 else skew, "fooled", False

    monkeypatch.setattr(prepare, "_orientation", fooled)

    chosen, text, preparation = _work(image, tmp_path / "scratch")

    assert chosen == 0
    assert score(text, truth).cer < 0.05
    reason = str(preparation["orientation_reason"])
    assert reason.startswith("fooled; read in four orientations")


def test_a_doubtful_page_that_reads_upright_is_not_read_four_ways(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Shapes in doubt (a flowchart, a table), but the page read as it is reads well, along
    level lines: that settles it, without four more readings."""
    image, truth = _turned_page(tmp_path, 0)
    real = prepare._orientation

    def doubtful(*args: object, **kwargs: object) -> tuple[int, object, str, bool]:
        turns, skew, _, _ = real(*args, **kwargs)  # type: ignore[arg-type]
        return turns, skew, "in doubt", False

    monkeypatch.setattr(prepare, "_orientation", doubtful)

    chosen, text, preparation = _work(image, tmp_path / "scratch")

    assert chosen == 0
    assert score(text, truth).cer < 0.05
    timings = preparation["timings"]
    assert isinstance(timings, dict) and "orientation_reading" not in timings
    assert preparation["orientation_reason"] == "in doubt; the text read upright"


def test_a_page_a_quarter_turn_clockwise_reads_well_but_not_upright(tmp_path: Path) -> None:
    """Tesseract's layout reads lines running down the page as well as level ones: only the
    words' boxes tell that the page lies on its side."""
    image, truth = _turned_page(tmp_path, 3)
    sideways = recognise(image, 200, EngineSettings())
    assert score(sideways.text, truth).cer < 0.05  # read well …
    assert not reads_upright(sideways)  # … yet not upright
    upright, _ = _turned_page(tmp_path, 0)
    assert reads_upright(recognise(upright, 200, EngineSettings()))
    for turns in (1, 2):
        turned, _ = _turned_page(tmp_path, turns)
        assert not reads_upright(recognise(turned, 200, EngineSettings()))


def test_a_sure_but_wrong_turn_is_undone_when_the_text_reads_poorly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    image, truth = _turned_page(tmp_path, 0)
    real = prepare._orientation

    def fooled(*args: object, **kwargs: object) -> tuple[int, object, str, bool]:
        _, skew, _, _ = real(*args, **kwargs)  # type: ignore[arg-type]
        return 2, skew, "sure and wrong", True

    monkeypatch.setattr(prepare, "_orientation", fooled)

    chosen, text, preparation = _work(image, tmp_path / "scratch")

    assert chosen == 0
    assert score(text, truth).cer < 0.05
    assert "read in four orientations" in str(preparation["orientation_reason"])


def test_a_clear_upright_page_is_read_once(tmp_path: Path) -> None:
    image, _ = _turned_page(tmp_path, 0)

    _, _, preparation = _work(image, tmp_path / "scratch")

    timings = preparation["timings"]
    assert isinstance(timings, dict)
    assert "orientation_reading" not in timings
    assert "ink above lines" in str(preparation["orientation_reason"])


def test_a_low_resolution_page_is_read_enlarged_and_its_words_stay_on_their_ink(
    tmp_path: Path,
) -> None:
    """The words read on the enlarged copy come back in the page's own frame, each box on its
    word's ink."""
    dpi = 100
    page = text_page(line_count=6, dpi=dpi)
    image = page.save(tmp_path / "page.png")
    scratch = tmp_path / "scratch"
    scratch.mkdir()

    outcome = work_on_page(
        PageTask(1, str(image), dpi, EngineSettings(), PrepareSettings(), str(scratch))
    )

    assert outcome.ok, outcome.error_message
    assert outcome.preparation["recognition_copy"]["scale"] == 2
    assert score(outcome.text, page.text).cer < 0.03
    assert outcome.words is not None
    words = PageText.from_bytes(Path(outcome.words.path).read_bytes())
    assert (words.width, words.height, words.dpi) == (*page.image.size, dpi)
    ink = np.asarray(page.image.convert("L")) < 128
    for word in words.words():
        box = word.box
        assert 0 <= box.x0 < box.x1 <= page.image.width
        assert 0 <= box.y0 < box.y1 <= page.image.height
        # Shifted or shrunk, a box would leave ink of its word just above or below it.
        around = ink[max(0, box.y0 - 6) : box.y1 + 6, box.x0 : box.x1].sum()
        assert ink[box.y0 : box.y1, box.x0 : box.x1].sum() >= 0.95 * around > 0


def test_a_blank_page_is_not_read_four_ways(tmp_path: Path) -> None:
    Image.new("L", (1654, 2339), 255).save(tmp_path / "blank.png", dpi=(200, 200))

    chosen, text, preparation = _work(tmp_path / "blank.png", tmp_path / "scratch")

    assert (chosen, text) == (0, "")
    timings = preparation["timings"]
    assert isinstance(timings, dict)
    assert "orientation_reading" not in timings
