-- 0002: insurers, contracts and their dated facts, claims with their qualifications and
-- statuses (append-only), and the coefficient history derived from them.
-- Money is integer cents; coefficients integer hundredths; dates ISO-8601 text.

CREATE TABLE insurers (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    address_line1 TEXT,
    postcode      TEXT,
    city          TEXT,
    email         TEXT,
    phone         TEXT,
    -- Where to ask for relevés d'information.
    releve_email  TEXT,
    created_at    TEXT NOT NULL
);

CREATE TABLE contracts (
    id                      INTEGER PRIMARY KEY,
    client_id               INTEGER NOT NULL REFERENCES clients(id),
    insurer_id              INTEGER NOT NULL REFERENCES insurers(id),
    number                  TEXT NOT NULL,
    product                 TEXT NOT NULL CHECK (product IN ('auto', 'habitation', 'sante', 'prevoyance', 'autre')),
    subscription_date       TEXT NOT NULL,
    first_echeance          TEXT NOT NULL CHECK (first_echeance > subscription_date),
    usage                   TEXT NOT NULL CHECK (usage IN ('standard', 'tournees')),
    clause_applies          INTEGER NOT NULL DEFAULT 1 CHECK (clause_applies IN (0, 1)),
    start_coefficient       INTEGER NOT NULL CHECK (start_coefficient BETWEEN 50 AND 350),
    start_periods_at_floor  INTEGER NOT NULL DEFAULT 0 CHECK (start_periods_at_floor >= 0),
    start_claim_free_streak INTEGER NOT NULL DEFAULT 0 CHECK (start_claim_free_streak >= 0),
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    UNIQUE (insurer_id, number)
);
CREATE INDEX contracts_client ON contracts (client_id);

-- Status transitions and amendments: dated facts, never rewritten.
CREATE TABLE contract_events (
    id            INTEGER PRIMARY KEY,
    contract_id   INTEGER NOT NULL REFERENCES contracts(id),
    on_date       TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('status', 'avenant')),
    status        TEXT CHECK (status IN ('devis', 'en_cours', 'suspendu', 'resilie')),
    terminated_by TEXT CHECK (terminated_by IN ('client', 'assureur', 'loi_hamon', 'loi_chatel', 'vente_vehicule', 'autre')),
    details       TEXT,
    recorded_at   TEXT NOT NULL,
    CHECK ((kind = 'status') = (status IS NOT NULL))
);
CREATE INDEX contract_events_contract ON contract_events (contract_id, on_date);

-- Reference premium lines, from a date on (the latest line of a guarantee in force wins).
CREATE TABLE contract_premiums (
    id           INTEGER PRIMARY KEY,
    contract_id  INTEGER NOT NULL REFERENCES contracts(id),
    from_date    TEXT NOT NULL,
    guarantee    TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    modulated    INTEGER NOT NULL CHECK (modulated IN (0, 1)),
    recorded_at  TEXT NOT NULL
);
CREATE INDEX contract_premiums_contract ON contract_premiums (contract_id, from_date);

-- Suspensions and interruptions of cover, half-open [from_date, to_date).
CREATE TABLE contract_interruptions (
    id          INTEGER PRIMARY KEY,
    contract_id INTEGER NOT NULL REFERENCES contracts(id),
    from_date   TEXT NOT NULL,
    to_date     TEXT NOT NULL CHECK (to_date > from_date),
    reason      TEXT,
    recorded_at TEXT NOT NULL
);

-- Vehicles on a contract; a replacement closes one (`to_date`, `replaced_by`) and opens another.
CREATE TABLE vehicles (
    id                 INTEGER PRIMARY KEY,
    contract_id        INTEGER NOT NULL REFERENCES contracts(id),
    registration       TEXT NOT NULL,
    make               TEXT,
    model              TEXT,
    first_registration TEXT,
    from_date          TEXT NOT NULL,
    to_date            TEXT CHECK (to_date IS NULL OR to_date >= from_date),
    replaced_by        INTEGER REFERENCES vehicles(id),
    -- R16: what the replacement did to the coefficient, in French.
    transfer_note      TEXT,
    recorded_at        TEXT NOT NULL
);
CREATE INDEX vehicles_contract ON vehicles (contract_id);

-- Drivers named on a contract (principal, secondary, occasional), optionally a client record.
CREATE TABLE drivers (
    id             INTEGER PRIMARY KEY,
    contract_id    INTEGER NOT NULL REFERENCES contracts(id),
    client_id      INTEGER REFERENCES clients(id),
    role           TEXT NOT NULL CHECK (role IN ('principal', 'secondaire', 'occasionnel')),
    last_name      TEXT NOT NULL,
    first_name     TEXT,
    birth_date     TEXT,
    licence_number TEXT,
    licence_date   TEXT,
    -- Apprentissage anticipé de la conduite (halves the novice surcharge).
    aac            INTEGER NOT NULL DEFAULT 0 CHECK (aac IN (0, 1)),
    from_date      TEXT NOT NULL,
    to_date        TEXT,
    recorded_at    TEXT NOT NULL
);
CREATE INDEX drivers_contract ON drivers (contract_id);

