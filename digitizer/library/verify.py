"""Integrity check of a library: re-hash every object and compare store and catalogue."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from digitizer.library.library import Library
from digitizer.library.objects import is_sha256
from digitizer.progress import NullProgress, Progress


class ProblemKind(Enum):
    MISSING = "missing"  # the catalogue names an object the store does not have
    ALTERED = "altered"  # the bytes on disk no longer hash to the object's name
    ORPHANED = "orphaned"  # a file in the store that the catalogue does not know
    CATALOGUE = "catalogue"  # SQLite's own integrity or foreign-key check failed


@dataclass(frozen=True)
class Problem:
    kind: ProblemKind
    object: str  # the object's name (its SHA-256), or the stray file's name
    detail: str
    used_by: tuple[str, ...] = ()


@dataclass
class VerifyReport:
    checked: int = 0
    problems: list[Problem] = field(default_factory=list)
    in_flight: int = 0  # objects another running process is writing right now
    recovered: int = 0  # unfinished objects of a cut-off write, removed on opening
    interrupted_imports: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(library: Library, progress: Progress | None = None) -> VerifyReport:
    """Re-hash every object in the store and report missing, altered and orphaned ones."""
    progress = progress or NullProgress()
    report = VerifyReport(recovered=library.recovered_objects)
    for message in _catalogue_problems(library):
        report.problems.append(Problem(ProblemKind.CATALOGUE, "catalogue", message))

    known = {row["sha256"]: row["size"] for row in library.rows("SELECT sha256, size FROM objects")}
    pending = {row["sha256"] for row in library.rows("SELECT sha256 FROM pending_objects")}
    on_disk = set(library.objects.iter_names())

    progress.start(len(known), "Checking objects")
    for sha256 in sorted(known):
        if sha256 not in on_disk:
            report.problems.append(
                Problem(
                    ProblemKind.MISSING,
                    sha256,
                    "the catalogue lists it but the file is gone",
                    tuple(library.object_users(sha256)),
                )
            )
        else:
            actual = library.objects.rehash(sha256)
            if actual != sha256:
                report.problems.append(
                    Problem(
                        ProblemKind.ALTERED,
                        sha256,
                        f"its bytes changed: they now hash to {actual}",
                        tuple(library.object_users(sha256)),
                    )
                )
        report.checked += 1
        progress.advance(1)
    progress.finish()

    for name in sorted(on_disk - known.keys()):
        if name in pending:
            report.in_flight += 1
            continue
        detail = "a file in the store that no catalogue entry uses"
        if not is_sha256(name):
            detail = "a file in the store whose name is not a SHA-256"
        report.problems.append(Problem(ProblemKind.ORPHANED, name, detail))

    report.interrupted_imports = [
        row["id"]
        for row in library.rows("SELECT id FROM documents WHERE import_state = 'importing'")
    ]
    return report


def _catalogue_problems(library: Library) -> list[str]:
    messages: list[str] = []
    result = [row[0] for row in library.rows("PRAGMA integrity_check")]
    if result != ["ok"]:
        messages.extend(f"SQLite integrity check: {line}" for line in result)
    for row in library.rows("PRAGMA foreign_key_check"):
        messages.append(f"row {row[1]} of table {row[0]} points at a missing {row[2]} entry")
    return messages
