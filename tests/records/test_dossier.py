"""Dossiers with the fields of Thông tư 05/2025/TT-BNV, and their catalogue (mục lục hồ sơ,
mục lục văn bản) as an XLSX workbook and CSV files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from digitizer.acquire.importer import ImportOptions
from digitizer.errors import LibraryError
from digitizer.export.catalogue import DOCUMENT_COLUMNS, DOSSIER_COLUMNS, SHEETS
from digitizer.library import Library, catalog
from digitizer.service import Workstation
from tests.helpers.page_texts import give_text
from tests.helpers.pages import write_image
from tests.records.columns import columns

HEADER = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH QUẢNG NGÃI | Độc lập - Tự do - Hạnh phúc
Số: {number}/QĐ-UBND | Quảng Ngãi, ngày {day} tháng 3 năm {year}
>QUYẾT ĐỊNH
>Về việc công bố danh mục thủ tục hành chính
"""
NAME = "Hồ sơ 01 - Cải cách hành chính"


@pytest.fixture
def station(tmp_path: Path, library_path: Path) -> Workstation:
    station = Workstation(library_path)
    station.init()
    scans = [write_image(tmp_path / f"scan-{n}.png", n) for n in (1, 2)]
    report = station.import_paths(scans, ImportOptions(collection=NAME))
    with Library.open(library_path) as library:
        for entry, number, day, year in zip(
            report.imported, (15, 31), (5, 20), (2019, 2021), strict=True
        ):
            text = HEADER.format(number=number, day=day, year=year)
            give_text(library, entry.document_id, [columns(text)])
    for entry in report.imported:
        station.describe_record(entry.document_id, propose=True)
    return station


def test_a_dossier_computes_its_span_and_counts_and_keeps_a_persons_fields(
    station: Workstation,
) -> None:
    held = station.dossier(NAME, {"thoi_han_luu_tru": "Vĩnh viễn", "ma_ho_so": "H01.2021.01"})
    fields = held["fields"]
    assert fields["thoi_gian_bat_dau"] == "2019-03-05"
    assert fields["thoi_gian_ket_thuc"] == "2021-03-20"
    assert fields["tong_so_tai_lieu"] == 2
    assert fields["so_luong_trang"] == 2
    assert fields["thoi_han_luu_tru"] == "Vĩnh viễn"
    assert fields["ma_ho_so"] == "H01.2021.01"
    assert fields["tieu_de_ho_so"] == NAME
    assert list(held["names"].values())[:3] == ["Mã hồ sơ", "Tiêu đề hồ sơ", "Thời hạn lưu trữ"]
    # Every field has its element in the Thông tư's package metadata (EAD.xml).
    assert held["elements"]["tong_so_tai_lieu"] == "totalDoc"
    assert set(held["names"]) <= set(held["elements"])
    with pytest.raises(LibraryError):
        station.dossier(NAME, {"no_such_field": "x"})


def test_the_catalogue_workbook_holds_one_row_per_document_and_csv_beside_it(
    station: Workstation, tmp_path: Path
) -> None:
    first = station.dossier(NAME)["documents"][0]["document"]
    station.dossier_document_fields(first, {"but_tich": "Có bút phê của Chủ tịch"})
    out = tmp_path / "muc-luc.xlsx"
    result = station.publish("catalogue", out, collections=[NAME])
    assert result.format == "catalogue"
    book = load_workbook(out)
    assert book.sheetnames == list(SHEETS)
    dossiers = list(book[SHEETS[0]].iter_rows(values_only=True))
    documents = list(book[SHEETS[1]].iter_rows(values_only=True))
    assert dossiers[0] == tuple(title for title, _ in DOSSIER_COLUMNS)
    assert len(dossiers) == 2
    assert documents[0] == tuple(title for title, _ in DOCUMENT_COLUMNS)
    assert len(documents) == 3  # one row per document
    row = dict(zip(documents[0], documents[1], strict=True))
    assert row["Số, ký hiệu văn bản"] == "15/QĐ-UBND"
    assert row["Ngày, tháng, năm văn bản"] == "2019-03-05"
    assert row["Tên loại văn bản"] == "Quyết định"
    assert row["Tác giả văn bản"] == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert row["Trích yếu nội dung"] == "công bố danh mục thủ tục hành chính"
    assert row["Bút tích"] == "Có bút phê của Chủ tịch"
    listed = tmp_path / "muc-luc-muc-luc-van-ban.csv"
    assert listed.read_bytes().startswith(b"\xef\xbb\xbf")
    with listed.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert [r[2] for r in rows[1:]] == ["15/QĐ-UBND", "31/QĐ-UBND"]


def test_values_typed_under_the_first_keys_are_kept_under_the_thong_tu_names(
    station: Workstation,
) -> None:
    folder = Path(catalog.__file__).parent / "migrations"
    (script,) = folder.glob("*_tt05_field_names.sql")
    first = station.dossier(NAME)["documents"][0]["document"]
    with Library.open(station.library_path) as library, library.transaction() as db:
        collection = library.collections()[0].id
        db.execute(
            "INSERT INTO dossier_fields (collection_id, field, value, updated_at) "
            "VALUES (?, 'thoi_han_bao_quan', '70 năm', '2025-01-01T00:00:00Z')",
            (collection,),
        )
        db.execute(
            "INSERT INTO record_fields (document_id, field, value, state, updated_at) "
            "VALUES (?, 'tt05:ma_dinh_danh_van_ban', 'H49.2001.1', 'confirmed', '2025-01-01')",
            (first,),
        )
        for statement in script.read_text().split(";"):
            if statement.strip().strip("-").strip():
                db.execute(statement)
    held = station.dossier(NAME)
    assert held["fields"]["thoi_han_luu_tru"] == "70 năm"
    assert held["documents"][0]["fields"]["ma_dinh_danh_tai_lieu"] == "H49.2001.1"
