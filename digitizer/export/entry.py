"""The one way out of the library: every export — a document as a file, publishing, a guarded
internal copy — goes through `export`, whoever asks (the command line, the window).

It checks the order once (what each format takes), then applies the rule on secret documents
once, by the export's audience, before any format's code runs:

- PUBLIC (pdf, txt, hocr, alto) and PUBLISHING (epub, qr-pdf, labels, package, catalogue, sip):
  no document classified Mật or above, whether named or in a named collection, goes out;
- INTERNAL (internal-pdf): one document, a purpose and a number of copies; a secret one only
  with the vault opened for it (network check, key, audit entry), and every copy registered.

The exporters keep their own refusal too: a second line, should one ever be called directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from digitizer.errors import ExportOrderInvalid, UnknownFormat
from digitizer.export.collection import select
from digitizer.export.document import ExportResult, export_document
from digitizer.export.guard import refuse_secret
from digitizer.export.names import FORMATS, GUARDED_FORMATS, PUBLISH_FORMATS
from digitizer.export.qr import check_url_template
from digitizer.library import Library
from digitizer.model import Document

if TYPE_CHECKING:
    # Publishing (EPUB, packages, labels) and internal copies load when an order asks for
    # them: a PDF export need not start the EPUB writer.
    from digitizer.export.internal_copy import CopyResult
    from digitizer.export.publish import PublishOptions, PublishResult


class Audience(Enum):
    PUBLIC = "public"  # one document as a file
    PUBLISHING = "publishing"  # books, labels, packages for readers and archives
    INTERNAL = "internal"  # numbered, registered copies for use inside the office


def audience_of(fmt: str) -> Audience:
    if fmt in FORMATS:
        return Audience.PUBLIC
    if fmt in PUBLISH_FORMATS:
        return Audience.PUBLISHING
    if fmt in GUARDED_FORMATS:
        return Audience.INTERNAL
    known = ", ".join(FORMATS + PUBLISH_FORMATS + GUARDED_FORMATS)
    raise UnknownFormat(f"Unknown format {fmt!r}; choose one of {known}.")


@dataclass(frozen=True)
class ExportOrder:
    """What to export, as what, where."""

    fmt: str
    out: Path
    documents: tuple[str, ...] = ()
    collections: tuple[str, ...] = ()
    allow_unrecognised: bool = False
    publishing: PublishOptions | None = None
    copies: int = 1  # internal copies
    purpose: str = ""  # internal copies: why they are made (kept in the copy register)

    @property
    def audience(self) -> Audience:
        return audience_of(self.fmt)


ExportOutcome: TypeAlias = "ExportResult | PublishResult | CopyResult"
OpenSecret = Callable[[Library, Document, str], Document]
"""Opens a secret document for an action (network check, key, audit entry) and returns it
revealed; other documents as they are."""


def check_order(order: ExportOrder) -> None:
    """Refuse an order its format cannot take (ExportOrderInvalid), before anything is read."""
    audience = order.audience
    named = len(order.documents) + len(order.collections)
    if audience is Audience.PUBLIC or order.fmt in ("qr-pdf", *GUARDED_FORMATS):
        if len(order.documents) != 1 or order.collections:
            raise ExportOrderInvalid(f"{order.fmt} takes one document")
    elif order.fmt == "labels":
        if not named:
            raise ExportOrderInvalid("labels need documents or a collection")
    elif named != 1:
        raise ExportOrderInvalid(f"{order.fmt} takes one document or one collection")
    if audience is Audience.INTERNAL:
        if not order.purpose.strip():
            raise ExportOrderInvalid(
                f"{order.fmt} needs a purpose (kept in the copy register)", missing="purpose"
            )
        if order.copies < 1:
            raise ExportOrderInvalid(f"{order.fmt} needs at least one copy")
    if order.publishing is not None and order.publishing.url_template:
        check_url_template(order.publishing.url_template)


def export(library: Library, order: ExportOrder, open_secret: OpenSecret) -> ExportOutcome:
    """Carry out `order` (see the module's rules). An internal copy needs `library` opened for
    writing (the copy register)."""
    check_order(order)
    audience = order.audience
    if audience is Audience.INTERNAL:
        from digitizer.export.internal_copy import internal_copy

        document = open_secret(library, library.document(order.documents[0]), "internal copy")
        return internal_copy(library, document, order.out.absolute(), order.copies, order.purpose)
    refuse_secret(_documents(library, order), f"exporting as {order.fmt}")
    if audience is Audience.PUBLIC:
        return export_document(
            library,
            order.documents[0],
            order.fmt,
            order.out,
            allow_unrecognised=order.allow_unrecognised,
        )
    from digitizer.export.publish import PublishOptions, publish

    return publish(
        library,
        order.fmt,
        order.out,
        documents=order.documents,
        collections=order.collections,
        options=order.publishing or PublishOptions(allow_unrecognised=order.allow_unrecognised),
    )


def _documents(library: Library, order: ExportOrder) -> list[Document]:
    """Every document the order takes out: those named and those of the collections named."""
    documents = [library.document(reference) for reference in order.documents]
    for name in order.collections:
        documents.extend(select(library, collection=name).documents)
    return documents
