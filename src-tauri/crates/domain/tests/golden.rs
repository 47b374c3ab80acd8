//! The golden cases of `src-tauri/tests/data/*.json`, the same files the CLI tests feed to
//! `courtier bonus-malus simulate`: each has an `input` (either JSON form of the spec) and what
//! it must give (`expect`: `coefficients`, optionally `echeances`, each period's `steps`, and
//! lines the calculation note must contain).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use courtier_domain::bonus_malus::json::{parse, Input};
use courtier_domain::bonus_malus::{compute_dated_coefficients, simulate_json, simulate_note};
use serde_json::Value;

mod common;
use common::cases;

#[test]
fn every_golden_case_gives_its_expected_result() {
    let cases = cases();
    assert!(cases.len() >= 10, "{} cases", cases.len());
    for (name, case) in cases {
        let input = serde_json::to_string(&case["input"]).unwrap();
        let expect = &case["expect"];
        let out = simulate_json(&input).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(out["coefficients"], expect["coefficients"], "{name}");
        if let Some(e) = expect.get("echeances") {
            assert_eq!(&out["echeances"], e, "{name}");
        }
        // A period never ends before it starts (R13).
        for e in out["echeances"].as_array().into_iter().flatten() {
            assert!(
                e["period_start"].as_str() <= e["period_end"].as_str(),
                "{name}: {e}"
            );
        }
        if let Some(steps) = expect.get("steps").and_then(Value::as_array) {
            for (i, s) in steps.iter().enumerate() {
                assert_eq!(
                    &out["trace"]["periods"][i]["steps"], s,
                    "{name}, period {i}"
                );
            }
        }
        // The fast path (no trace) gives the same coefficients.
        if let Input::Dated(h, opts) = parse(&input).unwrap() {
            let mut fast = Vec::new();
            compute_dated_coefficients(&h, &opts, &mut fast).unwrap();
            let fast: Vec<String> = fast.iter().map(|c| c.to_string()).collect();
            assert_eq!(
                serde_json::json!(fast),
                out["coefficients"],
                "{name}: fast path"
            );
        }
        let note = simulate_note(&input).unwrap();
        for line in expect["note_contains"].as_array().into_iter().flatten() {
            assert!(
                note.contains(line.as_str().unwrap()),
                "{name}: {line}\n{note}"
            );
        }
    }
}
