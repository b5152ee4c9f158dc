"""What a publication is made from: the documents selected (one, or a whole collection), the
text to publish of their pages, and the checks every public export makes first.

`pages_to_publish` is the one place that says which text goes out: today the current OCR text
of each page; when people can correct the text, their corrected layer slots in here and every
EPUB, package and text file follows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from digitizer.errors import CollectionNotFound, NotRecognised
from digitizer.export.document import export_pages
from digitizer.export.model import ExportPage
from digitizer.library import Library
from digitizer.model import Collection, Document

"""The library setting naming the publisher of e-books and packages (e.g. the archive)."""


@dataclass(frozen=True)
class Selection:
    """The documents an export covers, in order, and the collection when it is one."""

    documents: tuple[Document, ...]
    collection: Collection | None = None

    @property
    def title(self) -> str:
        if self.collection is not None:
            return self.collection.name
        document = self.documents[0]
        return document.metadata.title or document.id

    @property
    def key(self) -> str:
        """What the book's stable identifier is made from."""
        if self.collection is not None:
            return f"collection:{self.collection.name}"
        return f"document:{self.documents[0].id}"


def pages_to_publish(library: Library, document_id: str) -> list[ExportPage]:
    """The document's pages with the text to publish: the current OCR text of each page
    (None on a page not recognised yet)."""
    return export_pages(library, document_id)


def select(
    library: Library, reference: str | None = None, collection: str | None = None
) -> Selection:
    """One document (by id or prefix), or every document of the collection called
    `collection`, in the collection's order."""
    if (reference is None) == (collection is None):
        raise ValueError("name a document or a collection, not both")
    if reference is not None:
        return Selection((library.document(reference),))
    found = next((c for c in library.collections() if c.name == collection), None)
    if found is None:
        names = ", ".join(repr(c.name) for c in library.collections()) or "none yet"
        raise CollectionNotFound(f"No collection called {collection!r} (collections: {names}).")
    if not found.document_ids:
        raise CollectionNotFound(f"The collection {collection!r} holds no documents.")
    return Selection(tuple(library.document(i) for i in found.document_ids), found)


def require_text(library: Library, documents: Sequence[Document]) -> None:
    """Refuse when a page of the documents has no OCR text yet."""
    for document in documents:
        texts = library.page_texts(document.id)
        missing = [p.number for p in library.pages(document.id) if p.number not in texts]
        if missing:
            listed = ", ".join(map(str, missing[:10])) + (" …" if len(missing) > 10 else "")
            raise NotRecognised(
                f"Document {document.id} has {len(missing)} page(s) without OCR text "
                f"({listed}). Run `digitizer ocr {document.id}` first."
            )


def content_modified(library: Library, documents: Sequence[Document]) -> str:
    """When the documents' content last changed (imported or recognised), as
    `YYYY-MM-DDThh:mm:ssZ`: the same until the content changes, so exports stay
    byte-identical."""
    stamps = [d.created_at for d in documents if d.created_at]
    for document in documents:
        rows = library.rows(
            "SELECT max(t.created_at) FROM page_texts t JOIN pages p ON p.id = t.page_id "
            "WHERE p.document_id = ?",
            (document.id,),
        )
        if rows and rows[0][0]:
            stamps.append(str(rows[0][0]))
    moments = [datetime.fromisoformat(stamp) for stamp in stamps]
    latest = max(moments) if moments else datetime(2000, 1, 1, tzinfo=UTC)
    if latest.tzinfo is None:
        latest = latest.replace(tzinfo=UTC)
    return latest.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
