//! Deadlines that follow an act: the relevé d'information within fifteen days of a request
//! (R18), claims without news for N days, the periodic re-examination of advice. The two last
//! are agency settings, passed in.

use chrono::{Days, Months, NaiveDate};
use serde::Serialize;

/// Days the insurer has to deliver a relevé d'information after a request (R18).
pub const RELEVE_DAYS: u64 = 15;

/// The day a relevé requested on `requested` is due (R18, art. R113-12).
pub fn releve_due(requested: NaiveDate) -> Option<NaiveDate> {
    requested.checked_add_days(Days::new(RELEVE_DAYS))
}

/// Where a relevé request stands on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ReleveStatus {
    Received {
        on: NaiveDate,
        late: bool,
    },
    Awaited {
        due: NaiveDate,
    },
    /// Past the fifteen days: to be claimed from the insurer.
    Overdue {
        due: NaiveDate,
        days_late: i64,
    },
}

/// The status of a request made on `requested`, received on `received` (if it was), on `today`.
pub fn releve_status(
    requested: NaiveDate,
    received: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<ReleveStatus> {
    let due = releve_due(requested)?;
    Some(match received {
        Some(on) => ReleveStatus::Received { on, late: on > due },
        None if today <= due => ReleveStatus::Awaited { due },
        None => ReleveStatus::Overdue {
            due,
            days_late: (today - due).num_days(),
        },
    })
}

/// The day a claim whose last news is dated `last_news` is to be followed up, for the agency's
/// `days` without news; it is due on and after that day.
pub fn claim_follow_up_due(last_news: NaiveDate, days: u32) -> Option<NaiveDate> {
    last_news.checked_add_days(Days::new(u64::from(days)))
}

/// The next re-examination of advice on or after `today`, counted from `since` (the subscription
/// or the last re-examination) every `interval_months` months; each is computed from `since`,
/// so a 31 January start gives 30 April then 31 July, never a drift to the 28th. `None` for a
/// zero interval (the agency turned it off) or outside the calendar.
pub fn advice_review_due(
    since: NaiveDate,
    interval_months: u32,
    today: NaiveDate,
) -> Option<NaiveDate> {
    if interval_months == 0 {
        return None;
    }
    (1u32..)
        .map_while(|k| {
            k.checked_mul(interval_months)
                .and_then(|m| since.checked_add_months(Months::new(m)))
        })
        .find(|d| *d >= today)
}
