"""Quality of recognised text against ground truth: character and word error rates."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from vietnamese.normalize import nfc
from vietnamese.syllables import is_syllable

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


# A token of dots, ellipses, underscores or dashes only: a form's leader, not a word.
_LEADER = re.compile(r"^[.…_\-–—·:,;]+$")
_EDGE_PUNCTUATION = "\"'“”‘’()[]{}.,;:!?…_*«»"


def _recall_words(text: str) -> list[str]:
    words = []
    for token in normalise(text).split():
        if _LEADER.match(token):
            continue
        # "Xã,……" or "(ký," are the same word as "Xã" or "ký" to a reader looking for it.
        word = token.strip(_EDGE_PUNCTUATION).rstrip(".…_")
        word = re.sub(r"[.…_]{2,}.*$", "", word)
        if word:
            words.append(word)
    return words


def word_recall(recognised: str, reference: str) -> float:
    """Share of the reference's words found in the recognised text, in any order.

    For forms and tables, which have no single reading order, this says how much of the page
    was read at all where CER mostly measures the order. Leaders (dots, underscores) are not
    words; each reference word counts as found as often as the recognised text has it.
    """
    truth = Counter(_recall_words(reference))
    total = sum(truth.values())
    if not total:
        return 1.0
    found = Counter(_recall_words(recognised))
    return sum(min(count, found[word]) for word, count in truth.items()) / total


_LETTERS = re.compile(r"[^\W\d_]+")


def syllable_share(text: str) -> float:
    """Share of the text's letter runs that are valid Vietnamese syllables (0 when none).

    Upright Vietnamese reads at 0.8–0.95; the same page recognised upside down or sideways
    reads as debris well under half.
    """
    runs = [run.lower() for run in _LETTERS.findall(nfc(text))]
    if not runs:
        return 0.0
    return sum(1 for run in runs if is_syllable(run)) / len(runs)
