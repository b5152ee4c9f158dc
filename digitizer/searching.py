"""Searching the archive: run a query on the index, then give each hit what the window and the
command line show — the document's title, a snippet marked as the page spells it, and the boxes
of the matched words on the page image (from the page's word model)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from digitizer.errors import BadQuery
from digitizer.indexing import IndexReport, open_index, page_text
from digitizer.library import Library
from index import Hit, QuerySyntaxError, SearchResults, matching_words
from ocr.geometry import Box
from ocr.words import stored_words


@dataclass(frozen=True)
class PageHit:
    document_id: str
    title: str
    page: int
    score: float
    snippet: str  # hits between « and »
    fragments: tuple[tuple[str, bool], ...]
    boxes: tuple[Box, ...]  # matched words, in the prepared page's pixels (if asked for)
    page_size: tuple[int, int]  # the prepared page the boxes are on; (0, 0) if not asked

    def as_json(self) -> dict[str, Any]:
        return {
            "document": self.document_id,
            "title": self.title,
            "page": self.page,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "boxes": [box.as_list() for box in self.boxes],
            "page_size": list(self.page_size),
        }


@dataclass(frozen=True)
class DocumentHits:
    document_id: str
    title: str
    score: float
    pages: tuple[PageHit, ...]


@dataclass
class SearchOutcome:
    query: str
    total: int
    hits: list[PageHit] = field(default_factory=list)
    documents: list[DocumentHits] = field(default_factory=list)
    facets: Mapping[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    seconds: float = 0.0
    index: IndexReport = field(default_factory=IndexReport)

    def as_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "hits": [hit.as_json() for hit in self.hits],
            "documents": [
                {
                    "document": group.document_id,
                    "title": group.title,
                    "score": round(group.score, 4),
                    "pages": [hit.as_json() for hit in group.pages],
                }
                for group in self.documents
            ],
            "facets": {name: [[v, n] for v, n in values] for name, values in self.facets.items()},
            "seconds": round(self.seconds, 4),
            "index_rebuilt": self.index.reason if self.index.rebuilt else None,
        }


def search(
    library: Library,
    query: str,
    *,
    limit: int = 20,
    filters: Mapping[str, str | int] | None = None,
    group_by_document: bool = False,
    include_sealed: bool = False,
    boxes: bool = True,
) -> SearchOutcome:
    """Pages matching `query`, best first, each with its snippet and, with `boxes`, its hit
    boxes (read from the page's word model, one per hit: a caller that shows no boxes, like
    the command line's plain output, leaves them out and each hit's boxes empty).

    `include_sealed` searches the secret documents in the vault as well (it must be unlocked),
    through an index held in memory only."""
    index, report = open_index(library)
    with index:
        try:
            results = index.search(
                query,
                limit=limit,
                filters=filters,
                group_by_document=group_by_document,
                text_of=lambda key: page_text(library, key),
            )
        except QuerySyntaxError as error:
            raise BadQuery(str(error)) from error
        except ValueError as error:  # an unknown filter name
            raise BadQuery(str(error)) from error
    if include_sealed:
        from digitizer.security.secret_search import merge_results, search_sealed

        sealed = search_sealed(
            library, query, limit=limit, filters=filters, group_by_document=group_by_document
        )
        if sealed is not None:
            results = merge_results(results, sealed, limit)
    return _outcome(library, results, report, boxes)


def _outcome(
    library: Library, results: SearchResults, report: IndexReport, with_boxes: bool
) -> SearchOutcome:
    titles: dict[str, str] = {}

    def title(document_id: str) -> str:
        if document_id not in titles:
            rows = library.rows("SELECT title FROM documents WHERE id = ?", (document_id,))
            titles[document_id] = str(rows[0][0]) if rows else ""
            if library.sealer is not None and library.sealer.unlocked and not titles[document_id]:
                from digitizer.security.records import read_record

                record = read_record(library, document_id)
                titles[document_id] = record.metadata.title if record else ""
        return titles[document_id]

    def page_hit(hit: Hit) -> PageHit:
        boxes, size = _boxes(library, results.query, hit) if with_boxes else ((), (0, 0))
        return PageHit(
            document_id=hit.document_id,
            title=title(hit.document_id),
            page=hit.page_number,
            score=hit.score,
            snippet=hit.snippet.marked("«", "»"),
            fragments=hit.snippet.fragments,
            boxes=boxes,
            page_size=size,
        )

    return SearchOutcome(
        query=results.query,
        total=results.total,
        hits=[page_hit(hit) for hit in results.hits],
        documents=[
            DocumentHits(
                group.document_id,
                title(group.document_id),
                group.score,
                tuple(page_hit(hit) for hit in group.hits),
            )
            for group in results.groups
        ],
        facets=results.facets,
        seconds=results.seconds,
        index=report,
    )


def _boxes(library: Library, query: str, hit: Hit) -> tuple[tuple[Box, ...], tuple[int, int]]:
    rows = library.rows(
        "SELECT t.words_sha256 FROM page_texts t JOIN pages p ON p.id = t.page_id "
        "WHERE p.document_id = ? AND p.number = ? ORDER BY t.id DESC LIMIT 1",
        (hit.document_id, hit.page_number),
    )
    if not rows:
        return (), (0, 0)
    size, words = stored_words(library.read_object(rows[0][0]))
    marked = matching_words(query, [word[0] for word in words])
    return tuple(Box(*words[i][1:5]) for i in marked), size
