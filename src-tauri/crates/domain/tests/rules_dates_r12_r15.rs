//! Dates: reference periods, first periods, suspensions and requalifications (R12–R15).
#![allow(clippy::unwrap_used)]

use courtier_domain::bonus_malus::{
    compute_dated, ClaimKind, DatedClaim, Interruption, Requalification, Responsibility,
    RuleOptions,
};

mod common;
use common::rules::*;

// ----- dates (R12, R13, R15) --------------------------------------------------------------

#[test]
fn r12_reference_period_is_e_minus_14_to_e_minus_2_months() {
    // Échéance 1 January 2026: claims from 1 November 2024 to 31 October 2025 inclusive.
    let h = history("2024-01-01", "2025-01-01", "2026-01-01", vec![]);
    let out = compute_dated(&h, &RuleOptions::default()).unwrap();
    assert_eq!(out.echeances[1].period_start, d("2024-11-01"));
    assert_eq!(out.echeances[1].period_end, d("2025-11-01"));
    // Last day of the period counts at that échéance; the first day of the next, at the next.
    let last_day = history(
        "2024-01-01",
        "2025-01-01",
        "2026-01-01",
        vec![("2025-10-31", Responsibility::Full)],
    );
    assert_eq!(coefs(&last_day), ["0.95", "1.18"]);
    let next_day = history(
        "2024-01-01",
        "2025-01-01",
        "2026-01-01",
        vec![("2025-11-01", Responsibility::Full)],
    );
    assert_eq!(coefs(&next_day), ["0.95", "0.90"]);
    let out = compute_dated(&next_day, &RuleOptions::default()).unwrap();
    assert_eq!(out.trace.outside.len(), 1, "counts at a later échéance");
    // In the two months before the échéance: the next échéance.
    let december = history(
        "2024-01-01",
        "2025-01-01",
        "2027-01-01",
        vec![("2025-12-15", Responsibility::Full)],
    );
    assert_eq!(coefs(&december), ["0.95", "0.90", "1.12"]);
    // By date of occurrence, not of declaration; a claim before subscription is not the
    // contract's.
    let before = history(
        "2024-01-01",
        "2025-01-01",
        "2025-01-01",
        vec![("2023-12-31", Responsibility::Full)],
    );
    assert_eq!(coefs(&before), ["0.95"]);
}

#[test]
fn r12_month_ends_and_29_february() {
    // Échéance 31 March → period starts 31 January of the year before.
    let h = history("2024-03-31", "2025-03-31", "2026-03-31", vec![]);
    let out = compute_dated(&h, &RuleOptions::default()).unwrap();
    assert_eq!(out.echeances[1].period_start, d("2025-01-31"));
    assert_eq!(out.echeances[1].period_end, d("2026-01-31"));
    // 29 February: 28 February in ordinary years, back to 29 in leap years; periods contiguous.
    let h = history("2023-03-01", "2024-02-29", "2029-01-01", vec![]);
    let out = compute_dated(&h, &RuleOptions::default()).unwrap();
    let dates: Vec<_> = out.echeances.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(
        dates,
        [
            "2024-02-29",
            "2025-02-28",
            "2026-02-28",
            "2027-02-28",
            "2028-02-29"
        ]
    );
    for w in out.echeances.windows(2) {
        assert_eq!(w[0].period_end, w[1].period_start);
    }
    assert_eq!(out.echeances[0].period_end, d("2023-12-29"));
}

#[test]
fn r13_first_period_of_exactly_9_months_and_less() {
    // Subscription 1 February 2024, first échéance 1 January 2025: period to 1 November 2024,
    // exactly 9 months: it counts.
    let nine = history("2024-02-01", "2025-01-01", "2025-01-01", vec![]);
    assert_eq!(coefs(&nine), ["0.95"]);
    // One day later: under 9 months, no reduction; a claim in it counts at the next échéance.
    let short = history(
        "2024-02-02",
        "2025-01-01",
        "2026-01-01",
        vec![("2024-06-01", Responsibility::Full)],
    );
    assert_eq!(coefs(&short), ["1.00", "1.25"]);
}

#[test]
fn r14_interruption_from_dates() {
    let mut h = history("2024-01-01", "2025-01-01", "2026-01-01", vec![]);
    h.interruptions = vec![Interruption {
        from: d("2025-02-01"),
        to: d("2025-06-15"),
    }];
    assert_eq!(coefs(&h), ["0.95", "0.95"]);
    h.interruptions = vec![Interruption {
        from: d("2025-02-01"),
        to: d("2025-04-15"),
    }];
    assert_eq!(coefs(&h), ["0.95", "0.90"]);
}

