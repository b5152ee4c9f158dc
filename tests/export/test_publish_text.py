"""Reflowing page text for reading: paragraphs, hyphens, headings, no running furniture."""

from __future__ import annotations

import pytest

from digitizer.export.publish_text import PageMark, TextBlock, is_syllable, reflow
from ocr.words import PageText
from tests.export.book import book
from tests.export.words import line, page_text


def _texts(blocks: list[TextBlock]) -> list[tuple[int, str]]:
    return [(block.level, block.text) for block in blocks]


def test_a_printed_book_comes_back_as_its_headings_and_paragraphs() -> None:
    drawn = book(8, chapters={0: "Những ngày đầu", 5: "Kháng chiến"}, seed=3)

    blocks = reflow([page.text for page in drawn.pages])

    assert _texts(blocks) == drawn.blocks
    text = " ".join(block.text for block in blocks)
    assert "Lịch sử Đảng bộ" not in text, "the running header is left out"
    assert not any(block.text.strip().isdigit() for block in blocks), "page numbers are left out"
    assert any("-" in word for page in drawn.pages for word in _words(page.text)), (
        "the drawn book breaks words at line ends"
    )
    assert not any(word.endswith("-") for word in text.split())


def _words(text: PageText) -> list[str]:
    return [word.text for word in text.words()]


def test_every_page_is_marked_where_it_begins() -> None:
    drawn = book(5, chapters={0: "Mở đầu"}, seed=5)

    blocks = reflow([page.text for page in drawn.pages])

    marks = [part.page for block in blocks for part in block.parts if isinstance(part, PageMark)]
    assert marks == [0, 1, 2, 3, 4]
    # A paragraph running over a page break carries the mark inside it.
    assert any(
        isinstance(block.parts[0], str) and any(isinstance(p, PageMark) for p in block.parts)
        for block in blocks
    )


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        (("quy-", 300, 400), ("ết", 100, 160), "Nghị quyết định"),
        (("Mác-", 300, 400), ("Lênin", 100, 200), "Nghị Mác-Lênin định"),
        (("24-", 300, 400), ("NQ/TU", 100, 220), "Nghị 24-NQ/TU định"),
    ],
)
def test_a_word_broken_at_a_line_end(
    first: tuple[str, int, int], second: tuple[str, int, int], joined: str
) -> None:
    text = page_text(
        (
            line(100, ("Nghị", 100, 290), first),
            line(150, second, ("định", 250, 330)),
        )
    )

    blocks = reflow([text])

    assert _texts(blocks) == [(0, joined)]


def test_short_line_ending_a_sentence_ends_the_paragraph_even_inside_one_ocr_paragraph() -> None:
    text = page_text(
        (
            line(100, ("Một", 100, 500), ("câu", 520, 900)),
            line(150, ("hết.", 100, 200)),
            line(200, ("Câu", 100, 500), ("mới", 520, 900)),
        )
    )

    assert _texts(reflow([text])) == [(0, "Một câu hết."), (0, "Câu mới")]


def test_page_numbers_are_dropped_but_a_chapter_line_is_kept() -> None:
    pages = [
        page_text(
            (line(40, ("CHƯƠNG", 100, 300), (numeral, 320, 380)),),
            (line(400, ("Nội", 100, 200), ("dung.", 220, 330)),),
            (line(1300, (f"- {n} -", 480, 540)),),
        )
        for n, numeral in ((1, "I"), (2, "II"), (3, "III"))
    ]

    blocks = reflow(pages)

    assert [b.text for b in blocks if b.is_heading] == ["CHƯƠNG I", "CHƯƠNG II", "CHƯƠNG III"]
    assert all(b.level == 1 for b in blocks if b.is_heading)
    assert not any("-" in b.text for b in blocks)


def test_syllables() -> None:
    assert all(is_syllable(w) for w in ("quyết", "nghiệp", "chuyển", "Đảng", "người", "gì"))
    assert not any(is_syllable(w) for w in ("Lênin", "information", "NQ", "ngh"))
