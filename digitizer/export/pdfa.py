"""Searchable PDF/A-2b: each page shows the untouched original scan, turned and levelled by the
page's preparation, under an invisible text layer placed word by word.

- The scan goes in as it is stored: img2pdf wraps JPEG (DCTDecode), PNG (Flate with PNG
  predictors) and CCITT G4 TIFF data without decoding it, and the image is copied from its
  one-page PDF. Only what img2pdf refuses, or what PDF/A forbids with an sRGB output intent
  (an alpha channel, CMYK), is decoded with Pillow and stored Flate-compressed.
- The image is drawn through one matrix: unit square → original pixels → prepared pixels
  (`Preparation.matrix()`) → PDF points. The media box is the prepared page, so whatever the
  rotation or crop moves outside it is clipped.
- The text uses Tesseract's glyphless font (one empty-looking glyph for every character) as a
  Type 0 / CIDFontType2 font with Identity-H encoding: character codes are UTF-16 code units and
  the ToUnicode map sends each code to itself, so text extracts as the NFC text of the OCR.
  Text render mode 3 keeps it invisible.
- The file carries XMP metadata that matches its Info dictionary, an sRGB output intent, a
  trailer ID computed from the content and dates from `DocumentInfo.created` only, so the same
  inputs always give the same bytes.
"""

from __future__ import annotations

import contextlib
import io
import statistics
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path

import img2pdf
import numpy as np
import pikepdf
from pikepdf import Array, Dictionary, Name, String
from PIL import Image, UnidentifiedImageError

from digitizer.errors import CorruptImage
from digitizer.export.drawing import AddedPage, PageDrawing
from digitizer.export.files import replacing
from digitizer.export.fonts import to_unicode_cmap
from digitizer.export.model import SOFTWARE_NAME, DocumentInfo, ExportPage, number_text
from digitizer.locations import resources_path
from ocr.geometry import Matrix, compose
from ocr.stages import stage
from ocr.words import Line, PageText, Word

FONT_NAME = "GlyphLessFont"
OUTPUT_CONDITION = "sRGB IEC61966-2.1"

# Tesseract's glyphless font has 2048 units per em and one glyph 1024 units wide.
_GLYPH_ADVANCE = 0.5
"""The glyph's advance width, in ems."""
_ASCENT = 0.8
_DESCENT = 0.2
"""How far above and below the baseline, in ems, the font descriptor says glyphs reach. Text
extractors (poppler's `pdftotext -bbox`, for one) take a word's height from these, so the font
size is chosen to make ascent and descent span the line box."""
_SPACE = 0x20
_REPLACEMENT = 0xFFFD
_FLATE = Name.FlateDecode

# What img2pdf raises for input it will not wrap as it is; those images are re-encoded instead.
_IMG2PDF_REFUSALS: tuple[type[BaseException], ...] = (
    img2pdf.AlphaChannelError,
    img2pdf.ImageOpenError,
    img2pdf.JpegColorspaceError,
    img2pdf.UnsupportedColorspaceError,
    img2pdf.ExifOrientationError,
    img2pdf.NegativeDimensionError,
    ValueError,
    NotImplementedError,
    OSError,
)
_PASSED_THROUGH_FILTERS = {Name.DCTDecode, Name.FlateDecode, Name.CCITTFaxDecode}
_DECODED_MODES = {"RGBA", "RGBa", "LA", "La", "PA", "CMYK"}


