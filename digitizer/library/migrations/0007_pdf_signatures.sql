-- Digital signatures found in an original PDF, as the file states them (no certificate
-- validation). `covers_whole_file`: the signed byte range runs from the first byte to the last,
-- so nothing was added to the file after signing.
CREATE TABLE source_signatures (
    source_sha256      TEXT NOT NULL REFERENCES sources(sha256) ON DELETE CASCADE,
    position           INTEGER NOT NULL,   -- order of the signature fields in the file
    field              TEXT NOT NULL,
    signer             TEXT NOT NULL,      -- the signature's /Name, else its certificate's name
    signed_at          TEXT NOT NULL,      -- ISO 8601 when the file's date reads, else as written
    reason             TEXT NOT NULL,
    location           TEXT NOT NULL,
    sub_filter         TEXT NOT NULL,      -- adbe.pkcs7.detached, ETSI.CAdES.detached …
    covers_whole_file  INTEGER NOT NULL CHECK (covers_whole_file IN (0, 1)),
    PRIMARY KEY (source_sha256, position)
);

-- Pages of an original PDF whose text layer was judged not to be the page's text, so the page
-- is read by OCR like a scan: 'stamp' (only an e-signature stamp's text), 'garbled' (an
-- invisible OCR layer that is not Vietnamese words).
CREATE TABLE source_text_layers (
    source_sha256  TEXT NOT NULL REFERENCES sources(sha256) ON DELETE CASCADE,
    source_page    INTEGER NOT NULL,
    verdict        TEXT NOT NULL CHECK (verdict IN ('stamp', 'garbled')),
    PRIMARY KEY (source_sha256, source_page)
);
