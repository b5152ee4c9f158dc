"""Diacritic folding and look-alike letters.

Folding gives the form a person types without a Vietnamese keyboard: "Đảng ủy" → "Dang uy".
Look-alikes are letters that are not Vietnamese but look like Đ/đ and turn up in OCR output and
in text typed with old fonts: Ð (U+00D0, Icelandic eth), Ɖ (U+0189, African D) and their lower
cases ð (U+00F0) and ɖ (U+0256). For search they read as Đ/đ.
"""

from __future__ import annotations

import re
import unicodedata

# Look-alike → the Vietnamese letter it stands for.
LOOKALIKES = str.maketrans({"Ð": "Đ", "Ɖ": "Đ", "ð": "đ", "ɖ": "đ"})

# đ has no decomposition in Unicode, so stripping marks alone leaves it; fold it (and the
# look-alikes, so folding never depends on which of them a page used) by hand.
_FOLD_LETTERS = str.maketrans(
    {"đ": "d", "Đ": "D", "Ð": "D", "Ɖ": "D", "ð": "d", "ɖ": "d"},
)
_ASCII = re.compile(r"[\x00-\x7f]*")


def unify_lookalikes(text: str) -> str:
    """`text` with Ð/Ɖ/ð/ɖ replaced by Đ/đ."""
    return text.translate(LOOKALIKES)


def fold(text: str) -> str:
    """`text` without any diacritics, đ/Đ → d/D, in NFC ("Nghị quyết" → "Nghi quyet")."""
    if _ASCII.fullmatch(text):
        return text  # the common case for already folded keys: nothing to strip
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", stripped.translate(_FOLD_LETTERS))


def has_diacritics(text: str) -> bool:
    """Whether folding would change `text` (it carries a mark, or đ/Đ or a look-alike)."""
    return fold(text) != unicodedata.normalize("NFC", text)
