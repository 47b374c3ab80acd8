//! The date edges the spec lists that the other rule tests do not reach, each with the day
//! either side: the subscription day, a first échéance two months after the subscription and a
//! day less, twelve months and a day more, the 9 months counted in clamped calendar months,
//! 29 February and month-end échéances, suspensions of three calendar months ending on a
//! clamped month end, a long suspension overlapping a period by its first day only, art. 8's
//! deadline day and `known_on` the day before a finding, `until` on an échéance, an R16
//! replacement on an échéance day, and R17's window and nine months. Every expected value is
//! worked out by hand from the rules.
#![allow(clippy::unwrap_used)]

use courtier_domain::bonus_malus::{
    compute_dated, start_coefficient_from_releve, ClaimKind, HistoryError, Interruption, Releve,
    ReleveClaim, Requalification, Responsibility, RuleOptions, ShortFirstPeriodClaims, Usage,
};
use courtier_domain::Coefficient;

mod common;
use common::rules::*;

use Responsibility::{Full, None as NotResponsible};

fn coefs_with(h: &courtier_domain::bonus_malus::DatedHistory, o: &RuleOptions) -> Vec<String> {
    compute_dated(h, o)
        .unwrap()
        .coefficients
        .iter()
        .map(|c| c.to_string())
        .collect()
}

#[test]
fn r12_a_claim_on_the_subscription_day_is_the_contract_s_the_day_before_is_not() {
    let on = history(
        "2024-01-01",
        "2025-01-01",
        "2025-01-01",
        vec![("2024-01-01", Full)],
    );
    assert_eq!(coefs(&on), ["1.25"]);
    let before = history(
        "2024-01-01",
        "2025-01-01",
        "2025-01-01",
        vec![("2023-12-31", Full)],
    );
    assert_eq!(coefs(&before), ["0.95"]);
}

#[test]
fn r12_a_claim_on_the_echeance_day_or_the_day_before_counts_at_the_next() {
    // Échéance 1 January 2025: its period ends on 31 October 2024; 31 December 2024 and
    // 1 January 2025 are in the next one (1 November 2024 – 31 October 2025).
    for date in ["2024-12-31", "2025-01-01"] {
        let h = history("2024-01-01", "2025-01-01", "2026-01-01", vec![(date, Full)]);
        // 0.95 × 1.25 = 1.1875 → 1.18.
        assert_eq!(coefs(&h), ["0.95", "1.18"], "{date}");
    }
}

#[test]
fn r13_first_echeance_two_months_after_the_subscription_and_two_months_and_a_day() {
    let carry = RuleOptions::default();
    let now = RuleOptions {
        short_first_period_claims: ShortFirstPeriodClaims::MajorateImmediately,
        ..RuleOptions::default()
    };
    // Subscribed 1 November 2024, first échéance 1 January 2025: the period would end on
    // 1 November 2024, its start: empty. A claim on the subscription day is in the second
    // period whatever the option.
    let empty = history(
        "2024-11-01",
        "2025-01-01",
        "2026-01-01",
        vec![("2024-11-01", Full)],
    );
    let out = compute_dated(&empty, &carry).unwrap();
    assert_eq!(
        (out.echeances[0].period_start, out.echeances[0].period_end),
        (d("2024-11-01"), d("2024-11-01"))
    );
    assert_eq!(coefs_with(&empty, &carry), ["1.00", "1.25"]);
    assert_eq!(coefs_with(&empty, &now), ["1.00", "1.25"]);
    // Subscribed a day earlier: a first period of one day, 31 October 2024. Its claim is
    // carried into the next period, or majorated at once (then 1.25 × 0.95 = 1.1875 → 1.18).
    let one_day = history(
        "2024-10-31",
        "2025-01-01",
        "2026-01-01",
        vec![("2024-10-31", Full)],
    );
    let out = compute_dated(&one_day, &carry).unwrap();
    assert_eq!(
        (out.echeances[0].period_start, out.echeances[0].period_end),
        (d("2024-10-31"), d("2024-11-01"))
    );
    assert_eq!(coefs_with(&one_day, &carry), ["1.00", "1.25"]);
    assert_eq!(coefs_with(&one_day, &now), ["1.25", "1.18"]);
}

