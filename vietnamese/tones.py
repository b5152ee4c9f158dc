"""Canonical tone-mark placement, so that hòa/hoà, thủy/thuỷ, khỏe/khoẻ give one search key.

Vietnamese spells the same syllable two ways when its vowel group is oa, oe or uy with no final
consonant: the "old" style puts the tone on the first vowel (hòa, thủy, khỏe), the "new" style on
the second (hoà, thuỷ, khoẻ). Typists, books and OCR mix both, and some text misplaces the mark
altogether (qúy, gìa). `canonical_tones` rewrites every Vietnamese syllable to one placement so the
search index and the query agree.

The canonical style here is the **new style**: the tone sits on the syllable's main vowel (its
nucleus), never on the glide o/u in front of it. Concretely, after taking off the initial consonant
(where `qu` and `gi` before a vowel count as consonants: quý, già; but gìn, gịt have `i` as vowel):

1. a vowel that carries a quality mark (ă â ê ô ơ ư) takes the tone; in ươ it is the ơ
   (người, được, thuở, khuyến);
2. otherwise, if a final consonant follows, the last vowel (hoàn, huỳnh, toán);
3. otherwise oa, oe, uy put it on the second vowel (hoà, khoẻ, thuỷ), other pairs on the first
   (mái, mùa, mía, túi), and three-vowel groups on the middle one (ngoài, khuỷu, ngoẹo).

This is for keys only: text shown to people keeps the page's own spelling.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The five tone marks as combining characters (NFD): huyền, sắc, ngã, hỏi, nặng.
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")

_VOWELS = frozenset("aăâeêioôơuưy")
_MARKED_VOWELS = frozenset("ăâêôơư")
# Longest first, so "ngh" wins over "ng" and "n". The Icelandic eth and the African D are
# look-alikes of đ that OCR and old fonts produce; they parse as đ.
_INITIAL_LIST = [
    "b", "c", "ch", "d", "đ", "ð", "ɖ", "g", "gh", "gi", "h", "k", "kh", "l", "m",
    "n", "ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
]  # fmt: skip
_INITIALS = sorted(_INITIAL_LIST, key=len, reverse=True)
_FINALS = frozenset(("", "c", "ch", "k", "m", "n", "ng", "nh", "p", "t"))
_SECOND_VOWEL_PAIRS = frozenset(("oa", "oe", "uy"))

# A run of letters (with any combining marks): one candidate syllable. Digits and "_" end it.
_LETTER_RUN = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")


def canonical_tones(text: str) -> str:
    """`text` (any normal form) in NFC with each Vietnamese syllable's tone in canonical place.

    Letter case is kept letter by letter (ỦY → UỶ). Words that are not Vietnamese syllables
    (café, José, a syllable with two tone marks) are returned as they are.
    """
    text = unicodedata.normalize("NFC", text)
    result = _LETTER_RUN.sub(_syllable_match, text)
    # A rewritten syllable is NFC on its own; normalising again only matters next to stray marks.
    return unicodedata.normalize("NFC", result)


def _syllable_match(match: re.Match[str]) -> str:
    return canonical_syllable(match.group())


@lru_cache(maxsize=65536)
def canonical_syllable(syllable: str) -> str:
    """One NFC syllable (a run of letters) with its tone moved to the canonical vowel."""
    split = split_tone_mark(syllable)
    if split is None or not split[1]:
        return syllable  # two tones, a stray mark, or no tone to move
    toneless, tone = split
    bases = list(toneless)
    lowered = [b.lower() for b in bases]
    if any(len(b) != 1 for b in lowered):
        return syllable
    index = tone_position("".join(lowered))
    if index is None:
        return syllable
    bases[index] = unicodedata.normalize("NFC", bases[index] + tone)
    return "".join(bases)


def split_tone_mark(syllable: str) -> tuple[str, str] | None:
    """`syllable` (NFC) without its tone mark, and that mark as a combining character ('' when
    it has none); None when it carries two tone marks, or a mark that does not compose with the
    letter it follows."""
    letters: list[str] = []
    tone = ""
    for char in syllable:
        decomposed = unicodedata.normalize("NFD", char)
        marks = [c for c in decomposed if c in TONE_MARKS]
        if not marks:
            letters.append(char)
            continue
        if tone or len(marks) > 1:
            return None
        tone = marks[0]
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        if len(base) != 1:
            return None
        letters.append(base)
    return "".join(letters), tone


def tone_position(toneless: str) -> int | None:
    """Index of the letter that takes the tone in a lower-case, toneless syllable.

    None when `toneless` does not parse as initial + vowels + final of Vietnamese.
    """
    initial = ""
    for candidate in _INITIALS:
        if toneless.startswith(candidate):
            rest = toneless[len(candidate) :]
            # "qu" and "gi" are consonants only in front of another vowel (quý, già vs gìn).
            if candidate in ("qu", "gi") and not (rest and rest[0] in _VOWELS):
                continue
            initial = candidate
            break
    rest = toneless[len(initial) :]
    length = 0
    while length < len(rest) and rest[length] in _VOWELS:
        length += 1
    nucleus, final = rest[:length], rest[length:]
    if not nucleus or length > 3 or final not in _FINALS:
        return None
    marked = [i for i, vowel in enumerate(nucleus) if vowel in _MARKED_VOWELS]
    if marked:
        offset = marked[-1]
    elif final or length == 1:
        offset = length - 1
    elif length == 2:
        offset = 1 if nucleus in _SECOND_VOWEL_PAIRS else 0
    else:
        offset = 1
    return len(initial) + offset
