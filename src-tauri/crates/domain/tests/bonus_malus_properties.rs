//! Properties of the engine, and its agreement with a second implementation of the rules
//! (`reference/`, written from the spec) on many generated histories: the period form and the
//! dated form (both through the spec's JSON), the coefficient in force, the projection, the start
//! from a relevé, the transfer on replacement and the novice schedules. The generators are in
//! `strategies/`; `bonus_malus_generators.rs` checks that they reach every rule.
#![allow(clippy::unwrap_used)]

mod reference;
mod strategies;

use chrono::{Duration, Months, NaiveDate};
use courtier_domain::bonus_malus::{
    coefficient_in_force, compute_dated, compute_dated_coefficients, project, run_periods,
    simulate_json, start_coefficient_from_releve, transfer_on_replacement, ClaimKind, Interruption,
    NoviceSchedule, Period, PeriodClaim, Responsibility, RuleOptions, Scenario, StartState, Step,
    Truncation, Usage,
};
use courtier_domain::Coefficient;
use proptest::prelude::*;
use strategies::{dated_history, kind, options, period_scenario, releve, resp, usage};

/// The plain period form of the older properties: 12-month periods, interrupted or not.
fn claims() -> impl Strategy<Value = Vec<(ClaimKind, Responsibility)>> {
    prop_oneof![
        4 => Just(vec![]),
        3 => prop::collection::vec((kind(), resp()), 1..4),
    ]
}

fn periods() -> impl Strategy<Value = Vec<(Vec<(ClaimKind, Responsibility)>, bool)>> {
    prop::collection::vec((claims(), prop::bool::weighted(0.05)), 1..25)
}

fn scenario(
    usage: Usage,
    start: u32,
    paf: u32,
    streak: u32,
    ps: &[(Vec<(ClaimKind, Responsibility)>, bool)],
    options: RuleOptions,
) -> Scenario {
    Scenario {
        usage,
        start: StartState {
            coefficient: Coefficient::from_hundredths(start).unwrap(),
            periods_at_floor: paf,
            claim_free_streak: streak,
            protection_used: false,
        },
        options,
        periods: ps
            .iter()
            .map(|(cl, interrupted)| Period {
                interruption_months: if *interrupted { 5 } else { 0 },
                interrupted: *interrupted,
                ..Period::year(cl.iter().map(|(k, r)| PeriodClaim::new(*k, *r)).collect())
            })
            .collect(),
    }
}

/// "0.48" → 48.
fn hundredths_of(s: &str) -> u32 {
    let (int, dec) = s.split_once('.').unwrap();
    int.parse::<u32>().unwrap() * 100 + dec.parse::<u32>().unwrap()
}

