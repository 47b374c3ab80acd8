//! Use cases of relevés d'information (R17, R18) on a temp agency.
#![allow(clippy::unwrap_used)]

use courtier_journeys::TempAgency;

/// A complete relevé issued on `issued`, stating `coefficient` at `last_echeance`, stopped on
/// `stopped`, with `claims` (a JSON array).
fn releve(
    issued: &str,
    coefficient: &str,
    last_echeance: &str,
    stopped: &str,
    claims: &str,
) -> String {
    format!(
        r#"{{ "issued_on": "{issued}", "issuer": "Assurances du Rhône", "contract_number": "RH-1",
      "subscription_date": "2019-04-01", "registration": "AB-123-CD", "usage": "standard",
      "policyholder": {{ "last_name": "Martin", "first_name": "Anne", "birth_date": "1980-05-02",
                        "licence_number": "12AB34567", "licence_date": "1999-06-10" }},
      "drivers": [], "claims": {claims},
      "coefficient": "{coefficient}", "last_echeance": "{last_echeance}", "stopped_on": "{stopped}",
      "termination_reason": "Loi Hamon" }}"#
    )
}

#[test]
fn nine_claim_free_months_after_the_last_period_give_one_reduction() {
    let a = TempAgency::new();
    let c = a.client().id();
    // Last period ended 1 February 2025 (échéance − 2 months); cover until 31 August 2026:
    // more than 9 months, 0.80 × 0.95 = 0.76.
    let r = a
        .releve_record(
            c,
            &releve("2026-09-10", "0.80", "2025-04-01", "2026-08-31", "[]"),
        )
        .unwrap();
    assert_eq!(r.start_coefficient.as_deref(), Some("0.76"));
    assert_eq!(r.inconsistency, None);
    assert!(r.missing_fields.is_empty(), "{:?}", r.missing_fields);
    assert!(!r.steps.is_empty());
}

#[test]
fn fewer_than_nine_months_give_no_reduction() {
    let a = TempAgency::new();
    let c = a.client().id();
    // Last period ended 1 February 2026; stopped 31 August 2026: 7 months.
    let r = a
        .releve_record(
            c,
            &releve("2026-09-10", "0.80", "2026-04-01", "2026-08-31", "[]"),
        )
        .unwrap();
    assert_eq!(r.start_coefficient.as_deref(), Some("0.80"));
}

#[test]
fn a_claim_after_the_last_period_is_majorated_without_reduction() {
    let a = TempAgency::new();
    let c = a.client().id();
    let claims = r#"[ { "date": "2025-06-01", "kind": "accident", "responsibility": "full",
                        "driver": "Anne Martin", "open": false } ]"#;
    let r = a
        .releve_record(
            c,
            &releve("2026-09-10", "0.80", "2025-04-01", "2026-08-31", claims),
        )
        .unwrap();
    // 0.80 × 1.25 = 1.00, and no reduction in a claim year (R6).
    assert_eq!(r.start_coefficient.as_deref(), Some("1.00"));
}

#[test]
fn before_the_eu_template_the_contract_number_is_not_required() {
    let a = TempAgency::new();
    let c = a.client().id();
    let before = releve("2025-06-01", "0.80", "2025-04-01", "2025-05-31", "[]")
        .replace("\"contract_number\": \"RH-1\",", "");
    let r = a.releve_record(c, &before).unwrap();
    assert!(r.missing_fields.is_empty(), "{:?}", r.missing_fields);
    let after = releve("2025-07-24", "0.80", "2025-04-01", "2025-07-20", "[]")
        .replace("\"contract_number\": \"RH-1\",", "");
    let r = a.releve_record(c, &after).unwrap();
    assert_eq!(r.missing_fields, ["numéro de contrat"]);
}

#[test]
fn an_unreadable_relevé_is_refused_with_its_own_code() {
    let a = TempAgency::new();
    let c = a.client().id();
    let e = a.releve_record(c, "{ pas un relevé").unwrap_err();
    assert_eq!(e.code, "invalid:releve");
    assert!(e.message.contains("Relevé illisible"), "{}", e.message);
}

/// R17 (issue 9, item 5): a relevé at 1.12 whose last period was claim-free, then eleven
/// claim-free months: the reduction 1.12 × 0.95 → 1.06 closes a second claim-free period, so the
/// two-year rule gives 1.00 (before: 1.06, the streak was lost). The contract created from it
/// starts with the coefficient and the counters.
#[test]
fn the_claim_free_streak_comes_with_the_insured() {
    let a = TempAgency::new();
    let c = a.client().id();
    let claims = r#"[ { "date": "2023-06-01", "kind": "accident", "responsibility": "full", "driver": "Anne Martin", "open": false } ]"#;
    let r = a
        .releve_record(
            c,
            &releve("2026-01-10", "1.12", "2025-04-01", "2025-12-31", claims),
        )
        .unwrap();
    assert_eq!(
        r.start_coefficient.as_deref(),
        Some("1.00"),
        "{:?}",
        r.steps
    );
    assert_eq!(r.start_claim_free_streak, Some(2));
    assert_eq!(r.start_periods_at_floor, Some(0));
    let mut d = a
        .contract(c)
        .dates("2026-01-01", "2027-01-01")
        .start_coefficient(r.start_coefficient.as_deref().unwrap())
        .draft();
    d.start_claim_free_streak = r.start_claim_free_streak;
    d.start_periods_at_floor = r.start_periods_at_floor;
    let k = a.contract_create(&d).unwrap();
    assert_eq!(k.start_coefficient, "1.00");
    assert_eq!(k.claim_free_streak, 2);
}

