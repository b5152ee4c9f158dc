"""The search index on disk: create, open, write, search.

The index is a cache of the catalogue (DESIGN.md): one writer at a time, rebuildable at any
moment. `SearchIndex.open` checks what it opens and raises `IndexDamaged` when the folder is
missing, was built by another format, or cannot be read, so the caller can rebuild.
"""

from __future__ import annotations

import gc
import json
import pickle
import struct
import threading
import time
import traceback
import warnings
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import _lenfield as _length_field
from whoosh.searching import Searcher
from whoosh.writing import NO_MERGE, SegmentWriter

from index.engine import (
    CorruptPostings,
    Evaluator,
    Everything,
    IntArray,
    Intersection,
    Matches,
    Segment,
)
from index.highlight import Snippet, page_hits
from index.query import Node, filters_plan, parse_query, plan_query
from index.schema import COUNTED_FACETS, INDEX_FORMAT, PageEntry, build_schema, document_fields
from vietnamese.keys import search_key
from vietnamese.normalize import nfc

MARKER = "digitizer-index.json"
_INDEX_NAME = "MAIN"
# Pages kept per document in SearchResults.groups: enough to show where in a book the hits are,
# without fetching and snippeting hundreds of pages of one book.
GROUP_HITS = 5
# Failures of reading index files, as opposed to bugs: reported as IndexDamaged.
_READ_ERRORS = (
    OSError,
    EOFError,
    struct.error,
    pickle.UnpicklingError,
    zlib.error,
    CorruptPostings,
)


class IndexDamaged(Exception):
    """The search index is missing, from another version, or unreadable; rebuild it.

    `code` is stable; `message` says what happened and what to do.
    """

    code = "index-damaged"

    def __init__(self, message: str, *, folder: Path) -> None:
        super().__init__(message)
        self.message = message
        self.folder = folder

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Hit:
    """One matching page. `snippet` and `matched` are empty when `search` had no `text_of`."""

    page_key: str
    document_id: str
    page_number: int
    score: float
    snippet: Snippet
    matched: tuple[str, ...]  # the page's words, as spelt, that the query matched


@dataclass(frozen=True)
class DocumentGroup:
    """A matching document: its best page's score and its best pages (up to GROUP_HITS)."""

    document_id: str
    score: float
    hits: tuple[Hit, ...]


@dataclass(frozen=True)
class SearchResults:
    """`total` counts every matching page; `facets` count them by metadata value
    ({"type": (("Nghị quyết", 12), ...), "year": (("2021", 7), ...), "issuing_body": ...,
    "collection": ...}, most frequent first). `hits` are the best `limit` pages, best first;
    `groups` the best `limit` documents when asked for."""

    query: str
    total: int
    hits: tuple[Hit, ...]
    groups: tuple[DocumentGroup, ...]
    facets: Mapping[str, tuple[tuple[str, int], ...]]
    seconds: float


