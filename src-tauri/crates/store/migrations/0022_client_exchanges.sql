-- 0022: the client's exchange log (issue 13, item 5). Every exchange with a client that is not
-- about one claim — a call, a meeting, a letter, an e-mail written elsewhere — and every consent
-- given or withdrawn (an opposition to canvassing, say) is an append-only fact with its act, so it
-- enters the journal (journal.rs, CHAINED) and `courtier check` names one edited or removed.
-- Exchanges about a claim keep their own table (claim_communications, with its own chain); sent
-- e-mails, relevé requests and avis d'échéance already are facts of their own (0015, 0016): the
-- timeline shows them all together.
--
-- * `kind`: 'echange' (a call, meeting, letter…: its channel says which), 'consentement' (a
--   consent given: the summary says to what) or 'opposition' (a consent withdrawn, an objection).
-- * `channel`: the claim exchanges' vocabulary (telephone, email, courrier, rendez_vous, autre).
-- * `at`: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, when it happened (never in the future: checked by
--   the application against its clock).
-- * `contract_id`: the contract it is about, if one.

CREATE TABLE client_exchanges (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients(id),
    contract_id INTEGER REFERENCES contracts(id),
    at          TEXT NOT NULL CHECK (
                    at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'
                    OR at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]'),
    kind        TEXT NOT NULL CHECK (kind IN ('echange', 'consentement', 'opposition')),
    channel     TEXT NOT NULL CHECK (channel IN ('telephone', 'email', 'courrier', 'rendez_vous', 'autre')),
    direction   TEXT NOT NULL CHECK (direction IN ('entrant', 'sortant')),
    summary     TEXT NOT NULL CHECK (length(summary) BETWEEN 1 AND 4000),
    act_id      INTEGER NOT NULL REFERENCES acts(id)
);
CREATE INDEX client_exchanges_client ON client_exchanges (client_id, at);

CREATE TRIGGER client_exchanges_no_update BEFORE UPDATE ON client_exchanges
BEGIN SELECT RAISE(ABORT, 'append-only: client_exchanges'); END;
CREATE TRIGGER client_exchanges_no_delete BEFORE DELETE ON client_exchanges
BEGIN SELECT RAISE(ABORT, 'append-only: client_exchanges'); END;
