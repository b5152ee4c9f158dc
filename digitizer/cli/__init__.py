"""The `digitizer` command line: one module per command family, `app` tying them together."""

from digitizer.cli.app import COMMANDS, build_parser, main

__all__ = ["COMMANDS", "build_parser", "main"]
