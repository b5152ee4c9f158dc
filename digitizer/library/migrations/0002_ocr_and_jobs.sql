-- OCR results and the jobs that produce them.

-- What recognition found on a page under one set of settings. A rerun with the same settings
-- finds its row and does nothing; the newest row of a page is its current text.
CREATE TABLE page_texts (
    id               INTEGER PRIMARY KEY,
    page_id          INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    settings_key     TEXT NOT NULL,      -- SHA-256 of `settings`
    settings         TEXT NOT NULL,      -- engine, model fingerprint, languages, preparation
    preparation      TEXT NOT NULL,      -- JSON: quarter turns, skew, crop, step timings
    prepared_sha256  TEXT REFERENCES objects(sha256),  -- derived image; NULL: original as is
    words_sha256     TEXT NOT NULL REFERENCES objects(sha256),  -- the word model, JSON
    text             TEXT NOT NULL,
    word_count       INTEGER NOT NULL,
    mean_confidence  REAL,
    seconds          REAL NOT NULL,      -- preparation and recognition, in the worker
    created_at       TEXT NOT NULL,
    UNIQUE (page_id, settings_key)
);
CREATE INDEX page_texts_by_prepared ON page_texts(prepared_sha256);
CREATE INDEX page_texts_by_words ON page_texts(words_sha256);

-- A persisted unit of background work. A job still 'running' when no writer holds the library
-- was cut off; recovery marks it 'interrupted' and the next run picks up its pending pages.
CREATE TABLE jobs (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    state       TEXT NOT NULL CHECK (state IN
                    ('running', 'done', 'failed', 'cancelled', 'interrupted')),
    settings    TEXT NOT NULL,
    message     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE job_pages (
    job_id         INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    page_id        INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    state          TEXT NOT NULL CHECK (state IN ('pending', 'done', 'skipped', 'failed')),
    error_code     TEXT NOT NULL DEFAULT '',
    error_message  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (job_id, page_id)
);
CREATE INDEX job_pages_by_page ON job_pages(page_id);
