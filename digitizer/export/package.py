"""Archival packages: a zip holding one bag in BagIt 1.0 layout (RFC 8493).

```
<bag>/bagit.txt                 BagIt-Version: 1.0, UTF-8 tag files
<bag>/bag-info.txt              Payload-Oxum, the identifier, the title, the software
<bag>/manifest-sha256.txt       SHA-256 of every payload file
<bag>/tagmanifest-sha256.txt    SHA-256 of the tag files above
<bag>/data/…                    the payload
```

Everything that could vary between two runs is fixed: entries in sorted order, one timestamp
and mode for every entry, no bagging date (it is optional, and would change the bytes), JSON with
sorted keys. With byte-identical payload files (the PDF/A and EPUB writers are), the same
document always gives the same package.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from vietnamese.normalize import nfc

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"


@dataclass(frozen=True)
class DublinCore:
    """A simple Dublin Core record (the fifteen elements, those we know)."""

    identifier: Sequence[str]
    title: str
    creator: Sequence[str] = ()
    subject: Sequence[str] = ()
    description: str = ""
    publisher: str = ""
    date: str = ""
    type: str = ""
    format: Sequence[str] = ()
    language: str = "vi"
    relation: str = ""
    rights: str = ""
    source: str = ""

    def xml(self) -> bytes:
        """The record as OAI-PMH `oai_dc` XML, UTF-8."""
        elements: list[tuple[str, str]] = [("title", self.title)]
        elements += [("creator", c) for c in self.creator]
        elements += [("subject", s) for s in self.subject]
        elements += [
            ("description", self.description),
            ("publisher", self.publisher),
            ("date", self.date),
            ("type", self.type),
        ]
        elements += [("format", f) for f in self.format]
        elements += [("identifier", i) for i in self.identifier]
        elements += [
            ("source", self.source),
            ("language", self.language),
            ("relation", self.relation),
            ("rights", self.rights),
        ]
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<oai_dc:dc xmlns:oai_dc="{OAI_DC}" xmlns:dc="{DC}" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            f'xsi:schemaLocation="{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd">',
        ]
        lines += [
            f"  <dc:{name}>{escape(nfc(value))}</dc:{name}>" for name, value in elements if value
        ]
        lines.append("</oai_dc:dc>")
        return ("\n".join(lines) + "\n").encode("utf-8")


def bag_zip(
    name: str, payload: Sequence[tuple[str, bytes]], info: Sequence[tuple[str, str]]
) -> bytes:
    """A zip of the bag `name` holding `payload` (paths under `data/`, `/`-separated) and the
    bag-info fields `info` (Payload-Oxum is added)."""
    files = sorted(payload)
    if len({path for path, _ in files}) != len(files):
        raise ValueError("two payload files with one name")
    manifest = "".join(
        f"{hashlib.sha256(data).hexdigest()}  data/{path}\n" for path, data in files
    ).encode("utf-8")
    octets = sum(len(data) for _, data in files)
    fields = [("Payload-Oxum", f"{octets}.{len(files)}"), *info]
    bag_info = "".join(f"{key}: {' '.join(nfc(value).split())}\n" for key, value in fields if value)
    tags = [
        ("bag-info.txt", bag_info.encode("utf-8")),
        ("bagit.txt", b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"),
        ("manifest-sha256.txt", manifest),
    ]
    tag_manifest = "".join(
        f"{hashlib.sha256(data).hexdigest()}  {path}\n" for path, data in tags
    ).encode("utf-8")
    entries = [*tags, ("tagmanifest-sha256.txt", tag_manifest)]
    entries += [(f"data/{path}", data) for path, data in files]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, data in entries:
            entry = zipfile.ZipInfo(f"{name}/{path}", date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o100644 << 16
            archive.writestr(entry, data, compresslevel=6)
    return buffer.getvalue()
