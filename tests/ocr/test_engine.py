"""Tesseract with the real `vie` model: words, boxes, confidences, and a missing language pack."""

from __future__ import annotations

import os
from pathlib import Path

import pytesseract
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
from tests.helpers.text_pages import text_page


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
    stuck = tmp_path / "stuck-tesseract"
    stuck.write_text("#!/bin/sh\nexec sleep 60\n", encoding="utf-8")
    stuck.chmod(0o755)
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(stuck))
    monkeypatch.setattr(engine, "_SECONDS_FLOOR", 0.5)
    monkeypatch.setattr(engine, "_SECONDS_PER_MEGAPIXEL", 0.0)
    page = text_page(line_count=1).save(tmp_path / "p.png")

    # the stub sleeps a minute and then fails: only the time limit says "took too long"
    with pytest.raises(OcrError, match="took too long"):
        recognise(page, 300, EngineSettings("vie"))


def test_the_time_limit_grows_with_the_page() -> None:
    a4_at_300_dpi = 2480 * 3508
    assert (
        engine.time_limit(100)
        < engine.time_limit(a4_at_300_dpi)
        < engine.time_limit(4 * a4_at_300_dpi)
    )
