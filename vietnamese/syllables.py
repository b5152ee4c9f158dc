"""Vietnamese syllables: their parts (onset, rhyme, tone) and whether a word is one.

A Vietnamese syllable is an optional onset consonant, a rhyme (an optional glide o/u, a vowel
nucleus and an optional final consonant or off-glide) and one of six tones. The rhymes are a
closed list, written out below; spelling adds a few rules (k/gh/ngh only before i, y, e, ê;
c/g/ng never there) and the tone adds one (a syllable ending in p, t, c or ch takes only the
sắc or nặng tone). Anything else — abbreviations, codes, foreign words, OCR debris — is not a
syllable.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache

from vietnamese.tones import split_tone_mark, tone_position


class Tone(IntEnum):
    """The six tones; the value is the order dictionaries use (a, à, á, ả, ã, ạ)."""

    LEVEL = 0  # ngang: no mark
    FALLING = 1  # huyền: grave
    RISING = 2  # sắc: acute
    DIPPING = 3  # hỏi: hook above
    BROKEN = 4  # ngã: tilde
    HEAVY = 5  # nặng: dot below

    @property
    def mark(self) -> str:
        """The combining character of this tone ('' for the level tone)."""
        return _MARK_OF_TONE[self]


_MARK_OF_TONE = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_TONE_OF_MARK = {mark: Tone(i) for i, mark in enumerate(_MARK_OF_TONE) if mark}

ONSETS = frozenset(
    "b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x".split()  # noqa: SIM905
)
_ONSETS_LONGEST_FIRST = sorted(ONSETS, key=len, reverse=True)

RHYMES = frozenset(
    """
    a ai ao au ay am an ang anh ap at ac ach
    ăm ăn ăng ăp ăt ăc
    âu ây âm ân âng âp ât âc
    e eo em en eng ep et ec
    ê êu êm ên ênh êp êt êch
    i ia iu im in inh ip it ich
    iêu iêm iên iêng iêp iêt iêc
    y yêu yêm yên yêt
    o oi om on ong op ot oc oong ooc
    ô ôi ôm ôn ông ôp ôt ôc
    ơ ơi ơm ơn ơp ơt
    u ua ui um un ung up ut uc
    uôi uôm uôn uông uôt uôc
    ư ưa ưi ưu ưm ưn ưng ưt ưc
    ươi ươu ươm ươn ương ươp ươt ươc
    oa oai oay oam oan oang oanh oap oat oac oach
    oăm oăn oăng oăt oăc
    oe oeo oen oet
    uân uâng uât uây
    uê uêch uênh
    uy uya uyu uyn uynh uyt uych uyên uyêt
    uơ
    """.split()  # noqa: SIM905 - the list reads better as rows of one nucleus each
)
_STOP_FINALS = ("p", "t", "c", "ch")
_FRONT = frozenset("ieêy")  # vowels that take k, gh, ngh in front of them
_VOWELS = frozenset("aăâeêioôơuưy")


@dataclass(frozen=True)
class Syllable:
    """A parsed syllable, lower case: `onset` ('' for none), `rhyme` without tone, `tone`."""

    onset: str
    rhyme: str
    tone: Tone

    @property
    def toneless(self) -> str:
        return self.onset + self.rhyme


def split_tone(word: str) -> tuple[str, Tone] | None:
    """`word` (NFC) without its tone mark, and the tone; None when it carries two tone marks
    or a mark on something that is not a letter."""
    split = split_tone_mark(word)
    if split is None:
        return None
    toneless, mark = split
    return toneless, _TONE_OF_MARK[mark] if mark else Tone.LEVEL


@lru_cache(maxsize=65536)
def parse_syllable(word: str) -> Syllable | None:
    """`word` as a Vietnamese syllable (any case, NFC), or None when it is not one."""
    split = split_tone(word.lower())
    if split is None:
        return None
    toneless, tone = split
    for onset in [*_ONSETS_LONGEST_FIRST, ""]:
        if not toneless.startswith(onset):
            continue
        rhyme = toneless[len(onset) :]
        if _valid(onset, rhyme, tone):
            return Syllable(onset, rhyme, tone)
    return None


def is_syllable(word: str) -> bool:
    """Whether `word` is a well-formed Vietnamese syllable (any case)."""
    return parse_syllable(word) is not None


def _valid(onset: str, rhyme: str, tone: Tone) -> bool:
    if not rhyme or rhyme[0] not in _VOWELS:
        return False
    if rhyme.endswith(_STOP_FINALS) and tone not in (Tone.RISING, Tone.HEAVY):
        return False
    if onset == "qu":
        # The u of qu is the rhyme's glide: quân is q + uân, quê q + uê; que, quay keep a
        # rhyme of their own.
        return rhyme[0] not in "uưo" and (rhyme in RHYMES or "u" + rhyme in RHYMES)
    if onset == "gi":
        # gi + a vowel: già, giữa; the i merges with a following iê: giếng, giết.
        return rhyme in RHYMES or "i" + rhyme in RHYMES
    if rhyme not in RHYMES:
        return False
    front = rhyme[0] in _FRONT
    if onset in ("k", "gh", "ngh"):
        return front
    if onset in ("c", "ng"):
        return not front
    if onset == "g":
        return rhyme[0] not in "eê"  # g + i is gi; g + e is spelt gh
    return True


def place_tone(toneless: str, tone: Tone, *, old_style: bool = False) -> str:
    """`toneless` (NFC, any case) with `tone` on the vowel that takes it.

    New style by default (hoà, thuỷ), like `canonical_tones`; `old_style` puts it on the first
    of oa, oe, uy with nothing after them (hòa, thủy). Words that do not parse as a syllable
    shape get the mark on their last vowel.
    """
    if tone is Tone.LEVEL:
        return toneless
    lowered = toneless.lower()
    index = tone_position(lowered)
    if index is None:
        vowels = [i for i, c in enumerate(lowered) if c in _VOWELS]
        if not vowels:
            return toneless
        index = vowels[-1]
    elif (
        old_style
        and index == len(lowered) - 1
        and lowered[index - 1 : index + 1] in ("oa", "oe", "uy")
        and not lowered.startswith("qu", index - 2)
    ):
        index -= 1  # hòa, khỏe, thủy: on the first of the two vowels
    mark = tone.mark
    return (
        toneless[:index]
        + unicodedata.normalize("NFC", toneless[index] + mark)
        + toneless[index + 1 :]
    )
