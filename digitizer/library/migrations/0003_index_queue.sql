-- The search index is a cache of the catalogue. Every change that makes a page's search entry
-- stale queues the page here, in the same transaction as the change; the one index writer
-- applies the queue and removes the rows it applied only after its own commit, so a crash on
-- either side loses nothing.
CREATE TABLE index_queue (
    id           INTEGER PRIMARY KEY,
    document_id  TEXT NOT NULL,
    page_number  INTEGER,  -- NULL: every page of the document
    queued_at    TEXT NOT NULL
);
