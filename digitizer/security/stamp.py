"""The stamp detector: reads the OCR of a first page's header zone for a secrecy stamp (dấu chỉ
độ mật) — MẬT, TỐI MẬT or TUYỆT MẬT — and proposes that level.

A stamp is a short group of capital letters standing on its own: a line of the header zone, or
a part of one set off by a wide gap (a stamp beside the document number reads as one OCR line).
So "mật" inside a sentence, "BẢO VỆ BÍ MẬT NHÀ NƯỚC" or "MẶT TRẬN" never count, while OCR slips
do: marks lost or wrong (MAT, TÔI MẬT, TUYÊT MẬT), look-alike characters (0 for O, l or 1 for
I), frame strokes read as | or [ ], a missing space (TỐIMẬT), spaced letters (M Ậ T), and one
wrong letter in the longer names.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from digitizer.model import Classification
from ocr.geometry import Box
from ocr.words import PageText, Word
from vietnamese.folding import fold

HEADER_SHARE = 0.35
"""The top share of the page that counts as the header zone."""
GAP_HEIGHTS = 2.5
"""A gap between words wider than this many word heights splits an OCR line into groups."""
MAX_TOKENS = 3

# Folded, spaces removed → level. Longest first: the longer names are matched with one slip.
_STAMPS = (
    ("TUYETMAT", Classification.ULTRA_SECRET),
    ("TOIMAT", Classification.TOP_SECRET),
    ("MAT", Classification.SECRET),
)
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "l": "I", "4": "A"})
_NOT_LETTER = re.compile(r"[^\w]|_", re.UNICODE)


@dataclass(frozen=True)
class StampFinding:
    level: Classification
    text: str  # as the OCR read it, e.g. "TÔI MẬT"
    box: Box  # in the page's pixels

    def as_json(self) -> dict[str, object]:
        return {"level": self.level.value, "text": self.text, "box": self.box.as_list()}


def detect_stamp(page: PageText, header_share: float = HEADER_SHARE) -> StampFinding | None:
    """The highest secrecy stamp in the page's header zone, or None."""
    limit = page.height * header_share
    best: StampFinding | None = None
    for line in page.lines():
        words = [w for w in line.words if (w.box.y0 + w.box.y1) / 2 < limit and w.text.strip()]
        for group in _groups(words):
            level = stamp_level([word.text for word in group])
            if level is not None and (best is None or level.rank > best.level.rank):
                best = StampFinding(level, " ".join(w.text for w in group), _union(group))
    return best


def stamp_level(tokens: list[str]) -> Classification | None:
    """The level a group of OCR tokens spells as a stamp, or None."""
    letters = [part for part in (_letters(token) for token in tokens) if part]
    folded = [fold(part).upper() for part in letters]
    if len(folded) > 2 and folded[:2] == ["DO", "MAT"]:
        letters, folded = letters[2:], folded[2:]  # the label "ĐỘ MẬT:" before the level
    spaced = all(len(part) == 1 for part in letters)
    if not letters or (len(letters) > MAX_TOKENS and not spaced):
        return None
    if not all(_capitals(part) for part in letters):
        return None
    joined = "".join(folded)
    for name, level in _STAMPS:
        if joined == name or (len(name) >= 6 and Levenshtein.distance(joined, name) <= 1):
            return level
    return None


def _letters(token: str) -> str:
    """The token's letters, frame strokes and punctuation dropped, look-alikes mapped."""
    return _NOT_LETTER.sub("", token.translate(_LOOKALIKES))


def _capitals(part: str) -> bool:
    """Written in capitals: the first letter and at least two thirds of them (one slip in a
    short word)."""
    if not part[0].isupper():
        return False
    upper = sum(1 for ch in part if ch.isupper())
    return upper * 3 >= len(part) * 2


def _groups(words: list[Word]) -> list[list[Word]]:
    """Runs of words without a wide gap between them."""
    if not words:
        return []
    height = statistics.median(max(1, w.box.y1 - w.box.y0) for w in words)
    ordered = sorted(words, key=lambda w: w.box.x0)
    groups = [[ordered[0]]]
    for word in ordered[1:]:
        if word.box.x0 - groups[-1][-1].box.x1 > GAP_HEIGHTS * height:
            groups.append([word])
        else:
            groups[-1].append(word)
    return groups


def _union(words: list[Word]) -> Box:
    return Box(
        min(w.box.x0 for w in words),
        min(w.box.y0 for w in words),
        max(w.box.x1 for w in words),
        max(w.box.y1 for w in words),
    )
