"""Benchmark: full-text search over pages of real Vietnamese, ours against SQLite FTS5.

Pages are cut from `../shared/corpus/viwiki.jsonl.xz` (Vietnamese Wikipedia): paragraphs joined
into pages of about 2,500 characters, twenty pages to a document, each document given a type, an
issuing body, a year and a collection drawn from a seeded generator. The corpus holds about
26,000 such pages; past that the paragraphs are reshuffled and cut again, as the corpus notes
suggest. Every page goes into one SQLite table (`pages.sqlite3`), which plays the catalogue:
both engines index from it and read snippet text back from it.

For each size the same pages and the same queries go to:

* **ours**: `index.SearchIndex.build` (tantivy, pages analysed on every core) with the batch
  size `digitizer reindex` uses, then
  `search(query, limit=20, filters=..., text_of=...)`: the 20 best pages with snippets, the
  total, and facet counts by type, year, issuing body and collection;
* **FTS5**: an external-content FTS5 table over the same `pages` table with
  `tokenize="unicode61 remove_diacritics 2"` (diacritics folded away, as a plain SQL engine
  offers), asked for the same work: the 20 best pages by bm25 with `snippet()`, the total and
  the four facet counts. FTS5 has no fuzzy matching: a fuzzy query is sent as the plain word,
  and its ratio is printed apart.

Each phase (build ours, build FTS5, query ours, query FTS5) runs in its own child process, one
after another, so that its peak memory is its own (read from `os.wait4`, never sampled) and the
two engines never compete for the cores. Queries run after one warm-up query; each query's first
run is measured ("first", wall and CPU time: the CPU time does not depend on what else the
machine is doing), then the whole set again ("repeat").

The queries (`--queries`, default 66) are drawn from the indexed pages, six of each kind: common,
mid-frequency and rare words typed with diacritics; words typed without diacritics; two- and
three-word phrases; two words (AND); prefixes (`chuyể*`); fuzzy words (`chuyển~`); a word with a
type filter and a word with a year filter. The hit counts of both engines are printed per kind:
they differ where the engines disagree on what matches (FTS5 folds `đ` to nothing and cannot tell
`quý` from `quy` when asked with diacritics).

A further phase starts a fresh interpreter that imports our index, opens it and answers one
query with snippets (the catalogue aside). Then the real command line, on a real library of the
same pages: a bench fixture (`fill_library`) files them into a Digitizer library as `digitizer
import` and `digitizer ocr` leave it (documents of twenty pages with their type, issuing body,
year and collection; an original PDF each; a shared blank page image; each page's text as its
OCR result with a word model, queued for the index), written straight into the catalogue,
since importing 100,000 page images would take hours. `.venv/bin/digitizer --library L
reindex` is timed (wall, CPU and peak RSS of the process and its workers), then `digitizer
--library L search QUERY` on one query of six kinds, each a fresh process run once, with the
plain output and with `--json`. The modules are compiled to bytecode first, as an installed
program's are.

With `--json` the last line of output is a JSON list, one object per size:
`{"pages": N, "ours": {...}, "fts5": {...}}`, each engine with `index_pages_per_s`,
`index_bytes`, `open_ms` (open and answer a first query, in a fresh process), `p50_ms` and
`p95_ms` (first run of each query, wall), `peak_rss_mib` (the larger of indexing and querying),
and ours with `cold_process_ms`, `cli_reindex_seconds` (and its CPU seconds and peak RSS) and
`cli_search_cold_ms` (`median` and `max` over every run; `_plain_` and `_json_` apart).

With `--workdir W --reuse` the pages, both indexes, the library and its reindex's figures are
kept from an earlier run (each made and timed again only when its record, `W/N/PHASE.json`, is
gone; a new library always has its reindex timed again); the query phases always run again.

Usage (from the repository root): `.venv/bin/python bench/search.py --pages 10000 100000 --json`.
"""

from __future__ import annotations

import argparse
import compileall
import itertools
import json
import lzma
import os
import random
import shlex
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __name__ == "__main__":
    # Run as `python bench/search.py`, this file's folder comes first on sys.path, where
    # bench/ocr.py would hide the `ocr` package: put the repository root there instead.
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.common import add_workdir_argument, git_state, make_workdir

REPO = Path(__file__).resolve().parent.parent
DIGITIZER = REPO / ".venv" / "bin" / "digitizer"
CORPUS = REPO.parent / "shared" / "corpus" / "viwiki.jsonl.xz"
PAGE_CHARACTERS = 2500
PAGES_PER_DOCUMENT = 20
LIMIT = 20
FACET_COLUMNS = ("document_type", "year", "issuing_body", "collection")
TYPES = ("Nghị quyết", "Chỉ thị", "Công văn", "Báo cáo", "Quyết định", "Thông báo", "Kết luận")
BODIES = (
    "Tỉnh ủy Hà Nam",
    "Ban Thường vụ Tỉnh ủy",
    "Huyện ủy Kim Bảng",
    "Ban Tuyên giáo Tỉnh ủy",
    "Ủy ban nhân dân tỉnh",
    "Đảng ủy Khối cơ quan",
    "Ban Tổ chức Tỉnh ủy",
    "Thành ủy Phủ Lý",
)
COLLECTIONS = tuple(f"Hồ sơ {i:03d}" for i in range(40))
KINDS = (
    "common word",
    "mid word",
    "rare word",
    "word, no diacritics",
    "phrase of 2",
    "phrase of 3",
    "two words (AND)",
    "prefix",
    "fuzzy",
    "word + type filter",
    "word + year filter",
)


