"""What the index keeps for a page: `PageEntry` and the Whoosh schema built from it.

One Whoosh document per page. The page's text is analysed once (`PageAnalysis`) and feeds four
fields: `folded` (keys without diacritics and their frequencies: every match is decided here),
`positions` (where each folded key stands, for phrases), `pairs` (two syllables in a row, one
of them very common, for cheap phrases of common words) and `exact` (keys with diacritics and their
frequencies: they rank exact spellings first).

The text itself is *not* stored: results get it back through the caller's `text_of(page_key)`
for snippets. Storing it would add about a tenth to the index, but it would be a second plaintext
copy of every page (secret ones included) outside the library, and snippets would show the text
as indexed rather than as last corrected.

Metadata is indexed three ways: a column holding the value as written (facet counts show it), a
whole-value folded key (the `filters=` argument: "Nghị quyết" matches "nghi quyet" but not
"Nghị quyết liên tịch"), and folded words with positions (in-query filters such as
`coquan:"tỉnh ủy"` match inside "Ban Thường vụ Tỉnh ủy").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh import columns, fields, formats

from index.analysis import PageAnalysis, syllables, tokenize
from vietnamese.normalize import nfc

# Bump when analysis or schema change: an index built by another format is reported damaged,
# and the library rebuilds it from the catalogue.
INDEX_FORMAT = 2
POSITION_DTYPE = np.dtype("<u4")


@dataclass(frozen=True)
class PageEntry:
    """One page as the index sees it. `page_key` is f"{document_id}:{page_number}", unique."""

    page_key: str
    document_id: str
    page_number: int
    text: str  # the page's text, NFC, as OCR (or a person) spelt it
    title: str = ""
    document_type: str = ""  # e.g. "Nghị quyết", "Chỉ thị", "Công văn"
    number_symbol: str = ""  # e.g. "24-NQ/TU"
    issuing_body: str = ""
    year: int | None = None
    collection: str = ""
    variants: str = ""
    """Other spellings of the page's words, space-separated: what recognition read before
    tone-mark restoration changed it. Searchable as exact keys, never shown."""


@dataclass(frozen=True)
class Facet:
    """A metadata field that can be filtered and counted."""

    name: str  # the key in `SearchResults.facets` and in `filters=`
    attribute: str  # the PageEntry attribute it comes from
    aliases: tuple[str, ...]  # names usable in a query: `loai:"Nghị quyết"`
    counted: bool = True  # appears in SearchResults.facets

    @property
    def column(self) -> str:
        return f"{self.name}_value"

    @property
    def key_field(self) -> str:
        return f"{self.name}_key"

    @property
    def words_field(self) -> str:
        return f"{self.name}_words"


FACETS: tuple[Facet, ...] = (
    Facet("type", "document_type", ("loai", "type", "document_type")),
    Facet("year", "year", ("nam", "year")),
    Facet("issuing_body", "issuing_body", ("coquan", "body", "issuing_body")),
    Facet("collection", "collection", ("bosuutap", "collection")),
    Facet("number", "number_symbol", ("so", "number", "number_symbol"), counted=False),
    Facet("title", "title", ("tieude", "title"), counted=False),
)
# Fields whose terms are ranked with BM25 (the others only select pages).
SCORED_FIELDS = frozenset(("exact", "folded"))
# Where the positions of a field's keys are kept, for phrases (metadata word fields keep their
# own, with frequencies as weights).
POSITIONS_OF = {"folded": "positions"}
# Where a field's frequent pairs are kept (see `analysis.is_frequent_pair`).
PAIRS_OF = {"folded": "pairs"}
FACET_BY_ALIAS: dict[str, Facet] = {alias: f for f in FACETS for alias in (f.name, *f.aliases)}
COUNTED_FACETS = tuple(f for f in FACETS if f.counted)


def value_key(value: str) -> str:
    """Whole-value filter key: folded syllables joined by spaces ("Nghị  Quyết" → "nghi quyet")."""
    return " ".join(t.folded for t in syllables(tokenize(nfc(value))))


class PackedPositions(formats.Positions):  # type: ignore[misc]
    """Positions as little-endian uint32s: the search reads many pages' positions at once as one
    numpy array, where Whoosh's own encoding (pickled deltas) needs a Python loop per page."""

    def encode(self, positions: list[int]) -> bytes:
        return np.asarray(positions, dtype=POSITION_DTYPE).tobytes()

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return [int(p) for p in np.frombuffer(valuestring, dtype=POSITION_DTYPE)]

    def decode_frequency(self, valuestring: bytes) -> int:
        return len(valuestring) // POSITION_DTYPE.itemsize

    def decode_weight(self, valuestring: bytes) -> float:
        return float(self.decode_frequency(valuestring)) * float(self.field_boost)

    def decode_position_boosts(self, valuestring: bytes) -> list[tuple[int, float]]:
        return [(p, 1.0) for p in self.decode_positions(valuestring)]


