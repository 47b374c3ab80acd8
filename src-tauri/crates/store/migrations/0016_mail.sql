-- E-mail follow-ups (issue 13, items 4 and 5): the SMTP account, the agency's templates, every
-- message written and every attempt to send it. All are append-only facts with their act, so
-- each is chained in the journal (journal.rs, CHAINED):
--
-- * `mail_accounts`: each change of the account; the last row is the account. The password is
--   never here: it is in the OS keychain beside the database key (or, without a keychain, asked
--   at sending time and kept in memory only). Security 'none' only towards 127.0.0.1 (a relay
--   on the broker's own machine, the tests' server).
-- * `mail_templates`: each change of a template; the last row of a kind is the template.
-- * `mail_messages`: a message as the broker confirmed it (recipient, subject, text with its
--   footer, the attachments' document ids, names and SHA-256), about a client and a contract
--   (and a claim, for a claim follow-up). Never changed.
-- * `mail_attempts`: each attempt to send a message, sent or failed with the reason. A message
--   whose last attempt failed is in the outbox.
-- * `releve_requests`: a relevé d'information requested from an insurer, the day it was sent
--   (it starts the fifteen-day clock of R18).

CREATE TABLE mail_accounts (
    id           INTEGER PRIMARY KEY,
    host         TEXT NOT NULL CHECK (length(host) BETWEEN 1 AND 253),
    port         INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
    security     TEXT NOT NULL CHECK (security IN ('starttls', 'tls', 'none')),
    username     TEXT NOT NULL,
    from_address TEXT NOT NULL CHECK (from_address LIKE '%_@_%'),
    from_name    TEXT NOT NULL,
    act_id       INTEGER NOT NULL REFERENCES acts(id),
    CHECK (security <> 'none' OR host = '127.0.0.1')
);

CREATE TABLE mail_templates (
    id      INTEGER PRIMARY KEY,
    kind    TEXT NOT NULL CHECK (kind IN ('avis_echeance', 'coefficient', 'demande_releve',
                'suivi_sinistre', 'piece_manquante')),
    subject TEXT NOT NULL CHECK (length(subject) >= 1),
    body    TEXT NOT NULL CHECK (length(body) >= 1),
    act_id  INTEGER NOT NULL REFERENCES acts(id)
);
CREATE INDEX mail_templates_kind ON mail_templates (kind, id);

CREATE TABLE mail_messages (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    client_id    INTEGER NOT NULL REFERENCES clients(id),
    contract_id  INTEGER REFERENCES contracts(id),
    claim_id     INTEGER REFERENCES claims(id),
    to_address   TEXT NOT NULL CHECK (to_address LIKE '%_@_%'),
    subject      TEXT NOT NULL,
    body         TEXT NOT NULL,
    -- JSON: [{"document_id": 3, "file_name": "releve.pdf", "sha256": "…"}]
    attachments  TEXT NOT NULL DEFAULT '[]',
    act_id       INTEGER NOT NULL REFERENCES acts(id)
);
CREATE INDEX mail_messages_client ON mail_messages (client_id);

CREATE TABLE mail_attempts (
    message_id INTEGER NOT NULL REFERENCES mail_messages(id),
    seq        INTEGER NOT NULL CHECK (seq >= 1),
    outcome    TEXT NOT NULL CHECK (outcome IN ('sent', 'failed')),
    reason     TEXT,
    act_id     INTEGER NOT NULL REFERENCES acts(id),
    PRIMARY KEY (message_id, seq),
    CHECK ((outcome = 'failed') = (reason IS NOT NULL))
) WITHOUT ROWID;

CREATE TABLE releve_requests (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients(id),
    insurer_id   INTEGER REFERENCES insurers(id),
    requested_on TEXT NOT NULL CHECK (requested_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    message_id   INTEGER NOT NULL REFERENCES mail_messages(id),
    act_id       INTEGER NOT NULL REFERENCES acts(id)
);

CREATE TRIGGER mail_accounts_no_update BEFORE UPDATE ON mail_accounts
BEGIN SELECT RAISE(ABORT, 'append-only: mail_accounts'); END;
CREATE TRIGGER mail_accounts_no_delete BEFORE DELETE ON mail_accounts
BEGIN SELECT RAISE(ABORT, 'append-only: mail_accounts'); END;
CREATE TRIGGER mail_templates_no_update BEFORE UPDATE ON mail_templates
BEGIN SELECT RAISE(ABORT, 'append-only: mail_templates'); END;
CREATE TRIGGER mail_templates_no_delete BEFORE DELETE ON mail_templates
BEGIN SELECT RAISE(ABORT, 'append-only: mail_templates'); END;
CREATE TRIGGER mail_messages_no_update BEFORE UPDATE ON mail_messages
BEGIN SELECT RAISE(ABORT, 'append-only: mail_messages'); END;
CREATE TRIGGER mail_messages_no_delete BEFORE DELETE ON mail_messages
BEGIN SELECT RAISE(ABORT, 'append-only: mail_messages'); END;
CREATE TRIGGER mail_attempts_no_update BEFORE UPDATE ON mail_attempts
BEGIN SELECT RAISE(ABORT, 'append-only: mail_attempts'); END;
CREATE TRIGGER mail_attempts_no_delete BEFORE DELETE ON mail_attempts
BEGIN SELECT RAISE(ABORT, 'append-only: mail_attempts'); END;
CREATE TRIGGER releve_requests_no_update BEFORE UPDATE ON releve_requests
BEGIN SELECT RAISE(ABORT, 'append-only: releve_requests'); END;
CREATE TRIGGER releve_requests_no_delete BEFORE DELETE ON releve_requests
BEGIN SELECT RAISE(ABORT, 'append-only: releve_requests'); END;
