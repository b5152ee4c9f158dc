"""Page preparation: find how an original scan becomes the upright page, and make that page.

`analyse` looks at a greyscale copy of a scan and returns a `Preparation` (quarter turns, deskew
angle, optional crop of dark scanner borders); `render` applies it to the full-resolution
original; `prepare_file` does both for a file and writes the derived image when there is one.
The original itself is never touched.

Analysis works on a binarised copy whose long side is about 1500 px, which keeps it under
about 0.1 s for an A4 page at 300 dpi; Tesseract's OSD is asked only when the page's own
evidence is ambiguous.
"""

from __future__ import annotations

import math
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import cv2
import numpy as np
import numpy.typing as npt
from PIL import Image, JpegImagePlugin

from ocr.engine import OcrError, osd_quarter_turns
from ocr.geometry import Box, Preparation

GreyArray = npt.NDArray[np.uint8]
IntArray = npt.NDArray[np.intp]

ALGORITHM_VERSION: Final = 2
"""Part of `PrepareSettings.key()`: bump it when a change alters what `analyse` returns."""

_WORK_LONG_SIDE: Final = 1500
_COARSE_STEP: Final = 0.5
_FINE_STEP: Final = 0.05
_MIN_SKEW: Final = 0.1
"""Skews smaller than this are left alone: resampling would cost more than it gains."""
_MIN_INK_PIXELS: Final = 400
_MAX_INK_FRACTION: Final = 0.35
_MIN_CONTRAST: Final = 40.0
_COARSE_SAMPLE: Final = 40_000
_MIN_PEAKINESS: Final = 1.2
"""Best projection score over the median one; flat noise stays below it, text is far above."""
_UPRIGHT_ABOVE: Final = 0.58
_UPSIDE_DOWN_ABOVE: Final = 0.42
_SURE_ABOVE: Final = 0.64
"""Ink above the lines from which the shapes alone settle upright against upside down."""
_CLEAR_LINES: Final = 1.2
"""How much sharper the lines must be one way than across to settle the quarter turn."""
_MIN_ASYMMETRY_INK: Final = 300
_MIN_BORDER: Final = 0.01
"""A dark band narrower than this fraction of the side is not worth a crop."""

_TURN_TRANSPOSE: Final = {
    1: Image.Transpose.ROTATE_90,
    2: Image.Transpose.ROTATE_180,
    3: Image.Transpose.ROTATE_270,
}


@dataclass(frozen=True)
class PrepareSettings:
    """Which preparation steps to run. `key()` names them stably, for result caching."""

    orientation: bool = True
    deskew: bool = True
    remove_borders: bool = False
    max_skew_degrees: float = 10.0

    def key(self) -> str:
        return (
            f"prepare/v{ALGORITHM_VERSION}"
            f";orientation={int(self.orientation)}"
            f";deskew={int(self.deskew)}"
            f";remove_borders={int(self.remove_borders)}"
            f";max_skew_degrees={self.max_skew_degrees:g}"
        )


@dataclass(frozen=True)
class PreparedPage:
    """The outcome of `prepare_file`: `path` is None when the original is used as it is."""

    preparation: Preparation
    path: Path | None
    decoded: Image.Image | None = field(default=None, compare=False, repr=False)
    """The page's pixels exactly as its file (`path`, else the original) decodes to, when they
    are at hand: recognition then need not decode the file again."""
    grey: GreyArray | None = field(default=None, compare=False, repr=False)
    """`decoded` in grey, when preparation made that copy anyway."""


@dataclass(frozen=True)
class _Skew:
    angle: float
    score: float
    """Best projection score normalised by the ink count squared, comparable across frames."""
    peaky: bool


# --- analysis ---------------------------------------------------------------------------------


