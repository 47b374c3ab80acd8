//! The words the engine gives a broker name the dates they speak of: the échéance a claim will
//! count at, and the relevé's échéance behind "less than nine months".
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use courtier_domain::bonus_malus::{
    compute_dated, counting_echeance, start_coefficient_from_releve, ClaimKind, DatedClaim,
    DatedHistory, Releve, Responsibility, RuleOptions, Usage,
};
use courtier_domain::Coefficient;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn a_claim_counts_at_the_echeance_whose_period_holds_it() {
    let first = d("2025-04-01");
    // Period of the 01/04/2026 échéance: up to 31/01/2026 included.
    assert_eq!(
        counting_echeance(first, d("2026-01-31")),
        Some(d("2026-04-01"))
    );
    assert_eq!(
        counting_echeance(first, d("2026-02-01")),
        Some(d("2027-04-01"))
    );
    // Before the first échéance's period end: the first échéance.
    assert_eq!(counting_echeance(first, d("2024-12-01")), Some(first));
}

#[test]
fn a_claim_after_the_last_computed_period_names_its_echeance() {
    let h = DatedHistory {
        usage: Usage::Standard,
        start_coefficient: Coefficient::ONE,
        start_periods_at_floor: 0,
        start_claim_free_streak: 0,
        subscription_date: d("2024-01-01"),
        first_echeance: d("2025-01-01"),
        until: d("2026-01-01"),
        known_on: None,
        interruptions: vec![],
        reductions_lost: vec![],
        claims: vec![DatedClaim {
            id: None,
            date: d("2025-12-15"),
            kind: ClaimKind::Accident,
            responsibility: Responsibility::Full,
            requalifications: vec![],
        }],
    };
    let out = compute_dated(&h, &RuleOptions::default()).unwrap();
    assert_eq!(out.trace.outside.len(), 1);
    let reason = &out.trace.outside[0].reason;
    assert!(
        reason.contains("comptera à l'échéance suivante, le 01/01/2027"),
        "{reason}"
    );
}

#[test]
fn less_than_nine_months_names_the_releve_echeance() {
    let r = Releve {
        usage: Usage::Standard,
        coefficient: Coefficient::parse("0.80").unwrap(),
        last_echeance: d("2025-04-01"),
        stopped_on: d("2025-09-30"),
        claims: vec![],
        at_floor_since: None,
    };
    let out = start_coefficient_from_releve(&r, &RuleOptions::default());
    let step = out
        .steps
        .iter()
        .find(|s| s.starts_with("Moins de 9 mois"))
        .unwrap();
    assert_eq!(
        step,
        "Moins de 9 mois d'assurance du 01/02/2025 (fin de la période de référence de l'échéance du 01/04/2025 du relevé) au 30/09/2025 (arrêt du contrat) : pas de réduction."
    );
}
