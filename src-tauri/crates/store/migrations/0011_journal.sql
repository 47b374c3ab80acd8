-- The journal: every append-only fact enters one hash chain when it is written, never later.
--
-- * An act is now one write transaction (it was one instant: two commands in the same second
--   shared an act, so the facts of an act sealed by the first would have been added to by the
--   second). `acts` loses its UNIQUE (recorded_at); the rows and ids are kept as they are, so no
--   fact row's act_id changes. The runner applies migrations with foreign keys off, so the
--   table can be rebuilt under the rows that refer to it.
-- * `journal` holds one link per act, written in the act's own transaction: the keyed hash
--   (HMAC-SHA-256, a key derived from the agency key) of the previous link, the act's id and
--   time, and its manifest (every fact row the act wrote, table by table, as digests). The
--   store computes it: SQL has no key. Files upgraded to this version have their existing acts
--   chained once, in id order, in the migration's transaction.
-- * The exchange log's entries belong to an act too (`claim_communications.act_id`): those
--   written before this version join the act of their recording time (a new act when none).
-- * Acts and links are never updated or deleted.

CREATE TABLE acts_new (
    id          INTEGER PRIMARY KEY,
    recorded_at TEXT NOT NULL
);
INSERT INTO acts_new (id, recorded_at) SELECT id, recorded_at FROM acts ORDER BY id;
INSERT INTO acts_new (recorded_at)
    SELECT DISTINCT c.recorded_at FROM claim_communications c
    WHERE NOT EXISTS (SELECT 1 FROM acts a WHERE a.recorded_at = c.recorded_at)
    ORDER BY 1;
DROP TABLE acts;
ALTER TABLE acts_new RENAME TO acts;

ALTER TABLE claim_communications ADD COLUMN act_id INTEGER REFERENCES acts(id);
DROP TRIGGER claim_communications_no_update;
UPDATE claim_communications SET act_id =
    (SELECT min(a.id) FROM acts a WHERE a.recorded_at = claim_communications.recorded_at);
CREATE TRIGGER claim_communications_no_update BEFORE UPDATE ON claim_communications
WHEN OLD.hash IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'append-only: claim_communications'); END;

CREATE TABLE journal (
    act_id   INTEGER PRIMARY KEY REFERENCES acts(id),
    manifest TEXT NOT NULL,
    link     BLOB NOT NULL CHECK (length(link) = 32)
);

CREATE TRIGGER acts_no_update BEFORE UPDATE ON acts
BEGIN SELECT RAISE(ABORT, 'append-only: acts'); END;
CREATE TRIGGER acts_no_delete BEFORE DELETE ON acts
BEGIN SELECT RAISE(ABORT, 'append-only: acts'); END;
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'append-only: journal'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'append-only: journal'); END;
-- The facts that were only guarded against deletion are never updated either: nothing in
-- Courtier rewrites them, and the journal holds their content.
CREATE TRIGGER contract_premiums_no_update BEFORE UPDATE ON contract_premiums
BEGIN SELECT RAISE(ABORT, 'append-only: contract_premiums'); END;
CREATE TRIGGER contract_interruptions_no_update BEFORE UPDATE ON contract_interruptions
BEGIN SELECT RAISE(ABORT, 'append-only: contract_interruptions'); END;
CREATE TRIGGER claim_parties_no_update BEFORE UPDATE ON claim_parties
BEGIN SELECT RAISE(ABORT, 'append-only: claim_parties'); END;
CREATE TRIGGER releves_no_update BEFORE UPDATE ON releves
BEGIN SELECT RAISE(ABORT, 'append-only: releves'); END;
