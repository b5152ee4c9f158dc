"""Command-line commands for acquisition: `import` (also of stacks split at separator sheets),
`scan`, `devices`, `sheets separator`, `watch` and `set-aside`."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from digitizer.acquire.formats import DEFAULT_MAX_PAGES, DEFAULT_MAX_PIXELS
from digitizer.cli import security as cli_security
from digitizer.cli.support import (
    EXIT_FAILED,
    EXIT_OK,
    Commands,
    ProgressBar,
    add_command,
    cancel_on_interrupt,
    classification,
    finish,
    positive_int,
    print_error,
    print_json,
)
from digitizer.printable import printable

if TYPE_CHECKING:
    from digitizer.acquire.hotfolder import HotFolderOutcome
    from digitizer.acquire.importer import ImportedDocument, ImportOptions, ImportReport
    from digitizer.acquire.stack import StackOptions, StackReport
    from digitizer.service import Workstation

_SOURCES = ("adf", "flatbed", "duplex")
_MODES = ("color", "gray", "lineart")
_PAGE_SIZES = ("a3", "a4", "a5", "letter", "legal")


def _fraction(text: str) -> float:
    value = float(text)
    if not 0.0 <= value < 1.0:
        raise argparse.ArgumentTypeError("must be a fraction from 0 up to 1, e.g. 0.0005")
    return value


def _seconds(text: str) -> float:
    value = float(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def add_stack_options(parser: argparse.ArgumentParser, *, split_help: str) -> None:
    """`--split-on-separators` and `--blank-threshold`, for every command that takes stacks."""
    parser.add_argument("--split-on-separators", action="store_true", help=split_help)
    parser.add_argument(
        "--blank-threshold",
        type=_fraction,
        metavar="F",
        help="with stacks, set aside pages with less ink than this share of the page (the "
        "default, 0.05 %%, keeps a page with one short line; 0 keeps every page)",
    )


def add_parsers(commands: Commands) -> None:
    importing = add_command(
        commands,
        "import",
        "import page images and PDFs",
        "Import files and folders (recursively, in natural order) of PNG, JPEG, TIFF, BMP, WebP "
        "and PDF. Each file becomes one document.",
        json=True,
    )
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    importing.add_argument(
        "--collection", metavar="NAME", help="put the documents in this collection"
    )
    importing.add_argument(
        "--one-document",
        action="store_true",
        help="make each folder (and all files given directly, together) one document",
    )
    cli_security.add_pdf_password_options(importing)
    importing.add_argument(
        "--max-pixels",
        type=positive_int,
        default=DEFAULT_MAX_PIXELS,
        metavar="N",
        help=f"refuse images larger than N pixels (default {DEFAULT_MAX_PIXELS:,})",
    )
    importing.add_argument(
        "--max-pages",
        type=positive_int,
        default=DEFAULT_MAX_PAGES,
        metavar="N",
        help=f"refuse files of more than N pages (default {DEFAULT_MAX_PAGES:,})",
    )
    importing.add_argument(
        "--classification",
        type=classification,
        metavar="LEVEL",
        help="classify the new documents (SECRET, TOP_SECRET, ULTRA_SECRET go straight into "
        "the vault)",
    )
    add_stack_options(
        importing,
        split_help="treat each folder (and all files given directly, together) as one stack: "
        "start a new document at each separator sheet (`digitizer sheets separator`), drop the "
        "sheets and set blank pages aside",
    )

    scanning = add_command(
        commands,
        "scan",
        "scan pages straight into the library",
        "Scan from a SANE scanner into the library: a whole feeder batch, page by page, or one "
        "flatbed page. Ctrl+C stops the scanner; the pages scanned are kept.",
        json=True,
    )
    scanning.add_argument("--device", metavar="D", help="the scanner (`digitizer devices`)")
    scanning.add_argument("--source", choices=_SOURCES, help="default: the scanner's own")
    scanning.add_argument(
        "--resolution", type=positive_int, default=300, metavar="N", help="dpi (default 300)"
    )
    scanning.add_argument("--mode", choices=_MODES, default="gray", help="default gray")
    scanning.add_argument("--page-size", choices=_PAGE_SIZES, help="default: the whole area")
    scanning.add_argument("--collection", metavar="NAME", help="put the documents in it")
    scanning.add_argument(
        "--classification",
        type=classification,
        metavar="LEVEL",
        help="level of the documents scanned (a separator sheet's own level wins)",
    )
    add_stack_options(
        scanning,
        split_help="start a new document at each separator sheet; the sheets are dropped",
    )

    add_command(commands, "devices", "list the scanners SANE can see", library=False, json=True)

    sheets = add_command(commands, "sheets", "print sheets for the scanner's feeder", library=False)
    kinds = sheets.add_subparsers(dest="sheet", metavar="KIND", required=True)
    separator = kinds.add_parser(
        "separator",
        help="a separator sheet that starts a new document in a stack",
        description="Write a printable separator sheet (A4 PDF/A) with a large QR code. In a "
        "stack scanned or imported with --split-on-separators it ends the document before it "
        "and starts a new one, with its collection and classification.",
    )
    separator.add_argument("--collection", metavar="CODE", help="collection of the documents")
    separator.add_argument(
        "--classification", type=classification, metavar="LEVEL", help="e.g. SECRET or 'Mật'"
    )
    separator.add_argument("--out", type=Path, required=True, metavar="PATH")

    watching = add_command(
        commands,
        "watch",
        "import files that land in a folder",
        "Watch a folder: each file that appears is imported once it has stopped changing, then "
        "moved to processed/ or failed/ (with a .reason.txt beside it). Files there at start "
        "are taken too; a restart imports nothing twice. Ctrl+C stops.",
    )
    watching.add_argument("folder", type=Path, metavar="DIR")
    watching.add_argument(
        "--settle",
        type=_seconds,
        default=2.0,
        metavar="SECONDS",
        help="how long a file must stay unchanged before it is taken (default 2)",
    )
    watching.add_argument("--once", action="store_true", help="take the files there now, then stop")
    watching.add_argument("--collection", metavar="NAME", help="put the documents in it")
    add_stack_options(
        watching,
        split_help="treat each file as a stack split at separator sheets, blank pages set aside",
    )
    watching.add_argument("--json", action="store_true", help="print one JSON line per file")

    setting_aside = add_command(
        commands, "set-aside", "list pages set aside as blank, or put one back"
    )
    actions = setting_aside.add_subparsers(dest="action", metavar="ACTION", required=True)
    listed = add_command(actions, "list", "list set-aside pages", json=True)
    listed.add_argument("document", nargs="?", metavar="DOCUMENT", help="only this document's")
    restoring = add_command(actions, "restore", "put a set-aside page back into its document")
    restoring.add_argument("ids", nargs="+", type=positive_int, metavar="ID")


# --- commands ----------------------------------------------------------------------------------


def cmd_import(station: Workstation, args: argparse.Namespace) -> int:
    from digitizer.acquire.importer import ImportOptions

    options = ImportOptions(
        collection=args.collection,
        one_document=args.one_document,
        password=cli_security.pdf_password(args),
        max_pixels=args.max_pixels,
        max_pages=args.max_pages,
        classification=args.classification,
    )
    if args.split_on_separators:
        return import_stacks(station, args, options)
    with cancel_on_interrupt() as cancel:
        report = station.import_paths(args.paths, options, ProgressBar(), cancel)
    return finish(report, args.json, lambda: _print_import_report(report, station.library_path))


def _print_import_report(report: ImportReport, library: Path) -> None:
    pages = sum(item.pages for item in report.imported)
    print(f"Imported {len(report.imported)} document(s), {pages} page(s), into {library}")
    for item in report.imported:
        print_imported(item, item.source)
    print_not_imported(report)


def _stack_options(args: argparse.Namespace) -> StackOptions:
    from digitizer.acquire.stack import StackOptions

    stack = StackOptions(split_on_separators=args.split_on_separators)
    if args.blank_threshold is not None:
        stack = replace(stack, blank_threshold=args.blank_threshold)
    return stack


def import_stacks(station: Workstation, args: argparse.Namespace, options: ImportOptions) -> int:
    """`import --split-on-separators`: the files and folders as stacks."""
    with cancel_on_interrupt() as cancel:
        report = station.import_stacks(
            args.paths, options, _stack_options(args), ProgressBar(), cancel
        )
    return finish(report, args.json, lambda: _print_stack_report(report, station.library_path))


def _print_stack_report(report: StackReport, library: Path) -> None:
    imports = report.imports
    pages = sum(item.pages for item in imports.imported)
    print(
        f"Read {report.pages} page(s): {len(imports.imported)} document(s), {pages} page(s), "
        f"into {library}"
    )
    for item in imports.imported:
        first, last = item.files[0], item.files[-1]
        print_imported(item, first if first == last else f"{first} … {last}")
    for found in report.separators:
        said = [
            f"collection {found.sheet.collection}" if found.sheet.collection else "",
            found.sheet.classification.vietnamese_name if found.sheet.classification else "",
        ]
        detail = ", ".join(part for part in said if part)
        print(f"  separator sheet: {found.page}" + (f" ({detail})" if detail else ""))
    if report.set_aside:
        print(f"Set aside as blank: {len(report.set_aside)} (`digitizer set-aside list`)")
        for page in report.set_aside:
            where = f"document {page.document_id}" if page.document_id else "no document"
            print(f"  #{page.id}  {page.page}  ({where}, ink {page.ink:.4%})")
    for where_found, why in report.ignored_codes:
        print(f"  {where_found}: ignored {why}")
    print_not_imported(imports)


def print_imported(item: ImportedDocument, source: str) -> None:
    """One line of an import's report: a document made, from `source`."""
    note = "  (finished an interrupted import)" if item.resumed else ""
    print(f"  {item.document_id}  {item.pages:>4} page(s)  {source}{note}")


