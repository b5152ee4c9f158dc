"""Full-text search of the archive: Vietnamese analysis, schema, indexer, searcher, highlighting.

A leaf package: it imports only `vietnamese` and third parties (tantivy, rapidfuzz).
"""

from index.highlight import Snippet, matching_words
from index.query import QuerySyntaxError
from index.schema import PageEntry
from index.store import DocumentGroup, Hit, IndexDamaged, IndexWriter, SearchIndex, SearchResults

__all__ = [
    "DocumentGroup",
    "Hit",
    "IndexDamaged",
    "IndexWriter",
    "PageEntry",
    "QuerySyntaxError",
    "SearchIndex",
    "SearchResults",
    "Snippet",
    "matching_words",
]
