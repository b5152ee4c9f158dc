"""Reflowing page text for reading: paragraphs, hyphens, headings, no running furniture."""

from __future__ import annotations

import pytest

from digitizer.export.page_layout import analyse
from digitizer.export.publish_text import (
    Masthead,
    NoteRef,
    PageMark,
    ReflowReport,
    TextBlock,
    is_syllable,
    issuing_body,
    reflow,
)
from ocr.words import PageText
from tests.export.book import book
from tests.export.history_book import BOOK_TITLE, CAPTION, HistoryBook, history_book
from tests.export.words import line, page_text, resolution_page


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


# --- a history book read with its page layout ----------------------------------------------------


@pytest.fixture(scope="module")
def history() -> tuple[HistoryBook, list[TextBlock], ReflowReport]:
    drawn = history_book()
    layouts = [analyse(page.image, page.text, page.dpi) for page in drawn.pages]
    report = ReflowReport()
    blocks = reflow([page.text for page in drawn.pages], layouts, report)
    return drawn, blocks, report


def test_running_headers_that_alternate_and_page_numbers_go_by_where_they_stand(
    history: tuple[HistoryBook, list[TextBlock], ReflowReport],
) -> None:
    drawn, blocks, report = history
    text = " ".join(block.text for block in blocks if block.kind == "text")
    assert BOOK_TITLE not in text
    assert "Những năm tháng đầu tiên" not in text, "the chapter's running header goes too"
    assert sorted(item.text for item in report.removed) == sorted(drawn.furniture)
    whys = {item.text: item.why for item in report.removed}
    assert whys["3"] == "page number" and whys[BOOK_TITLE] == "running header"


def test_a_two_page_document_loses_its_header_too() -> None:
    drawn = history_book(pages=2)
    layouts = [analyse(page.image, page.text, page.dpi) for page in drawn.pages]
    report = ReflowReport()

    blocks = reflow([page.text for page in drawn.pages], layouts, report)

    assert BOOK_TITLE not in " ".join(block.text for block in blocks)
    assert [item.why for item in report.removed] == ["page number", "running header", "page number"]


def test_paragraphs_come_whole_across_page_breaks(
    history: tuple[HistoryBook, list[TextBlock], ReflowReport],
) -> None:
    drawn, blocks, report = history
    paragraphs = [b.text for b in blocks if b.kind == "text" and b.level == 0]
    assert paragraphs == drawn.paragraphs
    assert len(drawn.crossing) >= 4, "the drawn book runs paragraphs over page breaks"
    assert len(report.joined) == len(drawn.crossing)


def test_footnotes_come_out_of_the_text_with_their_markers(
    history: tuple[HistoryBook, list[TextBlock], ReflowReport],
) -> None:
    drawn, blocks, report = history
    notes = [b for b in blocks if b.kind == "footnote"]
    assert [(b.note.label if b.note else "", b.text) for b in notes] == drawn.notes
    assert not report.unreferenced
    refs = [part for block in blocks for part in block.parts if isinstance(part, NoteRef)]
    assert refs == [b.note for b in notes]
    for block in blocks:
        for position, part in enumerate(block.parts):
            if isinstance(part, NoteRef):
                before = block.parts[position - 1]
                assert isinstance(before, str)
                assert before.split()[-1] == drawn.noted_words[int(part.label) - 1]
    # Each note comes after the paragraph that refers to it.
    for note in notes:
        index = blocks.index(note)
        assert note.note in blocks[index - 1].parts


def test_the_photograph_is_a_figure_with_its_caption(
    history: tuple[HistoryBook, list[TextBlock], ReflowReport],
) -> None:
    drawn, blocks, report = history
    figures = [b for b in blocks if b.kind == "figure"]
    assert len(figures) == 1 and figures[0].page == drawn.figure_page
    assert figures[0].text == CAPTION
    assert CAPTION not in " ".join(b.text for b in blocks if b.kind == "text")
    box = figures[0].figure
    assert box is not None and drawn.figure is not None
    assert abs(box.x0 - drawn.figure.x0) < 12 and abs(box.y1 - drawn.figure.y1) < 12
    assert report.figures == figures


def test_ornaments_go() -> None:
    page = page_text(
        (line(60, ("LỊCH", 300, 400), ("SỬ", 410, 480), ("ĐẢNG", 490, 600), ("BỘ", 610, 660)),),
        (line(110, ("*%*%", 420, 540)),),
        (
            line(300, ("Những", 100, 220), ("ngày", 232, 330), ("đầu", 342, 400)),
            line(350, ("tiên", 100, 170), ("của", 182, 240), ("phong", 252, 380)),
        ),
    )
    report = ReflowReport()

    blocks = reflow([page], [None], report)

    assert "*%*%" not in " ".join(block.text for block in blocks)
    assert ("*%*%", "ornament") in [(item.text, item.why) for item in report.removed]


def test_a_resolution_keeps_its_header_title_and_signature_block() -> None:
    report = ReflowReport()

    blocks = reflow([resolution_page()], [None], report)

    assert blocks[0].kind == "masthead"
    assert blocks[0].columns == (
        ("ĐẢNG BỘ TỈNH HOÀI SƠN", "ĐẢNG ỦY XÃ ĐÔNG LÂM", "Số 12-NQ/ĐU"),
        ("ĐẢNG CỘNG SẢN VIỆT NAM", "Đông Lâm, ngày 15 tháng 3 năm 2026"),
    )
    assert (blocks[1].level, blocks[1].text) == (1, "NGHỊ QUYẾT\nvề số hóa tài liệu lưu trữ")
    assert blocks[-1].kind == "closing"
    assert blocks[-1].columns == (
        ("Nơi nhận:", "- Như trên;"),
        ("T/M ĐẢNG ỦY", "BÍ THƯ", "Phạm Quang Khiêm"),
    )
    assert [b.kind for b in blocks[2:-1]] == ["text"]
    assert report.masthead == Masthead(
        issuer="ĐẢNG ỦY XÃ ĐÔNG LÂM",
        number="12-NQ/ĐU",
        place_date="Đông Lâm, ngày 15 tháng 3 năm 2026",
        title="Nghị quyết về số hóa tài liệu lưu trữ",
    )


def test_a_page_of_a_book_has_no_masthead() -> None:
    report = ReflowReport()
    drawn = book(2, chapters={0: "Mở đầu"}, seed=2)

    blocks = reflow([page.text for page in drawn.pages], [None, None], report)

    assert report.masthead is None
    assert {block.kind for block in blocks} == {"text"}


@pytest.mark.parametrize(
    ("lines", "issuer"),
    [
        (["ĐẢNG BỘ TỈNH HOÀI SƠN", "ĐẢNG ỦY XÃ ĐÔNG LÂM"], "ĐẢNG ỦY XÃ ĐÔNG LÂM"),
        (["UỶ BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI."], "UỶ BAN NHÂN DÂN TỈNH QUẢNG NGÃI"),
        (["SỞ Y TẾ BẮC NINH", "BỆNH VIỆN", "ĐA KHOA TỈNH"], "BỆNH VIỆN ĐA KHOA TỈNH"),
        ([], ""),
    ],
)
def test_the_issuing_body_is_the_last_name_over_the_number(lines: list[str], issuer: str) -> None:
    assert issuing_body(lines) == issuer
