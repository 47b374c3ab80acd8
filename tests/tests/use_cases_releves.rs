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
