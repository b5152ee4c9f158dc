"""Proposals fill only empty fields, stay marked until confirmed, and never replace a person's
value (through the service API, on pages given OCR text without Tesseract)."""

from __future__ import annotations

from pathlib import Path

import pytest

from digitizer.library import Library
from digitizer.model import Classification
from digitizer.service import Workstation
from tests.helpers.page_texts import give_text
from tests.helpers.pages import write_image
from tests.records.columns import columns
from tests.security.routes import fabricated_routes
from tests.security.vaults import PASSPHRASE, vault_station

PAGE = """ĐẢNG BỘ TỈNH BẮC KẠN | ĐẢNG CỘNG SẢN VIỆT NAM
TỈNH ỦY
*
Số 24-NQ/TU | Bắc Kạn, ngày 18 tháng 5 năm 2021
>NGHỊ QUYẾT
>về chuyển đổi số trong công tác lưu trữ
Ban Thường vụ Tỉnh ủy quyết nghị như sau:
"""


def _document(tmp_path: Path, library_path: Path) -> tuple[Workstation, str]:
    station = Workstation(library_path)
    station.init()
    report = station.import_paths([write_image(tmp_path / "scan-0001.png", 1)])
    document_id = report.imported[0].document_id
    with Library.open(library_path) as library:
        give_text(library, document_id, [columns(PAGE)])
    return station, document_id


def test_a_proposal_fills_empty_fields_and_stays_marked_until_confirmed(
    tmp_path: Path, library_path: Path
) -> None:
    station, document_id = _document(tmp_path, library_path)
    document, record = station.describe_record(document_id, propose=True)
    assert record["number_symbol"] == "24-NQ/TU"
    assert record["document_type"] == "Nghị quyết"
    assert record["issuing_body"] == "Tỉnh ủy Bắc Kạn"
    proposed = record["proposed"]
    assert isinstance(proposed, dict)
    assert {"number_symbol", "document_type", "issuing_body", "title"} <= set(proposed)
    number = proposed["number_symbol"]
    assert 0 < number["confidence"] <= 1 and number["sources"][0]["page"] == 1
    # The title was the file name: it becomes type + number + trích yếu.
    assert document.metadata.title == (
        "Nghị quyết 24-NQ/TU: về chuyển đổi số trong công tác lưu trữ"
    )

    _, record = station.describe_record(document_id, confirm=["number_symbol"])
    assert "number_symbol" not in record["proposed"]  # type: ignore[operator]
    assert "document_type" in record["proposed"]  # type: ignore[operator]
    _, record = station.describe_record(document_id, confirm=[])
    assert record["proposed"] == {}
    assert record["number_symbol"] == "24-NQ/TU"


def test_a_persons_value_survives_a_new_proposal(tmp_path: Path, library_path: Path) -> None:
    station, document_id = _document(tmp_path, library_path)
    station.describe(document_id, document_type="Chỉ thị", title="Nghị quyết về lưu trữ số")
    station.describe_record(document_id, {"signer_name": "Nguyễn Văn An"})
    for _ in range(2):
        document, record = station.describe_record(document_id, propose=True)
        assert record["document_type"] == "Chỉ thị"
        assert record["signer_name"] == "Nguyễn Văn An"
        assert document.metadata.title == "Nghị quyết về lưu trữ số"
        proposed = record["proposed"]
        assert isinstance(proposed, dict)
        assert not {"document_type", "signer_name", "title"} & set(proposed)
        assert record["number_symbol"] == "24-NQ/TU"  # an empty field is still proposed


def test_a_confirmed_proposal_is_kept_when_the_pages_say_otherwise(
    tmp_path: Path, library_path: Path
) -> None:
    station, document_id = _document(tmp_path, library_path)
    station.describe_record(document_id, propose=True, confirm=[])
    with Library.open(library_path) as library:
        library.db.execute("DELETE FROM page_texts")
        give_text(library, document_id, [columns(PAGE.replace("24-NQ/TU", "31-NQ/TU"))])
    _, record = station.describe_record(document_id, propose=True)
    assert record["number_symbol"] == "24-NQ/TU"


def test_a_document_sealed_as_secret_keeps_no_record_fields_in_plaintext(
    tmp_path: Path, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    routes = fabricated_routes(tmp_path / "proc-net", monkeypatch)
    assert routes is not None
    station = vault_station(library_path, locked=False)
    station.passphrase_source = lambda: PASSPHRASE
    report = station.import_paths([write_image(tmp_path / "scan-0001.png", 1)])
    document_id = report.imported[0].document_id
    with Library.open(library_path) as library:
        give_text(library, document_id, [columns(PAGE)])
    station.describe_record(document_id, {"signer_name": "Nguyễn Văn An"}, propose=True)
    station.classify(document_id, Classification.SECRET, reason="stamp MẬT found by hand")
    with Library.open(library_path) as library:
        assert not library.rows("SELECT 1 FROM record_fields WHERE document_id = ?", (document_id,))
        assert library.document(document_id).metadata.number_symbol == ""
    # Nothing is proposed into plaintext rows for a secret document either.
    station.describe_record(document_id, propose=True)
    with Library.open(library_path) as library:
        assert not library.rows("SELECT 1 FROM record_fields")


def test_a_secrecy_stamp_read_again_raises_the_level_and_writes_no_record(
    tmp_path: Path, library_path: Path
) -> None:
    station, document_id = _document(tmp_path, library_path)
    stamped = PAGE.replace(">NGHỊ QUYẾT", "MẬT\n>NGHỊ QUYẾT")
    with Library.open(library_path) as library:
        library.db.execute("DELETE FROM page_texts")
        give_text(library, document_id, [columns(stamped)])
    station.describe_record(document_id, propose=True)
    assert station.documents()[0].classification is Classification.SECRET
    with Library.open(library_path) as library:
        assert not library.rows("SELECT 1 FROM record_fields")
