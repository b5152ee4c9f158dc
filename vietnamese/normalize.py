"""Unicode normalisation: everything inside the program is NFC."""

from __future__ import annotations

import unicodedata


def nfc(text: str) -> str:
    """The NFC form of `text` (file names from macOS and some scanners arrive as NFD)."""
    return unicodedata.normalize("NFC", text)
