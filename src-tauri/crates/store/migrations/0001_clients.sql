-- 0001: clients, households and the search index.
-- Dates are ISO-8601 text; CHECK constraints mirror the domain's value types.

CREATE TABLE agency (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    agency_id   TEXT NOT NULL,
    name        TEXT,
    created_at  TEXT NOT NULL
);

CREATE TABLE households (
    id          INTEGER PRIMARY KEY,
    created_at  TEXT NOT NULL
);

CREATE TABLE clients (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('person', 'company')),
    civility        TEXT CHECK (civility IN ('M', 'Mme')),
    last_name       TEXT,
    first_name      TEXT,
    company_name    TEXT,
    siren           TEXT CHECK (siren IS NULL OR (length(siren) = 9 AND siren NOT GLOB '*[^0-9]*')),
    birth_date      TEXT CHECK (birth_date IS NULL OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    profession      TEXT,
    status          TEXT NOT NULL CHECK (status IN ('prospect', 'client', 'former')),
    source          TEXT,
    assigned_broker TEXT,
    notes           TEXT,
    household_id    INTEGER REFERENCES households(id) ON DELETE SET NULL,
    sort_key        TEXT NOT NULL,
    archived_at     TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK ((kind = 'person' AND last_name IS NOT NULL) OR (kind = 'company' AND company_name IS NOT NULL))
);
CREATE INDEX clients_sort ON clients (sort_key, id);
CREATE INDEX clients_active_sort ON clients (sort_key, id) WHERE archived_at IS NULL;
CREATE INDEX clients_updated ON clients (updated_at, id);
CREATE INDEX clients_created ON clients (created_at, id);
CREATE INDEX clients_household ON clients (household_id) WHERE household_id IS NOT NULL;

CREATE TABLE client_addresses (
    client_id   INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position >= 0),
    kind        TEXT NOT NULL CHECK (kind IN ('principale', 'correspondance')),
    line1       TEXT,
    line2       TEXT,
    postcode    TEXT NOT NULL,
    city        TEXT NOT NULL,
    country     TEXT NOT NULL,
    PRIMARY KEY (client_id, position)
) WITHOUT ROWID;
CREATE INDEX client_addresses_postcode ON client_addresses (postcode, client_id) WHERE position = 0;
CREATE INDEX client_addresses_city ON client_addresses (city COLLATE NOCASE, client_id) WHERE position = 0;

CREATE TABLE client_phones (
    client_id   INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position >= 0),
    kind        TEXT NOT NULL CHECK (kind IN ('mobile', 'fixe', 'professionnel')),
    number      TEXT NOT NULL,
    PRIMARY KEY (client_id, position)
) WITHOUT ROWID;

CREATE TABLE client_emails (
    client_id   INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position >= 0),
    kind        TEXT NOT NULL CHECK (kind IN ('personnel', 'professionnel')),
    address     TEXT NOT NULL,
    PRIMARY KEY (client_id, position)
) WITHOUT ROWID;

-- Full-text index, one row per client (rowid = clients.id), kept by the store on every write.
-- unicode61 with remove_diacritics folds accents, so "helene" finds "Hélène".
CREATE VIRTUAL TABLE client_search USING fts5 (
    name, emails, phones, postcodes, cities,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
