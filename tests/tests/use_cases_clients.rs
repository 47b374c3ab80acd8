//! Use cases of the client file on a temp agency whose clock says 24 November 2026.
#![allow(clippy::unwrap_used)]

use courtier_app::ClientListQuery;
use courtier_journeys::{helene, TempAgency};

#[test]
fn a_stale_correction_is_refused_and_leaves_the_newer_one_in_place() {
    let a = TempAgency::new();
    let rec = a.client().from(helene()).create();
    // Two desks opened the record at version 1; the first saves.
    let mut first = helene();
    first.notes = Some("Appelée le 24/11".into());
    assert_eq!(a.client_update(rec.id, &first, Some(1)).unwrap().version, 2);
    let mut second = helene();
    second.status = "former".into();
    let e = a.client_update(rec.id, &second, Some(1)).unwrap_err();
    assert_eq!(e.code, "invalid_operation");
    let now = a.client_get(rec.id).unwrap();
    assert_eq!(now.version, 2);
    assert_eq!(now.fields.status, "client");
    assert_eq!(now.fields.notes.as_deref(), Some("Appelée le 24/11"));
    // With the version it has now seen, the second desk may save.
    let saved = a.client_update(rec.id, &second, Some(2)).unwrap();
    assert_eq!(saved.version, 3);
    assert_eq!(saved.fields.status, "former");
}

#[test]
fn an_invalid_correction_changes_nothing() {
    let a = TempAgency::new();
    let rec = a.client().from(helene()).create();
    let mut bad = helene();
    bad.emails[0].address = "pas une adresse".into();
    assert_eq!(
        a.client_update(rec.id, &bad, Some(1)).unwrap_err().code,
        "invalid:emails[0].address"
    );
    let now = a.client_get(rec.id).unwrap();
    assert_eq!(now.version, 1);
    assert_eq!(now.fields.emails[0].address, "helene.lefevre@exemple.fr");
    assert_eq!(
        a.client_update(424_242, &helene(), None).unwrap_err().code,
        "not_found"
    );
}

#[test]
fn the_age_is_counted_on_the_fixed_clock() {
    let a = TempAgency::new();
    let today = a.client().birth_date("24/11/1984").create();
    let tomorrow = a.client().birth_date("25/11/1984").create();
    assert_eq!(today.age, Some(42), "birthday today");
    assert_eq!(tomorrow.age, Some(41), "birthday tomorrow");
    let e = a
        .client()
        .birth_date("25/11/2026")
        .try_create()
        .unwrap_err();
    assert_eq!(e.code, "invalid:birthDate", "born after today");
}

#[test]
fn archived_clients_leave_the_list_until_asked_for() {
    let a = TempAgency::new();
    let lea = a.client().id();
    a.client().name("Tom", "Roux").id();
    a.client_archive(lea).unwrap();
    let q = |include_archived| {
        a.client_list(&ClientListQuery {
            include_archived,
            ..Default::default()
        })
        .unwrap()
    };
    let active = q(false);
    assert_eq!(active.total, 1);
    assert_eq!(active.items[0].display_name, "Tom Roux");
    let all = q(true);
    assert_eq!(all.total, 2);
    assert!(all.items.iter().any(|c| c.id == lea && c.archived));
    assert!(a.client_get(lea).unwrap().archived_at.is_some());
}

#[test]
fn the_list_filters_by_status_and_refuses_an_unknown_one() {
    let a = TempAgency::new();
    a.client().status("prospect").name("Ana", "Prospect").id();
    a.client().status("former").name("Eve", "Ancienne").id();
    a.client().id();
    let by = |s: &str| {
        a.client_list(&ClientListQuery {
            status: Some(s.into()),
            ..Default::default()
        })
    };
    let p = by("prospect").unwrap();
    assert_eq!(p.total, 1);
    assert_eq!(p.items[0].display_name, "Ana Prospect");
    assert_eq!(by("all").unwrap().total, 3);
    assert_eq!(by("vip").unwrap_err().code, "invalid:status");
}

#[test]
fn a_company_is_listed_and_found_by_its_name() {
    let a = TempAgency::new();
    let co = a.client().company("Transports Évrard SARL").create();
    assert_eq!(co.display_name, "Transports Évrard SARL");
    let hits = a.client_search("evrard", None, false).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, "company");
}

#[test]
fn a_household_lists_each_member_to_the_others() {
    let a = TempAgency::new();
    let lea = a.client().id();
    let tom = a.client().name("Tom", "Bénard").id();
    let zoe = a.client().name("Zoé", "Bénard").id();
    a.household_link(tom, lea).unwrap();
    let z = a.household_link(zoe, lea).unwrap();
    let mut members: Vec<i64> = z.household.unwrap().members.iter().map(|m| m.id).collect();
    members.sort();
    assert_eq!(members, [lea, tom]);
    let l = a.client_get(lea).unwrap().household.unwrap();
    assert_eq!(l.members.len(), 2);
    a.household_leave(tom).unwrap();
    let l = a.client_get(lea).unwrap().household.unwrap();
    assert_eq!(l.members.iter().map(|m| m.id).collect::<Vec<_>>(), [zoe]);
}
