"""Search keys: the two forms of a word that the index stores and a query looks up."""

from __future__ import annotations

from functools import lru_cache

from vietnamese.folding import fold, unify_lookalikes
from vietnamese.normalize import nfc
from vietnamese.tones import canonical_tones


@lru_cache(maxsize=262144)
def search_key(word: str) -> tuple[str, str]:
    """`(exact, folded)` keys of `word`.

    exact: NFC, look-alikes read as Đ/đ, lower case, canonical tone placement ("Hòa" → "hoà",
    "Ðảng" → "đảng"). folded: `fold(exact)` ("hoa", "dang"). Cached: a page repeats its words,
    and the Vietnamese syllable inventory is small.
    """
    exact = canonical_tones(unify_lookalikes(nfc(word)).lower())
    return exact, fold(exact)
