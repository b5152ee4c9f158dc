"""Which words of a page a query matched: snippets for result lists, word indices for boxes.

The rules mirror the search: a word typed with diacritics marks the page's exact matches when
the page has any, else its folded matches; prefix and fuzzy words mark what they expand to; a
phrase marks its words only where they stand in that order. NOT parts and filters mark nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from index.analysis import Token, tokenize
from index.query import (
    FUZZY_PREFIX_LENGTH,
    Node,
    Phrase,
    Word,
    has_marks,
    leaves,
    parse_query,
)
from vietnamese.folding import fold
from vietnamese.normalize import nfc

SNIPPET_CHARS = 240
ELLIPSIS = "…"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Snippet:
    """A piece of the page around its best cluster of hits.

    `fragments` are (text, is_hit) in reading order. Hit text is exactly as the page spells it;
    the text between hits has its runs of white space (line breaks) collapsed to one space, and
    starts or ends with "…" where the page was cut.
    """

    fragments: tuple[tuple[str, bool], ...] = ()

    def marked(self, open: str = "[", close: str = "]") -> str:
        """The snippet as one string with each hit between `open` and `close`."""
        return "".join(f"{open}{text}{close}" if hit else text for text, hit in self.fragments)

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.fragments)


def matched_tokens(node: Node | None, tokens: Sequence[Token]) -> set[int]:
    """Indices into `tokens` (from `analysis.tokenize`) that the query `node` marks."""
    marked: set[int] = set()
    sequence = [i for i, t in enumerate(tokens) if not t.is_code]
    for leaf in leaves(node):
        if isinstance(leaf, Phrase):
            marked.update(_phrase(leaf.tokens, tokens, sequence))
        else:
            marked.update(_word(leaf, tokens, sequence))
    return marked


def _word(word: Word, tokens: Sequence[Token], sequence: list[int]) -> Iterable[int]:
    parts = tuple(t for t in word.tokens if not t.is_code)
    code = next((t for t in word.tokens if t.is_code), None)
    if word.kind == "plain":
        if code is None:
            return _phrase(parts, tokens, sequence)
        return _keys(code, tokens) | _phrase(parts, tokens, sequence)
    target = code or parts[-1]
    rest = () if code else parts[:-1]
    exact = has_marks(target)
    key = target.exact if exact else target.folded
    found = _keys(target, tokens)
    if word.kind == "fuzzy":
        from rapidfuzz.distance import Levenshtein  # loaded by the first fuzzy query only
    for i, token in enumerate(tokens):
        candidate = token.exact if exact else token.folded
        if word.kind == "prefix":
            hit = candidate.startswith(key)
        else:
            hit = (
                candidate[:FUZZY_PREFIX_LENGTH] == key[:FUZZY_PREFIX_LENGTH]
                and Levenshtein.distance(candidate, key, score_cutoff=word.distance)
                <= word.distance
            )
        if hit:
            found.add(i)
    if found:
        for part in rest:
            found.update(_keys(part, tokens))
    return found


def _keys(token: Token, tokens: Sequence[Token]) -> set[int]:
    """Tokens equal to `token`: the exact ones if typed with marks and present, else folded."""
    if has_marks(token):
        exact = {i for i, t in enumerate(tokens) if t.exact == token.exact}
        if exact:
            return exact
    return {i for i, t in enumerate(tokens) if t.folded == token.folded}


def _phrase(words: Sequence[Token], tokens: Sequence[Token], sequence: list[int]) -> set[int]:
    if len(words) == 1:
        return _keys(words[0], tokens)
    n = len(words)

    def occurrences(exact: bool) -> set[int]:
        found: set[int] = set()
        for start in range(len(sequence) - n + 1):
            window = [tokens[i] for i in sequence[start : start + n]]
            if all(
                (t.exact == w.exact) if exact else (t.folded == w.folded)
                for t, w in zip(window, words, strict=True)
            ):
                found.update(sequence[start : start + n])
        return found

    if any(has_marks(w) for w in words):
        exact = occurrences(exact=True)
        if exact:
            return exact
    return occurrences(exact=False)


# A long page is tokenised only around its likeliest hits: a window this wide where a cheap
# scan finds the query's keys most densely. Tokenising a whole 2,500-character page costs a few
# milliseconds, twenty of which were most of a search's time.
REGION_CHARS = 2 * SNIPPET_CHARS
_FOLDED_WORD = re.compile(r"[^\W_]+")


def page_hits(node: Node | None, text: str) -> tuple[Snippet, tuple[str, ...]]:
    """The snippet of an NFC page `text` for the query `node`, and the hit words as spelt.

    On a page longer than twice REGION_CHARS, only the region around the densest cluster of
    likely hits is read, so the spellings are those of that region.
    """
    begin, end = _likely_region(node, text)
    tokens = tokenize(text[begin:end])
    spans = [(s + begin, e + begin) for s, e in hit_spans(tokens, matched_tokens(node, tokens))]
    return make_snippet(text, spans), matched_spellings(text, spans)


def _likely_region(node: Node | None, text: str) -> tuple[int, int]:
    if len(text) <= REGION_CHARS * 2:
        return 0, len(text)
    probe, haystack = _probe(node, text)
    starts = [m.start() for m in probe.finditer(haystack)] if probe else []
    if not starts:
        return 0, len(text)
    best, best_count = 0, 0
    for i, start in enumerate(starts):
        count = bisect_right(starts, start + REGION_CHARS // 2) - i
        if count > best_count:
            best, best_count = i, count
    begin = max(0, starts[best] - REGION_CHARS // 4)
    end = min(len(text), begin + REGION_CHARS)
    # Cut at white space, so no word (or code) is read in part.
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return begin, end


def _probe(node: Node | None, text: str) -> tuple[re.Pattern[str] | None, str]:
    """A pattern finding every place a hit could start, and the text to run it on (as long as
    the page): the page itself, with each letter of the query's folded keys standing for every
    letter that folds to it; or, for a fuzzy word, whose pattern is the page's own words within
    reach and made for each page, the page folded letter by letter with the keys as they are.
    """
    leafs = list(leaves(node))
    fuzzy = any(isinstance(leaf, Word) and leaf.kind == "fuzzy" for leaf in leafs)
    if fuzzy:
        from rapidfuzz.distance import Levenshtein  # loaded by the first fuzzy query only
    haystack = text.translate(_FOLD_CHARS) if fuzzy else text
    spell = re.escape if fuzzy else _spelt
    keys: set[str] = set()
    page_words: set[str] | None = None
    for leaf in leafs:
        parts = [t.folded for t in leaf.tokens if not t.is_code]
        if not parts:
            keys.update(spell(t.folded) for t in leaf.tokens)
        elif isinstance(leaf, Word) and leaf.kind == "fuzzy":
            # The page's own words within reach of the misspelling, found once per page.
            if page_words is None:
                page_words = set(_FOLDED_WORD.findall(haystack))
            key = parts[-1]
            keys.update(
                spell(w) + r"(?![^\W_])"
                for w in page_words
                if w[:FUZZY_PREFIX_LENGTH] == key[:FUZZY_PREFIX_LENGTH]
                and Levenshtein.distance(w, key, score_cutoff=leaf.distance) <= leaf.distance
            )
        else:
            # A phrase (or a word of several syllables) as its syllables in a row.
            keys.add(r"[\W_]+".join(spell(part) for part in parts))
    if not keys:
        return None, haystack
    alternatives = "|".join(sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})"), haystack


def _fold_table() -> dict[int, str]:
    """Each letter to its folded lower-case form when that is one character (length kept)."""
    table: dict[int, str] = {}
    for code in (*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        folded = fold(chr(code)).lower()
        if len(folded) == 1 and folded != chr(code):
            table[code] = folded
    return table


_FOLD_CHARS = _fold_table()
# Each folded letter as a pattern of every letter `_FOLD_CHARS` folds to it ("d" → "[dDđĐ…]").
_SPELLINGS: dict[str, str] = {}
for _code, _folded in _FOLD_CHARS.items():
    _SPELLINGS[_folded] = _SPELLINGS.get(_folded, re.escape(_folded)) + re.escape(chr(_code))
_SPELLINGS = {letter: f"[{spellings}]" for letter, spellings in _SPELLINGS.items()}


def _spelt(key: str) -> str:
    """A pattern of `key` (folded) as a page may spell it: what `_FOLD_CHARS` folds to it."""
    return "".join(_SPELLINGS.get(c) or re.escape(c) for c in key)


def hit_spans(tokens: Sequence[Token], marked: set[int]) -> list[tuple[int, int]]:
    """Character spans of the marked tokens, sorted, overlaps (a code and its parts) merged."""
    spans: list[tuple[int, int]] = []
    for start, end in sorted((tokens[i].start, tokens[i].end) for i in marked):
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def matched_spellings(text: str, spans: list[tuple[int, int]]) -> tuple[str, ...]:
    """The distinct hit words as the page spells them, in order of first appearance."""
    return tuple(dict.fromkeys(text[s:e] for s, e in spans))


def make_snippet(text: str, spans: list[tuple[int, int]], *, width: int = SNIPPET_CHARS) -> Snippet:
    """A window of about `width` characters of `text` around its densest cluster of `spans`."""
    if not text:
        return Snippet()
    if spans:
        # The window that starts at a hit and holds the most hits (the first such one).
        best, best_count = 0, 0
        for i, (start, _) in enumerate(spans):
            count = sum(1 for s, e in spans[i:] if e <= start + width)
            if count > best_count:
                best, best_count = i, count
        inside = [(s, e) for s, e in spans[best:] if e <= spans[best][0] + width]
        covered = inside[-1][1] - inside[0][0]
        begin = max(0, inside[0][0] - (width - covered) // 2)
        end = min(len(text), begin + width)
        begin = max(0, min(begin, end - width))
    else:
        inside, begin, end = [], 0, min(len(text), width)
    begin, end = _word_boundaries(text, begin, end, inside)
    fragments: list[tuple[str, bool]] = []
    cursor = begin
    for s, e in _join_runs(text, inside):
        if s > cursor:
            fragments.append((text[cursor:s], False))
        fragments.append((text[s:e], True))
        cursor = e
    if cursor < end:
        fragments.append((text[cursor:end], False))
    return Snippet(_tidy(fragments, cut_before=begin > 0, cut_after=end < len(text)))


def _join_runs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Hits separated by a single space read as one ("[Nghị quyết]", not "[Nghị] [quyết]")."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and text[joined[-1][1] : start] == " ":
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _word_boundaries(
    text: str, begin: int, end: int, inside: list[tuple[int, int]]
) -> tuple[int, int]:
    """Move the cut points off the middle of words (never past a hit)."""
    limit_begin = inside[0][0] if inside else end
    while 0 < begin < limit_begin and not text[begin - 1].isspace():
        begin += 1
    limit_end = inside[-1][1] if inside else begin
    while limit_end < end < len(text) and not text[end].isspace():
        end -= 1
    return begin, end


def _tidy(
    fragments: list[tuple[str, bool]], *, cut_before: bool, cut_after: bool
) -> tuple[tuple[str, bool], ...]:
    tidy: list[tuple[str, bool]] = []
    for text, hit in fragments:
        if not hit:
            text = _SPACES.sub(" ", text)
        if tidy and not hit and not tidy[-1][1]:
            tidy[-1] = (tidy[-1][0] + text, False)
        else:
            tidy.append((text, hit))
    if tidy and not tidy[0][1]:
        tidy[0] = (tidy[0][0].lstrip(), False)
    if tidy and not tidy[-1][1]:
        tidy[-1] = (tidy[-1][0].rstrip(), False)
    if cut_before:
        tidy.insert(0, (ELLIPSIS, False))
    if cut_after:
        tidy.append((ELLIPSIS, False))
    # merge the ellipses into their neighbours and drop empty pieces
    merged: list[tuple[str, bool]] = []
    for text, hit in tidy:
        if not text:
            continue
        if merged and not hit and not merged[-1][1]:
            merged[-1] = (merged[-1][0] + text, False)
        else:
            merged.append((text, hit))
    return tuple(merged)


def matching_words(query: str, words: Sequence[str]) -> list[int]:
    """Indices of `words` (a page's OCR words, in reading order) that `query` matches.

    Uses the search's own rules: exact/folded keys, prefix, fuzzy, codes, and phrases (a phrase
    marks its words only where they stand in order). A word matches when any of its syllables
    does ("quyết," matches quyết). Raises QuerySyntaxError like `SearchIndex.search`.
    """
    node = parse_query(query)
    if node is None or not words:
        return []
    # One text with a space between words keeps phrases running across them; offsets map
    # each token back to its word.
    starts: list[int] = []
    pieces: list[str] = []
    offset = 0
    for word in words:
        starts.append(offset)
        piece = nfc(word)
        pieces.append(piece)
        offset += len(piece) + 1
    text = " ".join(pieces)
    tokens = tokenize(text)
    return sorted({bisect_right(starts, tokens[i].start) - 1 for i in matched_tokens(node, tokens)})