#[test]
fn r14_each_interruption_measured_on_itself_in_calendar_months() {
    use courtier_domain::bonus_malus::{interruption_length, longer_than_three_months};
    let i = |from: &str, to: &str| Interruption {
        from: d(from),
        to: d(to),
    };
    // Exactly three months is not longer; one day more is.
    assert!(!longer_than_three_months(&i("2024-06-01", "2024-09-01")));
    assert!(longer_than_three_months(&i("2024-06-01", "2024-09-02")));
    // Clamped to the month's end: 30 November + 3 months = 28 February 2025.
    assert!(!longer_than_three_months(&i("2024-11-30", "2025-02-28")));
    assert!(longer_than_three_months(&i("2024-11-30", "2025-03-01")));
    // 29 February + 3 months = 29 May.
    assert!(!longer_than_three_months(&i("2024-02-29", "2024-05-29")));
    assert!(longer_than_three_months(&i("2024-02-29", "2024-05-30")));
    assert_eq!(interruption_length(&i("2024-02-01", "2024-05-03")), (3, 2));
    assert_eq!(interruption_length(&i("2024-09-01", "2025-02-01")), (5, 0));
    // A long one that ends on the first day of a period does not overlap it.
    let mut h = history("2023-01-01", "2024-01-01", "2026-01-01", vec![]);
    h.interruptions = vec![i("2024-07-01", "2024-11-01")];
    assert_eq!(coefs(&h), ["0.95", "0.95", "0.90"]);
    // One that starts on the last day of a period blocks it, and the next.
    h.interruptions = vec![i("2024-10-31", "2025-03-01")];
    assert_eq!(coefs(&h), ["0.95", "0.95", "0.95"]);
}

#[test]
fn r13_a_first_period_is_never_inverted() {
    // First échéance one day, one month and two months after the subscription.
    for (sub, first) in [
        ("2024-12-31", "2025-01-01"),
        ("2024-12-01", "2025-01-01"),
        ("2024-11-01", "2025-01-01"),
    ] {
        let h = history(sub, first, "2027-01-01", vec![]);
        let out = compute_dated(&h, &RuleOptions::default()).unwrap();
        let e = &out.echeances;
        assert_eq!(
            (e[0].period_start, e[0].period_end),
            (d(sub), d(sub)),
            "{sub}"
        );
        assert_eq!(e[1].period_start, d(sub), "{sub}");
        assert_eq!(coefs(&h), ["1.00", "0.95", "0.90"], "{sub}");
    }
}

#[test]
fn r15_known_on_may_be_later_than_until() {
    let mut h = history(
        "2020-01-01",
        "2021-01-01",
        "2022-02-01",
        vec![("2021-03-01", Responsibility::Full)],
    );
    h.claims[0].requalifications = vec![Requalification {
        on: d("2022-06-01"),
        responsibility: Responsibility::None,
    }];
    assert_eq!(coefs(&h), ["0.95", "1.18"], "known on until");
    h.known_on = Some(d("2022-06-01"));
    assert_eq!(coefs(&h), ["0.95", "0.90"]);
    // Art. 8's limit still holds: following échéance 1 January 2022, limit 1 January 2024.
    h.claims[0].requalifications[0].on = d("2024-01-02");
    h.known_on = Some(d("2026-11-24"));
    assert_eq!(coefs(&h), ["0.95", "1.18"]);
    // Known earlier than until: not yet found.
    h.claims[0].requalifications[0].on = d("2022-01-15");
    h.known_on = Some(d("2022-01-10"));
    assert_eq!(coefs(&h), ["0.95", "1.18"]);
}

#[test]
fn r15_the_responsibility_in_force_is_decided_in_one_place() {
    use courtier_domain::bonus_malus::responsibility_in_force;
    let first = d("2024-01-01");
    // Claim of 1 June 2023 on a contract whose échéances fall on 1 January: following échéance
    // 1 January 2024, limit 1 January 2026 included.
    let claim = |on: &str| DatedClaim {
        id: None,
        date: d("2023-06-01"),
        kind: ClaimKind::Accident,
        responsibility: Responsibility::Full,
        requalifications: vec![Requalification {
            on: d(on),
            responsibility: Responsibility::None,
        }],
    };
    let today = d("2026-11-24");
    assert_eq!(
        responsibility_in_force(first, &claim("2026-01-01"), today),
        Responsibility::None,
        "exactly two years after the following échéance"
    );
    assert_eq!(
        responsibility_in_force(first, &claim("2026-01-02"), today),
        Responsibility::Full,
        "one day late: the first qualification stands"
    );
    assert_eq!(
        responsibility_in_force(first, &claim("2025-06-01"), d("2025-05-31")),
        Responsibility::Full,
        "not yet found"
    );
}

#[test]
fn r15_requalification_within_two_years_or_not() {
    let mut h = history(
        "2024-01-01",
        "2025-01-01",
        "2028-01-01",
        vec![("2024-06-01", Responsibility::Full)],
    );
    // Following échéance 2025-01-01: found by 2027-01-01 → applies, from its period on.
    h.claims[0].requalifications = vec![Requalification {
        on: d("2026-12-31"),
        responsibility: Responsibility::None,
    }];
    assert_eq!(coefs(&h), ["0.95", "0.90", "0.85", "0.80"]);
    h.claims[0].requalifications = vec![Requalification {
        on: d("2027-01-02"),
        responsibility: Responsibility::None,
    }];
    assert_eq!(coefs(&h), ["1.25", "1.18", "1.00", "0.95"]);
    let out = compute_dated(&h, &RuleOptions::default()).unwrap();
    let claim = &out.trace.periods[0].claims[0];
    assert!(claim
        .requalification
        .as_deref()
        .unwrap()
        .contains("écartée"));
    // Full → partial: the earlier qualification stays in the trace.
    h.claims[0].requalifications = vec![Requalification {
        on: d("2025-03-01"),
        responsibility: Responsibility::Partial,
    }];
    let out = compute_dated(&h, &RuleOptions::default()).unwrap();
    assert_eq!(out.coefficients[0].to_string(), "1.12");
    assert_eq!(
        out.trace.periods[0].claims[0].initial_responsibility,
        Some(Responsibility::Full)
    );
}
