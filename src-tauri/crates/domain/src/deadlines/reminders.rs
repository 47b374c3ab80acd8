//! Automatic reminders: from a contract's deadlines and the agency's lead times (by default 90,
//! 60, 30 and 15 days before an échéance), the reminders due by a date, each naming the deadline
//! and the rule it comes from.
//!
//! Pure: `by` (the day asked about) is passed in. Which deadlines remind:
//!
//! - every **échéance** (L113-12), at each lead time before it;
//! - the **last day to send the avis d'échéance** (L113-15-1, while it is not sent), on that day
//!   (lead 0): the broker's own deadline, which the lead times before the échéance already
//!   announce.
//!
//! A reminder is due on `deadline − lead` and stays due until the deadline has passed; when
//! several lead times of one deadline have come (the app was closed, or the contract was entered
//! late), only the nearest one is due: the earlier ones are superseded, never piled up. A
//! contract terminated on or before a deadline gives no reminder for it.

use super::calendar::{Deadline, DeadlineKind};
use chrono::{Days, NaiveDate};
use serde::Serialize;
use thiserror::Error;

/// The lead times when the agency has set none: 90, 60, 30 and 15 days before an échéance.
pub const DEFAULT_LEAD_DAYS: &[u32] = &[90, 60, 30, 15];
/// The longest lead time accepted, in days (one year).
pub const MAX_LEAD_DAYS: u32 = 365;
/// At most this many lead times.
pub const MAX_LEADS: usize = 8;

/// Why a list of lead times is refused (French messages: they reach the broker).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LeadTimesError {
    #[error("Indiquez au moins un délai de rappel (en jours avant l'échéance).")]
    Empty,
    #[error("Au plus {MAX_LEADS} délais de rappel.")]
    TooMany,
    #[error("Le délai de rappel {0} jours dépasse un an ({MAX_LEAD_DAYS} jours au plus).")]
    TooLong(u32),
    #[error("Le délai de rappel {0} jours est indiqué deux fois.")]
    Repeated(u32),
}

/// The agency's lead times before an échéance, in days: distinct, from the longest to the
/// shortest, 0 (on the day) to [`MAX_LEAD_DAYS`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeadTimes(Vec<u32>);

impl LeadTimes {
    /// Validates `days` (any order).
    pub fn new(days: &[u32]) -> Result<LeadTimes, LeadTimesError> {
        if days.is_empty() {
            return Err(LeadTimesError::Empty);
        }
        if days.len() > MAX_LEADS {
            return Err(LeadTimesError::TooMany);
        }
        let mut v = Vec::with_capacity(days.len());
        for &d in days {
            if d > MAX_LEAD_DAYS {
                return Err(LeadTimesError::TooLong(d));
            }
            if v.contains(&d) {
                return Err(LeadTimesError::Repeated(d));
            }
            v.push(d);
        }
        v.sort_unstable_by(|a, b| b.cmp(a));
        Ok(LeadTimes(v))
    }

    /// The defaults ([`DEFAULT_LEAD_DAYS`]).
    pub fn defaults() -> LeadTimes {
        LeadTimes(DEFAULT_LEAD_DAYS.to_vec())
    }

    /// The lead times, longest first.
    pub fn days(&self) -> &[u32] {
        &self.0
    }

    /// The longest lead time.
    pub fn longest(&self) -> u32 {
        self.0.first().copied().unwrap_or(0)
    }
}

/// One automatic reminder: which deadline, how long before it, the day it is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AutoReminder {
    pub deadline: Deadline,
    /// Days before the deadline (0: on its day).
    pub lead_days: u32,
    pub due_on: NaiveDate,
}

impl AutoReminder {
    /// Its French title (« Échéance du 15/03/2027 — rappel à 30 jours »): it is kept with the
    /// reminder, so it names the date and the lead time, never a count of days that goes stale.
    pub fn title(&self) -> String {
        let date = self.deadline.date.format("%d/%m/%Y");
        match (self.deadline.kind, self.lead_days) {
            (DeadlineKind::Echeance, 0) => format!("Échéance du {date} — le jour même"),
            (DeadlineKind::Echeance, n) => format!("Échéance du {date} — rappel à {n} jours"),
            (k, 0) => format!("{} : le {date} — le jour même", k.label()),
            (k, n) => format!("{} : le {date} — rappel à {n} jours", k.label()),
        }
    }
}

