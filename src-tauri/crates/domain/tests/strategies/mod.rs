//! Generators of histories for the property tests. Dates are drawn anywhere or, as often, on
//! the boundaries the spec names and the day either side: a reference period's end, an
//! échéance, the subscription, the 9-month and 2-month first periods, the twelve months after
//! the subscription, a suspension of exactly three calendar months, art. 8's two years, a
//! requalification found on `known_on`, the R17 window and its nine months; subscriptions and
//! échéances on month ends and 29 February.
#![allow(dead_code, clippy::unwrap_used)]

use super::reference::period;
use chrono::{Datelike, Duration, Months, NaiveDate};
use courtier_domain::bonus_malus::{
    ClaimKind, DatedClaim, DatedHistory, FloorProtection, Interruption, Releve, ReleveClaim,
    Requalification, Responsibility, RuleOptions, ShortFirstPeriodClaims, Truncation, Usage,
};
use courtier_domain::Coefficient;
use proptest::prelude::*;

pub fn kind() -> impl Strategy<Value = ClaimKind> {
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

pub fn resp() -> impl Strategy<Value = Responsibility> {
    prop_oneof![
        3 => Just(Responsibility::Full),
        2 => Just(Responsibility::Partial),
        2 => Just(Responsibility::None),
    ]
}

pub fn usage() -> impl Strategy<Value = Usage> {
    prop_oneof![Just(Usage::Standard), Just(Usage::Tournees)]
}

/// A start coefficient in hundredths: anywhere, or at and next to the floor (R10).
pub fn start() -> impl Strategy<Value = u32> {
    prop_oneof![3 => 50u32..=350, 1 => Just(50u32), 1 => 50u32..=54]
}

/// Every option, drawn.
pub fn options() -> impl Strategy<Value = RuleOptions> {
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

fn plus(d: NaiveDate, m: u32) -> NaiveDate {
    d.checked_add_months(Months::new(m)).unwrap()
}

fn minus(d: NaiveDate, m: u32) -> NaiveDate {
    d.checked_sub_months(Months::new(m)).unwrap()
}

fn days(d: NaiveDate, n: i64) -> NaiveDate {
    d + Duration::days(n)
}

/// The last day of `d`'s month.
fn month_end(d: NaiveDate) -> NaiveDate {
    days(plus(d.with_day0(0).unwrap(), 1), -1)
}

/// Subscriptions: anywhere in 2000–2005, or on a month end, 29 February included.
fn subscription() -> impl Strategy<Value = NaiveDate> {
    let base = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    prop_oneof![
        3 => (0i64..2000).prop_map(move |n| days(base, n)),
        2 => (0i64..2000).prop_map(move |n| month_end(days(base, n))),
        1 => prop::sample::select(vec![(2000, 2, 29), (2004, 2, 29), (2001, 3, 31), (2002, 12, 31)])
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()),
    ]
}

/// How a date is drawn: `(mode, échéance index, offset in days, uniform offset in days)`.
type Draw = (u8, u32, i64, i64);

fn draw() -> impl Strategy<Value = Draw> {
    (0u8..6, 0u32..22, -2i64..=2, 0i64..8000)
}

/// A date of the contract's life: anywhere from 300 days before the subscription, or a
/// reference period's end, an échéance or the subscription, and the days either side.
fn place(sub: NaiveDate, first: NaiveDate, (mode, k, off, uniform): Draw) -> NaiveDate {
    let e = plus(first, 12 * k);
    match mode {
        0 | 1 => days(sub, uniform - 300),
        2 | 3 => days(minus(e, 2), off),
        4 => days(e, off),
        _ => days(sub, off),
    }
}

/// The first échéance strictly after `date` (to aim at art. 8's deadline).
fn following(first: NaiveDate, date: NaiveDate) -> NaiveDate {
    (0..)
        .map(|k| plus(first, 12 * k))
        .find(|e| *e > date)
        .unwrap()
}

/// A dated history: a first échéance from one day to a year after the subscription (short,
/// 9-month and empty first periods, and one a day too late), claims before and after the
/// subscription with requalifications, suspensions of any length and of three months ± a day,
/// R16 losses, start counters and a `known_on` before or after `until` or on a requalification.
pub fn dated_history() -> impl Strategy<Value = DatedHistory> {
    (
        (
            usage(),
            start(),
            0u32..5,
            0u32..3,
            subscription(),
            (0u8..6, 1i64..366, -1i64..=1),
            (1u32..22, 0u8..4),
        ),
        prop::collection::vec(
            (
                draw(),
                kind(),
                resp(),
                prop::collection::vec((0u8..3, 0i64..1200, -1i64..=1, resp()), 0..3),
            ),
            0..12,
        ),
        prop::collection::vec((draw(), 1i64..250, -1i64..=1), 0..4),
        prop::collection::vec(draw(), 0..3),
        (0u8..4, -400i64..1500, 0usize..12, -1i64..=1),
    )
        .prop_map(
            |(
                (u, start, paf, streak, sub, (first_mode, gap, first_off), (years, until_mode)),
                claims,
                interruptions,
                lost,
                (known_mode, known_off, known_pick, known_near),
            )| {
                // Mode 5: a first échéance on 29 February (2004), the subscription before it.
                let leap = NaiveDate::from_ymd_opt(2004, 2, 29).unwrap();
                let sub = if first_mode == 5 {
                    days(leap, -gap)
                } else {
                    sub
                };
                let first = match first_mode {
                    0 | 1 => days(sub, gap),
                    5 => leap,
                    2 => days(plus(sub, 2), first_off),
                    3 => days(plus(sub, 11), first_off),
                    _ => days(plus(sub, 12), first_off),
                };
                let first = first.max(days(sub, 1));
                let last = plus(first, 12 * (years - 1));
                let until = match until_mode {
                    0 => last,
                    1 => days(plus(first, 12 * years), -1),
                    _ => days(first, 366 * i64::from(years) - 1),
                };
                let claims: Vec<DatedClaim> = claims
                    .iter()
                    .map(|(at, k, r, reqs)| {
                        let date = place(sub, first, *at);
                        let deadline = plus(following(first, date), 24);
                        DatedClaim {
                            id: None,
                            date,
                            kind: *k,
                            responsibility: *r,
                            requalifications: reqs
                                .iter()
                                .map(|(mode, after, near, r)| Requalification {
                                    on: if *mode == 0 {
                                        days(deadline, *near)
                                    } else {
                                        days(date, *after)
                                    },
                                    responsibility: *r,
                                })
                                .collect(),
                        }
                    })
                    .collect();
                let found: Vec<NaiveDate> = claims
                    .iter()
                    .flat_map(|c| c.requalifications.iter().map(|q| q.on))
                    .collect();
                let known_on = match known_mode {
                    0 => None,
                    1 if !found.is_empty() => {
                        Some(days(found[known_pick % found.len()], known_near))
                    }
                    _ => Some(days(until, known_off)),
                };
                DatedHistory {
                    usage: u,
                    start_coefficient: Coefficient::from_hundredths(start).unwrap(),
                    start_periods_at_floor: paf,
                    start_claim_free_streak: streak,
                    subscription_date: sub,
                    first_echeance: first,
                    until,
                    known_on,
                    interruptions: interruptions
                        .iter()
                        .map(|(at, len, near)| {
                            let from = place(sub, first, *at);
                            // Half the time exactly three calendar months, or a day either side.
                            let to = if at.0 % 2 == 0 {
                                days(plus(from, 3), *near)
                            } else {
                                days(from, *len)
                            };
                            Interruption { from, to }
                        })
                        .collect(),
                    reductions_lost: lost.iter().map(|at| place(sub, first, *at)).collect(),
                    claims,
                }
            },
        )
}

/// A period-form scenario: a first period of 1 to 12 months (or none written), suspensions of
/// 0 to 12 months, R16 losses, claims of every kind requalified or not, counters, options.
pub fn period_scenario() -> impl Strategy<Value = period::Scenario> {
    let claim = (
        kind(),
        resp(),
        prop::option::weighted(
            0.2,
            (resp(), prop::option::of(prop_oneof![0u32..=36, 23u32..=26])),
        ),
    )
        .prop_map(|(kind, responsibility, requalified)| period::Claim {
            kind,
            responsibility,
            requalified,
        });
    let claims = prop_oneof![
        4 => Just(vec![]),
        3 => prop::collection::vec(claim, 1..5),
    ];
    let period = (
        prop::option::weighted(0.3, prop_oneof![1u32..=12, 8u32..=9]),
        prop::option::weighted(0.15, 0u32..=12),
        prop::bool::weighted(0.05),
        claims,
    );
    (
        usage(),
        start(),
        prop::option::of(0u32..5),
        prop::option::of(0u32..3),
        prop::option::of(options()),
        prop::collection::vec(period, 1..25),
    )
        .prop_map(|(usage, start, at_floor, claim_free, options, ps)| {
            let periods = ps
                .into_iter()
                .enumerate()
                .map(|(i, (months, interruption, reduction_lost, claims))| {
                    // Only the first period may be short; a suspension fits in its period.
                    let months = if i == 0 { months } else { months.map(|_| 12) };
                    let length = months.unwrap_or(12);
                    period::Period {
                        months,
                        interruption_months: interruption.map(|n| n.min(length)),
                        reduction_lost,
                        claims,
                    }
                })
                .collect();
            period::Scenario {
                usage,
                start,
                at_floor,
                claim_free,
                options,
                periods,
            }
        })
}

/// A relevé d'information: its last échéance anywhere or on a month end, stopped from before
/// the end of its last period to well after it (nine months ± a day often), claims in and
/// around its five periods and after them, `at_floor_since` whole years back ± a day.
pub fn releve() -> impl Strategy<Value = Releve> {
    (
        usage(),
        start(),
        subscription(),
        (0u8..3, -100i64..600, -1i64..=1),
        prop::collection::vec(
            ((0u8..4, 0u32..6, -1i64..=1, 0i64..2400), kind(), resp()),
            0..8,
        ),
        prop::option::weighted(0.6, (0u32..8, -1i64..=1)),
    )
        .prop_map(
            |(usage, c, e, (stop_mode, stop_days, stop_off), claims, floor)| {
                let end = minus(e, 2);
                let stopped_on = match stop_mode {
                    0 => days(plus(end, 9), stop_off),
                    _ => days(e, stop_days),
                };
                Releve {
                    usage,
                    coefficient: Coefficient::from_hundredths(c).unwrap(),
                    last_echeance: e,
                    stopped_on,
                    claims: claims
                        .iter()
                        .map(
                            |((mode, j, off, uniform), kind, responsibility)| ReleveClaim {
                                date: match mode {
                                    0 => days(stopped_on, 200 - uniform),
                                    1 => days(minus(e, 2 + 12 * j), *off),
                                    2 => days(stopped_on, *off),
                                    _ => days(e, 300 - uniform),
                                },
                                kind: *kind,
                                responsibility: *responsibility,
                            },
                        )
                        .collect(),
                    at_floor_since: floor.map(|(n, off)| days(minus(e, 12 * n), off)),
                }
            },
        )
}
