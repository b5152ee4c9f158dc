"""Integrity check of a library: re-hash every object and compare store and catalogue."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from digitizer.library.library import IN_SECRET, OBJECTS_OF_DOCUMENTS, Library
from digitizer.library.objects import is_sha256
from digitizer.progress import NullProgress, Progress


class ProblemKind(Enum):
    MISSING = "missing"  # the catalogue names an object the store does not have
    ALTERED = "altered"  # the bytes on disk no longer hash to the object's name
    ORPHANED = "orphaned"  # a file in the store that the catalogue does not know
    CATALOGUE = "catalogue"  # SQLite's own integrity or foreign-key check failed
    EXPOSED = "exposed"  # a secret document's data lies unencrypted outside the vault
    KEY_MISSING = "vault-key-missing"  # sealed data, and no key file (or another vault's)
    KEY_DAMAGED = "vault-key-damaged"  # the key file cannot be read as a key file


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

    known = {
        row["sha256"]: row["size"]
        for row in library.rows("SELECT sha256, size FROM objects WHERE plain = 1")
    }
    pending = {row["sha256"] for row in library.rows("SELECT sha256 FROM pending_objects")}
    on_disk = set(library.objects.iter_names())
    sealed = {
        row["sha256"]: row["sealed_sha256"]
        for row in library.rows("SELECT sha256, sealed_sha256 FROM vault_objects")
    }

    progress.start(len(known) + len(sealed), "Checking objects")
    for sha256 in sorted(known):
        if sha256 not in on_disk:
            report.problems.append(
                _damage(
                    library,
                    ProblemKind.MISSING,
                    sha256,
                    "the catalogue lists it but the file is gone",
                )
            )
        else:
            actual = library.objects.rehash(sha256)
            if actual != sha256:
                report.problems.append(
                    _damage(
                        library,
                        ProblemKind.ALTERED,
                        sha256,
                        f"its bytes changed: they now hash to {actual}",
                    )
                )
        report.checked += 1
        progress.advance(1)
    _check_sealed(library, sealed, report, progress)
    progress.finish()

    for name in sorted(on_disk - known.keys()):
        if name in pending:
            report.in_flight += 1
            continue
        detail = "a file in the store that no catalogue entry uses"
        if not is_sha256(name):
            detail = "a file in the store whose name is not a SHA-256"
        report.problems.append(Problem(ProblemKind.ORPHANED, name, detail))
    for name in sorted(set(library.sealed.iter_names()) - sealed.keys()):
        if name in pending:
            report.in_flight += 1
            continue
        report.problems.append(
            Problem(ProblemKind.ORPHANED, name, "a file in the vault that no catalogue entry uses")
        )
    report.problems.extend(_exposed(library))

    report.interrupted_imports = [
        row["id"]
        for row in library.rows("SELECT id FROM documents WHERE import_state = 'importing'")
    ]
    return report


def _check_sealed(
    library: Library, sealed: dict[str, str], report: VerifyReport, progress: Progress
) -> None:
    """Sealed objects are checked by the hash of their sealed bytes, so no key is needed: a
    single flipped byte shows here, and opening it with the key would refuse it too."""
    for sha256 in sorted(sealed):
        if not library.sealed.contains(sha256):
            report.problems.append(
                _damage(
                    library,
                    ProblemKind.MISSING,
                    sha256,
                    "the catalogue lists it in the vault but the sealed file is gone",
                )
            )
        elif library.sealed.rehash(sha256) != sealed[sha256]:
            report.problems.append(
                _damage(
                    library,
                    ProblemKind.ALTERED,
                    sha256,
                    "its sealed bytes in the vault changed: it cannot be opened any more",
                )
            )
        report.checked += 1
        progress.advance(1)


def _damage(library: Library, kind: ProblemKind, sha256: str, detail: str) -> Problem:
    """A problem with a catalogued object, naming what uses it."""
    return Problem(kind, sha256, detail, tuple(library.object_users(sha256)))


def _exposed(library: Library) -> list[Problem]:
    """Secret documents whose data is not (only) in the vault."""
    problems = []
    for row in library.rows(
        f"SELECT d.id FROM documents d WHERE d.classification IN {IN_SECRET} "
        "AND NOT EXISTS (SELECT 1 FROM sealed_records r WHERE r.document_id = d.id) "
        "ORDER BY d.id"
    ):
        problems.append(
            Problem(
                ProblemKind.EXPOSED,
                row[0],
                "the document is classified secret but is not in the vault yet; unlock the "
                "vault to seal it",
            )
        )
    for row in library.rows(
        "SELECT DISTINCT p.document_id FROM page_texts t JOIN pages p ON p.id = t.page_id "
        f"JOIN documents d ON d.id = p.document_id WHERE d.classification IN {IN_SECRET} "
        "AND t.text != '' AND EXISTS (SELECT 1 FROM sealed_records r WHERE "
        "r.document_id = d.id) ORDER BY p.document_id"
    ):
        problems.append(
            Problem(ProblemKind.EXPOSED, row[0], "page text of a sealed document is unencrypted")
        )
    for row in library.rows(
        "SELECT sha256 FROM vault_objects WHERE named_by_key = 0 ORDER BY sha256"
    ):
        problems.append(
            _damage(
                library,
                ProblemKind.EXPOSED,
                row[0],
                "a sealed object still named by its plaintext's SHA-256 (which confirms a "
                "candidate file without the key); unlock the vault to rename it",
            )
        )
    sealed_documents = (
        f"d.classification IN {IN_SECRET} AND EXISTS "
        "(SELECT 1 FROM sealed_records r WHERE r.document_id = d.id)"
    )
    for row in library.rows(
        f"WITH used (sha256) AS ({OBJECTS_OF_DOCUMENTS.format(where=sealed_documents)}) "
        "SELECT sha256 FROM used WHERE sha256 NOT IN (SELECT sha256 FROM vault_objects) "
        "ORDER BY sha256"
    ):
        problems.append(
            _damage(
                library,
                ProblemKind.EXPOSED,
                row[0],
                "a sealed document names an object outside the vault, by its plaintext's SHA-256",
            )
        )
    for row in library.rows(
        "SELECT o.sha256 FROM objects o WHERE o.plain = 1 AND o.sha256 IN ("
        f"{_used_by('IN ' + IN_SECRET)}) AND o.sha256 NOT IN ("
        f"{_used_by('NOT IN ' + IN_SECRET)}) ORDER BY o.sha256"
    ):
        if library.objects.contains(row[0]):
            problems.append(
                _damage(
                    library,
                    ProblemKind.EXPOSED,
                    row[0],
                    "an object only secret documents use lies unencrypted in the store",
                )
            )
    return problems


def _used_by(levels: str) -> str:
    """SQL: the objects used by documents whose level is `levels` (`IN (…)` or `NOT IN (…)`)."""
    return OBJECTS_OF_DOCUMENTS.format(where=f"d.classification {levels}")


def _catalogue_problems(library: Library) -> list[str]:
    messages: list[str] = []
    result = [row[0] for row in library.rows("PRAGMA integrity_check")]
    if result != ["ok"]:
        messages.extend(f"SQLite integrity check: {line}" for line in result)
    for row in library.rows("PRAGMA foreign_key_check"):
        messages.append(f"row {row[1]} of table {row[0]} points at a missing {row[2]} entry")
    return messages
