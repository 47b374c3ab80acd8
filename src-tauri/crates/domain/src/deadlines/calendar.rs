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
