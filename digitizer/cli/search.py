"""Command-line commands for search: `search` and `reindex`."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from digitizer.cli.support import (
    EXIT_OK,
    Commands,
    ProgressBar,
    add_command,
    positive_int,
    print_json,
)

if TYPE_CHECKING:
    from digitizer.searching import SearchOutcome
    from digitizer.service import Workstation

_FILTERS = (
    ("type", "document type, e.g. 'Nghị quyết'"),
    ("year", "year of issue"),
    ("issuing_body", "issuing body (cơ quan ban hành)"),
    ("collection", "collection name"),
)


def add_parsers(commands: Commands) -> None:
    searching = add_command(
        commands,
        "search",
        "search the recognised text",
        "Search page text in Vietnamese, with or without diacritics. Words must all appear; "
        '"quoted words" must appear in that order; OR, NOT (or -word), prefix chuyển*, fuzzy '
        "chuyển~ (for OCR slips), and fields loai:, so:, coquan:, nam:, bosuutap: (type, "
        "number, body, year, collection).",
        json=True,
    )
    searching.add_argument("query", metavar="QUERY")
    searching.add_argument("--limit", type=positive_int, default=20, metavar="N")
    for name, text in _FILTERS:
        searching.add_argument(f"--{name.replace('_', '-')}", dest=f"filter_{name}", help=text)
    searching.add_argument("--by-document", action="store_true", help="group the hits by document")

    add_command(commands, "reindex", "rebuild the search index from the catalogue")


def cmd_search(station: Workstation, args: argparse.Namespace) -> int:
    filters: dict[str, str | int] = {
        name: getattr(args, f"filter_{name}")
        for name, _ in _FILTERS
        if getattr(args, f"filter_{name}") is not None
    }
    outcome = station.search(
        args.query,
        limit=args.limit,
        filters=filters or None,
        group_by_document=args.by_document,
        boxes=args.json,  # only the JSON output gives the hit boxes
    )
    if outcome.index.rebuilt:
        print(
            f"The search index was rebuilt ({outcome.index.pages} pages): {outcome.index.reason}",
            file=sys.stderr,
        )
    if args.json:
        print_json(outcome.as_json())
    else:
        _print_outcome(outcome, args.by_document)
    return EXIT_OK


def _print_outcome(outcome: SearchOutcome, by_document: bool) -> None:
    print(f"{outcome.total} page(s) match {outcome.query!r} ({outcome.seconds * 1000:.0f} ms)")
    if by_document:
        for group in outcome.documents:
            print(f"{group.document_id}  {group.title}")
            for hit in group.pages:
                print(f"    p{hit.page:<4} {hit.snippet}")
    else:
        for hit in outcome.hits:
            print(f"{hit.document_id} p{hit.page:<4} {hit.score:6.2f}  {hit.snippet}")
    for name, values in outcome.facets.items():
        if values:
            counts = ", ".join(f"{value or '—'} ({count})" for value, count in values[:8])
            print(f"  {name}: {counts}")


def cmd_reindex(station: Workstation, args: argparse.Namespace) -> int:
    report = station.reindex(ProgressBar())
    print(f"Rebuilt the search index: {report.pages} page(s) in {report.seconds:.1f} s.")
    return EXIT_OK


COMMANDS = {"search": cmd_search, "reindex": cmd_reindex}
