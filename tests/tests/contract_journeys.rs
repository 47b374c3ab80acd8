//! Contracts and claims: the coefficient recomputed from the dated facts at every change, the
//! same as the engine gives for the same history, and nothing deleted.
#![allow(clippy::unwrap_used)]

use courtier_app::{AmountDto, AvenantDraft, ClaimUpdate, PremiumDraft, TimelineQuery};
use courtier_domain::bonus_malus::{
    ClaimKind, DatedClaim, DatedHistory, Requalification, Responsibility,
};
use courtier_journeys::{coefficients, d, engine_coefficients, history_of, TempAgency};

#[test]
fn a_responsible_claim_changes_the_coefficient_and_the_next_premium_at_once() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    // Échéances 2022 to 2026 passed: 0.95 0.90 0.85 0.80 0.76 (first period of 8 months
    // would not count: 1 March → 1 November 2021 is exactly 8 months, so 2022 keeps 1.00).
    assert_eq!(coefficients(&k), ["1.00", "0.95", "0.90", "0.85", "0.80"]);
    assert_eq!(k.coefficient_in_force, "0.80");
    let p = k.projection.clone().unwrap();
    assert_eq!(p.next_echeance, "2027-01-01");
    assert_eq!(p.if_nothing_happens, "0.76");
    let premium = k.next_premium.clone().unwrap();
    // 500 × 0.76 = 380 + 45.50 not modulated.
    assert_eq!(premium.after_coefficient, "380.00");
    assert_eq!(premium.total, "425.50");

    // A responsible claim on 10 November 2026: it falls in the two months before the 2027
    // échéance, so it counts at 2028; recorded on 10 October it counts at 2027.
    let after = a
        .claim(k.id)
        .on("2026-10-10")
        .full()
        .description("Accrochage sur le parking du supermarché")
        .record();
    let p = after.projection.clone().unwrap();
    assert_eq!(p.if_nothing_happens, "1.00", "0.80 × 1.25");
    assert_eq!(after.next_premium.clone().unwrap().total, "545.50");
    assert_eq!(after.claims.len(), 1);
    assert_eq!(after.claims[0].status.as_str(), "declare");
    assert!(
        after.note.contains("Coefficient en vigueur : 0,80."),
        "{}",
        after.note
    );

    // Requalified partial: 0.80 × 1.125 = 0.90; the first qualification is kept.
    let claim_id = after.claims[0].id;
    let re = a
        .claim_requalify(
            claim_id,
            "partial",
            "2026-11-20",
            Some("Rapport d'expertise"),
        )
        .unwrap();
    assert_eq!(re.projection.clone().unwrap().if_nothing_happens, "0.90");
    let q = &re.claims[0].qualifications;
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].responsibility.as_str(), "full");
    assert_eq!(q[1].responsibility.as_str(), "partial");
    assert_eq!(re.claims[0].responsibility.as_str(), "partial");

    // One source of truth: the engine on the same dated history gives the same coefficients.
    let engine = engine_coefficients(&DatedHistory {
        claims: vec![DatedClaim {
            id: None,
            date: d("2026-10-10"),
            kind: ClaimKind::Accident,
            responsibility: Responsibility::Full,
            requalifications: vec![Requalification {
                on: d("2026-11-20"),
                responsibility: Responsibility::Partial,
            }],
        }],
        ..history_of("2021-03-01", "2022-01-01", "1.00", "2027-01-01")
    });
    assert_eq!(engine.last().unwrap(), "0.90");
}

#[test]
fn a_suspension_over_three_months_keeps_the_coefficient() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    // Five months in the period 1 November 2023 – 31 October 2024: the 2025 échéance keeps 0.90.
    let s = a
        .contract_suspend(k.id, "2024-02-01", "2024-07-01")
        .unwrap();
    assert_eq!(coefficients(&s), ["1.00", "0.95", "0.90", "0.90", "0.85"]);
    assert_eq!(s.status.as_str(), "en_cours");
}

