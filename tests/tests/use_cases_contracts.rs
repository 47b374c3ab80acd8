//! Use cases of contracts on a temp agency whose clock says 24 November 2026. Figures worked out
//! by hand from `docs/bonus-malus.md` (0.95 a claim-free year, 0.93 for tournées, each
//! truncated to two decimals).
#![allow(clippy::unwrap_used)]

use courtier_journeys::{coefficients, TempAgency};

#[test]
fn tournees_usage_reduces_by_seven_percent_a_year() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).usage("tournees").create();
    // 0.93, 0.8649 → 0.86, 0.7998 → 0.79, 0.7347 → 0.73; next 0.6789 → 0.67.
    assert_eq!(coefficients(&k), ["1.00", "0.93", "0.86", "0.79", "0.73"]);
    assert_eq!(k.usage.as_str(), "tournees");
    assert_eq!(k.projection.unwrap().if_nothing_happens, "0.67");
    // 500 × 0.67 = 335 + 45.50 not modulated.
    assert_eq!(k.next_premium.unwrap().total, "380.50");
}

#[test]
fn outside_the_clause_the_premium_is_not_modulated() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).clause_applies(false).create();
    assert!(!k.clause_applies);
    assert_eq!(k.coefficient_in_force, "1.00");
    assert_eq!(k.projection.clone().unwrap().if_nothing_happens, "1.00");
    assert_eq!(k.next_premium.unwrap().total, "545.50");
    let r = a.claim(k.id).on("2026-03-01").full().record();
    assert_eq!(r.projection.clone().unwrap().if_nothing_happens, "1.00");
    // Issue 9, item 9: the page and the note say so, instead of a history computed as if the
    // clause applied (0.95, 0.90, …).
    assert_eq!(coefficients(&r), ["1.00", "1.00", "1.00", "1.00", "1.00"]);
    assert!(r.note.contains("hors de la clause"), "{}", r.note);
    assert!(!r.note.contains("0,95"), "{}", r.note);
    assert!(!r.protection_active);
}

#[test]
fn at_the_floor_for_three_years_the_first_claim_is_forgiven_not_the_second() {
    let a = TempAgency::new();
    let k = a
        .contract(a.client().id())
        .start_coefficient("0,50")
        .create();
    assert_eq!(coefficients(&k), ["0.50", "0.50", "0.50", "0.50", "0.50"]);
    assert!(k.protection_active, "{}", k.periods_at_floor);
    assert!(k.periods_at_floor >= 3);
    let r = a.claim(k.id).on("2026-02-01").full().record();
    assert_eq!(r.projection.unwrap().if_nothing_happens, "0.50", "R10");
    // A second claim in the same period: 0.50 × 1.25 = 0.625 → 0.62.
    let r = a.claim(k.id).on("2026-05-01").full().record();
    assert_eq!(r.projection.unwrap().if_nothing_happens, "0.62");
}

#[test]
fn the_projection_says_what_a_claim_today_would_do() {
    // On 24 November 2026 a claim counts at 2028 (last two months before 2027): from 0.76,
    // full 0.95, partial 0.855 → 0.85.
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    let p = k.projection.unwrap();
    assert_eq!(p.next_echeance, "2027-01-01");
    assert_eq!(p.claim_counts_at, "2028-01-01");
    assert_eq!(p.with_full_claim, "0.95");
    assert_eq!(p.with_partial_claim, "0.85");
    // On 1 June 2026 it counts at 2027: from 0.80, full 1.00, partial 0.90.
    let b = TempAgency::on("2026-06-01");
    let k = b.contract(b.client().id()).create();
    let p = k.projection.unwrap();
    assert_eq!(p.claim_counts_at, "2027-01-01");
    assert_eq!(p.with_full_claim, "1.00");
    assert_eq!(p.with_partial_claim, "0.90");
}

#[test]
fn the_clock_decides_which_echeances_have_passed() {
    let a = TempAgency::on("2024-06-15");
    let k = a.contract(a.client().id()).create();
    assert_eq!(coefficients(&k), ["1.00", "0.95", "0.90"]);
    assert_eq!(k.coefficient_in_force, "0.90");
    let p = k.projection.unwrap();
    assert_eq!(p.next_echeance, "2025-01-01");
    assert_eq!(p.if_nothing_happens, "0.85");
}

