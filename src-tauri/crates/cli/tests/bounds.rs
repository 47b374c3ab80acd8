//! Bounded inputs through the command line: dated facts outside the claim's or the contract's
//! life, free texts with terminal escapes or bidirectional controls, a relevé nested too deep,
//! a simulation of a million periods. Each refused in French with its code, in well under a
//! second, and the agency file unchanged.
#![allow(clippy::unwrap_used)]

mod common;

use common::CliAgency;
use std::time::{Duration, Instant};

/// The agency file's bytes, its write-ahead log included.
fn files(a: &CliAgency) -> Vec<u8> {
    let mut bytes = std::fs::read(a.path().join("agence.courtier")).unwrap();
    if let Ok(wal) = std::fs::read(a.path().join("agence.courtier-wal")) {
        bytes.extend(wal);
    }
    bytes
}

/// Runs `args`, expects exit code 1 with `code` and `says` on standard error, the file as it was.
#[track_caller]
fn refused(a: &CliAgency, args: &[&str], code: &str, says: &str) {
    let before = files(a);
    let out = a.run(args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    assert!(err.contains(&format!("(code : {code})")), "{args:?}: {err}");
    assert!(err.contains(says), "« {says} » not in: {err}");
    assert!(files(a) == before, "{args:?} changed the agency file");
}

#[test]
fn dated_facts_and_free_texts_are_refused_in_french_and_nothing_is_written() {
    let a = CliAgency::init();
    let client = a.client("Martin", Some("Léa"));
    let k = a.contract(
        &client,
        "Mutuelle de l'Ouest",
        "N-1",
        ("2021-03-01", "2022-01-01"),
        &[],
    );
    a.ok(&[
        "claim",
        "add",
        "--contract",
        &k,
        "--date",
        "2025-03-10",
        "--kind",
        "accident",
        "--responsibility",
        "full",
    ]);
    let listed: serde_json::Value =
        serde_json::from_str(&a.ok(&["claim", "list", "--client", &client, "--json"])).unwrap();
    let claim = listed[0]["id"].to_string();
    refused(
        &a,
        &[
            "claim",
            "requalify",
            &claim,
            "--responsibility",
            "none",
            "--on",
            "2099-01-01",
        ],
        "invalid:foundOn",
        "est dans le futur",
    );
    refused(
        &a,
        &[
            "claim",
            "status",
            &claim,
            "--status",
            "clos",
            "--on",
            "2024-01-01",
        ],
        "invalid:onDate",
        "précède le sinistre, survenu le 10/03/2025",
    );
    refused(
        &a,
        &[
            "claim",
            "add",
            "--contract",
            &k,
            "--date",
            "2025-04-01",
            "--kind",
            "accident",
            "--responsibility",
            "full",
            "--place",
            "Lyon\u{1b}[2J",
        ],
        "invalid:place",
        "caractère de contrôle (U+001B)",
    );
    let long = "x".repeat(100_000);
    refused(
        &a,
        &[
            "claim",
            "add",
            "--contract",
            &k,
            "--date",
            "2025-04-01",
            "--kind",
            "accident",
            "--responsibility",
            "full",
            "--description",
            &long,
        ],
        "invalid:description",
        "dépasse 5000 caractères",
    );
    refused(
        &a,
        &["client", "add", "--last-name", "Dupont\u{202E}tnuoD"],
        "invalid:lastName",
        "U+202E",
    );
    refused(
        &a,
        &[
            "contract",
            "add",
            "--client",
            &client,
            "--insurer",
            "Mutuelle",
            "--number",
            "X",
            "--subscription",
            "1900-01-01",
            "--first-echeance",
            "1900-06-01",
        ],
        "invalid:subscriptionDate",
        "plus de 50 ans",
    );
    // What was accepted shows without escapes.
    assert!(!a.ok(&["claim", "show", &claim]).contains('\u{1b}'));
}

#[test]
fn a_releve_nested_too_deep_and_a_million_periods_are_refused_at_once() {
    let a = CliAgency::init();
    let client = a.client("Martin", Some("Anne"));
    let deep = format!(
        r#"{{ "issued_on": "2025-12-10", "policyholder": {{ "last_name": "Martin" }}, "drivers": [], "claims": [], "x": {}1{} }}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let path = a.path().join("releve.json");
    std::fs::write(&path, deep).unwrap();
    refused(
        &a,
        &["releve", "add", "--client", &client, path.to_str().unwrap()],
        "invalid:releve",
        "plus de 8 niveaux",
    );

    let periods = vec![r#"{"claims": []}"#; 1_000_000].join(",");
    let scenario = format!(
        r#"{{ "usage": "standard", "start_coefficient": "1.00", "periods": [{periods}] }}"#
    );
    let path = a.path().join("million.json");
    std::fs::write(&path, &scenario).unwrap();
    let t = Instant::now();
    let out = a.run(&["bonus-malus", "simulate", path.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("plus que les 1048576 acceptés"), "{err}");
    let hundred = vec![r#"{"claims": []}"#; 101].join(",");
    std::fs::write(
        &path,
        format!(
            r#"{{ "usage": "standard", "start_coefficient": "1.00", "periods": [{hundred}] }}"#
        ),
    )
    .unwrap();
    let out = a.run(&["bonus-malus", "simulate", path.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Le scénario compte 101 périodes, pour 100 au plus."),
        "{err}"
    );
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
}
