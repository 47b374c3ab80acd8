//! Vehicles, new insurers and the relevé (R1, R16–R18).
#![allow(clippy::unwrap_used)]

use courtier_domain::bonus_malus::{
    compute_dated, start_coefficient_from_releve, transfer_on_replacement, ClaimKind, Releve,
    ReleveClaim, Responsibility, RuleOptions, Truncation, Usage,
};
use courtier_domain::Coefficient;

mod common;
use common::rules::*;

// ----- R16, R17 ---------------------------------------------------------------------------

#[test]
fn r16_transfer_on_replacement() {
    assert_eq!(transfer_on_replacement(c("0.72"), true).0, c("0.72"));
    assert_eq!(
        transfer_on_replacement(c("0.72"), false).0,
        Coefficient::ONE
    );
    assert_eq!(transfer_on_replacement(c("1.25"), false).0, c("1.25"));
}

#[test]
fn r17_new_insurer_from_the_releve() {
    let base = Releve {
        usage: Usage::Standard,
        coefficient: c("0.80"),
        last_echeance: d("2025-04-01"),
        stopped_on: d("2025-12-31"),
        claims: vec![],
        at_floor_since: None,
    };
    // Nine months of claim-free cover since 1 February 2025 (31 December ≥ 1 November): one
    // reduction.
    let out = start_coefficient_from_releve(&base, &RuleOptions::default());
    assert_eq!(out.start_coefficient, c("0.76"));
    // Less than nine months: none.
    let mut r = base.clone();
    r.stopped_on = d("2025-09-30");
    assert_eq!(
        start_coefficient_from_releve(&r, &RuleOptions::default()).start_coefficient,
        c("0.80")
    );
    // A claim after the last reference period: majorated, and no reduction.
    let mut r = base.clone();
    r.claims = vec![ReleveClaim {
        date: d("2025-06-01"),
        kind: ClaimKind::Accident,
        responsibility: Responsibility::Full,
    }];
    assert_eq!(
        start_coefficient_from_releve(&r, &RuleOptions::default()).start_coefficient,
        c("1.00")
    );
    // A claim inside the last reference period is already in the stated coefficient: never
    // counted twice. (After four claim-free years, one claim gives at most 1.12.)
    let mut r = base.clone();
    r.coefficient = c("1.12");
    r.claims = vec![ReleveClaim {
        date: d("2024-06-01"),
        kind: ClaimKind::Accident,
        responsibility: Responsibility::Full,
    }];
    let out = start_coefficient_from_releve(&r, &RuleOptions::default());
    assert_eq!(out.start_coefficient, c("1.06"));
    assert!(out.inconsistency.is_none(), "{:?}", out.inconsistency);
    r.coefficient = c("1.25");
    assert!(start_coefficient_from_releve(&r, &RuleOptions::default())
        .inconsistency
        .is_some());
    // Inconsistent: 0.50 stated with two responsible claims in the last period (the 0.50
    // protection forgives one at most).
    let mut r = base;
    r.coefficient = c("0.50");
    r.claims = vec![
        ReleveClaim {
            date: d("2024-06-01"),
            kind: ClaimKind::Accident,
            responsibility: Responsibility::Full,
        },
        ReleveClaim {
            date: d("2024-09-01"),
            kind: ClaimKind::Accident,
            responsibility: Responsibility::Full,
        },
    ];
    let out = start_coefficient_from_releve(&r, &RuleOptions::default());
    assert!(out.inconsistency.is_some());
    assert!(out.implied_min > c("0.50"));
}

