"""Keeping proposed records: a proposal fills only empty fields and stays marked proposed until
a person confirms it; a person's value is never overwritten, by a new OCR run or a new proposal.

The core description (title, type, number, body, date, abstract) lives in the document's row;
the other record fields live in `record_fields`, which also says, field by field, whether the
value is still a proposal (with its confidence and the word boxes it was read from).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import PurePath
from typing import Any

from digitizer.library import Library
from digitizer.library.library import utc_now
from digitizer.model import Classification, Document, Metadata
from digitizer.records.reading import Proposal, ProposedField, read_record
from digitizer.records.rereading import page_rereader, red_ink_reader
from ocr.words import PageText

CORE_FIELDS = ("document_type", "number_symbol", "issuing_body", "issued_on", "abstract")
EXTRA_FIELDS = (
    "parent_body", "place", "signing_authority", "signer_title", "signer_name", "recipients",
    "urgency", "kind", "symbol", "issued_year", "secrecy",
)  # fmt: skip
RECORD_FIELDS = CORE_FIELDS + EXTRA_FIELDS
"""Every field of the record as `show --json` names it (besides the title)."""
HEADER_PAGES = 2


def read_pages(library: Library, document_id: str) -> list[tuple[int, PageText]]:
    """The word models of the first pages and the last page, as far as they are recognised."""
    texts = library.page_texts(document_id)
    numbers = sorted(texts)
    if not numbers:
        return []
    wanted = sorted({*numbers[:1], numbers[-1]})
    return [(n, PageText.from_bytes(library.read_object(texts[n].words_sha256))) for n in wanted]


def proposable(library: Library, document: Document) -> bool:
    """Secret documents keep their record in the vault only: no plaintext proposals for them."""
    from digitizer.security.records import is_sealed

    return not document.classification.is_secret and not is_sealed(library, document.id)


def propose(library: Library, document_id: str) -> tuple[Proposal, list[str]]:
    """Read the document's pages into a proposal and fill the fields still open; returns the
    proposal and the fields it filled or refreshed."""
    document = library.document(document_id)
    if not proposable(library, document):
        return Proposal(), []
    proposal = read_record(
        read_pages(library, document_id),
        page_rereader(library, document_id),
        red_ink_reader(library, document_id),
    )
    secrecy = proposal.fields.get("secrecy")
    if secrecy is not None and secrecy.sources:
        # A secrecy stamp read again: it can only raise the level, as during OCR; a document
        # raised into the secret levels gets no plaintext record.
        from digitizer.security.classify import propose as raise_to_stamp
        from digitizer.security.stamp import StampFinding

        level = Classification(secrecy.value)
        raise_to_stamp(library, document_id, StampFinding(level, level.vietnamese_name,
                                                          secrecy.sources[0].box))  # fmt: skip
        document = library.document(document_id)
        if not proposable(library, document):
            return proposal, []
    return proposal, apply(library, document, proposal)


def propose_recognised(library: Library, document_ids: Sequence[str] | None) -> list[str]:
    """Propose records for the documents (None: all) whose first page is recognised; returns
    the documents that got a proposal."""
    documents = (
        library.documents() if document_ids is None else [library.document(i) for i in document_ids]
    )
    done = []
    for document in documents:
        if proposable(library, document) and library.page_texts(document.id):
            _, filled = propose(library, document.id)
            if filled:
                done.append(document.id)
    return done


def _states(library: Library, document_id: str) -> dict[str, dict[str, Any]]:
    return {
        str(row["field"]): dict(row)
        for row in library.rows("SELECT * FROM record_fields WHERE document_id = ?", (document_id,))
    }


def _core_value(metadata: Metadata, name: str) -> str:
    value = getattr(metadata, name)
    if isinstance(value, date):
        return value.isoformat()
    return str(value or "")


def apply(library: Library, document: Document, proposal: Proposal) -> list[str]:
    states = _states(library, document.id)
    metadata = document.metadata
    changes: dict[str, Any] = {}
    filled: list[str] = []
    now = utc_now()
    with library.transaction() as db:
        for name in RECORD_FIELDS:
            proposed = proposal.fields.get(name)
            if proposed is None:
                continue
            state = states.get(name)
            if state is not None and state["state"] == "confirmed":
                continue  # a person's value
            if name in CORE_FIELDS:
                current = _core_value(metadata, name)
                if current and state is None:
                    continue  # typed by a person before any proposal
                if current != proposed.value:
                    changes[name] = (
                        date.fromisoformat(proposed.value)
                        if name == "issued_on"
                        else proposed.value
                    )
            _write(db, document.id, name, proposed, now)
            filled.append(name)
        db.execute("DELETE FROM record_gaps WHERE document_id = ?", (document.id,))
        db.executemany(
            "INSERT INTO record_gaps (document_id, field, reason) VALUES (?, ?, ?)",
            [(document.id, name, reason) for name, reason in proposal.missing.items()],
        )
        title = _proposed_title(document, {**_values(metadata, states), **_fresh(proposal)})
        title_state = states.get("title")
        open_title = title_state is None and _title_is_file_name(document)
        if title and (
            open_title or (title_state is not None and title_state["state"] == "proposed")
        ):
            changes["title"] = title
            confidence = min(
                (
                    proposal.fields[n].confidence
                    for n in ("document_type", "abstract")
                    if n in proposal.fields
                ),
                default=0.5,
            )
            _write(db, document.id, "title", ProposedField(title, confidence), now)
            filled.append("title")
        if changes:
            library.write_metadata(document.id, replace(metadata, **changes))
            library.queue_for_index(document.id)
    return filled


def _fresh(proposal: Proposal) -> dict[str, str]:
    return {name: found.value for name, found in proposal.fields.items()}


def _values(metadata: Metadata, states: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    values = {name: str(row["value"]) for name, row in states.items()}
    values.update({name: _core_value(metadata, name) for name in CORE_FIELDS})
    return {name: value for name, value in values.items() if value}


def _proposed_title(document: Document, values: Mapping[str, str]) -> str:
    """ "type + number + trích yếu": "Chỉ thị 05/CT-UBND: về …"."""
    head = " ".join(
        part for part in (values.get("document_type", ""), values.get("number_symbol", "")) if part
    )
    abstract = values.get("abstract", "")
    if not values.get("document_type") or not (values.get("number_symbol") or abstract):
        return ""  # a type name alone makes no title
    return f"{head}: {abstract}" if abstract else head


def _title_is_file_name(document: Document) -> bool:
    title = document.metadata.title
    names = {PurePath(source.name).stem for source in document.sources}
    names |= {source.name for source in document.sources}
    return not title or title in names or not any(ch.isspace() for ch in title)


def _write(db: Any, document_id: str, name: str, proposed: ProposedField, now: str) -> None:
    db.execute(
        "INSERT INTO record_fields (document_id, field, value, state, confidence, sources, "
        "updated_at) VALUES (?, ?, ?, 'proposed', ?, ?, ?) ON CONFLICT (document_id, field) "
        "DO UPDATE SET value = excluded.value, confidence = excluded.confidence, "
        "sources = excluded.sources, updated_at = excluded.updated_at "
        "WHERE record_fields.state = 'proposed'",
        (
            document_id,
            name,
            proposed.value,
            proposed.confidence,
            json.dumps([source.as_json() for source in proposed.sources]),
            now,
        ),
    )


def confirm(library: Library, document_id: str, fields: Iterable[str] = ()) -> list[str]:
    """Confirm the named proposed fields (none named: all of them); returns those confirmed."""
    wanted = list(fields)
    states = _states(library, document_id)
    chosen = [
        name
        for name, row in states.items()
        if row["state"] == "proposed" and (not wanted or name in wanted)
    ]
    with library.transaction() as db:
        db.executemany(
            "UPDATE record_fields SET state = 'confirmed', updated_at = ? "
            "WHERE document_id = ? AND field = ?",
            [(utc_now(), document_id, name) for name in chosen],
        )
    return chosen


def set_by_person(library: Library, document_id: str, values: Mapping[str, str]) -> None:
    """A person's values: written and confirmed, so that no proposal ever replaces them. Core
    fields are written by `Library.update_metadata`; here only their state is kept."""
    now = utc_now()
    with library.transaction() as db:
        for name, value in values.items():
            db.execute(
                "INSERT INTO record_fields (document_id, field, value, state, confidence, "
                "sources, updated_at) VALUES (?, ?, ?, 'confirmed', NULL, '[]', ?) "
                "ON CONFLICT (document_id, field) DO UPDATE SET value = excluded.value, "
                "state = 'confirmed', confidence = NULL, sources = '[]', "
                "updated_at = excluded.updated_at",
                (document_id, name, value, now),
            )
            db.execute(
                "DELETE FROM record_gaps WHERE document_id = ? AND field = ?", (document_id, name)
            )


def record_json(library: Library, document: Document) -> dict[str, Any]:
    """Every record field at top level, `proposed` naming those still unconfirmed (with their
    confidence and source boxes), and `missing` what the pages did not let us read."""
    states = _states(library, document.id)
    value: dict[str, Any] = {}
    for name in RECORD_FIELDS:
        if name in CORE_FIELDS:
            text = _core_value(document.metadata, name)
        else:
            text = str(states[name]["value"]) if name in states else ""
        value[name] = text or None
    recipients = value.get("recipients")
    value["recipients"] = [part.strip() for part in recipients.split(";")] if recipients else []
    value["proposed"] = {
        name: {
            "value": row["value"],
            "confidence": row["confidence"],
            "sources": json.loads(row["sources"]),
        }
        for name, row in sorted(states.items())
        if row["state"] == "proposed"
    }
    value["missing"] = {
        str(row["field"]): str(row["reason"])
        for row in library.rows(
            "SELECT field, reason FROM record_gaps WHERE document_id = ? ORDER BY field",
            (document.id,),
        )
    }
    return value