class SearchIndex:
    """A Whoosh index of page entries in `folder`.

    Searches may run while a writer is open (they see what it has committed). Use one instance
    from one thread at a time, or share it: `search` holds an internal lock.
    """

    def __init__(self, folder: Path, ix: Any) -> None:
        self.folder = folder
        self._ix = ix
        self._searcher: Searcher | None = None
        self._cache = _SegmentCache()
        self._lock = threading.RLock()

    # --- opening ----------------------------------------------------------------------------

    @classmethod
    def create(cls, folder: Path) -> SearchIndex:
        """An empty index in `folder`, replacing any index there (other files are left alone)."""
        folder.mkdir(parents=True, exist_ok=True)
        for path in folder.iterdir():
            if path.name == MARKER or path.name.startswith((_INDEX_NAME + "_", f"_{_INDEX_NAME}_")):
                path.unlink()
        ix = whoosh_index.create_in(str(folder), build_schema(), indexname=_INDEX_NAME)
        # The marker goes last: an interrupted create leaves a folder that `open` calls damaged.
        temporary = folder / (MARKER + ".tmp")
        temporary.write_text(json.dumps({"format": INDEX_FORMAT}), encoding="utf-8")
        temporary.replace(folder / MARKER)
        return cls(folder, ix)

    @classmethod
    def open(cls, folder: Path) -> SearchIndex:
        """The index in `folder`, checked by reading its table of contents and every segment.

        Raises IndexDamaged when there is no index, it was built by another index format, or
        any of its files cannot be read.
        """
        if not (folder / MARKER).is_file():
            raise IndexDamaged(f"There is no search index in {folder}: rebuild it.", folder=folder)
        try:
            found = json.loads((folder / MARKER).read_text(encoding="utf-8")).get("format")
        except (OSError, ValueError, AttributeError) as exc:
            raise IndexDamaged(
                f"The search index in {folder} is damaged (unreadable marker): rebuild it.",
                folder=folder,
            ) from exc
        if found != INDEX_FORMAT:
            raise IndexDamaged(
                f"The search index in {folder} was built by another version of the program "
                f"(format {found}, this one reads {INDEX_FORMAT}): rebuild it.",
                folder=folder,
            )
        try:
            ix = whoosh_index.open_dir(str(folder), indexname=_INDEX_NAME)
            opened = cls(folder, ix)
            _probe(opened._current_searcher())
        except Exception as exc:  # anything at all: the files are not what we wrote
            description = f"{type(exc).__name__}: {exc}"
            _release(exc)
            raise IndexDamaged(
                f"The search index in {folder} is damaged ({description}): rebuild it.",
                folder=folder,
            ) from None
        return opened

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            self._ix.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ----------------------------------------------------------------------------

    def writer(
        self, *, batch_size: int = 500, memory_mb: int = 128, merge: bool = True
    ) -> IndexWriter:
        """A context manager that changes the index; see `IndexWriter`."""
        return IndexWriter(self, batch_size=batch_size, memory_mb=memory_mb, merge=merge)

    @classmethod
    def build(
        cls,
        folder: Path,
        entries: Iterable[PageEntry],
        *,
        batch_size: int = 5000,
        on_page: Callable[[], None] | None = None,
    ) -> SearchIndex:
        """A new index in `folder` (see `create`) holding `entries` (each page once), read
        lazily.

        Each `batch_size` pages become one segment, written once and never merged: Whoosh
        merges about as slowly as it indexes, and a handful of large segments search as fast as
        one. Memory stays bounded whatever the number of entries. `on_page` is called after
        each page, for progress.
        """
        index = cls.create(folder)
        try:
            with index.writer(batch_size=batch_size, merge=False) as writer:
                for entry in entries:
                    writer.add(entry)
                    if on_page is not None:
                        on_page()
        except BaseException:
            index.close()
            raise
        return index

    def optimize(self) -> None:
        """Merge all segments into one: faster searches after a full rebuild (takes a while)."""
        self._ix.optimize()

    # --- reading ----------------------------------------------------------------------------

    def page_keys(self) -> set[str]:
        """The keys of all pages in the index."""
        with self._lock:
            reader = self._current_searcher().reader()
            return {stored["page_key"] for _, stored in reader.iter_docs()}

    def document_count(self) -> int:
        """The number of pages in the index (one Whoosh document per page)."""
        with self._lock:
            return int(self._current_searcher().doc_count())

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        filters: Mapping[str, str | int] | None = None,
        group_by_document: bool = False,
        text_of: Callable[[str], str] | None = None,
    ) -> SearchResults:
        """Pages matching `query` (see `index.query` for the syntax) and every filter.

        `filters` maps facet names ("type", "year", "issuing_body", "collection", "number",
        "title", or their query aliases) and "document_id" to whole values, matched without
        diacritics. `text_of(page_key)` returns a page's text for the snippets and `matched`
        words of the returned hits (called once per hit, outside the index lock); without it,
        or when it raises LookupError for a page, hits have empty snippets. An empty query with
        filters lists the filtered pages in document and page order.

        Hits are ordered by score, ties by document_id then page_number. With
        `group_by_document`, `groups` holds the best `limit` documents (ranked by their best
        page) with up to GROUP_HITS of their best pages each.

        Raises QuerySyntaxError for a query that cannot be read, ValueError for an unknown
        filter name, IndexDamaged when the index files fail to read.
        """
        started = time.perf_counter()
        node = parse_query(query)
        plan = plan_query(node)
        selected = filters_plan(filters)
        if plan is None:
            if selected is None:
                return SearchResults(query, 0, (), (), _no_facets(), time.perf_counter() - started)
            plan = Everything()
        if selected is not None:
            plan = Intersection((plan, selected))  # filters score 0: the words rank
        try:
            with self._lock:
                searcher = self._current_searcher()
                view = self._cache.view(searcher)
                matches = Evaluator(view.segments, view.live, searcher.schema).run(plan)
                order = view.order(matches)
                top = order[: max(limit, 0)]
                pages = _group_pages(view, matches, order, limit) if group_by_document else []
                stored = {
                    int(matches.ids[i]): searcher.stored_fields(int(matches.ids[i]))
                    for i in (*top, *pages)
                }
                facets = view.facets(matches.ids)
        except _READ_ERRORS as exc:
            raise IndexDamaged(
                f"The search index in {self.folder} could not be read "
                f"({type(exc).__name__}: {exc}): rebuild it.",
                folder=self.folder,
            ) from exc
        marker = _Marker(node, text_of)

        def hit(i: int) -> Hit:
            return marker.hit(float(matches.scores[i]), stored[int(matches.ids[i])])

        hits = tuple(hit(int(i)) for i in top)
        groups: tuple[DocumentGroup, ...] = ()
        if group_by_document:
            by_document: dict[str, list[Hit]] = {}
            for i in pages:
                found = hit(int(i))
                by_document.setdefault(found.document_id, []).append(found)
            groups = tuple(
                DocumentGroup(document_id, members[0].score, tuple(members))
                for document_id, members in by_document.items()
            )
        return SearchResults(
            query=query,
            total=len(matches),
            hits=hits,
            groups=groups,
            facets=facets,
            seconds=time.perf_counter() - started,
        )

    def _current_searcher(self) -> Searcher:
        if self._searcher is None:
            self._searcher = self._ix.searcher()
        elif not self._searcher.up_to_date():
            # A fresh searcher rather than Searcher.refresh(), which fails on an empty index
            # (Whoosh 2.7); segment data stay cached by segment id, so little is re-read.
            old, self._searcher = self._searcher, self._ix.searcher()
            old.close()
        return self._searcher