/// The reminders of one contract's `deadlines` (from [`super::contract_deadlines`], over a range
/// reaching at least `by + leads.longest()`) due on `by`: due on or before `by`, their deadline on
/// or after it, the nearest lead time only, none for a deadline on or after `terminated_on`.
pub fn automatic_reminders(
    deadlines: &[Deadline],
    leads: &LeadTimes,
    terminated_on: Option<NaiveDate>,
    by: NaiveDate,
) -> Vec<AutoReminder> {
    let mut out = Vec::new();
    for d in deadlines {
        if d.date < by || terminated_on.is_some_and(|t| t <= d.date) {
            continue;
        }
        let leads_of: &[u32] = match d.kind {
            DeadlineKind::Echeance => leads.days(),
            DeadlineKind::AvisDeadline => &[0],
            DeadlineKind::TerminationDeadline | DeadlineKind::HamonEligible => &[],
        };
        // Longest first: the last one due is the nearest.
        let nearest = leads_of
            .iter()
            .filter_map(|&lead| {
                let due = d.date.checked_sub_days(Days::new(u64::from(lead)))?;
                (due <= by).then_some((lead, due))
            })
            .next_back();
        if let Some((lead_days, due_on)) = nearest {
            out.push(AutoReminder {
                deadline: d.clone(),
                lead_days,
                due_on,
            });
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::client::ClientKind;
    use crate::deadlines::{contract_deadlines, rules, ContractTerms, Subscriber};
    use crate::vocabulary::Product;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn terms(first_echeance: &str, kind: ClientKind) -> ContractTerms {
        ContractTerms {
            product: Product::Auto,
            subscription: d("2020-01-01"),
            first_echeance: d(first_echeance),
            tacit_renewal: true,
            notice_months: 2,
            subscriber: Subscriber {
                kind,
                professional: false,
            },
        }
    }

    /// The reminders of a company's contract (no Chatel deadline: only échéances) due on `by`.
    fn due(
        first_echeance: &str,
        leads: &[u32],
        by: &str,
        terminated: Option<&str>,
    ) -> Vec<AutoReminder> {
        let by = d(by);
        let t = terms(first_echeance, ClientKind::Company);
        let to = by + Days::new(400);
        let deadlines = contract_deadlines(&t, &|_| Vec::new(), by, to, by);
        automatic_reminders(
            &deadlines,
            &LeadTimes::new(leads).unwrap(),
            terminated.map(d),
            by,
        )
    }

    fn summary(r: &[AutoReminder]) -> Vec<(NaiveDate, u32, NaiveDate)> {
        r.iter()
            .map(|a| (a.deadline.date, a.lead_days, a.due_on))
            .collect()
    }

    #[test]
    fn lead_times_are_validated_and_sorted_longest_first() {
        assert_eq!(LeadTimes::new(&[15, 90, 30]).unwrap().days(), &[90, 30, 15]);
        assert_eq!(LeadTimes::new(&[]), Err(LeadTimesError::Empty));
        assert_eq!(LeadTimes::new(&[366]), Err(LeadTimesError::TooLong(366)));
        assert_eq!(LeadTimes::new(&[30, 30]), Err(LeadTimesError::Repeated(30)));
        assert_eq!(
            LeadTimes::new(&[1, 2, 3, 4, 5, 6, 7, 8, 9]),
            Err(LeadTimesError::TooMany)
        );
        assert_eq!(LeadTimes::defaults().days(), DEFAULT_LEAD_DAYS);
        assert!(LeadTimesError::TooLong(400)
            .to_string()
            .contains("400 jours"));
    }

    #[test]
    fn each_lead_time_comes_due_on_its_day_and_not_the_day_before() {
        // Échéance 2027-06-30: 90 days before is 2027-04-01.
        assert!(due("2021-06-30", &[90, 60, 30, 15], "2027-03-31", None).is_empty());
        let r = due("2021-06-30", &[90, 60, 30, 15], "2027-04-01", None);
        assert_eq!(summary(&r), vec![(d("2027-06-30"), 90, d("2027-04-01"))]);
        assert_eq!(r[0].deadline.rule, rules::ECHEANCE);
        assert_eq!(r[0].deadline.kind, DeadlineKind::Echeance);
        assert_eq!(r[0].title(), "Échéance du 30/06/2027 — rappel à 90 jours");
        // Between two lead times the earlier one stays due.
        let r = due("2021-06-30", &[90, 60, 30, 15], "2027-04-30", None);
        assert_eq!(summary(&r), vec![(d("2027-06-30"), 90, d("2027-04-01"))]);
        let r = due("2021-06-30", &[90, 60, 30, 15], "2027-05-01", None);
        assert_eq!(summary(&r), vec![(d("2027-06-30"), 60, d("2027-05-01"))]);
    }

    #[test]
    fn only_the_nearest_lead_time_is_due_when_several_have_come() {
        // The app closed since March: on 20 June the 15-day reminder alone is due.
        let r = due("2021-06-30", &[90, 60, 30, 15], "2027-06-20", None);
        assert_eq!(summary(&r), vec![(d("2027-06-30"), 15, d("2027-06-15"))]);
    }

    #[test]
    fn month_ends_count_days_not_months() {
        // 31 March minus 30 days is 1 March; 31 May minus 90 days is 2 March.
        let r = due("2021-03-31", &[30], "2027-03-01", None);
        assert_eq!(summary(&r), vec![(d("2027-03-31"), 30, d("2027-03-01"))]);
        assert!(due("2021-03-31", &[30], "2027-02-28", None).is_empty());
        let r = due("2021-05-31", &[90], "2027-03-02", None);
        assert_eq!(summary(&r), vec![(d("2027-05-31"), 90, d("2027-03-02"))]);
    }

    #[test]
    fn on_29_february_and_across_it() {
        // An échéance of 29 February (leap year 2028), 30 days before is 30 January.
        let r = due("2024-02-29", &[30], "2028-01-30", None);
        assert_eq!(summary(&r), vec![(d("2028-02-29"), 30, d("2028-01-30"))]);
        // In a common year that échéance falls on 28 February.
        let r = due("2024-02-29", &[30], "2027-01-29", None);
        assert_eq!(summary(&r), vec![(d("2027-02-28"), 30, d("2027-01-29"))]);
        // One day before 1 March 2028 is 29 February.
        let r = due("2021-03-01", &[1], "2028-02-29", None);
        assert_eq!(summary(&r), vec![(d("2028-03-01"), 1, d("2028-02-29"))]);
        assert!(due("2021-03-01", &[1], "2028-02-28", None).is_empty());
    }

    #[test]
    fn a_lead_time_of_zero_lands_on_the_echeance_and_ends_with_it() {
        let r = due("2021-06-30", &[30, 0], "2027-06-30", None);
        assert_eq!(summary(&r), vec![(d("2027-06-30"), 0, d("2027-06-30"))]);
        assert_eq!(r[0].title(), "Échéance du 30/06/2027 — le jour même");
        // The day after, that échéance is past: nothing for it (the next is a year away).
        assert!(due("2021-06-30", &[30, 0], "2027-07-01", None).is_empty());
    }

    #[test]
    fn a_lead_time_equal_to_the_whole_wait_lands_on_the_echeance_day_of_the_previous_year() {
        // 365 days before 30 June 2027 is 30 June 2026, itself an échéance: on that day both
        // are due (the 2026 one on its day with lead 0, the 2027 one a year ahead).
        let r = due("2021-06-30", &[365, 0], "2026-06-30", None);
        assert_eq!(
            summary(&r),
            vec![
                (d("2026-06-30"), 0, d("2026-06-30")),
                (d("2027-06-30"), 365, d("2026-06-30"))
            ]
        );
    }

    #[test]
    fn a_terminated_contract_gives_none() {
        assert!(due(
            "2021-06-30",
            &[90, 60, 30, 15],
            "2027-06-20",
            Some("2027-01-10")
        )
        .is_empty());
        // Terminated on the échéance itself: none for it either.
        assert!(due("2021-06-30", &[30], "2027-06-20", Some("2027-06-30")).is_empty());
        // Terminated after the échéance (at a later date): that échéance still reminds.
        assert_eq!(
            due("2021-06-30", &[30], "2027-06-20", Some("2027-08-01")).len(),
            1
        );
    }

    #[test]
    fn the_chatel_avis_deadline_reminds_on_its_day_with_its_rule() {
        // A person's tacitly renewed contract, échéance 1 June 2027: termination deadline
        // 1 April, avis to be sent by 17 March (15 days before).
        let t = terms("2021-06-01", ClientKind::Person);
        let by = d("2027-03-17");
        let dl = contract_deadlines(&t, &|_| Vec::new(), by, by + Days::new(400), by);
        let r = automatic_reminders(&dl, &LeadTimes::new(&[30]).unwrap(), None, by);
        let avis: Vec<_> = r
            .iter()
            .filter(|a| a.deadline.kind == DeadlineKind::AvisDeadline)
            .collect();
        assert_eq!(avis.len(), 1);
        assert_eq!(avis[0].deadline.rule, rules::CHATEL);
        assert_eq!(avis[0].due_on, by);
        assert_eq!(
            avis[0].title(),
            "Dernier jour d'envoi de l'avis d'échéance : le 17/03/2027 — le jour même"
        );
        // Once the avis is sent, no more avis deadline, so no reminder for it.
        let sent = |_e: NaiveDate| vec![d("2027-03-10")];
        let dl = contract_deadlines(&t, &sent, by, by + Days::new(400), by);
        let r = automatic_reminders(&dl, &LeadTimes::new(&[30]).unwrap(), None, by);
        assert!(r
            .iter()
            .all(|a| a.deadline.kind != DeadlineKind::AvisDeadline));
    }
}
