"""Tone-mark restoration: put back the tone marks (and vowel marks) that recognition lost.

Tesseract's `vie` model reads the letters of a Vietnamese page well and its marks badly: a tone
over a circumflex vowel goes missing (nguồn → nguôn, chất → chât), a grave turns into a hook
(vào → vảo), a hook into a tilde or an acute (bổ → bỗ, chuyển → chuyến). Restoration asks, for
every word, which spelling with the same letters — differing only in tone, in a vowel's
circumflex, breve or horn, or in d/đ — the page most likely shows. Two things answer:

- the syllable language model (`vietnamese.language_model`): how likely each candidate is
  among its neighbours, all neighbours' candidates weighed at once (`ocr.lattice`);
- the recogniser's own evidence: the word as read is favoured, less so when Tesseract was
  unsure of it (its word confidence), and a change costs more the less it looks like the
  mistakes recognition makes (a lost tone over â, ê, ô, ă, ơ, ư is the cheapest).

A word changes only when its new spelling is clearly the more probable one
(`RestoreSettings.margin`), or when the word as read is not Vietnamese at all (chât). Numbers,
codes (24-NQ/TU), abbreviations in capitals, capitalised names inside a sentence, words in mixed
case, foreign words and their neighbours are left as read; they still serve as context. So is a
real word standing alone between punctuation: with no neighbours to judge it by, only its
frequency would speak.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import numpy as np

from ocr.geometry import Box
from ocr.lattice import Choices, posteriors
from ocr.words import PageText, Word
from vietnamese.folding import fold
from vietnamese.language_model import (
    OTHER_ID,
    SyllableModel,
    Token,
    file_fingerprint,
    split_token,
    syllable_key,
)
from vietnamese.syllables import Tone, is_syllable, place_tone, split_tone

RESTORATION_VERSION = 1
"""Raise when a change here changes what restoration does, so restored texts count as stale."""

_MARKED_VOWELS = frozenset("ăâêôơư")
_MAX_REMEMBERED = 200_000  # word shapes whose candidates a Restorer keeps
_SENTENCE_ENDS = (".", ":", ";", "!", "?", ")")
_ROMAN = frozenset("IVXLC")


@dataclass(frozen=True)
class RestoreSettings:
    """How eager restoration is. Costs are natural-log units of probability (nats)."""

    margin: float = 0.9
    """A word that reads as Vietnamese changes only to a spelling at least this probable."""
    lost_tone: float = 1.0
    """A tone lost over a vowel that carries another mark (nguồn read as nguôn)."""
    other_tone: float = 3.5
    """A tone lost over a plain vowel, or read where there is none."""
    changed_tone: float = 2.5
    """One tone read as another."""
    changed_letter: float = 3.5
    """Each letter read with the wrong mark: ô, ơ or o; ă, â or a; ư or u; ê or e; đ or d."""
    max_changes: int = 2
    """Candidates differ from the word as read in at most this many marks."""


@dataclass
class _Slot:
    """A word of a segment with its candidates; `observed` indexes the word as read among
    them (-1: it is not a Vietnamese syllable, so it is not a candidate)."""

    index: int  # in the paragraph
    keys: tuple[str, ...]
    choices: Choices
    observed: int

    @property
    def fixed(self) -> bool:
        return len(self.keys) == 1 and self.observed == 0


@dataclass
class _Paragraph:
    words: Sequence[Word]
    segments: list[list[_Slot]]
    chosen: list[str | None]  # the key each word is restored to; None: as read


class Restorer:
    """Restores pages with one model and one set of settings; keeps what it learnt about each
    word shape it met, so that a long run gets faster."""

    def __init__(self, model: SyllableModel, settings: RestoreSettings | None = None) -> None:
        self.model = model
        self.settings = settings or RestoreSettings()
        self._candidates: dict[str, tuple[tuple[int, float], ...]] = {}

    def restore_page(self, page: PageText) -> PageText:
        """`page` with its words restored: a changed `Word` has the new `text` and the word as
        read in `raw`. Boxes, confidences and layout are unchanged."""
        old_style = _page_uses_old_style(page)
        paragraphs = [
            [word for line in paragraph.lines for word in line.words]
            for block in page.blocks
            for paragraph in block.paragraphs
        ]
        restored = iter(self.restore_runs(paragraphs, old_style=old_style))
        blocks = []
        for block in page.blocks:
            new_paragraphs = []
            for paragraph in block.paragraphs:
                words = iter(next(restored))
                lines = tuple(
                    replace(line, words=tuple(next(words) for _ in line.words))
                    for line in paragraph.lines
                )
                new_paragraphs.append(replace(paragraph, lines=lines))
            blocks.append(replace(block, paragraphs=tuple(new_paragraphs)))
        return replace(page, blocks=tuple(blocks))

    def restore_text(self, text: str, confidence: float = 90.0, *, old_style: bool = True) -> str:
        """A run of words (one paragraph), all read with `confidence`, restored."""
        words = [Word(part, Box(0, 0, 0, 0), confidence) for part in text.split()]
        (restored,) = self.restore_runs([words], old_style=old_style)
        return " ".join(word.text for word in restored)

    def restore_runs(
        self, runs: Sequence[Sequence[Word]], *, old_style: bool = True
    ) -> list[list[Word]]:
        """Runs of words in reading order (paragraphs), each restored; one model lookup for all."""
        paragraphs = [self._paragraph(words) for words in runs]
        open_segments = [
            (paragraph, segment)
            for paragraph in paragraphs
            for segment in paragraph.segments
            if not all(slot.fixed for slot in segment)
        ]
        found = posteriors([[slot.choices for slot in seg] for _, seg in open_segments], self.model)
        for (paragraph, segment), probabilities in zip(open_segments, found, strict=True):
            for slot, probability in zip(segment, probabilities, strict=True):
                best = int(np.argmax(probability))
                if best != slot.observed and (
                    slot.observed < 0 or probability[best] >= self.settings.margin
                ):
                    paragraph.chosen[slot.index] = slot.keys[best]
        return [_respelt(paragraph, old_style) for paragraph in paragraphs]

    def _paragraph(self, words: Sequence[Word]) -> _Paragraph:
        tokens = [split_token(word.text) for word in words]
        heading = _is_heading(tokens)
        foreign = [_is_foreign(token.core) for token in tokens]
        segments: list[list[_Slot]] = []
        segment: list[_Slot] = []
        for i, token in enumerate(tokens):
            if token.break_before and segment:
                segments.append(segment)
                segment = []
            if token.core:
                fixed = (
                    foreign[i]
                    or (i > 0 and foreign[i - 1])
                    or (i + 1 < len(tokens) and foreign[i + 1])
                    or _left_alone(i, tokens, heading)
                )
                segment.append(self._slot(i, token.core, words[i].confidence, fixed))
            if token.break_after and segment:
                segments.append(segment)
                segment = []
        if segment:
            segments.append(segment)
        return _Paragraph(words, [_judged(segment) for segment in segments], [None] * len(words))

    def _slot(self, index: int, core: str, confidence: float, fixed: bool) -> _Slot:
        key = syllable_key(core)
        known = self.model.ids.get(key) if key is not None else None
        alternatives = () if fixed else self._alternatives(core.lower())
        if not alternatives:
            return _Slot(index, (key or "",), Choices(np.asarray([known or OTHER_ID]), _ZERO), 0)
        error = _error_rate(confidence)
        keys: list[str] = []
        ids: list[int] = []
        evidence: list[float] = []
        observed = -1
        if key is not None:
            observed = 0
            keys.append(key)
            ids.append(known or OTHER_ID)
            # A syllable too rare for the vocabulary reads as <x>, the class of all other
            # words; its share of that class keeps it from looking likely.
            rare = 0.0 if known is not None else self.model.unknown_log_prob
            evidence.append(math.log1p(-error) + rare)
        for candidate, cost in alternatives:
            keys.append(self.model.vocabulary[candidate])
            ids.append(candidate)
            evidence.append(math.log(error) - cost)
        return _Slot(
            index,
            tuple(keys),
            Choices(np.asarray(ids, dtype=np.int64), np.asarray(evidence)),
            observed,
        )

    def _alternatives(self, lowered: str) -> tuple[tuple[int, float], ...]:
        """Syllables of the vocabulary with the letters of `lowered` but other marks, and the
        cost of each; the word itself is not among them."""
        found = self._candidates.get(lowered)
        if found is None:
            if len(self._candidates) >= _MAX_REMEMBERED:
                self._candidates.clear()  # a worker that runs for days keeps a bounded memory
            found = self._candidates[lowered] = tuple(self._find_alternatives(lowered))
        return found

    def _find_alternatives(self, lowered: str) -> list[tuple[int, float]]:
        seen = split_tone(lowered)
        if seen is None or not lowered.isalpha():
            return []
        own = syllable_key(lowered)
        result = []
        for candidate in self.model.by_skeleton.get(fold(lowered), ()):
            spelling = self.model.vocabulary[candidate]
            if spelling == own:
                continue
            cost = _cost(seen, spelling, self.settings)
            if cost is not None:
                result.append((candidate, cost))
        return result


_ZERO = np.zeros(1)


def _judged(segment: list[_Slot]) -> list[_Slot]:
    """`segment`, with a word that stands alone between punctuation left as read when it is a
    known syllable: without neighbours only its frequency would speak, and a stamp "MẬT" is
    not the commoner "MẤT". A misreading alone (nguôn, chât) is still restored."""
    if len(segment) != 1:
        return segment
    (slot,) = segment
    if slot.observed != 0 or slot.choices.ids[0] == OTHER_ID:
        return segment
    return [_Slot(slot.index, slot.keys[:1], Choices(slot.choices.ids[:1], _ZERO), 0)]


def _cost(seen: tuple[str, Tone], candidate: str, settings: RestoreSettings) -> float | None:
    """What it costs to believe recognition read `candidate` as `seen` (letters, tone);
    None when they differ in more than `max_changes` marks."""
    split = split_tone(candidate)
    if split is None or len(split[0]) != len(seen[0]):
        return None
    letters, tone = split
    seen_letters, seen_tone = seen
    changes = 0
    cost = 0.0
    for letter, seen_letter in zip(letters, seen_letters, strict=True):
        if letter != seen_letter:
            changes += 1
            cost += settings.changed_letter
    if tone != seen_tone:
        changes += 1
        if seen_tone is Tone.LEVEL:
            carrier = _tone_carrier(letters, tone)
            lost_over_mark = carrier is not None and seen_letters[carrier] in _MARKED_VOWELS
            cost += settings.lost_tone if lost_over_mark else settings.other_tone
        elif tone is Tone.LEVEL:
            cost += settings.other_tone
        else:
            cost += settings.changed_tone
    return cost if changes <= settings.max_changes else None


def _tone_carrier(letters: str, tone: Tone) -> int | None:
    """Index of the letter that carries `tone` in a syllable of `letters`."""
    placed = place_tone(letters, tone)
    for i, (a, b) in enumerate(zip(letters, placed, strict=False)):
        if a != b:
            return i
    return None


def _error_rate(confidence: float) -> float:
    """Prior probability that a word read with `confidence` (0–100) carries a wrong mark.

    Tesseract's word confidence is high for most words and drops on doubtful ones: the prior
    rises from 2% for a confident word (95 and up) to 40% for a doubtful one (70 and below).
    """
    return 0.02 + 0.38 * min(1.0, max(0.0, (95.0 - confidence) / 25.0))


def _respelt(paragraph: _Paragraph, old_style: bool) -> list[Word]:
    result = []
    for word, key in zip(paragraph.words, paragraph.chosen, strict=True):
        token = split_token(word.text)
        core = _spelt_like(key, token.core, old_style) if key else token.core
        if core == token.core:
            result.append(word)
        else:
            text = token.lead + core + token.trail
            result.append(replace(word, text=text, raw=word.raw or word.text))
    return result


def _spelt_like(key: str, core: str, old_style: bool) -> str:
    """`key` (lower case, canonical tone) in the letter case of `core` and the page's tone
    placement."""
    split = split_tone(key)
    if split is None or len(split[0]) != len(core):
        return core
    letters, tone = split
    cased = "".join(
        new.upper() if old.isupper() else new for new, old in zip(letters, core, strict=True)
    )
    return place_tone(cased, tone, old_style=old_style)


def _is_foreign(core: str) -> bool:
    """A word of plain Latin letters that is not a Vietnamese syllable (case, Internet)."""
    return len(core) > 1 and core.isascii() and core.isalpha() and not is_syllable(core)


def _left_alone(index: int, tokens: Sequence[Token], heading: bool) -> bool:
    """Whether the word at `index` is one restoration must not change (it is still context)."""
    token = tokens[index]
    core = token.core
    if not core.isalpha():
        return True  # numbers, codes (24-NQ/TU), words with digits or inner punctuation
    if len(core) == 1 and token.trail[:1] in (")", "."):
        return True  # a list marker (a), đ)) or an initial
    if core.isupper():
        # Capitals: a heading's words are restored; an abbreviation elsewhere is not.
        return len(core) == 1 or not heading
    if core[0].isupper():
        if len(core) > 1 and not core[1:].islower():
            return True  # mixed case (vỆ): not a spelling we can trust
        # Inside a sentence a capital starts a name, left alone, unless a number follows (a
        # reference: Điều 5, Chương II, Mục 3) or it is no syllable at all (Châp: no name).
        return (
            not _starts_sentence(index, tokens)
            and not _numbered(index, tokens)
            and is_syllable(core)
        )
    return not core.islower()


def _starts_sentence(index: int, tokens: Sequence[Token]) -> bool:
    for previous in reversed(tokens[:index]):
        if previous.core:
            return previous.trail[-1:] in _SENTENCE_ENDS
        if previous.is_punctuation:
            return True
    return True


def _numbered(index: int, tokens: Sequence[Token]) -> bool:
    if index + 1 >= len(tokens):
        return False
    core = tokens[index + 1].core
    return bool(core) and (core.isdigit() or (core.isupper() and set(core) <= _ROMAN))


def _is_heading(tokens: Sequence[Token]) -> bool:
    """Whether a run of words is set in capitals (a heading): most of its letters are."""
    letters = [c for token in tokens for c in token.core if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _page_uses_old_style(page: PageText) -> bool:
    """Whether the page puts tones on the first of oa, oe, uy (hòa, thủy), as most printed
    documents do; old style too when the page does not say."""
    old = new = 0
    for word in page.words():
        core = split_token(word.text).core.lower()
        split = split_tone(core)
        if split is None or split[1] is Tone.LEVEL or not split[0].endswith(("oa", "oe", "uy")):
            continue
        if split[0].endswith("quy"):
            continue
        if core == place_tone(split[0], split[1], old_style=True):
            old += 1
        elif core == place_tone(split[0], split[1]):
            new += 1
    return old >= new


def restoration_key(model_path: Path) -> str:
    """What decides restoration's results, for an OCR settings key: this code's version and the
    model file's hash. OSError when the file cannot be read."""
    return f"{RESTORATION_VERSION}:{file_fingerprint(model_path)}"


@cache
def restorer_for(model_path: Path) -> Restorer:
    """One `Restorer` per model file and process: a worker loads the model once."""
    return Restorer(SyllableModel.load(model_path))
