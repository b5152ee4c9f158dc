"""`python -m ui [--library PATH] [--language vi|en]`: open the workstation window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ui.i18n import LANGUAGES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="digitizer gui", description="Open the workstation.")
    parser.add_argument("--library", type=Path, metavar="PATH", help="the archive library")
    parser.add_argument("--language", choices=LANGUAGES, help="the window's language")
    args = parser.parse_args(argv)
    from ui.app import run

    return run(args.library, args.language)


if __name__ == "__main__":
    sys.exit(main())
