//! Use cases of vehicles and drivers on a temp agency whose clock says 24 November 2026; the
//! default contract has 0.76 projected at 1 January 2027 on 500 € modulated + 45,50 €.
#![allow(clippy::unwrap_used)]

use courtier_app::{DriverUpdate, VehicleUpdate};
use courtier_journeys::TempAgency;

#[test]
fn a_replaced_vehicle_ends_where_the_new_one_starts() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    let old = a.vehicle(k.id).make_model("Renault", "Clio").add();
    let new = a
        .vehicle_replace(
            old.id,
            &a.vehicle(k.id)
                .registration("ef 456 gh")
                .from("2026-05-01")
                .draft(),
            true,
        )
        .unwrap();
    assert_eq!(new.registration, "EF-456-GH");
    let list = a.vehicle_list(k.id).unwrap();
    assert_eq!(list.len(), 2);
    let o = list.iter().find(|v| v.id == old.id).unwrap();
    assert_eq!(o.to_date.as_deref(), Some("2026-05-01"));
    assert_eq!(o.replaced_by, Some(new.id));
    assert!(list
        .iter()
        .find(|v| v.id == new.id)
        .unwrap()
        .to_date
        .is_none());
}

/// R16 (issue 9, item 6): a backdated replacement's note uses the coefficient in force on the
/// replacement date (0.90 on 1 June 2024), not today's (0.80).
#[test]
fn a_backdated_replacement_notes_the_coefficient_in_force_on_its_date() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    assert_eq!(k.coefficient_in_force, "0.80");
    let old = a.vehicle(k.id).from("2021-03-01").add();
    a.vehicle_replace(
        old.id,
        &a.vehicle(k.id)
            .registration("EF-456-GH")
            .from("2024-06-01")
            .draft(),
        false,
    )
    .unwrap();
    let list = a.vehicle_list(k.id).unwrap();
    let note = list
        .iter()
        .find(|v| v.id == old.id)
        .unwrap()
        .transfer_note
        .clone()
        .unwrap();
    assert!(
        note.contains("Remplacement le 01/06/2024 : coefficient 0,90 → 1,00"),
        "{note}"
    );
}

#[test]
fn a_bad_registration_is_refused_and_a_correction_with_one_changes_nothing() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    let e = a.vehicle(k.id).registration("AB-12").try_add().unwrap_err();
    assert_eq!(e.code, "invalid:registration");
    let v = a.vehicle(k.id).add();
    let e = a
        .vehicle_update(
            v.id,
            &VehicleUpdate {
                registration: Some("123".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(e.code, "invalid:registration");
    let list = a.vehicle_list(k.id).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].registration, "AB-123-CD");
    assert!(list[0].revisions.is_empty());
}

#[test]
fn a_novice_after_anticipated_learning_pays_half_the_surcharge() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    // AAC: 50 % the first year, 25 % after one claim-free year (A121-1-1, literal schedule):
    // 500 × 1.25 × 0.76 = 475 + 45.50.
    let d = a
        .driver(k.id)
        .name("Zoé", "Bénard")
        .birth_date("2006-02-01")
        .licensed("2025-05-01")
        .aac()
        .from("2025-06-01")
        .add();
    assert!(d.novice);
    assert!(d.aac);
    let p = a.contract_get(k.id).unwrap().next_premium.unwrap();
    assert_eq!(p.novice_rate, "25");
    assert_eq!(p.novice_amount, "125.00");
    assert_eq!(p.total, "520.50");
}

/// Issue 9, item 6: the novice surcharge counts the claims that count (R11), by their
/// responsibility in force (R15): a glass claim marked « responsable » and an accident
/// requalified as not responsible do not end a claim-free year; a responsible accident does.
#[test]
fn only_counting_claims_end_a_novice_claim_free_year() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    a.driver(k.id)
        .role("secondaire")
        .name("Tom", "Bénard")
        .licensed("2025-05-01")
        .from("2025-06-01")
        .add();
    let rate = || {
        a.contract_get(k.id)
            .unwrap()
            .next_premium
            .unwrap()
            .novice_rate
    };
    assert_eq!(rate(), "50");
    a.claim(k.id).on("2026-02-01").kind("glass").full().record();
    assert_eq!(rate(), "50", "a glass claim never counts (art. 7)");
    let id = a.claim(k.id).on("2026-03-01").full().id();
    assert_eq!(rate(), "100");
    a.claim_requalify(id, "none", "2026-04-01", None).unwrap();
    assert_eq!(rate(), "50", "requalified as not responsible");
}

#[test]
fn a_driver_licensed_long_ago_adds_no_surcharge() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    let d = a.driver(k.id).licensed("2001-09-01").add();
    assert!(!d.novice);
    let p = a.contract_get(k.id).unwrap().next_premium.unwrap();
    assert_eq!(p.novice_rate, "0");
    assert_eq!(p.total, "425.50");
}

#[test]
fn an_unknown_role_is_refused() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    let e = a.driver(k.id).role("copilote").try_add().unwrap_err();
    assert_eq!(e.code, "invalid:role");
    assert!(a.driver_list(k.id).unwrap().is_empty());
}

#[test]
fn a_driver_correction_keeps_the_previous_licence_date() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    let d = a.driver(k.id).licensed("2010-06-01").add();
    let c = a
        .driver_update(
            d.id,
            &DriverUpdate {
                licence_date: Some("2010-07-01".into()),
                reason: Some("Permis relu".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(c.licence_date.as_deref(), Some("2010-07-01"));
    assert_eq!(c.revisions.len(), 1);
    assert_eq!(c.revisions[0].previous["licence_date"], "2010-06-01");
    assert_eq!(c.revisions[0].reason.as_deref(), Some("Permis relu"));
}
