"""What the index keeps for a page: `PageEntry`, and the tantivy schema and document built from it.

One tantivy document per page. The page's text is analysed once, by our own Vietnamese analysis
(`index.analysis`), into streams of keys handed to tantivy already made, one key per position,
split on spaces only (tantivy's `whitespace` tokenizer: keys never hold a space):

- `folded`: the folded key of every syllable in reading order (positions kept, for phrases),
  then the folded keys of the page's codes ("24-nq/tu");
- `exact`: the same with diacritics, then the exact keys of the spellings recognition read before
  tone-mark restoration changed them (`variants`): they rank exact spellings first;
- `pairs`: two syllables in a row of which one is very common ("nghi_quyet"), for cheap phrases
  of common words.

Codes come after the syllables, so a phrase (of syllables only; a code key always holds a
connector, which no syllable key does) never runs into them.

The text itself is *not* stored: results get it back through the caller's `text_of(page_key)`
for snippets. Storing it would be a second plaintext copy of every page (secret ones included)
outside the library, and snippets would show the text as indexed rather than as last corrected.

Metadata is indexed three ways: a fast column holding the value as written (facet counts
aggregate it), a whole-value folded key (the `filters=` argument: "Nghị quyết" matches "nghi quyet"
but not "Nghị quyết liên tịch"), and folded words with positions (in-query filters such as
`coquan:"tỉnh ủy"` match inside "Ban Thường vụ Tỉnh ủy").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import tantivy

from index.analysis import analyse_text, syllables, tokenize
from vietnamese.normalize import nfc

# Bump when analysis or schema change: an index built by another format is reported damaged,
# and the library rebuilds it from the catalogue. Format 2 and below were Whoosh indexes.
INDEX_FORMAT = 3
LAST_WHOOSH_FORMAT = 2
KEYS_TOKENIZER = "whitespace"  # our keys, as made by index.analysis, one per position


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
# Where a field's frequent pairs are kept (see `analysis.is_frequent_pair`).
PAIRS_OF = {"folded": "pairs"}
# How much each field's postings keep: positions where phrases are matched, frequencies where
# BM25 ranks, document numbers alone where a term only selects.
INDEX_OPTIONS: dict[str, str] = {"exact": "freq", "folded": "position", "pairs": "basic"}
FACET_BY_ALIAS: dict[str, Facet] = {alias: f for f in FACETS for alias in (f.name, *f.aliases)}
COUNTED_FACETS = tuple(f for f in FACETS if f.counted)
# Tie order of hits: document_id, then page number, as one sortable string column.
ORDER_FIELD = "page_order"


@lru_cache(maxsize=4096)  # a document's pages share their metadata
def value_key(value: str) -> str:
    """Whole-value filter key: folded syllables joined by spaces ("Nghị  Quyết" → "nghi quyet")."""
    return " ".join(t.folded for t in syllables(tokenize(nfc(value))))


def order_key(document_id: str, page_number: int) -> str:
    """Sorts as (document_id, page_number): \\x01 sorts below any character of an id."""
    return f"{document_id}\x01{page_number:010d}"


def index_option(field: str) -> str:
    return INDEX_OPTIONS.get(field, "position" if field.endswith("_words") else "basic")


# tantivy numbers fields in the order they are added (its explanations name them so): the
# scored ones come right after the four page fields.
SCORED_FIELD_NUMBERS = {
    4 + n: name for n, name in enumerate(INDEX_OPTIONS) if name in SCORED_FIELDS
}


def length_field(name: str) -> str:
    """The column holding the exact number of keys of a scored field on each page: tantivy
    keeps field lengths rounded to one byte (46 for 47), which reorders near ties."""
    return f"{name}_length"


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("page_key", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("document_id", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("page_number", stored=True)
    builder.add_text_field(ORDER_FIELD, fast=True, tokenizer_name="raw", index_option="basic")
    for name, option in INDEX_OPTIONS.items():
        builder.add_text_field(name, tokenizer_name=KEYS_TOKENIZER, index_option=option)
    for facet in FACETS:
        builder.add_text_field(facet.key_field, tokenizer_name="raw", index_option="basic")
        if facet.name != "year":
            builder.add_text_field(
                facet.words_field, tokenizer_name=KEYS_TOKENIZER, index_option="position"
            )
        if facet.counted:
            # Not indexed as terms worth anything: the column is what facet counts aggregate.
            builder.add_text_field(
                facet.column, fast=True, tokenizer_name="raw", index_option="basic"
            )
    for name in SCORED_FIELD_NUMBERS.values():
        builder.add_unsigned_field(length_field(name), fast=True)
    return builder.build()


@dataclass(frozen=True)
class PageFields:
    """A page made ready for the index: plain strings, cheap to send between processes."""

    page_key: str
    document_id: str
    page_number: int
    exact: str
    folded: str
    pairs: str
    metadata: tuple[tuple[str, str], ...]  # (field, value)


def page_fields(entry: PageEntry) -> PageFields:
    """The analysed fields of `entry` (the costly part of indexing a page)."""
    keys = analyse_text(entry.text)
    exact = keys.exact
    if entry.variants:
        # A variant's folded key is its word's own (they differ only in marks): only the exact
        # key is new, so that a query spelt as recognition read the word ranks the page.
        variants = analyse_text(entry.variants).exact
        if variants:
            exact = f"{exact} {variants}" if exact else variants
    metadata: list[tuple[str, str]] = []
    for facet in FACETS:
        raw = getattr(entry, facet.attribute)
        if raw is None or raw == "":
            continue
        text = nfc(str(raw)).strip()
        if facet.name == "year":
            metadata.append((facet.key_field, text))
        else:
            key = value_key(text)
            if key:
                metadata.append((facet.key_field, key))
                metadata.append((facet.words_field, key))
        if facet.counted and text:
            metadata.append((facet.column, text))
    return PageFields(
        entry.page_key,
        entry.document_id,
        entry.page_number,
        exact,
        keys.folded,
        keys.pairs,
        tuple(metadata),
    )


def page_document(fields: PageFields) -> tantivy.Document:
    """The tantivy document of an analysed page."""
    document = tantivy.Document()
    document.add_text("page_key", fields.page_key)
    document.add_text("document_id", fields.document_id)
    document.add_integer("page_number", fields.page_number)
    document.add_text(ORDER_FIELD, order_key(fields.document_id, fields.page_number))
    for name in ("exact", "folded", "pairs"):
        value = getattr(fields, name)
        if value:
            document.add_text(name, value)
            if name in SCORED_FIELDS:
                document.add_unsigned(length_field(name), value.count(" ") + 1)
    for name, value in fields.metadata:
        document.add_text(name, value)
    return document