# --- the pages ---------------------------------------------------------------------------------


def corpus_paragraphs(corpus: Path) -> list[str]:
    """The corpus's paragraphs in order, headings left out."""
    paragraphs = []
    with lzma.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            for paragraph in json.loads(line)["text"].split("\n"):
                paragraph = paragraph.strip()
                if paragraph and not paragraph.startswith("=="):
                    paragraphs.append(paragraph)
    return paragraphs


def page_texts(paragraphs: Sequence[str], count: int, seed: int) -> Iterator[str]:
    """`count` pages of about PAGE_CHARACTERS; the corpus in order first, then reshuffled."""
    rng = random.Random(seed)
    made, current, length, rounds = 0, list[str](), 0, 0
    while made < count:
        source = paragraphs if rounds == 0 else rng.sample(paragraphs, len(paragraphs))
        for paragraph in source:
            current.append(paragraph)
            length += len(paragraph) + 1
            if length >= PAGE_CHARACTERS:
                yield "\n".join(current)
                made, current, length = made + 1, [], 0
                if made == count:
                    return
        rounds += 1


def write_pages(corpus: Path, count: int, target: Path, seed: int = 1) -> int:
    """The pages table at `target`; returns the characters of text written."""
    rng = random.Random(seed)
    target.unlink(missing_ok=True)
    db = sqlite3.connect(target)
    db.execute(
        "CREATE TABLE pages (id INTEGER PRIMARY KEY, page_key TEXT UNIQUE, document_id TEXT,"
        " page_number INTEGER, text TEXT, title TEXT, document_type TEXT, number_symbol TEXT,"
        " issuing_body TEXT, year INTEGER, collection TEXT)"
    )
    characters = 0
    metadata: tuple[str, str, str, str, int, str] = ("", "", "", "", 0, "")
    rows = []
    for i, text in enumerate(page_texts(corpus_paragraphs(corpus), count, seed)):
        document, page = divmod(i, PAGES_PER_DOCUMENT)
        if page == 0:
            metadata = (
                f"Tài liệu {document + 1}",
                rng.choice(TYPES),
                f"{rng.randint(1, 300)}-{rng.choice(('NQ', 'CT', 'QĐ', 'BC'))}/TU",
                rng.choice(BODIES),
                rng.randint(1975, 2023),
                rng.choice(COLLECTIONS),
            )
        document_id = f"D{document + 1:07d}"
        rows.append((f"{document_id}:{page + 1}", document_id, page + 1, text, *metadata))
        characters += len(text)
        if len(rows) == 5000:
            db.executemany("INSERT INTO pages VALUES (NULL,?,?,?,?,?,?,?,?,?,?)", rows)
            rows.clear()
    db.executemany("INSERT INTO pages VALUES (NULL,?,?,?,?,?,?,?,?,?,?)", rows)
    db.commit()
    db.close()
    return characters


# --- the queries -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    kind: str
    ours: str  # our query syntax
    fts: str  # the FTS5 MATCH expression
    filter_column: str = ""  # a facet filter, both engines
    filter_value: str | int = ""

    def as_json(self) -> dict[str, Any]:
        return self.__dict__.copy()


