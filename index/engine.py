"""Query evaluation over Whoosh's postings, whole posting lists at a time, with numpy.

Whoosh's own searcher walks matches one document at a time in Python (about 20 µs each), so a
word found on most pages of a large archive — "Đảng" in Party documents — costs seconds, and the
result count and facet counts need every match anyway. Here each term's posting list is read a
block at a time into arrays; AND, OR and NOT are array operations, BM25 is vectorised, and the
result is every match with its score, from which the total, the facets and the top hits all come.

Whoosh still does everything else: the files, the term dictionary, prefix and fuzzy expansion,
stored fields and columns.
"""

from __future__ import annotations

import math
import struct
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from operator import itemgetter
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from whoosh.matching.wrappers import FilterMatcher

from index.analysis import is_frequent_pair, pair_key
from index.schema import PAIRS_OF, POSITION_DTYPE, POSITIONS_OF, SCORED_FIELDS

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

# BM25 as usual: term frequency saturates (k1), long pages are discounted (b).
BM25_K1 = 1.2
BM25_B = 0.75
# A prefix or fuzzy word expands to at most this many terms (the most frequent kept last to
# scan is not known up front, so this is a guard against "a*" over a huge index, not a ranking).
MAX_EXPANSIONS = 2000


class CorruptPostings(Exception):
    """Posting data that contradicts itself: the index files are damaged."""


# --- plans: what to evaluate -------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """Pages containing `key` in `field`, BM25-scored (times `boost`)."""

    field: str
    key: str
    boost: float = 1.0


@dataclass(frozen=True)
class Phrase:
    """Pages with `keys` at consecutive positions of `field` (a positional field)."""

    field: str
    keys: tuple[str, ...]
    boost: float = 1.0


@dataclass(frozen=True)
class Expansion:
    """Pages containing any term of `field` that starts with `key` (prefix) or lies within
    `distance` edits of it with the same first letter (fuzzy). Scored as a constant."""

    field: str
    key: str
    kind: str  # "prefix" or "fuzzy"
    distance: int = 0
    score: float = 1.0


@dataclass(frozen=True)
class Union:
    """Pages matching any child; scores add up."""

    children: tuple[Plan, ...]


@dataclass(frozen=True)
class Intersection:
    """Pages matching every child; scores add up."""

    children: tuple[Plan, ...]


@dataclass(frozen=True)
class Exclusion:
    """Pages matching `base` but not `removed`; `base`'s scores."""

    base: Plan
    removed: Plan


@dataclass(frozen=True)
class Constant:
    """Pages matching `child`, all scored `score` (filters: they select, they do not rank)."""

    child: Plan
    score: float = 0.0


@dataclass(frozen=True)
class Everything:
    """Every page (the base of a query that only excludes or filters)."""


Plan = Term | Phrase | Expansion | Union | Intersection | Exclusion | Constant | Everything


# --- results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Matches:
    """Matching pages as sorted, unique index document numbers and their scores."""

    ids: IntArray
    scores: FloatArray

    @classmethod
    def empty(cls) -> Matches:
        return cls(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))

    def __len__(self) -> int:
        return len(self.ids)


def _union(parts: Sequence[Matches]) -> Matches:
    parts = [p for p in parts if len(p)]
    if not parts:
        return Matches.empty()
    if len(parts) == 1:
        return parts[0]
    ids = np.concatenate([p.ids for p in parts])
    order = np.argsort(ids, kind="stable")
    ids = ids[order]
    starts = np.flatnonzero(np.concatenate(([True], ids[1:] != ids[:-1])))
    scores = np.add.reduceat(np.concatenate([p.scores for p in parts])[order], starts)
    return Matches(ids[starts], scores)


def _common(a: IntArray, b: IntArray) -> tuple[IntArray, IntArray]:
    """Indices into sorted, duplicate-free `a` and `b` of the values both hold."""
    if not len(a) or not len(b):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    if len(a) > len(b):
        ib, ia = _common(b, a)
        return ia, ib
    # Binary search of the shorter list in the longer: no sorting, no hashing.
    where = np.searchsorted(b, a)
    found = b[np.minimum(where, len(b) - 1)] == a
    return np.flatnonzero(found), where[found]


