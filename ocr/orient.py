"""Orientation decided by reading: when a page's shapes leave its orientation in doubt, or what
was read from it is poor, read a reduced copy in each of the four orientations and keep the
one that reads best.

Stamps, seals, tables and bilevel noise can fool the ascender heuristic of `ocr.prepare`; the
text itself cannot: read the wrong way up, Vietnamese turns into debris that is neither
confident nor made of valid syllables.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

import numpy as np
from PIL import Image

from ocr.engine import EngineSettings, recognise
from ocr.metrics import syllable_share
from ocr.words import PageText
from vietnamese.syllables import is_syllable

POOR_CONFIDENCE: Final = 70.0
"""Below this mean word confidence a reading is poor enough to be checked."""
POOR_SYLLABLES: Final = 0.6
"""Below this share of valid Vietnamese syllables a reading is poor enough to be checked."""
UPRIGHT_CONFIDENCE: Final = 80.0
UPRIGHT_SYLLABLES: Final = 0.8
"""A reading at least this confident, with at least this share of valid syllables, …"""
_UPRIGHT_WORDS: Final = 20
_LEVEL_SHARE: Final = 0.8
"""… of at least this many words of three letters or more, this share of them wider than
tall, proves the page upright as it is. On the real scans and the real circular, read upside
down or a quarter turn counter-clockwise, no page came above 55 confidence or 45 % valid
syllables (upright: 85–95 and 85–99 % on all but the damaged ones); read a quarter turn
clockwise, Tesseract's layout finds lines running down the page and reads them as well as
upright, but then every word's box is taller than wide."""
_READ_DPI: Final = 150
"""Resolution of the reduced copies read: enough for body text, a fraction of the time."""
_CLEAR_FACTOR: Final = 1.25
_CLEAR_MARGIN: Final = 3.0
"""Another orientation wins only with a score this much better (factor and words)."""
_SQUARE_SHARE: Final = 0.6
_ONE_BLOCK: Final = 6
"""Page segmentation for the check: one block of text. Tesseract's automatic layout finds
sideways lines and reads them turned, which would score a quarter turn off as well as
upright."""


def reads_poorly(text: PageText) -> bool:
    confidence = text.mean_confidence
    if confidence is None:
        return False  # nothing read: a blank page, no orientation to fix
    return confidence < POOR_CONFIDENCE or syllable_share(text.recognised_text) < POOR_SYLLABLES


def reads_upright(text: PageText) -> bool:
    """Whether a reading of the page as it is proves it upright, so that reading it four ways
    would tell nothing more."""
    confidence = text.mean_confidence
    if confidence is None or confidence < UPRIGHT_CONFIDENCE:
        return False
    if syllable_share(text.recognised_text) < UPRIGHT_SYLLABLES:
        return False
    words = [w for w in text.words() if sum(ch.isalpha() for ch in w.recognised) >= 3]
    level = sum(1 for word in words if word.box.width > word.box.height)
    return len(words) >= _UPRIGHT_WORDS and level >= _LEVEL_SHARE * len(words)


def reading_score(text: PageText) -> float:
    """Valid Vietnamese syllables read, each weighted by its confidence (0–1)."""
    total = 0.0
    for word in text.words():
        letters = "".join(ch for ch in word.recognised.lower() if ch.isalpha())
        if letters and is_syllable(letters):
            total += word.confidence / 100.0
    return total


def _inked_square(image: Image.Image) -> Image.Image:
    """A square about the middle of the page's ink, 60 % of the page's shorter side: enough
    lines to tell the orientation, at a fraction of the time of the whole page."""
    pixels = np.asarray(image) < 128
    rows, columns = np.flatnonzero(pixels.any(axis=1)), np.flatnonzero(pixels.any(axis=0))
    if not len(rows):
        return image
    side = round(_SQUARE_SHARE * min(image.size))
    middle_x = (int(columns[0]) + int(columns[-1])) // 2
    middle_y = (int(rows[0]) + int(rows[-1])) // 2
    left = min(max(0, middle_x - side // 2), max(0, image.width - side))
    top = min(max(0, middle_y - side // 2), max(0, image.height - side))
    return image.crop((left, top, min(image.width, left + side), min(image.height, top + side)))


@dataclass(frozen=True)
class OrientationCheck:
    extra_turns: int
    """Counter-clockwise quarter turns to add to the page as prepared (0: keep it)."""
    scores: tuple[float, float, float, float]
    """`reading_score` of the reduced page read after 0, 1, 2, 3 more quarter turns."""

    @property
    def reason(self) -> str:
        read = ", ".join(f"{turn * 90}°: {value:.0f}" for turn, value in enumerate(self.scores))
        return f"read in four orientations ({read})"


def check_orientation(page: Path, dpi: int, engine: EngineSettings) -> OrientationCheck:
    """Read a square of the prepared page image `page` turned 0–3 quarter turns (reduced to
    about 150 ppi) and say which reads best; the page as it is keeps its orientation unless
    another one reads clearly better."""
    with Image.open(page) as opened:
        opened.load()
        image = opened.convert("L")
    # Low-resolution pages are enlarged (at most twice) as recognition's own copy is.
    scale = min(2.0, _READ_DPI / dpi) if dpi > 0 else 1.0
    read_dpi = dpi
    if scale != 1.0:
        image = image.resize(
            (max(1, round(image.width * scale)), max(1, round(image.height * scale))),
            Image.Resampling.LANCZOS,
        )
        read_dpi = _READ_DPI
    image = _inked_square(image)
    as_one_block = replace(engine, page_segmentation=_ONE_BLOCK)
    scores = []
    for turns in range(4):
        turned = image.rotate(90 * turns, expand=True) if turns else image
        scores.append(reading_score(recognise(turned, read_dpi, as_one_block)))
    best = max(range(4), key=lambda turn: scores[turn])
    kept = scores[0]
    clearly = scores[best] >= _CLEAR_FACTOR * kept and scores[best] >= kept + _CLEAR_MARGIN
    return OrientationCheck(
        best if best and clearly else 0, (scores[0], scores[1], scores[2], scores[3])
    )
