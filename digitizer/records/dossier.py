"""Dossiers (hồ sơ) and the fields Thông tư 05/2025/TT-BNV gives a dossier and each of its
documents in the descriptive metadata of its packages (Phụ lục I–IV: the dossier's `EAD.xml`,
each document's `EAD_doc`). Field keys are the Thông tư's Vietnamese names without marks;
`DOSSIER_FIELDS` and `DOCUMENT_FIELDS` give the names as the Thông tư writes them, in its order,
`ELEMENTS` its XML element for each. docs/records.md says where each value comes from: typed by
a person, or computed from the documents.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from digitizer.errors import CollectionNotFound, LibraryError
from digitizer.library import Library
from digitizer.library.library import utc_now
from digitizer.model import Collection, Document
from digitizer.records.store import set_by_person

DOSSIER_FIELDS = {
    "ma_ho_so": "Mã hồ sơ",
    "tieu_de_ho_so": "Tiêu đề hồ sơ",
    "thoi_han_luu_tru": "Thời hạn lưu trữ",
    "che_do_su_dung": "Chế độ sử dụng",
    "ngon_ngu": "Ngôn ngữ",
    "thoi_gian_bat_dau": "Thời gian bắt đầu",
    "thoi_gian_ket_thuc": "Thời gian kết thúc",
    "tu_khoa": "Từ khóa",
    "tong_so_tai_lieu": "Tổng số tài liệu trong hồ sơ",
    "so_luong_to": "Số lượng tờ",
    "so_luong_trang": "Số lượng trang",
    "tinh_trang_vat_ly": "Tình trạng vật lý",
    "ky_hieu_thong_tin": "Ký hiệu thông tin",
    "muc_do_tin_cay": "Mức độ tin cậy",
    "ma_ho_so_goc_giay": "Mã hồ sơ gốc giấy",
    "che_do_du_phong": "Chế độ dự phòng",
    "tinh_trang_du_phong": "Tình trạng dự phòng",
    "ghi_chu": "Ghi chú",
}
DOCUMENT_FIELDS = {
    "ma_dinh_danh_tai_lieu": "Mã định danh tài liệu",
    "so_thu_tu_tai_lieu": "Số thứ tự tài liệu",
    "so_luong_trang": "Số lượng trang",
    "ngon_ngu": "Ngôn ngữ",
    "ky_hieu_thong_tin": "Ký hiệu thông tin",
    "tu_khoa": "Từ khóa",
    "che_do_su_dung": "Chế độ sử dụng",
    "muc_do_tin_cay": "Mức độ tin cậy",
    "but_tich": "Bút tích",
    "tinh_trang_vat_ly": "Tình trạng vật lý",
    "quy_trinh_xu_ly": "Quy trình xử lý",
    "ghi_chu": "Ghi chú",
}
ELEMENTS = {
    "ma_ho_so": "fileCode", "tieu_de_ho_so": "title", "thoi_han_luu_tru": "maintenance",
    "che_do_su_dung": "mode", "ngon_ngu": "language", "thoi_gian_bat_dau": "startDate",
    "thoi_gian_ket_thuc": "endDate", "tu_khoa": "keyword", "tong_so_tai_lieu": "totalDoc",
    "so_luong_to": "numberOfPaper", "so_luong_trang": "numberOfPage",
    "tinh_trang_vat_ly": "format", "ky_hieu_thong_tin": "inforSign",
    "muc_do_tin_cay": "confidenceLevel", "ma_ho_so_goc_giay": "paperFileCode",
    "che_do_du_phong": "riskRecovery", "tinh_trang_du_phong": "riskRecoveryStatus",
    "ghi_chu": "description", "ma_dinh_danh_tai_lieu": "docId",
    "so_thu_tu_tai_lieu": "docOrdinal", "but_tich": "autograph", "quy_trinh_xu_ly": "process",
}  # fmt: skip
"""Each field's element in the Thông tư's EAD metadata of a package (`EAD.xml`, `EAD_doc`)."""
_DOCUMENT_PREFIX = "tt05:"  # record_fields names of the document fields, apart from the record's


def _collection(library: Library, name: str) -> Collection:
    found = next((c for c in library.collections() if c.name == name), None)
    if found is None:
        raise CollectionNotFound(f"No collection called {name!r}.")
    return found


def set_dossier_fields(library: Library, name: str, values: Mapping[str, str]) -> None:
    """A person's values for dossier fields (keys of `DOSSIER_FIELDS`)."""
    unknown = sorted(set(values) - set(DOSSIER_FIELDS))
    if unknown:
        raise LibraryError(
            f"Unknown dossier field(s) {', '.join(unknown)}; known: {', '.join(DOSSIER_FIELDS)}."
        )
    collection = _collection(library, name)
    with library.transaction() as db:
        for field, value in values.items():
            db.execute(
                "INSERT INTO dossier_fields (collection_id, field, value, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (collection_id, field) DO UPDATE SET "
                "value = excluded.value, updated_at = excluded.updated_at",
                (collection.id, field, value, utc_now()),
            )