fn hundredths(sc: &Scenario) -> Vec<u32> {
    run_periods(sc)
        .coefficients
        .iter()
        .map(|c| c.hundredths())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn the_period_engine_agrees_with_the_period_reference(s in period_scenario()) {
        // Through the spec's JSON, every field of the period form: short first periods and
        // both `short_first_period_claims`, suspensions of 0 to 12 months, R16 losses,
        // requalifications found 0 to 36 months after the following échéance, counters and
        // every option.
        let input = s.to_json();
        let out = simulate_json(&input.to_string()).unwrap();
        let engine: Vec<String> = out["coefficients"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().to_string())
            .collect();
        prop_assert_eq!(engine, reference::period::coefficients(&s), "{}", input);
    }

    #[test]
    fn the_dated_engine_agrees_with_the_dated_reference(h in dated_history(), o in options()) {
        let engine = compute_dated(&h, &o)
            .ok()
            .map(|out| out.coefficients.iter().map(|c| c.hundredths()).collect::<Vec<_>>());
        let expected = reference::dated::coefficients(&h, &o);
        prop_assert_eq!(engine, expected.clone());
        // And through the spec's dated JSON, with the échéances and their periods.
        let json = reference::dated::to_json(&h, &o);
        let via_json = simulate_json(&json.to_string()).ok().map(|v| {
            let text = |x: &serde_json::Value| x.as_str().unwrap().to_string();
            let coefficients: Vec<String> =
                v["coefficients"].as_array().unwrap().iter().map(text).collect();
            let echeances: Vec<(String, String, String)> = v["echeances"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| (text(&e["date"]), text(&e["period_start"]), text(&e["period_end"])))
                .collect();
            (coefficients, echeances)
        });
        let expected = expected.map(|c| {
            (
                c.into_iter().map(reference::fmt).collect::<Vec<_>>(),
                reference::dated::echeances(&h).unwrap(),
            )
        });
        prop_assert_eq!(via_json, expected, "{}", json);
    }

    #[test]
    fn the_projection_agrees_with_the_dated_reference(
        h in dated_history(), o in options(), today_at in 0i64..8000, later in 0i64..400,
    ) {
        // What the contract page shows: the next échéance, and what one more accident on a
        // date would make the échéance it counts at.
        let today = h.subscription_date + Duration::days(today_at % (h.until - h.subscription_date).num_days().max(1));
        let claim_date = today + Duration::days(later);
        let engine = project(&h, &o, today, claim_date).ok().map(|p| (
            p.next_echeance,
            p.if_nothing_happens.hundredths(),
            p.claim_counts_at,
            p.at_that_echeance_without.hundredths(),
            p.with_full_claim.hundredths(),
            p.with_partial_claim.hundredths(),
        ));
        prop_assert_eq!(engine, reference::dated::projection(&h, &o, today, claim_date));
    }

    #[test]
    fn the_coefficient_in_force_agrees_with_the_dated_reference(h in dated_history(), o in options()) {
        // R16: from the day of a replacement with other usual drivers, not only from the next
        // échéance.
        let engine = compute_dated(&h, &o)
            .ok()
            .map(|out| coefficient_in_force(&h, &out, h.until).hundredths());
        prop_assert_eq!(engine, reference::dated::in_force_on_until(&h, &o));
    }

    #[test]
    fn the_start_from_a_releve_agrees_with_the_releve_reference(r in releve(), o in options()) {
        // R17: the coefficient and the counters the new contract starts with.
        let out = start_coefficient_from_releve(&r, &o);
        let engine = (
            out.start_coefficient.hundredths(),
            out.start_claim_free_streak,
            out.start_periods_at_floor,
        );
        prop_assert_eq!(Some(engine), reference::releve::start(&r, &o), "{:?}", out.steps);
    }
}

#[test]
fn the_transfer_on_replacement_agrees_with_the_reference() {
    for h in 50..=350 {
        for same in [false, true] {
            let c = Coefficient::from_hundredths(h).unwrap();
            assert_eq!(
                transfer_on_replacement(c, same).0.hundredths(),
                reference::transfer(h, same),
                "{h}, same drivers {same}"
            );
        }
    }
}

