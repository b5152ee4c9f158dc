"""The word model: what recognition found on a page, as blocks → paragraphs → lines → words.

Every word keeps its text (NFC), its box in the prepared page's pixels and Tesseract's
confidence (0–100). The model round-trips through a compact JSON form, which is what the
library stores.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ocr.geometry import Box
from vietnamese.normalize import nfc

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Word:
    text: str
    box: Box
    confidence: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", nfc(self.text))


@dataclass(frozen=True)
class Line:
    box: Box
    words: tuple[Word, ...]
    baseline: tuple[float, float] = (0.0, 0.0)
    """Tesseract's baseline: slope, and offset in pixels from the box's bottom-left corner."""

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


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
        paragraphs = [
            "\n".join(line.text for line in paragraph.lines)
            for block in self.blocks
            for paragraph in block.paragraphs
        ]
        return "\n\n".join(p for p in paragraphs if p)

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
                                    "words": [
                                        [word.text, *word.box.as_list(), round(word.confidence, 2)]
                                        for word in line.words
                                    ],
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
        if data.get("version") != FORMAT_VERSION:
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
                                    words=tuple(
                                        Word(
                                            text=str(w[0]),
                                            box=Box(int(w[1]), int(w[2]), int(w[3]), int(w[4])),
                                            confidence=float(w[5]),
                                        )
                                        for w in line["words"]
                                    ),
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