#[test]
fn r13_a_first_echeance_twelve_months_after_the_subscription_and_a_day_more() {
    let o = RuleOptions::default();
    // First period 15 March 2024 – 14 January 2025: ten months, a year.
    let twelve = history("2024-03-15", "2025-03-15", "2025-03-15", vec![]);
    assert_eq!(coefs(&twelve), ["0.95"]);
    let more = history("2024-03-15", "2025-03-16", "2025-03-16", vec![]);
    assert!(matches!(
        compute_dated(&more, &o),
        Err(HistoryError::EcheanceTooLate { .. })
    ));
    // 29 February + 12 months is 28 February.
    let leap = history("2024-02-29", "2025-02-28", "2025-02-28", vec![]);
    assert_eq!(coefs(&leap), ["0.95"]);
    let leap_more = history("2024-02-29", "2025-03-01", "2025-03-01", vec![]);
    assert!(matches!(
        compute_dated(&leap_more, &o),
        Err(HistoryError::EcheanceTooLate { .. })
    ));
    // And an échéance on the subscription day is refused.
    let same = history("2024-03-15", "2024-03-15", "2025-03-15", vec![]);
    assert!(matches!(
        compute_dated(&same, &o),
        Err(HistoryError::EcheanceBeforeSubscription { .. })
    ));
}

#[test]
fn r13_nine_months_are_calendar_months_clamped_to_the_month_end() {
    // First échéance 28 February 2025: the period ends on 28 December 2024.
    // From 28 March: + 9 months = 28 December, a year.
    assert_eq!(
        coefs(&history("2024-03-28", "2025-02-28", "2025-02-28", vec![])),
        ["0.95"]
    );
    // From 29 March or 31 March: 29 or 31 December, after the end: short, no reduction.
    for sub in ["2024-03-29", "2024-03-31"] {
        assert_eq!(
            coefs(&history(sub, "2025-02-28", "2025-02-28", vec![])),
            ["1.00"],
            "{sub}"
        );
    }
}

#[test]
fn r12_a_29_february_echeance_keeps_contiguous_periods() {
    // Échéances 29 Feb 2024, 28 Feb 2025, 2026, 2027, 29 Feb 2028; period ends 29 Dec 2023,
    // 28 Dec 2024, 2025, 2026, 29 Dec 2027.
    let run = |date: &str| {
        coefs(&history(
            "2023-03-01",
            "2024-02-29",
            "2028-02-29",
            vec![(date, Full)],
        ))
    };
    // Last day of the 2025 échéance's period: 1.18, then 1.12, 1.06 → 1.00 (two claim-free
    // years), 0.95.
    assert_eq!(run("2024-12-27"), ["0.95", "1.18", "1.12", "1.00", "0.95"]);
    // First day of the next: 0.90 × 1.25 = 1.125 → 1.12, 1.06, 1.007 → 1.00.
    assert_eq!(run("2024-12-28"), ["0.95", "0.90", "1.12", "1.06", "1.00"]);
    // 28 December 2026 ends the 2027 period (excluded) and starts the 2028 one, which is a day
    // longer than twelve months: 0.80 × 1.25 = 1.00 at 29 February 2028.
    for date in ["2026-12-28", "2027-12-28"] {
        assert_eq!(
            run(date),
            ["0.95", "0.90", "0.85", "0.80", "1.00"],
            "{date}"
        );
    }
    // 29 December 2027 is after the last computed period.
    assert_eq!(run("2027-12-29"), ["0.95", "0.90", "0.85", "0.80", "0.76"]);
}

