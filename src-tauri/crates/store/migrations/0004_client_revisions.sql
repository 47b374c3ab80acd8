-- Clients keep the values a correction replaced, like claims, contracts, vehicles, drivers and
-- insurers: the revisions table accepts the entity 'client'. SQLite cannot widen a CHECK in
-- place, so the table is rebuilt with its rows, index and append-only triggers.
DROP TRIGGER revisions_no_update;
DROP TRIGGER revisions_no_delete;
CREATE TABLE revisions_new (
    id          INTEGER PRIMARY KEY,
    entity      TEXT NOT NULL CHECK (entity IN ('client', 'claim', 'contract', 'vehicle', 'driver', 'insurer')),
    entity_id   INTEGER NOT NULL,
    previous    TEXT NOT NULL,
    reason      TEXT,
    recorded_at TEXT NOT NULL
);
INSERT INTO revisions_new (id, entity, entity_id, previous, reason, recorded_at)
    SELECT id, entity, entity_id, previous, reason, recorded_at FROM revisions ORDER BY id;
DROP TABLE revisions;
ALTER TABLE revisions_new RENAME TO revisions;
CREATE INDEX revisions_entity ON revisions (entity, entity_id, id);
CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'append-only: revisions'); END;
CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
BEGIN SELECT RAISE(ABORT, 'append-only: revisions'); END;
