"""The Vietnamese language: normalisation, folding, syllables, dates and numbers."""

from vietnamese.folding import fold, has_diacritics, unify_lookalikes
from vietnamese.keys import search_key
from vietnamese.normalize import nfc
from vietnamese.tones import canonical_tones

__all__ = ["canonical_tones", "fold", "has_diacritics", "nfc", "search_key", "unify_lookalikes"]
