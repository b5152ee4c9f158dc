"""Tone-mark restoration in the OCR pipeline, against the real Tesseract: a page printed with
marks missing (as recognition so often reads them) is read as printed, then restored; the word
model keeps both spellings, search finds either, and `--no-restore` keeps the text as read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digitizer.acquire.importer import ImportOptions, import_paths
from digitizer.errors import MissingTool
from digitizer.library import Library
from digitizer.pipeline import ocr as pipeline
from digitizer.pipeline.evaluate import evaluate
from digitizer.pipeline.ocr import OcrOptions, run_ocr, settings_key, settings_record
from digitizer.searching import search
from ocr.words import PageText
from tests.helpers.text_pages import lines_page

PRINTED = ("Lập hô sơ bảo vệ nguôn nước của tỉnh.", "Báo cáo kêt quả và cung câp nước sạch.")
MEANT = ("Lập hồ sơ bảo vệ nguồn nước của tỉnh.", "Báo cáo kết quả và cung cấp nước sạch.")


@pytest.fixture
def slipped_document(library: Library, inputs: Path) -> str:
    path = lines_page(PRINTED).save(inputs / "bao-cao.png")
    report = import_paths(library, [path], ImportOptions())
    assert not report.failed
    return report.imported[0].document_id


def _words(library: Library, document_id: str) -> PageText:
    return PageText.from_bytes(library.read_object(library.page_texts(document_id)[1].words_sha256))


def test_recognition_restores_and_keeps_what_it_read(
    library: Library, slipped_document: str
) -> None:
    report = run_ocr(library, [slipped_document], OcrOptions(workers=1))

    assert report.ok
    record = library.page_texts(slipped_document)[1]
    assert record.text == "\n".join(MEANT)
    words = _words(library, slipped_document)
    assert words.recognised_text == "\n".join(PRINTED)
    assert [(w.raw, w.text) for w in words.restored_words()] == [
        ("hô", "hồ"),
        ("nguôn", "nguồn"),
        ("kêt", "kết"),
        ("câp", "cấp"),
    ]
    settings = json.loads(library.rows("SELECT settings FROM page_texts")[0][0])
    assert settings["restoration"].startswith("1:")
    assert record.preparation["timings"]["restore"] > 0


def test_search_finds_a_restored_word_by_either_spelling(
    library: Library, slipped_document: str
) -> None:
    run_ocr(library, [slipped_document], OcrOptions(workers=1))

    for query in ("nguồn nước", "nguon", "nguôn", "kêt quả", "câp*"):
        assert search(library, query).total == 1, query
    # A prefix typed with marks expands on the exact spellings: the raw one is among them.
    assert search(library, "nguô*").total == 1
    assert search(library, "nguồ*").total == 1


def test_no_restore_keeps_the_text_as_read_under_its_own_settings(
    library: Library, slipped_document: str
) -> None:
    run_ocr(library, [slipped_document], OcrOptions(workers=1))
    restored_key = library.page_texts(slipped_document)[1].settings_key

    report = run_ocr(library, [slipped_document], OcrOptions(workers=1, restore=False))

    assert report.done == 1, "other settings: the page is read again"
    record = library.page_texts(slipped_document)[1]
    assert record.settings_key != restored_key
    assert record.text == "\n".join(PRINTED)
    assert not list(_words(library, slipped_document).restored_words())
    assert "restore" not in record.preparation["timings"]
    assert search(library, "nguồn").total == 1, "folded keys match the unrestored text too"


def test_the_settings_key_covers_restoration_and_its_model(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    on = settings_record(OcrOptions())
    off = settings_record(OcrOptions(restore=False))
    assert "restoration" not in off, "texts read before restoration existed keep their key"
    assert {k: v for k, v in on.items() if k != "restoration"} == off
    other_model = tmp_path / "syllables.npz"
    other_model.write_bytes(Path(OcrOptions().restoration_model).read_bytes() + b"\0")
    monkeypatch.setattr(pipeline, "language_model_path", lambda: other_model)
    assert settings_key(settings_record(OcrOptions())) != settings_key(on)
    monkeypatch.setattr(pipeline, "language_model_path", lambda: tmp_path / "missing.npz")
    with pytest.raises(MissingTool, match="--no-restore"):
        settings_record(OcrOptions())
    assert settings_record(OcrOptions(restore=False)) == off


def test_eval_scores_the_text_with_and_without_restoration(tmp_path: Path) -> None:
    folder = tmp_path / "eval"
    folder.mkdir()
    lines_page(PRINTED).save(folder / "page-1.png")
    (folder / "page-1.gt.txt").write_text("\n".join(MEANT), encoding="utf-8")

    report = evaluate(folder, OcrOptions(workers=1))

    (page,) = report.pages
    assert page.score.char_errors == 0
    assert page.before_restoration.char_errors == 4
    assert page.restored_words == 4 and page.restore_seconds > 0
    assert report.mean_cer_unrestored > report.mean_cer == 0
    overall = report.as_json()["overall"]
    assert overall["mean_cer_unrestored"] > overall["mean_cer"]
    # restoration's share of the OCR time, from the times it measured (how small it is is a
    # figure of the machine: bench/, not here)
    share = page.restore_seconds / (page.seconds - page.restore_seconds)
    assert overall["restore_share"] == pytest.approx(share, abs=1e-4) and share > 0


def test_eval_reports_word_recall_in_any_order(tmp_path: Path) -> None:
    folder = tmp_path / "eval"
    folder.mkdir()
    lines_page(MEANT).save(folder / "page-1.png")
    # The truth lists the lines in another order, with a form's leader: recall does not mind.
    (folder / "page-1.gt.txt").write_text(
        "\n".join([*reversed(MEANT), "……………………"]), encoding="utf-8"
    )

    report = evaluate(folder, OcrOptions(workers=1))

    (page,) = report.pages
    assert page.recall == 1.0
    assert page.score.cer > 0.1
    assert report.as_json()["overall"]["mean_recall"] == 1.0
    assert report.as_json()["pages"][0]["recall"] == 1.0