class IndexWriter:
    """Adds, replaces and removes pages; a context manager.

    Changes are committed every `batch_size` changes and when the block ends normally, so a
    crash loses at most the last batch; an exception inside the block discards the uncommitted
    batch. Memory for the postings being built is bounded by `memory_mb`. One writer at a time
    per index folder (Whoosh's lock file; a second one raises whoosh.index.LockError).
    """

    def __init__(
        self, index: SearchIndex, *, batch_size: int, memory_mb: int, merge: bool = True
    ) -> None:
        if batch_size < 1 or memory_mb < 1:
            raise ValueError("batch_size and memory_mb must be at least 1")
        self._index = index
        self._merge_policy = _merge_tiers if merge else NO_MERGE
        self._batch_size = batch_size
        self._memory_mb = memory_mb
        self._writer: Any = None
        self._changes = 0
        # Whoosh deletes only committed pages: a page added in this batch and touched again
        # must be committed first, or its old copy would survive.
        self._batch_keys: set[str] = set()
        self._batch_documents: set[str] = set()

    def __enter__(self) -> IndexWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is None:
            self.commit()
        else:
            self.cancel()

    def update(self, entry: PageEntry) -> None:
        """Index `entry`, replacing the page with the same `page_key` if there is one."""
        if not entry.page_key or not entry.document_id:
            raise ValueError(f"a page entry needs a page_key and a document_id: {entry!r}")
        if entry.page_key in self._batch_keys:
            self.commit()
        values = document_fields(entry)  # analyse before taking the lock-holding writer
        self._current().update_document(**values)
        self._batch_keys.add(entry.page_key)
        self._batch_documents.add(entry.document_id)
        self._changed()

    def add(self, entry: PageEntry) -> None:
        """Index `entry`, a page not in the index yet (as when building one): unlike `update`,
        nothing already written is looked up, which at each page read every segment's table of
        page keys."""
        if not entry.page_key or not entry.document_id:
            raise ValueError(f"a page entry needs a page_key and a document_id: {entry!r}")
        self._current().add_document(**document_fields(entry))
        self._changed()

    def delete_page(self, page_key: str) -> None:
        """Remove one page (nothing happens if it is not indexed)."""
        if page_key in self._batch_keys:
            self.commit()
        self._current().delete_by_term("page_key", page_key)
        self._changed()

    def delete_document(self, document_id: str) -> None:
        """Remove every page of a document."""
        if document_id in self._batch_documents:
            self.commit()
        self._current().delete_by_term("document_id", document_id)
        self._changed()

    def commit(self) -> None:
        """Make the changes so far durable and visible to searches."""
        if self._writer is not None:
            self._writer.commit(mergetype=self._merge_policy)
            self._writer = None
        self._reset()

    def cancel(self) -> None:
        """Discard the changes since the last commit."""
        if self._writer is not None:
            self._writer.cancel()
            self._writer = None
        self._reset()

    def _current(self) -> Any:
        if self._writer is None:
            self._writer = _SegmentWriter(self._index._ix, limitmb=self._memory_mb)
        return self._writer

    def _changed(self) -> None:
        self._changes += 1
        if self._changes >= self._batch_size:
            self.commit()

    def _reset(self) -> None:
        self._changes = 0
        self._batch_keys.clear()
        self._batch_documents.clear()


