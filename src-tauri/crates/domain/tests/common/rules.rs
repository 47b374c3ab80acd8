//! Small builders shared by the rule tests (`rules_*.rs`).
#![allow(clippy::unwrap_used, dead_code)]

use chrono::NaiveDate;
use courtier_domain::bonus_malus::{
    compute_dated, run_periods, ClaimKind, DatedClaim, DatedHistory, Period, PeriodClaim,
    Responsibility, RuleOptions, Scenario, StartState, Usage,
};
use courtier_domain::Coefficient;

pub fn c(s: &str) -> Coefficient {
    Coefficient::parse(s).unwrap()
}

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn full() -> PeriodClaim {
    PeriodClaim::new(ClaimKind::Accident, Responsibility::Full)
}
pub fn partial() -> PeriodClaim {
    PeriodClaim::new(ClaimKind::Accident, Responsibility::Partial)
}
pub fn neutral(kind: ClaimKind, r: Responsibility) -> PeriodClaim {
    PeriodClaim::new(kind, r)
}

pub fn run(usage: Usage, start: &str, periods: Vec<Period>, opts: RuleOptions) -> Vec<String> {
    run_state(usage, StartState::new(c(start)), periods, opts)
}

pub fn run_state(
    usage: Usage,
    start: StartState,
    periods: Vec<Period>,
    opts: RuleOptions,
) -> Vec<String> {
    run_periods(&Scenario {
        usage,
        start,
        options: opts,
        periods,
    })
    .coefficients
    .iter()
    .map(|c| c.to_string())
    .collect()
}

pub fn years(n: usize) -> Vec<Period> {
    (0..n).map(|_| Period::year(vec![])).collect()
}

pub fn std_run(start: &str, periods: Vec<Period>) -> Vec<String> {
    run(Usage::Standard, start, periods, RuleOptions::default())
}

pub fn history(
    sub: &str,
    first: &str,
    until: &str,
    claims: Vec<(&str, Responsibility)>,
) -> DatedHistory {
    DatedHistory {
        usage: Usage::Standard,
        start_coefficient: Coefficient::ONE,
        start_periods_at_floor: 0,
        start_claim_free_streak: 0,
        subscription_date: d(sub),
        first_echeance: d(first),
        until: d(until),
        known_on: None,
        interruptions: vec![],
        reductions_lost: vec![],
        claims: claims
            .into_iter()
            .map(|(date, r)| DatedClaim {
                id: None,
                date: d(date),
                kind: ClaimKind::Accident,
                responsibility: r,
                requalifications: vec![],
            })
            .collect(),
    }
}

pub fn coefs(h: &DatedHistory) -> Vec<String> {
    compute_dated(h, &RuleOptions::default())
        .unwrap()
        .coefficients
        .iter()
        .map(|c| c.to_string())
        .collect()
}
