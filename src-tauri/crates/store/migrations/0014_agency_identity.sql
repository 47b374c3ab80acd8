-- The agency's identity as printed documents carry it (issue 12, Paramètres → Agence): name,
-- address, ORIAS number, professional association, phone, e-mail, logo, the footer's legal
-- mentions. Append-only: each change is a new row with its act (in the journal), the last row is
-- the identity in force, the earlier ones say what a document printed before carried.
CREATE TABLE agency_identities (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) >= 1),
    address     TEXT,
    orias       TEXT CHECK (orias IS NULL OR (length(orias) = 8 AND orias NOT GLOB '*[^0-9]*')),
    association TEXT,
    phone       TEXT,
    email       TEXT,
    footer      TEXT,
    logo_format TEXT CHECK (logo_format IN ('png', 'jpeg')),
    logo        BLOB,
    act_id      INTEGER NOT NULL REFERENCES acts(id),
    CHECK ((logo IS NULL) = (logo_format IS NULL))
);

CREATE TRIGGER agency_identities_no_update BEFORE UPDATE ON agency_identities
BEGIN SELECT RAISE(ABORT, 'append-only: agency_identities'); END;
CREATE TRIGGER agency_identities_no_delete BEFORE DELETE ON agency_identities
BEGIN SELECT RAISE(ABORT, 'append-only: agency_identities'); END;
