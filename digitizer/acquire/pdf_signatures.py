"""Digital signatures of a PDF as the file states them: who signed, when, why, where, and
whether the signed bytes are the whole file. Certificates are not validated: this tells an
archivist what the document claims, for the record.

State documents arrive signed (VGCA and others) with the signer's name often only in the
certificate, so that name is taken from the signature's CMS data when /Name is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pikepdf
from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID

_MAX_FIELDS = 1000  # a bound on a hostile file's field tree


@dataclass(frozen=True)
class PdfSignature:
    field: str
    signer: str
    signed_at: str
    reason: str
    location: str
    sub_filter: str
    covers_whole_file: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "signer": self.signer,
            "signed_at": self.signed_at,
            "reason": self.reason,
            "location": self.location,
            "sub_filter": self.sub_filter,
            "covers_whole_file": self.covers_whole_file,
        }


def read_signatures(path: Path, password: str | None = None) -> list[PdfSignature]:
    """The signed signature fields of the PDF at `path`, in field order; [] when it has none or
    its form cannot be read (the import goes on: a signature is a note, not the document)."""
    size = path.stat().st_size
    try:
        with pikepdf.open(path, password=password or "") as pdf:
            form = pdf.Root.get("/AcroForm")
            if not isinstance(form, pikepdf.Dictionary):
                return []
            found = []
            for name, value in _signature_values(form.get("/Fields", pikepdf.Array())):
                found.append(_signature(name, value, size))
            return found
    except (pikepdf.PdfError, pikepdf.DataDecodingError, ValueError, KeyError, TypeError):
        return []


def _signature_values(fields: object) -> list[tuple[str, pikepdf.Dictionary]]:
    found: list[tuple[str, pikepdf.Dictionary]] = []
    stack: list[tuple[object, str]] = [(field, "") for field in reversed(list(_items(fields)))]
    seen = 0
    while stack and seen < _MAX_FIELDS:
        field, parent = stack.pop()
        seen += 1
        if not isinstance(field, pikepdf.Dictionary):
            continue
        name = str(field.get("/T", ""))
        full = f"{parent}.{name}" if parent and name else (name or parent)
        value = field.get("/V")
        kind = field.get("/FT")
        if kind == "/Sig" and isinstance(value, pikepdf.Dictionary):
            found.append((full, value))
        stack.extend((kid, full) for kid in reversed(list(_items(field.get("/Kids")))))
    return found


def _items(value: object) -> list[object]:
    return list(value) if isinstance(value, pikepdf.Array) else []


def _text(value: object) -> str:
    return str(value) if isinstance(value, pikepdf.String) else ""


def _signature(field: str, value: pikepdf.Dictionary, size: int) -> PdfSignature:
    contents = value.get("/Contents")
    der = bytes(contents) if isinstance(contents, pikepdf.String) else b""
    return PdfSignature(
        field=field,
        signer=_text(value.get("/Name")) or _certificate_name(der),
        signed_at=_pdf_date(_text(value.get("/M"))),
        reason=_text(value.get("/Reason")),
        location=_text(value.get("/Location")),
        sub_filter=str(value.get("/SubFilter", "")).lstrip("/"),
        covers_whole_file=_covers(value.get("/ByteRange"), size),
    )


def _covers(byte_range: object, size: int) -> bool:
    """[0 a b c]: from the first byte, around the signature's own hole, to the last byte."""
    try:
        numbers: list[int] = [int(str(n)) for n in _items(byte_range)]
    except (TypeError, ValueError):
        return False
    if len(numbers) != 4:
        return False
    start, first, second, length = numbers
    return start == 0 and first < second and second + length == size


def _certificate_name(der: bytes) -> str:
    """The common name of the first certificate in the signature's CMS data ('' if none)."""
    der = _trimmed(der)
    if not der:
        return ""
    try:
        certificates = pkcs7.load_der_pkcs7_certificates(der)
    except ValueError:
        return ""
    for certificate in certificates:
        names = _common_names(certificate)
        if names:
            return names
    return ""


def _common_names(certificate: x509.Certificate) -> str:
    values = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return ", ".join(str(value.value) for value in values)


def _trimmed(der: bytes) -> bytes:
    """The DER object at the start of `der`, without the zero padding a PDF reserves."""
    if len(der) < 2 or der[0] != 0x30:
        return b""
    length = der[1]
    if length < 0x80:
        return der[: 2 + length]
    count = length & 0x7F
    if count == 0 or count > 4 or len(der) < 2 + count:
        return b""
    body = int.from_bytes(der[2 : 2 + count], "big")
    return der[: 2 + count + body]


_PDF_DATE = re.compile(
    r"^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+\-])(\d{2})?'?(\d{2})?'?)?"
)


def _pdf_date(text: str) -> str:
    """A PDF date (D:YYYYMMDDHHmmSS+HH'mm') as ISO 8601; as written when it does not read."""
    match = _PDF_DATE.match(text.strip())
    if not match:
        return text
    year, month, day, hour, minute, second, sign, tz_hour, tz_minute = match.groups()
    try:
        zone = None
        if sign in ("Z", "z"):
            zone = UTC
        elif sign:
            offset = timedelta(hours=int(tz_hour or 0), minutes=int(tz_minute or 0))
            zone = timezone(offset if sign == "+" else -offset)
        moment = datetime(
            int(year),
            int(month or 1),
            int(day or 1),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            tzinfo=zone,
        )
    except ValueError:
        return text
    return moment.isoformat()
