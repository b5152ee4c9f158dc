"""Looking at a library from outside the program: every file under it, byte by byte."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import unicodedata
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path
from typing import Any

from digitizer.acquire.importer import ImportOptions
from digitizer.model import Classification
from digitizer.service import Workstation
from index.store import IndexDamaged, SearchIndex
from tests.helpers.pages import write_image


def spellings(word: str) -> list[bytes]:
    """The UTF-8 bytes of `word` in NFC and NFD, as written and in capitals."""
    forms = {word, word.upper(), word.lower()}
    return sorted(
        {
            unicodedata.normalize(form, text).encode("utf-8")
            for text in forms
            for form in ("NFC", "NFD")
        }
    )


def files_under(*roots: Path, skip: Iterable[Path] = ()) -> list[Path]:
    skipped = [path.resolve() for path in skip]
    found: list[Path] = []
    for root in roots:
        for folder, _, names in os.walk(root):
            here = Path(folder).resolve()
            if any(here == s or s in here.parents for s in skipped):
                continue
            found.extend(Path(folder) / name for name in names)
    return found


def where_found(word: str, files: Iterable[Path]) -> list[str]:
    """Every file holding `word` (in any spelling of `spellings`), with the spelling found."""
    patterns = spellings(word)
    hits: list[str] = []
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue  # sockets, files that vanished, others' private files
        hits.extend(f"{path}: {pattern!r}" for pattern in patterns if pattern in data)
    return hits


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` by relative path, with the SHA-256 of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def catalogue_rows(library: Path, sql: str) -> list[tuple[object, ...]]:
    uri = f"file:{library / 'catalog.sqlite3'}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as connection:
        return connection.execute(sql).fetchall()


def import_page(
    station: Workstation, folder: Path, number: int, level: Classification | None = None
) -> str:
    """Import one small generated page at `level`; return the new document's id."""
    folder.mkdir(parents=True, exist_ok=True)
    path = write_image(folder / f"page-{number}.png", number)
    report = station.import_paths([path], ImportOptions(classification=level))
    assert report.ok and len(report.imported) == 1, report.as_json()
    return report.imported[0].document_id


class FileWrites:
    """Records, through an audit hook, every file this process opens for writing and every
    program it starts, while `recording` is set (hooks stay for the process's life)."""

    _installed: FileWrites | None = None

    def __init__(self) -> None:
        self.recording = False
        self.written: list[str] = []
        self.commands: list[list[str]] = []

    @classmethod
    def hook(cls) -> FileWrites:
        if cls._installed is None:
            cls._installed = FileWrites()
            sys.addaudithook(cls._installed._event)
        return cls._installed

    def _event(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.recording:
            return
        if event == "open" and len(args) >= 3 and isinstance(args[0], str | bytes | Path):
            path, mode, flags = args[0], args[1], args[2]
            writes = os.O_WRONLY | os.O_RDWR | os.O_CREAT
            if (isinstance(mode, str) and set(mode) & set("wax+")) or (flags or 0) & writes:
                self.written.append(os.fsdecode(path))
        elif event == "subprocess.Popen" and len(args) >= 2:
            self.commands.append([os.fsdecode(a) for a in args[1]])

    def __enter__(self) -> FileWrites:
        self.written.clear()
        self.commands.clear()
        self.recording = True
        return self

    def __exit__(self, *exc: object) -> None:
        self.recording = False


def pages_indexed_with(word: str, library: Path) -> int:
    """How many pages the library's on-disk search index holds `word` on, read from the index
    itself (no catalogue, no purge): the engine compresses its terms, so a byte search of its
    files cannot tell."""
    folder = library / "index"
    if not any(folder.glob("*")):
        return 0
    try:
        opened = SearchIndex.open(folder)
    except IndexDamaged:
        return 0  # nothing readable to leak
    with opened as index:
        return index.search(word, limit=1).total
