//! The upgrade to the journal (schema 11): the facts already in the file are chained once, at
//! the migration, in its transaction; never again after.

use super::tests::SCHEMA_7_FACTS;
use crate::prelude::*;
use crate::{OpenMode, MIGRATIONS};
use courtier_vault::DbKey;

fn count(s: &Store, sql: &str) -> i64 {
    s.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn an_upgraded_file_has_its_existing_facts_chained_once() {
    let dir = tempfile::tempdir().unwrap();
    let key = DbKey::generate();
    let path = dir.path().join("agence.courtier");
    {
        let s = Store::open_with(&path, &key, OpenMode::Create, &MIGRATIONS[..7]).unwrap();
        s.conn.execute_batch(SCHEMA_7_FACTS).unwrap();
        crate::exchange_log::chain_pending(&s.conn).unwrap();
        drop(s);
        // Schema 9, the last without the journal.
        let s = Store::open_with(&path, &key, OpenMode::Existing, &MIGRATIONS[..9]).unwrap();
        assert!(!s.journaled);
    }
    let s = Store::open(&path, &key, OpenMode::Existing).unwrap();
    let acts = count(&s, "SELECT count(*) FROM acts");
    assert!(acts >= 3, "{acts}");
    assert_eq!(count(&s, "SELECT count(*) FROM journal"), acts);
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM claim_communications WHERE act_id IS NULL"
        ),
        0,
        "every exchange joined an act"
    );
    let j = s.verify_journal(None, None).unwrap();
    assert!(j.problems.is_empty(), "{:?}", j.problems);
    assert_eq!(j.acts, acts as u64);
    assert!(j.facts > 20, "{}", j.facts);
    let schema = s.verify_schema().unwrap();
    assert!(schema.problems.is_empty(), "{:?}", schema.problems);
    assert!(s.foreign_key_check().unwrap().is_empty());
    let head = s.journal_head().unwrap().unwrap();

    // A fact inserted behind the store's back after the upgrade is reported, and the next
    // opening does not chain it.
    s.conn
        .execute_batch(
            "INSERT INTO acts (recorded_at) VALUES ('2024-05-01T00:00:00Z');
             INSERT INTO claim_amounts (claim_id, seq, kind, amount_cents, on_day, act_id)
                 VALUES (1, 50, 'reglement', 99900, 19000, last_insert_rowid());",
        )
        .unwrap();
    drop(s);
    let mut s = Store::open(&path, &key, OpenMode::Existing).unwrap();
    assert_eq!(count(&s, "SELECT count(*) FROM journal"), acts);
    let j = s.verify_journal(Some(&head), None).unwrap();
    assert!(
        j.problems.iter().any(|p| p.contains("n'a pas de maillon")
            && p.contains("claim_amounts [claim_id 1, seq 50]")),
        "{:?}",
        j.problems
    );

    // Two writes in the same second are two acts, each sealed by its own transaction, after
    // the forged act: the forged one stays reported, the chain of Courtier's own holds.
    let d = NaiveDate::from_ymd_opt(2022, 7, 1).unwrap();
    for status in [ClaimStatus::EnExpertise, ClaimStatus::Indemnise] {
        s.claim_status(1, status, d, None, "2024-06-01T12:00:00Z")
            .unwrap();
    }
    assert_eq!(count(&s, "SELECT count(*) FROM journal"), acts + 2);
    let j = s.verify_journal(Some(&head), None).unwrap();
    assert_eq!(j.problems.len(), 1, "{:?}", j.problems);
    let printed = head.link[..20].to_string();
    let j = s.verify_journal(None, Some(&printed)).unwrap();
    assert_eq!(j.against.unwrap().unwrap().act, head.act);
}
