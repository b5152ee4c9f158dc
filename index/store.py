"""The search index: create, open, write, search (tantivy underneath).

The index is a cache of the catalogue (DESIGN.md): one writer at a time, rebuildable at any
moment. `SearchIndex.open` checks what it opens and raises `IndexDamaged` when the folder is
missing, was built by another format (the Whoosh indexes of earlier versions included), or
cannot be read, so the caller can rebuild.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from types import TracebackType
from typing import Any

import tantivy

from index.engine import (
    Compiler,
    Everything,
    Intersection,
    Lexicon,
    Union,
    is_constant,
    scored_terms,
)
from index.highlight import Snippet, page_hits
from index.query import Node, filters_plan, parse_query, plan_query
from index.schema import (
    COUNTED_FACETS,
    INDEX_FORMAT,
    LAST_WHOOSH_FORMAT,
    ORDER_FIELD,
    SCORED_FIELD_NUMBERS,
    PageEntry,
    PageFields,
    build_schema,
    length_field,
    order_key,
    page_document,
    page_fields,
)
from vietnamese.keys import search_key
from vietnamese.normalize import nfc

MARKER = "digitizer-index.json"
# Pages kept per document in SearchResults.groups: enough to show where in a book the hits are,
# without fetching and snippeting hundreds of pages of one book.
GROUP_HITS = 5
# Hits tied in score are ordered by document and page; when a tie runs past the page of hits
# asked for, up to this many hits are read to order it (beyond, tantivy's own order stands).
MAX_TIE_HITS = 20_000
# A rebuild analyses pages in worker processes only past this many (starting them costs more
# than analysing a small library).
PARALLEL_FROM = 2000
# The files tantivy keeps in an index folder (what `create` clears, leaving others alone).
_ENGINE_FILES = frozenset(
    (MARKER, "meta.json", ".managed.json", ".tantivy-meta.lock", ".tantivy-writer.lock")
)
_SEGMENT_FILES = frozenset((".idx", ".pos", ".term", ".store", ".fast", ".fieldnorm", ".del"))
# Terms looked up when an index is opened: common enough to be in most indexes, so that their
# dictionaries and postings are read.
_PROBED_TERMS = (("folded", "va"), ("exact", "và"), ("pairs", "cua_cac"))
_MAX_RESCORED = 200  # hits scored again with exact field lengths, at most
_ANALYSIS_BATCH = 1024  # pages sent to the worker processes at a time
_BATCHES_AHEAD = 3  # batches analysed ahead of the one being written
_FACET_SIZE = 65_000  # distinct values counted per facet: every one, in practice


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


@dataclass(frozen=True)
class _Found:
    score: float
    page_key: str
    document_id: str
    page_number: int

    @property
    def order(self) -> str:
        return order_key(self.document_id, self.page_number)


def _unexpected(exc: BaseException) -> bool:
    """Whether `exc` is an error of the engine reading its files (tantivy raises ValueError,
    or a Rust panic, which is not an Exception), as opposed to an interruption."""
    return not isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit | MemoryError)


class SearchIndex:
    """A tantivy index of page entries in `folder` (or in memory only: `in_memory`).

    Searches may run while a writer is open (they see what it has committed). Use one instance
    from one thread at a time, or share it: `search` holds an internal lock.
    """

    def __init__(self, folder: Path, index: tantivy.Index, *, on_disk: bool = True) -> None:
        self.folder = folder
        self._index = index
        # No reader thread watching the folder: `_current` reloads when meta.json changed. A
        # watcher reloading on its own maps segment files in the background, and a file cut
        # short under a mapping (a damaged index being replaced) kills the process with SIGBUS.
        index.config_reader(reload_policy="Manual")
        self._schema = index.schema
        self._on_disk = on_disk
        self._lock = threading.RLock()
        self._seen: float | None = None  # when the index's table of contents last changed
        self._searcher: tantivy.Searcher | None = None
        self._lexicon: Lexicon | None = None

    # --- opening ----------------------------------------------------------------------------

    @classmethod
    def create(cls, folder: Path) -> SearchIndex:
        """An empty index in `folder`, replacing any index there."""
        folder.mkdir(parents=True, exist_ok=True)
        for path in folder.iterdir():
            if path.is_file() and (path.name in _ENGINE_FILES or path.suffix in _SEGMENT_FILES):
                path.unlink()
        index = tantivy.Index(build_schema(), path=str(folder), reuse=False)
        # The marker goes last: an interrupted create leaves a folder that `open` calls damaged.
        temporary = folder / (MARKER + ".tmp")
        temporary.write_text(json.dumps({"format": INDEX_FORMAT}), encoding="utf-8")
        temporary.replace(folder / MARKER)
        return cls(folder, index)

    @classmethod
    def in_memory(cls, name: str = "<in memory>") -> SearchIndex:
        """An empty index held in memory only: nothing of it is ever written to a file."""
        return cls(Path(name), tantivy.Index(build_schema()), on_disk=False)

    @classmethod
    def open(cls, folder: Path) -> SearchIndex:
        """The index in `folder`, checked by reading a little of every part of it.

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
        if isinstance(found, int) and found <= LAST_WHOOSH_FORMAT:
            raise IndexDamaged(
                f"The search index in {folder} was built by the former search engine "
                "(Whoosh): it is rebuilt with the new one.",
                folder=folder,
            )
        if found != INDEX_FORMAT:
            raise IndexDamaged(
                f"The search index in {folder} was built by another version of the program "
                f"(format {found}, this one reads {INDEX_FORMAT}): rebuild it.",
                folder=folder,
            )
        try:
            opened = cls(folder, tantivy.Index.open(str(folder)))
            opened._probe()
        except BaseException as exc:
            if not _unexpected(exc):
                raise
            raise IndexDamaged(
                f"The search index in {folder} is damaged ({type(exc).__name__}: {exc}): "
                "rebuild it.",
                folder=folder,
            ) from None
        return opened

    def close(self) -> None:
        with self._lock:
            self._searcher = None
            self._lexicon = None

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ----------------------------------------------------------------------------

    def writer(
        self, *, batch_size: int = 500, memory_mb: int = 64, threads: int = 1
    ) -> IndexWriter:
        """A context manager that changes the index; see `IndexWriter`."""
        return IndexWriter(self, batch_size=batch_size, memory_mb=memory_mb, threads=threads)

    @classmethod
    def build(
        cls,
        folder: Path,
        entries: Iterable[PageEntry],
        *,
        batch_size: int = 5000,
        on_page: Callable[[], None] | None = None,
        workers: int | None = None,
    ) -> SearchIndex:
        """A new index in `folder` (see `create`) holding `entries` (each page once), read
        lazily, committed every `batch_size` pages.

        Pages are analysed in `workers` processes (one per core by default) when there are
        many: analysis, in Python, is most of the work; tantivy writes on its own threads.
        Memory stays bounded whatever the number of entries. `on_page` is called after each
        page, for progress. The workers are fresh interpreters (spawn): a script calling this
        must guard its entry point (`if __name__ == "__main__":`), as with any multiprocessing.
        """
        index = cls.create(folder)
        workers = workers if workers is not None else (os.cpu_count() or 1)
        pending = iter(entries)
        head = list(islice(pending, PARALLEL_FROM))
        try:
            with index.writer(batch_size=batch_size, memory_mb=128, threads=2) as writer:
                if workers < 2 or len(head) < PARALLEL_FROM:
                    _write(writer, map(page_fields, chain(head, pending)), on_page)
                else:
                    # "spawn": the writer's threads are running, and forking a process with
                    # threads is unsafe; the workers need only the analysis. Entries are read
                    # here, in this thread (a catalogue cursor belongs to its thread), a batch
                    # ahead of the one being written.
                    context = multiprocessing.get_context("spawn")
                    with context.Pool(workers) as pool:
                        # Several batches in flight: the workers keep analysing while this
                        # thread waits on a commit or on tantivy.
                        ahead: deque[Any] = deque()
                        remaining = chain(head, pending)
                        batches = iter(lambda: list(islice(remaining, _ANALYSIS_BATCH)), [])
                        for batch in batches:
                            ahead.append(pool.map_async(page_fields, batch, chunksize=64))
                            if len(ahead) > _BATCHES_AHEAD:
                                _write(writer, ahead.popleft().get(), on_page)
                        while ahead:
                            _write(writer, ahead.popleft().get(), on_page)
        except BaseException:
            index.close()
            raise
        return index

    def optimize(self) -> None:
        """Kept for callers of the former engine: tantivy merges segments as it writes."""

    # --- reading ----------------------------------------------------------------------------

    def page_keys(self) -> set[str]:
        """The keys of all pages in the index."""
        with self._lock:
            searcher = self._current()
            live = searcher.terms_with_prefix(
                "page_key", "", filter_query=tantivy.Query.all_query()
            )
            return {key for key, count in live if count}

    def document_count(self) -> int:
        """The number of pages in the index (one tantivy document per page)."""
        with self._lock:
            return int(self._current().num_docs)

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
        limit = max(limit, 0)
        try:
            with self._lock:
                searcher = self._current()
                assert self._lexicon is not None
                compiler = Compiler(self._schema, self._lexicon)
                compiled = compiler.query(plan)
                terms = scored_terms(plan)
                # The scored terms alone, for re-scoring the best pages: explaining them is far
                # cheaper than explaining the whole query (positions, expansions, bonuses).
                scoring = compiler.query(Union(tuple(terms))) if terms else None
                listing = is_constant(plan)
                found, total = self._ranked(searcher, compiled, scoring, limit, listing=listing)
                grouped: list[_Found] = []
                if group_by_document:
                    grouped = self._grouped(
                        searcher, compiled, scoring, limit, total, listing=listing
                    )
                facets = self._facets(searcher, compiled) if total else _no_facets()
        except BaseException as exc:
            if not _unexpected(exc) or not self._on_disk:
                raise
            raise IndexDamaged(
                f"The search index in {self.folder} could not be read "
                f"({type(exc).__name__}: {exc}): rebuild it.",
                folder=self.folder,
            ) from None
        marker = _Marker(node, text_of)
        hits = tuple(marker.hit(f) for f in found)
        groups: tuple[DocumentGroup, ...] = ()
        if group_by_document:
            by_document: dict[str, list[Hit]] = {}
            for f in grouped:
                by_document.setdefault(f.document_id, []).append(marker.hit(f))
            groups = tuple(
                DocumentGroup(document_id, members[0].score, tuple(members))
                for document_id, members in by_document.items()
            )
        return SearchResults(
            query=query,
            total=total,
            hits=hits,
            groups=groups,
            facets=facets,
            seconds=time.perf_counter() - started,
        )

    # --- inside a search ---

    def _ranked(
        self,
        searcher: tantivy.Searcher,
        query: tantivy.Query,
        scoring: tantivy.Query | None,
        wanted: int,
        *,
        listing: bool,
    ) -> tuple[list[_Found], int]:
        """The best `wanted` pages, ties in document and page order, and the number of matches.
        `scoring`: the query's BM25 terms alone (see `engine.scored_terms`), None if none."""
        if listing:  # every score the same: document and page order, straight from the column
            result = searcher.search(
                query,
                limit=max(wanted, 1),
                count=True,
                order_by_field=ORDER_FIELD,
                order=tantivy.Order.Asc,
            )
            return [self._found(searcher, 0.0, a) for _, a in result.hits][:wanted], _count(result)
        fetch = max(wanted, 1) * 2 + 16
        while True:
            result = searcher.search(query, limit=fetch, count=True)
            hits, total = result.hits, _count(result)
            if len(hits) <= wanted or len(hits) >= total or fetch >= MAX_TIE_HITS:
                break
            # Read further only while the last hit asked for ties with the last one read.
            if hits[-1][0] < hits[max(wanted, 1) - 1][0]:
                break
            fetch = min(fetch * 4, MAX_TIE_HITS)
        # Which of several tied pages tantivy returns first depends on how its segments fell:
        # order them by document and page before anything else.
        found = [self._found(searcher, float(score), address) for score, address in hits]
        addresses = {id(f): address for f, (_, address) in zip(found, hits, strict=True)}
        found.sort(key=lambda f: (-f.score, f.order))
        # The pages asked for and a few more (through a tie at the last of them: a near tie
        # there can swap) are scored again with their exact lengths and ordered among
        # themselves; those after stay after.
        head = min(len(found), max(wanted, 1) + 4)
        while head < min(len(found), _MAX_RESCORED) and found[head].score == found[head - 1].score:
            head += 1
        best = found[:head]
        exact = _exact_scores(searcher, scoring, best, [addresses[id(f)] for f in best])
        rescored = [
            _Found(score, f.page_key, f.document_id, f.page_number)
            for score, f in zip(exact, found[:head], strict=True)
        ]
        rescored.sort(key=lambda f: (-f.score, f.order))
        return (rescored + found[head:])[:wanted], total

    def _grouped(
        self,
        searcher: tantivy.Searcher,
        query: tantivy.Query,
        scoring: tantivy.Query | None,
        limit: int,
        total: int,
        *,
        listing: bool,
    ) -> list[_Found]:
        """The best pages (up to GROUP_HITS each) of the best `limit` documents, documents in
        the order of their best page, best first within each."""
        if limit <= 0 or not total:
            return []
        wanted = limit * GROUP_HITS
        while True:
            found, _ = self._ranked(searcher, query, scoring, wanted, listing=listing)
            documents = dict.fromkeys(f.document_id for f in found)
            if len(documents) >= limit or wanted >= total:
                break
            wanted *= 4
        chosen = set(list(documents)[:limit])
        taken: dict[str, list[_Found]] = {}
        for f in found:
            if f.document_id in chosen and len(taken.setdefault(f.document_id, [])) < GROUP_HITS:
                taken[f.document_id].append(f)
        return [f for members in taken.values() for f in members]

    @staticmethod
    def _found(searcher: tantivy.Searcher, score: float, address: tantivy.DocAddress) -> _Found:
        stored = searcher.doc(address)
        return _Found(
            score,
            str(stored.get_first("page_key")),
            str(stored.get_first("document_id")),
            int(stored.get_first("page_number") or 0),
        )

    @staticmethod
    def _facets(
        searcher: tantivy.Searcher, query: tantivy.Query
    ) -> dict[str, tuple[tuple[str, int], ...]]:
        spec = {f.name: {"terms": {"field": f.column, "size": _FACET_SIZE}} for f in COUNTED_FACETS}
        counted = searcher.aggregate(query, spec)
        facets: dict[str, tuple[tuple[str, int], ...]] = {}
        for facet in COUNTED_FACETS:
            buckets = counted.get(facet.name, {}).get("buckets", [])
            pairs = [(str(b["key"]), int(b["doc_count"])) for b in buckets if b["doc_count"]]
            # Most frequent first; ties in alphabetical order as people read it (Đ with D).
            facets[facet.name] = tuple(
                sorted(pairs, key=lambda vc: (-vc[1], search_key(vc[0])[1], vc[0]))
            )
        return facets

    def _current(self) -> tantivy.Searcher:
        """A searcher of the last commit (of this process's writer or another's)."""
        changed = self._changed()
        if self._searcher is None or changed != self._seen:
            self._index.reload()
            self._searcher = self._index.searcher()
            self._lexicon = Lexicon(self._searcher)
            self._seen = changed
        return self._searcher

    def _changed(self) -> float | None:
        if not self._on_disk:
            return self._seen  # reloaded by our own writer's commits, the only ones
        try:
            return (self.folder / "meta.json").stat().st_mtime_ns
        except OSError:
            return None

    def _committed(self) -> None:
        """Called by a writer of this instance after each commit."""
        with self._lock:
            self._searcher = None

    def _probe(self) -> None:
        """Read a little of every part of the index, so damage shows now, not mid-search:
        each kind of file, for one page (reading them for every page, or walking a term
        dictionary, would cost the open)."""
        searcher = self._current()
        for fieldname, key in _PROBED_TERMS:
            searcher.search(tantivy.Query.term_query(self._schema, fieldname, key), limit=1)
        hits = searcher.search(tantivy.Query.all_query(), limit=1, count=False).hits
        if not hits:
            return
        page_key = searcher.doc(hits[0][1]).get_first("page_key")
        one = tantivy.Query.term_query(self._schema, "page_key", page_key)
        self._facets(searcher, one)
        searcher.search(one, limit=1, order_by_field=ORDER_FIELD)