/// R17: a relevé at 0.50 that states since when (`at_floor_since`) brings the periods at 0.50
/// it proves, so the first claim on the new contract is forgiven (0.50, not 0.62).
#[test]
fn a_releve_at_the_floor_since_a_date_protects_the_first_claim() {
    let a = TempAgency::new();
    let c = a.client().id();
    let doc = releve("2025-12-10", "0.50", "2025-04-01", "2025-11-30", "[]").replace(
        r#""termination_reason""#,
        r#""at_floor_since": "2021-04-01", "termination_reason""#,
    );
    let r = a.releve_record(c, &doc).unwrap();
    // Four years at 0.50, claim-free, then the R17 step (9 months claim-free) adds a fifth.
    assert_eq!(r.start_coefficient.as_deref(), Some("0.50"));
    assert_eq!(r.start_periods_at_floor, Some(5), "{:?}", r.steps);
    assert_eq!(r.start_claim_free_streak, Some(6));
    let draft = |paf: Option<u32>| {
        let mut d = a
            .contract(c)
            .dates("2025-12-01", "2026-12-01")
            .start_coefficient("0,50")
            .draft();
        d.start_claim_free_streak = r.start_claim_free_streak;
        d.start_periods_at_floor = paf;
        d
    };
    let k = a.contract_create(&draft(r.start_periods_at_floor)).unwrap();
    assert!(k.protection_active);
    let after = a.claim(k.id).on("2026-03-01").full().record();
    assert_eq!(after.projection.unwrap().if_nothing_happens, "0.50");
    // Without the counters: 0.50 × 1.25 = 0.625 → 0.62.
    let k = a.contract_create(&draft(None)).unwrap();
    let after = a.claim(k.id).on("2026-03-01").full().record();
    assert_eq!(after.projection.unwrap().if_nothing_happens, "0.62");
    // Periods at 0.50 with another start coefficient are refused.
    let mut bad = draft(Some(3));
    bad.start_coefficient = Some("0,80".into());
    assert_eq!(
        a.contract_create(&bad).unwrap_err().code,
        "invalid:startPeriodsAtFloor"
    );
}

#[test]
fn a_relevé_entered_is_listed_on_the_record_and_the_timeline_and_reopens_its_result() {
    let a = TempAgency::new();
    let c = a.client().id();
    let first = a
        .releve_record(
            c,
            &releve("2026-09-10", "0.80", "2025-04-01", "2026-08-31", "[]"),
        )
        .unwrap();
    let second = a
        .releve_record(
            c,
            &releve("2026-10-02", "0.80", "2026-04-01", "2026-08-31", "[]"),
        )
        .unwrap();
    let list = a.releves_of_client(c).unwrap();
    // Most recent first, with the date, the insurer, the stated coefficient and the counters.
    assert_eq!(
        list.iter().map(|r| r.id).collect::<Vec<_>>(),
        [second.id, first.id]
    );
    let r = &list[1];
    assert_eq!(r.issued_on, "2026-09-10");
    assert_eq!(r.issuer.as_deref(), Some("Assurances du Rhône"));
    assert_eq!(r.coefficient.as_deref(), Some("0.80"));
    assert_eq!(r.claims, 0);
    // Its result is the one shown when it was entered.
    assert_eq!(r.result, first);
    assert_eq!(a.releve_get(first.id).unwrap().result, first);
    assert_eq!(a.releve_get(second.id).unwrap().result, second);
    // On the timeline, each relevé is an entry that names it.
    let tl = a
        .client_timeline(c, &courtier_app::TimelineQuery::default())
        .unwrap();
    let entries: Vec<_> = tl.entries.iter().filter(|e| e.kind == "releve").collect();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0].releve_id, Some(first.id));
    assert_eq!(entries[0].date, "2026-09-10");
    assert_eq!(entries[0].contract_id, None);
    assert!(
        entries[0].title.contains("Assurances du Rhône"),
        "{}",
        entries[0].title
    );
    assert!(entries[0].title.contains("0,80"), "{}", entries[0].title);
    // Filtered out with the other kinds, or by a contract.
    let only = courtier_app::TimelineQuery {
        kinds: vec!["contrat".into()],
        ..Default::default()
    };
    assert!(a.client_timeline(c, &only).unwrap().entries.is_empty());
    // Another client has none; an unknown relevé is refused.
    let other = a.client().name("Tom", "Roux").id();
    assert!(a.releves_of_client(other).unwrap().is_empty());
    assert_eq!(
        a.releve_get(9_999).unwrap_err().code,
        courtier_app::ErrorCode::NotFound
    );
}
