"""Tokenising Vietnamese OCR text into search keys.

A page is cut into *syllables*: runs of letters and digits, separated by spaces and punctuation.
Each syllable gets a position (for phrases) and two keys from `vietnamese.search_key`: exact
("nghị") and folded ("nghi").

Codes and dates are kept whole as well: "24-NQ/TU" gives the syllables "24", "nq", "tu" and the
*code* "24-nq/tu" at the position of its first part, so both `24-NQ/TU` and `NQ` find it. A code is
two or more parts joined by single `-` `/` `.` (dashes of any kind count as "-"), where some part
has a digit (18/5/2021, 1.200) or every part is upper case (QĐ-UBND, TP.HCM). Ordinary hyphenated
words ("Nội-Hải") are not codes: their syllables are enough.

Two very common syllables in a row ("là một", "nghị quyết", "của các") are also kept as a
*pair* key: each is on nearly every page, the pair on far fewer, so a phrase holding them looks
at the positions of the pages with the pair only.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import repeat
from typing import NamedTuple

from vietnamese.folding import fold
from vietnamese.frequent import FREQUENT_SYLLABLES
from vietnamese.keys import search_key

# Letters, digits and combining marks ("_" is punctuation here: `tokenize` blanks it first, which
# keeps this one character class, several times faster than an alternation).
_PART = re.compile(r"[\w\u0300-\u036f]+")
_CONNECTORS = frozenset("-/.\u2010\u2011\u2012\u2013\u2014\u2212")
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))
# Longer runs are OCR garbage or data (hashes, URLs squeezed together); nobody searches them.
MAX_KEY_LENGTH = 60


class Token(NamedTuple):
    """One searchable unit of a text.

    `start`/`end` are offsets into the (NFC) text, so `text[start:end]` is the word as spelt.
    `position` counts syllables; a code shares the position of its first part. `is_code` marks
    the whole-code token, which phrases skip.
    """

    start: int
    end: int
    position: int
    exact: str
    folded: str
    is_code: bool = False


def tokenize(text: str) -> list[Token]:
    """Syllables and codes of an NFC `text`, in reading order (a code just before its parts).

    Made without a Python step per syllable (snippets tokenise every hit's page): parts,
    offsets, keys and tokens come from maps over the regular expression's matches; only codes,
    found from the connectors, take a step each. Same tokens as `reference_tokenize`."""
    blanked = text.replace("_", " ")
    matches = list(_PART.finditer(blanked))
    words = list(map(re.Match.group, matches))
    exact = list(map(_EXACT.__getitem__, words))
    if "" in exact:  # an over-long run: skipped, and the positions with it
        return reference_tokenize(text)
    starts = list(map(re.Match.start, matches))
    ends = list(map(re.Match.end, matches))
    folded = map(_FOLDED.__getitem__, words)
    fields = zip(starts, ends, range(len(words)), exact, folded, repeat(False))
    tokens: list[Token] = list(map(tuple.__new__, repeat(Token), fields))
    if not _CONNECTOR_AHEAD.search(blanked):
        return tokens
    # Parts joined by exactly one connector, in runs; a run that is a code goes in whole, at the
    # position of its first part, just before it.
    after = {end: i for i, end in enumerate(ends)}
    joined = [
        i
        for at in map(re.Match.start, _CONNECTOR_AHEAD.finditer(blanked))
        if (i := after.get(at)) is not None and starts[i + 1] == at + 1
    ]
    codes: list[Token] = []
    for _, run in itertools.groupby(enumerate(joined), lambda pair: pair[1] - pair[0]):
        indices = [i for _, i in run]
        first, last = indices[0], indices[-1] + 1
        if _is_code(words[first : last + 1]):
            start, end = starts[first], ends[last]
            key = search_key(text[start:end].translate(_DASHES))[0]
            if len(key) <= MAX_KEY_LENGTH:
                codes.append(Token(start, end, first, key, fold(key), is_code=True))
    for code in reversed(codes):
        tokens.insert(code.position, code)
    return tokens


def reference_tokenize(text: str) -> list[Token]:
    """`tokenize`, one step per part: the definition, and the way over-long runs are skipped."""
    parts = [m.span() for m in _PART.finditer(text.replace("_", " "))]
    tokens: list[Token] = []
    position = 0
    i = 0
    while i < len(parts):
        # Extend a run of parts joined by exactly one connector character.
        j = i
        while (
            j + 1 < len(parts)
            and parts[j + 1][0] == parts[j][1] + 1
            and text[parts[j][1]] in _CONNECTORS
        ):
            j += 1
        if j > i and _is_code([text[s:e] for s, e in parts[i : j + 1]]):
            start, end = parts[i][0], parts[j][1]
            exact = search_key(text[start:end].translate(_DASHES))[0]
            if len(exact) <= MAX_KEY_LENGTH:
                tokens.append(Token(start, end, position, exact, fold(exact), is_code=True))
        for start, end in parts[i : j + 1]:
            exact, folded = search_key(text[start:end])
            if len(exact) <= MAX_KEY_LENGTH:
                tokens.append(Token(start, end, position, exact, folded))
                position += 1
        i = j + 1
    return tokens


def _is_code(parts: list[str]) -> bool:
    if any(any(c.isdigit() for c in part) for part in parts):
        return True
    return all(part.isupper() for part in parts)


def syllables(tokens: list[Token]) -> list[Token]:
    """The tokens without whole codes: the sequence phrases are matched against."""
    return [t for t in tokens if not t.is_code]


def pair_key(first: str, second: str) -> str:
    """The key of two folded syllables in a row ("_" never occurs inside a syllable key, and
    keeps the pair one key of a space-separated stream)."""
    return f"{first}_{second}"


def is_frequent_pair(first: str, second: str) -> bool:
    """Whether two folded syllables in a row are indexed as a pair: both are very common, so
    a phrase of them would otherwise check the positions on nearly every page, where the pair
    is on far fewer. (A phrase with a rarer word needs no pair: the engine checks positions
    only on that word's pages.)"""
    return first in FREQUENT_SYLLABLES and second in FREQUENT_SYLLABLES


@dataclass(frozen=True)
class TextKeys:
    """A text's keys as the index takes them: space-separated streams, one key per position.

    `exact` and `folded` hold the syllables' keys in reading order, then the codes' keys;
    `pairs` the frequent pairs (see `is_frequent_pair`).
    """

    exact: str
    folded: str
    pairs: str


class _KeyCache(dict[str, str]):
    """One key of each distinct word, made once: a page repeats its words, and Vietnamese has
    about 7,000 syllables in use. Looked up from C (`map(cache.__getitem__, words)`), so a word
    already seen costs no Python call. Over-long words get "" (they are not tokens)."""

    LIMIT = 500_000  # distinct words kept (OCR garbage is unbounded): then it starts afresh

    def __init__(self, part: int) -> None:
        super().__init__()
        self._part = part

    def __missing__(self, word: str) -> str:
        if len(self) >= self.LIMIT:
            self.clear()
        if word.isascii():  # no marks, no tones to place: both keys are the lower case
            key = word.lower() if len(word) <= MAX_KEY_LENGTH else ""
            self[word] = key
            return key
        keys = search_key(word)
        key = keys[self._part] if len(keys[0]) <= MAX_KEY_LENGTH else ""
        self[word] = key
        return key


_EXACT = _KeyCache(0)
_FOLDED = _KeyCache(1)
# A connector with a part after it: where a code can continue (rare on a page, found fast), and
# the run of parts joined by single connectors starting at a part.
_CONNECTOR_AHEAD = re.compile(r"[-/.\u2010\u2011\u2012\u2013\u2014\u2212](?=[\w\u0300-\u036f])")
_JOINED = re.compile(
    r"[\w\u0300-\u036f]++(?:[-/.\u2010\u2011\u2012\u2013\u2014\u2212][\w\u0300-\u036f]++)+"
)


def _codes(text: str) -> Iterator[str]:
    """The runs of `text` (NFC, "_" blanked) that `tokenize` makes codes, in order."""
    consumed = 0
    for connector in _CONNECTOR_AHEAD.finditer(text):
        at = connector.start()
        if at < consumed:
            continue
        start = at
        while start > 0 and _PART.match(text, start - 1, start):
            start -= 1
        if start == at:  # no part before the connector
            continue
        run = _JOINED.match(text, start)
        if run is None:
            continue
        consumed = run.end()
        if _is_code(_PART.findall(run[0])):
            yield run[0]


def analyse_text(text: str) -> TextKeys:
    """The key streams of `text` (any normalisation form): the keys `tokenize` gives, made
    without a Python step per word (indexing's hot path)."""
    text = unicodedata.normalize("NFC", text).replace("_", " ")
    words = _PART.findall(text)
    exact = list(map(_EXACT.__getitem__, words))
    folded = list(map(_FOLDED.__getitem__, words))
    if "" in exact:  # over-long runs are skipped, as `tokenize` skips them
        exact = [key for key in exact if key]
        folded = [key for key in folded if key]
    frequent = FREQUENT_SYLLABLES
    pairs = [f"{a}_{b}" for a, b in itertools.pairwise(folded) if a in frequent and b in frequent]
    for run in _codes(text):
        key = search_key(run.translate(_DASHES))[0]
        if len(key) <= MAX_KEY_LENGTH:
            exact.append(key)
            folded.append(fold(key))
    return TextKeys(" ".join(exact), " ".join(folded), " ".join(pairs))


@dataclass
class PageAnalysis:
    """Everything the index stores for one text, computed once and shared by its fields:
    each key with the positions where it occurs, and each frequent pair with the position of
    its first syllable."""

    exact: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    folded: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    pairs: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, text: str) -> PageAnalysis:
        analysis = cls()
        previous: Token | None = None
        for token in tokenize(unicodedata.normalize("NFC", text)):
            analysis.exact[token.exact].append(token.position)
            analysis.folded[token.folded].append(token.position)
            if token.is_code:
                continue
            if previous is not None and is_frequent_pair(previous.folded, token.folded):
                analysis.pairs[pair_key(previous.folded, token.folded)].append(previous.position)
            previous = token
        return analysis
