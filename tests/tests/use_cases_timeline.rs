//! Use cases of the claims timeline on a temp agency whose clock says 24 November 2026.
#![allow(clippy::unwrap_used)]

use courtier_app::{AmountDto, TimelineQuery};
use courtier_journeys::TempAgency;

/// One client with two contracts; a claim on each, the first one with a status change and a
/// payment. Returns (agency, client, first contract, second contract, first claim).
fn story() -> (TempAgency, i64, i64, i64, i64) {
    let a = TempAgency::new();
    let c = a.client().id();
    let k1 = a.contract(c).create().id;
    let k2 = a
        .contract(c)
        .insurer("Alliance Auto")
        .dates("2024-05-15", "2025-05-15")
        .create()
        .id;
    let claim = a.claim(k1).on("2025-03-10").full().id();
    a.claim_set_status(claim, "en_expertise", "2025-03-20", None)
        .unwrap();
    a.claim_amount_add(
        claim,
        &AmountDto {
            kind: "reglement".into(),
            amount: "800".into(),
            on_date: "2025-04-15".into(),
            ..Default::default()
        },
    )
    .unwrap();
    a.claim(k2)
        .on("2026-02-02")
        .kind("glass")
        .not_responsible()
        .record();
    (a, c, k1, k2, claim)
}

fn q() -> TimelineQuery {
    TimelineQuery::default()
}

#[test]
fn a_contract_filter_keeps_that_contract_only_and_the_total_counts_everything() {
    let (a, c, k1, k2, _) = story();
    let all = a.client_timeline(c, &q()).unwrap();
    let only = a
        .client_timeline(
            c,
            &TimelineQuery {
                contract_id: Some(k2),
                ..q()
            },
        )
        .unwrap();
    assert!(!only.entries.is_empty());
    assert!(only.entries.iter().all(|e| e.contract_id == Some(k2)));
    assert!(all.entries.iter().any(|e| e.contract_id == Some(k1)));
    assert_eq!(only.total, all.total);
    assert_eq!(all.entries.len(), all.total);
    let labels: Vec<&str> = all.contracts.iter().map(|(_, l)| l.as_str()).collect();
    assert!(
        labels.contains(&"Alliance Auto n° AUTO-2021-0043"),
        "{labels:?}"
    );
}

#[test]
fn a_claim_filter_gives_that_claim_s_story() {
    let (a, c, _, _, claim) = story();
    let t = a
        .client_timeline(
            c,
            &TimelineQuery {
                claim_id: Some(claim),
                ..q()
            },
        )
        .unwrap();
    let kinds: Vec<&str> = t.entries.iter().map(|e| e.kind.as_str()).collect();
    // The declaration is the claim's first state.
    assert_eq!(kinds, ["sinistre", "etat", "etat", "montant"]);
    assert!(t.entries.iter().all(|e| e.claim_id == Some(claim)));
}

#[test]
fn a_period_filter_includes_both_ends() {
    let (a, c, _, _, _) = story();
    let t = a
        .client_timeline(
            c,
            &TimelineQuery {
                from: Some("2025-03-10".into()),
                to: Some("2025-04-15".into()),
                ..q()
            },
        )
        .unwrap();
    let days: Vec<&str> = t.entries.iter().map(|e| &e.date[..10]).collect();
    // The claim and its declared state, the expertise, the payment.
    assert_eq!(
        days,
        ["2025-03-10", "2025-03-10", "2025-03-20", "2025-04-15"]
    );
}

#[test]
fn newest_first_reverses_the_order() {
    let (a, c, _, _, _) = story();
    let old = a.client_timeline(c, &q()).unwrap().entries;
    let new = a
        .client_timeline(
            c,
            &TimelineQuery {
                newest_first: true,
                ..q()
            },
        )
        .unwrap()
        .entries;
    let mut reversed = old.clone();
    reversed.reverse();
    assert_eq!(new, reversed);
    assert!(new.first().unwrap().date >= new.last().unwrap().date);
}

#[test]
fn a_requalification_is_on_the_timeline_on_the_day_it_was_found() {
    let (a, _, k1, _, claim) = story();
    a.claim_requalify(claim, "partial", "2025-09-01", None)
        .unwrap();
    let t = a
        .contract_timeline(
            k1,
            &TimelineQuery {
                kinds: vec!["qualification".into()],
                ..q()
            },
        )
        .unwrap();
    assert_eq!(t.entries.len(), 1);
    assert_eq!(&t.entries[0].date[..10], "2025-09-01");
    assert_eq!(t.entries[0].claim_id, Some(claim));
}

#[test]
fn the_coefficient_entries_follow_the_claim() {
    let (a, _, k1, _, _) = story();
    // The claim of 10 March 2025 counts at 2026: 0.85 × 1.25 = 1.0625 → 1.06.
    let values: Vec<String> = a
        .contract_timeline(
            k1,
            &TimelineQuery {
                kinds: vec!["coefficient".into()],
                ..q()
            },
        )
        .unwrap()
        .entries
        .into_iter()
        .map(|e| e.value.unwrap())
        .collect();
    assert_eq!(values, ["1.00", "0.95", "0.90", "0.85", "1.06"]);
}

#[test]
fn unknown_kinds_and_impossible_dates_are_refused() {
    let (a, c, _, _, _) = story();
    let e = a
        .client_timeline(
            c,
            &TimelineQuery {
                kinds: vec!["meteo".into()],
                ..q()
            },
        )
        .unwrap_err();
    assert_eq!(e.code, "invalid:kinds");
    let e = a
        .client_timeline(
            c,
            &TimelineQuery {
                from: Some("2025-02-30".into()),
                ..q()
            },
        )
        .unwrap_err();
    assert_eq!(e.code, "invalid:from");
    assert_eq!(
        a.client_timeline(424_242, &q()).unwrap_err().code,
        "not_found"
    );
}