def write_pdfa(
    pages: Sequence[ExportPage],
    info: DocumentInfo,
    out: Path,
    *,
    drawings: Mapping[int, PageDrawing] | None = None,
    added_pages: Sequence[AddedPage] = (),
) -> None:
    """Write `pages` as one searchable PDF/A-2b file at `out` (replaced as a whole).

    `drawings` draws over the scan pages (by 0-based index) and `added_pages` come after them:
    both are part of the one file written, so stamps and back covers keep it PDF/A."""
    if not pages and not added_pages:
        raise ValueError("a PDF needs at least one page")
    with contextlib.ExitStack() as keep_open, pikepdf.new() as pdf:
        # Images copied from img2pdf's PDFs are read from them when `pdf` is saved.
        with stage("pdf word models"):
            texts = [page.words_text() for page in pages]
        codes = {
            code
            for text in texts
            if text is not None
            for word in text.words()
            for code in _codes(word.text)
        }
        with stage("pdf font"):
            font = _glyphless_font(pdf, codes | {_SPACE}) if codes else None
        for index, (page, text) in enumerate(zip(pages, texts, strict=True)):
            with stage("pdf image"):
                image = _embed_image(pdf, page.image_path, keep_open)
            with stage("pdf text layer"):
                _add_page(pdf, page, image, text, font, (drawings or {}).get(index))
        for added in added_pages:
            _add_drawn_page(pdf, added)
        _add_output_intent(pdf)
        _add_metadata(pdf, info)
        with stage("pdf save"), replacing(out) as temp:
            pdf.save(
                temp,
                force_version="1.7",
                deterministic_id=True,
                compress_streams=True,  # object streams; qpdf leaves XMP uncompressed
                stream_decode_level=pikepdf.StreamDecodeLevel.none,  # never re-encode a scan
                object_stream_mode=pikepdf.ObjectStreamMode.generate,
            )


# --- pages -------------------------------------------------------------------------------------


def image_matrix(page: ExportPage) -> Matrix:
    """The `cm` that draws the image's unit square onto the prepared page, in PDF points."""
    width, height = page.preparation.source_size
    # PDF puts the image's first row at the top of the unit square (v = 1).
    unit_to_original: Matrix = (float(width), 0.0, 0.0, -float(height), 0.0, float(height))
    scale = page.points_per_pixel
    to_points: Matrix = (scale, 0.0, 0.0, -scale, 0.0, page.points[1])
    return compose(compose(unit_to_original, page.preparation.matrix()), to_points)


def _add_page(
    pdf: pikepdf.Pdf,
    page: ExportPage,
    image: pikepdf.Object,
    text: PageText | None,
    font: pikepdf.Object | None,
    drawing: PageDrawing | None = None,
) -> None:
    scale = page.points_per_pixel
    box_width, box_height = page.points
    resources = Dictionary(XObject=Dictionary(Im0=image))
    operations = [b"q", f"{_numbers(image_matrix(page), 6)} cm".encode(), b"/Im0 Do", b"Q"]
    if text is not None and font is not None and any(text.words()):
        resources.Font = Dictionary(F1=font)
        operations.extend(_text_operations(text, box_height / scale, scale))
    if drawing is not None:
        operations.extend([b"q", drawing.draw(pdf, resources), b"Q"])
    content = b"\n".join(operations) + b"\n"
    new_page = pdf.add_blank_page(page_size=(_round(box_width), _round(box_height)))
    new_page.obj.Resources = resources
    new_page.obj.Contents = _compressed(pdf, content)


def _add_drawn_page(pdf: pikepdf.Pdf, added: AddedPage) -> None:
    resources = Dictionary()
    content = b"q\n" + added.drawing.draw(pdf, resources) + b"\nQ\n"
    new_page = pdf.add_blank_page(page_size=(_round(added.size[0]), _round(added.size[1])))
    new_page.obj.Resources = resources
    new_page.obj.Contents = _compressed(pdf, content)


