"""`digitizer ocr`, `digitizer eval` and `digitizer jobs` through the real command line."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.e2e.support import kill_when, query, run, run_json
from tests.helpers.text_pages import text_page
from tests.pipeline.conftest import text_document

POLL_DEADLINE = 120.0


def _import(library: Path, path: Path) -> str:
    imported = run_json(library, "import", path)["imported"]
    return str(imported[0]["document"])


@pytest.mark.slow
def test_ocr_then_again_skips_what_is_done(tmp_path: Path, inputs: Path) -> None:
    library = tmp_path / "library"
    document = _import(library, text_document(inputs, "nghi-quyet", 3))

    first = run_json(library, "ocr", document[:6], "--jobs", "2")
    again = run(library, "ocr", "--all")

    assert (first["done"], first["skipped"], first["failed"]) == (3, 0, [])
    assert again.returncode == 0, again.describe()
    assert "Recognised 0 page(s)" in again.stdout
    assert "skipped 3 page(s) already done" in again.stdout
    shown = run_json(library, "show", document)["page_list"]
    assert [page["ocr"]["words"] > 5 for page in shown] == [True, True, True]
    assert all(page["ocr"]["quarter_turns"] == 0 for page in shown)
    jobs = run_json(library, "jobs")
    assert [(j["state"], j["done"], j["skipped"]) for j in jobs] == [
        ("done", 0, 3),
        ("done", 3, 0),
    ]


def test_ocr_usage_and_bad_requests(tmp_path: Path, inputs: Path) -> None:
    library = tmp_path / "library"
    document = _import(library, text_document(inputs, "doc", 1))

    both = run(library, "ocr", document, "--all")
    unknown = run(library, "ocr", "ZZZZZZZZ")
    language = run(library, "ocr", document, "--lang", "vie+xyz")

    assert both.returncode == 2 and "not both" in both.stderr
    assert unknown.returncode == 1 and "[document-not-found]" in unknown.stderr
    assert language.returncode == 1
    assert "apt-get install tesseract-ocr-xyz" in language.stderr
    assert "[missing-language]" in language.stderr


def _texts(library: Path) -> list[tuple[int, str, str]]:
    return [
        (int(row[0]), str(row[1]), str(row[2]))
        for row in query(
            library,
            "SELECT p.number, t.text, t.words_sha256 FROM page_texts t "
            "JOIN pages p ON p.id = t.page_id ORDER BY p.number",
        )
    ]


def _pages_done(library: Path) -> int:
    try:
        return int(query(library, "SELECT count(*) FROM page_texts")[0][0])
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_ocr_killed_part_way_resumes_without_redoing_pages(tmp_path: Path, inputs: Path) -> None:
    pages = 30
    tiff = text_document(inputs, "so-tay", pages)
    library, reference = tmp_path / "library", tmp_path / "reference"
    _import(library, tiff)
    _import(reference, tiff)

    kill_when(library, ("ocr", "--all", "--jobs", "2"), lambda: _pages_done(library) >= 4)
    done_before = _pages_done(library)
    assert 4 <= done_before < pages

    resumed = run(library, "ocr", "--all", "--json")
    untouched = run_json(reference, "ocr", "--all")

    assert resumed.returncode == 0, resumed.describe()
    report = resumed.json()
    assert report["skipped"] == done_before, "finished pages are not redone"
    assert report["done"] == pages - done_before
    assert report["resumed_jobs"] == [1]
    assert untouched["done"] == pages
    assert _texts(library) == _texts(reference), "the result equals an uninterrupted run"
    verified = run_json(library, "verify")
    assert verified["ok"], verified
    states = [row[0] for row in query(library, "SELECT state FROM jobs ORDER BY id")]
    assert states == ["done", "done"]


@pytest.mark.slow
def test_eval_scores_pages_against_their_ground_truth(tmp_path: Path) -> None:
    folder = tmp_path / "eval"
    (folder / "upright").mkdir(parents=True)
    (folder / "turned").mkdir()
    page = text_page(line_count=4)
    page.save(folder / "upright" / "page-1.png")
    (folder / "upright" / "page-1.gt.txt").write_text(page.text, encoding="utf-8")
    turned = text_page(first_line=4, line_count=4)
    turned.image.rotate(180).save(folder / "turned" / "page-2.png", dpi=(300, 300))
    # Ground truth with a deliberate slip, so the score cannot be zero by construction.
    (folder / "turned" / "page-2.gt.txt").write_text(
        turned.text.replace("Lưu trữ", "Lưu giữ"), encoding="utf-8"
    )
    (folder / "notes.txt").write_text("not a page", encoding="utf-8")

    report = run_json(None, "eval", folder)
    plain = run(None, "eval", folder)

    pages = {page["image"]: page for page in report["pages"]}
    assert sorted(pages) == ["turned/page-2.png", "upright/page-1.png"]
    assert pages["upright/page-1.png"]["cer"] < 0.01
    assert pages["turned/page-2.png"]["quarter_turns"] == 2
    assert 0 < pages["turned/page-2.png"]["cer"] < 0.02
    overall = report["overall"]
    assert overall["pages"] == 2
    chars = sum(p["chars"] for p in pages.values())
    errors = sum(p["char_errors"] for p in pages.values())
    assert overall["cer"] == pytest.approx(errors / chars, abs=1e-4)
    assert plain.returncode == 0 and "overall" in plain.stdout and "CER" in plain.stdout


def test_eval_of_a_folder_without_ground_truth_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run(None, "eval", tmp_path / "empty")
    missing = run(None, "eval", tmp_path / "nowhere")
    assert result.returncode == 1 and "gt.txt" in result.stderr
    assert missing.returncode == 1 and "[not-found]" in missing.stderr