#[test]
fn r12_month_end_echeances_30_april_and_31_august() {
    // Échéance 30 April: periods end on 28 February, and on 29 February in 2028.
    let run = |date: &str| {
        coefs(&history(
            "2024-05-01",
            "2025-04-30",
            "2028-04-30",
            vec![(date, Full)],
        ))
    };
    let h = history("2024-05-01", "2025-04-30", "2028-04-30", vec![]);
    let out = compute_dated(&h, &RuleOptions::default()).unwrap();
    assert_eq!(out.echeances[3].period_start, d("2027-02-28"));
    assert_eq!(out.echeances[3].period_end, d("2028-02-29"));
    // 0.85 × 1.25 = 1.0625 → 1.06.
    assert_eq!(run("2028-02-28"), ["0.95", "0.90", "0.85", "1.06"]);
    assert_eq!(run("2028-02-29"), ["0.95", "0.90", "0.85", "0.80"]);
    // Échéance 31 August: periods end on 30 June.
    let run = |date: &str| {
        coefs(&history(
            "2024-09-01",
            "2025-08-31",
            "2026-08-31",
            vec![(date, Full)],
        ))
    };
    assert_eq!(run("2025-06-29"), ["1.25", "1.18"]);
    assert_eq!(run("2025-06-30"), ["0.95", "1.18"]);
}

#[test]
fn r14_three_calendar_months_ending_on_a_clamped_month_end() {
    let run = |from: &str, to: &str| {
        let mut h = history("2024-01-01", "2025-01-01", "2026-01-01", vec![]);
        h.interruptions = vec![Interruption {
            from: d(from),
            to: d(to),
        }];
        coefs(&h)
    };
    // 30 November + 3 months = 28 February: not longer; to 1 March: longer, the 2026
    // échéance's period gets no reduction.
    assert_eq!(run("2024-11-30", "2025-02-28"), ["0.95", "0.90"]);
    assert_eq!(run("2024-11-30", "2025-03-01"), ["0.95", "0.95"]);
    // 29 February + 3 months = 29 May: the first period.
    assert_eq!(run("2024-02-29", "2024-05-29"), ["0.95", "0.90"]);
    assert_eq!(run("2024-02-29", "2024-05-30"), ["1.00", "0.95"]);
}

#[test]
fn r14_a_long_suspension_overlapping_a_period_by_its_first_day_only() {
    // Periods: 1 Nov 2023 – 31 Oct 2024, 1 Nov 2024 – 31 Oct 2025. Four months from 2 July
    // 2024, to 2 November (excluded): it covers 1 November 2024, so both get no reduction.
    let mut h = history("2023-01-01", "2024-01-01", "2026-01-01", vec![]);
    h.interruptions = vec![Interruption {
        from: d("2024-07-02"),
        to: d("2024-11-02"),
    }];
    assert_eq!(coefs(&h), ["0.95", "0.95", "0.95"]);
    h.interruptions[0].to = d("2024-11-01");
    assert_eq!(coefs(&h), ["0.95", "0.95", "0.90"]);
}

#[test]
fn r15_found_on_art_8_s_deadline_and_known_on_the_day_before_the_finding() {
    let requalified = |claim: &str, on: &str, until: &str, known_on: Option<&str>| {
        let mut h = history("2024-01-01", "2025-01-01", until, vec![(claim, Full)]);
        h.claims[0].requalifications = vec![Requalification {
            on: d(on),
            responsibility: NotResponsible,
        }];
        h.known_on = known_on.map(d);
        coefs(&h)
    };
    // Claim of 1 June 2024, following échéance 1 January 2025: found on 1 January 2027,
    // exactly two years after, it applies.
    assert_eq!(
        requalified("2024-06-01", "2027-01-01", "2028-01-01", None),
        ["0.95", "0.90", "0.85", "0.80"]
    );
    // A claim on the échéance day (1 January 2025) is followed by the next one (1 January
    // 2026): the deadline is 1 January 2028, included.
    assert_eq!(
        requalified("2025-01-01", "2028-01-01", "2028-01-01", None),
        ["0.95", "0.90", "0.85", "0.80"]
    );
    // A day later it is too late: 1.18, 1.12, 1.06 → 1.00.
    assert_eq!(
        requalified("2025-01-01", "2028-01-02", "2028-01-01", Some("2028-06-01")),
        ["0.95", "1.18", "1.12", "1.00"]
    );
    // Found on 1 March 2025: known on 28 February it is not found yet, on 1 March it is.
    assert_eq!(
        requalified("2024-06-01", "2025-03-01", "2026-01-01", Some("2025-02-28")),
        ["1.25", "1.18"]
    );
    assert_eq!(
        requalified("2024-06-01", "2025-03-01", "2026-01-01", Some("2025-03-01")),
        ["0.95", "0.90"]
    );
}

