//! Properties of the engine, and agreement with a plain reference implementation of the spec on
//! many generated cases.
#![allow(clippy::unwrap_used)]

use chrono::{Duration, Months, NaiveDate};
use courtier_domain::bonus_malus::{
    compute_dated, compute_dated_coefficients, run_periods, ClaimKind, DatedClaim, DatedHistory,
    FloorProtection, Interruption, Period, PeriodClaim, Requalification, Responsibility,
    RuleOptions, Scenario, ShortFirstPeriodClaims, StartState, Step, Truncation, Usage,
};
use courtier_domain::Coefficient;
use proptest::prelude::*;

fn kind() -> impl Strategy<Value = ClaimKind> {
    prop_oneof![
        6 => Just(ClaimKind::Accident),
        1 => Just(ClaimKind::Theft),
        1 => Just(ClaimKind::Glass),
        1 => Just(ClaimKind::Fire),
        1 => Just(ClaimKind::ParkedUnidentified),
        1 => Just(ClaimKind::ForceMajeure),
        1 => Just(ClaimKind::NaturalDisaster),
        1 => Just(ClaimKind::DrivenWithoutConsent),
    ]
}

fn resp() -> impl Strategy<Value = Responsibility> {
    prop_oneof![
        3 => Just(Responsibility::Full),
        2 => Just(Responsibility::Partial),
        2 => Just(Responsibility::None),
    ]
}

fn claims() -> impl Strategy<Value = Vec<(ClaimKind, Responsibility)>> {
    prop_oneof![
        4 => Just(vec![]),
        3 => prop::collection::vec((kind(), resp()), 1..4),
    ]
}

fn periods() -> impl Strategy<Value = Vec<(Vec<(ClaimKind, Responsibility)>, bool)>> {
    prop::collection::vec((claims(), prop::bool::weighted(0.05)), 1..25)
}

