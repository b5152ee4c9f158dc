"""Visible text in the PDFs we draw (QR stamps, back covers, label sheets): a TrueType font
embedded as a subset, so that the text prints crisply, reads in Vietnamese, and can be selected
and searched.

DejaVu Sans (Debian's `fonts-dejavu-core`) covers every precomposed Vietnamese letter. The font
goes in as a Type 0 font over a CIDFontType2 with Identity-H encoding and CID = glyph id, the
way PDF/A-2 wants an embedded TrueType font: the program is a subset made with fontTools that
keeps the glyph ids (so no CIDToGIDMap table is needed), the `W` array gives each used glyph its
advance from the font's own `hmtx`, and a ToUnicode map sends each glyph back to its character.
The subset's tag is derived from the glyphs it holds, so the same text gives the same bytes.

Use: lay out all the text first (`encode`, `width`), then call `pdf_object(pdf)` while writing;
the subset is made then, from every glyph that was encoded, and the font refuses new text after.
"""

from __future__ import annotations

import functools
import hashlib
import io
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from digitizer.errors import MissingTool
from vietnamese.normalize import nfc

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
SANS = DEJAVU / "DejaVuSans.ttf"
SANS_BOLD = DEJAVU / "DejaVuSans-Bold.ttf"


class EmbeddedFont:
    """One TrueType font, embedded as a subset of the glyphs the text laid out with it uses."""

    def __init__(self, path: Path = SANS) -> None:
        if not path.is_file():
            raise MissingTool(
                f"The font {path} is missing; install the Debian package fonts-dejavu-core "
                "(`make setup`)."
            )
        self.path = path
        # Imported here: fontTools takes about half a second to import, and the searchable
        # PDF's invisible text layer, what most exports draw, needs no font program.
        from fontTools.ttLib import TTFont

        self._font = TTFont(str(path), recalcTimestamp=False, lazy=False)
        self._cmap: dict[int, str] = self._font.getBestCmap()
        self._units = float(self._font["head"].unitsPerEm)
        self._hmtx = self._font["hmtx"]
        self._notdef = 0
        self._used: dict[int, str] = {}  # glyph id → the character it shows
        self._objects: dict[int, pikepdf.Object] = {}  # id(pdf) → its font dictionary
        self.name = str(self._font["name"].getDebugName(6) or path.stem).replace(" ", "")

    # --- laying out ----------------------------------------------------------------------------

    def glyphs(self, text: str) -> list[int]:
        """The glyph ids that draw `text` (NFC); a character the font lacks draws as .notdef."""
        result = []
        for character in nfc(text):
            name = self._cmap.get(ord(character))
            result.append(self._font.getGlyphID(name) if name is not None else self._notdef)
        return result

    def width(self, text: str, size: float) -> float:
        """How wide `text` is at `size` points, in points."""
        return sum(self._advance(gid) for gid in self.glyphs(text)) * size / 1000.0

    def encode(self, text: str) -> bytes:
        """`text` as a PDF hex string operand (`<…>`) for `Tj`, noting its glyphs for the
        subset."""
        if self._objects:
            raise RuntimeError("text laid out after the font was embedded would be missing")
        gids = self.glyphs(text)
        for gid, character in zip(gids, nfc(text), strict=True):
            if gid != self._notdef:
                self._used.setdefault(gid, character)
        return b"<" + "".join(f"{gid:04X}" for gid in gids).encode("ascii") + b">"

    def fit(self, text: str, size: float, width: float) -> str:
        """`text` cut (with an ellipsis) to fit in `width` points at `size`."""
        text = " ".join(nfc(text).split())
        if self.width(text, size) <= width:
            return text
        while text and self.width(text + "…", size) > width:
            text = text[:-1]
        return text.rstrip() + "…" if text else ""

    def wrap(self, text: str, size: float, width: float, max_lines: int) -> list[str]:
        """`text` broken at spaces into at most `max_lines` lines no wider than `width`; the
        last line ends in an ellipsis when text is left over."""
        words = nfc(text).split()
        lines: list[str] = []
        while words and len(lines) < max_lines:
            line = words.pop(0)
            while words and self.width(line + " " + words[0], size) <= width:
                line += " " + words.pop(0)
            lines.append(self.fit(line, size, width))
        if words and lines:
            lines[-1] = self.fit(lines[-1] + " " + " ".join(words), size, width)
            if not lines[-1].endswith("…"):
                lines[-1] = self.fit(lines[-1] + " …", size, width)
        return lines

    def _advance(self, gid: int) -> int:
        name = self._font.getGlyphName(gid)
        advance, _ = self._hmtx[name]
        return round(float(advance) * 1000.0 / self._units)

    # --- embedding -----------------------------------------------------------------------------

    def pdf_object(self, pdf: pikepdf.Pdf) -> pikepdf.Object:
        """The font's Type 0 dictionary in `pdf`, made (once per PDF) from the glyphs used."""
        existing = self._objects.get(id(pdf))
        if existing is not None:
            return existing
        gids = sorted(self._used)
        program = self._subset(gids)
        tag = _subset_tag(self.name, gids)
        base = Name("/" + tag + "+" + self.name)
        font_file = pikepdf.Stream(pdf, zlib.compress(program, 9))
        font_file.Filter = Name.FlateDecode
        font_file.Length1 = len(program)
        head = self._font["head"]
        scale = 1000.0 / self._units
        os2 = self._font["OS/2"]
        descriptor = pdf.make_indirect(
            Dictionary(
                Type=Name.FontDescriptor,
                FontName=base,
                Flags=32,  # non-symbolic
                FontBBox=Array(
                    [
                        round(head.xMin * scale),
                        round(head.yMin * scale),
                        round(head.xMax * scale),
                        round(head.yMax * scale),
                    ]
                ),
                ItalicAngle=0,
                Ascent=round(self._font["hhea"].ascent * scale),
                Descent=round(self._font["hhea"].descent * scale),
                CapHeight=round(getattr(os2, "sCapHeight", 0) * scale or 730),
                StemV=80,
                FontFile2=font_file,
            )
        )
        widths: list[object] = []
        for gid in gids:
            widths.extend([gid, Array([self._advance(gid)])])
        cid_font = pdf.make_indirect(
            Dictionary(
                Type=Name.Font,
                Subtype=Name.CIDFontType2,
                BaseFont=base,
                CIDSystemInfo=Dictionary(
                    Registry=String("Adobe"), Ordering=String("Identity"), Supplement=0
                ),
                FontDescriptor=descriptor,
                DW=1000,
                W=Array(widths),
                CIDToGIDMap=Name.Identity,
            )
        )
        to_unicode = pikepdf.Stream(pdf, zlib.compress(self._to_unicode(gids), 9))
        to_unicode.Filter = Name.FlateDecode
        font = pdf.make_indirect(
            Dictionary(
                Type=Name.Font,
                Subtype=Name.Type0,
                BaseFont=base,
                Encoding=Name("/Identity-H"),
                DescendantFonts=Array([cid_font]),
                ToUnicode=to_unicode,
            )
        )
        self._objects[id(pdf)] = font
        return font

    def _subset(self, gids: list[int]) -> bytes:
        return _subset_program(self.path, tuple(gids))

    def _to_unicode(self, gids: list[int]) -> bytes:
        entries = [f"<{gid:04X}> <{ord(self._used[gid]):04X}>" for gid in gids]
        return to_unicode_cmap("bfchar", entries)


