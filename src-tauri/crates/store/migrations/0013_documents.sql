-- Attached documents (issue 12): scans, photos and PDFs kept inside the agency file, encrypted by
-- SQLCipher under the agency's key like every other page of it, so a backup of the file carries
-- them and no clear copy ever exists on disk.
--
-- * `document_contents` holds the bytes (and the thumbnail, a small PNG made at attach time). The
--   bytes are written and read through SQLite's incremental blob I/O, in chunks, never as one
--   value. A content is not a fact: emptying the bin deletes it (secure_delete overwrites it).
-- * `documents` is the fact of attaching, never updated nor deleted: who it belongs to (a client,
--   a contract or a claim), what it is, its size, pages and SHA-256 (of the bytes as they were
--   streamed in), the act that recorded it. `content_id` names its bytes while they exist; it is
--   not a foreign key because the fact outlives the bytes once the bin is emptied.
-- * Moving to the bin and restoring (`document_bin_events`), exporting (`document_exports`) and
--   emptying the bin (`bin_emptyings`, with the documents each emptying removed) are facts too,
--   each with its act, append-only.
-- * `document_settings`: the size limit the broker sees and changes (one row, a setting).

-- AUTOINCREMENT: an emptied content's id is never given to another (facts keep naming it).
-- `bytes` is the last column: SQLite then writes a zeroblob straight to its pages; before another
-- column it would build the whole 50 MB record in memory first.
CREATE TABLE document_contents (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    thumbnail BLOB,
    bytes     BLOB NOT NULL
);

CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    client_id     INTEGER REFERENCES clients(id),
    contract_id   INTEGER REFERENCES contracts(id),
    claim_id      INTEGER REFERENCES claims(id),
    kind          TEXT NOT NULL CHECK (kind IN ('constat_amiable', 'rapport_expertise', 'photos',
                      'facture', 'releve_information', 'courrier', 'piece_identite', 'permis',
                      'carte_grise', 'attestation', 'autre')),
    format        TEXT NOT NULL CHECK (format IN ('pdf', 'jpeg', 'png', 'tiff')),
    file_name     TEXT NOT NULL,
    document_date TEXT CHECK (document_date IS NULL OR document_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    note          TEXT,
    size          INTEGER NOT NULL CHECK (size > 0),
    pages         INTEGER NOT NULL CHECK (pages >= 1),
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
    content_id    INTEGER NOT NULL UNIQUE,
    act_id        INTEGER NOT NULL REFERENCES acts(id),
    CHECK ((client_id IS NOT NULL) + (contract_id IS NOT NULL) + (claim_id IS NOT NULL) = 1)
);
CREATE INDEX documents_client ON documents (client_id) WHERE client_id IS NOT NULL;
CREATE INDEX documents_contract ON documents (contract_id) WHERE contract_id IS NOT NULL;
CREATE INDEX documents_claim ON documents (claim_id) WHERE claim_id IS NOT NULL;
CREATE INDEX documents_sha256 ON documents (sha256);

CREATE TABLE document_bin_events (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    action      TEXT NOT NULL CHECK (action IN ('bin', 'restore')),
    act_id      INTEGER NOT NULL REFERENCES acts(id),
    PRIMARY KEY (document_id, seq)
) WITHOUT ROWID;

CREATE TABLE document_exports (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    destination TEXT NOT NULL,
    act_id      INTEGER NOT NULL REFERENCES acts(id),
    PRIMARY KEY (document_id, seq)
) WITHOUT ROWID;

CREATE TABLE bin_emptyings (
    id     INTEGER PRIMARY KEY,
    act_id INTEGER NOT NULL REFERENCES acts(id)
);
CREATE TABLE bin_emptied_documents (
    emptying_id INTEGER NOT NULL REFERENCES bin_emptyings(id),
    document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id),
    PRIMARY KEY (emptying_id, document_id)
) WITHOUT ROWID;

CREATE TABLE document_settings (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    max_bytes INTEGER NOT NULL CHECK (max_bytes BETWEEN 1048576 AND 1073741824)
);
INSERT INTO document_settings (id, max_bytes) VALUES (1, 52428800);

CREATE TRIGGER document_contents_no_update BEFORE UPDATE ON document_contents
BEGIN SELECT RAISE(ABORT, 'append-only: document_contents'); END;
CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents
BEGIN SELECT RAISE(ABORT, 'append-only: documents'); END;
CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
BEGIN SELECT RAISE(ABORT, 'append-only: documents'); END;
CREATE TRIGGER document_bin_events_no_update BEFORE UPDATE ON document_bin_events
BEGIN SELECT RAISE(ABORT, 'append-only: document_bin_events'); END;
CREATE TRIGGER document_bin_events_no_delete BEFORE DELETE ON document_bin_events
BEGIN SELECT RAISE(ABORT, 'append-only: document_bin_events'); END;
CREATE TRIGGER document_exports_no_update BEFORE UPDATE ON document_exports
BEGIN SELECT RAISE(ABORT, 'append-only: document_exports'); END;
CREATE TRIGGER document_exports_no_delete BEFORE DELETE ON document_exports
BEGIN SELECT RAISE(ABORT, 'append-only: document_exports'); END;
CREATE TRIGGER bin_emptyings_no_update BEFORE UPDATE ON bin_emptyings
BEGIN SELECT RAISE(ABORT, 'append-only: bin_emptyings'); END;
CREATE TRIGGER bin_emptyings_no_delete BEFORE DELETE ON bin_emptyings
BEGIN SELECT RAISE(ABORT, 'append-only: bin_emptyings'); END;
CREATE TRIGGER bin_emptied_documents_no_update BEFORE UPDATE ON bin_emptied_documents
BEGIN SELECT RAISE(ABORT, 'append-only: bin_emptied_documents'); END;
CREATE TRIGGER bin_emptied_documents_no_delete BEFORE DELETE ON bin_emptied_documents
BEGIN SELECT RAISE(ABORT, 'append-only: bin_emptied_documents'); END;
-- A content is deleted only once its document was emptied from the bin.
CREATE TRIGGER document_contents_delete_only_emptied BEFORE DELETE ON document_contents
WHEN NOT EXISTS (SELECT 1 FROM documents d JOIN bin_emptied_documents e ON e.document_id = d.id
                 WHERE d.content_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'append-only: document_contents kept until the bin is emptied'); END;
