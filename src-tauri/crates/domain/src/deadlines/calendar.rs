//! The dated items of one contract in a date range: its échéances, the termination deadline
//! before each, the Chatel sending deadline while the avis is not sent, and the day it becomes
//! Hamon-eligible. The calendar use case gathers these for every contract of the range.

use super::chatel::{chatel_outcome, chatel_window, ChatelOutcome};
use super::hamon::hamon_eligible_from;
use super::rules::{self, Rule};
use super::{echeances_between, termination_deadline, ContractTerms};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// The annual échéance (L113-12).
    Echeance,
    /// The last day to send a termination at that échéance (échéance − notice, L113-12).
    TerminationDeadline,
    /// The last day to send the avis d'échéance in the Chatel window (L113-15-1).
    AvisDeadline,
    /// The first day of termination at any time (L113-15-2).
    HamonEligible,
}

impl DeadlineKind {
    /// The French label.
    pub fn label(self) -> &'static str {
        match self {
            DeadlineKind::Echeance => "Échéance",
            DeadlineKind::TerminationDeadline => "Date limite de résiliation",
            DeadlineKind::AvisDeadline => "Dernier jour d'envoi de l'avis d'échéance",
            DeadlineKind::HamonEligible => "Résiliable à tout moment (loi Hamon)",
        }
    }
}

/// One dated item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub date: NaiveDate,
    pub kind: DeadlineKind,
    /// The échéance it belongs to (all but Hamon eligibility).
    pub echeance: Option<NaiveDate>,
    pub rule: Rule,
    /// The Chatel outcome for that échéance when Chatel applies.
    pub chatel: Option<ChatelOutcome>,
}

/// The items of one contract dated in `[from, to]`, sorted by date then kind. `sent` gives the
/// avis sending dates recorded for an échéance. An échéance just after `to` still contributes its
/// termination and avis deadlines when they fall in the range.
pub fn contract_deadlines(
    terms: &ContractTerms,
    sent: &dyn Fn(NaiveDate) -> Vec<NaiveDate>,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Vec<Deadline> {
    let mut out = Vec::new();
    let in_range = |d: NaiveDate| d >= from && d <= to;
    // Deadlines come at most notice + 3 months before their échéance: look that far past `to`.
    let horizon = to
        .checked_add_months(chrono::Months::new(terms.notice_months.saturating_add(4)))
        .unwrap_or(to);
    for e in echeances_between(terms.first_echeance, from, horizon) {
        let chatel = chatel_window(terms, e).map(|w| (w, chatel_outcome(&w, &sent(e), today)));
        let outcome = chatel.map(|(_, o)| o);
        if in_range(e) {
            out.push(Deadline {
                date: e,
                kind: DeadlineKind::Echeance,
                echeance: Some(e),
                rule: rules::ECHEANCE,
                chatel: outcome,
            });
        }
        if let Some(t) = termination_deadline(e, terms.notice_months).filter(|t| in_range(*t)) {
            out.push(Deadline {
                date: t,
                kind: DeadlineKind::TerminationDeadline,
                echeance: Some(e),
                rule: rules::ECHEANCE,
                chatel: outcome,
            });
        }
        if let Some((w, o @ ChatelOutcome::Pending { .. })) = chatel {
            if in_range(w.latest) {
                out.push(Deadline {
                    date: w.latest,
                    kind: DeadlineKind::AvisDeadline,
                    echeance: Some(e),
                    rule: rules::CHATEL,
                    chatel: Some(o),
                });
            }
        }
    }
    if let Some(h) = hamon_eligible_from(terms).filter(|h| in_range(*h)) {
        out.push(Deadline {
            date: h,
            kind: DeadlineKind::HamonEligible,
            echeance: None,
            rule: rules::HAMON,
            chatel: None,
        });
    }
    out.sort_by_key(|d| (d.date, d.kind));
    out
}

/// Which contracts can have an item in `[from, to]`: those with an échéance in one of
/// `echeances` (the échéances themselves, then those whose termination or avis deadline falls
/// in the range), or subscribed in `subscribed` (their Hamon eligibility falls in it), or, for
/// complémentaire santé, subscribed by `sante_subscribed_by` (eligible from 1 December 2020 when
/// the range holds that day). A superset: [`contract_deadlines`] dates each item exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarReach {
    pub echeances: Vec<(NaiveDate, NaiveDate)>,
    pub subscribed: (NaiveDate, NaiveDate),
    pub sante_subscribed_by: Option<NaiveDate>,
}