def analyse(
    grey: GreyArray, settings: PrepareSettings | None = None, *, turns: int | None = None
) -> Preparation:
    """How to turn, level and crop the page whose full-resolution greyscale pixels are `grey`.

    Steps that would change nothing are left out, so an upright clean page (and a blank one)
    gives an identity preparation. `timings` holds seconds per step; when Tesseract's OSD decided
    the orientation it also holds `orientation_osd` (or `orientation_osd_failed` when it was
    asked and could not tell).

    `turns`, when given, is the orientation decided elsewhere (by reading the page): the page's
    shapes are then used only to level it in that frame.
    """
    settings = settings or PrepareSettings()
    if grey.ndim != 2 or grey.dtype != np.uint8:
        raise ValueError(f"analyse needs 8-bit greyscale pixels, got {grey.dtype} {grey.shape}")
    height, width = grey.shape
    source_size = (width, height)
    timings: dict[str, float] = {}
    if not (settings.orientation or settings.deskew or settings.remove_borders):
        return Preparation(source_size, timings=timings)

    started = time.perf_counter()
    small = _downscale(grey)
    binary, threshold = _binarise(small)
    timings["binarise"] = time.perf_counter() - started
    if binary is None:
        return Preparation(source_size, timings=timings)

    ys, xs = np.nonzero(binary)
    ys, xs = ys.astype(np.intp), xs.astype(np.intp)
    skew: _Skew | None = None
    reason, sure = "", True
    if turns is not None:
        reason = "given"
    elif settings.orientation:
        started = time.perf_counter()
        turns, skew, reason, sure = _orientation(binary, ys, xs, small, settings, timings)
        timings["orientation"] = time.perf_counter() - started
    turns = turns or 0

    angle = 0.0
    if settings.deskew:
        started = time.perf_counter()
        if skew is None:
            skew = _skew_in_frame(ys, xs, binary.shape, turns, settings.max_skew_degrees)
        if skew.peaky and abs(skew.angle) >= _MIN_SKEW:
            angle = skew.angle
        timings["deskew"] = time.perf_counter() - started

    crop = None
    if settings.remove_borders:
        started = time.perf_counter()
        levelled = _level(_turn(small, turns), angle, fill=0)
        found = _paper_box(levelled, threshold)
        if found is not None:
            crop = _scale_box(found, levelled.shape, _turned((width, height), turns))
        timings["borders"] = time.perf_counter() - started

    return Preparation(source_size, turns % 4, angle, crop, timings, reason, sure)


def _orientation(
    binary: GreyArray,
    ys: IntArray,
    xs: IntArray,
    small: GreyArray,
    settings: PrepareSettings,
    timings: dict[str, float],
) -> tuple[int, _Skew | None, str, bool]:
    """Quarter turns that make the lines horizontal and upright, the skew in that frame (None
    when Tesseract turned the page a quarter away from the frame that was measured), why, and
    whether the evidence was clear."""
    across = _skew_in_frame(ys, xs, binary.shape, 0, settings.max_skew_degrees, fine=False)
    upright = _skew_in_frame(ys, xs, binary.shape, 1, settings.max_skew_degrees, fine=False)
    if not (across.peaky or upright.peaky):
        return 0, across, "no text lines found", False
    turns = 0 if across.score >= upright.score else 1
    skew = _skew_in_frame(ys, xs, binary.shape, turns, settings.max_skew_degrees)
    # Lines that run both ways about as sharply (a table, a stamp, a short page) leave the
    # quarter turn in doubt.
    lines_clear = max(across.score, upright.score) >= _CLEAR_LINES * min(
        across.score, upright.score
    )

    levelled = _level(_turn(binary, turns), skew.angle, fill=0)
    above = _ascender_ratio(levelled)
    shapes = f"ink above lines {above:.2f}" if above is not None else "too little ink"
    if above is not None and above >= _UPRIGHT_ABOVE:
        sure = lines_clear and above >= _SURE_ABOVE
        return turns, skew, shapes, sure
    if above is not None and above <= _UPSIDE_DOWN_ABOVE:
        sure = lines_clear and above <= 1 - _SURE_ABOVE
        return turns + 2, skew, shapes, sure

    started = time.perf_counter()
    extra = _osd_turns(_level(_turn(small, turns), skew.angle, fill=255))
    if extra is None:
        timings["orientation_osd_failed"] = time.perf_counter() - started
        if above is not None and above < 0.5:
            return turns + 2, skew, shapes + "; OSD could not tell", False
        return turns, skew, shapes + "; OSD could not tell", False
    timings["orientation_osd"] = time.perf_counter() - started
    if extra % 2:
        # OSD says the lines run the other way: the skew found is for the wrong frame.
        return turns + extra, None, shapes + "; Tesseract OSD", False
    return turns + extra, skew, shapes + "; Tesseract OSD", False