def _text_operations(text: PageText, page_height: float, scale: float) -> list[bytes]:
    """Invisible words, each stretched (Tz) to its box, on its line's baseline.

    Positions go in as `Td` steps computed from positions rounded to 1/100 pt, so rounding never
    adds up along a page."""
    operations = [b"BT", b"3 Tr"]
    x_last = y_last = 0
    size_last = tz_last = ""
    for line in text.lines():
        words = [word for word in line.words if word.text.strip()]
        top, bottom = _extent(words)
        for index, word in enumerate(words):
            baseline = _baseline(line, word)
            size_px = max((baseline - top) / _ASCENT, (bottom - baseline) / _DESCENT, 1.0)
            size = size_px * scale
            codes = _codes(word.text)
            tz = 100.0 * max(word.box.width, 1) * scale / (len(codes) * _GLYPH_ADVANCE * size)
            if index < len(words) - 1:
                codes.append(_SPACE)  # so that text extractors see a word break
            x = round(word.box.x0 * scale * 100)
            y = round((page_height - baseline) * scale * 100)
            size_text, tz_text = number_text(size, 2), number_text(tz, 1)
            if size_text != size_last:
                operations.append(f"/F1 {size_text} Tf".encode())
                size_last = size_text
            if tz_text != tz_last:
                operations.append(f"{tz_text} Tz".encode())
                tz_last = tz_text
            step = f"{number_text((x - x_last) / 100, 2)} {number_text((y - y_last) / 100, 2)} Td"
            operations.append(step.encode())
            operations.append(_literal(codes) + b"Tj")
            x_last, y_last = x, y
    operations.append(b"ET")
    return operations


def _literal(codes: list[int]) -> bytes:
    """A PDF literal string of the codes' UTF-16BE bytes: two bytes a character where hex
    would take four. Parentheses and backslashes are escaped, and a carriage return, which a
    reader would turn into a line feed."""
    data = b"".join(code.to_bytes(2, "big") for code in codes)
    escaped = data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + escaped.replace(b"\r", b"\\r") + b")"


def _extent(words: list[Word]) -> tuple[int, int]:
    """The top and bottom a line's glyphs span, so that its words share one size: the highest
    top of its words' boxes and their typical (median) bottom, leaving out a word more than 1.5
    times as tall as the line's typical word (a signature or seal read into the line). One deep
    box (a word that took in a mark of the line below) would otherwise make every word of the
    line tall enough to spill over the lines around it, and text extractors then read the
    lines as columns."""
    if not words:
        return 0, 0
    typical = statistics.median(word.box.height for word in words)
    kept = [word for word in words if word.box.height <= 1.5 * typical] or words
    return min(word.box.y0 for word in kept), round(statistics.median(w.box.y1 for w in kept))


def _baseline(line: Line, word: Word) -> float:
    """Where the line's baseline passes under the middle of `word`, in page pixels (y down);
    the bottom of the word's box when the line's baseline is not inside the line's box."""
    slope, offset = line.baseline
    middle = (word.box.x0 + word.box.x1) / 2.0
    y = line.box.y1 + offset + slope * (middle - line.box.x0)
    if line.box.y0 < y <= line.box.y1:
        return y
    return float(word.box.y1)


def _codes(text: str) -> list[int]:
    """The word as UTF-16 code units; the glyphless font maps only the BMP, so a character
    beyond it becomes U+FFFD (Vietnamese never needs one)."""
    return [
        ord(ch) if ord(ch) <= 0xFFFF and not 0xD800 <= ord(ch) <= 0xDFFF else _REPLACEMENT
        for ch in text
    ]


# --- images ------------------------------------------------------------------------------------


def _embed_image(pdf: pikepdf.Pdf, path: Path, keep_open: contextlib.ExitStack) -> pikepdf.Object:
    """The scan as an image XObject of `pdf`, with its compressed data as it is in the file."""
    if _needs_decoding(path):
        return _reencoded_image(pdf, path)
    data = path.read_bytes()
    try:
        wrapped = img2pdf.convert(
            data,
            rotation=img2pdf.Rotation.none,
            first_frame_only=True,
            nodate=True,
            # Only the image is taken from img2pdf's PDF: a fixed page keeps it from refusing
            # an image whose own resolution makes a page too small or too large.
            layout_fun=_any_page,
        )
    except _IMG2PDF_REFUSALS:
        return _reencoded_image(pdf, path)
    source = keep_open.enter_context(pikepdf.open(io.BytesIO(wrapped)))
    for image in source.pages[0].Resources.XObject.values():
        if _fits_pdfa(image):
            return pdf.copy_foreign(image)
    return _reencoded_image(pdf, path)


