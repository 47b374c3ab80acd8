//! The generators of the property tests reach every rule and every date edge they are meant to
//! draw: on a fixed sample, each step of the engine's trace and each edge appears at least a
//! few times. A property over histories that never reach a rule could not fail on it.
#![allow(clippy::unwrap_used)]

mod reference;
mod strategies;

use chrono::Months;
use courtier_domain::bonus_malus::{
    compute_dated, simulate_json, start_coefficient_from_releve, RuleOptions,
};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use serde_json::Value;
use std::collections::BTreeMap;

const SAMPLE: usize = 3000;

fn sample<S: Strategy>(s: S) -> Vec<S::Value> {
    let mut runner = TestRunner::deterministic();
    (0..SAMPLE)
        .map(|_| s.new_tree(&mut runner).unwrap().current())
        .collect()
}

/// Every `kind` of every step of a serialised trace.
fn step_kinds(trace: &Value, seen: &mut BTreeMap<String, usize>) {
    for p in trace["periods"].as_array().into_iter().flatten() {
        for s in p["steps"].as_array().into_iter().flatten() {
            *seen
                .entry(s["kind"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
        for c in p["claims"].as_array().into_iter().flatten() {
            if let Some(r) = c["requalification"].as_str() {
                let what = if r.contains("écartée") {
                    "requalification too late"
                } else {
                    "requalification applied"
                };
                *seen.entry(what.into()).or_default() += 1;
            }
        }
    }
}

fn at_least(seen: &BTreeMap<String, usize>, what: &[&str], n: usize) {
    for w in what {
        let got = seen.get(*w).copied().unwrap_or(0);
        assert!(
            got >= n,
            "{w}: {got} times in {SAMPLE} cases (at least {n}): {seen:?}"
        );
    }
}

const STEPS: [&str; 13] = [
    "reduction",
    "floor",
    "majoration",
    "majoration_per_period",
    "protection",
    "ceiling",
    "two_year_rule",
    "interruption",
    "short_first_period",
    "carried_in",
    "reduction_lost",
    "art6_no_reduction",
    "no_reduction_claim_year",
];

#[test]
fn the_period_scenarios_reach_every_step() {
    let mut seen = BTreeMap::new();
    for s in sample(strategies::period_scenario()) {
        let out = simulate_json(&s.to_json().to_string()).unwrap();
        step_kinds(&out["trace"], &mut seen);
    }
    at_least(&seen, &STEPS, 20);
    at_least(
        &seen,
        &["requalification too late", "requalification applied"],
        20,
    );
}

#[test]
fn the_dated_histories_reach_every_step_and_every_date_edge() {
    let mut seen = BTreeMap::new();
    let mut edge = |what: &str| *seen.entry(what.to_string()).or_default() += 1;
    let m = |d: chrono::NaiveDate, n: u32| d.checked_add_months(Months::new(n)).unwrap();
    let mut steps = BTreeMap::new();
    for (i, h) in sample(strategies::dated_history()).into_iter().enumerate() {
        let o = if i % 2 == 0 {
            RuleOptions::default()
        } else {
            sample_options(i)
        };
        let Ok(out) = compute_dated(&h, &o) else {
            edge("history refused");
            continue;
        };
        step_kinds(&serde_json::to_value(&out.trace).unwrap(), &mut steps);
        let e = &out.echeances;
        if e.first().is_some_and(|e| e.period_start == e.period_end) {
            edge("empty first period");
        }
        if e.first()
            .is_some_and(|e| m(e.period_start, 9) == e.period_end)
        {
            edge("first period of exactly 9 months");
        }
        if e.iter()
            .any(|e| e.date.format("%m-%d").to_string() == "02-29")
        {
            edge("échéance on 29 February");
        }
        if e.last().is_some_and(|e| e.date == h.until) {
            edge("until on an échéance");
        }
        for c in &h.claims {
            if e.iter().any(|e| c.date == e.period_end) {
                edge("claim on the first day of a period");
            }
            if e.iter().any(|e| c.date.succ_opt() == Some(e.period_end)) {
                edge("claim on the last day of a period");
            }
            if c.requalifications.iter().any(|q| Some(q.on) == h.known_on) {
                edge("requalification found on known_on");
            }
        }
        for x in &h.interruptions {
            let three = m(x.from, 3);
            let overlaps = e
                .iter()
                .any(|e| x.from < e.period_end && x.to > e.period_start);
            if overlaps && x.to == three {
                edge("suspension of exactly three months");
            }
            if overlaps && x.to.pred_opt() == Some(three) {
                edge("suspension of three months and a day");
            }
        }
    }
    at_least(&steps, &STEPS, 20);
    at_least(
        &steps,
        &["requalification too late", "requalification applied"],
        20,
    );
    at_least(
        &seen,
        &[
            "history refused",
            "empty first period",
            "first period of exactly 9 months",
            "échéance on 29 February",
            "until on an échéance",
            "claim on the first day of a period",
            "claim on the last day of a period",
            "requalification found on known_on",
            "suspension of exactly three months",
            "suspension of three months and a day",
        ],
        20,
    );
}

/// A fixed spread of options for the sample (the properties draw them).
fn sample_options(i: usize) -> RuleOptions {
    use courtier_domain::bonus_malus::{FloorProtection, ShortFirstPeriodClaims, Truncation};
    RuleOptions {
        truncation: if i % 4 == 1 {
            Truncation::PerPeriod
        } else {
            Truncation::PerClaim
        },
        short_first_period_claims: if i % 3 == 0 {
            ShortFirstPeriodClaims::MajorateImmediately
        } else {
            ShortFirstPeriodClaims::CarryForward
        },
        floor_protection: if i % 5 < 2 {
            FloorProtection::Once
        } else {
            FloorProtection::Renewable
        },
        art6_blocks_reduction: i % 7 < 3,
        ..RuleOptions::default()
    }
}

#[test]
fn the_releves_reach_every_r17_case() {
    let mut seen = BTreeMap::new();
    let mut edge = |what: &str| *seen.entry(what.to_string()).or_default() += 1;
    for r in sample(strategies::releve()) {
        let end = r.last_echeance.checked_sub_months(Months::new(2)).unwrap();
        let nine = end.checked_add_months(Months::new(9)).unwrap();
        let out = start_coefficient_from_releve(&r, &RuleOptions::default());
        let text = out.steps.join("\n");
        if text.contains("art. 4 al. 2") && text.contains("pris en compte") {
            edge("protection");
        }
        if text.contains("ramené à 1,00") {
            edge("two-year rule");
        }
        if r.stopped_on == nine {
            edge("nine months exactly");
        }
        if r.stopped_on.succ_opt() == Some(nine) {
            edge("nine months less a day");
        }
        if r.claims.iter().any(|c| c.date == end) {
            edge("claim on the end of the last period");
        }
        if r.claims.iter().any(|c| c.date == r.stopped_on) {
            edge("claim on the day the information stopped");
        }
        if out.start_periods_at_floor >= 3 {
            edge("three periods at 0.50 proved");
        }
        if out.start_coefficient > r.coefficient {
            edge("majorated");
        }
        if out.start_coefficient < r.coefficient {
            edge("reduced");
        }
    }
    at_least(
        &seen,
        &[
            "protection",
            "two-year rule",
            "nine months exactly",
            "nine months less a day",
            "claim on the end of the last period",
            "claim on the day the information stopped",
            "three periods at 0.50 proved",
            "majorated",
            "reduced",
        ],
        20,
    );
}
