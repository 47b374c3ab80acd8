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

/// The Sinistres filter on responsibility uses the qualification in force (R15, art. 8), the
/// one the list shows: a requalification made in time counts, a late one is recorded but the
/// first qualification stands; `check` finds the kept values as the facts give them.
#[test]
fn the_responsibility_filter_uses_the_qualification_in_force() {
    let a = CliAgency::init();
    let client = a.client("Perrin", Some("Marc"));
    let k = a.contract(
        client.trim(),
        "Mutuelle de l'Ouest",
        "AUTO-2020-PM",
        ("2020-03-01", "2021-03-01"),
        &[],
    );
    let first = a.claim(k.trim(), "2020-05-02", "accident", "full", &[]);
    let in_time = first["claims"][0]["id"].to_string();
    let second = a.claim(k.trim(), "2020-06-10", "accident", "full", &[]);
    let late = second["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].to_string())
        .find(|id| *id != in_time)
        .unwrap();
    // Next échéance after both claims: 01/03/2021; in time until 01/03/2023.
    for (id, on) in [(&in_time, "2022-06-01"), (&late, "2024-01-15")] {
        a.ok(&[
            "claim",
            "requalify",
            id,
            "--responsibility",
            "none",
            "--on",
            on,
        ]);
    }
    let ids = |resp: &str| -> Vec<(String, String)> {
        a.json(&["claim", "list", "--responsibility", resp, "--json"])["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["claimId"].to_string(), c["responsibility"].to_string()))
            .collect()
    };
    assert_eq!(ids("none"), [(in_time.clone(), "\"none\"".to_string())]);
    assert_eq!(ids("full"), [(late.clone(), "\"full\"".to_string())]);
    assert!(ids("partial").is_empty());
    assert!(a.ok(&["check"]).trim().ends_with("Intégrité : ok"));
}

/// `courtier client list | head -1`: the reader is gone before the list is written; the
/// command stops quietly with 141 (128 + SIGPIPE, as `ls` or `cat` would in the same place),
/// no panic, no error message.
#[test]
fn a_closed_pipe_ends_the_listing_quietly() {
    let a = CliAgency::init();
    for name in ["Lecteur", "Lectrice", "Liseur"] {
        a.client(name, Some("Jean"));
    }
    let mut child = a
        .command()
        .args(["client", "list"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The pipe's reading end closed at once: every write of the command meets a broken pipe.
    drop(child.stdout.take());
    let done = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&done.stderr);
    assert_eq!(done.status.code(), Some(141), "{err}");
    // Only the notice of where the key came from, which every command gives.
    assert!(
        !err.contains("panicked") && !err.contains("Erreur"),
        "{err}"
    );
}