def make_queries(pages_db: Path, per_kind: int, seed: int = 7) -> list[Query]:
    """`per_kind` queries of each kind, drawn from the words of the first 2,000 pages."""
    from index.analysis import syllables, tokenize
    from vietnamese.folding import fold

    rng = random.Random(seed)
    db = sqlite3.connect(pages_db)
    sample = [row[0] for row in db.execute("SELECT text FROM pages ORDER BY id LIMIT 2000")]
    metadata = db.execute("SELECT DISTINCT document_type, year FROM pages").fetchall()
    db.close()
    frequency: Counter[str] = Counter()
    pair_frequency: Counter[tuple[str, str]] = Counter()
    sequences = []
    for text in sample:
        spelt = (text[t.start : t.end].lower() for t in syllables(tokenize(text)))
        words = [word for word in spelt if word.isalpha()]
        sequences.append(words)
        frequency.update(set(words))
        pair_frequency.update(set(itertools.pairwise(words)))

    def words_between(low: int, high: int) -> list[str]:
        found = sorted(w for w, n in frequency.items() if low <= n <= high and len(w) > 2)
        return rng.sample(found, per_kind)

    common = [w for w, _ in frequency.most_common(40) if len(w) > 1]
    pairs = sorted(p for p, n in pair_frequency.items() if 10 <= n <= 200)
    triples: list[list[str]] = []
    while len(triples) < per_kind:
        words = rng.choice(sequences)
        if len(words) > 10:
            start = rng.randrange(len(words) - 3)
            triples.append(words[start : start + 3])
    mid = words_between(20, 200)
    types = sorted({str(row[0]) for row in metadata})
    years = sorted({int(row[1]) for row in metadata})

    def word(kind: str, text: str) -> Query:
        return Query(kind, text, f'"{text}"')

    queries = [word("common word", w) for w in rng.sample(common, per_kind)]
    queries += [word("mid word", w) for w in mid]
    queries += [word("rare word", w) for w in words_between(2, 4)]
    queries += [word("word, no diacritics", fold(w)) for w in words_between(20, 400)]
    for a, b in rng.sample(pairs, per_kind):
        queries.append(Query("phrase of 2", f'"{a} {b}"', f'"{a} {b}"'))
    for triple in triples:
        phrase = " ".join(triple)
        queries.append(Query("phrase of 3", f'"{phrase}"', f'"{phrase}"'))
    for a, b in zip(words_between(20, 200), rng.sample(common, per_kind), strict=True):
        queries.append(Query("two words (AND)", f"{a} {b}", f'"{a}" AND "{b}"'))
    for w in words_between(30, 300):
        stem = w[: max(3, len(w) - 1)]
        queries.append(Query("prefix", f"{stem}*", f'"{stem}"*'))
    for w in mid:
        queries.append(Query("fuzzy", f"{w}~", f'"{w}"'))
    for w in rng.sample(common, per_kind):
        kind = rng.choice(types)
        queries.append(Query("word + type filter", w, f'"{w}"', "document_type", kind))
    for w in words_between(10, 100):
        year = rng.choice(years)
        queries.append(Query("word + year filter", w, f'"{w}"', "year", year))
    return queries


# --- a real library of the same pages (a bench fixture) -----------------------------------------

LIBRARY_FOLDER = "library"
PAGE_WIDTH, PAGE_HEIGHT, PAGE_DPI = 2480, 3508, 300  # A4 at 300 dpi, as a scan is rendered
LINE_CHARACTERS = 52  # what fits across the page at `laid_out`'s 40 px a character
FIXTURE_SETTINGS = json.dumps({"engine": "bench fixture: text given, not recognised"})
LIBRARY_BATCH = 250  # documents per transaction
CLI_KINDS = (
    "common word",
    "word, no diacritics",
    "phrase of 2",
    "two words (AND)",
    "prefix",
    "fuzzy",
)  # the queries `digitizer search` is timed on, one of each kind


def fixture_files(pages: int) -> tuple[bytes, bytes]:
    """A blank page image (PNG) and an original of `pages` blank pages (PDF)."""
    import io

    import pikepdf
    from PIL import Image

    image = io.BytesIO()
    Image.new("1", (PAGE_WIDTH, PAGE_HEIGHT), 1).save(image, "PNG", dpi=(PAGE_DPI, PAGE_DPI))
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(595, 842))
    original = io.BytesIO()
    pdf.save(original, deterministic_id=True)
    return image.getvalue(), original.getvalue()


def word_model(text: str) -> tuple[bytes, str, int]:
    """A page's text as its stored word model (`ocr.words.laid_out`, lines wrapped to the
    page's width), the model's text and its word count: made in a worker process per core."""
    from ocr.words import laid_out

    lines = []
    for paragraph in text.split("\n"):
        line: list[str] = []
        length = 0
        for word in paragraph.split():
            if line and length + 1 + len(word) > LINE_CHARACTERS:
                lines.append(" ".join(line))
                line, length = [], -1
            line.append(word)
            length += 1 + len(word)
        lines.append(" ".join(line))
    words = laid_out("\n".join(lines))
    return words.to_bytes(), words.text, sum(len(line.words) for line in words.lines())