#[test]
fn a_suspension_of_exactly_three_months_keeps_the_reduction() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    // 1 February → 1 May 2024 is not longer than three months (R14).
    let s = a
        .contract_suspend(k.id, "2024-02-01", "2024-05-01")
        .unwrap();
    assert_eq!(coefficients(&s), ["1.00", "0.95", "0.90", "0.85", "0.80"]);
}

/// R14: each interruption is measured on itself, from its first day: 1 February → 2 May 2024
/// is longer than `from + 3 months` (1 May), so the period 1 November 2023 – 31 October 2024
/// gets no reduction.
#[test]
fn a_suspension_of_three_months_and_a_day_loses_the_reduction() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    let s = a
        .contract_suspend(k.id, "2024-02-01", "2024-05-02")
        .unwrap();
    assert_eq!(coefficients(&s), ["1.00", "0.95", "0.90", "0.90", "0.85"]);
}

/// R14: "two short ones are not added together".
#[test]
fn two_short_suspensions_in_one_period_keep_the_reduction() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    a.contract_suspend(k.id, "2023-12-01", "2024-02-01")
        .unwrap();
    let s = a
        .contract_suspend(k.id, "2024-05-01", "2024-07-01")
        .unwrap();
    assert_eq!(coefficients(&s), ["1.00", "0.95", "0.90", "0.85", "0.80"]);
}

#[test]
fn a_suspension_ending_before_it_starts_is_refused() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    let e = a
        .contract_suspend(k.id, "2024-05-01", "2024-05-01")
        .unwrap_err();
    assert_eq!(e.code, "invalid:to");
    let r = a.contract_get(k.id).unwrap();
    assert_eq!(r.status.as_str(), "en_cours");
    assert_eq!(coefficients(&r), ["1.00", "0.95", "0.90", "0.85", "0.80"]);
}

#[test]
fn a_claim_recorded_after_termination_still_corrects_the_history_up_to_the_end() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    a.contract_terminate(k.id, "2025-06-30", "client", None)
        .unwrap();
    // Period closing at 2025: 1 November 2023 – 31 October 2024: 0.90 × 1.25 = 1.125 → 1.12.
    let r = a.claim(k.id).on("2024-03-01").full().record();
    assert_eq!(coefficients(&r), ["1.00", "0.95", "0.90", "1.12"]);
    assert_eq!(r.coefficient_in_force, "1.12");
    assert!(r.projection.is_none());
    assert_eq!(r.status.as_str(), "resilie");
}

/// Issue 9's reproduction: contract from 2020-01-01 (first échéance 2021-01-01), full claim on
/// 2021-03-01, terminated 2022-02-01.
fn terminated_with_a_claim() -> (TempAgency, i64, i64) {
    let a = TempAgency::new();
    let k = a
        .contract(a.client().id())
        .dates("2020-01-01", "2021-01-01")
        .create()
        .id;
    let claim = a.claim(k).on("2021-03-01").full().id();
    let r = a
        .contract_terminate(k, "2022-02-01", "client", None)
        .unwrap();
    // 0.95, then 0.95 × 1.25 = 1.1875 → 1.18; nothing after the termination.
    assert_eq!(coefficients(&r), ["0.95", "1.18"]);
    (a, k, claim)
}

/// R15: the requalification found on 2022-06-01, after the termination but within two years of
/// the échéance that followed the claim (2022-01-01), corrects the history up to the end: the
/// app computes `until` the termination, `known_on` today.
#[test]
fn a_requalification_found_after_the_termination_corrects_the_history() {
    let (a, k, claim) = terminated_with_a_claim();
    let r = a
        .claim_requalify(claim, "none", "2022-06-01", None)
        .unwrap();
    assert_eq!(coefficients(&r), ["0.95", "0.90"]);
    assert_eq!(r.coefficient_in_force, "0.90");
    assert_eq!(r.status.as_str(), "resilie");
    assert!(
        r.note
            .contains("requalifié « non responsable » le 01/06/2022"),
        "{}",
        r.note
    );
    assert_eq!(coefficients(&a.contract_get(k).unwrap()), ["0.95", "0.90"]);
}