CREATE TABLE claims (
    id                INTEGER PRIMARY KEY,
    contract_id       INTEGER NOT NULL REFERENCES contracts(id),
    vehicle_id        INTEGER REFERENCES vehicles(id),
    driver_id         INTEGER REFERENCES drivers(id),
    occurred_on       TEXT NOT NULL,
    declared_on       TEXT CHECK (declared_on IS NULL OR declared_on >= occurred_on),
    kind              TEXT NOT NULL CHECK (kind IN ('accident', 'theft', 'fire', 'glass', 'parked_unidentified', 'force_majeure', 'driven_without_consent', 'natural_disaster')),
    place             TEXT,
    description       TEXT,
    insurer_reference TEXT,
    estimated_cents   INTEGER CHECK (estimated_cents IS NULL OR estimated_cents >= 0),
    recorded_at       TEXT NOT NULL
);
CREATE INDEX claims_contract ON claims (contract_id, occurred_on);

-- Every qualification of a claim's responsibility, in order: the first is the one recorded at
-- declaration, each later one a requalification found on `found_on` (art. 8). Never rewritten.
CREATE TABLE claim_qualifications (
    id             INTEGER PRIMARY KEY,
    claim_id       INTEGER NOT NULL REFERENCES claims(id),
    responsibility TEXT NOT NULL CHECK (responsibility IN ('full', 'partial', 'none')),
    found_on       TEXT NOT NULL,
    note           TEXT,
    recorded_at    TEXT NOT NULL
);
CREATE INDEX claim_qualifications_claim ON claim_qualifications (claim_id, id);

CREATE TABLE claim_status_events (
    id          INTEGER PRIMARY KEY,
    claim_id    INTEGER NOT NULL REFERENCES claims(id),
    status      TEXT NOT NULL CHECK (status IN ('declare', 'en_expertise', 'en_reparation', 'indemnise', 'clos', 'refuse')),
    on_date     TEXT NOT NULL,
    note        TEXT,
    recorded_at TEXT NOT NULL
);
CREATE INDEX claim_status_events_claim ON claim_status_events (claim_id, id);

-- Derived: the coefficient set at each échéance and the trace of its period, recomputed from
-- the facts above in the same transaction as every change to them.
CREATE TABLE coefficient_history (
    contract_id  INTEGER NOT NULL REFERENCES contracts(id),
    echeance     TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end   TEXT NOT NULL,
    coefficient  INTEGER NOT NULL CHECK (coefficient BETWEEN 50 AND 350),
    trace        TEXT NOT NULL,
    computed_at  TEXT NOT NULL,
    PRIMARY KEY (contract_id, echeance)
) WITHOUT ROWID;

-- Relevés d'information received for a client (R17, R18): the document as entered, and what
-- Courtier computed from it when it was recorded.
CREATE TABLE releves (
    id                INTEGER PRIMARY KEY,
    client_id         INTEGER NOT NULL REFERENCES clients(id),
    received_on       TEXT NOT NULL,
    document          TEXT NOT NULL,
    start_coefficient INTEGER CHECK (start_coefficient IS NULL OR start_coefficient BETWEEN 50 AND 350),
    inconsistency     TEXT,
    recorded_at       TEXT NOT NULL
);
CREATE INDEX releves_client ON releves (client_id, received_on);

-- The people involved in a claim, and every exchange with them (append-only).
CREATE TABLE claim_parties (
    id          INTEGER PRIMARY KEY,
    claim_id    INTEGER NOT NULL REFERENCES claims(id),
    role        TEXT NOT NULL CHECK (role IN ('expert', 'garage', 'tiers', 'assureur_tiers', 'autre')),
    name        TEXT NOT NULL,
    phone       TEXT,
    email       TEXT,
    address     TEXT,
    reference   TEXT,
    recorded_at TEXT NOT NULL
);
CREATE INDEX claim_parties_claim ON claim_parties (claim_id);

CREATE TABLE claim_communications (
    id          INTEGER PRIMARY KEY,
    claim_id    INTEGER NOT NULL REFERENCES claims(id),
    party_id    INTEGER REFERENCES claim_parties(id),
    at          TEXT NOT NULL,
    channel     TEXT NOT NULL CHECK (channel IN ('telephone', 'email', 'courrier', 'rendez_vous', 'autre')),
    direction   TEXT NOT NULL CHECK (direction IN ('entrant', 'sortant')),
    summary     TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX claim_communications_claim ON claim_communications (claim_id, at);
