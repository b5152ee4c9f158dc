"""Command-line parts for dossiers (hồ sơ): `dossier NAME` shows a collection's dossier fields
(Thông tư 05/2025/TT-BNV) and its documents; `--set FIELD=VALUE` gives a field a person's
value."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from digitizer.cli.support import EXIT_OK, Commands, add_command, print_json

if TYPE_CHECKING:
    from digitizer.service import Workstation


def field_value(text: str) -> tuple[str, str]:
    """`thoi_han_luu_tru=Vĩnh viễn` → ("thoi_han_luu_tru", "Vĩnh viễn")."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"give FIELD=VALUE, not {text!r}")
    return name.strip(), value.strip()


def add_parsers(commands: Commands) -> None:
    showing = add_command(
        commands,
        "dossier",
        "show or fill in a collection's dossier fields (hồ sơ, TT 05/2025/TT-BNV)",
        json=True,
    )
    showing.add_argument("collection", metavar="NAME")
    showing.add_argument(
        "--set",
        type=field_value,
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="a dossier field, e.g. thoi_han_luu_tru='Vĩnh viễn' (see docs/records.md)",
    )


def cmd_dossier(station: Workstation, args: argparse.Namespace) -> int:
    held: dict[str, Any] = station.dossier(args.collection, dict(args.set))
    if args.json:
        print_json(held)
        return EXIT_OK
    print(f"Hồ sơ {held['collection']}")
    for key, value in held["fields"].items():
        print(f"  {held['names'][key]:<30} {value}")
    for entry in held["documents"]:
        meta = entry["metadata"]
        number = meta["number_symbol"] or ""
        print(
            f"  {entry['fields']['so_thu_tu_tai_lieu']:>3}. {entry['document']}  "
            f"{number}  {meta['title']}"
        )
    return EXIT_OK


COMMANDS = {"dossier": cmd_dossier}
