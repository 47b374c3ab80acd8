//! Reminders and tasks that always fire: automatic ones from the deadlines and the agency's lead
//! times (domain `deadlines::reminders`), manual ones on a client, a contract or a claim; done,
//! snoozed and dismissed recorded with the broker; `fire_due` marks what came due **once**.
//!
//! Over the port only (`ReminderStore`, `CalendarStore`, `RenewalStore`). Every use case takes
//! the broker's local wall time `now` from its caller (the desktop shell's timer, the CLI, a
//! test's fixed clock): nothing here reads a clock for a rule. Automatic reminders are written
//! to the agency file (keyed by contract, deadline and lead time, so writing them again is a
//! no-op) when the day changes or the agency file did since the last time.

use crate::input::{iso, trimmed};
use crate::reminders_auto::lead_times;
use crate::{AppError, Courtier};
use chrono::{NaiveDate, NaiveDateTime};
use courtier_domain::deadlines::{rules, LeadTimes};
use courtier_port::{AgencyStore, FireRequest, NewReminder, ReminderEventKind, ReminderRow};
use serde::{Deserialize, Serialize};
use std::collections::hash_map::Entry;
use std::collections::HashMap;

/// A local wall time (the broker's clock), as the reminders' use cases take it.
pub type WallTime = NaiveDateTime;

/// The wall-time format of reminders (`2026-12-03T14:30`).
pub const DUE_FORMAT: &str = "%Y-%m-%dT%H:%M";
/// The done and dismissed reminders a page shows.
pub const CLOSED_SHOWN: u32 = 50;

/// The broker of this session, as the events record them: the operating system's user.
pub fn session_broker() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .map(|s| s.trim().chars().take(100).collect())
        .unwrap_or_else(|| "poste local".to_string())
}

/// A manual reminder as the dialog sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReminderDraft {
    pub client_id: Option<i64>,
    pub contract_id: Option<i64>,
    pub claim_id: Option<i64>,
    pub title: String,
    /// `YYYY-MM-DDTHH:MM`, the broker's local time (an `<input type="datetime-local">`).
    pub due_at: String,
    pub note: Option<String>,
}

/// One event of a reminder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReminderEventDto {
    /// `fired`, `done`, `snoozed`, `dismissed`.
    pub kind: &'static str,
    pub occurrence: Option<String>,
    pub broker: String,
    pub recorded_at: String,
}

/// A reminder as the window and the CLI's JSON show it (stable field names).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReminderDto {
    pub id: i64,
    /// `auto` or `manual`.
    pub origin: &'static str,
    /// `due`, `upcoming`, `done` or `dismissed`.
    pub state: &'static str,
    pub title: String,
    pub note: String,
    /// When it is due now (the end of its last snooze, or its own due time).
    pub due_at: String,
    /// Its own due time.
    pub first_due_at: String,
    pub client_id: Option<i64>,
    pub contract_id: Option<i64>,
    pub claim_id: Option<i64>,
    /// The client's name and the contract's number it is about (on the page and `due`).
    pub client_name: Option<String>,
    pub contract_number: Option<String>,
    /// For an automatic reminder: the deadline, its rule and the lead time.
    pub deadline_kind: Option<String>,
    pub deadline_date: Option<String>,
    pub rule: Option<String>,
    pub rule_source: Option<&'static str>,
    pub lead_days: Option<u32>,
    /// Fired for its current due time (the notification went out).
    pub fired: bool,
    /// How many times it fired in all (once per due time).
    pub fired_count: u32,
    pub events: Vec<ReminderEventDto>,
}

/// The « Rappels » page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RemindersPage {
    pub due: Vec<ReminderDto>,
    pub upcoming: Vec<ReminderDto>,
    pub closed: Vec<ReminderDto>,
}

/// The lead times as the UI and the CLI exchange them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReminderSettings {
    pub lead_days: Vec<u32>,
}

