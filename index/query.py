"""The search box language, parsed into a small tree and planned for `index.engine`.

Syntax (operators in upper case; lower-case "and"/"or"/"not" are ordinary words):

- words: `nghị quyết` (every word must occur, anywhere on the page)
- phrases: `"nghị quyết đại hội"` (the words in this order); “curly quotes” work too
- `OR`, `AND`, `NOT`, `-word`, parentheses: `(hoà OR thuỷ) -lợi`
- prefix `chuyển*`, fuzzy `chuyển~` (one edit, for OCR errors) and `chuyển~2` (two); both keep
  the first letter, and the word itself ranks above what it expands to
- filters: `loai:"Nghị quyết"` / `type:`, `so:` / `number:`, `coquan:` / `body:`,
  `nam:2021` / `year:2021` (or `nam:2019-2021`), `bosuutap:` / `collection:`,
  `tieude:` / `title:`. Values match without diacritics and inside longer values.

Every word matches on its folded key (no diacritics, đ → d), so "nghi quyet" finds "nghị quyết".
A word typed with diacritics also looks up its exact key, boosted, so "đảng" ranks pages saying
"đảng" above pages saying only "đang" or "dang"; a word typed without diacritics looks up the
folded key alone, unless another word of the query carries diacritics: the query was then typed
with them, and pages spelling the toneless word without marks too rank higher ("Chí Linh" finds
"lĩnh" but puts "Linh" first). Words typed one after another rank pages where they stand near
each other (within ten words, either order) above pages where they are scattered; typed without
diacritics, pages with them side by side rank higher still ("chi linh": "Chí Linh" above "báo chí
trong lĩnh vực"). Prefix and fuzzy words expand on the exact keys when typed with diacritics and
on the folded keys otherwise. A phrase matches its folded words in order; when any of its words
carries a diacritic, pages that also have all its exact words rank first. Prefixes of words
typed with diacritics follow the canonical tone placement ("thuỷ" is the key of thủy, so `thu*`
finds it and `thủ*` does not): type a prefix without diacritics to match every spelling.

Unbalanced quotes or parentheses, operators without a word, and filters without a value raise
`QuerySyntaxError` with a message saying what to change; anything else is read generously
(punctuation alone is ignored, unknown `name:` prefixes are text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from index import engine
from index.analysis import Token, syllables, tokenize
from index.schema import FACET_BY_ALIAS, Facet, value_key
from vietnamese.folding import fold
from vietnamese.normalize import nfc

EXACT_BOOST = 4.0
# A query typed with diacritics on some words: its toneless words add this where the page
# spells them without marks too.
TONELESS_BONUS = EXACT_BOOST
# Words of a query typed side by side (no quotes) and found near each other on a page, within
# NEAR_SLOP moves of the engine's sloppy phrase (nine words between them in order, eight the
# other way round), add NEAR_BONUS: such a page says what was asked more surely than one with the
# words scattered over it. A query typed without diacritics also adds ADJACENT_BONUS where the
# words stand side by side (in either order): it matches every spelling of its words alike
# ("chi" is chí, chỉ, chị …), so that is the surest sign left of the page meant.
NEAR_SLOP = 9
NEAR_BONUS = 2 * EXACT_BOOST
ADJACENT_BONUS = 2 * EXACT_BOOST
# Fuzzy and prefix words expand to every matching term of the index; keeping the first letter
# fixed (as OCR errors rarely hit it) divides the terms to scan by the alphabet.
FUZZY_PREFIX_LENGTH = 1
MAX_FUZZY_DISTANCE = 2
_MAX_YEAR_SPAN = 200

_QUOTES = '"“”„'
_OPERATORS = ("AND", "OR", "NOT")
_SUFFIX = re.compile(r"^(?P<word>.*?)(?:(?P<star>\*+)|~(?P<distance>\d*))$", re.DOTALL)
_FIELD = re.compile(r"^(?P<name>[^\W\d_]+):(?P<value>.*)$", re.DOTALL)
_YEAR = re.compile(r"^\d{1,4}$")
_YEAR_RANGE = re.compile(r"^(\d{1,4})\s*(?:-|–|\.\.)\s*(\d{1,4})$")


class QuerySyntaxError(Exception):
    """The search text cannot be read. `message` says what to change; `position` is the offset
    in the query where the problem starts (None when it is about the whole query)."""

    code = "bad-query"

    def __init__(self, message: str, *, position: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position

    def __str__(self) -> str:
        return self.message


# --- the tree ----------------------------------------------------------------------------------

WordKind = Literal["plain", "prefix", "fuzzy"]


@dataclass(frozen=True)
class Word:
    """An unquoted word. `tokens` may hold several syllables ("Hà-Nội") and a code."""

    text: str
    tokens: tuple[Token, ...]
    kind: WordKind = "plain"
    distance: int = 0


@dataclass(frozen=True)
class Phrase:
    text: str
    tokens: tuple[Token, ...]  # syllables only


@dataclass(frozen=True)
class FieldFilter:
    facet: Facet
    value: str
    years: tuple[int, ...] = ()  # for the year facet


@dataclass(frozen=True)
class AllOf:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class AnyOf:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Without:
    child: Node


Node = Word | Phrase | FieldFilter | AllOf | AnyOf | Without


# --- lexer -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Lexeme:
    kind: Literal["(", ")", "phrase", "word", "field", "AND", "OR", "NOT"]
    text: str
    position: int
    facet: Facet | None = None


def _lex(text: str) -> list[_Lexeme]:
    lexemes: list[_Lexeme] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "()":
            lexemes.append(_Lexeme(char, char, i))  # type: ignore[arg-type]
            i += 1
        elif char in _QUOTES:
            end = next((j for j in range(i + 1, n) if text[j] in _QUOTES), -1)
            if end < 0:
                raise QuerySyntaxError(
                    f"The quotation mark at position {i + 1} is never closed: "
                    'close the phrase with another " or remove the mark.',
                    position=i,
                )
            lexemes.append(_Lexeme("phrase", text[i + 1 : end], i))
            i = end + 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in "()" + _QUOTES:
                j += 1
            lexemes.extend(_chunk(text[i:j], i, followed=text[j] if j < n else ""))
            i = j
    return lexemes


def _chunk(chunk: str, position: int, *, followed: str) -> Iterator[_Lexeme]:
    if chunk in _OPERATORS:
        yield _Lexeme(chunk, chunk, position)  # type: ignore[arg-type]
        return
    if chunk[0] in "-+":
        rest = chunk[1:]
        # "-word", -"phrase", -(group): a minus in front of a term. "+" just means "required".
        if rest or (followed and followed in _QUOTES + "("):
            if chunk[0] == "-":
                yield _Lexeme("NOT", "-", position)
            if rest:
                yield from _chunk(rest, position + 1, followed=followed)
            return
    match = _FIELD.match(chunk)
    if match:
        facet = FACET_BY_ALIAS.get(fold(match["name"].lower()))
        if facet is not None:
            yield _Lexeme("field", match["name"], position, facet)
            if match["value"]:
                yield _Lexeme("word", match["value"], position + len(match["name"]) + 1)
            return
    yield _Lexeme("word", chunk, position)


# --- parser ------------------------------------------------------------------------------------


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lexemes = _lex(text)
        self.at = 0

    def peek(self) -> _Lexeme | None:
        return self.lexemes[self.at] if self.at < len(self.lexemes) else None

    def take(self) -> _Lexeme:
        lexeme = self.lexemes[self.at]
        self.at += 1
        return lexeme

    def parse(self) -> Node | None:
        if not self.lexemes:
            return None
        node = self.parse_or()
        extra = self.peek()
        if extra is not None:  # only a ")" can stop parse_or early
            raise QuerySyntaxError(
                f"The closing parenthesis at position {extra.position + 1} has no opening one: "
                "remove it or add a '(' before it.",
                position=extra.position,
            )
        return node

    def parse_or(self) -> Node | None:
        children = [self.parse_and()]
        while (lexeme := self.peek()) is not None and lexeme.kind == "OR":
            self.take()
            self._need_operand(lexeme)
            children.append(self.parse_and())
        return _combine(AnyOf, children)

    def parse_and(self) -> Node | None:
        children: list[Node | None] = []
        start = self.peek()
        while (lexeme := self.peek()) is not None and lexeme.kind not in (")", "OR"):
            if lexeme.kind == "AND":
                if not children:
                    self._missing_before(lexeme)
                self.take()
                self._need_operand(lexeme)
                continue
            children.append(self.parse_unary())
        if not children and start is not None and start.kind == "OR":
            self._missing_before(start)
        return _combine(AllOf, children)

    def parse_unary(self) -> Node | None:
        lexeme = self.peek()
        assert lexeme is not None
        if lexeme.kind == "NOT":
            self.take()
            self._need_operand(lexeme)
            child = self.parse_unary()
            return Without(child) if child is not None else None
        return self.parse_primary()

    def parse_primary(self) -> Node | None:
        lexeme = self.take()
        if lexeme.kind == "(":
            following = self.peek()
            if following is not None and following.kind == ")":
                raise QuerySyntaxError(
                    f"The parentheses at position {lexeme.position + 1} are empty: "
                    "put words inside them or remove them.",
                    position=lexeme.position,
                )
            node = self.parse_or()
            closing = self.peek()
            if closing is None or closing.kind != ")":
                raise QuerySyntaxError(
                    f"The parenthesis opened at position {lexeme.position + 1} is never closed: "
                    "add a ')' or remove the '('.",
                    position=lexeme.position,
                )
            self.take()
            return node
        if lexeme.kind == "phrase":
            tokens = tuple(syllables(tokenize(nfc(lexeme.text))))
            return Phrase(lexeme.text, tokens) if tokens else None
        if lexeme.kind == "word":
            return _make_word(lexeme.text)
        if lexeme.kind == "field":
            return self.parse_filter(lexeme)
        raise AssertionError(lexeme)  # operators are consumed by the callers

    def parse_filter(self, lexeme: _Lexeme) -> FieldFilter:
        assert lexeme.facet is not None
        facet = lexeme.facet
        value = self.peek()
        if value is None or value.kind not in ("word", "phrase"):
            raise QuerySyntaxError(
                f"'{lexeme.text}:' needs a value right after it, for example "
                f'{lexeme.text}:"{_EXAMPLES[facet.name]}".',
                position=lexeme.position,
            )
        self.take()
        text = nfc(value.text).strip()
        if facet.name == "year":
            return FieldFilter(facet, text, _years(text, lexeme))
        if not value_key(text):
            raise QuerySyntaxError(
                f"'{lexeme.text}:' needs a value with letters or digits, for example "
                f'{lexeme.text}:"{_EXAMPLES[facet.name]}".',
                position=lexeme.position,
            )
        return FieldFilter(facet, text)

    def _need_operand(self, operator: _Lexeme) -> None:
        following = self.peek()
        if following is None or following.kind in (")", "AND", "OR"):
            name = "NOT" if operator.kind == "NOT" else operator.kind
            raise QuerySyntaxError(
                f"'{operator.text}' at position {operator.position + 1} needs a word after it: "
                f"add one or remove the {name}.",
                position=operator.position,
            )

    def _missing_before(self, operator: _Lexeme) -> None:
        raise QuerySyntaxError(
            f"'{operator.text}' at position {operator.position + 1} needs a word before it: "
            f"add one or remove the {operator.text}.",
            position=operator.position,
        )


_EXAMPLES = {
    "type": "Nghị quyết",
    "year": "2021",
    "issuing_body": "Tỉnh ủy",
    "collection": "Lịch sử Đảng bộ",
    "number": "24-NQ/TU",
    "title": "đại hội",
}


def _years(text: str, lexeme: _Lexeme) -> tuple[int, ...]:
    if _YEAR.match(text):
        return (int(text),)
    span = _YEAR_RANGE.match(text)
    if span:
        first, last = sorted((int(span[1]), int(span[2])))
        if last - first <= _MAX_YEAR_SPAN:
            return tuple(range(first, last + 1))
    raise QuerySyntaxError(
        f"'{lexeme.text}:{text}' is not a year: write {lexeme.text}:2021 or "
        f"{lexeme.text}:2019-2021.",
        position=lexeme.position,
    )


def _make_word(text: str) -> Word | None:
    kind: WordKind = "plain"
    distance = 0
    match = _SUFFIX.match(text)
    if match and match["word"]:
        text = match["word"]
        if match["star"]:
            kind = "prefix"
        else:
            kind = "fuzzy"
            distance = min(int(match["distance"] or 1), MAX_FUZZY_DISTANCE)
            if distance == 0:
                kind = "plain"
    tokens = tuple(tokenize(nfc(text)))
    return Word(text, tokens, kind, distance) if tokens else None


def _combine(cls: type[AllOf] | type[AnyOf], children: Sequence[Node | None]) -> Node | None:
    kept = tuple(c for c in children if c is not None)
    if not kept:
        return None
    if len(kept) == 1:
        return kept[0]
    return cls(kept)


def parse_query(text: str) -> Node | None:
    """The tree of a search text; None when it holds nothing to search for.

    Raises QuerySyntaxError for unbalanced quotes or parentheses, operators without operands,
    and filters without a usable value.
    """
    return _Parser(nfc(text)).parse()


# --- planning ------------------------------------------------------------------------------------


def has_marks(token: Token) -> bool:
    return token.exact != token.folded


def plan_query(node: Node | None) -> engine.Plan | None:
    """The evaluation plan of a parsed query; None when `node` is None."""
    if node is None:
        return None
    marked = any(has_marks(t) for leaf in leaves(node) for t in leaf.tokens)
    return _Planner(marked).plan(node)


class _Planner:
    """Plans one query. `marked`: some word of it carries diacritics, so the person typed the
    query with them, and its toneless words ("Linh" beside "Chí") are spelt as meant too."""

    def __init__(self, marked: bool) -> None:
        self.marked = marked

    def plan(self, node: Node) -> engine.Plan:
        if isinstance(node, Word):
            return self.word(node)
        if isinstance(node, Phrase):
            return self.phrase(node.tokens)
        if isinstance(node, FieldFilter):
            return engine.Constant(filter_plan(node))
        if isinstance(node, AnyOf):
            return engine.Union(tuple(self.plan(c) for c in node.children))
        if isinstance(node, Without):
            return engine.Exclusion(engine.Everything(), self.plan(node.child))
        positive = tuple(self.plan(c) for c in node.children if not isinstance(c, Without))
        negative = tuple(self.plan(c.child) for c in node.children if isinstance(c, Without))
        plan: engine.Plan = _all(positive) if positive else engine.Everything()
        nearness = self.nearness(node.children)
        if nearness:
            plan = engine.Bonus(plan, nearness)
        if negative:
            removed = negative[0] if len(negative) == 1 else engine.Union(negative)
            plan = engine.Exclusion(plan, removed)
        return plan

    def nearness(self, children: tuple[Node, ...]) -> tuple[engine.Plan, ...]:
        """The bonuses of plain words typed one after another, for each two in a row found
        near each other (and, typed without diacritics, side by side)."""
        bonuses: list[engine.Plan] = []
        for first, second in pairwise(children):
            before, after = _syllables_of(first), _syllables_of(second)
            if not before or not after:
                continue
            keys = (before[-1].folded, after[0].folded)
            near = engine.Near("folded", keys, NEAR_SLOP)
            bonuses.append(engine.Constant(near, NEAR_BONUS))
            if not self.marked:
                side_by_side = engine.Union(
                    (engine.Near("folded", keys), engine.Near("folded", keys[::-1]))
                )
                bonuses.append(engine.Constant(side_by_side, ADJACENT_BONUS))
        return tuple(bonuses)

    def word(self, word: Word) -> engine.Plan:
        parts = tuple(t for t in word.tokens if not t.is_code)
        code = next((t for t in word.tokens if t.is_code), None)
        if word.kind != "plain":
            target = code or parts[-1]
            rest = () if code else parts[:-1]
            field = "exact" if has_marks(target) else "folded"
            key = target.exact if field == "exact" else target.folded
            expanded = engine.Expansion(field, key, word.kind, word.distance)
            # The word itself is scored as usual, so "chuyển" ranks above its OCR variant
            # "chuyến"; the expansions (a constant) only add pages.
            return _all((*(self.key(t) for t in rest), engine.Union((self.key(target), expanded))))
        if code is not None:
            # The whole code, or its parts in a row when OCR split it ("24 - NQ/TU").
            return engine.Union((self.key(code), self.phrase(parts)))
        return self.phrase(parts)

    def key(self, token: Token) -> engine.Plan:
        folded = engine.Term("folded", token.folded)
        if has_marks(token):
            return engine.Union((engine.Term("exact", token.exact, EXACT_BOOST), folded))
        if self.marked and _is_word(token):
            # A fixed amount, not a weighted one: pages that all spell the word so keep their
            # order, and those that only have it with marks ("lĩnh" for "Linh") fall behind.
            exact = engine.Constant(engine.Term("exact", token.exact), TONELESS_BONUS)
            return engine.Bonus(folded, (exact,))
        return folded

    def phrase(self, tokens: tuple[Token, ...]) -> engine.Plan:
        if len(tokens) == 1:
            return self.key(tokens[0])
        folded = engine.Phrase("folded", tuple(t.folded for t in tokens))
        if not self.marked:
            return folded
        # Positions live in the folded field; the exact keys, all present, add the exact boost
        # (an optional part beside the phrase: its positions are checked once).
        exact = tuple(engine.Term("exact", t.exact, EXACT_BOOST) for t in tokens)
        return engine.Bonus(folded, (engine.Intersection(exact),))


def _syllables_of(node: Node) -> tuple[Token, ...]:
    """The syllables of a plain unquoted word (none for anything else: prefix and fuzzy words,
    codes, phrases, filters, groups)."""
    if not isinstance(node, Word) or node.kind != "plain":
        return ()
    if any(t.is_code for t in node.tokens):
        return ()
    return node.tokens


def _is_word(token: Token) -> bool:
    """A syllable with letters (numbers and codes have no toneless spelling to prefer)."""
    return not token.is_code and any(c.isalpha() for c in token.exact)


def _all(plans: tuple[engine.Plan, ...]) -> engine.Plan:
    return plans[0] if len(plans) == 1 else engine.Intersection(plans)


def filter_plan(node: FieldFilter) -> engine.Plan:
    """The pages whose metadata match an in-query filter (folded words, in order, anywhere)."""
    facet = node.facet
    if facet.name == "year":
        return _any(tuple(engine.Term(facet.key_field, str(y)) for y in node.years))
    return engine.Phrase(facet.words_field, tuple(value_key(node.value).split(" ")))


def _any(plans: tuple[engine.Plan, ...]) -> engine.Plan:
    return plans[0] if len(plans) == 1 else engine.Union(plans)


def filters_plan(filters: Mapping[str, str | int] | None) -> engine.Plan | None:
    """The pages whose metadata equal every value in `filters` (whole values, folded), as a
    constant-score plan.

    Keys are facet names or query aliases ("type"/"loai", "year"/"nam", "issuing_body"/"coquan",
    "collection"/"bosuutap", "number"/"so", "title"/"tieude") or "document_id".
    Raises ValueError for an unknown key or a year that is not a number.
    """
    if not filters:
        return None
    plans: list[engine.Plan] = []
    for name, value in filters.items():
        if name == "document_id":
            plans.append(engine.Term("document_id", str(value)))
            continue
        facet = FACET_BY_ALIAS.get(name)
        if facet is None:
            raise ValueError(f"unknown search filter {name!r}")
        if facet.name == "year":
            plans.append(engine.Term(facet.key_field, str(int(value))))
        else:
            plans.append(engine.Term(facet.key_field, value_key(str(value))))
    return engine.Constant(_all(tuple(plans)))


# --- which words of a text a query matches ----------------------------------------------------


def leaves(node: Node | None) -> Iterator[Word | Phrase]:
    """The words and phrases that can mark text: everything except filters and NOT parts."""
    if isinstance(node, Word | Phrase):
        yield node
    elif isinstance(node, AllOf | AnyOf):
        for child in node.children:
            yield from leaves(child)