# --- segments ------------------------------------------------------------------------------------


class _SegmentWriter(SegmentWriter):  # type: ignore[misc]
    """Whoosh's segment writer, with its postings grouped by term in memory and the field
    lengths read once per segment.

    Whoosh collects a segment's postings as one tuple each, sorts them, and past `limitmb`
    pickles every tuple to a temporary run and back, which was half of all indexing time; it
    then asks for the page's field length once per posting, each time through the file system.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pool = _TermPool()

    def per_document_reader(self) -> Any:
        return _FieldLengths(super().per_document_reader())


class _TermPool:
    """The postings of one segment, grouped by (field, term) as they come: documents are added
    in number order, so each term's postings are already sorted; only the terms are sorted.
    About 40 bytes a posting, against Whoosh's 170 in its own pool."""

    def __init__(self) -> None:
        self.fieldnames: set[str] = set()
        self._terms: dict[tuple[str, bytes], tuple[array[int], array[float], list[bytes]]] = {}

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        fieldname, text, docnum, weight, value = item
        postings = self._terms.get((fieldname, text))
        if postings is None:
            postings = self._terms[fieldname, text] = (array("I"), array("f"), [])
            self.fieldnames.add(fieldname)
        postings[0].append(docnum)
        postings[1].append(weight)
        postings[2].append(value or b"")

    def iter_postings(self) -> Iterator[tuple[str, bytes, int, float, bytes]]:
        for key in sorted(self._terms):
            fieldname, text = key
            docnums, weights, values = self._terms[key]
            for docnum, weight, value in zip(docnums, weights, values, strict=True):
                yield fieldname, text, docnum, weight, value

    def cleanup(self) -> None:
        self._terms.clear()


