-- Secret documents: the vault's sealed objects and records, the audit log, the copy register.

-- Whether the object's plaintext file is in objects/. A secret document's objects live only in
-- the vault (plain = 0); an object that a non-secret document shares stays here as well.
ALTER TABLE objects ADD COLUMN plain INTEGER NOT NULL DEFAULT 1 CHECK (plain IN (0, 1));

-- Objects sealed in the vault (vault/objects/ab/cdef…, named like the plaintext object). The
-- sealed file's own hash lets `verify` find damage without the key.
CREATE TABLE vault_objects (
    sha256         TEXT PRIMARY KEY REFERENCES objects(sha256),
    sealed_sha256  TEXT NOT NULL CHECK (length(sealed_sha256) = 64),
    sealed_size    INTEGER NOT NULL CHECK (sealed_size > 0),
    created_at     TEXT NOT NULL
);

-- The archival description and original file names of a secret document, sealed. The
-- document's own row keeps only its id, level, state and counts.
CREATE TABLE sealed_records (
    document_id  TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    sealed       BLOB NOT NULL,
    updated_at   TEXT NOT NULL
);

-- Append-only, hash-chained: each entry's hash covers its fields and the previous entry's hash.
CREATE TABLE audit_log (
    seq          INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    event        TEXT NOT NULL,
    operator     TEXT NOT NULL,
    document_id  TEXT NOT NULL DEFAULT '',
    details      TEXT NOT NULL DEFAULT '{}',
    previous     TEXT NOT NULL,
    hash         TEXT NOT NULL
);
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Every internal copy made of a document (sổ theo dõi sao, chụp tài liệu mật).
CREATE TABLE copy_register (
    id              INTEGER PRIMARY KEY,
    document_id     TEXT NOT NULL,
    classification  TEXT NOT NULL,
    copies          INTEGER NOT NULL CHECK (copies > 0),
    purpose         TEXT NOT NULL,
    operator        TEXT NOT NULL,
    destination     TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX copy_register_by_document ON copy_register(document_id);