/// R17 (issue 9, item 5): the counters come with the insured, and the R17 step is the yearly
/// step of every period (truncation option, R6, R8, R9, R10).
#[test]
fn r17_the_counters_come_with_the_insured() {
    let claim = |date: &str| ReleveClaim {
        date: d(date),
        kind: ClaimKind::Accident,
        responsibility: Responsibility::Full,
    };
    // 1.12 on 1 April 2025; the claim of June 2023 is in the period closing in 2024, the last
    // period (1 February 2024 – 31 January 2025) is claim-free: streak 1. Eleven claim-free
    // months since 1 February 2025: the reduction 1.12 × 0.95 = 1.064 → 1.06 closes a second
    // claim-free period, so R9 brings it to 1.00.
    let r = Releve {
        usage: Usage::Standard,
        coefficient: c("1.12"),
        last_echeance: d("2025-04-01"),
        stopped_on: d("2025-12-31"),
        claims: vec![claim("2023-06-01")],
        at_floor_since: None,
    };
    let out = start_coefficient_from_releve(&r, &RuleOptions::default());
    assert_eq!(out.start_coefficient, c("1.00"), "{:?}", out.steps);
    assert_eq!(out.start_claim_free_streak, 2);
    assert_eq!(out.start_periods_at_floor, 0);
    assert!(
        out.steps.iter().any(|s| s.contains("ramené à 1,00")),
        "{:?}",
        out.steps
    );
    // At 0.50 since 1 April 2020 with five claim-free periods: five years at the floor; the
    // first claim after the relevé is forgiven (0.50, not 0.625 → 0.62).
    let r = Releve {
        coefficient: c("0.50"),
        claims: vec![claim("2025-06-01")],
        at_floor_since: Some(d("2020-04-01")),
        ..r
    };
    let out = start_coefficient_from_releve(&r, &RuleOptions::default());
    assert_eq!(out.start_coefficient, c("0.50"), "{:?}", out.steps);
    assert_eq!(out.start_periods_at_floor, 0, "a counting claim resets it");
    assert!(
        out.steps.iter().any(|s| s.contains("art. 4 al. 2")),
        "{:?}",
        out.steps
    );
    // Without `at_floor_since` the relevé proves nothing: 0.62.
    let no_date = Releve {
        at_floor_since: None,
        ..r.clone()
    };
    assert_eq!(
        start_coefficient_from_releve(&no_date, &RuleOptions::default()).start_coefficient,
        c("0.62")
    );
    // At 0.50 since 1 April 2023: two whole years, so no protection yet.
    let two = Releve {
        at_floor_since: Some(d("2023-04-01")),
        ..r.clone()
    };
    assert_eq!(
        start_coefficient_from_releve(&two, &RuleOptions::default()).start_coefficient,
        c("0.62")
    );
    // Claim-free, at 0.50 for three years: the R17 reduction keeps 0.50 and adds a period at
    // the floor.
    let free = Releve {
        claims: vec![],
        at_floor_since: Some(d("2022-04-01")),
        ..r.clone()
    };
    let out = start_coefficient_from_releve(&free, &RuleOptions::default());
    assert_eq!(out.start_coefficient, c("0.50"));
    assert_eq!(
        (out.start_claim_free_streak, out.start_periods_at_floor),
        (6, 4)
    );
    // The truncation option applies to the R17 step: four full claims from 1.00 give 2.43 per
    // claim, 2.44 per period.
    let four = Releve {
        coefficient: c("1.00"),
        claims: vec![
            claim("2025-02-10"),
            claim("2025-03-10"),
            claim("2025-04-10"),
            claim("2025-05-10"),
        ],
        at_floor_since: None,
        ..r
    };
    assert_eq!(
        start_coefficient_from_releve(&four, &RuleOptions::default()).start_coefficient,
        c("2.43")
    );
    let per_period = RuleOptions {
        truncation: Truncation::PerPeriod,
        ..RuleOptions::default()
    };
    assert_eq!(
        start_coefficient_from_releve(&four, &per_period).start_coefficient,
        c("2.44")
    );
}

// ----- R1, R18 ----------------------------------------------------------------------------

#[test]
fn r1_clause_applies_flag() {
    use courtier_domain::bonus_malus::applicable_coefficient;
    assert_eq!(applicable_coefficient(true, c("0.72")), c("0.72"));
    assert_eq!(applicable_coefficient(false, c("0.72")), Coefficient::ONE);
    assert_eq!(applicable_coefficient(false, c("1.56")), Coefficient::ONE);
}

