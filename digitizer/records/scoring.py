"""Scoring a proposed record against the record an archivist wrote: field by field, as the
benchmark and the tests count it.

Spelling that does not change a field's meaning is not held against it: letter case, where a
tone mark sits (hòa/hoà, Ủy/Uỷ), spacing and the punctuation at either end. A number the
archivist could only give as its printed symbol (handwritten number) is scored on the symbol;
a date given only as its year (handwritten day) on the year.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from vietnamese.tones import canonical_tones

SCORED = (
    "kind", "document_type", "number_symbol", "symbol", "issuing_body", "parent_body",
    "issued_on", "issued_year", "place", "abstract", "signing_authority", "signer_title",
    "signer_name", "recipients", "urgency",
)  # fmt: skip


def comparable(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ; ".join(sorted(comparable(v) for v in value))
    text = canonical_tones(str(value)).casefold()
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .,;:-–—*\"'")


def score(expected: Mapping[str, Any], record: Mapping[str, Any]) -> dict[str, bool]:
    """Field → whether the record has it right, for every field the archivist gave."""
    results: dict[str, bool] = {}
    for name in SCORED:
        wanted = expected.get(name)
        if wanted in (None, "", []):
            continue
        if name == "symbol":
            got = record.get("symbol") or _symbol_of(str(record.get("number_symbol") or ""))
        elif name == "issued_year":
            got = record.get("issued_year") or str(record.get("issued_on") or "")[:4]
        else:
            got = record.get(name)
        results[name] = comparable(got) == comparable(wanted)
    return results


def _symbol_of(number_symbol: str) -> str:
    """The printed symbol of a number and symbol: "05/CT-UBND" → "CT-UBND", "24-NQ/TU" →
    "NQ/TU"."""
    state = re.match(r"^\d+/(.+)$", number_symbol)
    if state:
        return state.group(1)
    party = re.match(r"^\d+-(.+)$", number_symbol)
    return party.group(1) if party else number_symbol
