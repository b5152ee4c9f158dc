"""The domain model: collections, documents, pages and their archival description.

These are plain values read from the catalogue; changing the library goes through
`digitizer.library.Library`, never through these objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any


class Classification(Enum):
    """Security classification of a document, lowest to highest."""

    PUBLIC = "PUBLIC"
    INTERNAL = "INTERNAL"
    SECRET = "SECRET"
    TOP_SECRET = "TOP_SECRET"
    ULTRA_SECRET = "ULTRA_SECRET"

    @property
    def rank(self) -> int:
        return list(Classification).index(self)

    @property
    def vietnamese_name(self) -> str:
        return _VIETNAMESE_NAMES[self]

    @property
    def is_secret(self) -> bool:
        """True for the state-secret levels (Mật and above), which belong in the vault."""
        return self.rank >= Classification.SECRET.rank

    @classmethod
    def parse(cls, text: str) -> Classification:
        """Accept the English code (`secret`, `TOP_SECRET`) or the Vietnamese name (`Tối mật`)."""
        wanted = text.strip().upper().replace("-", "_").replace(" ", "_")
        for level in cls:
            if wanted == level.value or text.strip().lower() == level.vietnamese_name.lower():
                return level
        names = ", ".join(level.value for level in cls)
        raise ValueError(f"unknown classification {text!r}; expected one of {names}")


_VIETNAMESE_NAMES = {
    Classification.PUBLIC: "Công khai",
    Classification.INTERNAL: "Lưu hành nội bộ",
    Classification.SECRET: "Mật",
    Classification.TOP_SECRET: "Tối mật",
    Classification.ULTRA_SECRET: "Tuyệt mật",
}


class ImportState(Enum):
    """Whether all pages of a document have been taken in."""

    IMPORTING = "importing"  # cut off part-way; importing the same source again completes it
    COMPLETE = "complete"


@dataclass(frozen=True)
class Metadata:
    """The archival description of a document (fields of an archival record)."""

    title: str = ""
    document_type: str = ""  # e.g. Nghị quyết, Chỉ thị, Báo cáo, Sách
    number_symbol: str = ""  # số và ký hiệu, e.g. 24-NQ/TU
    issuing_body: str = ""  # cơ quan ban hành
    issued_on: date | None = None
    abstract: str = ""
    keywords: tuple[str, ...] = ()
    language: str = "vi"

    def as_json(self) -> dict[str, Any]:
        """The record as plain JSON values (the date as YYYY-MM-DD), field names as here."""
        return {
            "title": self.title,
            "document_type": self.document_type,
            "number_symbol": self.number_symbol,
            "issuing_body": self.issuing_body,
            "issued_on": self.issued_on.isoformat() if self.issued_on else None,
            "abstract": self.abstract,
            "keywords": list(self.keywords),
            "language": self.language,
        }


@dataclass(frozen=True)
class Source:
    """An original file as it was imported: stored byte-exact under its SHA-256."""

    sha256: str
    name: str  # the file's name at import time
    media_type: str
    size: int
    page_count: int
    has_text_layer: bool = False  # a PDF that already carries text


@dataclass(frozen=True)
class Page:
    """One image of one side of a sheet."""

    id: int
    document_id: str
    number: int  # 1-based position in the document
    image_sha256: str  # the page image; equal to the source's hash for single-image files
    media_type: str
    width: int  # pixels
    height: int
    dpi: float | None  # None when the file did not say; see `effective_dpi`
    source_sha256: str
    source_page: int  # 1-based page or frame inside the source
    has_text_layer: bool = False

    ASSUMED_DPI = 300.0
    # What a scanner or camera can mean: a file saying 0, 1 or a billion dpi says nothing.
    SANE_DPI = (20.0, 9600.0)

    @property
    def effective_dpi(self) -> float:
        """The resolution to compute physical sizes with: the recorded one when it is one a
        scanner could mean, else 300 dpi. The recorded value (`dpi`) is kept as the file said."""
        low, high = self.SANE_DPI
        return self.dpi if self.dpi and low <= self.dpi <= high else self.ASSUMED_DPI


@dataclass(frozen=True)
class Document:
    """One record: a resolution, a letter, a book."""

    id: str
    metadata: Metadata
    classification: Classification
    state: ImportState
    page_count: int
    collection_id: int | None = None
    sources: tuple[Source, ...] = ()
    created_at: str = ""

    @property
    def has_text_layer(self) -> bool:
        return any(source.has_text_layer for source in self.sources)


@dataclass(frozen=True)
class Collection:
    """A dossier (hồ sơ) or a book: an ordered set of documents."""

    id: int
    name: str
    code: str = ""
    document_ids: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class PageTextRecord:
    """A page's current OCR result as the catalogue holds it; the word model is an object."""

    page_id: int
    page_number: int
    settings_key: str
    preparation: dict[str, Any]
    prepared_sha256: str | None  # None: the original is already upright and level
    words_sha256: str
    text: str
    word_count: int
    mean_confidence: float | None
    seconds: float
