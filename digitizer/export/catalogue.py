"""The catalogue of a dossier: mục lục hồ sơ and mục lục văn bản, as an XLSX workbook (one sheet
each) and as two CSV files beside it, in the column order archivists keep them.

One row per dossier in the mục lục hồ sơ, one row per document in the mục lục văn bản, with the
record fields (`digitizer.records`) and the dossier and document fields of Thông tư
05/2025/TT-BNV. Secret documents are refused, as in every public export.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from digitizer.errors import CollectionNotFound
from digitizer.export.collection import Selection
from digitizer.export.files import write_atomically
from digitizer.export.guard import refuse_secret
from digitizer.export.publish import PublishResult
from digitizer.library import Library
from digitizer.records.dossier import dossier

DOSSIER_COLUMNS = (
    ("Hồ sơ số", "so"),
    ("Mã hồ sơ", "ma_ho_so"),
    ("Tiêu đề hồ sơ", "tieu_de_ho_so"),
    ("Thời gian bắt đầu", "thoi_gian_bat_dau"),
    ("Thời gian kết thúc", "thoi_gian_ket_thuc"),
    ("Thời hạn lưu trữ", "thoi_han_luu_tru"),
    ("Chế độ sử dụng", "che_do_su_dung"),
    ("Ngôn ngữ", "ngon_ngu"),
    ("Từ khóa", "tu_khoa"),
    ("Tổng số tài liệu", "tong_so_tai_lieu"),
    ("Số lượng tờ", "so_luong_to"),
    ("Số lượng trang", "so_luong_trang"),
    ("Tình trạng vật lý", "tinh_trang_vat_ly"),
    ("Ký hiệu thông tin", "ky_hieu_thong_tin"),
    ("Mức độ tin cậy", "muc_do_tin_cay"),
    ("Mã hồ sơ gốc giấy", "ma_ho_so_goc_giay"),
    ("Chế độ dự phòng", "che_do_du_phong"),
    ("Tình trạng dự phòng", "tinh_trang_du_phong"),
    ("Ghi chú", "ghi_chu"),
)
DOCUMENT_COLUMNS = (
    ("Số TT", "so_thu_tu_tai_lieu"),
    ("Mã định danh tài liệu", "ma_dinh_danh_tai_lieu"),
    ("Số, ký hiệu văn bản", "number_symbol"),
    ("Ngày, tháng, năm văn bản", "issued_on"),
    ("Tên loại văn bản", "document_type"),
    ("Trích yếu nội dung", "abstract"),
    ("Tác giả văn bản", "issuing_body"),
    ("Người ký", "signer_name"),
    ("Chức vụ người ký", "signer_title"),
    ("Độ khẩn", "urgency"),
    ("Số trang", "so_luong_trang"),
    ("Ngôn ngữ", "ngon_ngu"),
    ("Bút tích", "but_tich"),
    ("Tình trạng vật lý", "tinh_trang_vat_ly"),
    ("Chế độ sử dụng", "che_do_su_dung"),
    ("Mức độ tin cậy", "muc_do_tin_cay"),
    ("Ghi chú", "ghi_chu"),
)
SHEETS = ("Mục lục hồ sơ", "Mục lục văn bản")


def catalogue_rows(library: Library, name: str) -> tuple[list[list[Any]], list[list[Any]]]:
    """(mục lục hồ sơ rows, mục lục văn bản rows), each headed by its column names."""
    held = dossier(library, name)
    dossier_row = [{**held["fields"], "so": 1}.get(key, "") for _, key in DOSSIER_COLUMNS]
    documents = []
    for entry in held["documents"]:
        values = {**entry["metadata"], **entry["record"], **entry["fields"]}
        if not values.get("number_symbol") and values.get("symbol"):
            values["number_symbol"] = "/" + str(values["symbol"])  # the number is handwritten
        if not values.get("issued_on") and values.get("issued_year"):
            values["issued_on"] = values["issued_year"]
        documents.append([_cell(values.get(key)) for _, key in DOCUMENT_COLUMNS])
    return (
        [[title for title, _ in DOSSIER_COLUMNS], dossier_row],
        [[title for title, _ in DOCUMENT_COLUMNS], *documents],
    )


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return value


def write_catalogue(library: Library, selection: Selection, out: Path) -> PublishResult:
    """Write the workbook at `out` (.xlsx) and `<stem>-muc-luc-ho-so.csv`,
    `<stem>-muc-luc-van-ban.csv` beside it; each file appears whole or not at all."""
    from openpyxl import Workbook  # loaded only for this export

    if selection.collection is None:
        raise CollectionNotFound("The catalogue is made of a collection: give --collection NAME.")
    refuse_secret(selection.documents, "a catalogue")
    dossiers, documents = catalogue_rows(library, selection.collection.name)
    book = Workbook()
    for index, (title, rows) in enumerate(zip(SHEETS, (dossiers, documents), strict=True)):
        sheet = book.active if index == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = title
        for row in rows:
            sheet.append(row)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    csv_paths = [
        out.with_name(f"{out.stem}-muc-luc-ho-so.csv"),
        out.with_name(f"{out.stem}-muc-luc-van-ban.csv"),
    ]
    write_atomically(out, buffer.getvalue())
    for path, rows in zip(csv_paths, (dossiers, documents), strict=True):
        write_atomically(path, _csv(rows))
    return PublishResult(
        format="catalogue",
        path=out,
        documents=tuple(d.id for d in selection.documents),
        pages=sum(d.page_count for d in selection.documents),
        size=out.stat().st_size,
        details={"sheets": list(SHEETS), "csv": [str(p) for p in csv_paths]},
    )


def _csv(rows: Sequence[Sequence[Any]]) -> bytes:
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(rows)
    return ("\ufeff" + text.getvalue()).encode("utf-8")  # the BOM makes spreadsheets read UTF-8
