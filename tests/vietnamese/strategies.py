"""Hypothesis strategies for Vietnamese text."""

from __future__ import annotations

import unicodedata

from hypothesis import strategies as st

_BASES = "aăâeêioôơuưy"
_TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
_VOWELS = [unicodedata.normalize("NFC", b + t) for b in _BASES for t in _TONES]
_LETTERS = _VOWELS + list("bcdđghklmnpqrstvxfjwz") + ["Ð", "ð", "Ɖ", "ɖ"]
_ALPHABET = _LETTERS + [v.upper() for v in _LETTERS] + list(" -/.,0123456789") + ["\u0301"]

_INITIALS = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m",
    "n", "ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
]  # fmt: skip
_FINALS = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]


@st.composite
def syllables(draw: st.DrawFn) -> str:
    """A syllable shaped like Vietnamese (initial, one to three vowels, final), any case."""
    initial = draw(st.sampled_from(_INITIALS))
    vowels = draw(st.lists(st.sampled_from(_VOWELS), min_size=1, max_size=3))
    final = draw(st.sampled_from(_FINALS))
    syllable = initial + "".join(vowels) + final
    style = draw(st.sampled_from(["lower", "upper", "title"]))
    return str(getattr(syllable, style)())


def vietnamese_text() -> st.SearchStrategy[str]:
    """Syllable-shaped words mixed with arbitrary runs of Vietnamese letters and punctuation."""
    words = st.one_of(syllables(), st.text(alphabet=_ALPHABET, max_size=8))
    return st.lists(words, max_size=8).map(" ".join)
