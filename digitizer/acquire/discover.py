"""Turn the paths a user gives into import units: the files that will make one document each."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from digitizer.errors import FileNotFound, InputError
from digitizer.printable import printable
from vietnamese.normalize import nfc

# Files that operating systems and scanners leave in folders; never pages.
_JUNK = frozenset({"thumbs.db", "desktop.ini", "ehthumbs.db"})
_DIGITS = re.compile(r"(\d+)")


def natural_key(path: Path) -> tuple[tuple[tuple[int, str | int], ...], ...]:
    """Sort key putting `page-2` before `page-10`, folder by folder, ignoring case."""

    def part_key(name: str) -> tuple[tuple[int, str | int], ...]:
        name = nfc(name).casefold()
        return tuple(
            (0, int(piece)) if piece.isdigit() else (1, piece)
            for piece in _DIGITS.split(name)
            if piece
        )

    return tuple(part_key(part) for part in path.parts)


def _is_skipped(name: str) -> bool:
    return name.startswith(".") or name.casefold() in _JUNK


def files_in(folder: Path) -> list[Path]:
    """Every file under `folder`, recursively, in natural order; hidden files and junk left out.

    Links to folders are not followed (they can loop); links to files are kept, so a dangling
    one is reported rather than silently missed.
    """
    found: list[Path] = []
    for current, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if not _is_skipped(name)]
        found.extend(Path(current) / name for name in names if not _is_skipped(name))
    return sorted(found, key=lambda path: natural_key(path.relative_to(folder)))


@dataclass
class ImportUnit:
    """Files that become one document, in page order."""

    title: str
    files: list[Path]
    origin: Path  # what the user named: the file, or the folder it came from


@dataclass
class ImportPlan:
    units: list[ImportUnit] = field(default_factory=list)
    missing: list[InputError] = field(default_factory=list)


def _title_of(path: Path) -> str:
    return printable(nfc(path.name if path.is_dir() else path.stem))


def plan_import(paths: Sequence[Path], *, one_document: bool) -> ImportPlan:
    """Each file one document; with `one_document`, each folder (and all loose files together)
    makes one document instead."""
    plan = ImportPlan()
    loose: list[Path] = []
    for path in paths:
        if path.is_dir():
            files = files_in(path)
            if one_document:
                if files:
                    plan.units.append(ImportUnit(_title_of(path.resolve()), files, path))
            else:
                plan.units.extend(ImportUnit(_title_of(file), [file], file) for file in files)
        elif path.exists() or path.is_symlink():
            loose.append(path)
        else:
            plan.missing.append(FileNotFound(f"{path}: no such file or folder.", source=path))
    if one_document and loose:
        plan.units.append(ImportUnit(_title_of(loose[0]), loose, loose[0]))
    else:
        plan.units.extend(ImportUnit(_title_of(file), [file], file) for file in loose)
    return plan
