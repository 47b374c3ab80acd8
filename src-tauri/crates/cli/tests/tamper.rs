//! The tamper suite: the agency file opened as an intruder would, with the raw key through
//! SQLCipher, and every append-only kind of fact inserted (in a sealed act, and in an act of
//! its own), edited and deleted, with the
//! triggers kept and with them dropped; then chains recomputed and anchors rewritten. Each
//! change that went through must be reported by `courtier check` with the row it concerns
//! (and a recomputed chain by `check --against` a head printed before).
#![allow(clippy::unwrap_used)]

mod common;

use common::{CliAgency, KEY};
use rusqlite::Connection;
use std::path::Path;

/// An agency with at least one fact of every chained kind, written through the command line.
fn portfolio() -> CliAgency {
    let a = CliAgency::init();
    let client = a.client("Intègre", Some("Anne"));
    let client = client.trim();
    let k = a.contract(
        client,
        "Mutuelle de l'Ouest",
        "T-1",
        ("2022-03-01", "2023-03-01"),
        &["--premium", "RC=300,00"],
    );
    let k = k.trim();
    let v = a.ok_line(&[
        "vehicle",
        "add",
        "--contract",
        k,
        "--registration",
        "ab-123-cd",
        "--from",
        "2022-03-01",
    ]);
    let d = a.ok_line(&[
        "driver",
        "add",
        "--contract",
        k,
        "--last-name",
        "Intègre",
        "--from",
        "2022-03-01",
    ]);
    let c = a.claim(
        k,
        "2024-05-02",
        "accident",
        "full",
        &["--vehicle", &v, "--driver", &d, "--estimated", "2 000,00"],
    );
    let id = c["claims"][0]["id"].to_string();
    a.ok(&[
        "claim",
        "requalify",
        &id,
        "--responsibility",
        "partial",
        "--on",
        "2024-06-01",
    ]);
    a.ok(&[
        "claim",
        "status",
        &id,
        "--status",
        "en_expertise",
        "--on",
        "2024-05-20",
    ]);
    a.ok(&[
        "claim",
        "amount",
        &id,
        "--kind",
        "reglement",
        "--amount",
        "1 500",
        "--on",
        "2024-07-01",
    ]);
    a.ok(&[
        "claim",
        "party",
        &id,
        "--role",
        "expert",
        "--name",
        "Cabinet Loire",
    ]);
    a.ok(&[
        "claim",
        "contact",
        &id,
        "--at",
        "2024-05-10T14:30",
        "--channel",
        "telephone",
        "--direction",
        "sortant",
        "--summary",
        "Rendez-vous fixé",
    ]);
    a.ok(&[
        "claim",
        "update",
        &id,
        "--place",
        "Angers",
        "--reason",
        "Lieu oublié",
    ]);
    a.ok(&[
        "contract",
        "suspend",
        k,
        "--from",
        "2024-09-01",
        "--to",
        "2024-10-01",
    ]);
    a.ok(&[
        "contract",
        "avenant",
        k,
        "--on",
        "2024-11-01",
        "--details",
        "Bris de glace",
        "--premium",
        "Bris de glace=60,00",
    ]);
    let doc = r#"{ "issued_on": "2021-12-10", "issuer": "Assurances du Rhône", "contract_number": "RH-2",
      "subscription_date": "2019-04-01", "registration": "AB-123-CD", "usage": "standard",
      "policyholder": { "last_name": "Intègre", "first_name": "Anne", "birth_date": "1980-05-02",
                        "licence_number": "12AB34567", "licence_date": "1999-06-10" },
      "drivers": [], "claims": [],
      "coefficient": "0.90", "last_echeance": "2021-04-01", "stopped_on": "2021-11-30",
      "termination_reason": "Loi Hamon" }"#;
    // Corrections in place (a driver, a contract) and a vehicle replaced: rows whose state the
    // journal follows from act to act.
    a.ok(&["driver", "update", &d, "--licence-date", "2010-06-01"]);
    a.ok(&[
        "contract",
        "update",
        k,
        "--number",
        "T-1bis",
        "--reason",
        "Numéro corrigé",
    ]);
    a.ok(&[
        "vehicle",
        "replace",
        &v,
        "--contract",
        k,
        "--registration",
        "ef-456-gh",
        "--from",
        "2025-01-15",
    ]);
    let path = a.path().join("releve.json");
    std::fs::write(&path, doc).unwrap();
    a.ok(&["releve", "add", "--client", client, path.to_str().unwrap()]);
    a.ok(&[
        "agency",
        "identity",
        "set",
        "--name",
        "Cabinet Intègre",
        "--orias",
        "12345678",
    ]);
    a.ok(&[
        "exchange",
        "add",
        "--client",
        client,
        "--at",
        "2024-06-03T10:15",
        "--channel",
        "telephone",
        "--direction",
        "entrant",
        "--summary",
        "Appel au sujet du sinistre",
    ]);
    a
}

