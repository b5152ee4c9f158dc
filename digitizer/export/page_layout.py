"""What a printed page shows besides its words: the horizontal rules (under a running header,
over a footnote block) and the pictures (photographs, drawings, seals), found in the upright
page image beside the OCR's word boxes.

A rule is a run of ink at least `RULE_MIN_MM` long and at most `RULE_MAX_THICKNESS_MM` thick. A
picture is a region of dense ink (grey or dark in at least half of each millimetre cell) that no
recognised word covers, at least `FIGURE_MIN_MM` wide and tall, clear of the page's edges: text,
even bold, never fills half of its cells once its words are blanked out, and what touches an
edge is the scanner's border or the binding's shadow.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from ocr.geometry import Box
from ocr.words import PageText

RULE_MIN_MM = 12.0
RULE_MAX_THICKNESS_MM = 1.0
FIGURE_MIN_MM = (20.0, 12.0)
"""Width and height: pictures smaller than this are ornaments, initials or specks."""
INK_LEVEL = 200
"""Grey levels below this are ink (a photograph's mid-tones included)."""
FIGURE_CELL_DENSITY = 0.5
FIGURE_FILL = 0.35
"""A picture's dense cells fill at least this share of its box (a seal's ring does)."""


@dataclass(frozen=True)
class PageLayout:
    """The rules and pictures of one upright page, in its pixels."""

    rules: tuple[Box, ...] = ()
    figures: tuple[Box, ...] = ()


def analyse(image: Image.Image, text: PageText | None, dpi: int) -> PageLayout:
    """The rules and pictures of `image` (the upright page `text`'s boxes are in)."""
    grey = np.asarray(image.convert("L"), dtype=np.uint8)
    mm = max(dpi, 1) / 25.4
    return PageLayout(_rules(grey, mm), _figures(grey, text, mm))


def _rules(grey: np.ndarray, mm: float) -> tuple[Box, ...]:
    dark = (grey < 128).astype(np.uint8)
    length = max(8, round(RULE_MIN_MM * mm))
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1))
    runs = cv2.morphologyEx(dark, cv2.MORPH_OPEN, kernel)
    count, _, stats, _ = cv2.connectedComponentsWithStats(runs, connectivity=8)
    rules = []
    for index in range(1, count):
        x, y, w, h, _ = (int(v) for v in stats[index])
        if h <= max(2, RULE_MAX_THICKNESS_MM * mm) and w >= length:
            rules.append(Box(x, y, x + w, y + h))
    return tuple(sorted(rules, key=lambda box: (box.y0, box.x0)))


def _figures(grey: np.ndarray, text: PageText | None, mm: float) -> tuple[Box, ...]:
    ink = (grey < INK_LEVEL).astype(np.uint8)
    if text is not None:
        words = [word for word in text.words() if word.text.strip()]
        heights = [word.box.height for word in words]
        typical = statistics.median(heights) if heights else 0
        for word in words:
            # Words read into a photograph's shading are noise, not text: only words of about
            # the text's size and read with some confidence are blanked out.
            if word.confidence >= 40 and word.box.height <= 2.5 * typical:
                ink[word.box.y0 : word.box.y1, word.box.x0 : word.box.x1] = 0
    cell = max(2, round(mm))
    rows, columns = ink.shape[0] // cell, ink.shape[1] // cell
    if rows == 0 or columns == 0:
        return ()
    grid = ink[: rows * cell, : columns * cell].reshape(rows, cell, columns, cell)
    cells = grid.mean(axis=(1, 3))
    dense = (cells >= FIGURE_CELL_DENSITY).astype(np.uint8)
    dense = cv2.morphologyEx(dense, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(dense, connectivity=8)
    figures = []
    for index in range(1, count):
        x, y, w, h, area = (int(v) for v in stats[index])
        if w * cell < FIGURE_MIN_MM[0] * mm or h * cell < FIGURE_MIN_MM[1] * mm:
            continue
        if area < FIGURE_FILL * w * h:
            continue
        if x == 0 or y == 0 or x + w >= columns or y + h >= rows:
            continue  # the scanner's dark border or the shadow of the binding, not a picture
        figures.append(Box(x * cell, y * cell, (x + w) * cell, (y + h) * cell))
    return tuple(sorted(figures, key=lambda box: (box.y0, box.x0)))
