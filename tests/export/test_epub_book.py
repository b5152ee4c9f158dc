"""A printed history book through the whole workstation: import of its scan, real Tesseract OCR,
`digitizer export --format epub --report`, then EPUBCheck and a reader's look at what came out:
chapters, whole paragraphs, no page furniture, footnotes, the photograph."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from rapidfuzz import fuzz

from tests.e2e.support import run, run_json
from tests.export.checks import BookParts, book_parts, epubcheck
from tests.export.history_book import BOOK_TITLE, CAPTION, CHAPTERS, HistoryBook, history_book

pytestmark = pytest.mark.slow  # real OCR of a book, then EPUBCheck in a Java VM

Exported = tuple[HistoryBook, Path, dict[str, Any]]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Exported:
    folder = tmp_path_factory.mktemp("history")
    drawn = history_book()
    scan = folder / "lich-su-dang-bo.tif"
    frames = [page.image for page in drawn.pages]
    frames[0].save(
        scan,
        save_all=True,
        append_images=frames[1:],
        compression="tiff_lzw",
        dpi=(drawn.pages[0].dpi, drawn.pages[0].dpi),
    )
    library = folder / "library"
    imported = run_json(library, "import", scan)["imported"]
    run_json(library, "ocr", "--all")
    out = folder / "sach.epub"
    document = imported[0]["document"]
    result = run_json(library, "export", document, "--format", "epub", "--out", out, "--report")
    return drawn, out, result


def _parts(exported: Exported) -> BookParts:
    return book_parts(exported[1])


def test_epubcheck_finds_nothing(exported: Exported) -> None:
    check = epubcheck(exported[1])
    assert "0 fatals / 0 errors / 0 warnings" in check.stdout, check.stdout


def test_both_chapters_are_in_the_table_of_contents(
    exported: Exported,
) -> None:
    toc = _parts(exported).toc
    assert len(toc) == 3, toc  # the cover and the two chapters
    for entry, number, title in zip(toc[1:], ("I", "II"), CHAPTERS, strict=True):
        assert fuzz.ratio(entry, f"CHƯƠNG {number} {title.upper()}") >= 90, entry


def test_every_paragraph_is_one_p_and_no_furniture_is_left(
    exported: Exported,
) -> None:
    drawn, _, result = exported
    paragraphs = _parts(exported).paragraphs
    assert len(paragraphs) == len(drawn.paragraphs)
    for found, printed in zip(paragraphs, drawn.paragraphs, strict=True):
        assert fuzz.ratio(found, printed) >= 90, (found, printed)
    text = " ".join(paragraphs)
    assert fuzz.partial_ratio(BOOK_TITLE.lower(), text.lower()) < 85
    for title in CHAPTERS:
        assert fuzz.partial_ratio(title.lower(), text.lower()) < 85, title
    assert not re.search(r"(?<!\S)\d+(?!\S)", text), "no page number is left in the text"
    joined = result["report"]["joined"]
    assert len(joined) == len(drawn.crossing) >= 4


def test_every_footnote_is_an_epub_footnote_with_its_reference(
    exported: Exported,
) -> None:
    drawn, _, result = exported
    parts = _parts(exported)
    assert [label for label, _ in parts.noterefs] == [label for label, _ in drawn.notes]
    for (_, href), (label, text) in zip(parts.noterefs, drawn.notes, strict=True):
        assert fuzz.ratio(parts.footnotes[href], f"{label} {text}") >= 90
    assert len(parts.footnotes) == len(drawn.notes)
    body = " ".join(parts.paragraphs)
    for _, text in drawn.notes:
        assert fuzz.partial_ratio(text, body) < 85, "the note's text is not left in the body"
    assert [note["referenced"] for note in result["report"]["footnotes"]] == [True] * 3


def test_the_photograph_is_a_figure_with_its_caption(
    exported: Exported,
) -> None:
    drawn, _, result = exported
    figures = _parts(exported).figures
    assert len(figures) == 1
    _, alt, caption = figures[0]
    assert fuzz.ratio(caption, CAPTION) >= 90 and alt == caption
    assert [figure["page"] for figure in result["report"]["figures"]] == [drawn.figure_page + 1]


def test_the_report_in_words(exported: Exported) -> None:
    _, out, result = exported
    library = out.parent / "library"
    again = out.parent / "again.epub"

    printed = run(
        library, "export", result["documents"][0], "--format", "epub", "--out", again, "--report"
    )

    assert printed.returncode == 0, printed.describe()
    assert "footnotes: 3" in printed.stdout and "figures: 1" in printed.stdout
    assert "running header" in printed.stdout
    assert again.read_bytes() == out.read_bytes()
