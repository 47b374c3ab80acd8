//! The yearly step, rule by rule (R3–R11, R13 and R14 in the period form).
#![allow(clippy::unwrap_used)]

use courtier_domain::bonus_malus::{
    run_periods, simulate_json, ClaimKind, FloorProtection, Period, Responsibility, RuleOptions,
    Scenario, ShortFirstPeriodClaims, StartState, Step, Truncation, Usage,
};

mod common;
use common::rules::*;

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
