"""The `settings` command: the library's settings (the QR link template, the publisher, the OCR
farm) and the declaration of an isolated LAN."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from digitizer.cli.support import EXIT_OK, Commands, add_command, print_json, usage_error
from digitizer.export.names import PUBLISHER_SETTING, URL_TEMPLATE_SETTING

if TYPE_CHECKING:
    from digitizer.service import Workstation

KNOWN_SETTINGS = {
    URL_TEMPLATE_SETTING: "link put in the QR code of PUBLIC documents, with {id} for the id",
    PUBLISHER_SETTING: "publisher named in e-books and packages (the archive)",
    "ocr.scheduler": "the OCR farm `ocr` sends pages to (tcp://HOST:PORT; 'local' or '': none)",
}


def add_parsers(commands: Commands) -> None:
    known = "; ".join(f"{key}: {meaning}" for key, meaning in KNOWN_SETTINGS.items())
    settings = add_command(
        commands,
        "settings",
        "show or change the library's settings",
        f"Library settings. Known keys: {known}.",
        json=True,
    )
    settings.add_argument("action", choices=["get", "set", "list", "isolated-lan"])
    settings.add_argument("key", nargs="?", metavar="KEY")
    settings.add_argument("value", nargs="?", metavar="VALUE", help="'' clears the setting")
    settings.add_argument(
        "--reason", help="isolated-lan on|off: why (kept in the audit log; required)"
    )


def cmd_settings(station: Workstation, args: argparse.Namespace) -> int:
    if args.action == "isolated-lan":
        return _isolated_lan(station, args)
    from digitizer.security.policy import PROTECTED_SETTINGS

    if args.action == "set" and args.key in PROTECTED_SETTINGS:
        return usage_error("settings", f"{args.key} {PROTECTED_SETTINGS[args.key]}")
    if args.action == "list":
        values = station.settings()
        if args.json:
            print_json(values)
        else:
            for key, value in values.items():
                print(f"{key} = {value}")
        return EXIT_OK
    if not args.key or (args.action == "set") != (args.value is not None):
        return usage_error("settings", "use `get KEY` or `set KEY VALUE`")
    if args.action == "set":
        station.set_setting(args.key, args.value)
    value = station.setting(args.key)
    if args.json:
        print_json({"key": args.key, "value": value})
    else:
        print(f"{args.key} = {value}")
    return EXIT_OK


def _isolated_lan(station: Workstation, args: argparse.Namespace) -> int:
    """`settings isolated-lan on|off --reason TEXT`."""
    if args.key not in ("on", "off") or args.value is not None:
        return usage_error("settings", "use `isolated-lan on|off --reason TEXT`")
    reason = (getattr(args, "reason", None) or "").strip()
    if not reason:
        return usage_error("settings", "isolated-lan needs --reason TEXT")
    declared = station.set_isolated_lan(args.key == "on", reason)
    if args.json:
        print_json({"isolated_lan": declared.on, "reason": declared.reason})
    elif declared.on:
        print("Declared this machine's network an isolated LAN; secret documents may be opened.")
    else:
        print("Withdrew the isolated-LAN declaration; secret documents need a machine offline.")
    return EXIT_OK


COMMANDS = {"settings": cmd_settings}