def print_not_imported(report: ImportReport) -> None:
    """The end of an import's report: the files already in the library, the files that failed,
    and whether the import was cancelled."""
    if report.duplicates:
        print(f"Already in the library, not stored again: {len(report.duplicates)}")
        for duplicate in report.duplicates:
            print(f"  {duplicate.source}  → document {duplicate.document_id}")
    if report.failed:
        print(f"Failed: {len(report.failed)}")
        for failure in report.failed:
            print(f"  {failure.source}  [{failure.code}]  {failure.message}")
    if report.cancelled:
        print("Cancelled. Run the same import again to finish it.")


class _PageCount:
    """Progress of a scan, whose length nobody knows until the feeder is empty: the pages so
    far, on one line of a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()

    def start(self, total: int, message: str = "") -> None:
        pass

    def advance(self, steps: int = 1, message: str = "") -> None:
        if self.enabled:
            sys.stderr.write(f"\r\033[KScanning: {message}")
            sys.stderr.flush()

    def finish(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def cmd_scan(station: Workstation, args: argparse.Namespace) -> int:
    from digitizer.acquire.importer import ImportOptions
    from digitizer.acquire.scanner import ColourMode, ScanSettings, ScanSource

    settings = ScanSettings(
        device=args.device,
        source=ScanSource(args.source) if args.source else None,
        resolution=args.resolution,
        mode=ColourMode(args.mode),
        page_size=args.page_size,
    )
    options = ImportOptions(collection=args.collection, classification=args.classification)
    with cancel_on_interrupt() as cancel:
        report = station.scan(settings, options, _stack_options(args), _PageCount(), cancel)
    if args.json:
        print_json(report.as_json())
    else:
        print(f"Scanned {report.scanned} page(s).")
        _print_stack_report(report, station.library_path)
        if report.cancelled:
            print("The scan was stopped; the pages scanned before it are in the library.")
    if report.error is not None:
        print_error(report.error)
    return EXIT_OK if report.ok else EXIT_FAILED


def cmd_devices(station: Workstation, args: argparse.Namespace) -> int:
    devices = station.scanners()
    if args.json:
        print_json(
            [
                {"device": d.name, "vendor": d.vendor, "model": d.model, "kind": d.kind}
                for d in devices
            ]
        )
        return EXIT_OK
    if not devices:
        print("No scanner found. Is it connected and switched on? (`scanimage -L` asks SANE.)")
        return EXIT_OK
    for device in devices:
        print(f"{device.name}  {device.vendor} {device.model} ({device.kind})")
    return EXIT_OK


def cmd_sheets(station: Workstation, args: argparse.Namespace) -> int:
    from digitizer.acquire.separators import SeparatorSheet

    sheet = SeparatorSheet(args.collection, args.classification)
    station.write_separator_sheet(sheet, args.out)
    print(f"Wrote a separator sheet to {args.out}: print it and put it before each new document.")
    return EXIT_OK


def cmd_watch(station: Workstation, args: argparse.Namespace) -> int:
    from digitizer.acquire.hotfolder import WatchOptions
    from digitizer.acquire.importer import ImportOptions
    from digitizer.errors import FileNotFound

    if not args.folder.is_dir():
        raise FileNotFound(f"{args.folder}: no such folder.", source=args.folder)
    watch = WatchOptions(
        settle_seconds=args.settle,
        split_on_separators=args.split_on_separators,
        stack=_stack_options(args),
    )
    failed = 0

    def said(outcome: HotFolderOutcome) -> None:
        nonlocal failed
        failed += outcome.outcome == "failed"
        if args.json:
            line = {
                "file": outcome.name,
                "outcome": outcome.outcome,
                "documents": list(outcome.documents),
                "reason": outcome.reason,
                "moved_to": printable(str(outcome.moved_to)) if outcome.moved_to else None,
                "already_imported": outcome.already_imported,
            }
            print_json(line)
        elif outcome.outcome == "failed":
            moved_to = printable(str(outcome.moved_to))
            print(f"{outcome.name}: failed, moved to {moved_to}: {outcome.reason}")
        elif outcome.already_imported:
            print(f"{outcome.name}: imported before; moved to {printable(str(outcome.moved_to))}")
        elif outcome.outcome == "processed":
            print(f"{outcome.name}: document(s) {', '.join(outcome.documents)}")
        sys.stdout.flush()

    folder = station.hot_folder(args.folder, ImportOptions(collection=args.collection), watch, said)
    if not args.json and not args.once:
        print(f"Watching {args.folder.resolve()} (Ctrl+C stops).", flush=True)
    with cancel_on_interrupt() as cancel:
        folder.run(cancel, once=args.once)
    return EXIT_FAILED if failed and args.once else EXIT_OK


def print_set_aside_line(station: Workstation, document_id: str) -> None:
    """For `show`: how many pages of the document were set aside, when any were."""
    pages = station.set_aside_pages(document_id)
    if pages:
        ids = ", ".join(f"#{page.id}" for page in pages)
        print(f"  set aside       {len(pages)} blank page(s): {ids} (`digitizer set-aside list`)")


def cmd_set_aside(station: Workstation, args: argparse.Namespace) -> int:
    if args.action == "restore":
        for set_aside_id in args.ids:
            document_id, number = station.restore_set_aside_page(set_aside_id)
            print(f"Page #{set_aside_id} is back as page {number} of document {document_id}.")
        return EXIT_OK
    pages = station.set_aside_pages(args.document)
    if args.json:
        print_json(
            [
                {
                    "id": page.id,
                    "page": page.name,
                    "document": page.document_id,
                    "after_page": page.after_page,
                    "reason": page.reason,
                    "ink": round(page.ink, 6),
                    "image_sha256": page.image_sha256,
                    "created_at": page.created_at,
                }
                for page in pages
            ]
        )
        return EXIT_OK
    if not pages:
        print("No page is set aside.")
        return EXIT_OK
    print(f"{'ID':>5}  {'DOCUMENT':<10}  {'AFTER':>5}  {'INK':>8}  PAGE")
    for page in pages:
        print(
            f"{page.id:>5}  {page.document_id or '-':<10}  {page.after_page:>5}  "
            f"{page.ink:>8.4%}  {page.name}"
        )
    print("`digitizer set-aside restore ID` puts a page back into its document.")
    return EXIT_OK


COMMANDS = {
    "import": cmd_import,
    "scan": cmd_scan,
    "devices": cmd_devices,
    "sheets": cmd_sheets,
    "watch": cmd_watch,
    "set-aside": cmd_set_aside,
}
