-- Store facts, derive the rest. The coefficient history keeps only what queries need (the
-- coefficient set at each échéance, for lists, the calendar and reports); the reference periods
-- and the engine's trace are rebuilt from the dated facts in microseconds when a page or a note
-- shows them. The trace alone was close to half of a large agency file. The contract's
-- updated_at already says when its coefficients were last recomputed.
CREATE TABLE coefficient_history_new (
    contract_id  INTEGER NOT NULL REFERENCES contracts(id),
    echeance     TEXT NOT NULL,
    coefficient  INTEGER NOT NULL CHECK (coefficient BETWEEN 50 AND 350),
    PRIMARY KEY (contract_id, echeance)
) WITHOUT ROWID;
INSERT INTO coefficient_history_new (contract_id, echeance, coefficient)
    SELECT contract_id, echeance, coefficient FROM coefficient_history;
DROP TABLE coefficient_history;
ALTER TABLE coefficient_history_new RENAME TO coefficient_history;
