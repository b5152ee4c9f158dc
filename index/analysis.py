"""Tokenising Vietnamese OCR text into search keys.

A page is cut into *syllables*: runs of letters and digits, separated by spaces and punctuation.
Each syllable gets a position (for phrases) and two keys from `vietnamese.search_key`: exact
("nghị") and folded ("nghi").

Codes and dates are kept whole as well: "24-NQ/TU" gives the syllables "24", "nq", "tu" and the
*code* "24-nq/tu" at the position of its first part, so both `24-NQ/TU` and `NQ` find it. A code is
two or more parts joined by single `-` `/` `.` (dashes of any kind count as "-"), where some part
has a digit (18/5/2021, 1.200) or every part is upper case (QĐ-UBND, TP.HCM). Ordinary hyphenated
words ("Nội-Hải") are not codes: their syllables are enough.

Two syllables in a row of which one is very common ("là một", "nghị quyết", "của trung") are
also kept as a *pair* key: the common one is on nearly every page, the pair on far fewer, so a
phrase holding it reads the pair instead of positions of the common syllable.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
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
    """Syllables and codes of an NFC `text`, in reading order (a code just before its parts)."""
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
    """Whether two folded syllables in a row are indexed as a pair: one of them is very common,
    so the pair is far rarer than it, and a phrase holding it needs no positions of the common
    syllable read (those are on nearly every page)."""
    return first in FREQUENT_SYLLABLES or second in FREQUENT_SYLLABLES


@dataclass
@dataclass(frozen=True)
class TextKeys:
    """A text's keys as the index takes them: space-separated streams, one key per position.

    `exact` and `folded` hold the syllables' keys in reading order, then the codes' keys;
    `pairs` the frequent pairs (see `is_frequent_pair`).
    """

    exact: str
    folded: str
    pairs: str


def analyse_text(text: str) -> TextKeys:
    """The key streams of `text` (any normalisation form)."""
    exact: list[str] = []
    folded: list[str] = []
    code_exact: list[str] = []
    code_folded: list[str] = []
    pairs: list[str] = []
    previous = ""
    for token in tokenize(unicodedata.normalize("NFC", text)):
        if token.is_code:
            code_exact.append(token.exact)
            code_folded.append(token.folded)
            continue
        exact.append(token.exact)
        folded.append(token.folded)
        if previous and is_frequent_pair(previous, token.folded):
            pairs.append(pair_key(previous, token.folded))
        previous = token.folded
    return TextKeys(" ".join(exact + code_exact), " ".join(folded + code_folded), " ".join(pairs))


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