class KeyField(fields.FieldType):  # type: ignore[misc]
    """The exact or folded keys (or frequent pairs) of a page, each with its frequency carried
    in the posting weight; the value is a `PageAnalysis`, analysed once for all fields."""

    def __init__(self, part: str, *, scorable: bool = True) -> None:
        super().__init__(formats.Existence(), analyzer=None, scorable=scorable)
        self.part = part

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        for key, positions in getattr(value, self.part).items():
            yield key.encode("utf-8"), len(positions), float(len(positions)), b""


class PositionsField(fields.FieldType):  # type: ignore[misc]
    """Where each folded key stands on the page, for phrases.

    Kept apart from `folded` so that a word search reads only document numbers and
    frequencies; a phrase reads positions only for the pages that have all its words. The
    weight is a constant 1 (Whoosh then stores none): the frequency is in `folded`.
    """

    def __init__(self, part: str) -> None:
        super().__init__(PackedPositions(), analyzer=None, scorable=False)
        self.part = part

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        encode = self.format.encode
        for key, positions in getattr(value, self.part).items():
            yield key.encode("utf-8"), len(positions), 1.0, encode(positions)


class WordsField(fields.FieldType):  # type: ignore[misc]
    """Folded syllables of a short metadata string, with positions for phrase filters."""

    def __init__(self) -> None:
        super().__init__(PackedPositions(), analyzer=None, scorable=False)

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        positions: dict[str, list[int]] = {}
        for token in syllables(tokenize(nfc(str(value)))):
            positions.setdefault(token.folded, []).append(token.position)
        for key, poses in positions.items():
            yield key.encode("utf-8"), len(poses), float(len(poses)), self.format.encode(poses)


def build_schema() -> fields.Schema:
    schema = fields.Schema(
        page_key=fields.ID(stored=True, unique=True),
        document_id=fields.ID(stored=True, sortable=True),
        page_number=fields.STORED(),
        # Columns: facet counts and tie-breaking read them for every match, cheaply.
        page_order=fields.COLUMN(columns.NumericColumn("q")),
        exact=KeyField("exact"),
        folded=KeyField("folded"),
        positions=PositionsField("folded"),
        pairs=KeyField("pairs", scorable=False),
    )
    for facet in FACETS:
        schema.add(facet.key_field, fields.ID())
        if facet.name != "year":
            schema.add(facet.words_field, WordsField())
        if facet.counted:
            schema.add(facet.column, fields.COLUMN(columns.VarBytesColumn()))
    return schema


def document_fields(entry: PageEntry) -> dict[str, Any]:
    """The Whoosh field values of `entry`."""
    analysis = PageAnalysis.of(entry.text)
    # A variant's folded key is its word's own (they differ only in marks): only the exact key
    # is new, so that a query spelt as recognition read the word ranks the page as its own.
    for token in tokenize(nfc(entry.variants)):
        analysis.exact.setdefault(token.exact, []).append(token.position)
    values: dict[str, Any] = {
        "page_key": entry.page_key,
        "document_id": entry.document_id,
        "page_number": entry.page_number,
        "page_order": entry.page_number,
        "exact": analysis,
        "folded": analysis,
        "positions": analysis,
        "pairs": analysis,
    }
    for facet in FACETS:
        raw = getattr(entry, facet.attribute)
        if raw is None or raw == "":
            continue
        text = nfc(str(raw)).strip()
        if facet.name == "year":
            values[facet.key_field] = text
        else:
            key = value_key(text)
            if key:
                values[facet.key_field] = key
            values[facet.words_field] = text
        if facet.counted:
            values[facet.column] = text.encode("utf-8")
    return values
