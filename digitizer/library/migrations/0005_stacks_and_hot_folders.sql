-- Acquisition of stacks (feeder batches, files split at separator sheets) and hot folders.

-- A page taken out of a stack because it looked blank: kept, listed, and put back on request.
-- `after_page` is where it goes back: after that page of its document (0: before the first).
CREATE TABLE set_aside_pages (
    id            INTEGER PRIMARY KEY,
    image_sha256  TEXT NOT NULL UNIQUE REFERENCES objects(sha256),
    media_type    TEXT NOT NULL,
    width         INTEGER NOT NULL CHECK (width > 0),
    height        INTEGER NOT NULL CHECK (height > 0),
    dpi           REAL,
    name          TEXT NOT NULL,       -- the page as the stack named it: file, or file and page
    document_id   TEXT REFERENCES documents(id) ON DELETE SET NULL,
    after_page    INTEGER NOT NULL DEFAULT 0 CHECK (after_page >= 0),
    reason        TEXT NOT NULL CHECK (reason IN ('blank')),
    ink           REAL NOT NULL,       -- the share of the page covered by ink, as measured
    created_at    TEXT NOT NULL
);
CREATE INDEX set_aside_by_document ON set_aside_pages(document_id);

-- A multi-page original split at separator sheets: a source belongs to one document, so each
-- page went in as its own image and the file itself is kept here, byte-exact.
CREATE TABLE stack_files (
    sha256      TEXT PRIMARY KEY REFERENCES objects(sha256),
    name        TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    size        INTEGER NOT NULL,
    page_count  INTEGER NOT NULL CHECK (page_count > 0),
    documents   INTEGER NOT NULL,      -- how many documents it was split into
    created_at  TEXT NOT NULL
);

-- Files a hot folder took: noted before the import starts and finished after the file moved,
-- so a watcher that restarts neither misses a file nor imports one twice.
CREATE TABLE hot_folder_files (
    id           INTEGER PRIMARY KEY,
    folder       TEXT NOT NULL,        -- the watched folder, resolved
    name         TEXT NOT NULL,        -- the file's name in it
    sha256       TEXT NOT NULL,
    size         INTEGER NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('importing', 'imported', 'failed', 'done')),
    outcome      TEXT NOT NULL DEFAULT '',  -- 'processed' or 'failed', once decided
    documents    TEXT NOT NULL DEFAULT '[]',  -- JSON list of the documents it made
    reason       TEXT NOT NULL DEFAULT '',
    moved_to     TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX hot_folder_files_by_hash ON hot_folder_files(folder, sha256);
