//! Legal and agency deadlines of a contract's life, each naming the rule it comes from.
//!
//! Pure: every function takes the dates it needs (`today` included) and returns dates; nothing
//! reads a clock or a store. The modules:
//!
//! - [`rules`]: the [`Rule`]s a deadline cites (article of the Code des assurances and rule of
//!   `shared/spec/bonus-malus.md`, or the agency setting it comes from);
//! - [`chatel`]: the avis d'échéance window and its outcome (art. L113-15-1, loi Chatel);
//! - [`hamon`]: termination at any time after the first year (art. L113-15-2, loi Hamon);
//! - [`follow_up`]: the relevé d'information due within fifteen days of a request (R18), claims
//!   without news for N days, the periodic re-examination of advice;
//! - [`calendar`]: the échéances and deadlines of one contract falling in a date range;
//! - [`reminders`]: the automatic reminders due by a date, from the deadlines and lead times.
//!
//! Who the law protects: Chatel and Hamon apply only to contracts of **natural persons outside
//! their profession** ([`Subscriber::protected`]); Chatel only to **tacitly renewed** contracts.

pub mod calendar;
pub mod chatel;
pub mod follow_up;
pub mod hamon;
pub mod reminders;
pub mod rules;

#[cfg(test)]
mod tests;

use crate::bonus_malus::dated::echeance;
use crate::client::ClientKind;
use crate::vocabulary::Product;
use chrono::{Months, NaiveDate};

pub use calendar::{calendar_reach, contract_deadlines, CalendarReach, Deadline, DeadlineKind};
pub use chatel::{chatel_outcome, chatel_window, ChatelOutcome, ChatelWindow};
pub use follow_up::{
    advice_review_due, claim_follow_up_due, releve_due, releve_status, ReleveStatus,
};
pub use hamon::{hamon_effective_on, hamon_eligible_from, hamon_eligible_on};
pub use reminders::{
    automatic_reminders, AutoReminder, LeadTimes, LeadTimesError, DEFAULT_LEAD_DAYS,
};
pub use rules::Rule;

/// The notice period (préavis) of a termination at échéance when the contract says nothing
/// else: two months (art. L113-12 al. 2).
pub const DEFAULT_NOTICE_MONTHS: u32 = 2;

/// Who holds the contract, as far as consumer law cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subscriber {
    /// A natural person (particulier) rather than a company.
    pub kind: ClientKind,
    /// The contract covers the subscriber's professional activity (a person insuring a vehicle
    /// used for their trade, for example).
    pub professional: bool,
}

impl Subscriber {
    /// Whether Chatel and Hamon protect this subscriber: a natural person acting outside their
    /// professional activity (L113-15-1 al. 1, L113-15-2 al. 1).
    pub fn protected(self) -> bool {
        self.kind == ClientKind::Person && !self.professional
    }
}

/// What the deadlines of one contract depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContractTerms {
    pub product: Product,
    pub subscription: NaiveDate,
    pub first_echeance: NaiveDate,
    /// Renewed by tacit agreement (tacite reconduction) at each échéance.
    pub tacit_renewal: bool,
    /// The termination notice before an échéance, in months ([`DEFAULT_NOTICE_MONTHS`]).
    pub notice_months: u32,
    pub subscriber: Subscriber,
}

/// Every annual échéance in `[from, to]` (L113-12: the contract runs for one year and is
/// renewed at each anniversary of its first échéance; a 29 February échéance falls on the 28th
/// in common years, since each is computed from the first, never from the previous one).
pub fn echeances_between(
    first_echeance: NaiveDate,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<NaiveDate> {
    (0..)
        .map_while(|k| echeance(first_echeance, k))
        .take_while(|e| *e <= to)
        .filter(|e| *e >= from)
        .collect()
}

/// The last day the subscriber may send a termination for `echeance`: the échéance minus the
/// notice period (L113-12 al. 2). `None` outside the supported calendar.
pub fn termination_deadline(echeance: NaiveDate, notice_months: u32) -> Option<NaiveDate> {
    echeance.checked_sub_months(Months::new(notice_months))
}
