"""The word model: what recognition found on a page, as blocks → paragraphs → lines → words.

Every word keeps its text (NFC), its box in the prepared page's pixels and Tesseract's
confidence (0–100). A word whose tone marks restoration changed keeps the spelling recognition
read in `raw`. The model round-trips through a compact JSON form, which is what the library
stores.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from ocr.geometry import Box
from vietnamese.normalize import nfc

FORMAT_VERSION = 2
"""Version 2 added a word's raw spelling; version 1 (no restoration) still loads."""
_READABLE_VERSIONS = (1, 2)


@dataclass(frozen=True)
class Word:
    text: str
    """The word as shown, exported and indexed: restored when restoration changed it."""
    box: Box
    confidence: float
    raw: str = ""
    """The word as recognition read it, when restoration changed it; '' otherwise."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", nfc(self.text))
        object.__setattr__(self, "raw", nfc(self.raw))

    @property
    def restored(self) -> bool:
        """Whether restoration changed this word (the window marks it)."""
        return bool(self.raw) and self.raw != self.text

    @property
    def recognised(self) -> str:
        """The word as recognition read it, before any restoration."""
        return self.raw or self.text

    def as_json(self) -> list[Any]:
        entry: list[Any] = [self.text, *self.box.as_list(), round(self.confidence, 2)]
        return [*entry, self.raw] if self.raw else entry

    @classmethod
    def from_json(cls, entry: list[Any]) -> Word:
        return cls(
            text=str(entry[0]),
            box=Box(int(entry[1]), int(entry[2]), int(entry[3]), int(entry[4])),
            confidence=float(entry[5]),
            raw=str(entry[6]) if len(entry) > 6 else "",
        )


@dataclass(frozen=True)
class Line:
    box: Box
    words: tuple[Word, ...]
    baseline: tuple[float, float] = (0.0, 0.0)
    """Tesseract's baseline: slope, and offset in pixels from the box's bottom-left corner."""

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    @property
    def recognised_text(self) -> str:
        """The line as recognition read it, before restoration."""
        return " ".join(word.recognised for word in self.words)


@dataclass(frozen=True)
class Paragraph:
    box: Box
    lines: tuple[Line, ...]
    language: str = ""


@dataclass(frozen=True)
class Block:
    box: Box
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class PageText:
    """The recognised text of one prepared page of `width` × `height` pixels at `dpi`."""

    width: int
    height: int
    dpi: int
    blocks: tuple[Block, ...] = field(default=())

    def from_copy(self, factor: float, width: int, height: int, dpi: int) -> PageText:
        """This page as read from a copy `factor` times its size (enlarged or reduced), in the
        frame of the page of `width` × `height` pixels at `dpi` the copy was made from."""

        def box(b: Box) -> Box:  # outward, so a mapped box still holds its ink
            return Box(
                max(0, math.floor(b.x0 / factor)),
                max(0, math.floor(b.y0 / factor)),
                min(width, math.ceil(b.x1 / factor)),
                min(height, math.ceil(b.y1 / factor)),
            )

        return self.mapped(box, 1 / factor, 1 / factor, width, height, dpi)

    def scaled(self, sx: float, sy: float, width: int, height: int, dpi: int) -> PageText:
        """This page stretched by `sx` × `sy` into a frame of `width` × `height` at `dpi`."""

        def box(b: Box) -> Box:
            return Box(round(b.x0 * sx), round(b.y0 * sy), round(b.x1 * sx), round(b.y1 * sy))

        return self.mapped(box, sx, sy, width, height, dpi)

    def mapped(
        self, box: Callable[[Box], Box], sx: float, sy: float, width: int, height: int, dpi: int
    ) -> PageText:
        """Every box of the page through `box` (a scaling by `sx` × `sy`), each word kept as it
        is otherwise, in a frame of `width` × `height` at `dpi`."""
        return PageText(
            width,
            height,
            dpi,
            tuple(
                Block(
                    box(block.box),
                    tuple(
                        Paragraph(
                            box(paragraph.box),
                            tuple(
                                Line(
                                    box(line.box),
                                    tuple(replace(word, box=box(word.box)) for word in line.words),
                                    # a baseline is (slope, offset): y = slope · x + offset
                                    (line.baseline[0] * sy / sx, line.baseline[1] * sy),
                                )
                                for line in paragraph.lines
                            ),
                            paragraph.language,
                        )
                        for paragraph in block.paragraphs
                    ),
                )
                for block in self.blocks
            ),
        )

    def lines(self) -> Iterator[Line]:
        for block in self.blocks:
            for paragraph in block.paragraphs:
                yield from paragraph.lines

    def words(self) -> Iterator[Word]:
        for line in self.lines():
            yield from line.words

    @property
    def text(self) -> str:
        """Plain text: one line per line, a blank line between paragraphs."""
        return self._joined(lambda line: line.text)

    @property
    def recognised_text(self) -> str:
        """`text` as recognition read it, before restoration."""
        return self._joined(lambda line: line.recognised_text)

    def _joined(self, line_text: Callable[[Line], str]) -> str:
        paragraphs = [
            "\n".join(line_text(line) for line in paragraph.lines)
            for block in self.blocks
            for paragraph in block.paragraphs
        ]
        return "\n\n".join(p for p in paragraphs if p)

    def restored_words(self) -> Iterator[Word]:
        """The words restoration changed, in reading order."""
        return (word for word in self.words() if word.restored)

    @property
    def mean_confidence(self) -> float | None:
        confidences = [word.confidence for word in self.words()]
        return sum(confidences) / len(confidences) if confidences else None

    def as_json(self) -> dict[str, Any]:
        return {
            "version": FORMAT_VERSION,
            "width": self.width,
            "height": self.height,
            "dpi": self.dpi,
            "blocks": [
                {
                    "box": block.box.as_list(),
                    "paragraphs": [
                        {
                            "box": paragraph.box.as_list(),
                            "language": paragraph.language,
                            "lines": [
                                {
                                    "box": line.box.as_list(),
                                    "baseline": [line.baseline[0], line.baseline[1]],
                                    "words": [word.as_json() for word in line.words],
                                }
                                for line in paragraph.lines
                            ],
                        }
                        for paragraph in block.paragraphs
                    ],
                }
                for block in self.blocks
            ],
        }

    def to_bytes(self) -> bytes:
        """Stable UTF-8 JSON: the same page text always gives the same bytes."""
        return json.dumps(self.as_json(), ensure_ascii=False, separators=(",", ":")).encode()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PageText:
        if data.get("version") not in _READABLE_VERSIONS:
            raise ValueError(f"unknown page text format {data.get('version')!r}")
        return cls(
            width=int(data["width"]),
            height=int(data["height"]),
            dpi=int(data["dpi"]),
            blocks=tuple(
                Block(
                    box=Box.from_list(block["box"]),
                    paragraphs=tuple(
                        Paragraph(
                            box=Box.from_list(paragraph["box"]),
                            language=str(paragraph.get("language", "")),
                            lines=tuple(
                                Line(
                                    box=Box.from_list(line["box"]),
                                    baseline=(
                                        float(line["baseline"][0]),
                                        float(line["baseline"][1]),
                                    ),
                                    words=tuple(Word.from_json(w) for w in line["words"]),
                                )
                                for line in paragraph["lines"]
                            ),
                        )
                        for paragraph in block["paragraphs"]
                    ),
                )
                for block in data["blocks"]
            ),
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> PageText:
        return cls.from_json(json.loads(data))


def stored_words(data: bytes) -> tuple[tuple[int, int], list[list[Any]]]:
    """A stored word model's page size (width, height) and its words in reading order as
    stored (`Word.as_json`: text, x0, y0, x1, y1, confidence[, raw]), without building the
    model: a search reads one for each hit it shows boxes for. ValueError when `data` is not a
    word model."""
    try:
        model = json.loads(data)
        if model.get("version") not in _READABLE_VERSIONS:
            raise ValueError(f"unknown page text format {model.get('version')!r}")
        words = [
            word
            for block in model["blocks"]
            for paragraph in block["paragraphs"]
            for line in paragraph["lines"]
            for word in line["words"]
        ]
        return (int(model["width"]), int(model["height"])), words
    except (KeyError, TypeError, AttributeError) as error:
        raise ValueError(f"not a word model: {error}") from error


_COMPACT_START = b'{"version":'
_RAW_SPELLING = re.compile(rb',("(?:[^"\\]|\\.)*")\]')
"""In `to_bytes`'s compact JSON, the raw spelling of a word restoration changed: the one string
that closes a list (a key is followed by a colon, a word's text by its box)."""


def restored_spellings(data: bytes) -> list[str]:
    """The spellings recognition read for the words restoration changed, straight from a stored
    word model (`PageText.to_bytes`), without building the model: the search index reads every
    page's, so a model in `to_bytes`'s own compact form is scanned, not parsed (a page's model
    is tens of kilobytes). ValueError when `data` is not a word model."""
    if data.startswith(_COMPACT_START) and data.endswith(b"]}"):
        if b'"]' not in data:  # no word was restored (found at the speed of a memory search)
            return []
        return [json.loads(raw) for raw in _RAW_SPELLING.findall(data)]
    try:
        blocks = json.loads(data)["blocks"]
        return [
            str(word[6])
            for block in blocks
            for paragraph in block["paragraphs"]
            for line in paragraph["lines"]
            for word in line["words"]
            if len(word) > 6
        ]
    except (KeyError, TypeError, IndexError) as error:
        raise ValueError(f"not a word model: {error}") from error


def laid_out(text: str, width: int = 2480, dpi: int = 300) -> PageText:
    """`text` as a page of one paragraph, for pages given text without recognising an image
    (tests, benchmarks): one line per line of text, 40 px per character, 120 px per line."""
    lines = []
    for row, line_text in enumerate(t for t in text.splitlines() if t.strip()):
        x, y = 200, 200 + row * 120
        words = []
        for token in line_text.split():
            words.append(Word(token, Box(x, y, x + 40 * len(token), y + 80), 91.0))
            x += 40 * (len(token) + 1)
        box = Box(200, y, max(w.box.x1 for w in words), y + 80)
        lines.append(Line(box, tuple(words), (0.0, -20.0)))
    height = 400 + 120 * max(len(lines), 1)
    if not lines:
        return PageText(width, height, dpi)
    area = Box(200, 200, max(line.box.x1 for line in lines), lines[-1].box.y1)
    return PageText(width, height, dpi, (Block(area, (Paragraph(area, tuple(lines), "vie"),)),))
