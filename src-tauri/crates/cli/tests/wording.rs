//! The words of `courtier contract show`: the client named in its first line, the échéance of
//! the next premium, the catalogue's labels (never the codes « en_cours », « auto »).
#![allow(clippy::unwrap_used)]

mod common;

use common::CliAgency;

#[test]
fn contract_show_names_the_client_and_the_echeance_of_the_next_premium() {
    let a = CliAgency::init();
    let client = a.client("Bénard", Some("Léa"));
    let k = a.contract(
        client.trim(),
        "Mutuelle de l'Ouest",
        "A-42",
        ("2021-03-01", "2022-01-01"),
        &["--premium", "RC=300,00"],
    );
    let shown: serde_json::Value = a.json(&["contract", "show", k.trim(), "--json"]);
    assert_eq!(shown["clientName"], "Léa Bénard");
    let next = shown["projection"]["nextEcheance"]
        .as_str()
        .unwrap()
        .to_string();
    let text = a.ok(&["contract", "show", k.trim()]);
    let first = text.lines().next().unwrap();
    assert!(
        first.contains("(Automobile) de Léa Bénard (client "),
        "{first}"
    );
    assert!(
        text.contains(&format!("Prochaine prime à l'échéance du {next} : ")),
        "{text}"
    );
    assert!(text.contains("État : En cours"), "{text}");
    assert!(
        !text.contains("en_cours") && !text.contains("(auto)"),
        "{text}"
    );
}

#[test]
fn claim_show_names_the_echeance_of_the_next_coefficient() {
    let a = CliAgency::init();
    let client = a.client("Garnier", Some("Lucie"));
    let k = a.contract(
        client.trim(),
        "Mutuelle de l'Ouest",
        "B-7",
        ("2021-03-01", "2022-01-01"),
        &["--premium", "RC=300,00"],
    );
    let after: serde_json::Value = a.claim(k.trim(), "2023-05-02", "accident", "full", &[]);
    let id = after["claims"][0]["id"].to_string();
    let page: serde_json::Value = a.json(&["claim", "show", &id, "--json"]);
    let next = page["nextEcheance"].as_str().unwrap().to_string();
    assert_eq!(next, after["projection"]["nextEcheance"].as_str().unwrap());
    let text = a.ok(&["claim", "show", &id]);
    assert!(
        text.contains(&format!("à la prochaine échéance, le {next} : ")),
        "{text}"
    );
    assert!(text.contains("Lucie Garnier"), "{text}");
}
