"""Tesseract with the real `vie` model: words, boxes, confidences, and a missing language pack."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from ocr import engine
from ocr.engine import (
    EngineSettings,
    LanguagePackMissing,
    OcrError,
    debian_package,
    model_fingerprint,
    recognise,
)
from ocr.metrics import score
from ocr.words import PageText
from tests.helpers.text_pages import lines_page, text_page


def test_reads_vietnamese_with_boxes_and_confidences(tmp_path: Path) -> None:
    page = text_page(line_count=4)
    image = page.save(tmp_path / "page.png")

    result = recognise(image, page.dpi, EngineSettings())

    assert score(result.text, page.text).cer < 0.02
    assert (result.width, result.height) == page.image.size
    words = list(result.words())
    assert len(words) == sum(len(line.split()) for line in page.lines)
    assert all(0 <= w.confidence <= 100 for w in words)
    assert result.mean_confidence is not None and result.mean_confidence > 80
    # Every word's box holds ink, and lines come top to bottom.
    grey = page.image.convert("L")
    for word in words:
        assert 0 <= word.box.x0 < word.box.x1 <= page.image.width
        inked = any(
            int(grey.getpixel((x, y)) or 0) < 128  # type: ignore[arg-type]
            for x in range(word.box.x0, word.box.x1)
            for y in range(word.box.y0, word.box.y1, 2)
        )
        assert inked, word
    tops = [line.box.y0 for line in result.lines()]
    assert tops == sorted(tops)


def test_the_word_model_survives_storage(tmp_path: Path) -> None:
    page = text_page(line_count=2)
    result = recognise(page.save(tmp_path / "p.png"), page.dpi, EngineSettings())
    assert PageText.from_bytes(result.to_bytes()) == result
    assert result.to_bytes() == PageText.from_bytes(result.to_bytes()).to_bytes()


def test_the_dpi_given_wins_over_the_file(tmp_path: Path) -> None:
    page = text_page(line_count=1)
    image = tmp_path / "nodpi.png"
    page.image.save(image)  # no resolution recorded
    result = recognise(image, 300, EngineSettings())
    assert result.dpi == 300
    assert "Nghị quyết" in result.text


@pytest.fixture
def tessdata_without_vie(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from ocr import engine

    real = engine._tessdata_folder()
    assert real is not None
    folder = tmp_path / "tessdata"
    folder.mkdir()
    (folder / "eng.traineddata").symlink_to(real / "eng.traineddata")
    monkeypatch.setenv("TESSDATA_PREFIX", str(folder))
    return folder


def test_a_missing_language_pack_names_the_package(tessdata_without_vie: Path) -> None:
    with pytest.raises(LanguagePackMissing) as caught:
        model_fingerprint(EngineSettings("vie"))
    assert caught.value.code == "missing-language"
    assert "apt-get install tesseract-ocr-vie" in caught.value.message


def test_recognising_without_the_pack_says_so_too(
    tessdata_without_vie: Path, tmp_path: Path
) -> None:
    page = text_page(line_count=1)
    with pytest.raises(LanguagePackMissing, match="tesseract-ocr-vie"):
        recognise(page.save(tmp_path / "p.png"), 300, EngineSettings("vie"))


def test_the_fingerprint_changes_with_the_languages() -> None:
    assert os.environ["OMP_THREAD_LIMIT"] == "1"
    assert model_fingerprint(EngineSettings("vie")) != model_fingerprint(EngineSettings("vie+eng"))


def test_debian_package_names() -> None:
    assert debian_package("vie") == "tesseract-ocr-vie"
    assert debian_package("chi_sim") == "tesseract-ocr-chi-sim"


def test_a_page_that_takes_too_long_is_stopped_and_said_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = text_page(line_count=12).save(tmp_path / "p.png")
    started = time.monotonic()
    assert recognise(page, 300, EngineSettings("vie")).text.strip()
    reading = time.monotonic() - started
    # a limit of a tenth of the page's reading time stops it before it is read
    monkeypatch.setattr(engine, "_SECONDS_FLOOR", reading / 10)
    monkeypatch.setattr(engine, "_SECONDS_PER_MEGAPIXEL", 0.0)

    with pytest.raises(OcrError, match="took too long"):
        recognise(page, 300, EngineSettings("vie"))

    # and the model that was stopped reads the next page in full
    monkeypatch.setattr(engine, "_SECONDS_FLOOR", 30.0)
    assert "Nghị quyết" in recognise(page, 300, EngineSettings("vie")).text


def test_the_time_limit_grows_with_the_page() -> None:
    a4_at_300_dpi = 2480 * 3508
    assert (
        engine.time_limit(100)
        < engine.time_limit(a4_at_300_dpi)
        < engine.time_limit(4 * a4_at_300_dpi)
    )


def test_a_model_is_loaded_once_per_thread_and_kept(tmp_path: Path) -> None:
    page = text_page(line_count=1).save(tmp_path / "p.png")
    first = engine._loaded("vie", {})
    assert recognise(page, 300, EngineSettings("vie")).text.strip()
    assert engine._loaded("vie", {}) is first  # reading a page did not load it again

    elsewhere: list[object] = []
    thread = threading.Thread(target=lambda: elsewhere.append(engine._loaded("vie", {})))
    thread.start()
    thread.join()
    assert elsewhere and elsewhere[0] is not first  # an API serves one thread


def test_variables_load_their_own_model_and_old_ones_are_let_go(tmp_path: Path) -> None:
    digits = {"tessedit_char_whitelist": "0123456789"}
    page = lines_page(["Số 157 ngày 20"]).save(tmp_path / "number.png")
    read = recognise(page, 300, EngineSettings("vie"), variables=digits).text
    assert "157" in read and not any(ch.isalpha() for ch in read)
    # the variables stay with their own model: the plain one still reads letters
    assert "Số 157" in recognise(page, 300, EngineSettings("vie")).text

    kept = [engine._loaded("vie", {"user_defined_dpi": str(70 + n)}) for n in range(6)]
    assert engine._loaded("vie", {"user_defined_dpi": "75"}) is kept[-1]
    assert engine._loaded("vie", {"user_defined_dpi": "70"}) is not kept[0]  # unloaded, reloaded
