"""The `export` command, every format in one place: pdf, txt, hocr and alto of one document;
the publishing formats epub, qr-pdf, labels and package; numbered internal copies of a secret
document (internal-pdf)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from digitizer.cli.support import (
    Commands,
    add_command,
    add_document_argument,
    positive_int,
    show,
    usage_error,
)
from digitizer.export.names import (
    FORMATS,
    GUARDED_FORMATS,
    PUBLISH_FORMATS,
    QR_PLACEMENTS,
    URL_TEMPLATE_SETTING,
)

if TYPE_CHECKING:
    from digitizer.export.internal_copy import CopyResult
    from digitizer.export.publish import PublishResult
    from digitizer.service import Workstation


def grid(text: str) -> tuple[int, int]:
    """`3x8` → (3, 8): columns × rows."""
    try:
        columns, rows = (int(part) for part in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("give columns x rows, e.g. 3x8") from None
    if not (1 <= columns <= 10 and 1 <= rows <= 20):
        raise argparse.ArgumentTypeError("columns 1–10 and rows 1–20")
    return columns, rows


def add_parsers(commands: Commands) -> None:
    parser = add_command(
        commands,
        "export",
        "export documents: searchable PDF/A, text, hOCR, ALTO, e-book, QR, labels, package",
        "Write a document (or a collection) to a file: pdf (PDF/A-2b: the scans with an "
        "invisible text layer placed word by word), txt (plain text, pages separated by form "
        "feeds), hocr (hOCR 1.2), alto (ALTO XML v4), epub, qr-pdf, labels, package (BagIt), or "
        "internal-pdf (numbered copies of a secret document). The file is replaced whole or not "
        "at all.",
        json=True,
    )
    add_document_argument(parser, "*")
    parser.add_argument(
        "--format", required=True, choices=FORMATS + PUBLISH_FORMATS + GUARDED_FORMATS, dest="fmt"
    )
    parser.add_argument("--out", required=True, type=Path, metavar="PATH")
    parser.add_argument(
        "--allow-unrecognised",
        action="store_true",
        help="export pages that have no OCR text yet (as images only)",
    )
    parser.add_argument(
        "--collection",
        action="append",
        default=[],
        metavar="NAME",
        help="export a whole collection (epub, package, labels) instead of a document",
    )
    parser.add_argument(
        "--qr-placement",
        choices=QR_PLACEMENTS,
        default=QR_PLACEMENTS[0],
        help="qr-pdf: on the cover page, on an added back page, or in every page's footer "
        "(default: cover)",
    )
    parser.add_argument(
        "--url-template",
        metavar="URL",
        help="qr-pdf, labels: the link for PUBLIC documents, e.g. "
        "https://example.gov.vn/tai-lieu/{id} (default: the library's setting "
        f"{URL_TEMPLATE_SETTING}; '' for none)",
    )
    parser.add_argument(
        "--outline",
        type=Path,
        metavar="PATH",
        help='epub: chapters as JSON [{"title": …, "page": N}] or CSV rows title,page',
    )
    parser.add_argument(
        "--cover",
        choices=["image", "title"],
        default="image",
        help="epub: the first page's image, or a generated title page (default: image)",
    )
    parser.add_argument(
        "--with-images", action="store_true", help="epub: add the page images as an appendix"
    )
    parser.add_argument("--with-epub", action="store_true", help="package: add the EPUB")
    parser.add_argument(
        "--report",
        action="store_true",
        help="epub: list the furniture left out, the footnotes and figures found and the "
        "paragraphs joined across pages",
    )
    parser.add_argument(
        "--grid",
        type=grid,
        default=(3, 8),
        metavar="COLSxROWS",
        help="labels: labels across and down an A4 sheet (default: 3x8)",
    )
    parser.add_argument(
        "--each",
        action="store_true",
        help="labels: one label per document of each --collection, not one for the collection",
    )
    parser.add_argument(
        "--copies",
        type=positive_int,
        default=1,
        metavar="N",
        help="internal-pdf: how many numbered copies (default 1)",
    )
    parser.add_argument("--purpose", help="internal-pdf: why the copies are made (required)")


def cmd_export(station: Workstation, args: argparse.Namespace) -> int:
    from digitizer.errors import ExportOrderInvalid
    from digitizer.export.entry import ExportOrder, check_order

    # The core's entry point checks every export's order; here only to answer with usage.
    order = ExportOrder(args.fmt, args.out, tuple(args.documents), tuple(args.collection),
                        copies=args.copies, purpose=args.purpose or "")  # fmt: skip
    try:
        check_order(order)
    except ExportOrderInvalid as error:
        given_by = ": give it with --purpose TEXT" if error.missing == "purpose" else ""
        return usage_error("export", f"{error}{given_by}")
    if args.fmt in PUBLISH_FORMATS:
        return _publish(station, args)
    if args.fmt in GUARDED_FORMATS:
        return _internal_copy(station, args)
    result = station.export(
        args.documents[0], args.fmt, args.out, allow_unrecognised=args.allow_unrecognised
    )

    def print_text() -> None:
        print(
            f"Wrote {result.path} ({result.format}, {result.pages} page(s), {result.size:,} "
            f"bytes) from document {result.document_id}"
        )
        if result.pages_without_text:
            print(f"  pages without OCR text: {', '.join(map(str, result.pages_without_text))}")

    return show(
        args.json,
        lambda: {
            "document": result.document_id,
            "format": result.format,
            "path": str(result.path),
            "pages": result.pages,
            "pages_without_text": list(result.pages_without_text),
            "bytes": result.size,
        },
        print_text,
    )


def _publish(station: Workstation, args: argparse.Namespace) -> int:
    """`export --format epub|qr-pdf|labels|package`."""
    from digitizer.export.publish import PublishOptions, read_outline
    from digitizer.export.qr_stamp import Placement

    documents, collections = list(args.documents), list(args.collection)
    options = PublishOptions(
        placement=Placement(args.qr_placement),
        url_template=args.url_template,
        outline=read_outline(args.outline) if args.outline else None,
        cover=args.cover,
        with_images=args.with_images,
        with_epub=args.with_epub,
        grid=args.grid,
        each=args.each,
        allow_unrecognised=args.allow_unrecognised,
        report=args.report,
    )
    result = station.publish(
        args.fmt, args.out, documents=documents, collections=collections, options=options
    )
    return show(args.json, result.as_json, lambda: _print_result(result))


def _print_result(result: PublishResult) -> None:
    documents = ", ".join(result.documents[:5]) + (" …" if len(result.documents) > 5 else "")
    print(
        f"Wrote {result.path} ({result.format}, {result.pages} page(s), {result.size:,} bytes) "
        f"from document(s) {documents}"
    )
    details = result.details
    if result.format == "epub":
        print(f"  chapters: {len(details['chapters'])}")
        for title in details["chapters"]:
            print(f"    {title}")
        if "report" in details:
            _print_epub_report(details["report"])
    elif result.format == "qr-pdf":
        print(f"  QR code carries: {details['payload']}")
        for place in details["qr"]:
            where = "added back page" if place["added_page"] else "page"
            x0, y0, _, _ = place["box_pt"]
            print(
                f"    {where} {place['page']}: {place['side_mm']} mm code at "
                f"({x0 / 72 * 25.4:.0f}, {y0 / 72 * 25.4:.0f}) mm from the bottom-left corner"
            )
    elif result.format == "labels":
        print(f"  {len(details['labels'])} label(s) on {details['sheets']} sheet(s)")
    elif result.format == "package":
        print(f"  bag {details['bag']}:")
        for name in details["files"]:
            print(f"    {name}")
    for note in result.notes:
        print(f"  note: {note}")


def _print_epub_report(report: dict[str, Any]) -> None:
    """What a publisher checks before signing off the e-book."""
    print(f"  left out as page furniture: {len(report['removed'])}")
    for item in report["removed"]:
        print(f"    p. {item['page']}: {item['why']}: {item['text']}")
    print(f"  footnotes: {len(report['footnotes'])}")
    for note in report["footnotes"]:
        found = "" if note["referenced"] else " (marker not found in the text)"
        print(f"    p. {note['page']}: [{note['label']}] {note['text']}{found}")
    print(f"  figures: {len(report['figures'])}")
    for figure in report["figures"]:
        print(f"    p. {figure['page']}: {figure['caption'] or '(no caption)'}")
    print(f"  paragraphs joined across pages: {len(report['joined'])}")
    for join in report["joined"]:
        print(f"    p. {join['page'] - 1}–{join['page']}: …{join['before']} | {join['after']}…")


def _internal_copy(station: Workstation, args: argparse.Namespace) -> int:
    """`export DOCUMENT --format internal-pdf --copies N --purpose TEXT --out PATH`."""
    result = station.internal_copy(args.documents[0], args.out, args.copies, args.purpose)
    return show(args.json, result.as_json, lambda: _print_internal_copies(result))


def _print_internal_copies(result: CopyResult) -> None:
    print(
        f"Wrote {len(result.paths)} internal cop{'y' if len(result.paths) == 1 else 'ies'} of "
        f"document {result.document_id} ({result.classification.vietnamese_name}, "
        f"{result.pages} page(s) each), register entry {result.register.id}:"
    )
    for path in result.paths:
        print(f"  {path}")


COMMANDS = {"export": cmd_export}