#[test]
fn bad_input_is_refused_in_french_and_nothing_is_saved() {
    let a = TempAgency::new();
    let c = a.client().id();
    let mut bad = a
        .contract(c)
        .insurer("Assureur")
        .number("X1")
        .dates("2021-03-01", "2021-02-01")
        .no_premiums()
        .draft();
    assert_eq!(
        a.contract_create(&bad).unwrap_err().code,
        "invalid:firstEcheance"
    );
    bad.first_echeance = "2022-02-30".into();
    let e = a.contract_create(&bad).unwrap_err();
    assert_eq!(e.code, "invalid:firstEcheance");
    assert!(e.message.contains("n'existe pas"), "{}", e.message);
    bad.first_echeance = "2022-01-01".into();
    bad.start_coefficient = Some("3,60".into());
    assert_eq!(
        a.contract_create(&bad).unwrap_err().code,
        "invalid:startCoefficient"
    );
    bad.start_coefficient = None;
    bad.client_id = 999;
    assert_eq!(a.contract_create(&bad).unwrap_err().code, "not_found");
    bad.client_id = c;
    let k = a.contract_create(&bad).unwrap();
    assert_eq!(
        a.contract_create(&bad).unwrap_err().code,
        "invalid_operation",
        "same number at the same insurer"
    );
    let claim = |date: &str, kind: &str, resp: &str| {
        a.claim(k.id)
            .on(date)
            .kind(kind)
            .responsibility(resp)
            .try_record()
    };
    assert_eq!(
        claim("2027-01-01", "accident", "full").unwrap_err().code,
        "invalid:occurredOn"
    );
    assert_eq!(
        claim("2020-01-01", "accident", "full").unwrap_err().code,
        "invalid:occurredOn"
    );
    assert_eq!(
        claim("2024-01-01", "meteorite", "full").unwrap_err().code,
        "invalid:kind"
    );
    assert_eq!(
        claim("2024-01-01", "accident", "most").unwrap_err().code,
        "invalid:responsibility"
    );
    assert!(a.contract_get(k.id).unwrap().claims.is_empty());
    assert_eq!(a.contracts_of_client(c).unwrap().len(), 1);
}

#[test]
fn a_terminated_contract_keeps_its_history_and_stops_at_its_last_echeance() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    let t = a
        .contract_terminate(
            k.id,
            "2024-06-30",
            "loi_hamon",
            Some("Changement d'assureur"),
        )
        .unwrap();
    assert_eq!(t.status.as_str(), "resilie");
    assert_eq!(
        coefficients(&t),
        ["1.00", "0.95", "0.90"],
        "échéances of 2022, 2023 and 2024 only"
    );
    assert_eq!(t.coefficient_in_force, "0.90");
    assert!(t.projection.is_none());
    assert_eq!(
        a.contract_terminate(k.id, "2024-06-30", "le voisin", None)
            .unwrap_err()
            .code,
        "invalid:terminatedBy"
    );
}

