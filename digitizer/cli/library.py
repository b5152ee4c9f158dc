"""Command-line commands for the library and its documents: `init`, `list`, `show`, `describe`,
`verify`."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from digitizer.cli import acquire as cli_acquire
from digitizer.cli import records as cli_records
from digitizer.cli.support import (
    EXIT_FAILED,
    EXIT_OK,
    Commands,
    ProgressBar,
    add_command,
    add_document_argument,
    print_json,
    show,
)

if TYPE_CHECKING:
    from digitizer.library.verify import VerifyReport
    from digitizer.model import Document, Page, PageTextRecord
    from digitizer.service import Workstation


def add_parsers(commands: Commands) -> None:
    add_command(commands, "init", "create the library")
    add_command(commands, "list", "list the documents", json=True)
    showing = add_command(commands, "show", "show one document", json=True)
    add_document_argument(showing)
    describing = add_command(
        commands,
        "describe",
        "fill in a document's archival description",
        "Set fields of a document's archival record; fields not given stay as they are. Search "
        "entries follow at once.",
        json=True,
    )
    add_document_argument(describing)
    describing.add_argument("--title")
    describing.add_argument("--type", dest="document_type", help="e.g. 'Nghị quyết'")
    describing.add_argument("--number", dest="number_symbol", help="số và ký hiệu, e.g. 24-NQ/TU")
    describing.add_argument("--issuer", dest="issuing_body", help="cơ quan ban hành")
    describing.add_argument(
        "--date", dest="issued_on", type=_date, metavar="YYYY-MM-DD", help="date of issue"
    )
    describing.add_argument("--abstract")
    describing.add_argument(
        "--keywords", type=_keywords, metavar="'A; B'", help="keywords separated by ';'"
    )
    describing.add_argument("--language", help="BCP 47 tag of the text (default vi)")
    for option, name, text in _RECORD_OPTIONS:
        describing.add_argument(option, dest=name, help=text)
    describing.add_argument(
        "--field",
        type=cli_records.field_value,
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="a document field of Thông tư 05/2025/TT-BNV, e.g. but_tich=… (docs/records.md)",
    )
    describing.add_argument(
        "--propose",
        action="store_true",
        help="read the record from the pages again; fills only fields no person has set",
    )
    describing.add_argument(
        "--confirm",
        nargs="*",
        metavar="FIELD",
        help="confirm proposed fields (those named, or all of them)",
    )

    add_command(commands, "verify", "re-hash every stored object and report damage", json=True)


# --- commands ----------------------------------------------------------------------------------


def cmd_init(station: Workstation, args: argparse.Namespace) -> int:
    created = station.init()
    verb = "Created" if created else "Using existing"
    print(f"{verb} library at {station.library_path}")
    return EXIT_OK


def _document_json(document: Document, collection: str) -> dict[str, Any]:
    meta = document.metadata
    return {
        "document": document.id,
        "pages": document.page_count,
        "state": document.state.value,
        "classification": document.classification.value,
        "collection": collection or None,
        **meta.as_json(),
        "has_text_layer": document.has_text_layer,
        "created_at": document.created_at,
    }


def cmd_list(station: Workstation, args: argparse.Namespace) -> int:
    documents = station.documents()
    names = {collection.id: collection.name for collection in station.collections()}
    if args.json:
        print_json(
            [_document_json(doc, names.get(doc.collection_id or -1, "")) for doc in documents]
        )
        return EXIT_OK
    if not documents:
        print(f"The library at {station.library_path} holds no documents yet.")
        return EXIT_OK
    print(f"{'DOCUMENT':<10}  {'PAGES':>5}  {'STATE':<9}  {'COLLECTION':<20}  TITLE")
    for doc in documents:
        collection = names.get(doc.collection_id or -1, "")
        title = doc.metadata.title
        if doc.classification.is_secret:
            title = f"[{doc.classification.vietnamese_name}] {title or '(in the vault)'}"
        print(
            f"{doc.id:<10}  {doc.page_count:>5}  {doc.state.value:<9}  {collection[:20]:<20}  "
            f"{title}"
        )
    total = sum(doc.page_count for doc in documents)
    print(f"{len(documents)} document(s), {total} page(s) in {station.library_path}")
    return EXIT_OK


def _page_json(page: Page, sources: dict[str, str]) -> dict[str, Any]:
    return {
        "number": page.number,
        "image_sha256": page.image_sha256,
        "media_type": page.media_type,
        "width": page.width,
        "height": page.height,
        "dpi": page.dpi,
        "source": sources.get(page.source_sha256, ""),
        "source_sha256": page.source_sha256,
        "source_page": page.source_page,
        "has_text_layer": page.has_text_layer,
    }


def cmd_show(station: Workstation, args: argparse.Namespace) -> int:
    document, pages, collection = station.document(args.document)
    texts = station.page_texts(document.id)
    sources = {source.sha256: source.name for source in document.sources}
    signatures = station.signatures(document.id)
    record = station.record(document.id)
    if args.json:
        value = _document_json(document, collection) | record
        value["sources"] = [
            {
                "name": s.name,
                "sha256": s.sha256,
                "media_type": s.media_type,
                "size": s.size,
                "pages": s.page_count,
                "has_text_layer": s.has_text_layer,
            }
            for s in document.sources
        ]
        value["page_list"] = [
            _page_json(page, sources) | {"ocr": _ocr_json(texts.get(page.number))} for page in pages
        ]
        value["signatures"] = [s.as_json() | {"source": n} for n, s in signatures]
        value["text_layers_read_as_scans"] = [
            {"source": name, "page": number, "verdict": verdict}
            for name, number, verdict in station.set_aside_text_layers(document.id)
        ]
        print_json(value)
        return EXIT_OK
    meta = document.metadata
    print(f"Document {document.id}: {meta.title}")
    level = document.classification
    print(f"  classification  {level.vietnamese_name} ({level.value})")
    if collection:
        print(f"  collection      {collection}")
    print(f"  state           {document.state.value}")
    print(f"  pages           {document.page_count}")
    for source in document.sources:
        layer = ", has a text layer" if source.has_text_layer else ""
        print(
            f"  original        {source.name} ({source.media_type}, {source.size:,} bytes{layer})"
        )
        print(f"                  sha256 {source.sha256}")
    for _, signature in signatures:
        whole = "covers the whole file" if signature.covers_whole_file else "file changed after"
        print(f"  signed          {signature.signer}, {signature.signed_at} ({whole})")
        for label, text in (("reason", signature.reason), ("location", signature.location)):
            if text:
                print(f"                  {label}: {text}")
    for name, number, verdict in station.set_aside_text_layers(document.id):
        why = "only an e-signature stamp" if verdict == "stamp" else "garbled"
        print(f"  text layer      {name} p{number}: {why}; read by OCR like a scan")
    print(f"  recognised      {len(texts)} of {len(pages)} page(s)")
    _print_record(record)
    cli_acquire.print_set_aside_line(station, document.id)
    print(f"  {'PAGE':>4}  {'SIZE (px)':>11}  {'DPI':>5}  {'SOURCE':<24}  {'OCR':<22}  SHA-256")
    for page in pages:
        dpi = f"{page.dpi:g}" if page.dpi else "?"
        origin = sources.get(page.source_sha256, "")
        if page.source_page > 1 or origin.lower().endswith((".pdf", ".tif", ".tiff")):
            origin += f" p{page.source_page}"
        ocr = _ocr_summary(texts.get(page.number))
        print(
            f"  {page.number:>4}  {page.width:>5}×{page.height:<5}  {dpi:>5}  {origin[:24]:<24}  "
            f"{ocr:<22}  {page.image_sha256}"
        )
    return EXIT_OK


def _print_record(record: dict[str, Any]) -> None:
    """The record fields that hold a value, a proposal marked with its confidence."""
    proposed = record.get("proposed") or {}
    for name, value in record.items():
        if name in ("proposed", "missing") or not value:
            continue
        shown = "; ".join(value) if isinstance(value, list) else str(value)
        mark = f"  (proposed, {proposed[name]['confidence']:.0%})" if name in proposed else ""
        print(f"  {name:<17} {shown}{mark}")
    for name, reason in (record.get("missing") or {}).items():
        print(f"  {name:<17} missing: {reason}")


def _ocr_json(text: PageTextRecord | None) -> dict[str, Any] | None:
    if text is None:
        return None
    return {
        "words": text.word_count,
        "mean_confidence": round(text.mean_confidence, 1) if text.mean_confidence else None,
        "quarter_turns": text.preparation.get("quarter_turns", 0),
        "skew_degrees": text.preparation.get("skew_degrees", 0.0),
        "prepared_sha256": text.prepared_sha256,
        "words_sha256": text.words_sha256,
        "seconds": round(text.seconds, 2),
    }


def _ocr_summary(text: PageTextRecord | None) -> str:
    """'612 w, 95%, ↻180°, 2.5°' for a recognised page; '-' for one not yet."""
    if text is None:
        return "-"
    parts = [f"{text.word_count} w"]
    if text.mean_confidence is not None:
        parts.append(f"{text.mean_confidence:.0f}%")
    turns = int(text.preparation.get("quarter_turns", 0))
    if turns:
        parts.append(f"↻{turns * 90}°")
    skew = float(text.preparation.get("skew_degrees", 0.0))
    if skew:
        parts.append(f"{skew:+.1f}°")
    return ", ".join(parts)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from error


def _keywords(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(";") if part.strip())


_METADATA_OPTIONS = (
    "title",
    "document_type",
    "number_symbol",
    "issuing_body",
    "issued_on",
    "abstract",
    "keywords",
    "language",
)


_RECORD_OPTIONS = (
    ("--parent-body", "parent_body", "cơ quan chủ quản"),
    ("--place", "place", "địa danh"),
    ("--authority", "signing_authority", "thẩm quyền ký, e.g. 'TM. Ủy ban nhân dân'"),
    ("--signer-title", "signer_title", "chức vụ người ký"),
    ("--signer", "signer_name", "người ký"),
    ("--recipients", "recipients", "nơi nhận, separated by ';'"),
    ("--urgency", "urgency", "độ khẩn: Khẩn, Thượng khẩn, Hỏa tốc"),
)


def cmd_describe(station: Workstation, args: argparse.Namespace) -> int:
    changes = {
        name: getattr(args, name) for name in _METADATA_OPTIONS if getattr(args, name) is not None
    }
    values = {
        name: getattr(args, name)
        for _, name, _ in _RECORD_OPTIONS
        if getattr(args, name) is not None
    }
    document = station.describe(args.document, **changes)
    if args.field:
        station.dossier_document_fields(document.id, dict(args.field))
    document, record = station.describe_record(
        document.id, values, propose=args.propose, confirm=args.confirm
    )
    if args.json:
        print_json(_document_json(document, "") | record)
    else:
        changed = ", ".join([*changes, *values]) or "nothing"
        print(f"Document {document.id}: changed {changed}.")
        proposed = record.get("proposed") or {}
        if isinstance(proposed, dict) and proposed:
            print(f"  still proposed: {', '.join(proposed)}")
    return EXIT_OK


def cmd_verify(station: Workstation, args: argparse.Namespace) -> int:
    report = station.verify(ProgressBar())
    show(args.json, lambda: _verify_json(report), lambda: _print_verify_report(report))
    return EXIT_OK if report.ok else EXIT_FAILED


def _verify_json(report: VerifyReport) -> dict[str, Any]:
    return {
        "ok": report.ok,
        "checked": report.checked,
        "problems": [
            {
                "kind": problem.kind.value,
                "object": problem.object,
                "detail": problem.detail,
                "used_by": list(problem.used_by),
            }
            for problem in report.problems
        ],
        "in_flight": report.in_flight,
        "recovered": report.recovered,
        "interrupted_imports": report.interrupted_imports,
    }


def _print_verify_report(report: VerifyReport) -> None:
    if report.recovered:
        print(f"Removed {report.recovered} unfinished object(s) left by an interrupted write.")
    for problem in report.problems:
        print(f"{problem.kind.value.upper()}: {problem.object}: {problem.detail}")
        for user in problem.used_by:
            print(f"    used by {user}")
    if report.interrupted_imports:
        ids = ", ".join(report.interrupted_imports)
        print(f"Unfinished imports (run the same import again to finish them): {ids}")
    if report.in_flight:
        print(f"{report.in_flight} object(s) are being written by another process right now.")
    found = "all intact" if report.ok else f"{len(report.problems)} problem(s) found"
    print(f"Checked {report.checked} object(s): {found}.")


COMMANDS = {
    "init": cmd_init,
    "list": cmd_list,
    "show": cmd_show,
    "describe": cmd_describe,
    "verify": cmd_verify,
}
