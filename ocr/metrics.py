"""Quality of recognised text against ground truth: character and word error rates."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from vietnamese.normalize import nfc

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """NFC, with every run of whitespace made one space and the ends trimmed."""
    return _SPACE.sub(" ", nfc(text)).strip()


@dataclass(frozen=True)
class Score:
    """Edit counts against a reference; rates are errors per reference character or word."""

    char_errors: int
    chars: int
    word_errors: int
    words: int

    @property
    def cer(self) -> float:
        return self.char_errors / self.chars if self.chars else float(self.char_errors > 0)

    @property
    def wer(self) -> float:
        return self.word_errors / self.words if self.words else float(self.word_errors > 0)

    def __add__(self, other: Score) -> Score:
        return Score(
            self.char_errors + other.char_errors,
            self.chars + other.chars,
            self.word_errors + other.word_errors,
            self.words + other.words,
        )


def score(recognised: str, reference: str) -> Score:
    hypothesis, truth = normalise(recognised), normalise(reference)
    hypothesis_words, truth_words = hypothesis.split(), truth.split()
    return Score(
        char_errors=Levenshtein.distance(hypothesis, truth),
        chars=len(truth),
        word_errors=Levenshtein.distance(hypothesis_words, truth_words),
        words=len(truth_words),
    )
