-- 0003: a claim's amounts and every correction as dated facts, the R16 transfer decision of a vehicle,
-- and the exchange log made tamper-evident (hash chain) with the append-only tables guarded by triggers.

-- Amounts of a claim: each estimate, payment and franchise is a fact with its date. The latest
-- estimate and franchise are in force; payments add up.
CREATE TABLE claim_amounts (
    id           INTEGER PRIMARY KEY,
    claim_id     INTEGER NOT NULL REFERENCES claims(id),
    kind         TEXT NOT NULL CHECK (kind IN ('estimation', 'reglement', 'franchise')),
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    on_date      TEXT NOT NULL,
    note         TEXT,
    recorded_at  TEXT NOT NULL
);
CREATE INDEX claim_amounts_claim ON claim_amounts (claim_id, id);

-- The estimate entered at declaration becomes the first estimation fact.
INSERT INTO claim_amounts (claim_id, kind, amount_cents, on_date, recorded_at)
    SELECT id, 'estimation', estimated_cents, COALESCE(declared_on, occurred_on), recorded_at
    FROM claims WHERE estimated_cents IS NOT NULL;

-- Corrections of recorded facts (a claim's declaration, a contract's dates and terms, a
-- vehicle, a driver, an insurer's details): the values before each correction, as JSON, so nothing is overwritten
-- silently.
CREATE TABLE revisions (
    id          INTEGER PRIMARY KEY,
    entity      TEXT NOT NULL CHECK (entity IN ('claim', 'contract', 'vehicle', 'driver', 'insurer')),
    entity_id   INTEGER NOT NULL,
    previous    TEXT NOT NULL,
    reason      TEXT,
    recorded_at TEXT NOT NULL
);
CREATE INDEX revisions_entity ON revisions (entity, entity_id, id);

-- R16: a vehicle that entered the contract with other usual drivers (replacement or addition):
-- a reduction in force is lost from that date.
ALTER TABLE vehicles ADD COLUMN other_drivers INTEGER NOT NULL DEFAULT 0 CHECK (other_drivers IN (0, 1));

-- The exchange log: each entry carries the SHA-256 of the previous entry's hash and its own
-- content (hex), so an edited or deleted entry breaks the chain. Filled by the application for
-- rows written before this version (hash IS NULL), once, in id order.
ALTER TABLE claim_communications ADD COLUMN prev_hash TEXT;
ALTER TABLE claim_communications ADD COLUMN hash TEXT;
CREATE UNIQUE INDEX claim_communications_hash ON claim_communications (hash);

-- Append-only tables refuse updates and deletes.
CREATE TRIGGER claim_qualifications_no_update BEFORE UPDATE ON claim_qualifications
BEGIN SELECT RAISE(ABORT, 'append-only: claim_qualifications'); END;
CREATE TRIGGER claim_qualifications_no_delete BEFORE DELETE ON claim_qualifications
BEGIN SELECT RAISE(ABORT, 'append-only: claim_qualifications'); END;
CREATE TRIGGER claim_status_events_no_update BEFORE UPDATE ON claim_status_events
BEGIN SELECT RAISE(ABORT, 'append-only: claim_status_events'); END;
CREATE TRIGGER claim_status_events_no_delete BEFORE DELETE ON claim_status_events
BEGIN SELECT RAISE(ABORT, 'append-only: claim_status_events'); END;
CREATE TRIGGER claim_amounts_no_update BEFORE UPDATE ON claim_amounts
BEGIN SELECT RAISE(ABORT, 'append-only: claim_amounts'); END;
CREATE TRIGGER claim_amounts_no_delete BEFORE DELETE ON claim_amounts
BEGIN SELECT RAISE(ABORT, 'append-only: claim_amounts'); END;
CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'append-only: revisions'); END;
CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
BEGIN SELECT RAISE(ABORT, 'append-only: revisions'); END;
CREATE TRIGGER contract_events_no_update BEFORE UPDATE ON contract_events
BEGIN SELECT RAISE(ABORT, 'append-only: contract_events'); END;
CREATE TRIGGER contract_events_no_delete BEFORE DELETE ON contract_events
BEGIN SELECT RAISE(ABORT, 'append-only: contract_events'); END;
-- Nothing the coefficient or the file's history rests on is ever deleted.
CREATE TRIGGER contracts_no_delete BEFORE DELETE ON contracts
BEGIN SELECT RAISE(ABORT, 'never deleted: contracts'); END;
CREATE TRIGGER claims_no_delete BEFORE DELETE ON claims
BEGIN SELECT RAISE(ABORT, 'never deleted: claims'); END;
CREATE TRIGGER vehicles_no_delete BEFORE DELETE ON vehicles
BEGIN SELECT RAISE(ABORT, 'never deleted: vehicles'); END;
CREATE TRIGGER drivers_no_delete BEFORE DELETE ON drivers
BEGIN SELECT RAISE(ABORT, 'never deleted: drivers'); END;
CREATE TRIGGER claim_parties_no_delete BEFORE DELETE ON claim_parties
BEGIN SELECT RAISE(ABORT, 'never deleted: claim_parties'); END;
CREATE TRIGGER releves_no_delete BEFORE DELETE ON releves
BEGIN SELECT RAISE(ABORT, 'never deleted: releves'); END;
CREATE TRIGGER contract_interruptions_no_delete BEFORE DELETE ON contract_interruptions
BEGIN SELECT RAISE(ABORT, 'never deleted: contract_interruptions'); END;
CREATE TRIGGER contract_premiums_no_delete BEFORE DELETE ON contract_premiums
BEGIN SELECT RAISE(ABORT, 'never deleted: contract_premiums'); END;
-- A communication is written once; only its missing hash may be filled in (rows from schema 2).
CREATE TRIGGER claim_communications_no_update BEFORE UPDATE ON claim_communications
WHEN OLD.hash IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'append-only: claim_communications'); END;
CREATE TRIGGER claim_communications_no_delete BEFORE DELETE ON claim_communications
BEGIN SELECT RAISE(ABORT, 'append-only: claim_communications'); END;
