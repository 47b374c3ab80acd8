//! Dated facts checked against the claim's and the contract's dates and today, free texts
//! bounded and cleaned of control and bidirectional characters, relevés within their limits:
//! each input refused with its field and French message, and the agency file unchanged after
//! each refusal. The clock says 24 November 2026; the default contract was subscribed on
//! 1 March 2021.
#![allow(clippy::unwrap_used)]

use courtier_app::{AmountDto, AppError, ClaimUpdate, CommunicationDto, PartyDto};
use courtier_journeys::TempAgency;

/// The agency file's bytes, its write-ahead log included: what a refusal must leave as it was.
fn files(a: &TempAgency) -> Vec<u8> {
    let mut bytes = std::fs::read(a.path().join("agence.courtier")).unwrap();
    if let Ok(wal) = std::fs::read(a.path().join("agence.courtier-wal")) {
        bytes.extend(wal);
    }
    bytes
}

/// Asserts `r` is a refusal of `field` whose message holds `says`, and the file unchanged.
#[track_caller]
fn refused<T: std::fmt::Debug>(
    a: &TempAgency,
    before: &[u8],
    r: Result<T, AppError>,
    field: &str,
    says: &str,
) {
    let e = r.unwrap_err();
    assert_eq!(e.code.to_string(), format!("invalid:{field}"), "{e:?}");
    assert!(
        e.message.contains(says),
        "« {says} » not in « {} »",
        e.message
    );
    assert!(
        files(a) == before,
        "the agency file changed after refusing: {}",
        e.message
    );
}

fn agency() -> (TempAgency, i64, i64) {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create().id;
    let claim = a.claim(k).on("2026-03-10").full().id();
    (a, k, claim)
}

#[test]
fn a_claim_outside_its_contract_s_life_is_refused() {
    let a = TempAgency::new();
    let t = a.contract(a.client().id()).number("T-1").create().id;
    a.contract_terminate(t, "2025-06-30", "client", None)
        .unwrap();
    let before = files(&a);
    refused(
        &a,
        &before,
        a.claim(t).on("2026-01-15").full().try_record(),
        "occurredOn",
        "résilié depuis le 30/06/2025",
    );
    refused(
        &a,
        &before,
        a.claim(t).on("2020-01-15").full().try_record(),
        "occurredOn",
        "précède la souscription",
    );
    // The day before the termination is covered.
    a.claim(t).on("2025-06-29").full().record();
}

#[test]
fn facts_of_a_claim_dated_before_it_or_after_today_are_refused() {
    let (a, _, claim) = agency();
    let before = files(&a);
    for (on, says) in [
        ("2099-01-01", "dans le futur"),
        ("2026-03-09", "précède le sinistre, survenu le 10/03/2026"),
    ] {
        refused(
            &a,
            &before,
            a.claim_requalify(claim, "none", on, None),
            "foundOn",
            says,
        );
        refused(
            &a,
            &before,
            a.claim_set_status(claim, "en_expertise", on, None),
            "onDate",
            says,
        );
        let amount = AmountDto {
            kind: "reglement".into(),
            amount: "1 200,00".into(),
            on_date: on.into(),
            ..Default::default()
        };
        refused(
            &a,
            &before,
            a.claim_amount_add(claim, &amount),
            "onDate",
            says,
        );
    }
    let exchange = CommunicationDto {
        at: "2099-01-01T10:00".into(),
        channel: "telephone".into(),
        direction: "entrant".into(),
        summary: "Appel de l'expert".into(),
        ..Default::default()
    };
    refused(
        &a,
        &before,
        a.claim_communication_add(claim, &exchange),
        "at",
        "dans le futur",
    );
    // On the claim's day and today, accepted.
    a.claim_requalify(claim, "none", "2026-11-24", None)
        .unwrap();
    a.claim_set_status(claim, "en_expertise", "2026-03-10", None)
        .unwrap();
}

#[test]
fn drivers_vehicles_and_contracts_with_impossible_dates_are_refused() {
    let a = TempAgency::new();
    let client = a.client().id();
    let k = a.contract(client).create().id;
    let before = files(&a);
    refused(
        &a,
        &before,
        a.driver(k).birth_date("2099-05-01").try_add(),
        "birthDate",
        "dans le futur",
    );
    refused(
        &a,
        &before,
        a.driver(k).birth_date("1890-05-01").try_add(),
        "birthDate",
        "plus de 120 ans",
    );
    refused(
        &a,
        &before,
        a.driver(k).birth_date("2015-05-01").try_add(),
        "birthDate",
        "moins de 15 ans",
    );
    refused(
        &a,
        &before,
        a.vehicle(k).from("2020-01-01").try_add(),
        "fromDate",
        "avant sa souscription du 01/03/2021",
    );
    refused(
        &a,
        &before,
        a.contract(client)
            .number("X-1900")
            .dates("1900-01-01", "1900-06-01")
            .try_create(),
        "subscriptionDate",
        "plus de 50 ans",
    );
    refused(
        &a,
        &before,
        a.contract(client)
            .number("X-2099")
            .dates("2099-01-01", "2099-06-01")
            .try_create(),
        "subscriptionDate",
        "plus de 12 mois",
    );
}

