"""What the catalogue answers for display, beyond the documents and pages `Library` reads: each
answer one query, so the service facade holds no SQL."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

    from digitizer.library.library import Library


def settings(library: Library) -> dict[str, str]:
    """Every library setting, by key."""
    rows = library.rows("SELECT key, value FROM settings ORDER BY key")
    return {str(row[0]): str(row[1]) for row in rows}


def jobs(library: Library, limit: int) -> list[dict[str, object]]:
    """The newest jobs, with page counts by state."""
    rows = library.rows(
        "SELECT j.id, j.kind, j.state, j.message, j.created_at, j.updated_at, "
        "sum(p.state = 'pending') AS pending, sum(p.state = 'done') AS done, "
        "sum(p.state = 'skipped') AS skipped, sum(p.state = 'failed') AS failed "
        "FROM jobs j LEFT JOIN job_pages p ON p.job_id = j.id "
        "GROUP BY j.id ORDER BY j.id DESC LIMIT ?",
        (limit,),
    )
    return [dict(row) for row in rows]


def recognised_pages(library: Library) -> dict[str, int]:
    """How many pages of each document have OCR text, by document id."""
    rows = library.rows(
        "SELECT p.document_id, count(DISTINCT t.page_id) FROM pages p "
        "JOIN page_texts t ON t.page_id = p.id GROUP BY p.document_id"
    )
    return {str(row[0]): int(row[1]) for row in rows}


def set_aside_text_layers(library: Library, document_id: str) -> list[tuple[str, int, str]]:
    """(original's name, its page, why) for each PDF page of a document whose text layer was
    judged not to be the page's text ('stamp', 'garbled')."""
    rows = library.rows(
        "SELECT s.name, t.source_page, t.verdict FROM source_text_layers t "
        "JOIN sources s ON s.sha256 = t.source_sha256 WHERE s.document_id = ? "
        "ORDER BY s.position, t.source_page",
        (document_id,),
    )
    return [(row[0], int(row[1]), str(row[2])) for row in rows]


def signature_rows(library: Library, document_id: str) -> list[sqlite3.Row]:
    """The digital signatures a document's original PDFs state, each row with its original's
    name (`name`) and the signature's columns."""
    return library.rows(
        "SELECT s.name, g.* FROM source_signatures g JOIN sources s "
        "ON s.sha256 = g.source_sha256 WHERE s.document_id = ? "
        "ORDER BY s.position, g.position",
        (document_id,),
    )
