//! Reminders: automatic ones (a contract's deadline and a lead time) and manual ones (on a
//! client, a contract or a claim), and what happened to each (fired, done, snoozed, dismissed),
//! all append-only facts; the agency's lead times.
//!
//! Date-times are the broker's local wall time, `YYYY-MM-DDTHH:MM` (sortable as text).

use crate::StoreResult;
use chrono::NaiveDate;

/// A reminder to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReminder {
    pub client_id: Option<i64>,
    pub contract_id: Option<i64>,
    pub claim_id: Option<i64>,
    /// For an automatic reminder: the deadline it announces and how long before it.
    pub automatic: Option<AutoKey>,
    pub due_at: String,
    pub title: String,
    pub note: String,
}

/// What makes an automatic reminder unique (with its contract).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AutoKey {
    /// `echeance`, `avis_deadline`… (`DeadlineKind` in snake case).
    pub deadline_kind: String,
    pub deadline_date: NaiveDate,
    /// The rule's code (`echeance`, `chatel`).
    pub rule: String,
    pub lead_days: u32,
}

/// What can happen to a reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderEventKind {
    Fired,
    Done,
    Snoozed,
    Dismissed,
}

impl ReminderEventKind {
    pub fn code(self) -> &'static str {
        match self {
            ReminderEventKind::Fired => "fired",
            ReminderEventKind::Done => "done",
            ReminderEventKind::Snoozed => "snoozed",
            ReminderEventKind::Dismissed => "dismissed",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Some(match code {
            "fired" => ReminderEventKind::Fired,
            "done" => ReminderEventKind::Done,
            "snoozed" => ReminderEventKind::Snoozed,
            "dismissed" => ReminderEventKind::Dismissed,
            _ => return None,
        })
    }
}

/// One event of a reminder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderEventRow {
    pub seq: i64,
    pub kind: ReminderEventKind,
    /// Fired: the due time it fired for; snoozed: until when.
    pub occurrence: Option<String>,
    pub broker: String,
    /// The act's time (UTC, `…Z`).
    pub recorded_at: String,
}

/// A stored reminder with its events, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderRow {
    pub id: i64,
    pub client_id: Option<i64>,
    pub contract_id: Option<i64>,
    pub claim_id: Option<i64>,
    pub automatic: Option<AutoKey>,
    pub due_at: String,
    pub title: String,
    pub note: String,
    pub recorded_at: String,
    pub events: Vec<ReminderEventRow>,
}

/// A reminder to mark fired for one of its due times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FireRequest {
    pub reminder_id: i64,
    /// The due time it fires for (its own, or the end of its last snooze).
    pub occurrence: String,
}

/// What the reminder use cases need from the agency store.
pub trait ReminderStore {
    /// Writes a manual reminder; its client, contract or claim must exist.
    fn insert_reminder(&mut self, r: &NewReminder, now: &str) -> StoreResult<i64>;
    /// Writes the automatic reminders not written yet (by their key), in one transaction;
    /// returns how many were new. Writing the same ones again is a no-op.
    fn ensure_auto_reminders(&mut self, rs: &[NewReminder], now: &str) -> StoreResult<u64>;
    /// One reminder with its events.
    fn reminder(&self, id: i64) -> StoreResult<ReminderRow>;
    /// The reminders neither done nor dismissed, automatic ones only while their deadline is on
    /// or after `today`, by due time.
    fn open_reminders(&self, today: NaiveDate) -> StoreResult<Vec<ReminderRow>>;
    /// The last `limit` reminders done or dismissed, the most recent first.
    fn closed_reminders(&self, limit: u32) -> StoreResult<Vec<ReminderRow>>;
    /// Records done, snoozed (until `occurrence`) or dismissed by `broker`. Refused
    /// (`StoreError::Invalid`) on a reminder already done or dismissed.
    fn record_reminder_event(
        &mut self,
        id: i64,
        kind: ReminderEventKind,
        occurrence: Option<&str>,
        broker: &str,
        now: &str,
    ) -> StoreResult<()>;
    /// Marks each request fired, in one write transaction that re-reads under the lock: a
    /// request already fired for that occurrence (by this or another connection) or on a closed
    /// reminder is skipped. Returns the ids actually marked, in the order given.
    fn fire_reminders(
        &mut self,
        requests: &[FireRequest],
        broker: &str,
        now: &str,
    ) -> StoreResult<Vec<i64>>;
    /// The lead times in force (days, longest first), or `None` when none was ever set.
    fn reminder_lead_days(&self) -> StoreResult<Option<Vec<u32>>>;
    /// Records new lead times (a new fact).
    fn record_reminder_lead_days(&mut self, days: &[u32], now: &str) -> StoreResult<()>;
}