def set_document_fields(library: Library, document_id: str, values: Mapping[str, str]) -> None:
    """A person's values for a document's Thông tư fields (keys of `DOCUMENT_FIELDS`)."""
    unknown = sorted(set(values) - set(DOCUMENT_FIELDS))
    if unknown:
        raise LibraryError(
            f"Unknown document field(s) {', '.join(unknown)}; known: {', '.join(DOCUMENT_FIELDS)}."
        )
    set_by_person(library, document_id, {_DOCUMENT_PREFIX + k: v for k, v in values.items()})


def dates_of(document: Document, extra: Mapping[str, str]) -> tuple[date | None, date | None]:
    """The earliest and latest day a document stands for: its date, else its year."""
    if document.metadata.issued_on:
        return document.metadata.issued_on, document.metadata.issued_on
    year = extra.get("issued_year", "")
    if year.isdigit():
        return date(int(year), 1, 1), date(int(year), 12, 31)
    return None, None


def document_fields(library: Library, document: Document, position: int) -> dict[str, Any]:
    """A document's Thông tư fields: a person's values, else what the library knows."""
    rows = library.rows(
        "SELECT field, value FROM record_fields WHERE document_id = ?", (document.id,)
    )
    stored = {str(r["field"]): str(r["value"]) for r in rows}
    values: dict[str, Any] = {
        "ma_dinh_danh_tai_lieu": document.id,
        "so_thu_tu_tai_lieu": position,
        "so_luong_trang": document.page_count,
        "ngon_ngu": document.metadata.language,
        "tu_khoa": "; ".join(document.metadata.keywords),
    }
    for key in DOCUMENT_FIELDS:
        values[key] = stored.get(_DOCUMENT_PREFIX + key, values.get(key, ""))
    return values


def dossier(library: Library, name: str) -> dict[str, Any]:
    """The dossier's fields (a person's values first, then those computed from its documents),
    and its documents with their record and Thông tư fields, in the dossier's order."""
    collection = _collection(library, name)
    documents = [library.document(i) for i in collection.document_ids]
    stored = {
        str(r["field"]): str(r["value"])
        for r in library.rows(
            "SELECT field, value FROM dossier_fields WHERE collection_id = ?", (collection.id,)
        )
    }
    extras = [
        {
            str(r["field"]): str(r["value"])
            for r in library.rows(
                "SELECT field, value FROM record_fields WHERE document_id = ?", (d.id,)
            )
        }
        for d in documents
    ]
    spans = [dates_of(d, e) for d, e in zip(documents, extras, strict=True)]
    starts = [s for s, _ in spans if s]
    ends = [e for _, e in spans if e]
    languages = sorted({d.metadata.language for d in documents if d.metadata.language})
    computed: dict[str, Any] = {
        "ma_ho_so": collection.code,
        "tieu_de_ho_so": collection.name,
        "ngon_ngu": ", ".join(languages),
        "thoi_gian_bat_dau": min(starts).isoformat() if starts else "",
        "thoi_gian_ket_thuc": max(ends).isoformat() if ends else "",
        "tong_so_tai_lieu": len(documents),
        "so_luong_trang": sum(d.page_count for d in documents),
    }
    fields = {key: stored.get(key, computed.get(key, "")) for key in DOSSIER_FIELDS}
    return {
        "collection": collection.name,
        "fields": fields,
        "names": DOSSIER_FIELDS,
        "elements": ELEMENTS,
        "documents": [
            {
                "document": d.id,
                "classification": d.classification.value,
                "metadata": d.metadata.as_json(),
                "record": extra,
                "fields": document_fields(library, d, position),
            }
            for position, (d, extra) in enumerate(zip(documents, extras, strict=True), start=1)
        ],
    }
