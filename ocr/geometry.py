"""Page geometry: boxes in pixels, and the preparation that maps an original onto its upright page.

Coordinates are image pixels with the origin at the top-left corner and y growing downwards,
as Tesseract reports them. A `Preparation` says how the original becomes the prepared page:
first whole quarter turns, then a small deskew rotation about the centre, then an optional crop.
The prepared image is that mapping applied to the original; the PDF/A export draws the
untouched original through the same mapping, so both always agree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

Matrix = tuple[float, float, float, float, float, float]
"""An affine map (a, b, c, d, e, f): x' = a·x + c·y + e, y' = b·x + d·y + f (PDF's order)."""

IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def compose(first: Matrix, then: Matrix) -> Matrix:
    """The map that applies `first`, then `then`."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a2 * a1 + c2 * b1,
        b2 * a1 + d2 * b1,
        a2 * c1 + c2 * d1,
        b2 * c1 + d2 * d1,
        a2 * e1 + c2 * f1 + e2,
        b2 * e1 + d2 * f1 + f2,
    )


def apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def invert(matrix: Matrix) -> Matrix:
    a, b, c, d, e, f = matrix
    det = a * d - b * c
    ia, ib, ic, id_ = d / det, -b / det, -c / det, a / det
    return (ia, ib, ic, id_, -(ia * e + ic * f), -(ib * e + id_ * f))


@dataclass(frozen=True, order=True)
class Box:
    """A rectangle in pixels: left, top, right, bottom (right and bottom exclusive)."""

    x0: int
    y0: int
    x1: int
    y1: int

    @property
    def width(self) -> int:
        return self.x1 - self.x0

    @property
    def height(self) -> int:
        return self.y1 - self.y0

    def as_list(self) -> list[int]:
        return [self.x0, self.y0, self.x1, self.y1]

    @classmethod
    def from_list(cls, values: list[int] | tuple[int, int, int, int]) -> Box:
        x0, y0, x1, y1 = values
        return cls(int(x0), int(y0), int(x1), int(y1))

    def union(self, other: Box) -> Box:
        return Box(
            min(self.x0, other.x0),
            min(self.y0, other.y0),
            max(self.x1, other.x1),
            max(self.y1, other.y1),
        )


@dataclass(frozen=True)
class Preparation:
    """How an original image of `source_size` becomes the upright page.

    `quarter_turns` counter-clockwise turns of 90° come first (as seen on screen), then a
    counter-clockwise rotation of `skew_degrees` about the page centre that levels the text
    lines, then `crop` (a box in the turned and levelled frame) when borders were removed.
    `timings` holds the seconds each analysis step took, for the record.
    """

    source_size: tuple[int, int]
    quarter_turns: int = 0
    skew_degrees: float = 0.0
    crop: Box | None = None
    timings: dict[str, float] = field(default_factory=dict, compare=False)
    orientation_reason: str = field(default="", compare=False)
    """Why the page was turned as it was, in a few words, for the record."""
    orientation_sure: bool = field(default=True, compare=False)
    """False when the page's own shapes did not settle the orientation clearly."""

    @property
    def is_identity(self) -> bool:
        return self.quarter_turns % 4 == 0 and self.skew_degrees == 0.0 and self.crop is None

    @property
    def turned_size(self) -> tuple[int, int]:
        w, h = self.source_size
        return (h, w) if self.quarter_turns % 2 else (w, h)

    @property
    def output_size(self) -> tuple[int, int]:
        if self.crop is not None:
            return (self.crop.width, self.crop.height)
        return self.turned_size

    def matrix(self) -> Matrix:
        """Original pixel coordinates → prepared page pixel coordinates."""
        w, h = self.source_size
        turns = self.quarter_turns % 4
        # Counter-clockwise on screen, with y pointing down.
        turn: Matrix = {
            0: IDENTITY,
            1: (0.0, -1.0, 1.0, 0.0, 0.0, float(w)),
            2: (-1.0, 0.0, 0.0, -1.0, float(w), float(h)),
            3: (0.0, 1.0, -1.0, 0.0, float(h), 0.0),
        }[turns]
        tw, th = self.turned_size
        result = turn
        if self.skew_degrees:
            # Counter-clockwise on screen is clockwise in y-down maths: negate the angle.
            theta = math.radians(self.skew_degrees)
            cos, sin = math.cos(theta), math.sin(theta)
            cx, cy = tw / 2.0, th / 2.0
            rotate: Matrix = (
                cos,
                -sin,
                sin,
                cos,
                cx - cos * cx - sin * cy,
                cy + sin * cx - cos * cy,
            )
            result = compose(result, rotate)
        if self.crop is not None:
            result = compose(
                result, (1.0, 0.0, 0.0, 1.0, -float(self.crop.x0), -float(self.crop.y0))
            )
        return result

    def as_json(self) -> dict[str, Any]:
        return {
            "source_size": list(self.source_size),
            "quarter_turns": self.quarter_turns % 4,
            "skew_degrees": round(self.skew_degrees, 3),
            "crop": self.crop.as_list() if self.crop else None,
            "timings": {k: round(v, 4) for k, v in self.timings.items()},
        } | ({"orientation_reason": self.orientation_reason} if self.orientation_reason else {})

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Preparation:
        w, h = data["source_size"]
        crop = data.get("crop")
        return cls(
            source_size=(int(w), int(h)),
            quarter_turns=int(data.get("quarter_turns", 0)),
            skew_degrees=float(data.get("skew_degrees", 0.0)),
            crop=Box.from_list(crop) if crop else None,
            timings={str(k): float(v) for k, v in data.get("timings", {}).items()},
            orientation_reason=str(data.get("orientation_reason", "")),
        )