def fill_library(pages_db: Path, root: Path) -> dict[str, Any]:
    """Bench fixture: a Digitizer library holding the bench's pages as `digitizer import` and
    `digitizer ocr` leave them, written straight into the catalogue (importing 100,000 page
    images would take hours). Twenty pages to a document, each with its type, issuing body,
    year and collection as its record; one blank page image shared by every page; a distinct
    original per document (the blank PDF, a comment naming the document after its end); each
    page's text filed as its OCR result with a word model (`ocr.words.laid_out`), and queued for
    the index. Objects are written without the store's fsyncs: a fixture, remade on need."""
    import hashlib
    import multiprocessing

    from digitizer.library import Library
    from digitizer.library.library import utc_now
    from digitizer.library.objects import StoredObject

    def put(library: Library, data: bytes, media_type: str) -> StoredObject:
        stored = StoredObject(hashlib.sha256(data).hexdigest(), len(data))
        path = library.objects.path_of(stored.sha256)
        if not path.exists():
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(data)
            path.chmod(0o400)
        library.register_object(stored, media_type)
        return stored

    started = time.perf_counter()
    shutil.rmtree(root, ignore_errors=True)
    source = sqlite3.connect(pages_db)
    rows = source.execute(
        "SELECT document_id, page_number, text, title, document_type, number_symbol,"
        " issuing_body, year, collection FROM pages ORDER BY id"
    )
    documents = ((key, list(pages)) for key, pages in itertools.groupby(rows, lambda r: r[0]))
    image, blank_pdf = fixture_files(PAGES_PER_DOCUMENT)
    settings_key = hashlib.sha256(FIXTURE_SETTINGS.encode()).hexdigest()
    positions: Counter[int] = Counter()
    count = 0
    with Library.open(root, create=True) as library, multiprocessing.Pool() as pool:

        def next_batch() -> tuple[list[Any], Any]:
            """The next documents, their pages' word models being made meanwhile."""
            batch = list(itertools.islice(documents, LIBRARY_BATCH))
            texts = [page[2] for _, pages in batch for page in pages]
            return batch, pool.map_async(word_model, texts, chunksize=50)

        batch, pending = next_batch()
        while batch:
            following = next_batch()
            models = iter(pending.get())
            with library.transaction() as db:
                page_image = put(library, image, "image/png")
                for bench_id, pages in batch:
                    document_id = f"bd{int(bench_id[1:]):08d}"  # the id alphabet's letters
                    _, _, _, title, kind, number, body, year, collection = pages[0]
                    db.execute(
                        "INSERT OR IGNORE INTO collections (name, created_at) VALUES (?, ?)",
                        (collection, utc_now()),
                    )
                    (collection_id,) = db.execute(
                        "SELECT id FROM collections WHERE name = ?", (collection,)
                    ).fetchone()
                    positions[collection_id] += 1
                    original = blank_pdf + f"% {document_id}\n".encode()
                    stored = put(library, original, "application/pdf")
                    db.execute(
                        "INSERT INTO documents (id, collection_id, position, title, document_type,"
                        " number_symbol, issuing_body, issued_on, import_state, import_key,"
                        " created_at) VALUES (?,?,?,?,?,?,?,?,'complete',?,?)",
                        (
                            document_id,
                            collection_id,
                            positions[collection_id],
                            title,
                            kind,
                            number,
                            body,
                            f"{year}-01-01",
                            hashlib.sha256(stored.sha256.encode()).hexdigest(),
                            utc_now(),
                        ),
                    )
                    db.execute(
                        "INSERT INTO sources (sha256, document_id, position, name, media_type,"
                        " size, page_count, first_page) VALUES (?, ?, 1, ?, ?, ?, ?, 1)",
                        (
                            stored.sha256,
                            document_id,
                            f"{bench_id}.pdf",
                            "application/pdf",
                            stored.size,
                            PAGES_PER_DOCUMENT,
                        ),
                    )
                    for _, page_number, *_ in pages:
                        page_id = db.execute(
                            "INSERT INTO pages (document_id, number, image_sha256, media_type,"
                            " width, height, dpi, source_sha256, source_page)"
                            " VALUES (?,?,?,'image/png',?,?,?,?,?)",
                            (
                                document_id,
                                page_number,
                                page_image.sha256,
                                PAGE_WIDTH,
                                PAGE_HEIGHT,
                                PAGE_DPI,
                                stored.sha256,
                                page_number,
                            ),
                        ).lastrowid
                        data, words_text, word_count = next(models)
                        model = put(library, data, "application/vnd.digitizer.page-text+json")
                        db.execute(
                            "INSERT INTO page_texts (page_id, settings_key, settings,"
                            " preparation, words_sha256, text, word_count, mean_confidence,"
                            " seconds, created_at) VALUES (?,?,?,?,?,?,?,91.0,0.0,?)",
                            (
                                page_id,
                                settings_key,
                                FIXTURE_SETTINGS,
                                json.dumps({"source_size": [PAGE_WIDTH, PAGE_HEIGHT]}),
                                model.sha256,
                                words_text,
                                word_count,
                                utc_now(),
                            ),
                        )
                        library.queue_for_index(document_id, page_number)
                        count += 1
            batch, pending = following
    os.sync()  # the files written without fsync are on disk before anything is timed
    size = sum(path.stat().st_size for path in root.rglob("*") if path.is_file())
    return {"seconds": time.perf_counter() - started, "pages": count, "bytes": size}


# --- the phases (each in its own child process) -------------------------------------------------


def build_ours(pages_db: Path, index_folder: Path) -> dict[str, Any]:
    from digitizer.indexing import REBUILD_BATCH
    from index import PageEntry, SearchIndex

    db = sqlite3.connect(pages_db)
    rows = db.execute(
        "SELECT page_key, document_id, page_number, text, title, document_type, number_symbol,"
        " issuing_body, year, collection FROM pages ORDER BY id"
    )
    entries = (PageEntry(*row) for row in rows)
    started = time.perf_counter()
    SearchIndex.build(index_folder, entries, batch_size=REBUILD_BATCH).close()
    seconds = time.perf_counter() - started
    size = sum(path.stat().st_size for path in index_folder.iterdir())
    return {"seconds": seconds, "bytes": size}