def _downscale(grey: GreyArray) -> GreyArray:
    height, width = grey.shape
    scale = _WORK_LONG_SIDE / max(height, width)
    if scale >= 1.0:
        return np.ascontiguousarray(grey, dtype=np.uint8)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return np.asarray(cv2.resize(grey, size, interpolation=cv2.INTER_AREA), dtype=np.uint8)


def _binarise(small: GreyArray) -> tuple[GreyArray | None, float]:
    """Ink as 1 and paper as 0, without dark bands touching the edges; None for a blank page."""
    threshold, binary = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    histogram = np.bincount(small.ravel(), minlength=256).astype(np.float64)
    levels = np.arange(256, dtype=np.float64)
    cut = int(threshold) + 1
    dark, light = histogram[:cut], histogram[cut:]
    if dark.sum() == 0 or light.sum() == 0:
        return None, threshold
    contrast = (light @ levels[cut:]) / light.sum() - (dark @ levels[:cut]) / dark.sum()
    # Otsu splits any image in two; on a blank page both halves are paper.
    if contrast < _MIN_CONTRAST:
        return None, threshold
    binary = _drop_edge_components(binary.astype(np.uint8))
    ink = int(np.count_nonzero(binary))
    if ink < _MIN_INK_PIXELS or ink > _MAX_INK_FRACTION * binary.size:
        return None, threshold
    return binary, threshold


def _drop_edge_components(binary: GreyArray) -> GreyArray:
    """Remove ink connected to the image edge: scanner borders and bleed are not text lines."""
    if not (binary[0].any() or binary[-1].any() or binary[:, 0].any() or binary[:, -1].any()):
        return binary
    _, labels, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    height, width = binary.shape
    x, y = stats[:, cv2.CC_STAT_LEFT], stats[:, cv2.CC_STAT_TOP]
    w, h = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]
    touches = (x == 0) | (y == 0) | (x + w == width) | (y + h == height)
    touches[0] = False
    if not touches.any():
        return binary
    keep: GreyArray = np.where(touches, 0, 1).astype(np.uint8)
    keep[0] = 0
    kept: GreyArray = keep[labels]
    return kept


def _skew_in_frame(
    ys: IntArray,
    xs: IntArray,
    shape: tuple[int, ...],
    turns: int,
    max_degrees: float,
    *,
    fine: bool = True,
) -> _Skew:
    """Skew search on ink at (`ys`, `xs`) as seen after `turns` quarter turns."""
    height, width = shape[:2]
    if turns % 2:
        # np.rot90 turns a quarter counter-clockwise: x' = y, y' = width - 1 - x.
        ys, xs, width = width - 1 - xs, ys, height
    # Half a turn does not change a line's slope.
    coarse = _coarse_search(ys, xs, width, max_degrees)
    return _fine_search(ys, xs, width, max_degrees, coarse) if fine else coarse


