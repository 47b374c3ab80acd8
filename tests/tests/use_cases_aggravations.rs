//! Aggravating circumstances (A121-1-2) recorded on claims and drivers, on a temp agency whose
//! clock says 24 November 2026. The default contract: first échéance 1 January, reference
//! premium 500 € modulated + 45,50 € not; the next échéance is 1 January 2027.
#![allow(clippy::unwrap_used)]

use courtier_app::AggravationDraft;
use courtier_journeys::TempAgency;

fn draft(fact: &str) -> AggravationDraft {
    AggravationDraft {
        fact: fact.into(),
        ..Default::default()
    }
}

#[test]
fn alcohol_and_the_suspension_it_caused_charge_the_higher_until_two_years_after_the_next_echeance()
{
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create().id;
    let driver = a.driver(k).licensed("2001-09-01").add().id;
    let claim = a.claim(k).on("2026-03-10").full().driver(driver).id();
    // 0.80 × 1.25 = 1.00 at 1 January 2027: 500,00 + 45,50 without surcharge.
    assert_eq!(
        a.contract_get(k).unwrap().next_premium.unwrap().total,
        "545.50"
    );

    let page = a
        .claim_aggravation_add(
            claim,
            &AggravationDraft {
                note: Some("Procès-verbal de gendarmerie".into()),
                ..draft("alcohol")
            },
        )
        .unwrap();
    assert_eq!(page.aggravations.len(), 1);
    let alcohol = &page.aggravations[0];
    // The claim's date by default; the surcharge ends two years after 1 January 2027.
    assert_eq!(alcohol.event_date, "2026-03-10");
    assert_eq!(alcohol.until.as_deref(), Some("2029-01-01"));
    assert_eq!(alcohol.rate, "150");
    let alcohol = alcohol.id;

    let p = a.contract_get(k).unwrap().next_premium.unwrap();
    assert_eq!(p.surcharges.len(), 1);
    let s = &p.surcharges[0];
    assert_eq!((s.rate.as_str(), s.amount.as_str()), ("150", "750.00"));
    assert_eq!(s.until, "2029-01-01");
    assert_eq!(s.aggravation_id, Some(alcohol));
    assert_eq!(s.fact.as_deref(), Some("sinistre n° 1 du 10/03/2026"));
    assert!(!s.capped && !p.surcharges_capped);
    assert_eq!(p.total, "1295.50");

    // The suspension of eight months it caused: 100 % < 150 %, only the alcohol is charged.
    let r = a
        .driver_aggravation_add(
            driver,
            &AggravationDraft {
                on_date: Some("2026-04-01".into()),
                suspension_months: Some(8),
                caused_by: Some(alcohol),
                ..draft("suspension")
            },
        )
        .unwrap();
    let p = r.next_premium.unwrap();
    assert_eq!(p.surcharges.len(), 1);
    assert_eq!(p.surcharges[0].rate, "150");
    assert!(p.surcharges[0]
        .note
        .as_deref()
        .unwrap()
        .contains("une seule majoration, la plus élevée"));
    assert_eq!(p.total, "1295.50");
    // The note explains it: the fact, the article, until when, the higher path.
    assert!(r.note.contains("art. A121-1-2"), "{}", r.note);
    assert!(
        r.note.contains("jusqu'à l'échéance du 01/01/2029"),
        "{}",
        r.note
    );
    assert!(r.note.contains("non comptée"), "{}", r.note);
    let suspension = r.aggravations[1].id;
    assert_eq!(a.driver_aggravations(driver).unwrap().len(), 1);

    // Withdrawn (recorded by mistake): the suspension is charged alone, then nothing.
    let r = a.aggravation_withdraw(alcohol, "Contrôle négatif").unwrap();
    let p = r.next_premium.unwrap();
    assert_eq!(p.surcharges.len(), 1);
    assert_eq!(
        p.surcharges[0].label,
        "suspension du permis de plus de 6 mois"
    );
    assert_eq!(p.total, "1045.50");
    assert_eq!(
        r.aggravations[0].withdrawn.as_ref().unwrap().reason,
        "Contrôle négatif"
    );
    let r = a
        .aggravation_withdraw(suspension, "Jugement annulé")
        .unwrap();
    let p = r.next_premium.unwrap();
    assert!(p.surcharges.is_empty());
    assert_eq!(p.total, "545.50");
    // The history keeps both facts.
    assert_eq!(r.aggravations.len(), 2);
    assert!(r.aggravations.iter().all(|x| x.withdrawn.is_some()));
    // Withdrawing twice is refused.
    assert!(a.aggravation_withdraw(suspension, "Encore").is_err());
}

