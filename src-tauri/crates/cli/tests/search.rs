//! What the command line finds: `search` (clients, contracts, vehicles, claims, insurers),
//! `claim list` over the portfolio with its filters, and a relevé listed and shown again.
#![allow(clippy::unwrap_used)]

mod common;

use common::CliAgency;

#[test]
fn search_finds_a_contract_number_a_registration_and_a_claim_reference() {
    let a = CliAgency::init();
    let client = a.client("Garnier", Some("Lucie"));
    let k = a.contract(
        client.trim(),
        "Mutuelle de l'Ouest",
        "AUTO-2024-CL7",
        ("2024-03-01", "2025-03-01"),
        &[],
    );
    a.ok(&[
        "vehicle",
        "add",
        "--contract",
        k.trim(),
        "--registration",
        "GH-456-JK",
        "--from",
        "2024-03-01",
    ]);
    a.claim(
        k.trim(),
        "2025-05-02",
        "glass",
        "none",
        &["--reference", "SIN-2025-00042"],
    );
    let out = a.ok(&["search", "auto 2024 cl"]);
    assert!(
        out.contains("contrat") && out.contains("AUTO-2024-CL7"),
        "{out}"
    );
    assert!(out.contains("Lucie Garnier"), "{out}");
    let out = a.ok(&["search", "gh456"]);
    assert!(
        out.contains("véhicule") && out.contains("GH-456-JK"),
        "{out}"
    );
    let found = a.json(&["search", "sin-2025-0004", "--json"]);
    assert_eq!(found["hits"][0]["kind"], "claim");
    assert_eq!(found["hits"][0]["text"], "SIN-2025-00042");
    let found = a.json(&["search", "garnier", "--json"]);
    assert_eq!(found["clients"][0]["displayName"], "Lucie Garnier");
    assert_eq!(found["moreClients"], false);
    assert!(a.ok(&["search", "XX-999"]).contains("Aucun résultat"));

    // The portfolio's claims, open and closed, with their filters.
    let list = a.json(&["claim", "list", "--json"]);
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(list["more"], false);
    let open = a.json(&["claim", "list", "--state", "closed", "--json"]);
    assert!(open["items"].as_array().unwrap().is_empty());
    let by_ref = a.json(&["claim", "list", "--text", "SIN 2025", "--json"]);
    assert_eq!(by_ref["items"][0]["contractNumber"], "AUTO-2024-CL7");
    let err = a.fails(&["claim", "list", "--state", "ouvert"]);
    assert!(err.contains("invalid:state"), "{err}");
}

#[test]
fn a_releve_is_listed_and_shown_again() {
    let a = CliAgency::init();
    let client = a.client("Martin", Some("Anne"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("releve.json");
    std::fs::write(
        &file,
        r#"{ "issued_on": "2026-09-10", "issuer": "Assurances du Rhône", "coefficient": "0.80",
             "last_echeance": "2025-04-01", "stopped_on": "2026-08-31",
             "policyholder": { "last_name": "Martin" }, "drivers": [], "claims": [] }"#,
    )
    .unwrap();
    let added = a.json(&[
        "releve",
        "add",
        "--client",
        client.trim(),
        file.to_str().unwrap(),
        "--json",
    ]);
    let list = a.json(&["releve", "list", "--client", client.trim(), "--json"]);
    assert_eq!(list[0]["id"], added["id"]);
    assert_eq!(list[0]["issuer"], "Assurances du Rhône");
    assert_eq!(list[0]["result"], added);
    let id = added["id"].to_string();
    let out = a.ok(&["releve", "show", &id]);
    assert!(out.contains("Assurances du Rhône"), "{out}");
    assert!(out.contains("Coefficient de départ"), "{out}");
    let tl = a.ok(&["client", "timeline", client.trim()]);
    assert!(tl.contains("Relevé d'information reçu"), "{tl}");
}
