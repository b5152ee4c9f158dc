"""Searching secret documents while the vault is unlocked.

The index on disk never holds a secret page. While the vault is unlocked, the pages of sealed
documents are put into an index that lives in memory only — a tantivy index without a
folder, whose files are all in RAM, so nothing reaches a file — built from the vault for the
search and dropped after. Its results are merged into the on-disk index's: hits by score,
facet counts added up.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from digitizer.library import Library
from digitizer.security.records import page_text, read_record
from index import PageEntry, SearchIndex, SearchResults

_IN_MEMORY = "<vault, in memory>"


def sealed_entries(library: Library) -> list[PageEntry]:
    """A page entry for every recognised page of every sealed document (needs the vault)."""
    rows = library.rows(
        "SELECT d.id, p.number, t.words_sha256, coalesce(c.name, '') AS collection "
        "FROM page_texts t JOIN pages p ON p.id = t.page_id JOIN documents d "
        "ON d.id = p.document_id JOIN sealed_records r ON r.document_id = d.id "
        "LEFT JOIN collections c ON c.id = d.collection_id "
        "WHERE t.id = (SELECT max(id) FROM page_texts WHERE page_id = p.id) "
        "AND d.import_state = 'complete' ORDER BY d.id, p.number"
    )
    if not rows:
        return []

    entries = []
    records: dict[str, Any] = {}
    for row in rows:
        document_id = str(row["id"])
        if document_id not in records:
            records[document_id] = read_record(library, document_id)
        meta = records[document_id].metadata
        entries.append(
            PageEntry(
                page_key=f"{document_id}:{row['number']}",
                document_id=document_id,
                page_number=int(row["number"]),
                text=page_text(library, str(row["words_sha256"])),
                title=meta.title,
                document_type=meta.document_type,
                number_symbol=meta.number_symbol,
                issuing_body=meta.issuing_body,
                year=meta.issued_on.year if meta.issued_on else None,
                collection=str(row["collection"]),
            )
        )
    return entries


def search_sealed(
    library: Library,
    query: str,
    *,
    limit: int,
    filters: Mapping[str, str | int] | None,
    group_by_document: bool,
) -> SearchResults | None:
    """Results over the sealed documents, snippets included (None when there are none)."""
    entries = sealed_entries(library)
    if not entries:
        return None
    texts = {entry.page_key: entry.text for entry in entries}
    index = SearchIndex.in_memory(_IN_MEMORY)
    with index.writer(batch_size=len(entries) + 1) as writer:
        for entry in entries:
            writer.update(entry)
    return index.search(
        query,
        limit=limit,
        filters=filters,
        group_by_document=group_by_document,
        text_of=texts.__getitem__,
    )


def merge_results(public: SearchResults, sealed: SearchResults, limit: int) -> SearchResults:
    """One result list: hits and document groups by score, totals and facet counts added."""
    hits = sorted(
        (*public.hits, *sealed.hits),
        key=lambda hit: (-hit.score, hit.document_id, hit.page_number),
    )[:limit]
    groups = sorted(
        (*public.groups, *sealed.groups), key=lambda group: (-group.score, group.document_id)
    )[:limit]
    facets: dict[str, tuple[tuple[str, int], ...]] = {}
    for name in {*public.facets, *sealed.facets}:
        counts: dict[str, int] = {}
        for value, count in (*public.facets.get(name, ()), *sealed.facets.get(name, ())):
            counts[value] = counts.get(value, 0) + count
        facets[name] = tuple(sorted(counts.items(), key=lambda vc: (-vc[1], vc[0])))
    return SearchResults(
        query=public.query,
        total=public.total + sealed.total,
        hits=tuple(hits),
        groups=tuple(groups),
        facets=facets,
        seconds=public.seconds + sealed.seconds,
    )