/// A terminated contract stays terminated: a suspension after the termination is refused, with
/// the field it is about, and changes nothing (before: status « en cours » again and six
/// échéances up to today).
#[test]
fn a_suspension_after_the_termination_is_refused() {
    let (a, k, _) = terminated_with_a_claim();
    let e = a
        .contract_suspend(k, "2022-03-01", "2022-09-01")
        .unwrap_err();
    assert_eq!(e.code, "invalid:from");
    assert!(
        e.message.contains("résilié depuis le 01/02/2022"),
        "{}",
        e.message
    );
    // One that would run past the termination neither.
    let e = a
        .contract_suspend(k, "2022-01-10", "2022-03-01")
        .unwrap_err();
    assert_eq!(e.code, "invalid:to");
    let r = a.contract_get(k).unwrap();
    assert_eq!(r.status.as_str(), "resilie");
    assert_eq!(coefficients(&r), ["0.95", "1.18"]);
    assert!(r
        .events
        .iter()
        .all(|e| e.status.map(|s| s.as_str()) != Some("suspendu")));
    // One that ends by the termination is recorded; the contract stays terminated.
    let r = a.contract_suspend(k, "2022-01-10", "2022-02-01").unwrap();
    assert_eq!(r.status.as_str(), "resilie");
    assert_eq!(coefficients(&r), ["0.95", "1.18"]);
}

/// A contract suspended: a termination before the end of the recorded suspension is refused
/// (as a suspension past a termination is); on the day it ends, the suspension's return to
/// « en cours » of that same day does not revive it (the status comes from all the dated
/// events).
#[test]
fn a_contract_terminated_at_the_end_of_a_suspension_stays_terminated() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create().id;
    a.contract_suspend(k, "2025-03-01", "2025-09-01").unwrap();
    let e = a
        .contract_terminate(k, "2025-05-01", "client", None)
        .unwrap_err();
    assert_eq!(e.code, "invalid:onDate");
    assert!(
        e.message.contains("au plus tôt le 01/09/2025"),
        "{}",
        e.message
    );
    let r = a
        .contract_terminate(k, "2025-09-01", "client", None)
        .unwrap();
    assert_eq!(r.status.as_str(), "resilie");
    // Échéances up to the termination only: 2022 to 2025.
    assert_eq!(coefficients(&r), ["1.00", "0.95", "0.90", "0.85"]);
    assert!(r.projection.is_none());
}

#[test]
fn termination_must_follow_the_subscription() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    let e = a
        .contract_terminate(k.id, "2021-03-01", "client", None)
        .unwrap_err();
    assert_eq!(e.code, "invalid:onDate");
    assert_eq!(a.contract_get(k.id).unwrap().status.as_str(), "en_cours");
}

#[test]
fn the_same_number_at_another_insurer_is_another_contract() {
    let a = TempAgency::new();
    let c = a.client().id();
    let other = a.client().name("Tom", "Roux").id();
    a.contract(c).number("X-1").create();
    let k = a
        .contract(c)
        .number("X-1")
        .insurer("Alliance Auto")
        .create();
    assert_eq!(k.insurer, "Alliance Auto");
    assert_eq!(a.contracts_of_client(c).unwrap().len(), 2);
    assert!(a.contracts_of_client(other).unwrap().is_empty());
}

#[test]
fn a_correction_to_tournees_usage_recomputes_every_echeance() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    let r = a
        .contract_update(
            k.id,
            &courtier_app::ContractUpdate {
                usage: Some("tournees".into()),
                reason: Some("Commercial itinérant".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(coefficients(&r), ["1.00", "0.93", "0.86", "0.79", "0.73"]);
    assert_eq!(r.revisions[0].previous["usage"], "standard");
}

#[test]
fn a_quote_starts_as_devis_and_other_statuses_are_refused() {
    let a = TempAgency::new();
    let c = a.client().id();
    let q = a.contract(c).status("devis").create();
    assert_eq!(q.status.as_str(), "devis");
    let e = a.contract(c).status("resilie").try_create().unwrap_err();
    assert_eq!(e.code, "invalid:status");
}
