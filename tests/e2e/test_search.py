"""`digitizer search` and `digitizer reindex` through the real command line."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from digitizer.acquire.importer import ImportOptions, import_paths
from digitizer.library import Library
from tests.e2e.support import kill_when, run, run_json
from tests.helpers.page_texts import give_text
from tests.helpers.text_pages import SENTENCES
from tests.pipeline.conftest import text_document


@pytest.fixture(scope="module")
def recognised(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("search")
    library = folder / "library"
    tiff = text_document(folder, "nghi-quyet", 3)
    document = run_json(library, "import", tiff)["imported"][0]["document"]
    run_json(library, "describe", document, "--type", "Nghị quyết", "--date", "2021-05-18")
    run_json(library, "ocr", document)
    return library, str(document)


def test_search_finds_words_typed_without_diacritics(recognised: tuple[Path, str]) -> None:
    library, document = recognised

    result = run_json(library, "search", "nghi quyet")

    pages = [(hit["document"], hit["page"]) for hit in result["hits"]]
    assert (document, 1) in pages
    hit = result["hits"][0]
    assert "«Nghị» «quyết»" in hit["snippet"] or "«Nghị quyết»" in hit["snippet"]
    assert hit["boxes"] and all(len(box) == 4 for box in hit["boxes"])
    width, height = hit["page_size"]
    assert all(0 <= b[0] < b[2] <= width and 0 <= b[1] < b[3] <= height for b in hit["boxes"])
    assert dict(result["facets"]["type"]) == {"Nghị quyết": result["total"]}


def test_filters_phrases_and_bad_queries(recognised: tuple[Path, str]) -> None:
    library, _ = recognised

    other_type = run_json(library, "search", "Đảng", "--type", "Chỉ thị")
    this_year = run_json(library, "search", "Đảng", "--year", "2021")
    phrase = run_json(library, "search", '"lưu trữ lịch sử"')
    reversed_phrase = run_json(library, "search", '"lịch sử lưu trữ"')
    broken = run(library, "search", '"lưu trữ')
    text = run(library, "search", "tuyen truyen")

    assert other_type["total"] == 0
    assert this_year["total"] >= 1
    assert phrase["total"] >= 1 and reversed_phrase["total"] == 0
    assert broken.returncode == 1 and "[bad-query]" in broken.stderr
    assert text.returncode == 0 and "«" in text.stdout and "page(s) match" in text.stdout


def test_a_lost_index_is_rebuilt_and_said_so(recognised: tuple[Path, str]) -> None:
    library, _ = recognised
    before = run_json(library, "search", "chuyển đổi số")
    shutil.rmtree(library / "index")

    again = run(library, "search", "chuyển đổi số", "--json")

    assert again.returncode == 0, again.describe()
    assert "search index was rebuilt" in again.stderr
    assert again.json()["hits"] == before["hits"]


VOCABULARY = sorted({word.strip(".,") for sentence in SENTENCES for word in sentence.split()})


def _many_pages(library: Path, folder: Path, documents: int, pages: int) -> None:
    """`documents` documents of `pages` pages each, with made-up text and no OCR run."""
    rng = random.Random(7)
    with Library.open(library, create=True) as opened:
        for number in range(documents):
            tiff = text_document(folder, f"doc-{number}", 1, first_line=number)
            frames_path = folder / f"big-{number}.tif"
            page = Image.open(tiff)
            page.save(frames_path, save_all=True, append_images=[page] * (pages - 1))
            imported = import_paths(opened, [frames_path], ImportOptions(one_document=True))
            document = imported.imported[0].document_id
            texts = [
                "\n".join(" ".join(rng.choice(VOCABULARY) for _ in range(12)) for _ in range(30))
                + f"\nmã trang {number}-{n}"
                for n in range(pages)
            ]
            give_text(opened, document, texts)


def _results(library: Path) -> list[object]:
    return [
        run_json(library, "search", query, "--limit", "50")["hits"]
        for query in ("Đảng bộ", '"chuyển đổi số"', "luu tru", "nghiêm~", "trang*")
    ]


@pytest.mark.slow
def test_reindex_killed_part_way_then_search(tmp_path: Path) -> None:
    library = tmp_path / "library"
    _many_pages(library, tmp_path, documents=2, pages=100)
    run(library, "reindex")
    kill_when(library, ("reindex",), (library / "index.new").exists, delay=0.3)

    after_crash = _results(library)
    clean = run(library, "reindex")
    assert clean.returncode == 0, clean.describe()
    assert "200 page(s)" in clean.stdout
    assert after_crash == _results(library)
    assert all(hits for hits in after_crash)


def test_the_command_line_loads_no_image_or_fuzzy_matching_library_before_it_needs_one() -> None:
    """`digitizer search` starts in a fresh process each time: what it imports is its delay."""
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, digitizer.cli, digitizer.searching; "
            "print(' '.join(sorted(m for m in ('PIL', 'rapidfuzz', 'platformdirs', 'numpy') "
            "if m in sys.modules)))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert loaded.stdout.split() == []