#[test]
fn r18_releve_mandatory_fields() {
    use courtier_domain::bonus_malus::{ReleveDocument, ReleveDocumentClaim, RelevePerson};
    let person = RelevePerson {
        last_name: Some("Martin".into()),
        first_name: Some("Anne".into()),
        birth_date: Some(d("1980-05-02")),
        licence_number: Some("12AB34567".into()),
        licence_date: Some(d("1999-06-10")),
    };
    let mut doc = ReleveDocument {
        issued_on: d("2025-03-01"),
        issuer: None,
        contract_number: None,
        subscription_date: Some(d("2019-04-01")),
        registration: Some("AB-123-CD".into()),
        usage: None,
        policyholder: person.clone(),
        drivers: vec![person],
        claims: vec![ReleveDocumentClaim {
            date: d("2024-06-01"),
            kind: ClaimKind::Accident,
            responsibility: Responsibility::Partial,
            driver: Some("Anne Martin".into()),
            open: None,
        }],
        coefficient: Some(c("0.80")),
        last_echeance: Some(d("2025-04-01")),
        stopped_on: Some(d("2025-12-31")),
        at_floor_since: None,
        termination_reason: None,
    };
    // Before 24 July 2025: the French fields suffice.
    assert!(
        doc.missing_fields().is_empty(),
        "{:?}",
        doc.missing_fields()
    );
    // From then on, the EU template's fields are mandatory too.
    doc.issued_on = d("2025-08-01");
    let missing = doc.missing_fields();
    assert!(
        missing.contains(&"numéro de contrat".to_string()),
        "{missing:?}"
    );
    assert!(missing.contains(&"motif de résiliation (ou « néant »)".to_string()));
    assert!(missing
        .iter()
        .any(|m| m.starts_with("état (réglé ou ouvert)")));
    doc.drivers[0].licence_number = None;
    assert!(doc
        .missing_fields()
        .contains(&"numéro de permis du conducteur désigné n° 1".to_string()));
    let r = doc.to_releve().unwrap();
    assert_eq!(r.coefficient, c("0.80"));
    assert_eq!(r.claims.len(), 1);
}

// ----- R16: transfer on replacement -------------------------------------------------------

#[test]
fn r16_a_replacement_with_other_drivers_loses_the_reduction_but_never_a_malus() {
    // 1.00 → 0.95 (2021) → 0.90 (2022) → 0.85 (2023); replaced on 10 March 2023 with other
    // usual drivers: the 2024 échéance starts from 1.00 (→ 0.95), the counters start again.
    let mut h = history("2020-01-01", "2021-01-01", "2025-01-01", vec![]);
    assert_eq!(coefs(&h), ["0.95", "0.90", "0.85", "0.80", "0.76"]);
    h.reductions_lost = vec![d("2023-03-10")];
    assert_eq!(coefs(&h), ["0.95", "0.90", "0.85", "0.95", "0.90"]);
    let out = compute_dated(&h, &RuleOptions::default()).unwrap();
    let p = &out.trace.periods[3];
    assert!(p
        .steps
        .iter()
        .any(|s| matches!(s, courtier_domain::bonus_malus::Step::ReductionLost { before } if before.to_string() == "0.85")));
    let note = courtier_domain::bonus_malus::note::render(&out.trace);
    assert!(
        note.contains("la réduction (0,85) ne se transfère pas, retour à 1,00 (art. 10)"),
        "{note}"
    );
    // A malus transfers: 1.25 after a claim, then a replacement with other drivers changes
    // nothing.
    let mut m = history(
        "2020-01-01",
        "2021-01-01",
        "2023-01-01",
        vec![("2020-05-01", Responsibility::Full)],
    );
    let before = coefs(&m);
    m.reductions_lost = vec![d("2021-06-01")];
    assert_eq!(coefs(&m), before);
    assert_eq!(before, ["1.25", "1.18", "1.00"]);
    // In force from the replacement day, not only from the next échéance.
    let mut mid = history("2020-01-01", "2021-01-01", "2023-06-01", vec![]);
    mid.reductions_lost = vec![d("2023-03-10")];
    let mid_out = compute_dated(&mid, &RuleOptions::default()).unwrap();
    let in_force = |on: &str| {
        courtier_domain::bonus_malus::coefficient_in_force(&mid, &mid_out, d(on)).to_string()
    };
    assert_eq!(in_force("2023-03-09"), "0.85");
    assert_eq!(in_force("2023-03-10"), "1.00");
    // The fast path agrees.
    let mut fast = Vec::new();
    courtier_domain::bonus_malus::compute_dated_coefficients(
        &h,
        &RuleOptions::default(),
        &mut fast,
    )
    .unwrap();
    assert_eq!(fast, out.coefficients);
}
