//! The automatic reminders: for every contract, the deadlines that the agency's lead times
//! reach (domain `deadlines::reminders` over the calendar's read), written to the agency file
//! keyed by contract, deadline and lead time (writing them again is a no-op), when the day or
//! the agency file changed since the last time. The reminders' use cases (`reminders.rs`) call
//! `sync_automatic` before they read.

use crate::reminders::wall;
use crate::renewals::terms_of;
use crate::{AppError, Courtier};
use chrono::{Days, NaiveDate};
use courtier_domain::deadlines::{
    automatic_reminders, contract_deadlines, AutoReminder, DeadlineKind, LeadTimes,
};
use courtier_port::{AgencyStore, AutoKey, CalendarQuery, JournalHead, NewReminder};
use std::collections::HashMap;

fn kind_code(k: DeadlineKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

pub(crate) fn lead_times(s: &dyn AgencyStore) -> Result<LeadTimes, AppError> {
    match s.reminder_lead_days()? {
        Some(days) => LeadTimes::new(&days).map_err(|e| AppError::internal(e.to_string())),
        None => Ok(LeadTimes::defaults()),
    }
}

/// The automatic reminders due on `today`, every contract (domain rule over the calendar's read).
fn automatic_due(s: &dyn AgencyStore, today: NaiveDate) -> Result<Vec<NewReminder>, AppError> {
    let leads = lead_times(s)?;
    let to = today
        .checked_add_days(Days::new(u64::from(leads.longest())))
        .unwrap_or(today);
    let contracts = s.calendar_contracts(&CalendarQuery {
        from: Some(today),
        // The échéances, and those whose Chatel deadline falls in the lead times.
        reach: courtier_domain::deadlines::calendar_reach(
            today,
            to,
            courtier_domain::deadlines::DEFAULT_NOTICE_MONTHS,
        ),
        ..Default::default()
    })?;
    let horizon = to.checked_add_days(Days::new(200)).unwrap_or(to);
    let mut sent: HashMap<(i64, NaiveDate), Vec<NaiveDate>> = HashMap::new();
    for a in s.avis_sendings_between(today, horizon)? {
        sent.entry((a.contract_id, a.echeance))
            .or_default()
            .push(a.sent_on);
    }
    let mut out = Vec::new();
    for c in &contracts {
        let terms = terms_of(&c.contract, c.client_kind);
        let id = c.contract.id;
        let sent_of = |e: NaiveDate| sent.get(&(id, e)).cloned().unwrap_or_default();
        let deadlines = contract_deadlines(&terms, &sent_of, today, to, today);
        for a in automatic_reminders(&deadlines, &leads, c.terminated_on, today) {
            out.push(new_auto(
                &a,
                c.contract.client_id,
                id,
                &c.contract.number,
                &c.client_name,
            ));
        }
    }
    Ok(out)
}

fn new_auto(
    a: &AutoReminder,
    client_id: i64,
    contract_id: i64,
    number: &str,
    name: &str,
) -> NewReminder {
    NewReminder {
        client_id: Some(client_id),
        contract_id: Some(contract_id),
        claim_id: None,
        automatic: Some(AutoKey {
            deadline_kind: kind_code(a.deadline.kind),
            deadline_date: a.deadline.date,
            rule: a.deadline.rule.code.to_string(),
            lead_days: a.lead_days,
        }),
        due_at: wall(a.due_on.and_time(chrono::NaiveTime::MIN)),
        title: format!("{} — contrat {number}, {name}", a.title())
            .chars()
            .take(200)
            .collect(),
        note: a.deadline.rule.source.to_string(),
    }
}

impl Courtier {
    /// Writes the automatic reminders due on `today` when the day or the agency file changed
    /// since the last time (two connections writing the same ones: the second writes nothing).
    pub(crate) fn sync_automatic(&self, today: NaiveDate) -> Result<(), AppError> {
        let head = self.with_reader(|s| Ok(s.journal_head()?))?;
        let key: (NaiveDate, Option<JournalHead>) = (today, head);
        {
            let last = self
                .reminders_synced
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if last.as_ref() == Some(&key) {
                return Ok(());
            }
        }
        let now = self.now();
        let head = self.with_store(|s| {
            let due = automatic_due(&*s, today)?;
            s.ensure_auto_reminders(&due, &now)?;
            Ok(s.journal_head()?)
        })?;
        *self
            .reminders_synced
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some((today, head));
        Ok(())
    }
}
