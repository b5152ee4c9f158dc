"""The syllable language model: how likely a Vietnamese syllable is after the one or two before.

The model is a table of counts built from real Vietnamese text (see
`resources/language/make_model.py`): how often each syllable occurs, and each pair and triple
of syllables in a row. It scores with interpolated Kneser-Ney smoothing, so a pair never seen
still gets a probability from how many different syllables each word follows.

Text is read as *segments*: runs of words between punctuation. Each segment is framed by the
boundary token `<s>`; a word that is not a Vietnamese syllable (a number, a code, a foreign
word) is the token `<x>`. Syllables are keyed lower case with canonical tone placement
(`search_key`), so hòa and hoà count as one.

The table is a NumPy `.npz` file: the vocabulary, counts, and the pairs and triples as sorted
integer keys, looked up with binary search, so that loading it is a few array reads and scoring
many pairs at once is one vectorised call.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from vietnamese.folding import fold
from vietnamese.keys import search_key
from vietnamese.syllables import is_syllable

BOUNDARY = "<s>"
OTHER = "<x>"
BOUNDARY_ID = 0
OTHER_ID = 1
FORMAT = 1

# Punctuation that ends a segment: the words on either side are not read as neighbours.
# Commas do not: the words of a list ("sông, suối, kênh") are each other's best context.
_BREAKS = frozenset(".;:!?()[]{}…|•·<>=+*")
_EDGES = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)
DISCOUNT = 0.75
"""Kneser-Ney's absolute discount, the usual value."""

IdArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Token:
    """One whitespace-separated word as the model reads it: the punctuation before it
    (`lead`), its `core`, the punctuation after it (`trail`)."""

    lead: str
    core: str
    trail: str

    @property
    def break_before(self) -> bool:
        """Whether punctuation in front ends the segment before this word."""
        return self.is_punctuation or any(c in _BREAKS for c in self.lead)

    @property
    def break_after(self) -> bool:
        """Whether punctuation after it ends the segment with this word."""
        return self.is_punctuation or any(c in _BREAKS for c in self.trail)

    @property
    def is_punctuation(self) -> bool:
        """A word of punctuation alone ("–", "..."): it ends a segment on both sides."""
        return not self.core and bool(self.lead or self.trail)


def split_token(word: str) -> Token:
    """`word` cut into leading punctuation, core and trailing punctuation ("(hồ," → "(",
    "hồ", ","). Punctuation alone ("–") is all `lead`."""
    match = _EDGES.match(word)
    if match is None:  # pragma: no cover - the pattern matches any string
        return Token("", word, "")
    lead, core, trail = match.groups()
    return Token(lead, core, trail)


def syllable_key(core: str) -> str | None:
    """The model's key for a word (lower case, canonical tone), or None if it is not a
    Vietnamese syllable."""
    if not core.isalpha() or not is_syllable(core):
        return None
    return search_key(core)[0]


def segments(text: str) -> Iterator[list[str]]:
    """The segments of `text` as lists of keys (`<x>` for other words), without boundaries."""
    keys: dict[str, str] = {}
    for line in text.splitlines():
        segment: list[str] = []
        for word in line.split():
            token = split_token(word)
            if token.break_before and segment:
                yield segment
                segment = []
            if token.core:
                key = keys.get(token.core)
                if key is None:
                    key = keys[token.core] = syllable_key(token.core) or OTHER
                segment.append(key)
            if token.break_after and segment:
                yield segment
                segment = []
        if segment:
            yield segment


def file_fingerprint(path: Path) -> str:
    """The first 16 hex digits of a model file's SHA-256: another table, other results.
    OSError when the file cannot be read."""
    status = path.stat()
    return _fingerprint(path, status.st_size, status.st_mtime_ns)


@lru_cache(maxsize=8)
def _fingerprint(path: Path, size: int, modified: int) -> str:
    # Keyed by size and time as well: a table rebuilt while a program runs is hashed anew.
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


