-- 0015: renewals — the avis d'échéance sent for a contract's échéance, and the agency's renewal
-- settings. Both are append-only facts entered in the journal (journal.rs CHAINED).
--
-- * `avis_sendings`: one row per avis d'échéance sent (a resent avis is a new row): the
--   échéance it announces, the day it was sent and how. The Chatel outcome (art. L113-15-1) is
--   computed from these rows (domain deadlines/chatel.rs), never stored.
-- * `renewal_settings`: each change of the settings is a new row; the latest one is in force.
--   claim_silence_days: a claim without news for that many days is to be followed up;
--   advice_review_months: interval of the re-examination of advice (0: none);
--   ics_client_names: whether the clear .ics file may carry client names (default no).

CREATE TABLE avis_sendings (
    id          INTEGER PRIMARY KEY,
    contract_id INTEGER NOT NULL REFERENCES contracts(id),
    echeance    TEXT NOT NULL CHECK (echeance GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    sent_on     TEXT NOT NULL CHECK (sent_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    channel     TEXT NOT NULL CHECK (channel IN ('courrier', 'email', 'remise')),
    act_id      INTEGER NOT NULL REFERENCES acts(id)
);
CREATE INDEX avis_sendings_contract ON avis_sendings (contract_id, echeance);

CREATE TABLE renewal_settings (
    id                   INTEGER PRIMARY KEY,
    claim_silence_days   INTEGER NOT NULL CHECK (claim_silence_days BETWEEN 1 AND 3650),
    advice_review_months INTEGER NOT NULL CHECK (advice_review_months BETWEEN 0 AND 120),
    ics_client_names     INTEGER NOT NULL CHECK (ics_client_names IN (0, 1)),
    act_id               INTEGER NOT NULL REFERENCES acts(id)
);

CREATE TRIGGER avis_sendings_no_update BEFORE UPDATE ON avis_sendings
BEGIN SELECT RAISE(ABORT, 'append-only: avis_sendings'); END;
CREATE TRIGGER avis_sendings_no_delete BEFORE DELETE ON avis_sendings
BEGIN SELECT RAISE(ABORT, 'append-only: avis_sendings'); END;
CREATE TRIGGER renewal_settings_no_update BEFORE UPDATE ON renewal_settings
BEGIN SELECT RAISE(ABORT, 'append-only: renewal_settings'); END;
CREATE TRIGGER renewal_settings_no_delete BEFORE DELETE ON renewal_settings
BEGIN SELECT RAISE(ABORT, 'append-only: renewal_settings'); END;

-- The calendar asks for the contracts whose échéance anniversary (month and day of the first
-- échéance) falls in a range: an index on that expression makes the month view a range scan.
CREATE INDEX contracts_echeance_day ON contracts (substr(first_echeance, 6, 5));
