"""Raising a document into the vault moves its data there and leaves no plaintext behind (in
the store, the catalogue, its write-ahead log or the search index); lowering it takes a person,
a reason and the key, and brings it back. A stamp's proposal only ever raises."""

from __future__ import annotations

from pathlib import Path

import pytest

from digitizer.errors import ClassificationRefused, VaultLocked
from digitizer.library import Library
from digitizer.library.verify import ProblemKind
from digitizer.model import Classification
from digitizer.security.classify import propose
from digitizer.security.records import pending_documents
from digitizer.security.stamp import StampFinding
from digitizer.service import Workstation
from ocr.geometry import Box
from tests.helpers.page_texts import give_text
from tests.security.support import files_under, import_page, pages_indexed_with, where_found
from tests.security.vaults import plain_vault_file, vault_file

TITLE_WORD = "Thượngloan"
TEXT_WORD = "Quỳnhdiệp"
SHARED_TEXT = "Biên bản họp chi bộ"
PUBLIC, SECRET = Classification.PUBLIC, Classification.SECRET


def _prepare(station: Workstation, library_path: Path, tmp_path: Path) -> tuple[str, str]:
    """A described, recognised and indexed public document, and a second one whose page has
    the same word model as the first one's second page (so they share an object)."""
    first = import_page(station, tmp_path / "in", 1)
    other = import_page(station, tmp_path / "in", 2)
    station.describe(first, title=f"Hồ sơ {TITLE_WORD}", abstract="Tóm tắt")
    with Library.open(library_path) as library:
        give_text(library, first, [f"Nghị quyết về {TEXT_WORD} của tỉnh"])
        give_text(library, other, [SHARED_TEXT])
    assert station.search(TEXT_WORD.lower()).total == 1
    return first, other


def _objects(station: Workstation, document_id: str) -> set[str]:
    document, pages, _ = station.document(document_id)
    texts = station.page_texts(document_id)
    return (
        {s.sha256 for s in document.sources}
        | {p.image_sha256 for p in pages}
        | {t.words_sha256 for t in texts.values()}
    )


def test_raising_into_the_vault_leaves_no_plaintext(
    station: Workstation, library_path: Path, tmp_path: Path
) -> None:
    first, _ = _prepare(station, library_path, tmp_path)
    objects = _objects(station, first)

    change = station.classify(first, SECRET, "dấu MẬT trên bản gốc")
    assert change.changed and change.sealed and not change.pending

    for sha256 in objects:
        assert not (library_path / "objects" / sha256[:2] / sha256[2:]).exists()
        assert not plain_vault_file(library_path, sha256).exists()
        assert vault_file(library_path, sha256).is_file()
    assert where_found(TITLE_WORD, files_under(library_path)) == []
    assert where_found(TEXT_WORD, files_under(library_path)) == []
    assert pages_indexed_with(TEXT_WORD, library_path) == 0
    assert station.verify().ok
    station.lock()
    assert station.search(TEXT_WORD.lower()).total == 0  # locked: not searchable

    document, _, _ = station.document(first)  # asks for the key, opens it
    assert document.metadata.title == f"Hồ sơ {TITLE_WORD}"
    assert TEXT_WORD in station.page_texts(first)[1].text
    assert station.search(TEXT_WORD.lower()).total == 1  # unlocked: found, from memory
    assert where_found(TEXT_WORD, files_under(library_path)) == []
    assert pages_indexed_with(TEXT_WORD, library_path) == 0


def test_an_object_another_document_uses_stays_in_the_store(
    station: Workstation, library_path: Path, tmp_path: Path
) -> None:
    first = import_page(station, tmp_path / "in", 1)
    other = import_page(station, tmp_path / "in", 2)
    with Library.open(library_path) as library:
        give_text(library, first, [SHARED_TEXT])
        give_text(library, other, [SHARED_TEXT])
    shared = station.page_texts(first)[1].words_sha256
    assert station.page_texts(other)[1].words_sha256 == shared

    station.classify(first, SECRET, "dấu MẬT")
    assert (library_path / "objects" / shared[:2] / shared[2:]).is_file()
    assert vault_file(library_path, shared).is_file()
    assert station.page_texts(other)[1].text == SHARED_TEXT
    assert station.verify().ok


def test_lowering_needs_a_reason_and_brings_the_document_back(
    station: Workstation, library_path: Path, tmp_path: Path
) -> None:
    first, _ = _prepare(station, library_path, tmp_path)
    objects = _objects(station, first)
    station.classify(first, Classification.TOP_SECRET, "dấu TỐI MẬT")
    with pytest.raises(ClassificationRefused, match="reason"):
        station.classify(first, PUBLIC, "   ")
    station.classify(first, SECRET, "giảm độ mật theo quyết định 12/QĐ")
    assert not any((library_path / "objects" / s[:2] / s[2:]).exists() for s in objects)

    locked = Workstation(library_path)
    with pytest.raises(VaultLocked):
        locked.classify(first, PUBLIC, "giải mật theo quyết định 15/QĐ")

    change = station.classify(first, PUBLIC, "giải mật theo quyết định 15/QĐ")
    assert not change.sealed
    for sha256 in objects:
        assert (library_path / "objects" / sha256[:2] / sha256[2:]).is_file()
        assert not (library_path / "vault" / "objects" / sha256[:2] / sha256[2:]).exists()
    fresh = Workstation(library_path)  # no key at all: it is public again
    assert fresh.document(first)[0].metadata.title == f"Hồ sơ {TITLE_WORD}"
    assert TEXT_WORD in fresh.page_texts(first)[1].text
    assert fresh.search(TEXT_WORD.lower()).total == 1
    assert fresh.verify().ok
    # A person's reasons for a secret document's level are sealed: read with the key only.
    sealed = [e.details.get("reason") for e in fresh.audit_log() if e.event == "classified"]
    assert sealed == ["(sealed in the vault)"] * 3
    reasons = [e.details.get("reason") for e in station.audit_log() if e.event == "classified"]
    assert reasons == [
        "dấu TỐI MẬT",
        "giảm độ mật theo quyết định 12/QĐ",
        "giải mật theo quyết định 15/QĐ",
    ]


def test_a_stamp_only_raises_and_waits_for_the_key_when_locked(
    station: Workstation, library_path: Path, tmp_path: Path
) -> None:
    document_id = import_page(station, tmp_path / "in", 1)
    with Library.open(library_path, writable=True) as library:
        give_text(library, document_id, [f"Văn bản {TEXT_WORD}"])
        top = StampFinding(Classification.TOP_SECRET, "TỐI MẬT", Box(10, 10, 200, 60))
        change = propose(library, document_id, top)  # no vault attached: locked
        assert change is not None and change.pending and not change.sealed
        lower = StampFinding(SECRET, "MẬT", Box(10, 10, 100, 60))
        assert propose(library, document_id, lower) is None
        assert library.document(document_id).classification is Classification.TOP_SECRET
        assert pending_documents(library) == [document_id]

    report = station.verify()
    assert (ProblemKind.EXPOSED, document_id) in [(p.kind, p.object) for p in report.problems]
    assert station.search(TEXT_WORD.lower()).total == 0  # out of the search index already

    # The next piece of secret work on the library, with the key, seals it.
    station.describe(document_id, abstract="Báo cáo")
    assert station.verify().ok
    assert where_found(TEXT_WORD, files_under(library_path)) == []
    assert pages_indexed_with(TEXT_WORD, library_path) == 0
    events = [(e.event, e.document_id) for e in station.audit_log()]
    assert ("sealed", document_id) in events