def _coarse_search(ys: IntArray, xs: IntArray, width: int, max_degrees: float) -> _Skew:
    """The sharpest sheared row projection in steps of half a degree."""
    limit = max(abs(max_degrees), _COARSE_STEP)
    angles = np.arange(-limit, limit + 1e-9, _COARSE_STEP)
    # Half-degree steps need no more than a sample of the ink.
    stride = max(1, len(ys) // _COARSE_SAMPLE)
    sample_ys, sample_xs = ys[::stride], xs[::stride]
    scores = _projection_scores(sample_ys, sample_xs, width, angles)
    best = int(np.argmax(scores))
    ink = float(len(sample_ys))
    median = float(np.median(scores))
    return _Skew(
        angle=float(angles[best]),
        score=float(scores[best]) / (ink * ink),
        peaky=median > 0 and float(scores[best]) >= _MIN_PEAKINESS * median,
    )


def _fine_search(
    ys: IntArray, xs: IntArray, width: int, max_degrees: float, coarse: _Skew
) -> _Skew:
    """Refine a coarse result to 0.05° on all the ink."""
    limit = max(abs(max_degrees), _COARSE_STEP)
    angles = np.arange(coarse.angle - _COARSE_STEP, coarse.angle + _COARSE_STEP + 1e-9, _FINE_STEP)
    angles = angles[np.abs(angles) <= limit + 1e-9]
    scores = _projection_scores(ys, xs, width, angles)
    best = int(np.argmax(scores))
    ink = float(len(ys))
    return _Skew(
        angle=round(float(angles[best]), 3) + 0.0,
        score=float(scores[best]) / (ink * ink),
        peaky=coarse.peaky,
    )


def _projection_scores(
    ys: IntArray, xs: IntArray, width: int, degrees: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """Sum of squared row counts after shearing by each angle (y' = y − x·tan a)."""
    if len(ys) == 0:
        return np.zeros(len(degrees))
    tangents = np.tan(np.radians(degrees))
    reach = math.ceil(width * float(np.max(np.abs(tangents), initial=0.0))) + 1
    columns = np.arange(width, dtype=np.float64)
    rows = ys + reach
    scores = np.empty(len(degrees))
    for i, tangent in enumerate(tangents):
        shift = np.rint(-columns * tangent).astype(np.intp)
        counts = np.bincount(rows + shift[xs]).astype(np.float64)
        scores[i] = float(np.dot(counts, counts))
    return scores


def _ascender_ratio(levelled: GreyArray) -> float | None:
    """Share of ink above the core band of each text line; None when there is too little.

    Upright Latin and Vietnamese text puts more ink above the x-height band (ascenders and
    diacritics) than below it (descenders), so the share is about 0.7 upright, 0.3 upside down.
    """
    rows = levelled.sum(axis=1, dtype=np.int64)
    peak = int(rows.max(initial=0))
    if peak == 0:
        return None
    inked = np.concatenate(([0], (rows > 0.02 * peak).astype(np.int8), [0]))
    edges = np.diff(inked)
    above = below = 0
    for start, end in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1), strict=True):
        line = rows[start:end]
        core = np.flatnonzero(line >= 0.5 * line.max())
        above += int(line[: core[0]].sum())
        below += int(line[core[-1] + 1 :].sum())
    if above + below < _MIN_ASYMMETRY_INK:
        return None
    return above / (above + below)


def _osd_turns(levelled: GreyArray) -> int | None:
    """Counter-clockwise quarter turns Tesseract's OSD would add, or None when it cannot tell."""
    try:
        return osd_quarter_turns(levelled)
    except OcrError:
        return None


def _paper_box(levelled: GreyArray, threshold: float) -> Box | None:
    """The bright sheet inside dark bands touching the edges, or None when there are none."""
    height, width = levelled.shape
    bright = (levelled > threshold).astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(bright, connectivity=4)
    if count <= 1:
        return None
    areas = stats[1:, cv2.CC_STAT_AREA]
    spans = stats[1:, cv2.CC_STAT_WIDTH].astype(np.int64) * stats[1:, cv2.CC_STAT_HEIGHT]
    # The sheet is the bright region with the widest extent; text only punches holes in it.
    spans = np.where(areas >= 0.01 * levelled.size, spans, 0)
    sheet = 1 + int(np.argmax(spans))
    if spans[sheet - 1] < 0.25 * levelled.size:
        return None
    left = int(stats[sheet, cv2.CC_STAT_LEFT])
    top = int(stats[sheet, cv2.CC_STAT_TOP])
    right = left + int(stats[sheet, cv2.CC_STAT_WIDTH])
    bottom = top + int(stats[sheet, cv2.CC_STAT_HEIGHT])
    dark = levelled <= threshold
    # Only cut a side whose band is wide enough and mostly dark, i.e. no paper.
    if left < _MIN_BORDER * width or dark[:, :left].mean() < 0.8:
        left = 0
    if width - right < _MIN_BORDER * width or dark[:, right:].mean() < 0.8:
        right = width
    if top < _MIN_BORDER * height or dark[:top, :].mean() < 0.8:
        top = 0
    if height - bottom < _MIN_BORDER * height or dark[bottom:, :].mean() < 0.8:
        bottom = height
    if (left, top, right, bottom) == (0, 0, width, height):
        return None
    return Box(left, top, right, bottom)


