"""Evaluation plans, and their translation into tantivy queries.

The planner (`index.query`) describes what to look up in a few plain terms: terms, phrases,
prefix and fuzzy expansions, unions, intersections, exclusions, constants. tantivy evaluates
them: a union's and an intersection's scores add up (its boolean query does so), BM25 ranks the
exact and folded keys, and the other fields only select pages.

A phrase is scored as the sum of its words' BM25, as each word alone would be: it then ranks
against single words on the same scale (tantivy's own phrase score counts phrase occurrences).
Prefix and fuzzy words expand on the index's term dictionary here, so that the first letter
stays fixed (OCR errors rarely hit it) and the edit distance is the plain Levenshtein one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

import tantivy

from index.analysis import is_frequent_pair, pair_key
from index.schema import PAIRS_OF, SCORED_FIELDS, index_option

# A prefix or fuzzy word expands to at most this many terms (the most frequent kept): a guard
# against "a*" over a huge index, not a ranking.
MAX_EXPANSIONS = 2000


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
class Near:
    """Pages where `keys` stand within `slop` moves of each other in `field` (a positional
    field): slop 0 is side by side in order; each word between them costs one, and a swap
    costs two (the engine's sloppy phrase). Matched only: scored 0, for a `Constant` bonus."""

    field: str
    keys: tuple[str, ...]
    slop: int = 0


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
class Bonus:
    """Pages matching `base`, with the scores of those of `extras` they match added."""

    base: Plan
    extras: tuple[Plan, ...]


@dataclass(frozen=True)
class Everything:
    """Every page (the base of a query that only excludes or filters)."""


Plan = (
    Term
    | Phrase
    | Near
    | Expansion
    | Union
    | Intersection
    | Exclusion
    | Constant
    | Bonus
    | Everything
)


def is_constant(plan: Plan) -> bool:
    """Whether every page `plan` matches gets the same score (a listing, not a ranking)."""
    if isinstance(plan, Constant | Everything):
        return True
    if isinstance(plan, Exclusion):
        return is_constant(plan.base)
    if isinstance(plan, Bonus):  # extras add their scores: only none at all keeps it constant
        return is_constant(plan.base) and all(
            isinstance(e, Constant) and e.score == 0.0 for e in plan.extras
        )
    if isinstance(plan, Intersection):
        return all(is_constant(c) for c in plan.children)
    return False


def scored_terms(plan: Plan, boost: float = 1.0) -> list[Term]:
    """The BM25-scored terms of `plan` (boosts multiplied through), as `Compiler` scores them:
    what a page's score is made of besides constants. Scores add up in every boolean, so the
    terms of a page's score are those of this list the page contains."""
    if isinstance(plan, Term):
        scored = plan.field in SCORED_FIELDS
        return [Term(plan.field, plan.key, boost * plan.boost)] if scored else []
    if isinstance(plan, Phrase):
        if plan.field not in SCORED_FIELDS:
            return []
        if len(plan.keys) == 1:
            return [Term(plan.field, plan.keys[0], boost * plan.boost)]
        keys = dict.fromkeys(plan.keys)  # as `Compiler._phrase` scores them
        return [Term(plan.field, key, boost * plan.boost) for key in keys]
    if isinstance(plan, Union | Intersection):
        return [t for child in plan.children for t in scored_terms(child, boost)]
    if isinstance(plan, Exclusion):
        return scored_terms(plan.base, boost)
    if isinstance(plan, Bonus):
        return [t for part in (plan.base, *plan.extras) for t in scored_terms(part, boost)]
    return []  # Near, Expansion, Constant, Everything: constant scores


# --- translation ---------------------------------------------------------------------------------


@dataclass
class Lexicon:
    """The terms of one searcher's index by field and first letter, read once per searcher:
    a fuzzy word scans its letter's terms (in C, with rapidfuzz)."""

    searcher: tantivy.Searcher
    by_letter: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def starting(self, fieldname: str, prefix: str, *, limit: int | None = None) -> list[str]:
        return [t for t, _ in self.searcher.terms_with_prefix(fieldname, prefix, limit=limit)]

    def letter(self, fieldname: str, letter: str) -> list[str]:
        if (fieldname, letter) not in self.by_letter:
            self.by_letter[fieldname, letter] = self.starting(fieldname, letter)
        return self.by_letter[fieldname, letter]


class Compiler:
    """Turns plans into tantivy queries over one schema and one searcher's terms."""

    def __init__(self, schema: tantivy.Schema, lexicon: Lexicon) -> None:
        self._schema = schema
        self._lexicon = lexicon

    def query(self, plan: Plan) -> tantivy.Query:
        if isinstance(plan, Term):
            return self._term(plan.field, plan.key, plan.boost)
        if isinstance(plan, Phrase):
            return self._phrase(plan)
        if isinstance(plan, Near):
            near = tantivy.Query.phrase_query(
                self._schema, plan.field, list(plan.keys), slop=plan.slop
            )
            return tantivy.Query.const_score_query(near, 0.0)
        if isinstance(plan, Expansion):
            return self._expansion(plan)
        if isinstance(plan, Union):
            return _boolean([(tantivy.Occur.Should, self.query(c)) for c in plan.children])
        if isinstance(plan, Intersection):
            return _boolean([(tantivy.Occur.Must, self.query(c)) for c in plan.children])
        if isinstance(plan, Exclusion):
            return _boolean(
                [
                    (tantivy.Occur.Must, self.query(plan.base)),
                    (tantivy.Occur.MustNot, self.query(plan.removed)),
                ]
            )
        if isinstance(plan, Constant):
            return tantivy.Query.const_score_query(self.query(plan.child), plan.score)
        if isinstance(plan, Bonus):
            # Beside a required clause, tantivy's optional ones only add to the score.
            return tantivy.Query.boolean_query(
                [
                    (tantivy.Occur.Must, self.query(plan.base)),
                    *((tantivy.Occur.Should, self.query(e)) for e in plan.extras),
                ]
            )
        return tantivy.Query.const_score_query(tantivy.Query.all_query(), 0.0)

    def _term(self, fieldname: str, key: str, boost: float) -> tantivy.Query:
        option = index_option(fieldname)
        term = tantivy.Query.term_query(self._schema, fieldname, key, index_option=option)
        if fieldname not in SCORED_FIELDS:
            return tantivy.Query.const_score_query(term, boost)
        return term if boost == 1.0 else tantivy.Query.boost_query(term, boost)

    def _phrase(self, plan: Phrase) -> tantivy.Query:
        if len(plan.keys) == 1:
            return self._term(plan.field, plan.keys[0], plan.boost)
        phrase = tantivy.Query.phrase_query(self._schema, plan.field, list(plan.keys))
        if plan.field not in SCORED_FIELDS:
            return tantivy.Query.const_score_query(phrase, plan.boost)
        clauses = [(tantivy.Occur.Must, tantivy.Query.const_score_query(phrase, 0.0))]
        pair_field = PAIRS_OF.get(plan.field)
        if pair_field:
            # A frequent pair is far rarer than its common syllable: tantivy intersects the
            # rarest list first, so most pages of the common syllable are never looked at.
            for first, second in dict.fromkeys(pairwise(plan.keys)):
                if is_frequent_pair(first, second):
                    pair = self._term(pair_field, pair_key(first, second), 0.0)
                    clauses.append((tantivy.Occur.Must, pair))
        clauses.extend(
            (tantivy.Occur.Must, self._term(plan.field, key, 1.0))
            for key in dict.fromkeys(plan.keys)
        )
        query = _boolean(clauses)
        return query if plan.boost == 1.0 else tantivy.Query.boost_query(query, plan.boost)

    def _expansion(self, plan: Expansion) -> tantivy.Query:
        terms = self._expand(plan)
        if not terms:
            return tantivy.Query.empty_query()
        found = tantivy.Query.term_set_query(self._schema, plan.field, terms)
        return tantivy.Query.const_score_query(found, plan.score)

    def _expand(self, plan: Expansion) -> list[str]:
        if not plan.key:
            return []
        if plan.kind == "prefix":
            return self._lexicon.starting(plan.field, plan.key, limit=MAX_EXPANSIONS)
        from rapidfuzz import process  # loaded by the first fuzzy query only
        from rapidfuzz.distance import Levenshtein

        found = process.extract(
            plan.key,
            self._lexicon.letter(plan.field, plan.key[0]),
            scorer=Levenshtein.distance,
            score_cutoff=plan.distance,
            limit=MAX_EXPANSIONS,
        )
        return [term for term, _, _ in found]


def _boolean(clauses: list[tuple[tantivy.Occur, tantivy.Query]]) -> tantivy.Query:
    if len(clauses) == 1 and clauses[0][0] != tantivy.Occur.MustNot:
        return clauses[0][1]
    return tantivy.Query.boolean_query(clauses)