fn usage() -> impl Strategy<Value = Usage> {
    prop_oneof![Just(Usage::Standard), Just(Usage::Tournees)]
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

/// The spec read plainly, defaults only, per-claim truncation: a second implementation.
fn reference(
    usage: Usage,
    start: u32,
    mut paf: u32,
    mut streak: u32,
    ps: &[(Vec<(ClaimKind, Responsibility)>, bool)],
) -> Vec<u32> {
    let counts = |k: ClaimKind, r: Responsibility| {
        k == ClaimKind::Accident && matches!(r, Responsibility::Full | Responsibility::Partial)
    };
    let mut c = start;
    let mut out = vec![];
    for (claims, interrupted) in ps {
        let counting: Vec<_> = claims.iter().filter(|(k, r)| counts(*k, *r)).collect();
        if !counting.is_empty() {
            let mut skip_first = c == 50 && paf >= 3;
            let mut x = c as u64;
            for (_, r) in counting {
                if skip_first {
                    skip_first = false;
                    continue;
                }
                // Factors in thousandths: 1250, 1125, 1200, 1100.
                let f: u64 = match (usage, r) {
                    (Usage::Standard, Responsibility::Full) => 1250,
                    (Usage::Standard, _) => 1125,
                    (Usage::Tournees, Responsibility::Full) => 1200,
                    (Usage::Tournees, _) => 1100,
                };
                x = x * f / 1000;
            }
            c = x.min(350) as u32;
            paf = 0;
            streak = 0;
        } else if !interrupted {
            let r = if usage == Usage::Standard { 95 } else { 93 };
            let before = c;
            c = (c * r / 100).max(50);
            paf = if before == 50 { paf + 1 } else { 0 };
            streak += 1;
            if streak >= 2 {
                c = c.min(100);
            }
        }
        out.push(c);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn agrees_with_the_reference_implementation(
        u in usage(), start in 50u32..=350, paf in 0u32..5, streak in 0u32..3, ps in periods()
    ) {
        let sc = scenario(u, start, paf, streak, &ps, RuleOptions::default());
        prop_assert_eq!(hundredths(&sc), reference(u, start, paf, streak, &ps));
    }

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
    fn order_of_claims_only_matters_for_the_protection(
        u in usage(), start in 51u32..=350, streak in 0u32..3,
        ps in prop::collection::vec((claims(), prop::bool::weighted(0.05)), 1..4)
    ) {
        // Without the protection (starting above 0.50, three periods cannot give three years at
        // 0.50), reversing the order of
        // each period's claims changes nothing... with one truncation per period. With one
        // truncation per claim, mixing full and partial claims can differ by a hundredth; only
        // same-factor claims are order-free, which the reversed copy below keeps.
        let per_period = RuleOptions { truncation: Truncation::PerPeriod, ..Default::default() };
        let reversed: Vec<_> = ps.iter().map(|(c, i)| (c.iter().rev().cloned().collect::<Vec<_>>(), *i)).collect();
        prop_assert_eq!(
            hundredths(&scenario(u, start, 0, streak, &ps, per_period)),
            hundredths(&scenario(u, start, 0, streak, &reversed, per_period))
        );
        let same_factor: Vec<_> = ps.iter().map(|(c, i)| (
            c.iter().map(|(k, r)| (*k, if *r == Responsibility::Partial { Responsibility::Full } else { *r })).collect::<Vec<_>>(), *i)).collect();
        let same_reversed: Vec<_> = same_factor.iter().map(|(c, i)| (c.iter().rev().cloned().collect::<Vec<_>>(), *i)).collect();
        prop_assert_eq!(
            hundredths(&scenario(u, start, 0, streak, &same_factor, RuleOptions::default())),
            hundredths(&scenario(u, start, 0, streak, &same_reversed, RuleOptions::default()))
        );
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

/// Every option, drawn.
fn options() -> impl Strategy<Value = RuleOptions> {
    (
        prop::bool::ANY,
        prop::bool::ANY,
        prop::bool::ANY,
        prop::bool::weighted(0.2),
    )
        .prop_map(|(per_period, majorate, once, art6)| RuleOptions {
            truncation: if per_period {
                Truncation::PerPeriod
            } else {
                Truncation::PerClaim
            },
            short_first_period_claims: if majorate {
                ShortFirstPeriodClaims::MajorateImmediately
            } else {
                ShortFirstPeriodClaims::CarryForward
            },
            floor_protection: if once {
                FloorProtection::Once
            } else {
                FloorProtection::Renewable
            },
            art6_blocks_reduction: art6,
            ..RuleOptions::default()
        })
}

/// A dated history: a first échéance from one day to a year after the subscription (short and
/// empty first periods included), claims before and after the subscription with requalifications,
/// interruptions of any length, R16 losses, start counters and a `known_on` before or after
/// `until`.
fn dated_history() -> impl Strategy<Value = DatedHistory> {
    (
        (
            usage(),
            50u32..=350,
            0u32..5,
            0u32..3,
            0i64..2000,
            1i64..366,
            1u32..22,
        ),
        prop::collection::vec(
            (
                0i64..8000,
                kind(),
                resp(),
                prop::collection::vec((0i64..1200, resp()), 0..3),
            ),
            0..12,
        ),
        prop::collection::vec((0i64..8000, 1i64..250), 0..4),
        prop::collection::vec(0i64..8000, 0..3),
        prop::option::of(-400i64..1500),
    )
        .prop_map(
            |(
                (u, start, paf, streak, sub_offset, first_gap, years),
                claims,
                interruptions,
                lost,
                known,
            )| {
                let sub = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + Duration::days(sub_offset);
                let first = sub + Duration::days(first_gap);
                let until = first + Duration::days(366 * i64::from(years) - 1);
                DatedHistory {
                    usage: u,
                    start_coefficient: Coefficient::from_hundredths(start).unwrap(),
                    start_periods_at_floor: paf,
                    start_claim_free_streak: streak,
                    subscription_date: sub,
                    first_echeance: first,
                    until,
                    known_on: known.map(|k| until + Duration::days(k)),
                    interruptions: interruptions
                        .iter()
                        .map(|(off, len)| {
                            let from = sub + Duration::days(*off - 300);
                            Interruption {
                                from,
                                to: from + Duration::days(*len),
                            }
                        })
                        .collect(),
                    reductions_lost: lost.iter().map(|o| sub + Duration::days(*o)).collect(),
                    claims: claims
                        .iter()
                        .map(|(off, k, r, reqs)| {
                            let date = sub + Duration::days(*off - 300);
                            DatedClaim {
                                id: None,
                                date,
                                kind: *k,
                                responsibility: *r,
                                requalifications: reqs
                                    .iter()
                                    .map(|(after, r)| Requalification {
                                        on: date + Duration::days(*after),
                                        responsibility: *r,
                                    })
                                    .collect(),
                            }
                        })
                        .collect(),
                }
            },
        )
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

/// The dated form of the spec read plainly, every option: a second implementation written
/// from `docs/bonus-malus.md` (R9–R16, the dated form), not from the engine's code. `None` when
/// the history cannot be computed.
fn dated_reference(h: &DatedHistory, o: &RuleOptions) -> Option<Vec<u32>> {
    let months = |d: NaiveDate, m: u32| d.checked_add_months(Months::new(m));
    let back = |d: NaiveDate, m: u32| d.checked_sub_months(Months::new(m));
    if h.first_echeance <= h.subscription_date
        || h.first_echeance > months(h.subscription_date, 12)?
    {
        return None;
    }
    if h.interruptions.iter().any(|i| i.to <= i.from) {
        return None;
    }
    // Échéances and their periods.
    let mut echeances = Vec::new();
    let mut k = 0;
    while let Some(e) = months(h.first_echeance, 12 * k) {
        if e > h.until {
            break;
        }
        echeances.push(e);
        k += 1;
    }
    let mut bounds: Vec<(NaiveDate, NaiveDate, bool)> = Vec::new();
    for (i, e) in echeances.iter().enumerate() {
        let end = back(*e, 2)?;
        if i == 0 {
            let start = h.subscription_date.max(back(*e, 14)?);
            if end <= start {
                bounds.push((h.subscription_date, h.subscription_date, false));
            } else {
                bounds.push((start, end, months(start, 9)? <= end));
            }
        } else {
            bounds.push((bounds[i - 1].1, end, true));
        }
    }
    let known_on = h.known_on.unwrap_or(h.until);
    let in_force = |c: &DatedClaim| {
        let following = echeances_after(h.first_echeance, c.date);
        let limit = following.and_then(|e| months(e, 24));
        let mut reqs = c.requalifications.clone();
        reqs.sort_by_key(|r| r.on);
        let mut r = c.responsibility;
        for q in reqs {
            if q.on <= known_on && limit.is_some_and(|l| q.on <= l) {
                r = q.responsibility;
            }
        }
        r
    };
    let counts =
        |k: ClaimKind, r: Responsibility| k == ClaimKind::Accident && r != Responsibility::None;
    let art6 = |k: ClaimKind, r: Responsibility| {
        matches!(
            k,
            ClaimKind::ForceMajeure | ClaimKind::NaturalDisaster | ClaimKind::DrivenWithoutConsent
        ) || (k == ClaimKind::Accident && r == Responsibility::None)
    };
    let mut sorted: Vec<&DatedClaim> = h.claims.iter().collect();
    sorted.sort_by_key(|c| c.date);
    let (mut c, mut paf, mut streak, mut used) = (
        h.start_coefficient.hundredths() as u64,
        h.start_periods_at_floor,
        h.start_claim_free_streak,
        false,
    );
    let mut carried: Vec<(ClaimKind, Responsibility)> = Vec::new();
    let mut out = Vec::new();
    for (i, (start, end, year)) in bounds.iter().enumerate() {
        let mut claims = std::mem::take(&mut carried);
        claims.extend(
            sorted
                .iter()
                .filter(|x| x.date >= h.subscription_date && x.date >= *start && x.date < *end)
                .map(|x| (x.kind, in_force(x))),
        );
        // R16: a reduction lost since the previous échéance (the subscription for the first).
        let since = if i == 0 {
            h.subscription_date
        } else {
            echeances[i - 1]
        };
        if h.reductions_lost
            .iter()
            .any(|d| *d >= since && *d < echeances[i])
            && c < 100
        {
            c = 100;
            paf = 0;
            streak = 0;
        }
        if !year && o.short_first_period_claims == ShortFirstPeriodClaims::CarryForward {
            carried = claims;
            out.push(c as u32);
            continue;
        }
        let counting: Vec<Responsibility> = claims
            .iter()
            .filter(|(k, r)| counts(*k, *r))
            .map(|(_, r)| *r)
            .collect();
        if !counting.is_empty() {
            let protected =
                c == 50 && paf >= 3 && (o.floor_protection == FloorProtection::Renewable || !used);
            let factors: Vec<(u64, u64)> = counting
                .iter()
                .skip(usize::from(protected))
                .map(|r| match (h.usage, *r == Responsibility::Partial) {
                    (Usage::Standard, false) => (125, 100),
                    (Usage::Standard, true) => (1125, 1000),
                    (Usage::Tournees, false) => (120, 100),
                    (Usage::Tournees, true) => (110, 100),
                })
                .collect();
            if protected {
                used = true;
            }
            match o.truncation {
                Truncation::PerClaim => {
                    for (n, d) in factors {
                        c = (c * n / d).min(350);
                    }
                }
                Truncation::PerPeriod => {
                    let (mut n, mut d) = (c as u128, 1u128);
                    for (fnum, fden) in factors {
                        n *= u128::from(fnum);
                        d *= u128::from(fden);
                        if n / d >= 350 {
                            break;
                        }
                    }
                    c = ((n / d) as u64).min(350);
                }
            }
            paf = 0;
            streak = 0;
        } else if *year {
            // R14: a suspension longer than three months, measured on itself, overlapping.
            let interrupted = h.interruptions.iter().any(|x| {
                x.from < *end && x.to > *start && months(x.from, 3).map_or(true, |l| x.to > l)
            });
            let art6_blocks = o.art6_blocks_reduction && claims.iter().any(|(k, r)| art6(*k, *r));
            if !interrupted && !art6_blocks {
                let r = if h.usage == Usage::Standard { 95 } else { 93 };
                let before = c;
                c = (c * r / 100).max(50);
                paf = if before == 50 { paf + 1 } else { 0 };
                streak += 1;
                if streak >= 2 {
                    c = c.min(100);
                }
            }
        }
        out.push(c as u32);
    }
    Some(out)
}

/// The first échéance strictly after `date`.
fn echeances_after(first: NaiveDate, date: NaiveDate) -> Option<NaiveDate> {
    (0..)
        .map_while(|k| first.checked_add_months(Months::new(12 * k)))
        .find(|e| *e > date)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn the_dated_engine_agrees_with_the_dated_reference(h in dated_history(), o in options()) {
        let engine = compute_dated(&h, &o)
            .ok()
            .map(|out| out.coefficients.iter().map(|c| c.hundredths()).collect::<Vec<_>>());
        prop_assert_eq!(engine, dated_reference(&h, &o));
    }
}