#[test]
fn the_sum_is_capped_at_400_percent_and_the_notice_says_so() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create().id;
    let driver = a.driver(k).licensed("2001-09-01").add().id;
    let claim = a.claim(k).on("2026-02-01").full().id();
    a.claim_aggravation_add(claim, &draft("hit_and_run"))
        .unwrap();
    for (fact, on) in [
        ("cancellation", "2026-03-01"),
        ("non_declaration", "2026-05-01"),
    ] {
        a.driver_aggravation_add(
            driver,
            &AggravationDraft {
                on_date: Some(on.into()),
                ..draft(fact)
            },
        )
        .unwrap();
    }
    let r = a
        .driver_aggravation_add(
            driver,
            &AggravationDraft {
                suspension_from: Some("2026-06-01".into()),
                suspension_to: Some("2026-09-15".into()),
                ..draft("suspension")
            },
        )
        .unwrap();
    // 100 + 200 + 100 = 400; the suspension (50 %, by its dates) is absorbed by the cap.
    let p = r.next_premium.unwrap();
    let rates: Vec<_> = p.surcharges.iter().map(|s| s.rate.as_str()).collect();
    assert_eq!(rates, ["100", "200", "100", "0"]);
    assert!(p.surcharges_capped && p.surcharges[3].capped);
    assert_eq!(p.surcharges[3].full_rate, "50");
    assert_eq!(r.aggravations[3].event_date, "2026-06-01");
    assert!(r.note.contains("(plafonné à 400 %)"), "{}", r.note);
    // 500 × 1.00 + 500 × 4 + 45,50.
    assert_eq!(p.total, "2545.50");
}

#[test]
fn refusals_leave_the_file_unchanged() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create().id;
    let driver = a
        .driver(k)
        .birth_date("1980-05-05")
        .licensed("2001-09-01")
        .add()
        .id;
    let not_responsible = a.claim(k).on("2026-03-03").not_responsible().id();
    let responsible = a.claim(k).on("2026-04-04").partial().id();
    let before = a.contract_get(k).unwrap();
    let claim_cases: Vec<(i64, AggravationDraft, &str)> = vec![
        (not_responsible, draft("alcohol"), "invalid:fact"),
        (responsible, draft("suspension"), "invalid:fact"),
        (responsible, draft("ivresse"), "invalid:fact"),
        (
            responsible,
            AggravationDraft {
                on_date: Some("2026-04-01".into()),
                ..draft("alcohol")
            },
            "invalid:onDate",
        ),
        (
            responsible,
            AggravationDraft {
                on_date: Some("2026-12-01".into()),
                ..draft("hit_and_run")
            },
            "invalid:onDate",
        ),
    ];
    for (claim, d, code) in claim_cases {
        let e = a.claim_aggravation_add(claim, &d).unwrap_err();
        assert_eq!(e.code, code, "{d:?}: {}", e.message);
    }
    let e = a
        .claim_aggravation_add(not_responsible, &draft("alcohol"))
        .unwrap_err();
    assert!(e.message.contains("n'est pas responsable"), "{}", e.message);
    let on = |d: &str| Some(d.to_string());
    let driver_cases: Vec<(AggravationDraft, &str)> = vec![
        (draft("alcohol"), "invalid:fact"),
        (
            AggravationDraft {
                on_date: on("2026-01-01"),
                suspension_months: Some(1),
                ..draft("suspension")
            },
            "invalid:suspensionMonths",
        ),
        (
            AggravationDraft {
                on_date: on("2026-01-01"),
                ..draft("suspension")
            },
            "invalid:suspensionMonths",
        ),
        (
            AggravationDraft {
                on_date: on("2026-01-01"),
                suspension_months: Some(3),
                suspension_from: on("2026-01-01"),
                suspension_to: on("2026-05-01"),
                ..draft("suspension")
            },
            "invalid:suspensionMonths",
        ),
        (
            AggravationDraft {
                suspension_from: on("2026-05-01"),
                suspension_to: on("2026-04-01"),
                ..draft("suspension")
            },
            "invalid:suspensionTo",
        ),
        (
            AggravationDraft {
                on_date: on("2000-01-01"),
                ..draft("cancellation")
            },
            "invalid:onDate",
        ),
        (
            AggravationDraft {
                on_date: on("1979-01-01"),
                ..draft("non_declaration")
            },
            "invalid:onDate",
        ),
        (draft("non_declaration"), "invalid:onDate"),
        (
            AggravationDraft {
                on_date: on("2026-06-01"),
                caused_by: Some(1),
                ..draft("non_declaration")
            },
            "invalid:causedBy",
        ),
    ];
    for (d, code) in driver_cases {
        let e = a.driver_aggravation_add(driver, &d).unwrap_err();
        assert_eq!(e.code, code, "{d:?}: {}", e.message);
    }
    let e = a.aggravation_withdraw(1, "  ").unwrap_err();
    assert_eq!(e.code, "invalid:reason");
    assert_eq!(a.contract_get(k).unwrap(), before);
    assert!(before.aggravations.is_empty());
}