class IndexWriter:
    """Adds, replaces and removes pages; a context manager.

    Changes are committed every `batch_size` changes and when the block ends normally, so a
    crash loses at most the last batch (a commit is atomic: an interrupted one leaves the
    previous); an exception inside the block discards the uncommitted batch. tantivy's memory
    for the postings being built is bounded by `memory_mb` per thread. One writer at a time per
    index (tantivy's lock file; a second one raises ValueError).
    """

    def __init__(
        self, index: SearchIndex, *, batch_size: int, memory_mb: int, threads: int = 1
    ) -> None:
        if batch_size < 1 or memory_mb < 1 or threads < 1:
            raise ValueError("batch_size, memory_mb and threads must be at least 1")
        self._index = index
        self._batch_size = batch_size
        # tantivy wants at least 15 MB per indexing thread.
        self._heap = max(memory_mb, 15) * 1_000_000 * threads
        self._threads = threads
        self._writer: tantivy.IndexWriter | None = None
        self._changes = 0

    def __enter__(self) -> IndexWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            if kind is None:
                self.commit()
            else:
                self.cancel()
        finally:
            if self._writer is not None:
                writer, self._writer = self._writer, None
                writer.wait_merging_threads()  # lets the merges finish, then frees the lock

    def update(self, entry: PageEntry) -> None:
        """Index `entry`, replacing the page with the same `page_key` if there is one."""
        fields = _checked(entry)
        # tantivy orders deletions and additions by operation: this deletion does not touch the
        # copy added just after it, even within one batch.
        self._current().delete_documents_by_term("page_key", entry.page_key)
        self._current().add_document(page_document(fields))
        self._changed()

    def add(self, entry: PageEntry) -> None:
        """Index `entry`, a page not in the index yet (as when building one): unlike `update`,
        no older copy is deleted."""
        self.add_fields(_checked(entry))

    def add_fields(self, fields: PageFields) -> None:
        """Index a page already analysed (`schema.page_fields`), not in the index yet."""
        self._current().add_document(page_document(fields))
        self._changed()

    def delete_page(self, page_key: str) -> None:
        """Remove one page (nothing happens if it is not indexed)."""
        self._current().delete_documents_by_term("page_key", page_key)
        self._changed()

    def delete_document(self, document_id: str) -> None:
        """Remove every page of a document."""
        self._current().delete_documents_by_term("document_id", document_id)
        self._changed()

    def commit(self) -> None:
        """Make the changes so far durable and visible to searches."""
        if self._writer is not None and self._changes:
            self._writer.commit()
            self._index._committed()
        self._changes = 0

    def cancel(self) -> None:
        """Discard the changes since the last commit."""
        if self._writer is not None and self._changes:
            self._writer.rollback()
        self._changes = 0

    def _current(self) -> tantivy.IndexWriter:
        if self._writer is None:
            self._writer = self._index._index.writer(
                heap_size=self._heap, num_threads=self._threads
            )
        return self._writer

    def _changed(self) -> None:
        self._changes += 1
        if self._changes >= self._batch_size:
            self.commit()