/// The agency file opened with the raw key, as any SQLCipher tool would, foreign keys off (an
/// intruder turns off what stands in the way).
fn intruder(dir: &Path) -> Connection {
    let c = Connection::open(dir.join("agence.courtier")).unwrap();
    c.execute_batch(&format!(
        "PRAGMA key = \"x'{KEY}'\"; PRAGMA foreign_keys = OFF;"
    ))
    .unwrap();
    c
}

/// A copy of the agency's data directory, to tamper with.
fn copy_of(a: &CliAgency) -> CliAgency {
    let b = CliAgency::empty();
    for e in std::fs::read_dir(a.path()).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_file() {
            std::fs::copy(e.path(), b.path().join(e.file_name())).unwrap();
        }
    }
    b
}

/// Each chained kind: its table, its key columns, and the edit of one of its chained columns.
const KINDS: &[(&str, &[&str], &str)] = &[
    (
        "contract_events",
        &["contract_id", "seq"],
        "details = 'falsifié'",
    ),
    (
        "contract_premiums",
        &["contract_id", "seq"],
        "amount_cents = amount_cents + 1",
    ),
    ("contract_interruptions", &["id"], "reason = 'falsifié'"),
    ("vehicles", &["id"], "registration = 'ZZ-999-ZZ'"),
    ("drivers", &["id"], "last_name = 'Falsifié'"),
    ("claims", &["id"], "place = 'Falsifié'"),
    (
        "claim_qualifications",
        &["claim_id", "seq"],
        "responsibility = CASE responsibility WHEN 'none' THEN 'full' ELSE 'none' END",
    ),
    (
        "claim_status_events",
        &["claim_id", "seq"],
        "note = 'falsifié'",
    ),
    (
        "claim_amounts",
        &["claim_id", "seq"],
        "amount_cents = amount_cents + 1",
    ),
    ("claim_parties", &["id"], "name = 'falsifié'"),
    ("claim_communications", &["id"], "summary = 'falsifié'"),
    ("releves", &["id"], "document = '{}'"),
    ("revisions", &["id"], "reason = 'falsifié'"),
    ("agency_identities", &["id"], "orias = '87654321'"),
    ("client_exchanges", &["id"], "summary = 'falsifié'"),
];

/// `table [k1 v1, k2 v2]`, as `check` names a row.
fn label(table: &str, key: &[&str], values: &[i64]) -> String {
    let parts: Vec<String> = key
        .iter()
        .zip(values)
        .map(|(k, v)| format!("{k} {v}"))
        .collect();
    format!("{table} [{}]", parts.join(", "))
}

/// The key of the first row of `table`, and its `WHERE` clause.
fn first_row(c: &Connection, table: &str, key: &[&str]) -> (Vec<i64>, String) {
    let sql = format!(
        "SELECT {} FROM {table} ORDER BY {} LIMIT 1",
        key.join(", "),
        key.join(", ")
    );
    let values: Vec<i64> = c
        .query_row(&sql, [], |r| (0..key.len()).map(|i| r.get(i)).collect())
        .unwrap();
    let cond: Vec<String> = key
        .iter()
        .zip(&values)
        .map(|(k, v)| format!("{k} = {v}"))
        .collect();
    (values, cond.join(" AND "))
}