#[test]
fn a_requalified_claim_no_longer_carries_its_alcohol_surcharge() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create().id;
    let claim = a.claim(k).on("2026-03-10").full().id();
    a.claim_aggravation_add(claim, &draft("alcohol")).unwrap();
    assert_eq!(
        a.contract_get(k)
            .unwrap()
            .next_premium
            .unwrap()
            .surcharges
            .len(),
        1
    );
    let r = a
        .claim_requalify(claim, "none", "2026-06-01", Some("Rapport d'expert"))
        .unwrap();
    assert!(r.next_premium.unwrap().surcharges.is_empty());
    // The fact stays on the claim.
    assert_eq!(r.aggravations.len(), 1);
    assert!(r.aggravations[0].withdrawn.is_none());
}

#[test]
fn a_claim_cannot_be_moved_after_its_aggravating_fact() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create().id;
    let claim = a.claim(k).on("2026-03-10").full().id();
    a.claim_aggravation_add(claim, &draft("hit_and_run"))
        .unwrap();
    let before = a.contract_get(k).unwrap();
    let e = a
        .claim_update(
            claim,
            &courtier_app::ClaimUpdate {
                occurred_on: Some("2026-03-12".into()),
                reason: Some("Date erronée".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(e.code, "invalid:occurredOn");
    assert!(e.message.contains("10/03/2026"), "{}", e.message);
    assert_eq!(a.contract_get(k).unwrap(), before);
    // Earlier is fine.
    a.claim_update(
        claim,
        &courtier_app::ClaimUpdate {
            occurred_on: Some("2026-03-09".into()),
            reason: Some("Date erronée".into()),
            ..Default::default()
        },
    )
    .unwrap();
}

#[test]
fn a_fact_after_the_termination_is_refused() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create().id;
    let driver = a.driver(k).licensed("2001-09-01").add().id;
    a.contract_terminate(k, "2026-06-30", "client", None)
        .unwrap();
    let e = a
        .driver_aggravation_add(
            driver,
            &AggravationDraft {
                on_date: Some("2026-07-15".into()),
                ..draft("cancellation")
            },
        )
        .unwrap_err();
    assert_eq!(e.code, "invalid:onDate");
    assert!(e.message.contains("résilié"), "{}", e.message);
}

#[test]
fn the_timeline_shows_each_fact_and_its_withdrawal() {
    let a = TempAgency::new();
    let c = a.client().id();
    let k = a.contract(c).create().id;
    let driver = a
        .driver(k)
        .name("Luc", "Morel")
        .licensed("2001-09-01")
        .add()
        .id;
    let r = a
        .driver_aggravation_add(
            driver,
            &AggravationDraft {
                on_date: Some("2026-05-01".into()),
                note: Some("Décision préfectorale".into()),
                ..draft("cancellation")
            },
        )
        .unwrap();
    a.aggravation_withdraw(r.aggravations[0].id, "Jugement annulé")
        .unwrap();
    let t = a
        .client_timeline(
            c,
            &courtier_app::TimelineQuery {
                kinds: vec!["aggravation".into()],
                ..Default::default()
            },
        )
        .unwrap();
    let titles: Vec<_> = t.entries.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Circonstance aggravante : Annulation du permis (conducteur Luc Morel), 200 %",
            "Circonstance aggravante retirée : Annulation du permis (conducteur Luc Morel)",
        ]
    );
    assert_eq!(t.entries[0].date, "2026-05-01");
    assert_eq!(
        t.entries[0].detail.as_deref(),
        Some("Décision préfectorale")
    );
    assert_eq!(t.entries[1].detail.as_deref(), Some("Jugement annulé"));
}
