"""Command-line parts for publishing: the `export` options of the formats epub, qr-pdf, labels
and package, and the `settings` command (where the QR link template is kept)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from digitizer.cli_support import EXIT_OK, EXIT_USAGE, print_json
from digitizer.export.names import PUBLISHER_SETTING, QR_PLACEMENTS, URL_TEMPLATE_SETTING

if TYPE_CHECKING:
    from digitizer.export.publish import PublishResult
    from digitizer.service import Workstation

KNOWN_SETTINGS = {
    URL_TEMPLATE_SETTING: "link put in the QR code of PUBLIC documents, with {id} for the id",
    PUBLISHER_SETTING: "publisher named in e-books and packages (the archive)",
    "ocr.scheduler": "the OCR farm `ocr` sends pages to (tcp://HOST:PORT; 'local' or '': none)",
}


def grid(text: str) -> tuple[int, int]:
    """`3x8` → (3, 8): columns × rows."""
    try:
        columns, rows = (int(part) for part in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("give columns x rows, e.g. 3x8") from None
    if not (1 <= columns <= 10 and 1 <= rows <= 20):
        raise argparse.ArgumentTypeError("columns 1–10 and rows 1–20")
    return columns, rows


def add_export_options(parser: argparse.ArgumentParser) -> None:
    """The options of `export` that the publishing formats read."""
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


def cmd_publish(station: Workstation, args: argparse.Namespace) -> int:
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
    if args.json:
        print_json(result.as_json())
    else:
        _print_result(result)
    return EXIT_OK


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


# --- settings -----------------------------------------------------------------------------------


def add_parsers(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    library_option: argparse.ArgumentParser,
) -> None:
    known = "; ".join(f"{key}: {meaning}" for key, meaning in KNOWN_SETTINGS.items())
    settings = commands.add_parser(
        "settings",
        parents=[library_option],
        help="show or change the library's settings",
        description=f"Library settings. Known keys: {known}.",
    )
    settings.add_argument("action", choices=["get", "set", "list", "isolated-lan"])
    settings.add_argument("key", nargs="?", metavar="KEY")
    settings.add_argument("value", nargs="?", metavar="VALUE", help="'' clears the setting")
    settings.add_argument("--json", action="store_true")
    settings.add_argument(
        "--reason", help="isolated-lan on|off: why (kept in the audit log; required)"
    )


def cmd_settings(station: Workstation, args: argparse.Namespace) -> int:
    from digitizer import cli_security

    if args.action == "isolated-lan":
        return cli_security.cmd_isolated_lan(station, args)
    from digitizer.security.policy import PROTECTED_SETTINGS

    if args.action == "set" and args.key in PROTECTED_SETTINGS:
        message = PROTECTED_SETTINGS[args.key]
        print(f"digitizer settings: {args.key} {message}", file=sys.stderr)
        return EXIT_USAGE
    if args.action == "list":
        values = station.settings()
        if args.json:
            print_json(values)
        else:
            for key, value in values.items():
                print(f"{key} = {value}")
        return EXIT_OK
    if not args.key or (args.action == "set") != (args.value is not None):
        print("digitizer settings: use `get KEY` or `set KEY VALUE`", file=sys.stderr)
        return EXIT_USAGE
    if args.action == "set":
        station.set_setting(args.key, args.value)
    value = station.setting(args.key)
    if args.json:
        print_json({"key": args.key, "value": value})
    else:
        print(f"{args.key} = {value}")
    return EXIT_OK


COMMANDS = {"settings": cmd_settings}
