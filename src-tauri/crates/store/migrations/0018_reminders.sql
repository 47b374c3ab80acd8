-- 0018: reminders and tasks that always fire (issue 13, item 3). Append-only facts, each entered
-- in the journal (journal.rs CHAINED):
--
-- * `reminders`: one row per reminder. An automatic one (origin 'auto') comes from a deadline of
--   a contract and a lead time of the agency: it is keyed by (contract, deadline kind, deadline
--   date, lead days), so writing it twice is a no-op. A manual one (origin 'manual') is on a
--   client, a contract or a claim, with a title and a note. `due_at` is the broker's local wall
--   time, 'YYYY-MM-DDTHH:MM' (an automatic one is due at 00:00 of its day).
-- * `reminder_events`: what happened to a reminder, with the broker (the session's user) and the
--   act's time: fired (the OS notification went out; once per due time: the partial unique index
--   below makes a second firing of the same occurrence impossible, even from two connections),
--   done, snoozed until a date-time (it comes due again then), dismissed. Done and dismissed
--   close it.
-- * `reminder_settings`: the agency's lead times before an échéance (days, comma-separated,
--   longest first); the last row is in force, none means 90,60,30,15.

CREATE TABLE reminders (
    id            INTEGER PRIMARY KEY,
    origin        TEXT NOT NULL CHECK (origin IN ('auto', 'manual')),
    client_id     INTEGER REFERENCES clients(id),
    contract_id   INTEGER REFERENCES contracts(id),
    claim_id      INTEGER REFERENCES claims(id),
    deadline_kind TEXT CHECK (deadline_kind IN ('echeance', 'termination_deadline',
                      'avis_deadline', 'hamon_eligible')),
    deadline_date TEXT CHECK (deadline_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    rule          TEXT,
    lead_days     INTEGER CHECK (lead_days BETWEEN 0 AND 365),
    due_at        TEXT NOT NULL
                  CHECK (due_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]'),
    title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    note          TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    act_id        INTEGER NOT NULL REFERENCES acts(id),
    CHECK ((origin = 'auto') = (contract_id IS NOT NULL AND deadline_kind IS NOT NULL
            AND deadline_date IS NOT NULL AND rule IS NOT NULL AND lead_days IS NOT NULL)),
    CHECK (client_id IS NOT NULL OR contract_id IS NOT NULL OR claim_id IS NOT NULL)
);
CREATE UNIQUE INDEX reminders_auto_key ON reminders (contract_id, deadline_kind, deadline_date, lead_days)
    WHERE origin = 'auto';
CREATE INDEX reminders_due ON reminders (due_at);
CREATE INDEX reminders_deadline ON reminders (deadline_date) WHERE origin = 'auto';

CREATE TABLE reminder_events (
    reminder_id INTEGER NOT NULL REFERENCES reminders(id),
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    kind        TEXT NOT NULL CHECK (kind IN ('fired', 'done', 'snoozed', 'dismissed')),
    -- fired: the due time it fired for; snoozed: until when.
    occurrence  TEXT CHECK (occurrence GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]'),
    broker      TEXT NOT NULL CHECK (length(broker) BETWEEN 1 AND 100),
    act_id      INTEGER NOT NULL REFERENCES acts(id),
    PRIMARY KEY (reminder_id, seq),
    CHECK ((kind IN ('fired', 'snoozed')) = (occurrence IS NOT NULL))
) WITHOUT ROWID;
CREATE UNIQUE INDEX reminder_fired_once ON reminder_events (reminder_id, occurrence)
    WHERE kind = 'fired';

CREATE TABLE reminder_settings (
    id        INTEGER PRIMARY KEY,
    lead_days TEXT NOT NULL CHECK (lead_days GLOB '[0-9]*' AND lead_days NOT GLOB '*[^0-9,]*'),
    act_id    INTEGER NOT NULL REFERENCES acts(id)
);

CREATE TRIGGER reminders_no_update BEFORE UPDATE ON reminders
BEGIN SELECT RAISE(ABORT, 'append-only: reminders'); END;
CREATE TRIGGER reminders_no_delete BEFORE DELETE ON reminders
BEGIN SELECT RAISE(ABORT, 'append-only: reminders'); END;
CREATE TRIGGER reminder_events_no_update BEFORE UPDATE ON reminder_events
BEGIN SELECT RAISE(ABORT, 'append-only: reminder_events'); END;
CREATE TRIGGER reminder_events_no_delete BEFORE DELETE ON reminder_events
BEGIN SELECT RAISE(ABORT, 'append-only: reminder_events'); END;
CREATE TRIGGER reminder_settings_no_update BEFORE UPDATE ON reminder_settings
BEGIN SELECT RAISE(ABORT, 'append-only: reminder_settings'); END;
CREATE TRIGGER reminder_settings_no_delete BEFORE DELETE ON reminder_settings
BEGIN SELECT RAISE(ABORT, 'append-only: reminder_settings'); END;
