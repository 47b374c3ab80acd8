-- Aggravating circumstances (A121-1-2) the broker records, as dated facts: on a claim (alcohol
-- or drugs, hit-and-run) or on a driver (a licence suspension with its length in months or its
-- dates, a cancellation, several suspensions over two months in one period, a non-declaration
-- at subscription). The rate is the domain's: a suspension's from its length. Like the other
-- facts, rows refer to `acts` for their recording time and are never updated nor deleted; a
-- mistaken fact is withdrawn by a later row of `aggravation_withdrawals`, with its reason, and
-- stays in the history.

CREATE TABLE aggravations (
    id                INTEGER PRIMARY KEY,
    contract_id       INTEGER NOT NULL REFERENCES contracts(id),
    claim_id          INTEGER REFERENCES claims(id),
    driver_id         INTEGER REFERENCES drivers(id),
    kind              TEXT NOT NULL CHECK (kind IN ('alcohol', 'hit_and_run', 'suspension', 'cancellation', 'multiple_suspensions', 'non_declaration')),
    event_day         INTEGER NOT NULL,
    -- A suspension's length: whole months, or from/to (the day the licence is given back).
    suspension_months INTEGER CHECK (suspension_months >= 1),
    suspension_from   INTEGER,
    suspension_to     INTEGER,
    -- The alcohol or hit-and-run fact that caused this suspension (the higher applies).
    caused_by         INTEGER REFERENCES aggravations(id),
    note              TEXT,
    act_id            INTEGER NOT NULL REFERENCES acts(id),
    CHECK ((kind IN ('alcohol', 'hit_and_run')) = (claim_id IS NOT NULL)),
    CHECK ((kind IN ('alcohol', 'hit_and_run')) = (driver_id IS NULL)),
    CHECK ((suspension_from IS NULL) = (suspension_to IS NULL)),
    CHECK (suspension_to IS NULL OR suspension_to > suspension_from),
    CHECK ((kind = 'suspension') = (suspension_months IS NOT NULL OR suspension_from IS NOT NULL)),
    CHECK (suspension_months IS NULL OR suspension_from IS NULL),
    CHECK (caused_by IS NULL OR kind IN ('suspension', 'cancellation', 'multiple_suspensions'))
);
CREATE INDEX aggravations_contract ON aggravations (contract_id, id);
CREATE TRIGGER aggravations_no_update BEFORE UPDATE ON aggravations
BEGIN SELECT RAISE(ABORT, 'append-only: aggravations'); END;
CREATE TRIGGER aggravations_no_delete BEFORE DELETE ON aggravations
BEGIN SELECT RAISE(ABORT, 'append-only: aggravations'); END;

-- A fact withdrawn (recorded by mistake, or cancelled by a court): at most once, with why.
CREATE TABLE aggravation_withdrawals (
    aggravation_id INTEGER PRIMARY KEY REFERENCES aggravations(id),
    reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    act_id         INTEGER NOT NULL REFERENCES acts(id)
);
CREATE TRIGGER aggravation_withdrawals_no_update BEFORE UPDATE ON aggravation_withdrawals
BEGIN SELECT RAISE(ABORT, 'append-only: aggravation_withdrawals'); END;
CREATE TRIGGER aggravation_withdrawals_no_delete BEFORE DELETE ON aggravation_withdrawals
BEGIN SELECT RAISE(ABORT, 'append-only: aggravation_withdrawals'); END;
