"""Names from outside (file names, titles read from files) made safe to store and to show.

A file name on Linux is bytes: Python hands over the bytes that are not UTF-8 as lone surrogates,
which SQLite and a terminal refuse. A name can also carry control characters (an escape sequence
that recolours or clears the terminal) or bidirectional overrides that make a name read backwards
(`report\u202etxt.exe`). Both are escaped, visibly, so the person sees what is there.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

# Bidirectional embeddings, overrides and isolates: invisible, and they reorder what follows.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _escaped(character: str) -> str:
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def printable(text: str, *, keep_lines: bool = False) -> str:
    """`text` with bytes that were not UTF-8, control characters and bidirectional overrides
    written as visible escapes (`\\xff`, `\\x1b`, `\\u202e`); everything else unchanged.
    `keep_lines` leaves line breaks and tabs as they are (for messages of several lines)."""
    if text.isprintable():
        return text
    kept = "\n\t" if keep_lines else ""
    return "".join(
        _escaped(character)
        if character not in kept
        and (character in _BIDI_CONTROLS or unicodedata.category(character) in ("Cc", "Cs"))
        else character
        for character in text
    )


def display_name(path: Path | str) -> str:
    """A file's name (its last part) as `printable` text."""
    return printable(Path(path).name)
