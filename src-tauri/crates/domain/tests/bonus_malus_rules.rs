//! The rules of `docs/bonus-malus.md`, one by one, and its published figures.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use courtier_domain::bonus_malus::{
    compute_dated, run_periods, simulate_json, start_coefficient_from_releve,
    transfer_on_replacement, ClaimKind, DatedClaim, DatedHistory, FloorProtection, Interruption,
    Period, PeriodClaim, Releve, ReleveClaim, Requalification, Responsibility, RuleOptions,
    Scenario, ShortFirstPeriodClaims, StartState, Step, Truncation, Usage,
};
use courtier_domain::Coefficient;

fn c(s: &str) -> Coefficient {
    Coefficient::parse(s).unwrap()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn full() -> PeriodClaim {
    PeriodClaim::new(ClaimKind::Accident, Responsibility::Full)
}
fn partial() -> PeriodClaim {
    PeriodClaim::new(ClaimKind::Accident, Responsibility::Partial)
}
fn neutral(kind: ClaimKind, r: Responsibility) -> PeriodClaim {
    PeriodClaim::new(kind, r)
}

fn run(usage: Usage, start: &str, periods: Vec<Period>, opts: RuleOptions) -> Vec<String> {
    run_state(usage, StartState::new(c(start)), periods, opts)
}

fn run_state(
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

fn years(n: usize) -> Vec<Period> {
    (0..n).map(|_| Period::year(vec![])).collect()
}

fn std_run(start: &str, periods: Vec<Period>) -> Vec<String> {
    run(Usage::Standard, start, periods, RuleOptions::default())
}

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

// ----- R3–R11 -----------------------------------------------------------------------------

#[test]
fn r3_one_truncation_per_echeance_never_a_power() {
    // 0.95 × 0.95 = 0.9025 → 0.90; then 0.90 × 0.95 = 0.855 → 0.85 (0.95³ = 0.857 would give 0.85
    // too, but 0.95⁵ = 0.7737 gives 0.77 where the yearly steps give 0.76).
    assert_eq!(std_run("1.00", years(5))[4], "0.76");
}

#[test]
fn r4_floor_reached_at_13th_and_9th() {
    let s = std_run("1.00", years(14));
    assert_eq!(s[11], "0.51");
    assert_eq!(s[12], "0.50");
    assert_eq!(s[13], "0.50");
    let t = run(Usage::Tournees, "1.00", years(10), RuleOptions::default());
    assert_eq!(t[7], "0.53");
    assert_eq!(t[8], "0.50");
    assert_eq!(t[9], "0.50");
}

#[test]
fn r5_majoration_compounds_and_truncates_per_claim_or_per_period() {
    let four = || vec![Period::year(vec![full(), full(), full(), full()])];
    assert_eq!(std_run("1.00", four()), ["2.43"]);
    let per_period = RuleOptions {
        truncation: Truncation::PerPeriod,
        ..Default::default()
    };
    assert_eq!(run(Usage::Standard, "1.00", four(), per_period), ["2.44"]);
    // Tournées: ×1.20.
    assert_eq!(
        run(
            Usage::Tournees,
            "1.00",
            vec![Period::year(vec![full()])],
            RuleOptions::default()
        ),
        ["1.20"]
    );
}

#[test]
fn r6_no_reduction_in_a_claim_year() {
    // From 0.68: 0.68 × 1.25 = 0.85, never 0.68 × 0.95 × 1.25.
    assert_eq!(std_run("0.68", vec![Period::year(vec![full()])]), ["0.85"]);
}

#[test]
fn r7_partial_responsibility_halves_the_majoration() {
    assert_eq!(
        std_run("1.00", vec![Period::year(vec![partial()])]),
        ["1.12"]
    );
    assert_eq!(
        run(
            Usage::Tournees,
            "1.00",
            vec![Period::year(vec![partial()])],
            RuleOptions::default()
        ),
        ["1.10"]
    );
    // 1.18 × 1.125 = 1.3275 → 1.32 (×1.12 would give 1.32 too; from 2.00: 2.25 vs 2.24).
    assert_eq!(
        std_run("2.00", vec![Period::year(vec![partial()])]),
        ["2.25"]
    );
}

#[test]
fn r8_ceiling() {
    assert_eq!(std_run("3.00", vec![Period::year(vec![full()])]), ["3.50"]);
    assert_eq!(
        std_run("3.50", vec![Period::year(vec![full(), full()])]),
        ["3.50"]
    );
}

#[test]
fn r9_two_year_rule() {
    assert_eq!(std_run("1.25", years(2)), ["1.18", "1.00"]);
    // A claim resets the count.
    assert_eq!(
        std_run(
            "1.56",
            vec![
                Period::year(vec![]),
                Period::year(vec![full()]),
                Period::year(vec![]),
                Period::year(vec![])
            ]
        ),
        ["1.48", "1.85", "1.75", "1.00"]
    );
    // A streak carried in from before counts.
    let mut s = StartState::new(c("1.40"));
    s.claim_free_streak = 1;
    assert_eq!(
        run_state(Usage::Standard, s, years(1), RuleOptions::default()),
        ["1.00"]
    );
}

#[test]
fn r10_protection_from_year_17_renewable_or_once() {
    let mut p = years(16);
    p.push(Period::year(vec![full()]));
    assert_eq!(std_run("1.00", p)[16], "0.50", "year 17: forgiven");
    let mut p = years(15);
    p.push(Period::year(vec![full()]));
    assert_eq!(
        std_run("1.00", p)[15],
        "0.62",
        "year 16: only two years at 0.50"
    );
    // Only the first claim of the period is forgiven.
    let mut s = StartState::new(c("0.50"));
    s.periods_at_floor = 3;
    assert_eq!(
        run_state(
            Usage::Standard,
            s,
            vec![Period::year(vec![full(), full()])],
            RuleOptions::default()
        ),
        ["0.62"]
    );
    // Partial claims too.
    assert_eq!(
        run_state(
            Usage::Standard,
            s,
            vec![Period::year(vec![partial()])],
            RuleOptions::default()
        ),
        ["0.50"]
    );
    // Renewable: three new claim-free years at 0.50 bring it back; `once`: never again.
    let mut p = vec![Period::year(vec![full()])];
    p.extend(years(3));
    p.push(Period::year(vec![full()]));
    assert_eq!(
        run_state(Usage::Standard, s, p.clone(), RuleOptions::default()),
        ["0.50", "0.50", "0.50", "0.50", "0.50"]
    );
    let once = RuleOptions {
        floor_protection: FloorProtection::Once,
        ..Default::default()
    };
    assert_eq!(
        run_state(Usage::Standard, s, p, once),
        ["0.50", "0.50", "0.50", "0.50", "0.62"]
    );
}

#[test]
fn r11_neutral_claims() {
    for kind in [
        ClaimKind::Theft,
        ClaimKind::Fire,
        ClaimKind::Glass,
        ClaimKind::ParkedUnidentified,
    ] {
        for r in [
            Responsibility::Full,
            Responsibility::Partial,
            Responsibility::None,
        ] {
            assert_eq!(
                std_run("1.00", vec![Period::year(vec![neutral(kind, r)])]),
                ["0.95"],
                "{kind:?} {r:?}: art. 7 is fully neutral"
            );
        }
    }
    let art6 = [
        neutral(ClaimKind::ForceMajeure, Responsibility::Full),
        neutral(ClaimKind::NaturalDisaster, Responsibility::None),
        neutral(ClaimKind::DrivenWithoutConsent, Responsibility::Full),
        neutral(ClaimKind::Accident, Responsibility::None),
    ];
    let literal = RuleOptions {
        art6_blocks_reduction: true,
        ..Default::default()
    };
    for cl in art6 {
        assert_eq!(
            std_run("1.00", vec![Period::year(vec![cl.clone()])]),
            ["0.95"]
        );
        assert_eq!(
            run(
                Usage::Standard,
                "1.00",
                vec![Period::year(vec![cl])],
                literal
            ),
            ["1.00"]
        );
    }
}

#[test]
fn r13_short_first_period() {
    let short = |claims| Period {
        months: 8,
        counts_as_year: false,
        ..Period::year(claims)
    };
    // No reduction at the first échéance; its claims count in the next period.
    assert_eq!(
        std_run("1.00", vec![short(vec![]), Period::year(vec![])]),
        ["1.00", "0.95"]
    );
    assert_eq!(
        std_run("1.00", vec![short(vec![full()]), Period::year(vec![])]),
        ["1.00", "1.25"]
    );
    let now = RuleOptions {
        short_first_period_claims: ShortFirstPeriodClaims::MajorateImmediately,
        ..Default::default()
    };
    assert_eq!(
        run(
            Usage::Standard,
            "1.00",
            vec![short(vec![full()]), Period::year(vec![])],
            now
        ),
        ["1.25", "1.18"]
    );
    // Through the JSON form: a first period of 9 months counts as a year.
    let v = simulate_json(
        r#"{"usage":"standard","start_coefficient":"1.00","periods":[{"months":9,"claims":[]}]}"#,
    )
    .unwrap();
    assert_eq!(v["coefficients"][0], "0.95");
}

#[test]
fn r14_interruption() {
    let interrupted = |months, claims| Period {
        interruption_months: months,
        interrupted: months > 3,
        ..Period::year(claims)
    };
    assert_eq!(std_run("1.00", vec![interrupted(4, vec![])]), ["1.00"]);
    assert_eq!(std_run("1.00", vec![interrupted(3, vec![])]), ["0.95"]);
    // Majorations still apply.
    assert_eq!(
        std_run("1.00", vec![interrupted(6, vec![full()])]),
        ["1.25"]
    );
    // Neither adds to nor resets the two-year count: 1.25 → 1.18 → (kept) → 1.00.
    assert_eq!(
        std_run(
            "1.25",
            vec![
                Period::year(vec![]),
                interrupted(5, vec![]),
                Period::year(vec![])
            ]
        ),
        ["1.18", "1.18", "1.00"]
    );
    // The boundary decided by the engine, not by the test: the period form's JSON, where
    // `interruption_months` over 3 blocks the reduction.
    let json = |months: u32| {
        simulate_json(&format!(
            r#"{{"usage":"standard","start_coefficient":"1.00","periods":[{{"interruption_months":{months},"claims":[]}}]}}"#
        ))
        .unwrap()["coefficients"]
            .clone()
    };
    assert_eq!(json(3), serde_json::json!(["0.95"]));
    assert_eq!(json(4), serde_json::json!(["1.00"]));
}

// ----- dates (R12, R13, R15) --------------------------------------------------------------

fn history(
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

fn coefs(h: &DatedHistory) -> Vec<String> {
    compute_dated(h, &RuleOptions::default())
        .unwrap()
        .coefficients
        .iter()
        .map(|c| c.to_string())
        .collect()
}

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
fn r10_whether_the_protection_is_active_is_the_engine_s_answer() {
    let once = RuleOptions {
        floor_protection: FloorProtection::Once,
        ..RuleOptions::default()
    };
    let fresh = StartState {
        periods_at_floor: 3,
        ..StartState::new(c("0.50"))
    };
    assert!(fresh.protection_active(&RuleOptions::default()));
    assert!(fresh.protection_active(&once));
    let used = StartState {
        protection_used: true,
        ..fresh
    };
    assert!(used.protection_active(&RuleOptions::default()));
    assert!(!used.protection_active(&once), "once: used already");
    let two = StartState {
        periods_at_floor: 2,
        ..fresh
    };
    assert!(!two.protection_active(&RuleOptions::default()));
    // The engine's end state after a forgiven claim then three claim-free years at 0.50.
    let mut periods = vec![Period::year(vec![full()])];
    periods.extend(years(3));
    let run = |opts: RuleOptions| {
        run_periods(&Scenario {
            usage: Usage::Standard,
            start: fresh,
            options: opts,
            periods: periods.clone(),
        })
        .end
    };
    assert!(run(RuleOptions::default()).protection_active(&RuleOptions::default()));
    assert!(!run(once).protection_active(&once));
}

#[test]
fn r4_the_floor_is_its_own_step_after_truncation() {
    let out = run_periods(&Scenario {
        usage: Usage::Standard,
        start: StartState::new(c("0.51")),
        options: RuleOptions::default(),
        periods: years(1),
    });
    assert_eq!(
        out.trace.periods[0].steps,
        [
            Step::Reduction {
                factor: "0,95".into(),
                before: c("0.51"),
                exact: "0.4845".into(),
                after: "0.48".into(),
            },
            Step::Floor {
                exact: "0.48".into()
            },
        ]
    );
    let note = courtier_domain::bonus_malus::note::render(&out.trace);
    assert!(
        note.contains(
            "0,51 × 0,95 = 0,4845, arrondi par défaut à 0,48, porté au plancher de 0,50 (art. 4)"
        ),
        "{note}"
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