/// Inserts a copy of the first row (a new id, or the last key column + 100), in the first row's
/// act or in `act`: the row it made.
fn insert_copy(
    c: &Connection,
    table: &str,
    key: &[&str],
    act: Option<i64>,
) -> rusqlite::Result<Vec<i64>> {
    let (mut values, cond) = first_row(c, table, key);
    let cols: Vec<String> = c
        .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let last = key[key.len() - 1];
    let (into, from): (Vec<String>, Vec<String>) = cols
        .iter()
        .filter(|n| key.len() > 1 || n.as_str() != "id")
        .filter(|n| table != "claim_communications" || n.as_str() != "hash")
        .map(|n| {
            let v = match act {
                Some(a) if n == "act_id" => a.to_string(),
                _ if key.len() > 1 && n == last => format!("{n} + 100"),
                _ => n.clone(),
            };
            (n.clone(), v)
        })
        .unzip();
    c.execute(
        &format!(
            "INSERT INTO {table} ({}) SELECT {} FROM {table} WHERE {cond}",
            into.join(", "),
            from.join(", ")
        ),
        [],
    )?;
    if key.len() > 1 {
        let n = values.len();
        values[n - 1] += 100;
    } else {
        values = vec![c.last_insert_rowid()];
    }
    Ok(values)
}

