"""What every document export takes in: the pages (original scan, preparation, OCR words) and the
document's description.

All exports place text in the prepared page's pixels — the upright, levelled (and cropped) page
that `Preparation.output_size` describes — whatever frame the original scan is in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from digitizer.model import Metadata
from ocr.geometry import Preparation
from ocr.words import PageText
from vietnamese.normalize import nfc

SOFTWARE_NAME = "Digitizer"


# PDF readers take page sides from 3 to 14,400 units (ISO 32000-1, annex C).
_SMALLEST_SIDE, _LARGEST_SIDE = 3.0, 14_400.0


@dataclass(frozen=True)
class ExportPage:
    """One page to export."""

    image_path: Path
    """The original scan file as stored (JPEG, PNG or TIFF, including 1-bit CCITT G4)."""
    dpi: int
    """The original's resolution; the prepared page has the same."""
    preparation: Preparation
    """How the original becomes the upright page (may be the identity)."""
    text: PageText | None = None
    """The recognised words in prepared-page pixels, or None when the page has no OCR yet."""

    def __post_init__(self) -> None:
        if self.dpi <= 0:
            raise ValueError(f"{self.image_path.name}: resolution must be positive, not {self.dpi}")

    @property
    def size(self) -> tuple[int, int]:
        """The prepared page in pixels."""
        return self.preparation.output_size

    @property
    def points_per_pixel(self) -> float:
        """The scale from the page's pixels to PDF points: its resolution, unless that would
        make a side longer than a reader takes (a strip 65,000 pixels long): then smaller."""
        return min(72.0 / self.dpi, _LARGEST_SIDE / max(*self.size, 1))

    @property
    def points(self) -> tuple[float, float]:
        """The page's size in PDF points; a page too small for a reader (a 1 × 1 image) gets a
        margin below and to the right of the image."""
        scale = self.points_per_pixel
        width, height = self.size
        return max(width * scale, _SMALLEST_SIDE), max(height * scale, _SMALLEST_SIDE)

    def words_text(self) -> PageText | None:
        """The page text in the prepared page's pixels.

        OCR normally ran on the prepared page itself; if it ran on a copy of another size, its
        boxes are scaled to the prepared page so that every export agrees with the image.
        """
        text = self.text
        if text is None:
            return None
        width, height = self.size
        if (text.width, text.height) == (width, height) or text.width <= 0 or text.height <= 0:
            return text
        return text.scaled(width / text.width, height / text.height, width, height, self.dpi)


@dataclass(frozen=True)
class DocumentInfo:
    """The document's description, as it goes into the metadata of every export."""

    title: str = ""
    author: str = ""
    """The author or issuing body (cơ quan ban hành)."""
    subject: str = ""
    """Subject or abstract."""
    keywords: Sequence[str] = field(default=())
    language: str = "vi"
    """BCP 47 language tag of the text."""
    created: date | datetime | None = None
    """When the document was made; also the export's creation date, so that the same inputs
    always give the same bytes. None leaves the dates out."""
    identifier: str = ""
    """The archival identifier, e.g. the number and symbol (số và ký hiệu) or a catalogue id."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", nfc(self.title))
        object.__setattr__(self, "author", nfc(self.author))
        object.__setattr__(self, "subject", nfc(self.subject))
        object.__setattr__(self, "identifier", nfc(self.identifier))
        object.__setattr__(
            self, "keywords", tuple(nfc(k).strip() for k in self.keywords if k.strip())
        )

    @classmethod
    def from_metadata(cls, metadata: Metadata, identifier: str = "") -> DocumentInfo:
        """The description of a catalogued document."""
        return cls(
            title=metadata.title,
            author=metadata.issuing_body,
            subject=metadata.abstract,
            keywords=metadata.keywords,
            language=metadata.language or "vi",
            created=metadata.issued_on,
            identifier=identifier or metadata.number_symbol,
        )

    @property
    def created_iso(self) -> str | None:
        """`created` in ISO 8601 (XMP's date form), seconds at most."""
        if self.created is None:
            return None
        if isinstance(self.created, datetime):
            return self.created.replace(microsecond=0).isoformat()
        return self.created.isoformat()


def language_tag(code: str, default: str = "") -> str:
    """A BCP 47 tag for a language name as Tesseract gives it (`vie` → `vi`)."""
    code = code.strip()
    return _TESSERACT_LANGUAGES.get(code, code) if code else default


def number_text(value: float, places: int) -> str:
    """`value` with at most `places` decimals and no trailing zeros (never `-0`)."""
    text = f"{value:.{places}f}".rstrip("0").rstrip(".") if places > 0 else f"{value:.0f}"
    return "0" if text in ("", "-0") else text


_TESSERACT_LANGUAGES = {"vie": "vi", "eng": "en", "fra": "fr", "rus": "ru", "chi_sim": "zh-Hans"}