#[test]
fn a_corrected_claim_keeps_its_earlier_facts_and_the_timeline_tells_the_whole_story() {
    let a = TempAgency::new();
    let client_id = a.client().id();
    let k = a.contract(client_id).create();
    let after = a
        .claim(k.id)
        .on("2025-06-10")
        .full()
        .estimated("1 500,00")
        .record();
    let claim_id = after.claims[0].id;
    // 2025-06-10 counts at the 2026 échéance: 0.85 × 1.25 = 1.06.
    assert_eq!(after.coefficient_in_force, "1.06");
    a.claim_set_status(claim_id, "en_expertise", "2025-06-20", None)
        .unwrap();
    a.claim_amount_add(
        claim_id,
        &AmountDto {
            kind: "reglement".into(),
            amount: "900".into(),
            on_date: "2025-09-01".into(),
            ..Default::default()
        },
    )
    .unwrap();
    a.claim_amount_add(
        claim_id,
        &AmountDto {
            kind: "reglement".into(),
            amount: "300,50".into(),
            on_date: "2025-10-01".into(),
            ..Default::default()
        },
    )
    .unwrap();
    // The insurer's file says 20 November 2025: after 1 November, so it counts at 2027.
    let page = a
        .claim_update(
            claim_id,
            &ClaimUpdate {
                occurred_on: Some("2025-11-20".into()),
                place: Some("Nantes".into()),
                reason: Some("Date corrigée d'après le constat".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(page.claim.paid.as_deref(), Some("1200.50"));
    assert_eq!(page.claim.estimated.as_deref(), Some("1500.00"));
    assert_eq!(page.claim.revisions.len(), 1);
    assert_eq!(
        page.claim.revisions[0].previous["occurred_on"],
        "2025-06-10"
    );
    assert_eq!(
        page.claim.revisions[0].previous["place"],
        serde_json::Value::Null
    );
    assert_eq!(page.claim.occurred_on, "2025-11-20");
    // One source of truth: the engine on the corrected history.
    let engine = engine_coefficients(&DatedHistory {
        claims: vec![DatedClaim {
            id: None,
            date: d("2025-11-20"),
            kind: ClaimKind::Accident,
            responsibility: Responsibility::Full,
            requalifications: vec![],
        }],
        ..history_of("2021-03-01", "2022-01-01", "1.00", "2026-11-24")
    });
    assert_eq!(&page.coefficient_in_force, engine.last().unwrap());
    assert_eq!(page.coefficient_in_force, "0.80");
    assert_eq!(page.next_coefficient.as_deref(), Some("1.00"));
    // A correction that changes nothing is refused; one into the future too; nothing moves.
    let same = a
        .claim_update(
            claim_id,
            &ClaimUpdate {
                place: Some("Nantes".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(same.code, "invalid_operation");
    let future = a
        .claim_update(
            claim_id,
            &ClaimUpdate {
                occurred_on: Some("2027-01-01".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(future.code, "invalid:occurredOn");
    assert_eq!(a.claim_get(claim_id).unwrap().claim.revisions.len(), 1);

    // The client's timeline: every kind of fact, in date order, filterable.
    let all = a
        .client_timeline(client_id, &TimelineQuery::default())
        .unwrap();
    let kinds: std::collections::BTreeSet<&str> =
        all.entries.iter().map(|e| e.kind.as_str()).collect();
    for k in [
        "contrat",
        "sinistre",
        "etat",
        "montant",
        "correction",
        "coefficient",
    ] {
        assert!(kinds.contains(k), "{k} missing from {kinds:?}");
    }
    assert!(all
        .entries
        .windows(2)
        .all(|w| w[0].date[..10] <= w[1].date[..10]));
    let claims_only = a
        .client_timeline(
            client_id,
            &TimelineQuery {
                kinds: vec!["montant".into()],
                from: Some("2025-09-15".into()),
                newest_first: true,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(claims_only.entries.len(), 1);
    assert_eq!(claims_only.entries[0].title, "Règlement : 300,50\u{a0}€");
    assert_eq!(claims_only.total, all.total);
    let coefs: Vec<_> = a
        .contract_timeline(
            k.id,
            &TimelineQuery {
                kinds: vec!["coefficient".into()],
                ..Default::default()
            },
        )
        .unwrap()
        .entries
        .into_iter()
        .map(|e| e.value.unwrap())
        .collect();
    assert_eq!(coefs, ["1.00", "0.95", "0.90", "0.85", "0.80"]);
}

#[test]
fn an_amendment_sets_new_premium_lines_from_its_date_and_keeps_the_old_ones() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    let before = k.next_premium.clone().unwrap().total;
    let r = a
        .contract_avenant(
            k.id,
            &AvenantDraft {
                on_date: "2026-06-01".into(),
                details: "Dommages tous accidents relevés, franchise 300 €".into(),
                premiums: vec![PremiumDraft {
                    guarantee: "Dommages tous accidents".into(),
                    amount: "260,00".into(),
                    modulated: true,
                }],
            },
        )
        .unwrap();
    // 300 + 260 = 560 × 0.76 = 425.60 + 45.50.
    assert_eq!(before, "425.50");
    assert_eq!(r.next_premium.unwrap().total, "471.10");
    assert_eq!(
        r.premiums.len(),
        4,
        "the replaced line stays in the history"
    );
    assert_eq!(r.events.last().unwrap().kind.as_str(), "avenant");
    let err = a
        .contract_avenant(
            k.id,
            &AvenantDraft {
                on_date: "2026-06-01".into(),
                details: " ".into(),
                premiums: vec![],
            },
        )
        .unwrap_err();
    assert_eq!(err.code, "invalid:details");
}

#[test]
fn replacing_the_vehicle_with_other_usual_drivers_loses_the_reduction_at_once() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    assert_eq!(k.coefficient_in_force, "0.80");
    let v = a
        .vehicle(k.id)
        .registration("AB-123-CD")
        .from("2021-03-01")
        .add();
    let new = a
        .vehicle_replace(
            v.id,
            &a.vehicle(k.id)
                .registration("EF-456-GH")
                .from("2026-05-01")
                .draft(),
            false,
        )
        .unwrap();
    assert_eq!(new.registration, "EF-456-GH");
    let after = a.contract_get(k.id).unwrap();
    // The reduction is lost from the replacement: 1.00 now, 0.95 at the 2027 échéance.
    assert_eq!(after.coefficient_in_force, "1.00");
    assert_eq!(after.projection.clone().unwrap().if_nothing_happens, "0.95");
    let old = after.vehicles.iter().find(|x| x.id == v.id).unwrap();
    assert!(
        old.transfer_note
            .as_deref()
            .unwrap()
            .contains("la réduction ne se transfère pas"),
        "{:?}",
        old.transfer_note
    );
    // The engine, on the same dated history, agrees.
    let engine = engine_coefficients(&DatedHistory {
        reductions_lost: vec![d("2026-05-01")],
        ..history_of("2021-03-01", "2022-01-01", "1.00", "2027-01-01")
    });
    assert_eq!(engine.last().unwrap(), "0.95");
    // The same replacement with the same drivers keeps the reduction.
    let b = TempAgency::new();
    let k2 = b.contract(b.client().id()).create();
    let v2 = b
        .vehicle(k2.id)
        .registration("AB-123-CD")
        .from("2021-03-01")
        .add();
    b.vehicle_replace(
        v2.id,
        &b.vehicle(k2.id)
            .registration("EF-456-GH")
            .from("2026-05-01")
            .draft(),
        true,
    )
    .unwrap();
    assert_eq!(b.contract_get(k2.id).unwrap().coefficient_in_force, "0.80");
    // Adding a second vehicle for other usual drivers loses the reduction too (R16).
    b.vehicle(k2.id)
        .registration("JK-789-LM")
        .from("2026-06-01")
        .other_drivers()
        .add();
    let added = b.contract_get(k2.id).unwrap();
    assert_eq!(added.coefficient_in_force, "1.00");
    assert!(added.vehicles.iter().any(|v| v.other_drivers));
}

#[test]
fn correcting_a_contract_vehicle_or_driver_keeps_what_it_replaced() {
    let a = TempAgency::new();
    let client_id = a.client().id();
    let k = a.contract(client_id).create();
    assert_eq!(k.coefficient_in_force, "0.80");
    // The contract really started a year earlier, from a relevé at 0.85: recomputed at once.
    let fixed = a
        .contract_update(
            k.id,
            &courtier_app::ContractUpdate {
                subscription_date: Some("2020-03-01".into()),
                first_echeance: Some("2021-01-01".into()),
                start_coefficient: Some("0,85".into()),
                reason: Some("Dates reprises du contrat signé".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(fixed.subscription_date, "2020-03-01");
    assert_eq!(fixed.revisions.len(), 1);
    assert_eq!(
        fixed.revisions[0].previous["subscription_date"],
        "2021-03-01"
    );
    assert_eq!(fixed.revisions[0].previous["start_coefficient"], 100);
    let engine = engine_coefficients(&history_of(
        "2020-03-01",
        "2021-01-01",
        "0.85",
        "2026-11-24",
    ));
    assert_eq!(&fixed.coefficient_in_force, engine.last().unwrap());
    // Impossible dates are refused in French and change nothing.
    let bad = a
        .contract_update(
            k.id,
            &courtier_app::ContractUpdate {
                first_echeance: Some("2019-01-01".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(bad.code, "invalid:firstEcheance");
    assert_eq!(a.contract_get(k.id).unwrap().revisions.len(), 1);

    let v = a
        .vehicle(k.id)
        .registration("AB-123-CD")
        .from("2021-03-01")
        .add();
    let v2 = a
        .vehicle_update(
            v.id,
            &courtier_app::VehicleUpdate {
                registration: Some("ab-123-ce".into()),
                make: Some("Renault".into()),
                reason: Some("Faute de frappe".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(v2.registration, "AB-123-CE");
    assert_eq!(v2.revisions[0].previous["registration"], "AB-123-CD");
    let dr = a.driver(k.id).role("secondaire").from("2021-03-01").add();
    let ended = a
        .driver_update(
            dr.id,
            &courtier_app::DriverUpdate {
                to_date: Some("2026-09-01".into()),
                reason: Some("Ne conduit plus le véhicule".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(ended.to_date.as_deref(), Some("2026-09-01"));
    assert_eq!(ended.revisions.len(), 1);
    // Every correction is on the timeline.
    let t = a
        .contract_timeline(
            k.id,
            &TimelineQuery {
                kinds: vec!["correction".into()],
                ..Default::default()
            },
        )
        .unwrap();
    let titles: Vec<_> = t.entries.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Conditions du contrat corrigées",
            "Véhicule AB-123-CE corrigé",
            "Conducteur Bénard : désignation corrigée"
        ]
    );
}

#[test]
fn a_novice_driver_and_three_responsible_claims_surcharge_the_next_premium() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    assert_eq!(k.next_premium.clone().unwrap().total, "425.50");
    // A young driver, licensed in May 2025, named from June 2025: one claim-free year by the
    // 2027 échéance, so 50 % (A121-1-1): 500 × 1.5 × 0.76 = 570 + 45.50.
    a.driver(k.id)
        .role("secondaire")
        .name("Tom", "Bénard")
        .licensed("2025-05-01")
        .from("2025-06-01")
        .add();
    let p = a.contract_get(k.id).unwrap().next_premium.unwrap();
    assert_eq!(p.novice_rate, "50");
    assert_eq!(p.novice_amount, "250.00");
    assert_eq!(p.total, "615.50");
    // Three responsible claims in the period closing on 1 November 2026 (A121-1-2: 50 %), on
    // top of 0.80 × 1.25 × 1.25 × 1.25 = 1.56 and the novice rate back to 100 % (a responsible
    // claim in its second year): 500 × 2 × 1.56 + 500 × 0.5 + 45.50.
    for day in ["2026-01-10", "2026-02-10", "2026-03-10"] {
        a.claim(k.id).on(day).full().record();
    }
    let r = a.contract_get(k.id).unwrap();
    assert_eq!(r.projection.unwrap().if_nothing_happens, "1.56");
    let p = r.next_premium.unwrap();
    assert_eq!(p.novice_rate, "100");
    assert_eq!(p.surcharges.len(), 1);
    assert_eq!(p.surcharges[0].rate, "50");
    assert_eq!(p.surcharges[0].amount, "250.00");
    assert_eq!(p.total, "1855.50");
}

#[test]
fn the_exchange_log_is_anchored_outside_the_file() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    let r = a.claim(k.id).on("2026-05-02").not_responsible().record();
    let claim_id = r.claims[0].id;
    for summary in ["Appel de l'assuré", "Constat reçu"] {
        a.claim_communication_add(
            claim_id,
            &courtier_app::CommunicationDto {
                at: "2026-05-03T10:00".into(),
                channel: "telephone".into(),
                direction: "entrant".into(),
                summary: summary.into(),
                ..Default::default()
            },
        )
        .unwrap();
    }
    let path = a.path().join(courtier_app::EXCHANGE_ANCHOR_FILE);
    let anchor: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(anchor["count"], 2);
    assert_eq!(a.integrity_check().unwrap(), ["ok"]);
    // An anchor that says more entries than the log holds: entries were removed from its end.
    let mut more = anchor.clone();
    more["count"] = 3.into();
    std::fs::write(&path, more.to_string()).unwrap();
    let lines = a.integrity_check().unwrap();
    assert!(
        lines[0].contains("ont disparu de la fin du journal"),
        "{lines:?}"
    );
    std::fs::write(&path, "pas du json").unwrap();
    assert!(a.integrity_check().unwrap()[0].contains("illisible"));
}
