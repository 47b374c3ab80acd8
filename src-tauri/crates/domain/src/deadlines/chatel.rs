//! Loi Chatel (art. L113-15-1 du Code des assurances): the avis d'échéance of a tacitly renewed
//! contract of a natural person outside their profession must be sent **no earlier than three
//! months and no later than fifteen days** before the termination deadline (the échéance minus
//! the notice period). Sent later (less than fifteen days before, or after, the deadline), the
//! subscriber has **twenty days from its sending** to terminate. Not sent, the subscriber may
//! terminate **at any time from the renewal** (the échéance), without penalty.
//!
//! An avis sent *earlier* than three months before the deadline does not meet the article: it is
//! treated as no avis ([`ChatelOutcome::TooEarly`] carries the same right as [`ChatelOutcome::NotSent`]),
//! the cautious reading for the broker; a later avis sent within the window supersedes it.

use super::{termination_deadline, ContractTerms};
use chrono::{Days, Months, NaiveDate};
use serde::Serialize;

/// How many months before the termination deadline the window opens.
pub const WINDOW_OPENS_MONTHS: u32 = 3;
/// How many days before the termination deadline the window closes (last day included).
pub const WINDOW_CLOSES_DAYS: u64 = 15;
/// Days the subscriber has from a late avis's sending.
pub const LATE_AVIS_DAYS: u64 = 20;

/// When the avis for one échéance may be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ChatelWindow {
    pub echeance: NaiveDate,
    /// The last day a termination may be sent at échéance (échéance − notice).
    pub termination_deadline: NaiveDate,
    /// First day the avis may be sent (deadline − 3 months).
    pub earliest: NaiveDate,
    /// Last day the avis may be sent (deadline − 15 days).
    pub latest: NaiveDate,
}

/// The window for `echeance`, or `None` when Chatel does not apply to the contract (not tacitly
/// renewed, or not a natural person outside their profession) or the dates leave the calendar.
pub fn chatel_window(terms: &ContractTerms, echeance: NaiveDate) -> Option<ChatelWindow> {
    if !terms.tacit_renewal || !terms.subscriber.protected() {
        return None;
    }
    let deadline = termination_deadline(echeance, terms.notice_months)?;
    Some(ChatelWindow {
        echeance,
        termination_deadline: deadline,
        earliest: deadline.checked_sub_months(Months::new(WINDOW_OPENS_MONTHS))?,
        latest: deadline.checked_sub_days(Days::new(WINDOW_CLOSES_DAYS))?,
    })
}

/// What the subscriber may do for one échéance, from the avis sendings recorded for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum ChatelOutcome {
    /// Sent within the window: termination at échéance until the usual deadline.
    OnTime {
        sent: NaiveDate,
        terminate_by: NaiveDate,
    },
    /// Sent after the window closed: twenty days from its sending.
    Late {
        sent: NaiveDate,
        terminate_by: NaiveDate,
    },
    /// Only sent before the window opened: as if not sent (see the module's note).
    TooEarly {
        sent: NaiveDate,
        any_time_from: NaiveDate,
    },
    /// Not sent yet and the window still open (or not open yet): send it by `latest`.
    Pending { window: ChatelWindow },
    /// Not sent and the window closed: termination at any time from the échéance; an avis sent
    /// now still gives twenty days ([`ChatelOutcome::Late`]).
    NotSent { any_time_from: NaiveDate },
}

impl ChatelOutcome {
    /// The French sentence the calendar and the contract page show.
    pub fn describe(&self) -> String {
        let f = |d: &NaiveDate| d.format("%d/%m/%Y").to_string();
        match self {
            ChatelOutcome::OnTime { sent, terminate_by } => format!(
                "Avis d'échéance envoyé le {} dans le délai : résiliation possible jusqu'au {} (art. L113-15-1).",
                f(sent), f(terminate_by)
            ),
            ChatelOutcome::Late { sent, terminate_by } => format!(
                "Avis d'échéance envoyé le {}, moins de quinze jours avant la date limite : le client peut résilier jusqu'au {} (vingt jours après l'envoi, art. L113-15-1).",
                f(sent), f(terminate_by)
            ),
            ChatelOutcome::TooEarly { sent, any_time_from } => format!(
                "Avis d'échéance envoyé le {}, plus de trois mois avant la date limite : hors délai, le client peut résilier à tout moment à partir du {} (art. L113-15-1).",
                f(sent), f(any_time_from)
            ),
            ChatelOutcome::Pending { window } => format!(
                "Avis d'échéance à envoyer entre le {} et le {} (date limite de résiliation le {}, art. L113-15-1).",
                f(&window.earliest), f(&window.latest), f(&window.termination_deadline)
            ),
            ChatelOutcome::NotSent { any_time_from } => format!(
                "Avis d'échéance non envoyé dans le délai : le client peut résilier à tout moment à partir du {} (art. L113-15-1).",
                f(any_time_from)
            ),
        }
    }
}

/// The outcome for `window` on `today`, from the sending dates recorded for that échéance (in any
/// order). An avis within the window wins over any other; otherwise the first one sent after the
/// window closed; otherwise an early one; otherwise none.
pub fn chatel_outcome(
    window: &ChatelWindow,
    sent: &[NaiveDate],
    today: NaiveDate,
) -> ChatelOutcome {
    let mut sorted: Vec<NaiveDate> = sent.to_vec();
    sorted.sort();
    if let Some(&s) = sorted
        .iter()
        .find(|s| **s >= window.earliest && **s <= window.latest)
    {
        return ChatelOutcome::OnTime {
            sent: s,
            terminate_by: window.termination_deadline,
        };
    }
    if let Some(&s) = sorted.iter().find(|s| **s > window.latest) {
        let terminate_by = s
            .checked_add_days(Days::new(LATE_AVIS_DAYS))
            .unwrap_or(NaiveDate::MAX);
        return ChatelOutcome::Late {
            sent: s,
            terminate_by,
        };
    }
    if today <= window.latest {
        return ChatelOutcome::Pending { window: *window };
    }
    match sorted.first() {
        Some(&s) => ChatelOutcome::TooEarly {
            sent: s,
            any_time_from: window.echeance,
        },
        None => ChatelOutcome::NotSent {
            any_time_from: window.echeance,
        },
    }
}