/// The reach of `[from, to]` for contracts with `notice_months` of notice. A termination
/// deadline is the échéance minus the notice, the avis deadline fifteen days before that (month
/// ends clamp by up to three days: the windows are widened by as much). `None` outside the
/// supported calendar.
pub fn calendar_reach(from: NaiveDate, to: NaiveDate, notice_months: u32) -> Option<CalendarReach> {
    use chrono::{Days, Months};
    let notice = Months::new(notice_months);
    let year = Months::new(12);
    let early = from
        .checked_add_months(notice)?
        .checked_sub_days(Days::new(3))?;
    let late = to
        .checked_add_months(notice)?
        .checked_add_days(Days::new(super::chatel::WINDOW_CLOSES_DAYS + 3))?;
    let echeances = if early <= to.checked_add_days(Days::new(1))? {
        vec![(from, late.max(to))]
    } else {
        vec![(from, to), (early, late)]
    };
    let sante_from = super::hamon::sante_since();
    Some(CalendarReach {
        echeances,
        subscribed: (
            from.checked_sub_months(year)?
                .checked_sub_days(Days::new(1))?,
            to.checked_sub_months(year)?
                .checked_add_days(Days::new(1))?,
        ),
        sante_subscribed_by: (from <= sante_from && sante_from <= to)
            .then(|| sante_from.checked_sub_months(year))
            .flatten(),
    })
}

impl CalendarReach {
    /// Whether a contract with these dates is within reach (what the store's query selects).
    pub fn holds(
        &self,
        first_echeance: NaiveDate,
        subscription: NaiveDate,
        product: crate::vocabulary::Product,
    ) -> bool {
        self.echeances
            .iter()
            .any(|(a, b)| !echeances_between(first_echeance, *a, *b).is_empty())
            || (self.subscribed.0 <= subscription && subscription <= self.subscribed.1)
            || (product == crate::vocabulary::Product::Sante
                && self.sante_subscribed_by.is_some_and(|s| subscription <= s))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::client::ClientKind;
    use crate::deadlines::{Subscriber, DEFAULT_NOTICE_MONTHS};
    use crate::vocabulary::Product;
    use chrono::Days;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Every contract that has an item in a range is within its reach: first échéances on
    /// every day of 2024 (29 February included) and 2025, ranges of a day, a week, a month and
    /// ninety days starting every eleventh day over three years (year ends and a common-year
    /// February included), a protected person and a company, subscribed a year or three
    /// months before the first échéance.
    #[test]
    fn every_contract_with_an_item_in_a_range_is_within_its_reach() {
        let none = |_e: NaiveDate| Vec::new();
        let mut checked = 0;
        for first in (0..731).map(|k| d("2024-01-01") + Days::new(k)).step_by(3) {
            for (sub_months, kind) in [(12, ClientKind::Person), (3, ClientKind::Company)] {
                let t = ContractTerms {
                    product: Product::Auto,
                    subscription: first
                        .checked_sub_months(chrono::Months::new(sub_months))
                        .unwrap(),
                    first_echeance: first,
                    tacit_renewal: true,
                    notice_months: DEFAULT_NOTICE_MONTHS,
                    subscriber: Subscriber {
                        kind,
                        professional: false,
                    },
                };
                for from in (0..1100)
                    .step_by(11)
                    .map(|k| d("2024-06-01") + Days::new(k))
                {
                    for len in [0, 6, 30, 89] {
                        let to = from + Days::new(len);
                        let items = contract_deadlines(&t, &none, from, to, d("2024-06-01"));
                        let reach = calendar_reach(from, to, DEFAULT_NOTICE_MONTHS).unwrap();
                        if !items.is_empty() {
                            checked += 1;
                            assert!(
                                reach.holds(t.first_echeance, t.subscription, t.product),
                                "{first} {from}..{to}: {items:?} out of {reach:?}"
                            );
                        }
                    }
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn a_month_reaches_its_echeances_and_those_two_months_on() {
        let r = calendar_reach(d("2027-01-01"), d("2027-01-31"), 2).unwrap();
        assert_eq!(
            r.echeances,
            vec![
                (d("2027-01-01"), d("2027-01-31")),
                (d("2027-02-26"), d("2027-04-18"))
            ]
        );
        assert_eq!(r.subscribed, (d("2025-12-31"), d("2026-02-01")));
        assert_eq!(r.sante_subscribed_by, None);
        // Ninety days: the windows overlap into one.
        let r = calendar_reach(d("2026-11-24"), d("2027-02-21"), 2).unwrap();
        assert_eq!(r.echeances, vec![(d("2026-11-24"), d("2027-05-09"))]);
        // A range holding 1 December 2020 reaches every santé contract subscribed by then.
        let r = calendar_reach(d("2020-11-15"), d("2020-12-15"), 2).unwrap();
        assert_eq!(r.sante_subscribed_by, Some(d("2019-12-01")));
        assert!(r.holds(d("2015-06-10"), d("2014-06-10"), Product::Sante));
        assert!(!r.holds(d("2015-06-10"), d("2014-06-10"), Product::Auto));
    }
}
