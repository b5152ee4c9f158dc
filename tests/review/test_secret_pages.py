"""Pages of secret documents in the window's core helpers: opened, corrected and turned through
the vault (real scrypt, real AES-GCM), with nothing of them written in plaintext — and their
sealed objects reclaimed by the purge once nothing uses them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from digitizer.errors import VaultLocked
from digitizer.library import Library
from digitizer.model import Classification
from digitizer.service import Workstation
from tests.helpers.page_texts import give_text
from tests.security.routes import fabricated_routes
from tests.security.support import (
    catalogue_rows,
    files_under,
    import_page,
    pages_indexed_with,
    where_found,
)
from tests.security.vaults import PASSPHRASE, vault_station

UNUSUAL_WORD = "Khuyếtnguyệt"  # a code name no dictionary has, with marks that NFD splits
TEXT = "Nghị quyết của Ban Chấp hành\nĐảng bộ tỉnh về chuyển đổi số"


@pytest.fixture
def station(library_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workstation:
    """A library with a vault, unlocked, on a machine the network guard sees as offline; no
    passphrase at hand once it is locked (as in the window)."""
    fabricated_routes(tmp_path / "proc-net", monkeypatch)
    return vault_station(library_path, locked=False)


def _secret_document(station: Workstation, folder: Path) -> str:
    """A one-page document with OCR text, then classified Mật: its data moves into the vault."""
    document = import_page(station, folder, 3)
    with Library.open(station.library_path) as library:
        give_text(library, document, [TEXT])
    station.classify(document, Classification.SECRET, "dấu MẬT ở đầu trang")
    return document


def _plain(station: Workstation, sha256: str) -> int:
    rows = catalogue_rows(
        station.library_path, f"SELECT plain FROM objects WHERE sha256 = '{sha256}'"
    )
    return int(str(rows[0][0]))


def test_a_secret_page_is_opened_corrected_and_turned_without_a_plaintext_trace(
    station: Workstation, inputs: Path
) -> None:
    document = _secret_document(station, inputs)
    library_path = station.library_path

    view = station.page_view(document, 1)
    assert isinstance(view.image, bytes)  # opened from the vault into memory, not a file
    with Image.open(io.BytesIO(view.image)) as image:
        assert image.size == (view.page.width, view.page.height)
    assert view.text is not None and view.text.text == TEXT
    assert all(isinstance(image, bytes) for _, image in station.page_images(document))

    result = station.correct_page(document, 1, TEXT.replace("tỉnh", UNUSUAL_WORD))

    assert result.changed_words == 1
    words = result.record.words_sha256
    assert _plain(station, words) == 0
    assert not (library_path / "objects" / words[:2] / words[2:]).exists()
    assert (library_path / "vault" / "objects" / words[:2] / words[2:]).is_file()
    texts = catalogue_rows(library_path, "SELECT text, settings_key FROM page_texts ORDER BY id")
    assert [row[0] for row in texts] == ["", ""]  # the OCR result and the correction: no text
    corrected = station.page_view(document, 1)
    assert corrected.corrected and corrected.text is not None
    assert f"Đảng bộ {UNUSUAL_WORD} về" in corrected.text.text
    assert [hit.document_id for hit in station.search(UNUSUAL_WORD.lower()).hits] == [document]
    assert any(
        e.event == "opened" and e.details.get("for") == "correct" for e in station.audit_log()
    )

    removed = station.rotate_page(document, 1, 1)

    turned = station.page_view(document, 1)
    assert isinstance(turned.image, bytes) and turned.text is None  # to be read again
    with Image.open(io.BytesIO(turned.image)) as image:
        assert image.size == (view.page.height, view.page.width)
    assert _plain(station, turned.page.image_sha256) == 0
    station.restore_page(removed)
    assert station.page_view(document, 1).corrected

    assert station.verify().ok
    assert station.audit_verify().ok
    searched = files_under(library_path, Path("/dev/shm"))
    assert len(searched) > 10  # the catalogue, its log, the index, the vault's files at least
    assert where_found(UNUSUAL_WORD, searched) == []
    assert pages_indexed_with(UNUSUAL_WORD, library_path) == 0


def test_sealed_objects_nothing_uses_are_purged(station: Workstation, inputs: Path) -> None:
    document = _secret_document(station, inputs)
    public = import_page(station, inputs, 4)
    vault_files = station.library_path / "vault" / "objects"
    removed = station.rotate_page(document, 1, 1)
    station.restore_page(removed)  # the turned image is used by nothing now

    assert station.purge_unused_objects() == 1
    assert station.verify().ok
    sealed = {
        str(row[0])
        for row in catalogue_rows(station.library_path, "SELECT sha256 FROM vault_objects")
    }
    assert sealed and all((vault_files / s[:2] / s[2:]).is_file() for s in sealed)

    station.delete_document(document)
    assert station.purge_unused_objects() == len(sealed)
    assert catalogue_rows(station.library_path, "SELECT count(*) FROM vault_objects") == [(0,)]
    assert files_under(vault_files) == []
    assert station.verify().ok
    assert [d.id for d in station.documents()] == [public]


def test_a_locked_vault_keeps_secret_pages_shut(station: Workstation, inputs: Path) -> None:
    document = _secret_document(station, inputs)
    station.lock()
    rows = catalogue_rows(station.library_path, "SELECT count(*) FROM page_texts")

    with pytest.raises(VaultLocked):
        station.page_view(document, 1)
    with pytest.raises(VaultLocked):
        station.correct_page(document, 1, TEXT.replace("tỉnh", UNUSUAL_WORD))
    with pytest.raises(VaultLocked):
        station.rotate_page(document, 1, 2)

    assert catalogue_rows(station.library_path, "SELECT count(*) FROM page_texts") == rows
    station.unlock(PASSPHRASE)
    assert station.page_view(document, 1).text is not None