class _FieldLengths:
    """The `doc_field_length` part of a per-document reader, each field's lengths decoded once."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._lengths: dict[str, list[int] | None] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        lengths = self._lengths.get(fieldname, [])
        if lengths == []:
            lengths = self._lengths[fieldname] = self._read(fieldname)
        return default if lengths is None else lengths[docnum] or default

    def _read(self, fieldname: str) -> list[int] | None:
        count = self._reader.doc_count_all()
        if not self._reader.has_column(_length_field(fieldname)):
            return None
        return [self._reader.doc_field_length(n, fieldname, 0) for n in range(count)]

    def close(self) -> None:
        self._reader.close()


# Each commit writes a segment. Fewer segments make a smaller index (each has its own term
# dictionary) and faster prefix and fuzzy searches, but Whoosh merges slowly (slower per page than
# it indexes), so segments are merged in tiers: ten of about the same size (same power of ten)
# become one, and never into more than MAX_MERGED_PAGES: a page is rewritten about once per tier,
# and no commit stalls on a giant merge. `SearchIndex.optimize` merges everything.
MERGE_FACTOR = 10
MAX_MERGED_PAGES = 20_000


def _merge_tiers(writer: Any, segments: list[Any]) -> list[Any]:
    """Whoosh merge policy: merge each tier that has MERGE_FACTOR segments; keep the rest."""
    from whoosh.reading import SegmentReader

    tiers: dict[int, list[Any]] = {}
    for segment in segments:
        size = max(int(segment.doc_count_all()), 1)
        tiers.setdefault(len(str(size)), []).append(segment)
    kept: list[Any] = []
    for members in tiers.values():
        members.sort(key=lambda s: s.doc_count_all())
        merged: list[Any] = []
        if len(members) >= MERGE_FACTOR:
            for segment in members:
                if sum(s.doc_count_all() for s in merged) + segment.doc_count_all() > (
                    MAX_MERGED_PAGES
                ):
                    break
                merged.append(segment)
        if len(merged) < 2:
            merged = []
        for segment in merged:
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)
            reader.close()
        kept.extend(s for s in members if s not in merged)
    return kept


# --- ranking and grouping --------------------------------------------------------------------


def _group_pages(view: _View, matches: Matches, order: IntArray, limit: int) -> list[int]:
    """Positions in `matches` of the best pages (up to GROUP_HITS each) of the best `limit`
    documents, best first: a document ranks by its best page."""
    if limit <= 0 or not len(order):
        return []
    ranks = view.document_ranks[matches.ids[order]]
    _, first = np.unique(ranks, return_index=True)
    chosen = ranks[np.sort(first)[:limit]]
    kept: list[int] = []
    taken: dict[int, int] = {}
    for position in np.flatnonzero(np.isin(ranks, chosen)):
        rank = int(ranks[position])
        if taken.get(rank, 0) < GROUP_HITS:
            taken[rank] = taken.get(rank, 0) + 1
            kept.append(int(order[position]))
    # Pages in document order of first appearance, then best first within each document.
    first_seen = {int(r): n for n, r in enumerate(chosen)}
    kept.sort(key=lambda i: first_seen[int(view.document_ranks[matches.ids[i]])])
    return kept


class _Marker:
    """Builds hits, with snippets from `text_of` (each page's text fetched once)."""

    def __init__(self, node: Node | None, text_of: Callable[[str], str] | None) -> None:
        self._node = node
        self._text_of = text_of
        self._cache: dict[str, tuple[Snippet, tuple[str, ...]]] = {}

    def hit(self, score: float, stored: Mapping[str, Any]) -> Hit:
        key = stored["page_key"]
        if key not in self._cache:
            self._cache[key] = self._mark(key)
        snippet, matched = self._cache[key]
        return Hit(
            page_key=key,
            document_id=stored["document_id"],
            page_number=int(stored["page_number"]),
            score=score,
            snippet=snippet,
            matched=matched,
        )

    def _mark(self, page_key: str) -> tuple[Snippet, tuple[str, ...]]:
        if self._text_of is None:
            return Snippet(), ()
        try:
            text = nfc(self._text_of(page_key))
        except LookupError:
            # The library no longer has the page (the index is a step behind): no snippet.
            return Snippet(), ()
        return page_hits(self._node, text)


# --- per-segment data, cached ------------------------------------------------------------------


@dataclass
class _SegmentData:
    """Column values and field lengths of one segment; segments never change once written
    (deletions aside, which `live` tracks)."""

    segment: Segment
    deleted_state: int  # the live count when `live` was read
    live: IntArray  # segment-local numbers of documents not deleted
    document_ids: list[str]
    page_numbers: IntArray
    facet_ordinals: dict[str, npt.NDArray[np.int32]]


@dataclass
class _View:
    """The index as one searcher sees it: its segments joined end to end."""

    segments: list[Segment]
    live: IntArray
    document_ranks: IntArray  # rank of each page's document_id in sorted order
    page_numbers: IntArray
    facet_ordinals: dict[str, npt.NDArray[np.int32]]
    facet_values: dict[str, list[str]]

    def order(self, matches: Matches) -> IntArray:
        """Positions in `matches`: best score first, then document_id, then page_number."""
        ids = matches.ids
        order: IntArray = np.lexsort(
            (self.page_numbers[ids], self.document_ranks[ids], -matches.scores)
        )
        return order

    def facets(self, ids: IntArray) -> dict[str, tuple[tuple[str, int], ...]]:
        counted: dict[str, tuple[tuple[str, int], ...]] = {}
        for facet in COUNTED_FACETS:
            values = self.facet_values[facet.name]
            counts = np.bincount(self.facet_ordinals[facet.name][ids], minlength=len(values))
            pairs = [(values[i], int(c)) for i in np.flatnonzero(counts) if i for c in [counts[i]]]
            # Most frequent first; ties in alphabetical order as people read it (Đ with D).
            counted[facet.name] = tuple(
                sorted(pairs, key=lambda vc: (-vc[1], search_key(vc[0])[1], vc[0]))
            )
        return counted


@dataclass
class _SegmentCache:
    segments: dict[str, _SegmentData] = field(default_factory=dict)
    # facet → value → ordinal; ordinals only grow, so cached segments stay valid
    ordinals: dict[str, dict[str, int]] = field(default_factory=dict)
    joined: tuple[tuple[tuple[str, int], ...], _View] | None = None

    def view(self, searcher: Searcher) -> _View:
        leaves = list(searcher.reader().leaf_readers())
        state = tuple((_segment_id(reader), int(reader.doc_count())) for reader, _ in leaves)
        if self.joined is not None and self.joined[0] == state:
            return self.joined[1]
        parts = [
            self._segment(reader, base, seg_id, live_count)
            for (reader, base), (seg_id, live_count) in zip(leaves, state, strict=True)
        ]
        self.segments = {seg_id: part for (seg_id, _), part in zip(state, parts, strict=True)}
        document_ids = [d for part in parts for d in part.document_ids]
        _, ranks = np.unique(np.asarray(document_ids, dtype=object), return_inverse=True)
        view = _View(
            segments=[part.segment for part in parts],
            live=_concat([p.live + p.segment.base for p in parts], np.int64),
            document_ranks=np.asarray(ranks, dtype=np.int64).reshape(-1),
            page_numbers=_concat([p.page_numbers for p in parts], np.int64),
            facet_ordinals={
                f.name: _concat([p.facet_ordinals[f.name] for p in parts], np.int32)
                for f in COUNTED_FACETS
            },
            facet_values={f.name: list(self.ordinals.get(f.name, {"": 0})) for f in COUNTED_FACETS},
        )
        self.joined = (state, view)
        return view

    def _segment(self, reader: Any, base: int, seg_id: str, live_count: int) -> _SegmentData:
        cached = self.segments.get(seg_id)
        if cached is not None:
            cached.segment = Segment(reader, base, cached.segment.count, cached.segment.lengths)
            if cached.deleted_state != live_count:
                cached.live = np.fromiter(reader.all_doc_ids(), dtype=np.int64)
                cached.deleted_state = live_count
            return cached
        count = reader.doc_count_all()
        ordinals: dict[str, npt.NDArray[np.int32]] = {}
        for facet in COUNTED_FACETS:
            table = self.ordinals.setdefault(facet.name, {"": 0})
            values = _column(reader, facet.column, count, b"")
            ordinals[facet.name] = np.fromiter(
                (table.setdefault(v.decode("utf-8"), len(table)) for v in values),
                dtype=np.int32,
                count=count,
            )
        return _SegmentData(
            segment=Segment(reader, base, count),
            deleted_state=live_count,
            live=np.fromiter(reader.all_doc_ids(), dtype=np.int64),
            document_ids=[v.decode("utf-8") for v in _column(reader, "document_id", count, b"")],
            page_numbers=np.fromiter(
                _column(reader, "page_order", count, 0), dtype=np.int64, count=count
            ),
            facet_ordinals=ordinals,
        )


def _column(reader: Any, name: str, count: int, default: Any) -> Iterator[Any]:
    if not reader.has_column(name):
        return iter([default] * count)
    return iter(reader.column_reader(name, translate=False))


def _segment_id(reader: Any) -> str:
    segment = reader.segment() if hasattr(reader, "segment") else None
    if segment is None:
        return f"reader-{id(reader)}"
    return str(segment.segment_id())


def _concat(arrays: list[npt.NDArray[Any]], dtype: type) -> npt.NDArray[Any]:
    return np.concatenate(arrays).astype(dtype) if arrays else np.zeros(0, dtype=dtype)


def _no_facets() -> dict[str, tuple[tuple[str, int], ...]]:
    return {facet.name: () for facet in COUNTED_FACETS}


def _release(exc: BaseException) -> None:
    """Close what Whoosh left open when it failed on a damaged file: it does not close the file
    it was reading, and the traceback would keep it open until garbage collection."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        traceback.clear_frames(exc.__traceback__)
        exc.__traceback__ = None
        gc.collect()


def _probe(searcher: Searcher) -> None:
    """Read a little of every file of every segment, so damage shows now, not mid-search."""
    reader = searcher.reader()
    for leaf, _ in reader.leaf_readers():
        count = leaf.doc_count_all()
        for fieldname in ("page_key", "exact", "folded", "positions"):
            for term in islice(leaf.lexicon(fieldname), 1):
                list(islice(leaf.postings(fieldname, term).all_ids(), 1))
        first = next(iter(leaf.all_doc_ids()), None)
        if first is not None:
            leaf.stored_fields(first)
            leaf.doc_field_length(first, "exact")
        for name in ("document_id", "page_order", *(f.column for f in COUNTED_FACETS)):
            if leaf.has_column(name) and count:
                leaf.column_reader(name, translate=False)[count - 1]