def _intersect(a: Matches, b: Matches) -> Matches:
    ia, ib = _common(a.ids, b.ids)
    return Matches(a.ids[ia], a.scores[ia] + b.scores[ib])


def _exclude(a: Matches, b: Matches) -> Matches:
    ia, _ = _common(a.ids, b.ids)
    keep = np.ones(len(a), dtype=bool)
    keep[ia] = False
    return Matches(a.ids[keep], a.scores[keep])


def _narrow(candidates: IntArray | None, ids: IntArray) -> IntArray:
    """`candidates` that are also in `ids` (all of `ids` when there are no candidates yet)."""
    if candidates is None:
        return ids
    return candidates[_common(candidates, ids)[0]]


def _distinct(sorted_values: IntArray) -> IntArray:
    """The distinct values of a sorted array."""
    if not len(sorted_values):
        return sorted_values
    keep = np.concatenate(([True], sorted_values[1:] != sorted_values[:-1]))
    return sorted_values[keep]


# --- per-segment data ----------------------------------------------------------------------------


@dataclass
class Segment:
    """What evaluation needs from one index segment, read once per segment."""

    reader: Any
    base: int  # the segment's first document number in the whole index
    count: int  # documents in the segment, deleted ones included
    lengths: dict[str, IntArray] = field(default_factory=dict)  # field → length per document
    # (field, first letter) → the segment's terms starting with it, sorted
    lexicon: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def terms_starting(self, fieldname: str, letter: str) -> list[str]:
        """The segment's terms of `fieldname` that start with `letter`, in sorted order."""
        if (fieldname, letter) not in self.lexicon:
            self.lexicon[fieldname, letter] = self.terms_with_prefix(fieldname, letter)
        return self.lexicon[fieldname, letter]

    def has_lexicon(self, fieldname: str, letter: str) -> bool:
        """Whether `terms_starting(fieldname, letter)` is already read."""
        return (fieldname, letter) in self.lexicon

    def terms_with_prefix(self, fieldname: str, prefix: str) -> list[str]:
        """The segment's terms of `fieldname` that start with `prefix`, sorted (not cached)."""
        read = _read_terms(self.reader, fieldname, prefix.encode("utf-8"))
        if read is not None:
            return read
        found = self.reader.expand_prefix(fieldname, prefix.encode("utf-8"))
        return [t.decode("utf-8") if isinstance(t, bytes) else t for t in found]

    def length(self, fieldname: str) -> IntArray:
        if fieldname not in self.lengths:
            read = self.reader.doc_field_length
            self.lengths[fieldname] = np.fromiter(
                (read(d, fieldname, 0) for d in range(self.count)),
                dtype=np.int64,
                count=self.count,
            )
        return self.lengths[fieldname]


# Whoosh 3 keeps a segment's terms in one file, sorted, each entry its two lengths, then the key
# (the field's number in two bytes, then the term), then the term's data.
_ENTRY_LENGTHS = struct.Struct("!ii")
_FIELD_NUMBER_SIZE = 2


def _read_terms(reader: Any, fieldname: str, prefix: bytes) -> list[str] | None:
    """The terms of `fieldname` starting with `prefix`, read from Whoosh 3's term file as one
    run of bytes: its own walk costs a generator step and a file read per term, four times
    slower, which a fuzzy query over a letter's terms in every segment pays at first use. None
    when the reader is not Whoosh 3's (the caller walks the terms instead)."""
    try:
        table = reader._terms
        index = table._tindex
        start = index.closest_key_pos(table._keycoder(fieldname, prefix))
        if start is None:
            return []
        stop = index.closest_key_pos(table._keycoder(fieldname, prefix + b"\xff"))
        run = index.dbfile.get(start, (index.endofdata if stop is None else stop) - start)
    except AttributeError:
        return None
    terms: list[str] = []
    unpack, size, at = _ENTRY_LENGTHS.unpack_from, _ENTRY_LENGTHS.size, 0
    while at < len(run):
        key_length, data_length = unpack(run, at)
        key = at + size
        terms.append(run[key + _FIELD_NUMBER_SIZE : key + key_length].decode("utf-8"))
        at = key + key_length + data_length
    return terms