def _scale_box(box: Box, small_shape: tuple[int, ...], size: tuple[int, int]) -> Box:
    small_h, small_w = small_shape[:2]
    width, height = size
    sx, sy = width / small_w, height / small_h
    # Round inwards: a sliver of border left on the page is worse than a sliver of paper lost.
    return Box(
        min(width, math.ceil(box.x0 * sx)),
        min(height, math.ceil(box.y0 * sy)),
        max(0, math.floor(box.x1 * sx)),
        max(0, math.floor(box.y1 * sy)),
    )


def _turned(size: tuple[int, int], turns: int) -> tuple[int, int]:
    width, height = size
    return (height, width) if turns % 2 else (width, height)


def _turn(array: GreyArray, turns: int) -> GreyArray:
    if turns % 4 == 0:
        return array
    return np.ascontiguousarray(np.rot90(array, turns % 4))


def _rotation_matrix(width: int, height: int, degrees: float) -> npt.NDArray[np.float64]:
    # Preparation.matrix() puts pixel centres at i + 0.5; OpenCV puts them at i.
    centre = (width / 2.0 - 0.5, height / 2.0 - 0.5)
    return np.asarray(cv2.getRotationMatrix2D(centre, degrees, 1.0), dtype=np.float64)


def _level(array: GreyArray, degrees: float, fill: int) -> GreyArray:
    """Rotate a small analysis image counter-clockwise by `degrees`, keeping its size."""
    if not degrees:
        return array
    height, width = array.shape[:2]
    levelled = cv2.warpAffine(
        array,
        _rotation_matrix(width, height, degrees),
        (width, height),
        flags=cv2.INTER_NEAREST,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=fill,
    )
    return np.asarray(levelled, dtype=np.uint8)


# --- rendering --------------------------------------------------------------------------------


def render(image: Image.Image, preparation: Preparation) -> Image.Image:
    """Apply `preparation` to the full-resolution original `image`.

    Quarter turns are lossless; the deskew resamples (bilinear, white where the page had no
    pixels) and keeps a bilevel image bilevel. Where a source pixel lands is exactly what
    `preparation.matrix()` says (pixel centres at i + 0.5). Modes other than 1, L and RGB come
    back as L or RGB.
    """
    if image.size != preparation.source_size:
        raise ValueError(
            f"image is {image.size[0]}×{image.size[1]} but the preparation was made for "
            f"{preparation.source_size[0]}×{preparation.source_size[1]}"
        )
    page = _workable(image)
    turns = preparation.quarter_turns % 4
    if turns:
        page = page.transpose(_TURN_TRANSPOSE[turns])
    if preparation.skew_degrees:
        page = _rotate(page, preparation.skew_degrees)
    if preparation.crop is not None:
        crop = preparation.crop
        page = page.crop((crop.x0, crop.y0, crop.x1, crop.y1))
    return page


def _rotate(page: Image.Image, degrees: float) -> Image.Image:
    bilevel = page.mode == "1"
    pixels = np.asarray(page.convert("L") if bilevel else page)
    height, width = pixels.shape[:2]
    channels = 1 if pixels.ndim == 2 else pixels.shape[2]
    rotated = cv2.warpAffine(
        pixels,
        _rotation_matrix(width, height, degrees),
        (width, height),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=(255,) * channels,
    )
    del pixels
    result = Image.fromarray(rotated)
    if bilevel:
        return result.convert("1", dither=Image.Dither.NONE)
    return result