#[test]
fn the_novice_schedules_agree_with_the_reference() {
    for schedule in [NoviceSchedule::Literal, NoviceSchedule::ThreeSteps] {
        for aac in [false, true] {
            for years in 0..12 {
                assert_eq!(
                    courtier_domain::premium::novice_rate(aac, years, schedule),
                    reference::novice::rate(aac, years, schedule),
                    "{schedule:?}, AAC {aac}, {years} years"
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn always_within_bounds_and_deterministic(
        u in usage(), start in 50u32..=350, paf in 0u32..5, streak in 0u32..3, ps in periods(),
        per_period in any::<bool>(), art6 in any::<bool>()
    ) {
        let opts = RuleOptions {
            truncation: if per_period { Truncation::PerPeriod } else { Truncation::PerClaim },
            art6_blocks_reduction: art6,
            ..Default::default()
        };
        let sc = scenario(u, start, paf, streak, &ps, opts);
        let a = run_periods(&sc);
        let b = run_periods(&sc);
        prop_assert_eq!(&a, &b);
        // The coefficients are not clamped into range (the engine's `in_range` asserts it in
        // the tests): out-of-range values can only appear inside the trace, each followed by
        // the floor or the ceiling as its own step.
        for p in &a.trace.periods {
            for (i, st) in p.steps.iter().enumerate() {
                let next = p.steps.get(i + 1);
                match st {
                    Step::Reduction { after, .. } if hundredths_of(after) < 50 => {
                        prop_assert!(matches!(next, Some(Step::Floor { .. })), "{:?}", p.steps);
                    }
                    Step::Majoration { after, .. } | Step::MajorationPerPeriod { after, .. }
                        if hundredths_of(after) > 350 =>
                    {
                        prop_assert!(
                            p.steps[i + 1..].iter().any(|s| matches!(s, Step::Ceiling { .. })),
                            "{:?}", p.steps
                        );
                    }
                    _ => {}
                }
            }
        }
        for c in &a.coefficients {
            prop_assert!((50..=350).contains(&c.hundredths()));
        }
    }

    #[test]
    fn a_claim_free_year_never_raises_the_coefficient(
        u in usage(), start in 50u32..=350, paf in 0u32..5, streak in 0u32..3, ps in periods()
    ) {
        let sc = scenario(u, start, paf, streak, &ps, RuleOptions::default());
        let out = run_periods(&sc);
        let mut before = start;
        for (p, after) in ps.iter().zip(&out.coefficients) {
            let counting = p.0.iter().any(|(k, r)| *k == ClaimKind::Accident && *r != Responsibility::None);
            if !counting {
                prop_assert!(after.hundredths() <= before);
            }
            before = after.hundredths();
        }
    }


    #[test]
    fn order_of_claims_only_matters_for_the_protection_and_the_truncation_per_claim(
        (u, start, streak, ps, shuffled) in order_cases()
    ) {
        // Without the protection (starting above 0.50, three periods cannot give three years at
        // 0.50), the order of a period's claims (full, partial and neutral of every kind)
        // changes nothing with one truncation per period: the product is the product.
        let per_period = RuleOptions { truncation: Truncation::PerPeriod, ..Default::default() };
        let per_claim = RuleOptions::default();
        let a = hundredths(&scenario(u, start, 0, streak, &ps, per_period));
        prop_assert_eq!(&a, &hundredths(&scenario(u, start, 0, streak, &shuffled, per_period)));
        // With one truncation per claim, only the sequence of the counting claims' factors
        // matters: neutral claims may go anywhere.
        let b = hundredths(&scenario(u, start, 0, streak, &ps, per_claim));
        let kept = keep_counting_order(&ps, &shuffled);
        prop_assert_eq!(&b, &hundredths(&scenario(u, start, 0, streak, &kept, per_claim)));
        // In any order, truncating after each claim never gives more than truncating once.
        let c = hundredths(&scenario(u, start, 0, streak, &shuffled, per_claim));
        for (x, y) in b.iter().chain(&c).zip(a.iter().chain(&a)) {
            prop_assert!(x <= y, "per claim {:?} {:?}, per period {:?}", b, c, a);
        }
    }

    #[test]
    fn fast_path_and_traced_path_agree(h in dated_history(), opts in options()) {
        // Interruptions, requalifications with known_on, R16, short and empty first periods and
        // every option are drawn: the fast path must give exactly the traced path's result.
        let traced = compute_dated(&h, &opts);
        let mut fast = Vec::new();
        let fast_res = compute_dated_coefficients(&h, &opts, &mut fast);
        match traced {
            Ok(t) => { prop_assert!(fast_res.is_ok()); prop_assert_eq!(t.coefficients, fast); }
            Err(_) => prop_assert!(fast_res.is_err()),
        }
    }

    #[test]
    fn periods_are_contiguous_and_never_inverted(h in dated_history()) {
        // R12, R13: the first starts at the later of the subscription and E − 14 months (an
        // empty one at the subscription), each later one where the one before ended.
        if let Ok(out) = compute_dated(&h, &RuleOptions::default()) {
            let mut prev: Option<NaiveDate> = None;
            for e in &out.echeances {
                prop_assert!(e.period_start <= e.period_end, "{:?}", e);
                prop_assert!(e.period_end <= e.date);
                match prev {
                    None => prop_assert!(e.period_start >= h.subscription_date),
                    Some(p) => prop_assert_eq!(e.period_start, p),
                }
                prev = Some(e.period_end);
            }
        }
    }

    #[test]
    fn a_suspension_of_at_most_three_months_changes_nothing(
        h in dated_history(), opts in options(), from_offset in 0i64..8000, days in 1i64..=92,
    ) {
        // R14: "sauf si l'interruption ou la suspension est au plus égale à trois mois". Each
        // one is measured on itself, so adding one of at most three calendar months (clamped)
        // to any history, however many others it has, leaves every coefficient as it was.
        let from = h.subscription_date + Duration::days(from_offset - 300);
        let to = from + Duration::days(days);
        prop_assume!(to <= from.checked_add_months(Months::new(3)).unwrap());
        let mut with = h.clone();
        with.interruptions.push(Interruption { from, to });
        match (compute_dated(&h, &opts), compute_dated(&with, &opts)) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a.coefficients, b.coefficients),
            (a, b) => prop_assert_eq!(a.is_ok(), b.is_ok()),
        }
    }
}

type Periods = Vec<(Vec<(ClaimKind, Responsibility)>, bool)>;

/// Up to three periods from above 0.50, and the same periods with each one's claims shuffled.
fn order_cases() -> impl Strategy<Value = (Usage, u32, u32, Periods, Periods)> {
    (
        usage(),
        51u32..=350,
        0u32..3,
        prop::collection::vec(
            (
                prop::collection::vec((kind(), resp()), 0..6),
                prop::bool::weighted(0.05),
            ),
            1..4,
        ),
    )
        .prop_flat_map(|(u, start, streak, ps)| {
            let shuffled: Vec<_> = ps
                .iter()
                .map(|(c, i)| (Just(c.clone()).prop_shuffle(), Just(*i)))
                .collect();
            (Just(u), Just(start), Just(streak), Just(ps), shuffled)
        })
}

/// `shuffled` with its counting claims put back in `original`'s order (the neutral claims stay
/// where the shuffle put them).
fn keep_counting_order(original: &Periods, shuffled: &Periods) -> Periods {
    let counting =
        |k: &ClaimKind, r: &Responsibility| *k == ClaimKind::Accident && *r != Responsibility::None;
    original
        .iter()
        .zip(shuffled)
        .map(|((o, _), (s, i))| {
            let mut in_order = o.iter().filter(|(k, r)| counting(k, r));
            let kept = s
                .iter()
                .map(|(k, r)| {
                    if counting(k, r) {
                        *in_order.next().unwrap()
                    } else {
                        (*k, *r)
                    }
                })
                .collect();
            (kept, *i)
        })
        .collect()
}

#[test]
fn wrong_web_values_never_come_out_under_the_defaults() {
    // 2.44 (four claims, truncated once), 3.05 (no truncation from 2.44), 1.13 (partial rounded
    // to nearest), ×1.12 (a proportional partial factor).
    let four = scenario(
        Usage::Standard,
        100,
        0,
        0,
        &[(vec![(ClaimKind::Accident, Responsibility::Full); 4], false)],
        RuleOptions::default(),
    );
    assert_eq!(hundredths(&four), [243]);
    let five_years: Vec<_> = (0..5)
        .map(|_| (vec![(ClaimKind::Accident, Responsibility::Full)], false))
        .collect();
    assert_eq!(
        hundredths(&scenario(
            Usage::Standard,
            100,
            0,
            0,
            &five_years,
            RuleOptions::default()
        ))[4],
        303
    );
    let partial = scenario(
        Usage::Standard,
        100,
        0,
        0,
        &[(vec![(ClaimKind::Accident, Responsibility::Partial)], false)],
        RuleOptions::default(),
    );
    assert_eq!(hundredths(&partial), [112]);
    // ×1.12 would differ from ×1.125 here: 2.00 → 2.24 instead of 2.25.
    let from_two = scenario(
        Usage::Standard,
        200,
        0,
        0,
        &[(vec![(ClaimKind::Accident, Responsibility::Partial)], false)],
        RuleOptions::default(),
    );
    assert_eq!(hundredths(&from_two), [225]);
}
