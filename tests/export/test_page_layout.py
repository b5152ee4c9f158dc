"""Rules and pictures found in a page image beside its words."""

from __future__ import annotations

from PIL import Image, ImageDraw

from digitizer.export.page_layout import analyse
from tests.export.history_book import history_book


def test_the_rules_and_the_photograph_of_a_book_page() -> None:
    drawn = history_book(pages=3)
    page = drawn.pages[2]

    layout = analyse(page.image, page.text, page.dpi)

    # The rule under the running header spans the text; the one over the footnotes does not.
    assert [round(rule.width / page.image.width, 1) for rule in layout.rules] == [0.8, 0.3]
    assert len(layout.figures) == 1 and drawn.figure is not None
    found = layout.figures[0]
    assert abs(found.x0 - drawn.figure.x0) < 12 and abs(found.y1 - drawn.figure.y1) < 12


def test_a_dark_scanner_border_and_text_are_no_pictures() -> None:
    drawn = history_book(pages=2)
    page = drawn.pages[1]
    image = page.image.copy()
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, 60, image.height], fill=20)  # the scanner's lid left a black band
    draw.rectangle([0, image.height - 50, image.width, image.height], fill=40)

    layout = analyse(image, page.text, page.dpi)

    assert layout.figures == ()


def test_a_blank_page() -> None:
    layout = analyse(Image.new("L", (800, 1100), 255), None, 150)

    assert layout.rules == () and layout.figures == ()
