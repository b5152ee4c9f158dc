"""Names the command line and the window need before any exporter is loaded: the formats, the QR
placements and the library settings that exports read. Importing this module is cheap."""

from __future__ import annotations

FORMATS = ("pdf", "txt", "hocr", "alto")
"""Exports of one document."""

PUBLISH_FORMATS = ("epub", "qr-pdf", "labels", "package", "catalogue", "sip")
"""Publishing exports of documents or collections."""

GUARDED_FORMATS = ("internal-pdf",)
"""Internal copies: banner and copy mark on every page, written to the copy register."""

QR_PLACEMENTS = ("cover", "back", "footer")

URL_TEMPLATE_SETTING = "qr.url_template"
"""Library setting: the link put in the QR code of PUBLIC documents, with {id} for the id."""

PUBLISHER_SETTING = "publish.publisher"
"""Library setting: the publisher named in e-books and packages."""
