//! The agency file through the command line: creation, passphrase, a kill in the middle of a
//! write, private files, the recovery key, two writers at once, damaged files.
#![allow(clippy::unwrap_used)]

mod common;

use common::{bare, CliAgency};
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

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
    assert!(a.ok(&["check"]).trim().ends_with("Intégrité : ok"));
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

    assert!(a.ok(&["check"]).trim().ends_with("Intégrité : ok"));
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
/// agency file (with a status change every tenth claim, a read-then-write transaction): 600
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

/// One byte changed in the middle of the file (the closed file: the command wrote its log back
/// into it) fails the verification of the pages at opening: the file opens read-only, every
/// write is refused with `damaged_read_only` and its French message, reads still work, `check`
/// says what is wrong in French, and not a byte of the file changes. A changed first page (the
/// schema's) is told apart from a wrong key.
#[test]
fn a_file_with_one_byte_changed_opens_read_only_and_is_never_written() {
    let a = CliAgency::init();
    let id = a.client("Martin", Some("Léa"));
    // Enough pages that the middle one holds data, not the schema (which, unreadable, leaves
    // nothing to read: that file is refused, as the first page below).
    a.ok(&["demo", "--clients", "30"]);
    let db = a.path().join("agence.courtier");
    let wal = a.path().join("agence.courtier-wal");
    // The clean close wrote the log back: the file alone holds the agency.
    assert!(
        std::fs::metadata(&wal).map_or(true, |m| m.len() == 0),
        "the write-ahead log is folded back at close"
    );
    let whole = std::fs::read(&db).unwrap();
    let pages = whole.len() / 4096;
    let stderr = |out: &std::process::Output| String::from_utf8_lossy(&out.stderr).to_string();
    // A page of data past the middle: which pages hold the schema (whose loss leaves nothing to
    // read, the file refused as damaged) depends on the migrations' layout, so the first page
    // from the middle on whose change leaves the file readable is taken; a few pages suffice.
    let flip = |page: usize| {
        let mut f = whole.clone();
        f[page * 4096 + 1000] ^= 0x01;
        f
    };
    let flipped = (pages / 2..pages / 2 + 16)
        .map(flip)
        .find(|f| {
            std::fs::write(&db, f).unwrap();
            stderr(&a.run(&["client", "list"])).contains("lecture seule")
        })
        .expect("a data page past the middle of the file");
    std::fs::write(&db, &flipped).unwrap();
    for args in [
        &["client", "add", "--last-name", "Nouveau"][..],
        &["client", "archive", &id],
        &["insurer", "add", "--name", "Assureur neuf"],
    ] {
        let out = a.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.contains("(code : damaged_read_only)") && err.contains("lecture seule"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("malformed") && !err.contains("HMAC"), "{err}");
    }
    // Reads go on, except those that need the changed page itself (which page that is depends
    // on the schema's layout): those are refused as damaged, in French, never shown wrong.
    let out = a.run(&["client", "show", &id]);
    assert!(stderr(&out).contains("lecture seule"), "{}", stderr(&out));
    if out.status.success() {
        assert!(String::from_utf8_lossy(&out.stdout).contains("Martin"));
    } else {
        assert!(stderr(&out).contains("endommagé"), "{}", stderr(&out));
    }
    let out = a.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert!(said.contains("ne se déchiffre"), "{said}");
    assert!(
        !said.contains("malformed") && !said.contains("database disk image"),
        "{said}"
    );
    assert_eq!(std::fs::read(&db).unwrap(), flipped, "nothing written");
    assert!(std::fs::metadata(&wal).map_or(true, |m| m.len() == 0));

    // The first page (past its salt): damaged, not a wrong key; refused untouched.
    let mut first = whole.clone();
    first[2000] ^= 0x01;
    std::fs::write(&db, &first).unwrap();
    let out = a.run(&["client", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("(code : damaged)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&db).unwrap(), first, "nothing written");

    std::fs::write(&db, &whole).unwrap();
    assert!(a.ok(&["client", "list"]).contains("Martin"));
    a.ok(&["client", "add", "--last-name", "Nouveau"]);
}
