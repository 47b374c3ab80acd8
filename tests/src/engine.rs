//! The engine on a dated history, to compare the app's figures with (one source of truth).

use chrono::NaiveDate;
use courtier_domain::bonus_malus::{compute_dated, DatedHistory, RuleOptions, Usage};
use courtier_domain::Coefficient;

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// A contract's dated history as the engine takes it: standard usage, no interruption, no claim.
pub fn history_of(subscription: &str, first: &str, start: &str, until: &str) -> DatedHistory {
    DatedHistory {
        usage: Usage::Standard,
        start_coefficient: Coefficient::parse(start).unwrap(),
        start_periods_at_floor: 0,
        start_claim_free_streak: 0,
        subscription_date: d(subscription),
        first_echeance: d(first),
        until: d(until),
        known_on: None,
        interruptions: vec![],
        reductions_lost: vec![],
        claims: vec![],
    }
}

/// The coefficients the engine sets at each échéance of `h`, with the default options.
pub fn engine_coefficients(h: &DatedHistory) -> Vec<String> {
    compute_dated(h, &RuleOptions::default())
        .unwrap()
        .coefficients
        .iter()
        .map(|c| c.to_string())
        .collect()
}