fn drop_triggers(c: &Connection, table: &str) {
    let names: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1")
        .unwrap()
        .query_map([table], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for n in names {
        c.execute_batch(&format!("DROP TRIGGER {n};")).unwrap();
    }
}

/// `courtier check [args]`: its exit code and standard output.
fn check(a: &CliAgency, extra: &[&str]) -> (Option<i32>, String) {
    let mut args = vec!["check"];
    args.extend(extra);
    let out = a.run(&args);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn printed_head(out: &str) -> String {
    let line = out
        .lines()
        .find(|l| l.starts_with("Empreinte du journal : "))
        .unwrap();
    let rest = line.trim_start_matches("Empreinte du journal : ");
    rest[..rest.find(" (").unwrap()].to_string()
}

#[test]
fn every_tampered_fact_is_reported_by_check_with_its_row() {
    let base = portfolio();
    let (code, out) = check(&base, &[]);
    assert_eq!(code, Some(0), "the untouched portfolio must pass:\n{out}");
    for (t, _, _) in KINDS {
        let n: i64 = intruder(base.path())
            .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .unwrap();
        assert!(n > 0, "the portfolio has no row of {t}");
    }
    let (mut cases, mut applied, mut refused, mut detected) = (0, 0, 0, 0);
    let mut missed = Vec::new();
    for (table, key, edit) in KINDS {
        for op in ["insert", "insert in a new act", "edit", "delete"] {
            for drop in [false, true] {
                cases += 1;
                let a = copy_of(&base);
                let c = intruder(a.path());
                if drop {
                    drop_triggers(&c, table);
                }
                let (first, cond) = first_row(&c, table, key);
                let done = match op {
                    "insert" => insert_copy(&c, table, key, None),
                    "insert in a new act" => c
                        .execute(
                            "INSERT INTO acts (recorded_at) VALUES ('2024-12-31T23:00:00Z')",
                            [],
                        )
                        .and_then(|_| insert_copy(&c, table, key, Some(c.last_insert_rowid()))),
                    "edit" => c
                        .execute(&format!("UPDATE {table} SET {edit} WHERE {cond}"), [])
                        .map(|_| first),
                    _ => c
                        .execute(&format!("DELETE FROM {table} WHERE {cond}"), [])
                        .map(|_| first),
                };
                drop_conn(c);
                let row = match done {
                    Ok(row) => row,
                    Err(e) => {
                        // The trigger refused it: nothing changed, nothing to report.
                        assert!(!drop, "{op} {table} refused with the triggers dropped: {e}");
                        assert!(
                            e.to_string().contains("append-only")
                                || e.to_string().contains("never deleted"),
                            "{e}"
                        );
                        refused += 1;
                        continue;
                    }
                };
                applied += 1;
                let named = label(table, key, &row);
                let (code, out) = check(&a, &[]);
                if code == Some(1) && out.contains(&named) {
                    detected += 1;
                } else {
                    missed.push(format!(
                        "{op} {named} (triggers dropped: {drop}): {code:?}\n{out}"
                    ));
                }
                if drop {
                    assert!(
                        out.contains("schéma : le déclencheur"),
                        "dropped triggers not reported:\n{out}"
                    );
                }
            }
        }
    }
    eprintln!(
        "tamper suite: {cases} cases, {applied} changes went through, {refused} refused by the triggers, {detected} detected with their row"
    );
    assert!(
        missed.is_empty(),
        "{} not detected:\n{}",
        missed.len(),
        missed.join("\n")
    );
    assert_eq!(cases, KINDS.len() * 8);
}

fn drop_conn(c: Connection) {
    c.close().map_err(|(_, e)| e).unwrap();
}

/// The chain recomputed: without the key (plain SHA-256) it fails; with the key and a rewritten
/// anchor it holds, and only a head printed before tells — as it does for acts cut from the end.
#[test]
fn a_recomputed_chain_and_a_rewritten_anchor_contradict_a_printed_head() {
    let base = portfolio();
    let (code, out) = check(&base, &[]);
    assert_eq!(code, Some(0), "{out}");
    let printed = printed_head(&out);
    let dashed = printed.replace(' ', "-");
    let (code, out) = check(&base, &["--against", &dashed]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("préfixe du journal actuel"), "{out}");
    let (code, _) = check(&base, &["--against", "pas une empreinte"]);
    assert_eq!(code, Some(1));

    // 1. Without the key: an amount edited, every link recomputed with plain SHA-256.
    let a = copy_of(&base);
    let c = intruder(a.path());
    drop_triggers(&c, "claim_amounts");
    drop_triggers(&c, "journal");
    c.execute_batch("UPDATE claim_amounts SET amount_cents = 1 WHERE claim_id = 1 AND seq = 1;")
        .unwrap();
    let rows: Vec<(i64, String)> = c
        .prepare("SELECT act_id, manifest FROM journal ORDER BY act_id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut prev = vec![0u8; 32];
    for (act, manifest) in rows {
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        h.update(&prev);
        h.update(act.to_be_bytes());
        h.update(manifest.as_bytes());
        prev = h.finalize().to_vec();
        c.execute(
            "UPDATE journal SET link = ?2 WHERE act_id = ?1",
            rusqlite::params![act, prev],
        )
        .unwrap();
    }
    drop_conn(c);
    let (code, out) = check(&a, &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("ne se vérifie pas"), "{out}");
    assert!(
        out.contains("claim_amounts [claim_id 1, seq 1] a été modifiée"),
        "{out}"
    );

    // 2. With the key: a party's name changed, the chain recomputed, the anchor rewritten.
    let a = copy_of(&base);
    let c = intruder(a.path());
    let guard: String = c
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'claim_parties_no_update'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    c.execute_batch(
        "DROP TRIGGER claim_parties_no_update; UPDATE claim_parties SET name = 'Cabinet complice';",
    )
    .unwrap();
    c.execute_batch(&guard).unwrap();
    let key = courtier_vault::DbKey::from_hex(KEY).unwrap();
    courtier_store::tamper_kit::rechain_with_key(&c, &key).unwrap();
    drop_conn(c);
    std::fs::remove_file(a.path().join("journal-echanges.ancre.json")).unwrap();
    let (code, out) = check(&a, &[]);
    assert_eq!(
        code,
        Some(0),
        "with the key and the anchor rewritten, the file alone holds:\n{out}"
    );
    // Opening wrote a new anchor, as the intruder would have.
    assert!(a.path().join("journal-echanges.ancre.json").exists());
    let (code, out) = check(&a, &["--against", &printed]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("absente du journal"), "{out}");

    // 3. The last act cut from the end: the anchor tells; rewritten, the printed head does.
    let a = copy_of(&base);
    let c = intruder(a.path());
    let last: i64 = c
        .query_row("SELECT max(act_id) FROM journal", [], |r| r.get(0))
        .unwrap();
    // Every guard goes, and comes back as it was: the schema check sees nothing.
    let guards: Vec<(String, String)> = c
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%RAISE(ABORT%'")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (name, _) in &guards {
        c.execute_batch(&format!("DROP TRIGGER {name};")).unwrap();
    }
    for (t, _, _) in KINDS {
        c.execute(&format!("DELETE FROM {t} WHERE act_id = ?1"), [last])
            .unwrap();
    }
    c.execute("DELETE FROM journal WHERE act_id = ?1", [last])
        .unwrap();
    c.execute("DELETE FROM acts WHERE id = ?1", [last]).unwrap();
    for (_, sql) in &guards {
        c.execute_batch(sql).unwrap();
    }
    drop_conn(c);
    let (code, out) = check(&a, &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("disparu de la fin du journal"), "{out}");
    std::fs::remove_file(a.path().join("journal-echanges.ancre.json")).unwrap();
    let (_, out) = check(&a, &["--against", &printed]);
    assert!(out.contains("absente du journal"), "{out}");
}

/// The derived coefficient history is recomputed from the facts: a coefficient in force edited
/// (0,90 → 0,54) is reported with its contract and échéance. An orphan contract is reported by
/// the foreign keys' check.
#[test]
fn an_edited_coefficient_and_an_orphan_contract_are_reported() {
    let base = portfolio();
    let a = copy_of(&base);
    let c = intruder(a.path());
    let before: i64 = c
        .query_row("SELECT count(*) FROM coefficient_history", [], |r| r.get(0))
        .unwrap();
    assert!(before > 0);
    c.execute_batch(
        "UPDATE coefficient_history SET echeances = unhex(substr(hex(echeances), 1, length(hex(echeances)) - 4) || '0036');
         INSERT INTO contracts (client_id, insurer_id, number, product, subscription_date, first_echeance, usage, start_coefficient)
             VALUES (999, 1, 'ORPHELIN', 'auto', '2022-01-01', '2023-01-01', 'standard', 100);",
    )
    .unwrap();
    let orphan = c.last_insert_rowid();
    drop_conn(c);
    let (code, out) = check(&a, &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("coefficients : contrat n° 1, échéance du") && out.contains("0,54 enregistré"),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "clés étrangères : contracts [id {orphan}] renvoie à une ligne absente de clients"
        )),
        "{out}"
    );
}

/// A contract is corrected in place: its terms are sealed by each act that writes them. An
/// edited start coefficient, a contract deleted (its guard dropped) or one inserted are named.
#[test]
fn a_contract_s_terms_edited_deleted_or_inserted_are_named() {
    let base = portfolio();
    let cases: [(&str, &str, &str); 3] = [
        ("UPDATE contracts SET start_coefficient = 50 WHERE id = 1", "contracts [id 1] a été modifiée", "modifié"),
        ("DROP TRIGGER contracts_no_delete; DELETE FROM contracts WHERE id = 1", "contracts [id 1] a été supprimée", "supprimé"),
        (
            "INSERT INTO contracts (client_id, insurer_id, number, product, subscription_date, first_echeance, usage,
                 start_coefficient, created_act, updated_act)
                 SELECT client_id, insurer_id, 'FAUX-1', product, subscription_date, first_echeance, usage,
                 start_coefficient, created_act, updated_act FROM contracts WHERE id = 1",
            "contracts [id 2] a été ajoutée",
            "ajouté",
        ),
    ];
    for (sql, expected, what) in cases {
        let a = copy_of(&base);
        let c = intruder(a.path());
        c.execute_batch(sql).unwrap();
        drop_conn(c);
        let (code, out) = check(&a, &[]);
        assert_eq!(code, Some(1), "{what}:\n{out}");
        assert!(out.contains(expected), "{what}:\n{out}");
        // Only the contract's own row is named as changed: a deleted one is not « modifiée ».
        if what == "supprimé" {
            assert!(!out.contains("contracts [id 1] a été modifiée"), "{out}");
        }
    }
}