def _any_page(
    _width: int, _height: int, _ndpi: tuple[float, float]
) -> tuple[float, float, float, float]:
    return 100.0, 100.0, 100.0, 100.0


def _needs_decoding(path: Path) -> bool:
    """Whether the file's header already says PDF/A cannot take its data as it is (alpha, a
    transparent palette entry, CMYK); img2pdf would only build a soft mask or a DeviceCMYK
    image for us to throw away. Unreadable headers are left to img2pdf to judge."""
    try:
        with Image.open(path) as image:
            return image.mode in _DECODED_MODES or "transparency" in image.info
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return False


def _fits_pdfa(image: pikepdf.Object) -> bool:
    """Whether an image img2pdf made can stand in PDF/A-2 with an sRGB output intent."""
    if image.get(Name.Subtype) != Name.Image:
        return False
    if Name.SMask in image or Name.Mask in image or bool(image.get(Name.Interpolate, False)):
        return False
    filters = image.get(Name.Filter)
    names = list(filters) if isinstance(filters, Array) else [filters]
    if any(f is not None and f not in _PASSED_THROUGH_FILTERS for f in names):
        return False
    space = image.get(Name.ColorSpace)
    if isinstance(space, Array) and len(space) > 1 and space[0] == Name.Indexed:
        space = space[1]
    # DeviceCMYK needs a CMYK output intent; ours is sRGB.
    return space != Name.DeviceCMYK


def _reencoded_image(pdf: pikepdf.Pdf, path: Path) -> pikepdf.Object:
    """Decode with Pillow and store Flate: alpha is flattened onto white (PDF/A-2b files
    carry no transparency here), CMYK becomes RGB, 16-bit grey stays 16-bit."""
    try:
        with Image.open(path) as opened:
            opened.load()
            image = _flattened(opened)
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise CorruptImage(
            f"{path.name}: cannot be read for the PDF ({error}).", source=path
        ) from error
    if image.mode == "1":
        space, bits, raw = Name.DeviceGray, 1, image.tobytes()
    elif image.mode == "L":
        space, bits, raw = Name.DeviceGray, 8, image.tobytes()
    elif image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        samples = np.clip(np.asarray(image, dtype=np.int64), 0, 65535).astype(">u2")
        space, bits, raw = Name.DeviceGray, 16, samples.tobytes()
    else:
        space, bits, raw = Name.DeviceRGB, 8, image.convert("RGB").tobytes()
    stream = pikepdf.Stream(pdf, zlib.compress(raw, 6))
    stream.Type = Name.XObject
    stream.Subtype = Name.Image
    stream.Width = image.width
    stream.Height = image.height
    stream.ColorSpace = space
    stream.BitsPerComponent = bits
    stream.Filter = _FLATE
    return stream


def _flattened(image: Image.Image) -> Image.Image:
    if image.mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        flat = Image.alpha_composite(white, rgba)
        return flat.convert("L" if image.mode in ("LA", "La") else "RGB")
    if image.mode in ("1", "L", "RGB", "I;16", "I;16B", "I;16L", "I;16N", "I"):
        return image
    return image.convert("RGB")


# --- fonts, colour and metadata ----------------------------------------------------------------


