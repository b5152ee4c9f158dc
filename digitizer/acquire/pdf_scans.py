"""Pages of a scanned PDF that are nothing but one image: take that image out as it is.

A scanner's PDF holds each page as one JPEG or CCITT G4 image covering the page, sometimes with
invisible OCR text on top. Rendering such a page re-samples and re-encodes the scan (and a
colour JPEG page becomes a PNG ten times larger); taking the embedded image out keeps the
scanner's own pixels and bytes. Anything less plain is left to the renderer.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pikepdf

from digitizer.acquire.images import open_image
from ocr.geometry import IDENTITY, Matrix, compose

_PAINTING = frozenset(
    {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "INLINE IMAGE", "BI", "W", "W*"}
)
_SHOWING_TEXT = frozenset({"Tj", "TJ", "'", '"'})
_INVISIBLE_TEXT = 3  # text render mode 3: neither fill nor stroke
_TOLERANCE = 1.0  # points


def _number(value: object) -> float:
    if isinstance(value, int | float | Decimal):
        return float(value)
    raise ValueError("not a number")


def page_scan(page: pikepdf.Page) -> pikepdf.Stream | None:
    """The image XObject that is the whole page, when the page draws nothing else visible."""
    if int(page.obj.get("/Rotate", 0)) % 360 != 0:
        return None
    ctm = IDENTITY
    text_mode = 0
    saved: list[tuple[Matrix, int]] = []
    found: tuple[pikepdf.Stream, Matrix] | None = None
    try:
        instructions = pikepdf.parse_content_stream(page)
    except pikepdf.PdfError:
        return None
    xobjects = page.obj.get("/Resources", pikepdf.Dictionary()).get(
        "/XObject", pikepdf.Dictionary()
    )
    try:
        for instruction in instructions:
            operands, op = instruction.operands, str(instruction.operator)
            if op == "q":
                saved.append((ctm, text_mode))
            elif op == "Q" and saved:
                ctm, text_mode = saved.pop()
            elif op == "cm":
                ctm = compose(tuple(_number(v) for v in operands), ctm)  # type: ignore[arg-type]
            elif op == "Tr":
                text_mode = int(_number(operands[0]))
            elif op in _PAINTING or (op in _SHOWING_TEXT and text_mode != _INVISIBLE_TEXT):
                return None
            elif op == "Do":
                xobject = xobjects.get(str(operands[0]))
                if (
                    found is not None
                    or not isinstance(xobject, pikepdf.Stream)
                    or xobject.get("/Subtype") != "/Image"
                ):
                    return None
                found = (xobject, ctm)
    except (ValueError, TypeError, IndexError):
        return None
    if found is None:
        return None
    image, (a, b, c, d, e, f) = found
    box = [float(v) for v in page.mediabox]
    crop = [float(v) for v in page.cropbox]
    if any(abs(x - y) > _TOLERANCE for x, y in zip(box, crop, strict=True)):
        return None  # the page shows only part of the scan
    if abs(b) > 1e-6 or abs(c) > 1e-6 or a <= 0 or d <= 0:
        return None  # rotated or mirrored on the page
    covers = (
        abs(e - box[0]) <= _TOLERANCE
        and abs(f - box[1]) <= _TOLERANCE
        and abs(e + a - box[2]) <= _TOLERANCE
        and abs(f + d - box[3]) <= _TOLERANCE
    )
    if not covers or any(key in image for key in ("/SMask", "/Mask", "/Decode", "/ImageMask")):
        return None
    return image


@dataclass(frozen=True)
class ExtractedScan:
    path: Path
    media_type: str
    width: int
    height: int


def extract_scan(image: pikepdf.Stream, target_stem: Path, dpi: int) -> ExtractedScan | None:
    """Write the embedded scan as a file of its own; None when it is in a form this does not take
    out faithfully.

    A JPEG keeps its bytes. A Flate image with PNG row filters (as img2pdf and most scanners
    store a PNG) keeps its compressed data, wrapped as a PNG. Any other Flate or CCITT image is
    decoded and written as PNG or G4 TIFF. Each result is decoded once more and kept only if it
    gives the image the PDF describes.
    """
    picture = pikepdf.PdfImage(image)
    colour, bits = picture.colorspace, picture.bits_per_component
    if colour not in _CHANNELS or bits not in (1, 8) or (bits == 1 and colour != "/DeviceGray"):
        return None
    expected_mode = "1" if bits == 1 else ("L" if colour == "/DeviceGray" else "RGB")
    filters = [str(name) for name in picture.filters]
    try:
        if filters == ["/DCTDecode"]:
            target = target_stem.with_suffix(".jpg")
            target.write_bytes(image.read_raw_bytes())
            media_type = "image/jpeg"
        elif filters == ["/FlateDecode"] and _has_png_rows(image, picture, colour):
            target = target_stem.with_suffix(".png")
            target.write_bytes(_png_around(image.read_raw_bytes(), picture, colour, dpi))
            media_type = "image/png"
        elif filters in (["/CCITTFaxDecode"], ["/FlateDecode"], []):
            decoded = picture.as_pil_image()
            if bits == 1:
                target, media_type = target_stem.with_suffix(".tif"), "image/tiff"
                decoded.convert("1").save(target, "TIFF", compression="group4", dpi=(dpi, dpi))
            else:
                target, media_type = target_stem.with_suffix(".png"), "image/png"
                decoded.save(target, "PNG", dpi=(dpi, dpi), compress_level=3)
        else:
            return None
    except (pikepdf.PdfError, NotImplementedError, ValueError, OSError):
        return None
    # The size was checked against the import's pixel limit when the PDF was probed.
    try:
        with open_image(target) as check:
            check.load()
            good = check.size == (picture.width, picture.height) and check.mode == expected_mode
    except (OSError, SyntaxError, ValueError):
        good = False
    if not good:
        target.unlink(missing_ok=True)
        return None
    return ExtractedScan(target, media_type, picture.width, picture.height)


_CHANNELS = {"/DeviceGray": 1, "/DeviceRGB": 3}
_PNG_COLOUR_TYPE = {1: 0, 3: 2}  # grey, truecolour


def _has_png_rows(image: pikepdf.Stream, picture: pikepdf.PdfImage, colour: str) -> bool:
    """Whether the Flate data is exactly a PNG's IDAT: PNG predictors over the whole image."""
    parameters = image.get("/DecodeParms")
    if not isinstance(parameters, pikepdf.Dictionary):
        return False
    return (
        int(parameters.get("/Predictor", 1)) >= 10
        and int(parameters.get("/Colors", 1)) == _CHANNELS[colour]
        and int(parameters.get("/BitsPerComponent", 8)) == picture.bits_per_component
        and int(parameters.get("/Columns", 1)) == picture.width
    )


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_around(idat: bytes, picture: pikepdf.PdfImage, colour: str, dpi: int) -> bytes:
    header = struct.pack(
        ">IIBBBBB",
        picture.width,
        picture.height,
        picture.bits_per_component,
        _PNG_COLOUR_TYPE[_CHANNELS[colour]],
        0,  # deflate
        0,  # adaptive filtering
        0,  # no interlace
    )
    per_metre = round(dpi / 0.0254)
    return b"".join(
        [
            b"\x89PNG\r\n\x1a\n",
            _png_chunk(b"IHDR", header),
            _png_chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),
            _png_chunk(b"IDAT", idat),
            _png_chunk(b"IEND", b""),
        ]
    )