/// Reads a wall time `YYYY-MM-DDTHH:MM` (seconds accepted and dropped).
pub fn parse_due(s: &str, field: &str) -> Result<NaiveDateTime, AppError> {
    let t = s.trim();
    NaiveDateTime::parse_from_str(t, DUE_FORMAT)
        .or_else(|_| NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M"))
        .map_err(|_| {
            AppError::field(
                field,
                format!("« {t} » : date et heure attendues, par exemple 2026-12-03T14:30."),
            )
        })
}

pub(crate) fn wall(t: NaiveDateTime) -> String {
    t.format(DUE_FORMAT).to_string()
}

fn french(t: &str) -> String {
    NaiveDateTime::parse_from_str(t, DUE_FORMAT)
        .map(|d| d.format("%d/%m/%Y à %H:%M").to_string())
        .unwrap_or_else(|_| t.to_string())
}

/// Its current due time: the end of its last snooze, or its own.
fn current_due(r: &ReminderRow) -> &str {
    r.events
        .iter()
        .rev()
        .find(|e| e.kind == ReminderEventKind::Snoozed)
        .and_then(|e| e.occurrence.as_deref())
        .unwrap_or(&r.due_at)
}

fn closed_kind(r: &ReminderRow) -> Option<ReminderEventKind> {
    r.events
        .iter()
        .find(|e| {
            matches!(
                e.kind,
                ReminderEventKind::Done | ReminderEventKind::Dismissed
            )
        })
        .map(|e| e.kind)
}

fn fired_for(r: &ReminderRow, occurrence: &str) -> bool {
    r.events
        .iter()
        .any(|e| e.kind == ReminderEventKind::Fired && e.occurrence.as_deref() == Some(occurrence))
}

fn dto(r: &ReminderRow, now: &str) -> ReminderDto {
    let due = current_due(r).to_string();
    let state = match closed_kind(r) {
        Some(ReminderEventKind::Done) => "done",
        Some(_) => "dismissed",
        None if due.as_str() <= now => "due",
        None => "upcoming",
    };
    let a = r.automatic.as_ref();
    ReminderDto {
        id: r.id,
        origin: if a.is_some() { "auto" } else { "manual" },
        state,
        title: r.title.clone(),
        note: r.note.clone(),
        fired: fired_for(r, &due),
        due_at: due,
        first_due_at: r.due_at.clone(),
        client_id: r.client_id,
        contract_id: r.contract_id,
        claim_id: r.claim_id,
        client_name: None,
        contract_number: None,
        deadline_kind: a.map(|k| k.deadline_kind.clone()),
        deadline_date: a.map(|k| iso(k.deadline_date)),
        rule: a.map(|k| k.rule.clone()),
        rule_source: a.and_then(|k| {
            rules::ALL
                .iter()
                .find(|x| x.code == k.rule)
                .map(|x| x.source)
        }),
        lead_days: a.map(|k| k.lead_days),
        fired_count: r
            .events
            .iter()
            .filter(|e| e.kind == ReminderEventKind::Fired)
            .count() as u32,
        events: r
            .events
            .iter()
            .map(|e| ReminderEventDto {
                kind: e.kind.code(),
                occurrence: e.occurrence.clone(),
                broker: e.broker.clone(),
                recorded_at: e.recorded_at.clone(),
            })
            .collect(),
    }
}

/// The open reminders without the automatic ones superseded by a nearer lead time of the same
/// deadline that has come (the 60-day reminder once the 30-day one is due).
fn current(open: Vec<ReminderRow>, now: &str) -> Vec<ReminderRow> {
    let mut nearest: HashMap<(Option<i64>, String, NaiveDate), u32> = HashMap::new();
    for r in &open {
        if let Some(k) = &r.automatic {
            if r.due_at.as_str() <= now {
                let e = nearest
                    .entry((r.contract_id, k.deadline_kind.clone(), k.deadline_date))
                    .or_insert(k.lead_days);
                *e = (*e).min(k.lead_days);
            }
        }
    }
    open.into_iter()
        .filter(|r| match &r.automatic {
            Some(k) => nearest
                .get(&(r.contract_id, k.deadline_kind.clone(), k.deadline_date))
                .map_or(true, |&n| k.lead_days <= n),
            None => true,
        })
        .collect()
}

/// Names the client and the contract of each reminder (each name read once).
fn name_all(s: &dyn AgencyStore, list: &mut [&mut ReminderDto]) -> Result<(), AppError> {
    let mut clients: HashMap<i64, String> = HashMap::new();
    let mut contracts: HashMap<i64, String> = HashMap::new();
    for d in list.iter_mut() {
        if let Some(id) = d.client_id {
            if let Entry::Vacant(e) = clients.entry(id) {
                e.insert(s.get_client(id)?.client.display_name());
            }
            d.client_name = clients.get(&id).cloned();
        }
        if let Some(id) = d.contract_id {
            if let Entry::Vacant(e) = contracts.entry(id) {
                e.insert(s.contract(id)?.number);
            }
            d.contract_number = contracts.get(&id).cloned();
        }
    }
    Ok(())
}

impl Courtier {
    fn open_current(&self, now: NaiveDateTime) -> Result<Vec<ReminderRow>, AppError> {
        self.sync_automatic(now.date())?;
        let open = self.with_reader(|s| Ok(s.open_reminders(now.date())?))?;
        Ok(current(open, &wall(now)))
    }

    /// The open reminders at `now`, due (oldest first) and upcoming, without names.
    fn open_dtos(
        &self,
        now: NaiveDateTime,
    ) -> Result<(Vec<ReminderDto>, Vec<ReminderDto>), AppError> {
        let n = wall(now);
        let mut due = Vec::new();
        let mut upcoming = Vec::new();
        for r in self.open_current(now)? {
            let d = dto(&r, &n);
            if d.state == "due" {
                due.push(d);
            } else {
                upcoming.push(d);
            }
        }
        due.sort_by(|a, b| (&a.due_at, a.id).cmp(&(&b.due_at, b.id)));
        upcoming.sort_by(|a, b| (&a.due_at, a.id).cmp(&(&b.due_at, b.id)));
        Ok((due, upcoming))
    }

    /// The « Rappels » page at `now`: due (oldest first), upcoming, and the last done or
    /// dismissed, each with its client's name and contract's number.
    pub fn reminders(&self, now: NaiveDateTime) -> Result<RemindersPage, AppError> {
        let n = wall(now);
        let (mut due, mut upcoming) = self.open_dtos(now)?;
        let mut closed: Vec<ReminderDto> = self
            .with_reader(|s| Ok(s.closed_reminders(CLOSED_SHOWN)?))?
            .iter()
            .map(|r| dto(r, &n))
            .collect();
        self.with_reader(|s| {
            let mut all: Vec<&mut ReminderDto> = due
                .iter_mut()
                .chain(upcoming.iter_mut())
                .chain(closed.iter_mut())
                .collect();
            name_all(s, &mut all)
        })?;
        Ok(RemindersPage {
            due,
            upcoming,
            closed,
        })
    }

    /// How many reminders are due at `now` (the counter, at every pass of the timer: no names
    /// read).
    pub fn reminders_due_count(&self, now: NaiveDateTime) -> Result<usize, AppError> {
        Ok(self.open_dtos(now)?.0.len())
    }

    /// The reminders due at `now` (what `courtier reminders due` lists), named.
    pub fn reminders_due(&self, now: NaiveDateTime) -> Result<Vec<ReminderDto>, AppError> {
        let mut due = self.open_dtos(now)?.0;
        self.with_reader(|s| name_all(s, &mut due.iter_mut().collect::<Vec<_>>()))?;
        Ok(due)
    }

    /// The reminders of one client, contract or claim (their pages), open first.
    pub fn reminders_of(
        &self,
        now: NaiveDateTime,
        client_id: Option<i64>,
        contract_id: Option<i64>,
        claim_id: Option<i64>,
    ) -> Result<Vec<ReminderDto>, AppError> {
        let page = self.reminders(now)?;
        let on = |d: &ReminderDto| {
            (client_id.is_some() && d.client_id == client_id)
                || (contract_id.is_some() && d.contract_id == contract_id)
                || (claim_id.is_some() && d.claim_id == claim_id)
        };
        Ok(page
            .due
            .into_iter()
            .chain(page.upcoming)
            .chain(page.closed)
            .filter(on)
            .collect())
    }

    /// Marks fired, **once**, every reminder that has come due at `now` and was never fired for
    /// that due time, and returns them: at start-up this catches up what came due while the app
    /// was closed. Called twice, or from two connections at once, a reminder is returned by one
    /// call only (the store's write transaction and unique index).
    pub fn fire_due(&self, now: NaiveDateTime, broker: &str) -> Result<Vec<ReminderDto>, AppError> {
        let n = wall(now);
        let requests: Vec<FireRequest> = self
            .open_current(now)?
            .iter()
            .filter_map(|r| {
                let due = current_due(r);
                (due <= n.as_str() && !fired_for(r, due)).then(|| FireRequest {
                    reminder_id: r.id,
                    occurrence: due.to_string(),
                })
            })
            .collect();
        if requests.is_empty() {
            return Ok(Vec::new());
        }
        let stamp = self.now();
        self.with_store(|s| {
            let ids = s.fire_reminders(&requests, broker, &stamp)?;
            ids.iter()
                .map(|id| Ok(dto(&s.reminder(*id)?, &n)))
                .collect()
        })
    }

    /// Writes a manual reminder. The title is required (200 characters at most), the note at
    /// most 2 000; a contract gives its client, a claim its contract and client.
    pub fn add_reminder(&self, d: &ReminderDraft) -> Result<ReminderDto, AppError> {
        let title = d.title.trim();
        if title.is_empty() {
            return Err(AppError::field("title", "Indiquez l'objet du rappel."));
        }
        if title.chars().count() > 200 {
            return Err(AppError::field(
                "title",
                "L'objet du rappel dépasse 200 caractères.",
            ));
        }
        let note = trimmed(&d.note).unwrap_or_default();
        if note.chars().count() > 2000 {
            return Err(AppError::field(
                "note",
                "La note du rappel dépasse 2 000 caractères.",
            ));
        }
        let due = parse_due(&d.due_at, "dueAt")?;
        if d.client_id.is_none() && d.contract_id.is_none() && d.claim_id.is_none() {
            return Err(AppError::field(
                "clientId",
                "Un rappel porte sur un client, un contrat ou un sinistre.",
            ));
        }
        let now = self.now();
        self.with_store(|s| {
            let contract_id = match d.claim_id {
                Some(k) => Some(s.claim_contract(k)?),
                None => d.contract_id,
            };
            let client_id = match contract_id {
                Some(c) => Some(s.contract(c)?.client_id),
                None => d.client_id,
            };
            let id = s.insert_reminder(
                &NewReminder {
                    client_id,
                    contract_id,
                    claim_id: d.claim_id,
                    automatic: None,
                    due_at: wall(due),
                    title: title.to_string(),
                    note,
                },
                &now,
            )?;
            Ok(dto(&s.reminder(id)?, ""))
        })
    }

    fn reminder_event(
        &self,
        id: i64,
        kind: ReminderEventKind,
        until: Option<&str>,
        broker: &str,
        now: NaiveDateTime,
    ) -> Result<ReminderDto, AppError> {
        let stamp = self.now();
        let n = wall(now);
        self.with_store(|s| {
            let r = s.reminder(id)?;
            if let Some(k) = closed_kind(&r) {
                return Err(AppError::new(
                    crate::ErrorCode::InvalidOperation,
                    if k == ReminderEventKind::Done {
                        "Ce rappel est déjà fait : rien n'a été enregistré."
                    } else {
                        "Ce rappel est déjà ignoré : rien n'a été enregistré."
                    },
                ));
            }
            s.record_reminder_event(id, kind, until, broker, &stamp)?;
            Ok(dto(&s.reminder(id)?, &n))
        })
    }

    /// « Fait »: the reminder is closed, by `broker`.
    pub fn reminder_done(
        &self,
        id: i64,
        broker: &str,
        now: NaiveDateTime,
    ) -> Result<ReminderDto, AppError> {
        self.reminder_event(id, ReminderEventKind::Done, None, broker, now)
    }

    /// « Ignorer »: closed without being done.
    pub fn reminder_dismiss(
        &self,
        id: i64,
        broker: &str,
        now: NaiveDateTime,
    ) -> Result<ReminderDto, AppError> {
        self.reminder_event(id, ReminderEventKind::Dismissed, None, broker, now)
    }

    /// « Reporter »: due again at `until` (after `now`, within two years), and fires again then.
    pub fn reminder_snooze(
        &self,
        id: i64,
        until: &str,
        broker: &str,
        now: NaiveDateTime,
    ) -> Result<ReminderDto, AppError> {
        let u = parse_due(until, "until")?;
        if u <= now {
            return Err(AppError::field(
                "until",
                format!(
                    "Reporter au {} : choisissez un moment à venir.",
                    french(&wall(u))
                ),
            ));
        }
        if (u - now).num_days() > 731 {
            return Err(AppError::field(
                "until",
                "Un rappel se reporte de deux ans au plus.",
            ));
        }
        self.reminder_event(id, ReminderEventKind::Snoozed, Some(&wall(u)), broker, now)
    }

    /// The lead times in force (the defaults when none was set).
    pub fn reminder_settings(&self) -> Result<ReminderSettings, AppError> {
        self.with_reader(|s| {
            Ok(ReminderSettings {
                lead_days: lead_times(s)?.days().to_vec(),
            })
        })
    }

    /// Records new lead times (validated: 1 to 8 distinct values from 0 to 365 days).
    pub fn set_reminder_settings(
        &self,
        r: &ReminderSettings,
    ) -> Result<ReminderSettings, AppError> {
        let leads =
            LeadTimes::new(&r.lead_days).map_err(|e| AppError::field("leadDays", e.to_string()))?;
        let now = self.now();
        self.with_store(|s| {
            s.record_reminder_lead_days(leads.days(), &now)?;
            Ok(ReminderSettings {
                lead_days: leads.days().to_vec(),
            })
        })
    }
}