def _glyphless_font(pdf: pikepdf.Pdf, codes: set[int]) -> pikepdf.Object:
    """The glyphless font, its ToUnicode map covering `codes` (the code units the text uses)."""
    program = (resources_path() / "fonts" / "glyphless.ttf").read_bytes()
    font_file = _compressed(pdf, program)
    font_file.Length1 = len(program)
    descriptor = pdf.make_indirect(
        Dictionary(
            Type=Name.FontDescriptor,
            FontName=Name("/" + FONT_NAME),
            Flags=5,  # fixed pitch, symbolic
            FontBBox=Array([0, 0, 500, 1000]),
            ItalicAngle=0,
            Ascent=round(_ASCENT * 1000),
            Descent=-round(_DESCENT * 1000),
            CapHeight=round(_ASCENT * 1000),
            StemV=80,
            FontFile2=font_file,
        )
    )
    width = round(_GLYPH_ADVANCE * 1000)
    cid_font = pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.CIDFontType2,
            BaseFont=Name("/" + FONT_NAME),
            CIDSystemInfo=Dictionary(
                Registry=String("Adobe"), Ordering=String("Identity"), Supplement=0
            ),
            FontDescriptor=descriptor,
            DW=width,
            W=Array([0, 0xFFFF, width]),
            CIDToGIDMap=_compressed(pdf, b"\x00\x01" * 0x10000),  # every CID → glyph 1
        )
    )
    return pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.Type0,
            BaseFont=Name("/" + FONT_NAME),
            Encoding=Name("/Identity-H"),
            DescendantFonts=Array([cid_font]),
            ToUnicode=_compressed(pdf, _to_unicode_cmap(codes)),
        )
    )


def _to_unicode_cmap(codes: set[int]) -> bytes:
    """Each 2-byte code to the same UTF-16 code unit, in whole rows of 256 codes for every row
    `codes` touches (a bfrange may vary only in its last byte)."""
    rows = sorted({code >> 8 for code in codes if not 0xD800 <= code <= 0xDFFF})
    ranges = [f"<{high:02X}00> <{high:02X}FF> <{high:02X}00>" for high in rows]
    return to_unicode_cmap("bfrange", ranges)


def _add_output_intent(pdf: pikepdf.Pdf) -> None:
    profile = _compressed(pdf, (resources_path() / "color" / "sRGB.icc").read_bytes())
    profile.N = 3
    intent = Dictionary(
        Type=Name.OutputIntent,
        S=Name.GTS_PDFA1,
        OutputConditionIdentifier=String(OUTPUT_CONDITION),
        Info=String(OUTPUT_CONDITION),
        RegistryName=String("http://www.color.org"),
        DestOutputProfile=profile,
    )
    pdf.Root.OutputIntents = Array([pdf.make_indirect(intent)])


def _add_metadata(pdf: pikepdf.Pdf, info: DocumentInfo) -> None:
    """XMP with the PDF/A identification; pikepdf copies the fields that have an Info
    dictionary counterpart there, so the two always agree."""
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
        meta["pdfaid:part"] = "2"
        meta["pdfaid:conformance"] = "B"
        if info.title:
            meta["dc:title"] = info.title
        if info.author:
            meta["dc:creator"] = [info.author]
        if info.subject:
            meta["dc:description"] = info.subject
        if info.keywords:
            meta["dc:subject"] = list(info.keywords)
            meta["pdf:Keywords"] = "; ".join(info.keywords)
        if info.language:
            meta["dc:language"] = [info.language]
        if info.identifier:
            meta["dc:identifier"] = info.identifier
        meta["pdf:Producer"] = SOFTWARE_NAME
        meta["xmp:CreatorTool"] = SOFTWARE_NAME
        created = info.created_iso
        if created is not None:
            meta["xmp:CreateDate"] = created
            meta["xmp:ModifyDate"] = created
    if info.language:
        pdf.Root.Lang = String(info.language)
    if info.title:
        pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)


# --- small helpers -----------------------------------------------------------------------------


def _compressed(pdf: pikepdf.Pdf, data: bytes) -> pikepdf.Stream:
    stream = pikepdf.Stream(pdf, zlib.compress(data, 9))
    stream.Filter = _FLATE
    return stream


def _numbers(values: Sequence[float], places: int) -> str:
    return " ".join(number_text(v, places) for v in values)


def _round(value: float) -> float:
    return round(value, 4)
