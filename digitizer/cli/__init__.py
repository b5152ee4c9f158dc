"""The `digitizer` command line: one module per command family, `app` tying them together.

This package's own module stays empty of commands: the `digitizer` program's script imports
it, and so does every OCR worker, which Python starts by running that script again; the
commands load when `main` runs.
"""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on `argv` (else the program's arguments); the exit status."""
    from digitizer.cli.app import main as run

    return run(argv)