#[test]
fn a_termination_before_the_end_of_a_recorded_suspension_is_refused() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create().id;
    a.contract_suspend(k, "2026-05-01", "2026-07-01").unwrap();
    let before = files(&a);
    refused(
        &a,
        &before,
        a.contract_terminate(k, "2026-06-01", "client", None),
        "onDate",
        "Une suspension court du 01/05/2026 au 01/07/2026",
    );
    a.contract_terminate(k, "2026-07-01", "client", None)
        .unwrap();
}

#[test]
fn free_texts_are_bounded_and_keep_no_control_or_bidi_character() {
    let (a, k, claim) = agency();
    let other = a.client().id();
    let before = files(&a);
    let long = "x".repeat(100_000);
    refused(
        &a,
        &before,
        a.claim(k).on("2026-04-01").description(&long).try_record(),
        "description",
        "dépasse 5000 caractères",
    );
    refused(
        &a,
        &before,
        a.claim(k)
            .on("2026-04-01")
            .place("Rue\u{1b}[2J")
            .try_record(),
        "place",
        "caractère de contrôle (U+001B)",
    );
    let update = ClaimUpdate {
        description: Some("Choc\u{202E}arrière".into()),
        ..Default::default()
    };
    refused(
        &a,
        &before,
        a.claim_update(claim, &update),
        "description",
        "U+202E",
    );
    let exchange = CommunicationDto {
        at: "2026-04-01".into(),
        channel: "telephone".into(),
        direction: "entrant".into(),
        summary: long.clone(),
        ..Default::default()
    };
    refused(
        &a,
        &before,
        a.claim_communication_add(claim, &exchange),
        "summary",
        "dépasse 5000 caractères",
    );
    let party = PartyDto {
        role: "expert".into(),
        name: "Cabinet\u{1b}[31m Expert".into(),
        ..Default::default()
    };
    refused(
        &a,
        &before,
        a.claim_party_add(claim, &party),
        "name",
        "U+001B",
    );
    refused(
        &a,
        &before,
        a.driver(k).name("Léa", "Martin\u{2066}").try_add(),
        "lastName",
        "U+2066",
    );
    refused(
        &a,
        &before,
        a.contract(other).number("N\u{1b}1").try_create(),
        "number",
        "U+001B",
    );
    refused(
        &a,
        &before,
        a.contract(other).insurer("Assur\u{202D}eur").try_create(),
        "insurer",
        "U+202D",
    );
    refused(
        &a,
        &before,
        a.contract_terminate(k, "2026-10-01", "client", Some("Motif\u{7}")),
        "reason",
        "U+0007",
    );
    let insurer = courtier_app::InsurerDraft {
        name: Some("Assureur\u{1b}[2J".into()),
        ..Default::default()
    };
    refused(&a, &before, a.insurer_create(&insurer), "name", "U+001B");
    let client = courtier_domain::client::ClientDraft {
        kind: "person".into(),
        last_name: Some("Dupont\u{202E}".into()),
        status: "prospect".into(),
        ..Default::default()
    };
    refused(&a, &before, a.client_create(&client), "lastName", "U+202E");
    // A description of several lines is kept as typed.
    let r = a
        .claim(k)
        .on("2026-04-02")
        .description("Choc à l'arrière.\nConstat amiable signé.")
        .record();
    assert!(r
        .claims
        .iter()
        .any(|c| c.description.as_deref() == Some("Choc à l'arrière.\nConstat amiable signé.")));
}

#[test]
fn a_releve_too_large_too_deep_or_with_too_many_claims_is_refused() {
    let a = TempAgency::new();
    let c = a.client().id();
    let before = files(&a);
    let claim = r#"{ "date": "2025-01-10", "kind": "accident", "responsibility": "full" }"#;
    let many = vec![claim; 201].join(",");
    let doc = |claims: &str, extra: &str| {
        format!(
            r#"{{ "issued_on": "2026-09-10", "policyholder": {{ "last_name": "Martin" }}, "drivers": [], "claims": [{claims}] {extra} }}"#
        )
    };
    refused(
        &a,
        &before,
        a.releve_record(c, &doc(&many, "")),
        "releve",
        "compte 201 sinistres, pour 200 au plus",
    );
    let deep = format!(
        r#", "extra": {}1{}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    refused(
        &a,
        &before,
        a.releve_record(c, &doc("", &deep)),
        "releve",
        "plus de 8 niveaux",
    );
    let big = format!(r#", "extra": "{}""#, "x".repeat(300_000));
    refused(
        &a,
        &before,
        a.releve_record(c, &doc("", &big)),
        "releve",
        "plus que les 262144 acceptés",
    );
    let escape = r#", "issuer": "Assur\u001b[2J""#;
    refused(
        &a,
        &before,
        a.releve_record(c, &doc("", escape)),
        "releve",
        "U+001B",
    );
    let future = doc("", "").replace("2026-09-10", "2099-09-10");
    refused(
        &a,
        &before,
        a.releve_record(c, &future),
        "releve",
        "dans le futur",
    );
    a.releve_record(c, &doc(claim, "")).unwrap();
}