@dataclass(frozen=True)
class Postings:
    """One term's postings in one segment: document numbers within the segment, frequencies,
    and (positional fields only) the encoded positions."""

    ids: IntArray
    weights: FloatArray
    values: Sequence[bytes] | None


def read_postings(
    reader: Any, fieldname: str, key: str, *, values: bool, wanted: IntArray | None = None
) -> Postings | None:
    """The postings of a term in one segment reader, deleted documents included.

    With `wanted` (sorted document numbers within the segment), blocks holding none of them are
    skipped unread, so the result may leave out other documents.
    """
    btext = key.encode("utf-8")
    if (fieldname, btext) not in reader:
        return None
    matcher = reader.postings(fieldname, btext)
    while isinstance(matcher, FilterMatcher):  # deletions are applied later, to the result
        matcher = matcher.child
    try:
        return _read_blocks(matcher, values, wanted)
    except AttributeError:
        # Not Whoosh 3's block matcher (another codec or version): walk it one posting at a time.
        matcher = reader.postings(fieldname, btext)
        return _read_one_by_one(matcher, values)


def _read_blocks(matcher: Any, values: bool, wanted: IntArray | None = None) -> Postings:
    # Whoosh 3 stores postings in blocks of up to 128: a header with the block's last id, then
    # a pickled (id deltas, weights, values) tuple. Reading whole tuples is what its own
    # one-at-a-time API does too, minus the per-posting Python calls.
    id_parts: list[IntArray] = []
    weight_parts: list[FloatArray] = []
    value_parts: list[bytes] = []
    first_id = 0
    while not matcher._atend:
        last_id = matcher._maxid
        if wanted is not None:
            at = int(np.searchsorted(wanted, first_id))
            if at == len(wanted) or wanted[at] > last_id:
                first_id = last_id + 1
                matcher._next_block()
                continue
        first_id = last_id + 1
        matcher._read_data()
        deltas, weights, encoded = matcher._data
        count = matcher._blocklength
        id_parts.append(np.cumsum(np.asarray(deltas, dtype=np.int64)))
        if weights is None:
            weight_parts.append(np.ones(count, dtype=np.float64))
        elif isinstance(weights, float):
            weight_parts.append(np.full(count, weights, dtype=np.float64))
        else:
            weight_parts.append(np.asarray(weights, dtype=np.float64))
        if values:
            value_parts.extend(encoded if encoded is not None else [b""] * count)
        matcher._next_block()
    if not id_parts:  # every posting skipped, or of a deleted page the filter already passed
        return Postings(np.zeros(0, np.int64), np.zeros(0, np.float64), [] if values else None)
    return Postings(
        np.concatenate(id_parts),
        np.concatenate(weight_parts),
        value_parts if values else None,
    )


def _positions(values: Sequence[bytes], rows: IntArray, counts: IntArray) -> IntArray:
    """The positions stored in `values[rows]` (`counts` of them for each row), concatenated."""
    if not len(rows):
        return np.zeros(0, dtype=np.int64)
    picked = itemgetter(*rows.tolist())(values)
    joined = b"".join(picked) if len(rows) > 1 else picked
    positions = np.frombuffer(joined, dtype=POSITION_DTYPE).astype(np.int64)
    if len(positions) != int(counts.sum()):
        raise CorruptPostings("positions and frequencies disagree")
    return positions


def _read_one_by_one(matcher: Any, values: bool) -> Postings:
    ids: list[int] = []
    weights: list[float] = []
    encoded: list[bytes] = []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        if values:
            encoded.append(matcher.value())
        matcher.next()
    return Postings(
        np.asarray(ids, dtype=np.int64),
        np.asarray(weights, dtype=np.float64),
        encoded if values else None,
    )