class SyllableModel:
    """A loaded model. Ids index `vocabulary`; 0 is `<s>`, 1 is `<x>`."""

    def __init__(self, arrays: dict[str, npt.NDArray[np.generic]], fingerprint: str) -> None:
        self.fingerprint = fingerprint
        """First 16 hex digits of the file's SHA-256: a different table, different results."""
        self.notice = str(arrays["notice"].item())
        """Where the counts come from and under which licence."""
        self.vocabulary: tuple[str, ...] = tuple(
            bytes(arrays["vocabulary"].item()).decode("utf-8").split("\n")
        )
        self.ids = {key: i for i, key in enumerate(self.vocabulary)}
        size = len(self.vocabulary)
        self._size = size
        self._context = arrays["context_counts"].astype(np.float64)
        preceders = arrays["preceders"].astype(np.float64)
        # Continuation probability: in how many different pairs a syllable comes second.
        self._continuation = np.log((preceders + 0.5) / (preceders.sum() + 0.5 * size))
        self._bigram_keys = arrays["bigram_keys"].astype(np.int64)
        self._bigram_counts = arrays["bigram_counts"].astype(np.float64)
        self._trigram_keys = arrays["trigram_keys"].astype(np.int64)
        self._trigram_counts = arrays["trigram_counts"].astype(np.float64)
        # Backoff weights: what the discounted pairs (triples) kept in the table leave of their
        # context's probability goes to the order below, so that every distribution sums to one
        # although rare pairs and triples were left out of the table.
        kept = np.bincount(
            self._bigram_keys // size,
            weights=np.maximum(self._bigram_counts - DISCOUNT, 0.0),
            minlength=size,
        )
        self._bigram_backoff = np.where(
            self._context > 0, 1.0 - kept / np.maximum(self._context, 1.0), 1.0
        )
        pair_of_triple = np.searchsorted(self._bigram_keys, self._trigram_keys // size)
        kept_after_pair = np.bincount(
            pair_of_triple,
            weights=np.maximum(self._trigram_counts - DISCOUNT, 0.0),
            minlength=len(self._bigram_keys),
        )
        self._trigram_backoff = 1.0 - kept_after_pair / np.maximum(self._bigram_counts, 1.0)
        min_count = int(arrays["min_syllable"]) if "min_syllable" in arrays else 1
        self.unknown_log_prob = math.log(min_count / max(float(self._context[OTHER_ID]), 1.0))
        """Natural-log share of one syllable too rare to be in the vocabulary among the `<x>`
        tokens: what reading such a syllable as `<x>` must add to be fair to the others."""

    @classmethod
    def load(cls, path: Path) -> SyllableModel:
        """Read a model file; ValueError when it is not one this program can read."""
        with np.load(path, allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in npz.files}
        if "format" not in arrays or int(arrays["format"]) != FORMAT:
            raise ValueError(f"{path} is not a syllable model of format {FORMAT}")
        return cls(arrays, file_fingerprint(path))

    def __len__(self) -> int:
        return self._size

    @cached_property
    def by_skeleton(self) -> dict[str, tuple[int, ...]]:
        """Syllable ids by their skeleton: folded, so without tone, quality marks or đ
        ("nguôn", "nguồn", "ngườn" → "nguon")."""
        groups: dict[str, list[int]] = {}
        for i, key in enumerate(self.vocabulary[2:], start=2):
            groups.setdefault(fold(key), []).append(i)
        return {skeleton: tuple(ids) for skeleton, ids in groups.items()}

    def count(self, key: str) -> int:
        """How often `key` occurred in the text the model was built from (0: never)."""
        i = self.ids.get(key)
        return 0 if i is None else int(self._context[i])

    def bigram_log_probs(self, previous: IdArray, current: IdArray) -> FloatArray:
        """Natural-log P(current | previous), element by element."""
        previous = np.asarray(previous, dtype=np.int64)
        current = np.asarray(current, dtype=np.int64)
        counts, _ = self._lookup(
            self._bigram_keys, self._bigram_counts, previous * self._size + current
        )
        context = np.maximum(self._context[previous], 1.0)
        probability = np.maximum(counts - DISCOUNT, 0.0) / context + self._bigram_backoff[
            previous
        ] * np.exp(self._continuation[current])
        return np.asarray(np.log(probability), dtype=np.float64)

    def trigram_log_probs(self, first: IdArray, second: IdArray, current: IdArray) -> FloatArray:
        """Natural-log P(current | first, second), element by element."""
        first = np.asarray(first, dtype=np.int64)
        second = np.asarray(second, dtype=np.int64)
        current = np.asarray(current, dtype=np.int64)
        lower = np.exp(self.bigram_log_probs(second, current))
        pair = first * self._size + second
        pair_counts, where = self._lookup(self._bigram_keys, self._bigram_counts, pair)
        backoff = np.where(where >= 0, self._trigram_backoff[np.maximum(where, 0)], 1.0)
        counts, _ = self._lookup(
            self._trigram_keys, self._trigram_counts, pair * self._size + current
        )
        probability = np.maximum(counts - DISCOUNT, 0.0) / np.maximum(pair_counts, 1.0)
        return np.asarray(np.log(probability + backoff * lower), dtype=np.float64)

    @staticmethod
    def _lookup(
        keys: npt.NDArray[np.int64], counts: FloatArray, wanted: npt.NDArray[np.int64]
    ) -> tuple[FloatArray, npt.NDArray[np.int64]]:
        """Counts of `wanted` keys (0 when absent) and their index in `keys` (-1 when absent)."""
        if len(keys) == 0:
            return np.zeros(wanted.shape), np.full(wanted.shape, -1, dtype=np.int64)
        where = np.searchsorted(keys, wanted)
        clipped = np.minimum(where, len(keys) - 1)
        found = keys[clipped] == wanted
        return np.where(found, counts[clipped], 0.0), np.where(found, clipped, -1)