@functools.lru_cache(maxsize=16)
def _subset_program(path: Path, gids: tuple[int, ...]) -> bytes:
    """The font program holding only `gids` (and .notdef). Subsetting takes about a second, so
    PDFs that use the same glyphs (numbered copies of one document) share one."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.retain_gids = True  # CID = glyph id in the subset too
    options.notdef_outline = True
    options.hinting = False
    options.layout_features = []
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]  # copyright, names, version: the licence asks
    options.recalc_timestamp = False
    options.drop_tables = [*options.drop_tables, "FFTM", "MATH"]
    font = TTFont(str(path), recalcTimestamp=False, lazy=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(gids=[0, *gids])
    subsetter.subset(font)
    for table in ("GSUB", "GPOS", "GDEF", "MATH", "kern", "FFTM"):
        if table in font:
            del font[table]
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def to_unicode_cmap(kind: Literal["bfchar", "bfrange"], entries: Sequence[str]) -> bytes:
    """A ToUnicode CMap (Adobe-Identity-UCS, 2-byte codes) made of `entries`, the lines of its
    `kind` blocks: `<code> <unicode>` for bfchar, `<first> <last> <unicode>` for bfrange. They go
    in blocks of 100 at most, as the CMap format allows. Also used by `pdfa` for its glyphless
    font."""
    blocks = []
    for start in range(0, len(entries), 100):
        chunk = entries[start : start + 100]
        blocks.append(f"{len(chunk)} begin{kind}\n" + "\n".join(chunk) + f"\nend{kind}")
    return (
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + "\n".join(blocks)
        + "\nendcmap\n"
        "CMapName currentdict /CMap defineresource pop\n"
        "end\n"
        "end\n"
    ).encode("ascii")


def _subset_tag(name: str, gids: list[int]) -> str:
    """Six capital letters that name this subset, the same for the same glyphs."""
    digest = hashlib.sha256((name + ":" + ",".join(map(str, gids))).encode()).digest()
    return "".join(chr(ord("A") + byte % 26) for byte in digest[:6])
