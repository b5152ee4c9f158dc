"""QR codes for documents: what they carry, and the matrix of modules to draw.

A document's code carries its permanent identifier (the id the command line prints). For a
document classified PUBLIC, and only then, it carries instead a link made from the library's URL
template (`https://example.gov.vn/tai-lieu/{id}`), which holds the identifier too. Codes use
error correction M and are drawn with a quiet zone of four modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import qrcode
from qrcode.constants import ERROR_CORRECT_M

from digitizer.errors import InvalidUrlTemplate
from digitizer.model import Classification

"""The library setting that holds the URL template (`digitizer settings set qr.url_template …`)."""
QUIET_ZONE = 4
"""Modules of white around the code, as ISO/IEC 18004 asks."""
MIN_SIDE_MM = 20.0
"""No code is drawn narrower than this."""

_TEMPLATE_FIELD = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class QrCode:
    """The payload and its modules (True is dark), without the quiet zone."""

    payload: str
    modules: tuple[tuple[bool, ...], ...]

    @property
    def size(self) -> int:
        """Modules along one side."""
        return len(self.modules)

    @property
    def size_with_quiet_zone(self) -> int:
        return self.size + 2 * QUIET_ZONE


def qr_code(payload: str) -> QrCode:
    """The smallest QR code (error correction M) that holds `payload` as UTF-8."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(payload.encode("utf-8"))
    code.make(fit=True)
    matrix = code.get_matrix()
    return QrCode(payload, tuple(tuple(bool(cell) for cell in row) for row in matrix))


def check_url_template(template: str) -> str:
    """`template`, stripped, if it is an http(s) URL with one `{id}` field and no other."""
    template = template.strip()
    fields = _TEMPLATE_FIELD.findall(template)
    if not re.match(r"^https?://[^\s/{}]+", template) or fields != ["id"] or " " in template:
        raise InvalidUrlTemplate(
            f"The URL template {template!r} must be an http:// or https:// address with one "
            "{id} where the document id goes, e.g. https://example.gov.vn/tai-lieu/{id}."
        )
    return template


def document_payload(document_id: str, classification: Classification, template: str) -> str:
    """What a document's QR code carries: the link for a PUBLIC document when there is a
    template, otherwise the document id alone."""
    if template and classification is Classification.PUBLIC:
        return check_url_template(template).replace("{id}", document_id)
    return document_id
