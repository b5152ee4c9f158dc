-- The archival record beyond the catalogue's core description (parent body, place, signer,
-- recipients, độ khẩn …), and which fields of a document's record are still proposals read
-- from its pages. A field with no row here and a value in `documents` is a person's.
CREATE TABLE record_fields (
    document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    field        TEXT NOT NULL,
    value        TEXT NOT NULL DEFAULT '',
    state        TEXT NOT NULL CHECK (state IN ('proposed', 'confirmed')),
    confidence   REAL,             -- 0–1, for a proposal
    sources      TEXT NOT NULL DEFAULT '[]',  -- [{"page": n, "box": [x0, y0, x1, y1]}]
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (document_id, field)
);

-- What a proposal could not read (a handwritten number or day), by field.
CREATE TABLE record_gaps (
    document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    field        TEXT NOT NULL,
    reason       TEXT NOT NULL,
    PRIMARY KEY (document_id, field)
);

-- A collection kept as a dossier (hồ sơ): the fields of Thông tư 05/2025/TT-BNV that a person
-- gives (mã hồ sơ, thời hạn bảo quản …). Those computed from its documents (thời gian bắt đầu
-- và kết thúc, tổng số văn bản, số trang) are not stored unless a person overrides them.
CREATE TABLE dossier_fields (
    collection_id  INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    field          TEXT NOT NULL,
    value          TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (collection_id, field)
);
