//! The JSON forms, the projection and the calculation note.
#![allow(clippy::unwrap_used)]

use courtier_domain::bonus_malus::{simulate_json, RuleOptions};

mod common;
use common::rules::*;

// ----- JSON -------------------------------------------------------------------------------

#[test]
fn json_errors_name_the_field() {
    let e = simulate_json(r#"{"usage":"standard","start_coefficient":"1.00","periods":[{"claims":[{"kind":"crash","responsibility":"full"}]}]}"#).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("periods[0].claims[0].kind : valeur inconnue « crash »"),
        "{e}"
    );
    let e = simulate_json(r#"{"usage":"standard","start_coefficient":"1,255","periods":[]}"#)
        .unwrap_err();
    assert!(e.to_string().starts_with("start_coefficient"), "{e}");
    let e =
        simulate_json(r#"{"usage":"standard","start_coefficient":"1.00","periods":[],"extra":1}"#)
            .unwrap_err();
    assert!(e.to_string().starts_with("extra : champ inconnu"), "{e}");
    let e = simulate_json(r#"{"usage":"standard","start_coefficient":"1.00","subscription_date":"2024-02-30","first_echeance":"2025-01-01","until":"2025-01-01"}"#).unwrap_err();
    assert!(e.to_string().starts_with("subscription_date"), "{e}");
    let e = simulate_json(r#"{"usage":"standard","start_coefficient":"1.00","periods":[],"options":{"truncation":"sometimes"}}"#).unwrap_err();
    assert!(e.to_string().starts_with("options"), "{e}");
    let e = simulate_json("{").unwrap_err();
    assert!(e.to_string().starts_with("JSON illisible"), "{e}");
}

#[test]
fn json_both_forms() {
    let v = simulate_json(r#"{"usage":"tournees","start_coefficient":"1.00","options":{"truncation":"per_period"},
        "periods":[{"claims":[]},{"interruption_months":4,"claims":[]},{"claims":[{"kind":"accident","responsibility":"full","initial_responsibility":"none","requalified_months_after_following_echeance":30}]}]}"#).unwrap();
    assert_eq!(
        v["coefficients"],
        serde_json::json!(["0.93", "0.93", "0.86"])
    );
    let v = simulate_json(r#"{"usage":"standard","start_coefficient":"1.00","subscription_date":"2024-01-01","first_echeance":"2025-01-01","until":"2026-06-01",
        "claims":[{"date":"2025-03-01","kind":"accident","responsibility":"full"}]}"#).unwrap();
    assert_eq!(v["coefficients"], serde_json::json!(["0.95", "1.18"]));
    assert_eq!(v["echeances"][1]["date"], "2026-01-01");
    assert_eq!(v["echeances"][1]["period_start"], "2024-11-01");
    assert_eq!(v["trace"]["periods"][1]["steps"][0]["kind"], "majoration");
    assert_eq!(v["trace"]["periods"][1]["steps"][0]["exact"], "1.1875");
}

// ----- projection and the note ------------------------------------------------------------

#[test]
fn projection_next_echeance_and_simulated_claims() {
    use courtier_domain::bonus_malus::project;
    let h = history("2024-01-15", "2025-01-15", "2026-06-01", vec![]);
    // 1 June 2026: next échéance 15 January 2027, period until 15 November 2026.
    let p = project(
        &h,
        &RuleOptions::default(),
        d("2026-06-01"),
        d("2026-06-01"),
    )
    .unwrap();
    assert_eq!(p.next_echeance, d("2027-01-15"));
    assert_eq!(p.if_nothing_happens, c("0.85"));
    assert_eq!(p.claim_counts_at, d("2027-01-15"));
    assert_eq!(p.with_full_claim, c("1.12"));
    assert_eq!(p.with_partial_claim, c("1.01"));
    // A claim on 1 December 2026 falls in the two months before the échéance: it counts at
    // the one after.
    let p = project(
        &h,
        &RuleOptions::default(),
        d("2026-12-01"),
        d("2026-12-01"),
    )
    .unwrap();
    assert_eq!(p.next_echeance, d("2027-01-15"));
    assert_eq!(p.claim_counts_at, d("2028-01-15"));
    assert_eq!(p.at_that_echeance_without, c("0.80"));
    assert_eq!(p.with_full_claim, c("1.06"));
}

#[test]
fn projection_of_a_claim_in_a_short_first_period() {
    use courtier_domain::bonus_malus::{project, ShortFirstPeriodClaims};
    // Subscribed 1 June 2024, first échéance 1 January 2025: a first period of five months
    // (to 1 November 2024), not a year. A claim on 1 July 2024 is carried into the next period
    // (R13): it counts at 1 January 2026, not at the first échéance.
    let h = history("2024-06-01", "2025-01-01", "2024-07-01", vec![]);
    let p = project(
        &h,
        &RuleOptions::default(),
        d("2024-07-01"),
        d("2024-07-01"),
    )
    .unwrap();
    assert_eq!(p.next_echeance, d("2025-01-01"));
    assert_eq!(p.if_nothing_happens, c("1.00"));
    assert_eq!(p.claim_counts_at, d("2026-01-01"));
    assert_eq!(p.at_that_echeance_without, c("0.95"));
    assert_eq!(p.with_full_claim, c("1.25"));
    assert_eq!(p.with_partial_claim, c("1.12"));
    // With `majorate_immediately` it counts at the first échéance.
    let now = RuleOptions {
        short_first_period_claims: ShortFirstPeriodClaims::MajorateImmediately,
        ..RuleOptions::default()
    };
    let p = project(&h, &now, d("2024-07-01"), d("2024-07-01")).unwrap();
    assert_eq!(p.claim_counts_at, d("2025-01-01"));
    assert_eq!(p.at_that_echeance_without, c("1.00"));
    assert_eq!(p.with_full_claim, c("1.25"));
}

#[test]
fn the_note_explains_each_step_in_french() {
    use courtier_domain::bonus_malus::simulate_note;
    let note = simulate_note(
        r#"{"usage":"standard","start_coefficient":"1.00","subscription_date":"2020-01-15","first_echeance":"2021-01-15","until":"2023-01-15",
            "claims":[{"date":"2021-06-15","kind":"accident","responsibility":"full"},{"date":"2022-03-02","kind":"glass","responsibility":"none"}]}"#,
    )
    .unwrap();
    assert!(note.contains("Période du 15/01/2020 au 14/11/2020 (échéance du 15/01/2021) : aucun sinistre responsable → 1,00 × 0,95 = 0,95, arrondi par défaut à 0,95 (art. 4)"), "{note}");
    assert!(note.contains("Période du 15/11/2020 au 14/11/2021 (échéance du 15/01/2022) : 1 sinistre responsable (15/06/2021) → 0,95 × 1,25 = 1,1875, arrondi par défaut à 1,18 (art. 5)"), "{note}");
    assert!(note.contains("bris de glace"), "{note}");
    assert!(note.contains("(art. 7)"), "{note}");
    assert!(note.contains("Coefficient en vigueur : 1,12."), "{note}");
}
