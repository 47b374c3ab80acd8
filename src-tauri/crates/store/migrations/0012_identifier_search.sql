-- Identifier search: the search box finds contract numbers, registrations and claim references, typed any
-- way (« gh456 », « GH 456 », « gh-456-jk » all find « GH-456-JK »). Each is indexed on its
-- normalised form (spaces, dashes, dots, slashes and underscores removed, ASCII letters
-- lowered), an index on the expression itself: nothing to keep in step, every write path
-- (correction, demo batch, a tool writing the file) updates it, and a prefix is one range of it.
-- The search reads `WHERE <same expression> >= ?1 AND <same expression> < ?2 LIMIT n`.
CREATE INDEX contracts_number_key ON contracts (
    lower(replace(replace(replace(replace(replace(number, ' ', ''), '-', ''), '.', ''), '/', ''), '_', ''))
);
CREATE INDEX vehicles_registration_key ON vehicles (
    lower(replace(replace(replace(replace(replace(registration, ' ', ''), '-', ''), '.', ''), '/', ''), '_', ''))
);
CREATE INDEX claims_reference_key ON claims (
    lower(replace(replace(replace(replace(replace(insurer_reference, ' ', ''), '-', ''), '.', ''), '/', ''), '_', ''))
) WHERE insurer_reference IS NOT NULL;
-- The Sinistres section lists every claim, newest first, a page at a time: read from this
-- index in that order instead of sorting all the claims for each page.
CREATE INDEX claims_occurred ON claims (occurred_on, id);
