//! The published figures of the spec (`docs/bonus-malus.md`, « Published figures »).
#![allow(clippy::unwrap_used)]

use courtier_domain::bonus_malus::{Period, RuleOptions, StartState, Usage};

mod common;
use common::rules::*;

// ----- the published figures of the spec ---------------------------------------------------

#[test]
fn published_claim_free_standard() {
    assert_eq!(
        std_run("1.00", years(13)),
        "0.95 0.90 0.85 0.80 0.76 0.72 0.68 0.64 0.60 0.57 0.54 0.51 0.50"
            .split(' ')
            .collect::<Vec<_>>()
    );
}

#[test]
fn published_one_full_claim_a_year() {
    let p = (0..6).map(|_| Period::year(vec![full()])).collect();
    assert_eq!(
        std_run("1.00", p),
        ["1.25", "1.56", "1.95", "2.43", "3.03", "3.50"]
    );
}

#[test]
fn published_two_claims_in_one_year_service_public() {
    assert_eq!(
        std_run("0.68", vec![Period::year(vec![full(), full()])]),
        ["1.06"]
    );
}

#[test]
fn published_malus_then_two_claim_free_years() {
    assert_eq!(std_run("3.50", years(3)), ["3.32", "1.00", "0.95"]);
}

#[test]
fn published_claim_free_tournees() {
    assert_eq!(
        run(Usage::Tournees, "1.00", years(9), RuleOptions::default()),
        "0.93 0.86 0.79 0.73 0.67 0.62 0.57 0.53 0.50"
            .split(' ')
            .collect::<Vec<_>>()
    );
}

#[test]
fn published_protected_at_floor() {
    let mut s = StartState::new(c("0.50"));
    s.periods_at_floor = 3;
    assert_eq!(
        run_state(
            Usage::Standard,
            s,
            vec![Period::year(vec![full()])],
            RuleOptions::default()
        ),
        ["0.50"]
    );
}