#[test]
fn until_on_an_echeance_and_the_day_before() {
    assert_eq!(
        coefs(&history("2024-01-01", "2025-01-01", "2026-01-01", vec![])),
        ["0.95", "0.90"]
    );
    assert_eq!(
        coefs(&history("2024-01-01", "2025-01-01", "2025-12-31", vec![])),
        ["0.95"]
    );
}

#[test]
fn r16_a_replacement_on_an_echeance_day_counts_for_the_next_one() {
    let lost = |on: &str, start: &str| {
        let mut h = history("2020-01-01", "2021-01-01", "2025-01-01", vec![]);
        h.start_coefficient = Coefficient::parse(start).unwrap();
        h.reductions_lost = vec![d(on)];
        coefs(&h)
    };
    // On 1 January 2023 (an échéance): that échéance keeps 0.85, the next starts from 1.00.
    assert_eq!(
        lost("2023-01-01", "1.00"),
        ["0.95", "0.90", "0.85", "0.95", "0.90"]
    );
    // The day before: that échéance starts from 1.00.
    assert_eq!(
        lost("2022-12-31", "1.00"),
        ["0.95", "0.90", "0.95", "0.90", "0.85"]
    );
    // From 0.80: a replacement on the subscription day is the contract's, the day before is
    // not.
    assert_eq!(
        lost("2020-01-01", "0.80"),
        ["0.95", "0.90", "0.85", "0.80", "0.76"]
    );
    assert_eq!(
        lost("2019-12-31", "0.80"),
        ["0.76", "0.72", "0.68", "0.64", "0.60"]
    );
}

#[test]
fn r17_the_window_and_the_nine_months_to_the_day() {
    // Last échéance 1 April 2025: the last reference period ends on 1 February 2025 (excluded),
    // nine months later is 1 November 2025.
    let releve = |stopped_on: &str, claims: &[&str], c: &str, since: Option<&str>| {
        let r = Releve {
            usage: Usage::Standard,
            coefficient: Coefficient::parse(c).unwrap(),
            last_echeance: d("2025-04-01"),
            stopped_on: d(stopped_on),
            claims: claims
                .iter()
                .map(|date| ReleveClaim {
                    date: d(date),
                    kind: ClaimKind::Accident,
                    responsibility: Full,
                })
                .collect(),
            at_floor_since: since.map(d),
        };
        start_coefficient_from_releve(&r, &RuleOptions::default())
            .start_coefficient
            .to_string()
    };
    assert_eq!(releve("2025-11-01", &[], "0.80", None), "0.76");
    assert_eq!(releve("2025-10-31", &[], "0.80", None), "0.80");
    // A claim on 1 February 2025 is after the relevé's last period: majorated (0.80 × 1.25);
    // on 31 January it is in it, already in 0.80: the nine months give the reduction.
    assert_eq!(releve("2025-12-31", &["2025-02-01"], "0.80", None), "1.00");
    assert_eq!(releve("2025-12-31", &["2025-01-31"], "0.80", None), "0.76");
    // A claim on the day the information stopped counts; the day after, it is not this
    // relevé's.
    assert_eq!(releve("2025-12-31", &["2025-12-31"], "0.80", None), "1.00");
    assert_eq!(releve("2025-12-31", &["2026-01-01"], "0.80", None), "0.76");
    // At 0.50 since 1 April 2022: three whole years to 1 April 2025, claim-free: the first
    // claim after is forgiven. Since 2 April 2022: two whole years, 0.50 × 1.25 = 0.625 → 0.62.
    assert_eq!(
        releve("2025-12-31", &["2025-06-01"], "0.50", Some("2022-04-01")),
        "0.50"
    );
    assert_eq!(
        releve("2025-12-31", &["2025-06-01"], "0.50", Some("2022-04-02")),
        "0.62"
    );
}
