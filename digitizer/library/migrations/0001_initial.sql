-- The first catalogue: objects, the documents made from them, their pages and collections.

CREATE TABLE objects (
    sha256      TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size        INTEGER NOT NULL CHECK (size >= 0),
    media_type  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

-- Objects being written: noted before the file appears, removed with the row that uses it.
-- What is left here after a crash names exactly the files that recovery may delete.
CREATE TABLE pending_objects (
    sha256      TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL
);

CREATE TABLE collections (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    code        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);

CREATE TABLE documents (
    id              TEXT PRIMARY KEY,
    collection_id   INTEGER REFERENCES collections(id) ON DELETE SET NULL,
    position        INTEGER NOT NULL DEFAULT 0,
    title           TEXT NOT NULL DEFAULT '',
    document_type   TEXT NOT NULL DEFAULT '',
    number_symbol   TEXT NOT NULL DEFAULT '',
    issuing_body    TEXT NOT NULL DEFAULT '',
    issued_on       TEXT,
    abstract        TEXT NOT NULL DEFAULT '',
    keywords        TEXT NOT NULL DEFAULT '[]',
    language        TEXT NOT NULL DEFAULT 'vi',
    classification  TEXT NOT NULL DEFAULT 'PUBLIC' CHECK (classification IN
                        ('PUBLIC', 'INTERNAL', 'SECRET', 'TOP_SECRET', 'ULTRA_SECRET')),
    import_state    TEXT NOT NULL CHECK (import_state IN ('importing', 'complete')),
    import_key      TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX documents_by_import_key ON documents(import_key);
CREATE INDEX documents_by_collection ON documents(collection_id, position);

-- Original files, byte-exact. The same bytes are the source of one document only.
CREATE TABLE sources (
    sha256          TEXT PRIMARY KEY REFERENCES objects(sha256),
    document_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    name            TEXT NOT NULL,
    media_type      TEXT NOT NULL,
    size            INTEGER NOT NULL,
    page_count      INTEGER NOT NULL CHECK (page_count > 0),
    first_page      INTEGER NOT NULL,  -- number of this source's first page in the document
    has_text_layer  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (document_id, position)
);

CREATE TABLE pages (
    id              INTEGER PRIMARY KEY,
    document_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number          INTEGER NOT NULL CHECK (number > 0),
    image_sha256    TEXT NOT NULL REFERENCES objects(sha256),
    media_type      TEXT NOT NULL,
    width           INTEGER NOT NULL CHECK (width > 0),
    height          INTEGER NOT NULL CHECK (height > 0),
    dpi             REAL,
    source_sha256   TEXT NOT NULL REFERENCES sources(sha256),
    source_page     INTEGER NOT NULL CHECK (source_page > 0),
    has_text_layer  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (document_id, number),
    UNIQUE (source_sha256, source_page)
);
CREATE INDEX pages_by_image ON pages(image_sha256);

CREATE TABLE settings (
    key     TEXT PRIMARY KEY,
    value   TEXT NOT NULL
);
