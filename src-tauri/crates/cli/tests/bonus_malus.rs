//! The bonus-malus through the command line: `bonus-malus simulate` (every golden case), a
//! terminated contract requalified, relevés and the counters they give.
#![allow(clippy::unwrap_used)]

mod common;

use common::{bare, CliAgency};
use std::io::Write;
use std::process::Stdio;

#[test]
fn bonus_malus_simulate_json_text_and_errors() {
    let a = CliAgency::empty();
    let scenario = r#"{ "usage": "standard", "start_coefficient": "1.00",
        "periods": [ {"claims": []}, {"claims": [{"kind": "accident", "responsibility": "full"}]},
                     {"claims": [{"kind": "accident", "responsibility": "partial"}]} ] }"#;
    let path = a.path().join("s.json");
    std::fs::write(&path, scenario).unwrap();
    let out = a.ok(&["bonus-malus", "simulate", path.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["coefficients"],
        serde_json::json!(["0.95", "1.18", "1.32"])
    );
    assert!(v.get("trace").is_some());

    let mut child = bare()
        .args(["bonus-malus", "simulate", "-", "--format", "text"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(scenario.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let note = String::from_utf8(out.stdout).unwrap();
    assert!(note.contains("1,18"), "{note}");

    std::fs::write(
        &path,
        r#"{ "usage": "standard", "start_coefficient": "1.00",
        "periods": [ {"claims": [{"kind": "crash", "responsibility": "full"}]} ] }"#,
    )
    .unwrap();
    let out = a.run(&["bonus-malus", "simulate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("periods[0].claims[0].kind"), "{err}");
}

/// The golden cases of `src-tauri/tests/data/*.json` (the domain tests read the same files): each
/// `input` through `courtier bonus-malus simulate`, in JSON and as the note.
#[test]
fn bonus_malus_simulate_gives_every_golden_case() {
    let a = CliAgency::empty();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{}", files.len());
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let case: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let input = a.path().join(&name);
        std::fs::write(&input, serde_json::to_string(&case["input"]).unwrap()).unwrap();
        let input = input.to_str().unwrap();
        let expect = &case["expect"];
        let v: serde_json::Value =
            serde_json::from_str(&a.ok(&["bonus-malus", "simulate", input])).unwrap();
        assert_eq!(v["coefficients"], expect["coefficients"], "{name}");
        if let Some(e) = expect.get("echeances") {
            assert_eq!(&v["echeances"], e, "{name}");
        }
        if let Some(steps) = expect.get("steps").and_then(|s| s.as_array()) {
            for (i, s) in steps.iter().enumerate() {
                assert_eq!(&v["trace"]["periods"][i]["steps"], s, "{name}, period {i}");
            }
        }
        let note = a.ok(&["bonus-malus", "simulate", input, "--format", "text"]);
        for line in expect["note_contains"].as_array().into_iter().flatten() {
            assert!(
                note.contains(line.as_str().unwrap()),
                "{name}: {line}\n{note}"
            );
        }
    }
}

/// Issue 9 through the command line: a requalification found after the termination corrects
/// the history (R15, `known_on`), and a suspension after the termination is refused.
#[test]
fn a_terminated_contract_is_requalified_but_not_suspended() {
    let a = CliAgency::init();
    let client = a.client("Bénard", Some("Léa"));
    let k = a.contract(
        client.trim(),
        "Mutuelle de l'Ouest",
        "T-9",
        ("2020-01-01", "2021-01-01"),
        &["--premium", "RC=300,00"],
    );
    let k = k.trim();
    let history = |v: &serde_json::Value| -> Vec<String> {
        v["coefficientHistory"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["coefficient"].as_str().unwrap().to_string())
            .collect()
    };
    let after = a.claim(k, "2021-03-01", "accident", "full", &[]);
    let claim_id = after["claims"][0]["id"].to_string();
    let t = a.json(&[
        "contract",
        "terminate",
        k,
        "--on",
        "2022-02-01",
        "--by",
        "client",
        "--json",
    ]);
    assert_eq!(history(&t), ["0.95", "1.18"]);
    let re = a.json(&[
        "claim",
        "requalify",
        &claim_id,
        "--responsibility",
        "none",
        "--on",
        "2022-06-01",
        "--json",
    ]);
    assert_eq!(history(&re), ["0.95", "0.90"]);
    assert_eq!(re["status"], "resilie");

    let err = a.fails(&[
        "contract",
        "suspend",
        k,
        "--from",
        "2022-03-01",
        "--to",
        "2022-09-01",
    ]);
    assert!(err.contains("résilié depuis le 01/02/2022"), "{err}");
    assert!(err.contains("invalid:from"), "{err}");
    let shown = a.json(&["contract", "show", k, "--json"]);
    assert_eq!(shown["status"], "resilie");
    assert_eq!(history(&shown), ["0.95", "0.90"]);
}

/// R17 (issue 9, item 5) through the command line: `releve add --json` gives the counters with
/// the coefficient (`at_floor_since` read from the relevé), and `contract add` takes them.
#[test]
fn releve_counters_go_to_the_new_contract() {
    let a = CliAgency::init();
    let client = a.client("Martin", Some("Anne"));
    let doc = r#"{ "issued_on": "2025-12-10", "issuer": "Assurances du Rhône", "contract_number": "RH-2",
      "subscription_date": "2019-04-01", "registration": "AB-123-CD", "usage": "standard",
      "policyholder": { "last_name": "Martin", "first_name": "Anne", "birth_date": "1980-05-02",
                        "licence_number": "12AB34567", "licence_date": "1999-06-10" },
      "drivers": [], "claims": [],
      "coefficient": "0.50", "last_echeance": "2025-04-01", "stopped_on": "2025-11-30",
      "at_floor_since": "2021-04-01", "termination_reason": "Loi Hamon" }"#;
    let path = a.path().join("releve.json");
    std::fs::write(&path, doc).unwrap();
    let r = a.json(&[
        "releve",
        "add",
        "--client",
        client.trim(),
        path.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(r["startCoefficient"], "0.50");
    assert_eq!(r["startClaimFreeStreak"], 6);
    assert_eq!(r["startPeriodsAtFloor"], 5);
    let k = a.contract(
        client.trim(),
        "Mutuelle de l'Ouest",
        "N-1",
        ("2025-12-01", "2026-12-01"),
        &[
            "--start-coefficient",
            "0,50",
            "--start-claim-free-streak",
            "6",
            "--start-periods-at-floor",
            "5",
            "--premium",
            "RC=300,00",
        ],
    );
    let shown = a.json(&["contract", "show", k.trim(), "--json"]);
    // The real clock: each claim-free échéance passed at 0.50 adds one to both counters.
    let n = shown["coefficientHistory"].as_array().unwrap().len() as u64;
    assert_eq!(shown["periodsAtFloor"], 5 + n);
    assert_eq!(shown["claimFreeStreak"], 6 + n);
    assert_eq!(shown["protectionActive"], true);
}

#[test]
fn releve_gives_the_starting_coefficient_and_flags_what_is_wrong() {
    let a = CliAgency::init();
    let client = a.client("Martin", Some("Anne"));
    let doc = r#"{ "issued_on": "2025-09-10", "issuer": "Assurances du Rhône", "contract_number": "RH-1",
      "subscription_date": "2019-04-01", "registration": "AB-123-CD", "usage": "standard",
      "policyholder": { "last_name": "Martin", "first_name": "Anne", "birth_date": "1980-05-02",
                        "licence_number": "12AB34567", "licence_date": "1999-06-10" },
      "drivers": [],
      "claims": [ { "date": "2024-06-01", "kind": "accident", "responsibility": "full", "driver": "Anne Martin", "open": false },
                  { "date": "2025-06-01", "kind": "accident", "responsibility": "partial", "driver": "Anne Martin", "open": true } ],
      "coefficient": "1.12", "last_echeance": "2025-04-01", "stopped_on": "2025-08-31",
      "termination_reason": "Loi Hamon" }"#;
    let path = a.path().join("releve.json");
    std::fs::write(&path, doc).unwrap();
    let r: serde_json::Value = a.json(&[
        "releve",
        "add",
        "--client",
        client.trim(),
        path.to_str().unwrap(),
        "--json",
    ]);
    // The 2024 claim is already in 1.12; the 2025 one, after the relevé's last period: ×1.125.
    assert_eq!(r["startCoefficient"], "1.26");
    assert_eq!(r["inconsistency"], serde_json::Value::Null);
    assert_eq!(r["missingFields"].as_array().unwrap().len(), 0);
    // A stated 2.00 is more than those five years allow (at most 1.18); a missing contract
    // number is listed.
    let bad = doc
        .replace("\"1.12\"", "\"2.00\"")
        .replace("\"contract_number\": \"RH-1\",", "");
    std::fs::write(&path, bad).unwrap();
    let r: serde_json::Value = a.json(&[
        "releve",
        "add",
        "--client",
        client.trim(),
        path.to_str().unwrap(),
        "--json",
    ]);
    assert!(r["inconsistency"].as_str().unwrap().contains("2,00"), "{r}");
    assert!(
        r["missingFields"].to_string().contains("numéro de contrat"),
        "{r}"
    );
    std::fs::write(&path, "{ pas un relevé").unwrap();
    assert!(a
        .fails(&[
            "releve",
            "add",
            "--client",
            client.trim(),
            path.to_str().unwrap(),
        ],)
        .contains("Relevé illisible"));
}
