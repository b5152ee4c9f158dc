"""Sealed records: the archival description and original file names of a secret document,
encrypted under the vault's key and kept in the catalogue (`sealed_records`), bound to the
document's id. A document with a record is *sealed*; see `digitizer.security.sealing`.
"""

from __future__ import annotations

import base64
import json
import sqlite3
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from digitizer.errors import DigitizerError, VaultDamaged
from digitizer.library import Library
from digitizer.library.library import IN_SECRET, utc_now
from digitizer.model import Document, Metadata
from ocr.words import PageText


@dataclass(frozen=True)
class SealedRecord:
    """What a sealed document's catalogue rows no longer say."""

    metadata: Metadata
    source_names: dict[str, str]  # original's catalogue (keyed) name → its file name at import

    def to_bytes(self) -> bytes:
        value = {"metadata": self.metadata.as_json(), "sources": self.source_names}
        return json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> SealedRecord:
        value = json.loads(data)
        return cls(metadata_from_json(value["metadata"]), dict(value["sources"]))


def metadata_from_json(value: dict[str, Any]) -> Metadata:
    issued = value.get("issued_on")
    return Metadata(
        title=str(value.get("title", "")),
        document_type=str(value.get("document_type", "")),
        number_symbol=str(value.get("number_symbol", "")),
        issuing_body=str(value.get("issuing_body", "")),
        issued_on=date.fromisoformat(issued) if issued else None,
        abstract=str(value.get("abstract", "")),
        keywords=tuple(str(k) for k in value.get("keywords", ())),
        language=str(value.get("language", "vi")),
    )


def _record_name(document_id: str) -> str:
    return f"record:{document_id}"


# --- records -------------------------------------------------------------------------------------


def is_sealed(library: Library, document_id: str) -> bool:
    rows = library.rows("SELECT 1 FROM sealed_records WHERE document_id = ?", (document_id,))
    return bool(rows)


def write_record(
    library: Library, db: sqlite3.Connection, document_id: str, record: SealedRecord
) -> None:
    """Seal `record` as the document's record, inside the caller's transaction."""
    sealed = library.require_sealer().seal(record.to_bytes(), _record_name(document_id))
    db.execute(
        "INSERT INTO sealed_records (document_id, sealed, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (document_id) DO UPDATE SET sealed = excluded.sealed, "
        "updated_at = excluded.updated_at",
        (document_id, sealed, utc_now()),
    )


def read_record(library: Library, document_id: str) -> SealedRecord | None:
    """The document's sealed record (None: not sealed); needs the unlocked vault."""
    rows = library.rows("SELECT sealed FROM sealed_records WHERE document_id = ?", (document_id,))
    if not rows:
        return None
    data = library.require_sealer().open(bytes(rows[0][0]), _record_name(document_id))
    return SealedRecord.from_bytes(data)


def reveal(library: Library, document: Document) -> Document:
    """The document with its description and file names from its sealed record."""
    record = read_record(library, document.id)
    if record is None:
        return document
    names = dict(record.source_names)
    if any(source.sha256 not in names for source in document.sources):
        # A record written before keyed names names its sources by their SHA-256.
        sealer = library.require_sealer()
        names.update({sealer.name_of(sha256): name for sha256, name in record.source_names.items()})
    sources = tuple(
        replace(source, name=names.get(source.sha256, source.name)) for source in document.sources
    )
    return replace(document, metadata=record.metadata, sources=sources)


DAMAGED_TITLE = "(damaged: its sealed record does not open — run verify)"


def reveal_in_list(library: Library, document: Document) -> Document:
    """`reveal`, for a listing: a record that does not open (altered, or moved from another
    document) shows as damaged in its row instead of failing the whole list."""
    try:
        return reveal(library, document)
    except (VaultDamaged, ValueError, KeyError):
        return replace(document, metadata=replace(document.metadata, title=DAMAGED_TITLE))


def update_metadata(library: Library, document_id: str, metadata: Metadata) -> None:
    """Replace a sealed document's description (in its sealed record only)."""
    record = read_record(library, document_id)
    names = record.source_names if record is not None else {}
    with library.transaction() as db:
        write_record(library, db, document_id, SealedRecord(metadata, names))


def page_text(library: Library, words_sha256: str) -> str:
    """A page's text from its word model (sealed or not)."""
    return PageText.from_bytes(library.read_object(words_sha256)).text


def pending_documents(library: Library) -> list[str]:
    """Documents classified secret whose data is not in the vault yet."""
    rows = library.rows(
        f"SELECT id FROM documents WHERE classification IN {IN_SECRET} AND id NOT IN "
        "(SELECT document_id FROM sealed_records) ORDER BY rowid"
    )
    return [str(row[0]) for row in rows]


# --- free text about secret documents (register purposes, audit reasons, paths) ------------------

SEALED_TEXT = "sealed:"
"""The start of a text kept sealed in a catalogue column that otherwise holds plain text."""
SEALED_PLACEHOLDER = "(sealed in the vault)"


def private_text(library: Library, secret: bool, text: str, name: str) -> str:
    """`text` as a catalogue row about a document keeps it: sealed under `name` when the
    document is `secret` (the vault is then open: secret work needs it), else as it is."""
    if not secret or not text:
        return text
    sealed = library.require_sealer().seal(text.encode("utf-8"), name)
    return SEALED_TEXT + base64.b64encode(sealed).decode("ascii")


def readable_text(library: Library, text: str, name: str) -> str:
    """The plain text of what `private_text` kept: opened when the vault is unlocked, else a
    placeholder; plain text as it is."""
    if not text.startswith(SEALED_TEXT):
        return text
    sealer = library.sealer
    if sealer is None or not sealer.unlocked:
        return SEALED_PLACEHOLDER
    try:
        sealed = base64.b64decode(text[len(SEALED_TEXT) :])
        return sealer.open(sealed, name).decode("utf-8")
    except (DigitizerError, ValueError):  # on a network, or damaged: the rest is still listed
        return SEALED_PLACEHOLDER


def forget_names(db: sqlite3.Connection, document_id: str) -> None:
    """Blank what acquisition noted by name about a document that became secret (inside the
    transaction that seals it): the hot folder's file names, paths and file hashes (a hash
    confirms a candidate file), set-aside page names."""
    db.execute(
        "UPDATE hot_folder_files SET name = '', moved_to = '', reason = '', sha256 = '' "
        "WHERE EXISTS "
        "(SELECT 1 FROM json_each(hot_folder_files.documents) WHERE value = ?)",
        (document_id,),
    )
    db.execute("UPDATE set_aside_pages SET name = '' WHERE document_id = ?", (document_id,))
