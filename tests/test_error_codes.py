"""Every error code the program can print is explained in the README's table: scripts match on
the codes, and people look them up there."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("digitizer", "ocr", "index", "vietnamese")
CODE = re.compile(r'^\s+code = "([a-z][a-z-]*)"', re.MULTILINE)
TABLE_ROW = re.compile(r"^\| (`[a-z][a-z-]*`(?:, `[a-z][a-z-]*`)*) \|", re.MULTILINE)


# The base class's code, never printed: every failure raised is of a subclass.
ABSTRACT = {"error"}


def _codes_in_source() -> set[str]:
    found = {
        code
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        for code in CODE.findall(path.read_text(encoding="utf-8"))
    }
    return found - ABSTRACT


def _codes_in_readme() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return {code.strip("`") for cell in TABLE_ROW.findall(text) for code in cell.split(", ")}


def test_the_source_defines_error_codes() -> None:
    assert {"not-found", "secret-refused", "disk-full", "unreadable-content"} <= _codes_in_source()


def test_every_error_code_is_in_the_readme_table() -> None:
    missing = _codes_in_source() - _codes_in_readme()
    assert not missing, f"error codes missing from the README's table: {sorted(missing)}"
