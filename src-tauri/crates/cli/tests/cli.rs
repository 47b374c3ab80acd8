//! The `courtier` command, run as a broker's script would run it.
#![allow(clippy::unwrap_used)]

mod common;

use common::{bare, CliAgency};
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

#[test]
fn add_search_show_in_french_with_json() {
    let a = CliAgency::empty();
    let init = a.ok(&["init"]);
    assert!(init.contains("Clé de secours"), "{init}");
    let id = a.ok(&[
        "client",
        "add",
        "--last-name",
        "Lefèvre",
        "--first-name",
        "Hélène",
        "--birth-date",
        "1984-03-12",
        "--email",
        "helene.lefevre@exemple.fr",
        "--phone",
        "06 12 34 56 78",
        "--postcode",
        "69003",
        "--city",
        "Lyon",
    ]);
    let id: i64 = id.trim().parse().unwrap();
    a.client("Martin", Some("Paul"));

    let found = a.ok(&["client", "search", "helene", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&found).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["id"], id);
    assert_eq!(v[0]["displayName"], "Hélène Lefèvre");
    assert_eq!(v[0]["phone"], "0612345678");
    assert_eq!(v[0]["city"], "Lyon");

    let text = a.ok(&["client", "search", "LEFE"]);
    assert!(text.contains("Hélène Lefèvre"), "{text}");

    let show = a.ok(&["client", "show", &id.to_string(), "--json"]);
    let v: serde_json::Value = serde_json::from_str(&show).unwrap();
    assert_eq!(v["lastName"], "Lefèvre");
    assert_eq!(v["birthDate"], "1984-03-12");
    assert_eq!(v["emails"][0]["address"], "helene.lefevre@exemple.fr");
    assert_eq!(v["addresses"][0]["postcode"], "69003");
    assert_eq!(v["archived"], false);

    let list = a.ok(&["client", "list", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert_eq!(v["total"], 2);
    assert_eq!(v["items"][0]["displayName"], "Hélène Lefèvre");
}

#[test]
fn errors_are_french_on_stderr_with_a_non_zero_exit() {
    let a = CliAgency::empty();
    let out = a.run(&["client", "search", "x"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Aucun fichier d'agence"), "{err}");

    a.ok(&["init"]);
    let out = a.run(&[
        "client",
        "add",
        "--last-name",
        "Durand",
        "--birth-date",
        "1990-02-31",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("31/02/1990 n'existe pas"), "{err}");
    assert!(err.contains("invalid:birthDate"), "{err}");

    let out = a.run(&[
        "client",
        "add",
        "--last-name",
        "Durand",
        "--postcode",
        "7500",
        "--city",
        "Paris",
        "--address",
        "1 rue X",
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("5 chiffres"));

    assert!(a.fails(&["client", "show", "4242"]).contains("introuvable"));

    // A wrong key: its own error, and nothing changes.
    let out = a
        .command()
        .env("COURTIER_DB_KEY", "00".repeat(32))
        .args(["client", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("wrong_key"), "{err}");

    let out = a
        .command()
        .env("COURTIER_DB_KEY", "abc")
        .args(["client", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("64"));

    // Usage errors: exit 2, in French too (clap's own words never reach the broker).
    let out = a.run(&["client", "frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Commande inconnue : « frobnicate »"), "{err}");
    let out = a.run(&["client", "list", "--page-size", "0"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("un nombre entier d'au moins 1 est attendu"),
        "{err}"
    );
    for english in ["error:", "Usage:", "For more information"] {
        assert!(!err.contains(english), "{err}");
    }
    let help = a.run(&["client", "list", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("Utilisation : courtier client list"),
        "{help}"
    );
    assert!(
        help.contains("(valeurs : name, created, updated, postcode, city ; par défaut : name)"),
        "{help}"
    );
    assert!(
        !help.contains("[default:") && !help.contains("Usage:"),
        "{help}"
    );
}

#[test]
fn init_refuses_to_overwrite_and_demo_loads_a_portfolio() {
    let a = CliAgency::init();
    let out = a.run(&["init"]);
    assert_eq!(out.status.code(), Some(1));
    let out = a.ok(&["demo", "--clients", "1500"]);
    assert!(out.contains("1000 clients enregistrés"), "{out}");
    assert!(out.contains("1500 clients"), "{out}");
    let st: serde_json::Value = a.json(&["status", "--json"]);
    assert_eq!(st["state"], "open");
    assert_eq!(st["storage"], "environment");
    assert!(st["clientCount"].as_u64().unwrap() > 1_000);
    assert_eq!(a.ok(&["check"]).trim(), "Intégrité : ok");
}

#[test]
fn passphrase_protected_file_from_the_command_line() {
    let a = CliAgency::empty();
    let mut child = bare()
        .arg("--data-dir")
        .arg(a.path())
        .args(["init", "--passphrase-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"une phrase de passe assez longue\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let plain = |pass: Option<&str>| {
        let mut c = bare();
        c.arg("--data-dir").arg(a.path()).args(["client", "list"]);
        match pass {
            Some(p) => c.env("COURTIER_PASSPHRASE", p),
            None => c.env_remove("COURTIER_PASSPHRASE"),
        };
        c.output().unwrap()
    };
    let out = plain(None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("COURTIER_PASSPHRASE"));
    let out = plain(Some("pas la bonne phrase"));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("wrong_passphrase"));
    assert!(plain(Some("une phrase de passe assez longue"))
        .status
        .success());
}

/// Killing the process in the middle of a large write leaves a file that opens, passes
/// `PRAGMA integrity_check`, and keeps every transaction that had committed.
#[test]
fn killed_in_the_middle_of_a_large_write_keeps_what_was_committed() {
    let a = CliAgency::init();
    let mut child = a
        .command()
        .args(["demo", "--clients", "50000"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut committed = 0u64;
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        if let Some(n) = line.strip_suffix(" clients enregistrés") {
            committed = n.parse().unwrap();
            if committed >= 5_000 {
                break;
            }
        }
    }
    child.kill().unwrap();
    let _ = child.wait();
    assert!(committed >= 5_000, "the demo stopped early: {committed}");
    assert!(committed < 50_000, "killed too late to test anything");

    assert_eq!(a.ok(&["check"]).trim(), "Intégrité : ok");
    let st: serde_json::Value = a.json(&["status", "--json"]);
    let n = st["clientCount"].as_u64().unwrap();
    let list: serde_json::Value =
        a.json(&["client", "list", "--archived", "--page-size", "1", "--json"]);
    let total = list["total"].as_u64().unwrap();
    assert!(n <= total);
    assert!(
        total >= committed,
        "lost committed clients: {total} < {committed}"
    );
    assert_eq!(total % 1_000, 0, "a half-written batch is visible: {total}");
}

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

#[test]
fn contract_and_claim_from_the_command_line() {
    let a = CliAgency::init();
    let client = a.client("Bénard", Some("Léa"));
    let k = a.contract(
        client.trim(),
        "Mutuelle de l'Ouest",
        "A-42",
        ("2021-03-01", "2022-01-01"),
        &[
            "--premium",
            "RC=300,00",
            "--premium-fixed",
            "Assistance=45,50",
        ],
    );
    let k = k.trim();
    let shown: serde_json::Value = a.json(&["contract", "show", k, "--json"]);
    assert_eq!(shown["insurer"], "Mutuelle de l'Ouest");
    assert_eq!(shown["premiums"].as_array().unwrap().len(), 2);
    let before = shown["coefficientHistory"].as_array().unwrap().len();
    assert!(before >= 4);
    let after: serde_json::Value = a.claim(k, "2023-05-02", "accident", "full", &[]);
    assert_eq!(after["claims"][0]["responsibility"], "full");
    let claim_id = after["claims"][0]["id"].to_string();
    let re: serde_json::Value = a.json(&[
        "claim",
        "requalify",
        &claim_id,
        "--responsibility",
        "none",
        "--on",
        "2023-09-01",
        "--json",
    ]);
    assert_eq!(
        re["claims"][0]["qualifications"].as_array().unwrap().len(),
        2
    );
    assert_ne!(after["coefficientInForce"], re["coefficientInForce"]);
    let note = a.ok(&["contract", "show", k, "--note"]);
    assert!(note.contains("requalifié « non responsable »"), "{note}");
    let list = a.ok(&["contract", "list", "--client", client.trim()]);
    assert!(list.contains("A-42"), "{list}");
    assert!(a
        .fails(&[
            "claim",
            "add",
            "--contract",
            k,
            "--date",
            "2023-02-30",
            "--kind",
            "accident",
            "--responsibility",
            "full",
        ],)
        .contains("n'existe pas"));
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

#[test]
fn vehicles_and_drivers_with_replacement_and_novice() {
    let a = CliAgency::init();
    let client = a.client("Roux", Some("Théo"));
    let k = a.contract(
        client.trim(),
        "Alliance Auto",
        "V-1",
        ("2019-03-01", "2020-01-01"),
        &[],
    );
    let k = k.trim();
    let v1 = a.ok(&[
        "vehicle",
        "add",
        "--contract",
        k,
        "--registration",
        "ab 123 cd",
        "--make",
        "Renault",
        "--model",
        "Clio",
        "--from",
        "2019-03-01",
    ]);
    assert!(a
        .fails(&[
            "vehicle",
            "add",
            "--contract",
            k,
            "--registration",
            "AI-123-CD",
            "--from",
            "2019-03-01",
        ],)
        .contains("immatriculation"));
    // The coefficient is under 1.00 by 2026: a replacement with other drivers loses it (R16).
    let v2: serde_json::Value = a.json(&[
        "vehicle",
        "replace",
        v1.trim(),
        "--contract",
        k,
        "--registration",
        "EF-456-GH",
        "--from",
        "2026-06-01",
        "--other-drivers",
        "--json",
    ]);
    assert_eq!(v2["registration"], "EF-456-GH");
    let d: serde_json::Value = a.json(&[
        "driver",
        "add",
        "--contract",
        k,
        "--role",
        "secondaire",
        "--last-name",
        "Roux",
        "--first-name",
        "Zoé",
        "--birth-date",
        "2006-02-01",
        "--licence-date",
        "2024-05-02",
        "--aac",
        "--from",
        "2024-06-01",
        "--json",
    ]);
    assert_eq!(d["novice"], true);
    let shown: serde_json::Value = a.json(&["contract", "show", k, "--json"]);
    assert_eq!(shown["vehicles"].as_array().unwrap().len(), 2);
    let note = shown["vehicles"][0]["transferNote"].as_str().unwrap();
    assert!(note.contains("la réduction ne se transfère pas"), "{note}");
    assert_eq!(shown["vehicles"][0]["toDate"], "2026-06-01");
    assert_eq!(shown["drivers"][0]["aac"], true);
    assert!(a
        .fails(&[
            "driver",
            "add",
            "--contract",
            k,
            "--last-name",
            "Roux",
            "--birth-date",
            "2010-01-01",
            "--licence-date",
            "2020-01-01",
            "--from",
            "2024-01-01",
        ],)
        .contains("15 ans"));
}

#[test]
fn claim_workflow_and_open_claims() {
    let a = CliAgency::init();
    let client = a.client("Guyot", Some("Véronique"));
    let k = a.contract(client.trim(), "A", "W-1", ("2022-03-01", "2023-01-01"), &[]);
    let after: serde_json::Value = a.claim(k.trim(), "2025-05-02", "glass", "none", &[]);
    let id = after["claims"][0]["id"].to_string();
    let open: serde_json::Value = a.json(&["claim", "open", "--json"]);
    assert_eq!(open.as_array().unwrap().len(), 1);
    assert_eq!(open[0]["status"], "declare");
    assert_eq!(open[0]["clientName"], "Véronique Guyot");
    a.ok(&[
        "claim",
        "status",
        &id,
        "--status",
        "indemnise",
        "--on",
        "2025-06-01",
    ]);
    let closed: serde_json::Value = a.json(&[
        "claim",
        "status",
        &id,
        "--status",
        "clos",
        "--on",
        "2025-06-15",
        "--json",
    ]);
    assert_eq!(closed["claims"][0]["statuses"].as_array().unwrap().len(), 3);
    assert_eq!(closed["claims"][0]["status"], "clos");
    let open: serde_json::Value = a.json(&["claim", "open", "--json"]);
    assert!(open.as_array().unwrap().is_empty());
    let out = a.run(&[
        "claim",
        "status",
        &id,
        "--status",
        "perdu",
        "--on",
        "2025-06-15",
    ]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn claim_parties_and_communication_log() {
    let a = CliAgency::init();
    let client = a.client("Perrin", None);
    let k = a.contract(client.trim(), "A", "P-1", ("2022-03-01", "2023-01-01"), &[]);
    let c: serde_json::Value = a.claim(k.trim(), "2025-05-02", "accident", "partial", &[]);
    let id = c["claims"][0]["id"].to_string();
    let with_party: serde_json::Value = a.json(&[
        "claim",
        "party",
        &id,
        "--role",
        "expert",
        "--name",
        "Cabinet Expertises Loire",
        "--phone",
        "02 40 12 34 56",
        "--reference",
        "EXP-889",
        "--json",
    ]);
    let party = with_party["claims"][0]["parties"][0]["id"].to_string();
    assert_eq!(with_party["claims"][0]["parties"][0]["phone"], "0240123456");
    let logged: serde_json::Value = a.json(&[
        "claim",
        "contact",
        &id,
        "--party",
        &party,
        "--at",
        "2025-05-10T14:30",
        "--channel",
        "telephone",
        "--direction",
        "sortant",
        "--summary",
        "Rendez-vous d'expertise fixé au 15/05.",
        "--json",
    ]);
    let log = &logged["claims"][0]["communications"];
    assert_eq!(log.as_array().unwrap().len(), 1);
    assert_eq!(log[0]["summary"], "Rendez-vous d'expertise fixé au 15/05.");
    assert!(a
        .fails(&[
            "claim",
            "contact",
            &id,
            "--at",
            "2025-05-10T25:00",
            "--channel",
            "telephone",
            "--direction",
            "sortant",
            "--summary",
            "x",
        ],)
        .contains("Heure"));
    let out = a.run(&[
        "claim",
        "contact",
        &id,
        "--party",
        "999",
        "--at",
        "2025-05-10",
        "--channel",
        "email",
        "--direction",
        "entrant",
        "--summary",
        "x",
    ]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn corrections_amounts_amendments_and_timeline_from_the_command_line() {
    let a = CliAgency::init();
    let client = a.client("Garnier", None);
    let client = client.trim();
    let k = a.contract(
        client,
        "A",
        "G-1",
        ("2022-03-01", "2023-01-01"),
        &["--premium", "RC=300,00"],
    );
    let k = k.trim();
    let v = a.ok(&[
        "vehicle",
        "add",
        "--contract",
        k,
        "--registration",
        "gh-456-jk",
        "--from",
        "2022-03-01",
    ]);
    let dr = a.ok(&[
        "driver",
        "add",
        "--contract",
        k,
        "--last-name",
        "Garnier",
        "--from",
        "2022-03-01",
    ]);
    let c: serde_json::Value = a.claim(
        k,
        "2025-05-02",
        "accident",
        "full",
        &[
            "--vehicle",
            v.trim(),
            "--driver",
            dr.trim(),
            "--estimated",
            "2 000,00",
        ],
    );
    let id = c["claims"][0]["id"].to_string();
    assert_eq!(c["claims"][0]["vehicleId"].to_string(), v.trim());

    let shown = a.ok(&["claim", "show", &id]);
    assert!(shown.contains("GH-456-JK"), "{shown}");
    let paid: serde_json::Value = a.json(&[
        "claim",
        "amount",
        &id,
        "--kind",
        "reglement",
        "--amount",
        "1 500",
        "--on",
        "2025-07-01",
        "--json",
    ]);
    assert_eq!(paid["claim"]["paid"], "1500.00");
    let fixed: serde_json::Value = a.json(&[
        "claim",
        "update",
        &id,
        "--place",
        "Angers",
        "--reason",
        "Lieu oublié",
        "--json",
    ]);
    assert_eq!(fixed["claim"]["place"], "Angers");
    assert_eq!(fixed["claim"]["revisions"][0]["reason"], "Lieu oublié");
    let list = a.ok(&["claim", "list", "--client", client]);
    assert!(list.contains("2025-05-02"), "{list}");

    let amended = a.ok(&[
        "contract",
        "avenant",
        k,
        "--on",
        "2025-09-01",
        "--details",
        "Ajout du bris de glace",
        "--premium",
        "Bris de glace=60,00",
    ]);
    assert!(amended.contains("Contrat"), "{amended}");
    let updated: serde_json::Value = a.json(&[
        "contract",
        "update",
        k,
        "--number",
        "G-1bis",
        "--reason",
        "Numéro corrigé",
        "--json",
    ]);
    assert_eq!(updated["number"], "G-1bis");
    assert_eq!(updated["revisions"][0]["previous"]["number"], "G-1");
    let veh = a.ok(&[
        "vehicle",
        "update",
        v.trim(),
        "--make",
        "Peugeot",
        "--reason",
        "Marque",
    ]);
    assert!(
        veh.contains("Peugeot") && veh.contains("Corrigé le"),
        "{veh}"
    );
    assert!(a
        .ok(&["vehicle", "list", "--contract", k])
        .contains("GH-456-JK"));
    let drv = a.ok(&[
        "driver",
        "update",
        dr.trim(),
        "--licence-date",
        "2010-06-01",
    ]);
    assert!(drv.contains("permis du 2010-06-01"), "{drv}");
    assert!(a.ok(&["driver", "show", dr.trim()]).contains("Garnier"));

    let tl = a.ok(&[
        "client",
        "timeline",
        client,
        "--kind",
        "montant",
        "--kind",
        "correction",
    ]);
    assert!(tl.contains("Règlement : 1\u{202f}500,00\u{a0}€"), "{tl}");
    assert!(tl.contains("Déclaration corrigée"), "{tl}");
    assert!(!tl.contains("Échéance"), "{tl}");
    let json: serde_json::Value = a.json(&["contract", "timeline", k, "--json"]);
    assert!(json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["kind"] == "coefficient"));
    let bad = a.run(&["client", "timeline", client, "--kind", "nope"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("Type d'événement inconnu"));
    assert_eq!(a.ok(&["check"]).trim(), "Intégrité : ok");
}

#[test]
fn insurers_are_a_managed_list_with_their_relevé_address() {
    let a = CliAgency::init();
    let id = a.ok(&[
        "insurer",
        "add",
        "--name",
        "Mutuelle de l'Ouest",
        "--postcode",
        "44000",
        "--city",
        "Nantes",
        "--releve-email",
        "releves@mutuelle-ouest.fr",
        "--phone",
        "02 40 00 00 00",
    ]);
    let id = id.trim();
    let client = a.client("Roy", None);
    // A contract with the same insurer (by name, any case) is held with that insurer.
    a.contract(
        client.trim(),
        "mutuelle de l'ouest",
        "R-1",
        ("2024-01-10", "2025-01-10"),
        &[],
    );
    let list = a.ok(&["insurer", "list"]);
    assert!(
        list.contains("Mutuelle de l'Ouest") && list.contains("1 contrat(s)"),
        "{list}"
    );
    assert!(list.contains("releves@mutuelle-ouest.fr"), "{list}");
    let updated: serde_json::Value = a.json(&[
        "insurer",
        "update",
        id,
        "--releve-email",
        "ri@mutuelle-ouest.fr",
        "--reason",
        "Nouveau service",
        "--json",
    ]);
    assert_eq!(updated["releveEmail"], "ri@mutuelle-ouest.fr");
    assert_eq!(
        updated["revisions"][0]["previous"]["releve_email"],
        "releves@mutuelle-ouest.fr"
    );
    assert_eq!(updated["phone"], "0240000000");
    let bad = a.run(&["insurer", "update", id, "--postcode", "4400"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("code postal"));
    let dup = a.run(&["insurer", "add", "--name", "MUTUELLE DE L'OUEST"]);
    assert!(String::from_utf8_lossy(&dup.stderr).contains("existe déjà"));
}

#[test]
fn a_client_corrected_twice_shows_both_earlier_versions() {
    let a = CliAgency::init();
    let id = a.ok_line(&[
        "client",
        "add",
        "--last-name",
        "Martin",
        "--first-name",
        "Anne",
        "--city",
        "Lyon",
        "--postcode",
        "69003",
        "--phone",
        "06 12 34 56 78",
    ]);
    let out = a.ok(&[
        "client",
        "update",
        &id,
        "--city",
        "Annecy",
        "--postcode",
        "74000",
        "--reason",
        "Déménagement",
    ]);
    assert!(out.contains("corrigé"), "{out}");
    a.ok(&[
        "client",
        "update",
        &id,
        "--status",
        "client",
        "--profession",
        "Infirmière",
    ]);
    let rec = a.json(&["client", "show", &id, "--json"]);
    let revisions = rec["revisions"].as_array().unwrap();
    assert_eq!(revisions.len(), 2, "{rec}");
    assert_eq!(revisions[0]["reason"], "Déménagement");
    assert!(revisions[0]["previous"]["addresses"]
        .as_str()
        .unwrap()
        .contains("69003 Lyon"));
    assert_eq!(revisions[0]["previous"]["status"], "prospect");
    assert!(revisions[1]["previous"]["addresses"]
        .as_str()
        .unwrap()
        .contains("74000 Annecy"));
    assert_eq!(revisions[1]["previous"]["status"], "prospect");
    assert_eq!(revisions[1]["reason"], serde_json::Value::Null);
    assert_eq!(rec["status"], "client");
    assert_eq!(rec["addresses"][0]["city"], "Annecy");
    assert_eq!(rec["phones"][0]["number"], "0612345678", "the phone stays");
    // The human record lists them too.
    let text = a.ok(&["client", "show", &id]);
    assert_eq!(text.matches("Corrigé le").count(), 2, "{text}");
    // A correction with nothing new keeps no revision; a bad value changes nothing.
    a.ok(&["client", "update", &id, "--city", "Annecy"]);
    assert_eq!(
        a.json(&["client", "show", &id, "--json"])["revisions"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let err = a.fails(&["client", "update", &id, "--birth-date", "31/02/1990"]);
    assert!(err.contains("(code : invalid:"), "{err}");
    assert_eq!(
        a.json(&["client", "show", &id, "--json"])["revisions"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

/// Under the usual umask 022 every local account could read what `init` wrote (0644 files in a
/// 0755 directory): the agency's directory, its encrypted file, its WAL, `agency.json` and the
/// exchange anchor are the owner's only.
#[cfg(unix)]
#[test]
fn the_agency_s_files_are_the_owner_s_only() {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::tempdir().unwrap();
    std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let dir = root.path().join("agence");
    let run = |args: &[&str]| {
        let out = bare()
            .arg("--data-dir")
            .arg(&dir)
            .env("COURTIER_DB_KEY", common::KEY)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    run(&["init"]);
    run(&[
        "client",
        "add",
        "--last-name",
        "Martin",
        "--first-name",
        "Léa",
    ]);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    let mut names = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        assert_eq!(mode(&p), 0o600, "{}", p.display());
        names.push(p.file_name().unwrap().to_string_lossy().into_owned());
    }
    names.sort();
    assert!(names.iter().any(|n| n == "agency.json"), "{names:?}");
    assert!(names.iter().any(|n| n.ends_with(".courtier")), "{names:?}");
}

/// The recovery key printed by `init` opens the file whatever keeps its key day to day: here a
/// file keyed from `COURTIER_DB_KEY`, later opened without it.
#[test]
fn the_recovery_key_opens_a_file_keyed_from_the_environment() {
    let a = CliAgency::empty();
    let printed = a.ok(&["init"]);
    let recovery = printed
        .lines()
        .map(str::trim)
        .find(|l| l.len() > 50 && l.split('-').count() >= 10)
        .unwrap()
        .to_string();
    a.ok(&[
        "client",
        "add",
        "--last-name",
        "Martin",
        "--first-name",
        "Léa",
    ]);
    let without_key = || {
        let mut c = bare();
        c.arg("--data-dir").arg(a.path()).args(["client", "list"]);
        c
    };
    let out = without_key().output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("env_key_required") && err.contains("COURTIER_RECOVERY_KEY"),
        "{err}"
    );
    let out = without_key()
        .env(
            "COURTIER_RECOVERY_KEY",
            "FRM0P-2FWK1-0PFH6-3S9D2-GXQX9-8DR7F-8PW17-HPGMM-W9SX4-Z0GST-6MJD0",
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "another file's recovery key");
    let out = without_key()
        .env("COURTIER_RECOVERY_KEY", &recovery)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Martin"));
}

/// Two processes writing at once (the window and a script, two windows): every write waits for
/// the other instead of failing with « database is locked ». Two loops of 300 `claim add` on one
/// agency file (with a requalification every tenth claim, a read-then-write transaction): 600
/// claims recorded, no failure.
#[test]
fn two_processes_writing_at_once_both_succeed() {
    let a = CliAgency::init();
    let client = a.client("Concurrent", Some("Léa"));
    let k = a.contract(
        client.trim(),
        "Mutuelle de l'Ouest",
        "W-1",
        ("2010-01-01", "2011-01-01"),
        &[],
    );
    let k = k.trim().to_string();
    let writer = |offset: u32| {
        let a = &a;
        let k = k.clone();
        move || {
            let mut failures = Vec::new();
            for i in 0..300_u32 {
                let day = chrono_like_date(offset * 300 + i);
                let out = a.run(&[
                    "claim",
                    "add",
                    "--contract",
                    &k,
                    "--date",
                    &day,
                    "--kind",
                    "glass",
                    "--responsibility",
                    "none",
                    "--json",
                ]);
                if !out.status.success() {
                    failures.push(String::from_utf8_lossy(&out.stderr).into_owned());
                    continue;
                }
                if i % 10 == 0 {
                    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
                    let id = v["claims"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|c| c["occurredOn"] == day.as_str())
                        .unwrap()["id"]
                        .to_string();
                    let out = a.run(&[
                        "claim",
                        "status",
                        &id,
                        "--status",
                        "clos",
                        "--on",
                        "2026-11-01",
                    ]);
                    if !out.status.success() {
                        failures.push(String::from_utf8_lossy(&out.stderr).into_owned());
                    }
                }
            }
            failures
        }
    };
    let (f1, f2) = std::thread::scope(|s| {
        let t1 = s.spawn(writer(0));
        let t2 = s.spawn(writer(1));
        (t1.join().unwrap(), t2.join().unwrap())
    });
    assert!(
        f1.is_empty() && f2.is_empty(),
        "{:?}",
        [f1, f2].concat().first()
    );
    let shown: serde_json::Value = a.json(&["contract", "show", &k, "--json"]);
    assert_eq!(shown["claims"].as_array().unwrap().len(), 600);
}

/// The n-th day from 1 January 2011, as YYYY-MM-DD (no date library in this crate's tests).
fn chrono_like_date(n: u32) -> String {
    let mut days = n;
    let (mut y, mut m) = (2011_u32, 1_u32);
    loop {
        let len = match m {
            2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if days < len {
            return format!("{y:04}-{m:02}-{:02}", days + 1);
        }
        days -= len;
        m += 1;
        if m == 13 {
            m = 1;
            y += 1;
        }
    }
}

/// A damaged agency file is never taken for a new one: emptied, cut short in the middle of a
/// page, or gone while `agency.json` remains, every command says « endommagé » in French (code
/// `damaged`) and nothing is written to it.
#[test]
fn a_damaged_agency_file_is_refused_and_left_as_it_is() {
    let a = CliAgency::init();
    a.client("Martin", Some("Léa"));
    let db = a.path().join("agence.courtier");
    let whole = std::fs::read(&db).unwrap();
    assert!(whole.len() >= 4096, "{}", whole.len());
    // Recent writes may still be in the write-ahead log: it is left as it is too.
    let wal = a.path().join("agence.courtier-wal");
    let wal_before = std::fs::read(&wal).ok();
    let refused = |what: &str| {
        for args in [
            &["client", "list"][..],
            &["client", "add", "--last-name", "Nouveau"],
            &["check"],
        ] {
            let out = a.run(args);
            assert_eq!(out.status.code(), Some(1), "{what}: {args:?}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains("endommagé") && err.contains("(code : damaged)"),
                "{what}: {err}"
            );
        }
    };
    std::fs::write(&db, b"").unwrap();
    refused("vide");
    assert_eq!(
        std::fs::metadata(&db).unwrap().len(),
        0,
        "nothing written to the empty file"
    );
    let half = &whole[..whole.len() / 2 + 100];
    std::fs::write(&db, half).unwrap();
    refused("tronqué");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        half,
        "nothing written to the cut file"
    );
    assert_eq!(
        std::fs::read(&wal).ok(),
        wal_before,
        "nothing written to the log"
    );
    std::fs::remove_file(&db).unwrap();
    refused("disparu");
    assert!(!db.exists(), "no new agency file made in its place");
    std::fs::write(&db, &whole).unwrap();
    assert!(a.ok(&["client", "list"]).contains("Martin"));
}