# --- evaluation ----------------------------------------------------------------------------------


class Evaluator:
    """Evaluates plans against the segments of one searcher's view of the index."""

    def __init__(self, segments: Sequence[Segment], live: IntArray, schema: Any) -> None:
        self._segments = segments
        self._live = live  # sorted document numbers of the pages not deleted
        self._schema = schema
        self._documents = sum(s.count for s in segments)
        self._average: dict[str, float] = {}
        self._memo: dict[Plan, Matches] = {}

    def run(self, plan: Plan) -> Matches:
        """Every live page matching `plan`, with its score."""
        matches = self._eval(plan)
        keep, _ = _common(matches.ids, self._live)
        return Matches(matches.ids[keep], matches.scores[keep])

    def _eval(self, plan: Plan) -> Matches:
        # A phrase typed with diacritics appears twice in its plan (exact and folded branch).
        if plan not in self._memo:
            self._memo[plan] = self._compute(plan)
        return self._memo[plan]

    def _compute(self, plan: Plan) -> Matches:
        if isinstance(plan, Term):
            return self._term(plan.field, plan.key, plan.boost)
        if isinstance(plan, Phrase):
            return self._phrase(plan)
        if isinstance(plan, Expansion):
            return self._expansion(plan)
        if isinstance(plan, Union):
            return _union([self._eval(c) for c in plan.children])
        if isinstance(plan, Intersection):
            return self._intersection(plan.children)
        if isinstance(plan, Exclusion):
            base = self._eval(plan.base)
            return _exclude(base, self._eval(plan.removed)) if len(base) else base
        if isinstance(plan, Constant):
            child = self._eval(plan.child)
            return Matches(child.ids, np.full(len(child), plan.score, dtype=np.float64))
        return Matches(self._live.copy(), np.zeros(len(self._live), dtype=np.float64))

    def _intersection(self, children: Iterable[Plan]) -> Matches:
        # The smallest child first; the others then read only the posting blocks that hold its
        # pages (a rare word next to a common one skips most of the common one's list).
        result: Matches | None = None
        for child in sorted(children, key=self._estimate):
            matches = self._eval(child) if result is None else self._within(child, result.ids)
            result = matches if result is None else _intersect(result, matches)
            if not len(result):
                return Matches.empty()
        return result if result is not None else Matches.empty()

    def _estimate(self, plan: Plan) -> int:
        """A cheap guess at how many pages `plan` matches (from the term dictionary)."""
        if plan in self._memo:
            return len(self._memo[plan])
        if isinstance(plan, Term):
            return self._frequency(plan.field, plan.key)
        if isinstance(plan, Phrase):
            return min(self._frequency(plan.field, key) for key in plan.keys)
        if isinstance(plan, Union):
            return sum(self._estimate(c) for c in plan.children)
        if isinstance(plan, Intersection):
            return min(self._estimate(c) for c in plan.children)
        if isinstance(plan, Constant):
            return self._estimate(plan.child)
        if isinstance(plan, Exclusion):
            return self._estimate(plan.base)
        return self._documents  # expansions and everything: assume the worst

    def _within(self, plan: Plan, wanted: IntArray) -> Matches:
        """`plan`'s matches among the `wanted` pages (sorted document numbers): terms read only
        the posting blocks that hold wanted pages."""
        if plan not in self._memo:
            if isinstance(plan, Term):
                return self._term(plan.field, plan.key, plan.boost, wanted=wanted)
            if isinstance(plan, Union):
                return _union([self._within(c, wanted) for c in plan.children])
        matches = self._eval(plan)
        keep, _ = _common(matches.ids, wanted)
        return Matches(matches.ids[keep], matches.scores[keep])

    # --- terms ---

    def _term(
        self, fieldname: str, key: str, boost: float, *, wanted: IntArray | None = None
    ) -> Matches:
        """Pages with `key` in `fieldname`, BM25-scored; with `wanted`, only those pages."""
        found: list[tuple[Segment, Postings]] = []
        for segment in self._segments:
            local = None
            if wanted is not None:
                start, stop = np.searchsorted(wanted, [segment.base, segment.base + segment.count])
                if start == stop:
                    continue
                local = wanted[start:stop] - segment.base
            postings = read_postings(segment.reader, fieldname, key, values=False, wanted=local)
            if postings is not None:
                found.append((segment, postings))
        if not found:
            return Matches.empty()
        ids = np.concatenate([p.ids + s.base for s, p in found])
        if fieldname not in SCORED_FIELDS:
            scores = np.full(len(ids), boost, dtype=np.float64)
        else:
            weights = np.concatenate([p.weights for _, p in found])
            lengths = np.concatenate([s.length(fieldname)[p.ids] for s, p in found])
            frequency = len(ids) if wanted is None else self._frequency(fieldname, key)
            scores = boost * self._bm25(fieldname, frequency, weights, lengths)
        if wanted is not None:  # the blocks read may hold other pages too
            keep, _ = _common(ids, wanted)
            return Matches(ids[keep], scores[keep])
        return Matches(ids, scores)

    def _bm25(
        self, fieldname: str, frequency: int, weights: FloatArray, lengths: IntArray
    ) -> FloatArray:
        n = max(self._documents, 1)
        idf = math.log(1.0 + (n - frequency + 0.5) / (frequency + 0.5))
        average = self._average_length(fieldname)
        norm = BM25_K1 * (1.0 - BM25_B + BM25_B * lengths / average)
        result: FloatArray = idf * weights * (BM25_K1 + 1.0) / (weights + norm)
        return result

    def _average_length(self, fieldname: str) -> float:
        if fieldname not in self._average:
            total = sum(s.reader.field_length(fieldname) for s in self._segments)
            self._average[fieldname] = max(total / max(self._documents, 1), 1.0)
        return self._average[fieldname]

    # --- phrases ---

    def _phrase(self, plan: Phrase) -> Matches:
        if len(plan.keys) == 1:
            return self._term(plan.field, plan.keys[0], plan.boost)
        parts = [self._phrase_in(segment, plan) for segment in self._segments]
        return _union(parts)

    def _phrase_in(self, segment: Segment, plan: Phrase) -> Matches:
        reader = segment.reader
        positions_field = POSITIONS_OF.get(plan.field, plan.field)
        pair_field = PAIRS_OF.get(plan.field, "")
        keys = plan.keys
        pairs = []
        if pair_field:
            pairs = [pair_key(a, b) for a, b in pairwise(keys) if is_frequent_pair(a, b)]
        # Candidates have every frequent pair and every word. Read the selective lists first:
        # later ones then skip the blocks that hold no candidate.
        candidates: IntArray | None = None
        for pair in dict.fromkeys(pairs):
            found = read_postings(reader, pair_field, pair, values=False, wanted=candidates)
            if found is None:
                return Matches.empty()
            candidates = _narrow(candidates, found.ids)
        lists: dict[int, Postings] = {}
        order = sorted(range(len(keys)), key=lambda i: reader.doc_frequency(plan.field, keys[i]))
        for i in order:
            found = read_postings(
                reader,
                plan.field,
                keys[i],
                values=positions_field == plan.field,
                wanted=candidates,
            )
            if found is None:
                return Matches.empty()
            lists[i] = found
            candidates = _narrow(candidates, found.ids)
        assert candidates is not None
        where = {i: np.searchsorted(p.ids, candidates) for i, p in lists.items()}
        rows = np.arange(len(candidates), dtype=np.int64)
        # Two words forming an indexed pair are a phrase by construction.
        if not (len(keys) == 2 and pairs):
            rows = self._in_order(segment, plan, positions_field, lists, where, candidates, order)
        if not len(rows):
            return Matches.empty()
        ids = candidates[rows]
        if plan.field not in SCORED_FIELDS:
            return Matches(ids + segment.base, np.full(len(ids), plan.boost, dtype=np.float64))
        lengths = segment.length(plan.field)[ids]
        scores = np.zeros(len(ids), dtype=np.float64)
        for i, postings in lists.items():
            df = self._frequency(plan.field, keys[i])
            scores += self._bm25(plan.field, df, postings.weights[where[i][rows]], lengths)
        return Matches(ids + segment.base, plan.boost * scores)

    def _in_order(
        self,
        segment: Segment,
        plan: Phrase,
        positions_field: str,
        lists: dict[int, Postings],
        where: dict[int, IntArray],
        candidates: IntArray,
        order: list[int],
    ) -> IntArray:
        """Rows of `candidates` where the words stand in order.

        An occurrence is a (page, start) pair that every word i has at start + i. Pairs are
        encoded as row * stride + start, which come out sorted (rows ascend, and positions
        ascend within a row), so word after word is a sorted intersection, rarest word first.
        """
        stride = np.int64(1) << 32
        rows = np.arange(len(candidates), dtype=np.int64)
        starts: IntArray | None = None
        for i in order:
            if not len(rows):
                break
            wanted = candidates[rows]
            found = self._values(segment, positions_field, plan.keys[i], lists[i], wanted)
            if found is None:
                return np.zeros(0, dtype=np.int64)
            stored, at = found
            # A posting's weight in the frequency field is how many positions it has.
            counts = lists[i].weights[where[i][rows]].astype(np.int64)
            positions = _positions(stored, at, counts)
            keys = np.repeat(rows, counts) * stride + (positions - i)
            keys = keys[positions >= i]
            starts = keys if starts is None else starts[_common(starts, keys)[0]]
            rows = _distinct(starts // stride)
        return rows

    def _values(
        self, segment: Segment, fieldname: str, key: str, postings: Postings, wanted: IntArray
    ) -> tuple[Sequence[bytes], IntArray] | None:
        """The encoded positions of `key` and the indices into them of the `wanted` documents:
        from `postings` when it carries them, else read from `fieldname` (only the blocks that
        hold wanted documents)."""
        if postings.values is None:
            read = read_postings(segment.reader, fieldname, key, values=True, wanted=wanted)
            if read is None:
                return None
            postings = read
        assert postings.values is not None
        return postings.values, np.searchsorted(postings.ids, wanted)

    def _frequency(self, fieldname: str, key: str) -> int:
        btext = key.encode("utf-8")
        return sum(int(s.reader.doc_frequency(fieldname, btext)) for s in self._segments)

    # --- prefix and fuzzy ---

    def _expansion(self, plan: Expansion) -> Matches:
        parts: list[Matches] = []
        for segment in self._segments:
            ids: list[IntArray] = []
            for key in self._expand(segment, plan)[:MAX_EXPANSIONS]:
                postings = read_postings(segment.reader, plan.field, key, values=False)
                if postings is not None:
                    ids.append(postings.ids + segment.base)
            if ids:
                unique = np.unique(np.concatenate(ids))
                parts.append(Matches(unique, np.full(len(unique), plan.score)))
        return _union(parts)

    @staticmethod
    def _expand(segment: Segment, plan: Expansion) -> list[str]:
        # The segment's terms with the key's first letter, cached per segment: a prefix is a
        # range of them, a fuzzy match a scan in C (rapidfuzz), not a walk of Whoosh's files.
        if not plan.key:
            return []
        if plan.kind == "prefix" and not segment.has_lexicon(plan.field, plan.key[0]):
            # Reading every term with the first letter costs about 20 ms per segment of 5,000
            # pages; the terms with the whole prefix, a fraction of a millisecond.
            return segment.terms_with_prefix(plan.field, plan.key)
        terms = segment.terms_starting(plan.field, plan.key[0])
        if plan.kind == "prefix":
            start = bisect_left(terms, plan.key)
            stop = bisect_left(terms, plan.key + "\U0010ffff", lo=start)
            return terms[start:stop]
        found = process.extract(
            plan.key,
            terms,
            scorer=Levenshtein.distance,
            score_cutoff=plan.distance,
            limit=None,
        )
        return [term for term, _, _ in found]