def build_fts(pages_db: Path, fts_db: Path) -> dict[str, Any]:
    shutil.copyfile(pages_db, fts_db)
    db = sqlite3.connect(fts_db)
    started = time.perf_counter()
    columns = ", ".join(f"{name} UNINDEXED" for name in FACET_COLUMNS)
    db.execute(
        f"CREATE VIRTUAL TABLE fts USING fts5(text, {columns}, content='pages',"
        " content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    )
    db.execute("INSERT INTO fts(fts) VALUES ('rebuild')")
    db.execute("INSERT INTO fts(fts) VALUES ('optimize')")
    db.commit()
    db.execute("VACUUM")
    seconds = time.perf_counter() - started
    db.close()
    return {"seconds": seconds, "bytes": fts_db.stat().st_size - pages_db.stat().st_size}


def timed_runs(queries: Sequence[Query], run: Any, opened_at: float) -> dict[str, Any]:
    run(queries[0])  # warm-up: opens files, reads what every search needs
    open_seconds = time.perf_counter() - opened_at  # open, and answer a first query
    first, first_cpu, repeat, totals = [], [], [], []
    for query in queries:
        started, cpu = time.perf_counter(), time.process_time()
        totals.append(run(query))
        first.append(time.perf_counter() - started)
        first_cpu.append(time.process_time() - cpu)
    for query in queries:
        started = time.perf_counter()
        run(query)
        repeat.append(time.perf_counter() - started)
    return {
        "first": first,
        "first_cpu": first_cpu,
        "repeat": repeat,
        "totals": totals,
        "open_first_seconds": open_seconds,
    }


def query_ours(pages_db: Path, index_folder: Path, queries: Sequence[Query]) -> dict[str, Any]:
    from index import SearchIndex

    db = sqlite3.connect(pages_db)
    facet_names = {"document_type": "type", "year": "year"}

    def text_of(page_key: str) -> str:
        row = db.execute("SELECT text FROM pages WHERE page_key = ?", (page_key,)).fetchone()
        if row is None:
            raise LookupError(page_key)
        return str(row[0])

    started = time.perf_counter()
    index = SearchIndex.open(index_folder)
    opened = time.perf_counter() - started

    def run(query: Query) -> int:
        filters = (
            {facet_names[query.filter_column]: query.filter_value} if query.filter_column else None
        )
        results = index.search(query.ours, limit=LIMIT, filters=filters, text_of=text_of)
        assert all(hit.snippet.text for hit in results.hits), query
        return results.total

    outcome = timed_runs(queries, run, started)
    outcome["open_seconds"] = opened
    return outcome


def query_fts(fts_db: Path, queries: Sequence[Query]) -> dict[str, Any]:
    started = time.perf_counter()
    db = sqlite3.connect(fts_db)
    facets = ", ".join(FACET_COLUMNS)

    def run(query: Query) -> int:
        where, parameters = "fts MATCH ?", [query.fts]
        if query.filter_column:
            where += f" AND {query.filter_column} = ?"
            parameters.append(query.filter_value)  # type: ignore[arg-type]
        top = db.execute(
            f"SELECT rowid, snippet(fts, 0, '«', '»', '…', 12) FROM fts WHERE {where}"
            f" ORDER BY rank LIMIT {LIMIT}",
            parameters,
        ).fetchall()
        counts: list[Counter[object]] = [Counter() for _ in FACET_COLUMNS]
        total = 0
        for row in db.execute(f"SELECT {facets} FROM fts WHERE {where}", parameters):
            total += 1
            for counter, value in zip(counts, row, strict=True):
                counter[value] += 1
        assert len(top) == min(total, LIMIT), query
        return total

    return timed_runs(queries, run, started)


PHASES = {"prepare", "build-ours", "build-fts", "query-ours", "query-fts", "cold-ours", "library"}


def cold_search(pages_db: Path, index_folder: Path, query: Query) -> dict[str, Any]:
    """What `digitizer search` does from a cold start, minus the catalogue: import the index
    package, open the index, answer one query with snippets (the parent times the process)."""
    from index import SearchIndex

    db = sqlite3.connect(pages_db)

    def text_of(page_key: str) -> str:
        row = db.execute("SELECT text FROM pages WHERE page_key = ?", (page_key,)).fetchone()
        return str(row[0])

    with SearchIndex.open(index_folder) as index:
        results = index.search(query.ours, limit=LIMIT, text_of=text_of)
    return {"total": results.total}


def run_phase(args: argparse.Namespace) -> None:
    """The child's side: do one phase, print its figures as JSON."""
    work = args.phase_workdir
    pages_db, index_folder, fts_db = work / "pages.sqlite3", work / "index", work / "fts.sqlite3"
    if args.phase == "prepare":
        started = time.perf_counter()
        characters = write_pages(args.corpus, args.pages[0], pages_db)
        queries = make_queries(pages_db, args.queries_per_kind)
        (work / "queries.json").write_text(json.dumps([q.as_json() for q in queries]), "utf-8")
        outcome = {"characters": characters, "seconds": time.perf_counter() - started}
        print(json.dumps(outcome))
        return
    queries = [Query(**q) for q in json.loads((work / "queries.json").read_text("utf-8"))]
    outcome = {
        "build-ours": lambda: build_ours(pages_db, index_folder),
        "build-fts": lambda: build_fts(pages_db, fts_db),
        "query-ours": lambda: query_ours(pages_db, index_folder, queries),
        "query-fts": lambda: query_fts(fts_db, queries),
        "cold-ours": lambda: cold_search(pages_db, index_folder, queries[len(queries) // 2]),
        "library": lambda: fill_library(pages_db, work / LIBRARY_FOLDER),
    }[args.phase]()
    print(json.dumps(outcome))


def run_process(argv: Sequence[str], what: str) -> tuple[bytes, dict[str, Any], float]:
    """Run `argv` from the repository root: its output, its wall and CPU seconds (worker
    processes included) and its peak RSS in MiB, read from `os.wait4`."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, cwd=REPO)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"search benchmark: {what} failed (exit {process.returncode})")
    times = {"process_seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime}
    return output, times, usage.ru_maxrss / 1024


def child(phase: str, work: Path, *options: str) -> tuple[dict[str, Any], float]:
    """Run `phase` in a child process: its JSON figures and its peak RSS in MiB.

    The parent stays small (the pages are cut in a child too): Linux starts a child's peak RSS
    at its parent's size."""
    argv = [sys.executable, __file__, "--phase", phase, "--phase-workdir", str(work), *options]
    output, times, peak = run_process(argv, f"phase {phase}")
    figures: dict[str, Any] = json.loads(output)
    figures.update(times)
    return figures, peak


def cli_reindex(work: Path) -> tuple[dict[str, Any], float]:
    """`digitizer reindex` on the bench's library, as a user runs it."""
    argv = [str(DIGITIZER), "--library", str(work / LIBRARY_FOLDER), "reindex"]
    output, times, peak = run_process(argv, "digitizer reindex")
    return {"output": output.decode().strip(), **times}, peak


def cli_searches(work: Path, queries: Sequence[Query]) -> tuple[dict[str, Any], float]:
    """`digitizer search` from a cold start: one query of each of `CLI_KINDS`, each a fresh
    process run once, with the plain output and with `--json`."""
    options = {"document_type": "--type", "year": "--year"}
    runs, peak = [], 0.0
    for kind in CLI_KINDS:
        number, query = next((i, q) for i, q in enumerate(queries) if q.kind == kind)
        for as_json in (False, True):
            argv = [str(DIGITIZER), "--library", str(work / LIBRARY_FOLDER), "search", query.ours]
            if query.filter_column:
                argv += [options[query.filter_column], str(query.filter_value)]
            argv += ["--json"] if as_json else []
            output, times, used = run_process(argv, f"digitizer search {query.ours}")
            if as_json:
                total = json.loads(output)["total"]
            else:
                total = int(output.decode().split(" ", 1)[0])
            runs.append({"query": query.ours, "number": number, "json": as_json, "total": total})
            runs[-1].update(times)
            peak = max(peak, used)
    return {"runs": runs}, peak


# --- the report ---------------------------------------------------------------------------------


def milliseconds(seconds: Sequence[float]) -> tuple[float, float, float]:
    """p50, p95 and the maximum, in milliseconds (p95 by the nearest-rank method)."""
    ordered = sorted(seconds)
    rank = max(0, -(-95 * len(ordered) // 100) - 1)
    return statistics.median(ordered) * 1000, ordered[rank] * 1000, ordered[-1] * 1000


def ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}×" if theirs > 0 else "n/a"


def recorded(
    phase: str, work: Path, run: Callable[[], tuple[dict[str, Any], float]], *, reuse: bool
) -> tuple[dict[str, Any], float]:
    """`run()`'s figures and peak, kept in the work folder; with `reuse`, figures kept by an
    earlier run are read back instead (what it built is still there)."""
    record = work / f"{phase}.json"
    if reuse and record.is_file():
        kept = json.loads(record.read_text("utf-8"))
        return kept["figures"], kept["peak_mib"]
    figures, peak = run()
    record.write_text(json.dumps({"figures": figures, "peak_mib": peak}), "utf-8")
    return figures, peak


def recorded_child(
    phase: str, work: Path, *options: str, reuse: bool
) -> tuple[dict[str, Any], float]:
    """`child`, its figures kept in the work folder (see `recorded`)."""
    return recorded(phase, work, lambda: child(phase, work, *options), reuse=reuse)


def measure(
    count: int, work: Path, per_kind: int, corpus: Path, *, reuse: bool = False
) -> dict[str, Any]:
    options = ("--pages", str(count), "--queries-per-kind", str(per_kind), "--corpus", str(corpus))
    prepared, _ = recorded_child("prepare", work, *options, reuse=reuse)
    queries = [Query(**q) for q in json.loads((work / "queries.json").read_text("utf-8"))]
    print(
        f"  {count:,} pages cut ({prepared['characters'] / 1e6:.1f} M characters) in "
        f"{prepared['seconds']:.0f} s; {len(queries)} queries",
        flush=True,
    )
    figures: dict[str, Any] = {
        "pages": count,
        "characters": prepared["characters"],
        "queries": queries,
    }
    for phase in ("build-fts", "build-ours", "query-fts", "query-ours", "cold-ours"):
        outcome, peak = recorded_child(phase, work, reuse=reuse and phase.startswith("build"))
        outcome["peak_mib"] = peak
        figures[phase] = outcome
        took = outcome.get("seconds", sum(outcome.get("first", ())))
        print(f"  {phase:10}  {took:8.1f} s  peak {peak:6.0f} MiB", flush=True)
    # The real command line on a real library of the same pages: the library is kept like an
    # index (made again only when its record is gone), and so is its reindex's timing.
    kept = reuse and (work / LIBRARY_FOLDER).is_dir() and (work / "library.json").is_file()
    library, peak = recorded_child("library", work, reuse=kept)
    if not kept:  # a new library: its reindex is timed again
        (work / "cli-reindex.json").unlink(missing_ok=True)
    print(f"  {'library':10}  {library['seconds']:8.1f} s  peak {peak:6.0f} MiB", flush=True)
    for phase, run in (
        ("cli-reindex", lambda: cli_reindex(work)),
        ("cli-search", lambda: cli_searches(work, queries)),
    ):
        outcome, peak = recorded(phase, work, run, reuse=reuse and phase == "cli-reindex")
        outcome["peak_mib"] = peak
        figures[phase] = outcome
        took = outcome.get("process_seconds") or sum(r["process_seconds"] for r in outcome["runs"])
        print(f"  {phase:10}  {took:8.1f} s  peak {peak:6.0f} MiB", flush=True)
    figures["library"] = library
    return figures


def report(figures: dict[str, Any]) -> None:
    count, characters = figures["pages"], figures["characters"]
    ours_build, fts_build = figures["build-ours"], figures["build-fts"]
    ours, fts = figures["query-ours"], figures["query-fts"]
    queries: list[Query] = figures["queries"]
    print(f"\n{count:,} pages ({characters / 1e6:.1f} M characters of text)")
    print(f"{'':28}{'ours':>14}{'FTS5':>14}{'ours/FTS5':>12}")

    def line(label: str, a: float, b: float, unit: str, digits: int = 1) -> None:
        print(f"{label:28}{a:>12.{digits}f}{unit:2}{b:>12.{digits}f}{unit:2}{ratio(a, b):>12}")

    line("indexing, pages/s", count / ours_build["seconds"], count / fts_build["seconds"], "", 0)
    line("indexing, s", ours_build["seconds"], fts_build["seconds"], "s")
    line("indexing, CPU s", ours_build["cpu_seconds"], fts_build["cpu_seconds"], "s")
    line("index size, MB", ours_build["bytes"] / 1e6, fts_build["bytes"] / 1e6, "")
    print(
        f"{'  size / text (UTF-8)':28}"
        f"{ours_build['bytes'] / (characters * 1.2):>12.2f}  "
        f"{fts_build['bytes'] / (characters * 1.2):>12.2f}"
    )
    line("peak memory indexing, MiB", ours_build["peak_mib"], fts_build["peak_mib"], "", 0)
    line("peak memory querying, MiB", ours["peak_mib"], fts["peak_mib"], "", 0)
    for label, key in (
        ("first run", "first"),
        ("first run, CPU", "first_cpu"),
        ("repeat", "repeat"),
    ):
        a, b = milliseconds(ours[key]), milliseconds(fts[key])
        line(f"query p50 ms, {label}", a[0], b[0], "")
        line(f"query p95 ms, {label}", a[1], b[1], "")
        line(f"query max ms, {label}", a[2], b[2], "")
    print("\nby kind (first run; p50 / p95 ms; pages matched, ours vs FTS5):")
    for kind in KINDS:
        picked = [i for i, q in enumerate(queries) if q.kind == kind]
        if not picked:
            continue
        a = milliseconds([ours["first"][i] for i in picked])
        b = milliseconds([fts["first"][i] for i in picked])
        matched_ours = sum(ours["totals"][i] for i in picked)
        matched_fts = sum(fts["totals"][i] for i in picked)
        example = queries[picked[0]]
        shown = example.ours + (
            f" [{example.filter_column}={example.filter_value}]" if example.filter_column else ""
        )
        print(
            f"  {kind:22} ours {a[0]:7.1f} / {a[1]:7.1f}   FTS5 {b[0]:7.1f} / {b[1]:7.1f}"
            f"   matched {matched_ours:>8,} vs {matched_fts:>8,}   e.g. {shown}"
        )
    print(
        f"  (open the index: {ours['open_seconds'] * 1000:.0f} ms before the first query; "
        f"open and a first answer: ours {ours['open_first_seconds'] * 1000:.0f} ms, "
        f"FTS5 {fts['open_first_seconds'] * 1000:.0f} ms; a fresh process importing ours, "
        f"opening and answering one query: {figures['cold-ours']['process_seconds'] * 1000:.0f}"
        " ms)"
    )
    library, reindex = figures["library"], figures["cli-reindex"]
    print(
        f"\nthe command line on a library of the same pages ({library['pages']:,} pages, "
        f"{library['bytes'] / 1e6:,.0f} MB, filled in {library['seconds']:.0f} s):\n"
        f"  digitizer reindex: {reindex['process_seconds']:.1f} s wall, "
        f"{reindex['cpu_seconds']:.1f} s CPU, {library['pages'] / reindex['process_seconds']:,.0f}"
        f" pages/s, peak {reindex['peak_mib']:.0f} MiB ({reindex['output']})"
    )
    print(
        "  digitizer search, a fresh process each (ms wall / CPU, plain output and --json;"
        " pages matched, and by the index over the pages table):"
    )
    runs = figures["cli-search"]["runs"]
    for plain, as_json in zip(runs[0::2], runs[1::2], strict=True):
        print(
            f"    {plain['query']:24} {plain['process_seconds'] * 1000:6.0f} /"
            f" {plain['cpu_seconds'] * 1000:4.0f}   {as_json['process_seconds'] * 1000:6.0f} /"
            f" {as_json['cpu_seconds'] * 1000:4.0f}   {plain['total']:>7,}"
            f" vs {ours['totals'][plain['number']]:>7,}"
        )
    for label, picked in (("plain", runs[0::2]), ("--json", runs[1::2])):
        p50, _, top = milliseconds([run["process_seconds"] for run in picked])
        print(f"    {label:24} median {p50:6.0f}   max {top:6.0f}")
    print(f"    peak {figures['cli-search']['peak_mib']:.0f} MiB")


def summary(figures: dict[str, Any]) -> dict[str, Any]:
    """One size's figures as `--json` prints them."""
    count = figures["pages"]

    def engine(build: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        p50, p95, _ = milliseconds(query["first"])
        return {
            "index_pages_per_s": round(count / build["seconds"], 1),
            "index_seconds": round(build["seconds"], 2),
            "index_cpu_seconds": round(build["cpu_seconds"], 2),
            "index_bytes": build["bytes"],
            "open_ms": round(query["open_first_seconds"] * 1000, 1),
            "p50_ms": round(p50, 1),
            "p95_ms": round(p95, 1),
            "p95_cpu_ms": round(milliseconds(query["first_cpu"])[1], 1),
            "peak_rss_mib": round(max(build["peak_mib"], query["peak_mib"]), 1),
            "index_peak_rss_mib": round(build["peak_mib"], 1),
            "query_peak_rss_mib": round(query["peak_mib"], 1),
        }

    ours = engine(figures["build-ours"], figures["query-ours"])
    ours["cold_process_ms"] = round(figures["cold-ours"]["process_seconds"] * 1000, 1)
    reindex = figures["cli-reindex"]
    ours["cli_reindex_seconds"] = round(reindex["process_seconds"], 2)
    ours["cli_reindex_cpu_seconds"] = round(reindex["cpu_seconds"], 2)
    ours["cli_reindex_peak_rss_mib"] = round(reindex["peak_mib"], 1)
    runs = figures["cli-search"]["runs"]
    for key, picked in (("", runs), ("_plain", runs[0::2]), ("_json", runs[1::2])):
        p50, _, top = milliseconds([run["process_seconds"] for run in picked])
        ours[f"cli_search_cold{key}_ms"] = {"median": round(p50, 1), "max": round(top, 1)}
    return {
        "pages": count,
        "ours": ours,
        "fts5": engine(figures["build-fts"], figures["query-fts"]),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries-per-kind", type=int, default=6)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    add_workdir_argument(parser, "the pages, both indexes and the queries")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --workdir: keep the pages, indexes and library an earlier run left there;"
        " only query",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="end with one line: a JSON list, one object per size with both engines' figures",
    )
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    parser.add_argument("--phase-workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        run_phase(args)
        return 0
    if not args.corpus.is_file():
        parser.error(f"no corpus at {args.corpus}")
    commit, changed = git_state()
    # As installed (pip compiles every module): a fresh process then reads bytecode instead of
    # compiling the sources, which PYTHONDONTWRITEBYTECODE would otherwise make it do each time.
    for package in ("digitizer", "index", "ocr", "vietnamese"):
        compileall.compile_dir(REPO / package, quiet=1)
    root = make_workdir(args.workdir, "digitizer-bench-search-")
    try:
        results = []
        for count in args.pages:
            work = root / f"{count}"
            work.mkdir(exist_ok=True)
            print(f"{count:,} pages in {work}", flush=True)
            results.append(
                measure(count, work, args.queries_per_kind, args.corpus, reuse=args.reuse)
            )
            if not args.workdir:
                shutil.rmtree(work)
        for figures in results:
            report(figures)
    finally:
        if not args.workdir:
            shutil.rmtree(root, ignore_errors=True)
    state = f"{commit}{' with uncommitted changes' if changed else ''}"
    command = shlex.join([".venv/bin/python", "bench/search.py", *(argv or sys.argv[1:])])
    print(f"\nSQLite {sqlite3.sqlite_version}; commit {state}; reproduce with: {command}")
    if args.json:
        print(json.dumps([summary(figures) for figures in results]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
