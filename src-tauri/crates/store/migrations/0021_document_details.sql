-- A document's type, date and note corrected after attaching (issue 12: the broker sets them in
-- the dialog at drop time, and may change them later from the list). The attaching fact in
-- `documents` is never updated: each change is a new row here, with its act (chained in the
-- journal, journal.rs CHAINED), and the last row is the document's details in force. A row
-- carries all three values (a note cleared is NULL in the row that clears it).
CREATE TABLE document_details (
    document_id   INTEGER NOT NULL REFERENCES documents(id),
    seq           INTEGER NOT NULL CHECK (seq >= 1),
    kind          TEXT NOT NULL CHECK (kind IN ('constat_amiable', 'rapport_expertise', 'photos',
                      'facture', 'releve_information', 'courrier', 'piece_identite', 'permis',
                      'carte_grise', 'attestation', 'autre')),
    document_date TEXT CHECK (document_date IS NULL OR document_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    note          TEXT,
    act_id        INTEGER NOT NULL REFERENCES acts(id),
    PRIMARY KEY (document_id, seq)
) WITHOUT ROWID;

CREATE TRIGGER document_details_no_update BEFORE UPDATE ON document_details
BEGIN SELECT RAISE(ABORT, 'append-only: document_details'); END;
CREATE TRIGGER document_details_no_delete BEFORE DELETE ON document_details
BEGIN SELECT RAISE(ABORT, 'append-only: document_details'); END;
