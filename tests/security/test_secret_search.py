"""Secret documents are found only while the vault is unlocked, from an index that lives in
memory: searching writes nothing of them anywhere."""

from __future__ import annotations

from pathlib import Path

from digitizer.library import Library
from digitizer.model import Classification
from digitizer.service import Workstation
from tests.helpers.page_texts import give_text
from tests.security.support import FileWrites, import_page
from tests.security.vaults import PASSPHRASE


def test_sealed_pages_are_searched_in_memory_and_merged(
    station: Workstation, library_path: Path, tmp_path: Path
) -> None:
    secret = import_page(station, tmp_path / "in", 1)
    public = import_page(station, tmp_path / "in", 2)
    with Library.open(library_path) as library:
        give_text(library, secret, ["Kế hoạch phòng thủ khu vực Quỳnhdiệp năm nay"])
        give_text(library, public, ["Kế hoạch thi đua năm nay"])
    station.describe(secret, title="Kế hoạch mật", document_type="Kế hoạch")
    station.describe(public, title="Kế hoạch công khai", document_type="Kế hoạch")
    station.classify(secret, Classification.SECRET, "dấu MẬT")
    station.lock()

    locked = station.search("kế hoạch")
    assert [hit.document_id for hit in locked.hits] == [public]
    assert dict(locked.facets["type"]) == {"Kế hoạch": 1}

    station.unlock(PASSPHRASE)
    with FileWrites.hook() as record:
        unlocked = station.search("ke hoach")
        only_secret = station.search("quynhdiep")
    assert sorted(hit.document_id for hit in unlocked.hits) == sorted([public, secret])
    assert unlocked.total == 2 and dict(unlocked.facets["type"]) == {"Kế hoạch": 2}
    (hit,) = only_secret.hits
    assert hit.document_id == secret and hit.title == "Kế hoạch mật"
    assert "«Quỳnhdiệp»" in hit.snippet and len(hit.boxes) == 1  # boxes from the sealed words
    # The on-disk index (its lock and the library's among them) is all that was opened for
    # writing: nothing of the secret page went to a file.
    index, lock = library_path / "index", library_path / "lock"
    assert [p for p in record.written if not p.startswith((str(index), str(lock)))] == []
    assert any(
        e.event == "searched" and e.details["documents"] == [secret] for e in station.audit_log()
    )