def _workable(image: Image.Image) -> Image.Image:
    """The image as mode 1, L or RGB: palettes, alpha, CMYK and 16-bit grey are converted."""
    mode = image.mode
    if mode in ("1", "L", "RGB"):
        return image
    if mode == "P" and "transparency" not in image.info:
        palette = image.getpalette() or []
        greyish = all(
            palette[i] == palette[i + 1] == palette[i + 2] for i in range(0, len(palette) - 2, 3)
        )
        return image.convert("L" if greyish else "RGB")
    if mode.startswith("I;16"):
        return Image.fromarray((np.asarray(image, dtype=np.uint16) >> 8).astype(np.uint8))
    if mode in ("I", "F"):
        return image.convert("L")
    if "A" in mode or mode == "P":
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat.convert("L") if mode in ("LA", "La") else flat
    return image.convert("RGB")


# --- files ------------------------------------------------------------------------------------


def prepare_file(
    source: Path,
    destination_dir: Path,
    settings: PrepareSettings | None = None,
    dpi: int | None = None,
    *,
    turns: int | None = None,
) -> PreparedPage:
    """Analyse the image file `source` and write its prepared page into `destination_dir`.

    Nothing is written when the preparation is identity. Otherwise the file gets a new unique
    name: bilevel pages as TIFF G4, JPEG sources as JPEG (quality 92), the rest as PNG, all
    carrying `dpi`, else the source's own resolution. Only the first frame of a multi-page file
    is read. EXIF orientation is not applied: the preparation maps the pixels as stored.
    """
    settings = settings or PrepareSettings()
    with Image.open(source) as opened:
        source_format = opened.format
        source_dpi = opened.info.get("dpi")
        sampling = JpegImagePlugin.get_sampling(opened) if source_format == "JPEG" else -1
        opened.load()
        page = _workable(opened)

    grey = np.asarray(page if page.mode == "L" else page.convert("L"))
    preparation = analyse(grey, settings, turns=turns)
    if preparation.is_identity:
        # `_workable` changed nothing for these modes: the pixels are the file's own.
        if page.mode in ("1", "L", "RGB"):
            return PreparedPage(preparation, None, page, grey)
        return PreparedPage(preparation, None)
    del grey

    prepared = render(page, preparation)
    del page
    resolution = _resolution(dpi, source_dpi, preparation.quarter_turns)
    options: dict[str, Any] = {} if resolution is None else {"dpi": resolution}
    if prepared.mode == "1":
        suffix, fmt = ".tif", "TIFF"
        options["compression"] = "group4"
    elif source_format == "JPEG":
        suffix, fmt = ".jpg", "JPEG"
        options["quality"] = 92
        if prepared.mode == "RGB":
            # Keep the scanner's chroma subsampling; 4:2:0 when it is unknown.
            options["subsampling"] = sampling if sampling in (0, 1, 2) else 2
    else:
        suffix, fmt = ".png", "PNG"
        options["compress_level"] = 3

    destination_dir.mkdir(parents=True, exist_ok=True)
    path = destination_dir / f"{source.stem}.prepared-{uuid.uuid4().hex[:16]}{suffix}"
    try:
        with path.open("xb") as stream:
            prepared.save(stream, format=fmt, **options)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    # PNG and G4 give back what was saved; a JPEG does not, and recognition reads the page
    # as stored (read before the compression, real-scans' ct05 lost its signer's title).
    return PreparedPage(preparation, path, None if fmt == "JPEG" else prepared)


def _resolution(
    dpi: int | None, source_dpi: object, quarter_turns: int
) -> tuple[float, float] | None:
    if dpi is not None:
        return (float(dpi), float(dpi))
    if not isinstance(source_dpi, tuple) or len(source_dpi) != 2:
        return None
    x, y = (float(v) for v in source_dpi)
    if x <= 0 or y <= 0:
        return None
    # Pillow reads 300 dpi PNGs back as 299.9994 (pixels per metre); snap to the intended value.
    x, y = (round(v) if abs(v - round(v)) < 0.01 else v for v in (x, y))
    return (y, x) if quarter_turns % 2 else (x, y)
