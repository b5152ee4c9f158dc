-- A page an OCR run is recognising, claimed before it goes to a worker, so that two runs at
-- once divide the pages instead of both reading every one. A claim counts only while its job is
-- running: a run that was cut off leaves claims no one honours.
CREATE TABLE page_claims (
    page_id  INTEGER PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
    job_id   INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE
);
CREATE INDEX page_claims_by_job ON page_claims(job_id);