def _write(
    writer: IndexWriter, analysed: Iterable[PageFields], on_page: Callable[[], None] | None
) -> None:
    for fields in analysed:
        writer.add_fields(fields)
        if on_page is not None:
            on_page()


def _checked(entry: PageEntry) -> PageFields:
    if not entry.page_key or not entry.document_id:
        raise ValueError(f"a page entry needs a page_key and a document_id: {entry!r}")
    return page_fields(entry)


class _Marker:
    """Builds hits, with snippets from `text_of` (each page's text fetched once)."""

    def __init__(self, node: Node | None, text_of: Callable[[str], str] | None) -> None:
        self._node = node
        self._text_of = text_of
        self._cache: dict[str, tuple[Snippet, tuple[str, ...]]] = {}

    def hit(self, found: _Found) -> Hit:
        key = found.page_key
        if key not in self._cache:
            self._cache[key] = self._mark(key)
        snippet, matched = self._cache[key]
        return Hit(
            page_key=key,
            document_id=found.document_id,
            page_number=found.page_number,
            score=found.score,
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


def _exact_scores(
    searcher: tantivy.Searcher,
    scoring: tantivy.Query | None,
    found: list[_Found],
    addresses: list[tantivy.DocAddress],
) -> list[float]:
    """The scores of the pages `found` at `addresses` with each page's exact field lengths.

    tantivy scores with field lengths rounded to one byte (a page of 47 keys counts 46), so two
    pages nearly tied can swap. Its explanation of a page's score by the query's BM25 terms
    (`scoring`) lists each term with its inputs; each is recomputed here with the exact length
    kept in a column, and the difference added to the page's score.
    """
    if scoring is None:
        return [f.score for f in found]
    lengths = {
        number: searcher.fast_field_values(length_field(name), addresses)
        for number, name in SCORED_FIELD_NUMBERS.items()
    }
    scores: list[float] = []
    for i, (page, address) in enumerate(zip(found, addresses, strict=True)):
        try:
            explained = json.loads(scoring.explain(searcher, address).to_json())
        except ValueError:  # the page has none of the scored terms (it matched constants)
            scores.append(page.score)
            continue
        exact = {number: values[i] for number, values in lengths.items()}
        scores.append(page.score + _correction(explained, exact, 1.0))
    return scores


_BM25_INPUTS = frozenset(("k1", "b", "freq", "avgdl", "(K1+1)", "idf"))
_FIELD_NUMBER = re.compile(r"field=(\d+)")


def _correction(
    node: Mapping[str, Any], lengths: Mapping[int, float | None], factor: float
) -> float:
    """How much the BM25 terms under `node` change with exact lengths, times the boosts above."""
    description = str(node.get("description", ""))
    if description.startswith("Const"):
        return 0.0
    if description.startswith("Boost x"):
        factor *= float(description.removeprefix("Boost x").split()[0])
    if description.startswith("TermQuery"):
        match = _FIELD_NUMBER.search(" ".join(node.get("context", ())))
        length = lengths.get(int(match[1])) if match else None
        if not length:
            return 0.0
        inputs = {
            str(d["description"]).split(",")[0]: float(d["value"])
            for part in node.get("details", ())
            for d in (part, *part.get("details", ()))
        }
        if not inputs.keys() >= _BM25_INPUTS:  # an explanation of another shape: keep its score
            return 0.0
        k1, b, tf = inputs["k1"], inputs["b"], inputs["freq"]
        saturation = tf / (tf + k1 * (1.0 - b + b * length / inputs["avgdl"]))
        exact = inputs["(K1+1)"] * inputs["idf"] * saturation
        return factor * (exact - float(node["value"]))
    return sum(_correction(child, lengths, factor) for child in node.get("details", ()))


def _count(result: tantivy.SearchResult) -> int:
    """The number of matches of a search made with count=True (the type stubs omit it)."""
    return int(result.count)  # type: ignore[attr-defined]


def _no_facets() -> dict[str, tuple[tuple[str, int], ...]]:
    return {facet.name: () for facet in COUNTED_FACETS}


def entry_fields(entries: Iterable[PageEntry]) -> Iterator[PageFields]:
    """`entries` analysed, in order (for callers that index analysed pages themselves)."""
    return map(page_fields, entries)
