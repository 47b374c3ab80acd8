//! The upgrade from schema 9 to 10 (aggravating facts): the same reads before and after, the
//! new tables empty and append-only, facts recorded after it read back with their withdrawal.

use super::tests::{reads, SCHEMA_7_FACTS};
use crate::prelude::*;
use crate::{OpenMode, MIGRATIONS};
use courtier_domain::premium::SuspensionLength;
use courtier_vault::DbKey;

#[test]
fn a_schema_9_file_upgraded_to_10_reads_the_same_and_keeps_aggravations_append_only() {
    let dir = tempfile::tempdir().unwrap();
    let key = DbKey::generate();
    let path = dir.path().join("agence.courtier");
    {
        let s = Store::open_with(&path, &key, OpenMode::Create, &MIGRATIONS[..7]).unwrap();
        s.conn.execute_batch(SCHEMA_7_FACTS).unwrap();
        crate::exchange_log::chain_pending(&s.conn).unwrap();
    }
    let before = {
        let s = Store::open_with(&path, &key, OpenMode::Existing, &MIGRATIONS[..9]).unwrap();
        assert_eq!(s.schema_version().unwrap(), 9);
        reads(&s)
    };
    let mut s = Store::open_with(&path, &key, OpenMode::Existing, &MIGRATIONS[..10]).unwrap();
    assert_eq!(s.schema_version().unwrap(), 10);
    assert_eq!(before, reads(&s));
    assert!(s.aggravations_of_contract(1).unwrap().is_empty());

    let d = |x: &str| NaiveDate::parse_from_str(x, "%Y-%m-%d").unwrap();
    let now = "2024-04-01T12:00:00Z";
    // Alcohol on claim 1 (contract 1), the suspension it caused on driver 1.
    let alcohol = s
        .insert_aggravation(
            &NewAggravation {
                claim_id: Some(1),
                driver_id: None,
                fact: AggravationFact::Alcohol,
                event_date: d("2022-04-15"),
                suspension: None,
                caused_by: None,
                note: Some("Procès-verbal".into()),
            },
            now,
        )
        .unwrap();
    let suspension = s
        .insert_aggravation(
            &NewAggravation {
                claim_id: None,
                driver_id: Some(1),
                fact: AggravationFact::Suspension,
                event_date: d("2022-05-01"),
                suspension: Some(SuspensionLength::Dates {
                    from: d("2022-05-01"),
                    to: d("2022-11-15"),
                }),
                caused_by: Some(alcohol),
                note: None,
            },
            now,
        )
        .unwrap();
    // A cause on another contract, a driver fact on a claim, an unknown driver: refused.
    let other = NewAggravation {
        claim_id: None,
        driver_id: Some(2),
        fact: AggravationFact::Suspension,
        event_date: d("1969-03-01"),
        suspension: Some(SuspensionLength::Months(3)),
        caused_by: Some(alcohol),
        note: None,
    };
    assert!(matches!(
        s.insert_aggravation(&other, now),
        Err(DbError::Invalid(_))
    ));
    let on_claim = NewAggravation {
        claim_id: Some(1),
        driver_id: None,
        fact: AggravationFact::Cancellation,
        caused_by: None,
        suspension: None,
        ..other.clone()
    };
    assert!(matches!(
        s.insert_aggravation(&on_claim, now),
        Err(DbError::Invalid(_))
    ));
    let unknown = NewAggravation {
        driver_id: Some(99),
        caused_by: None,
        ..other.clone()
    };
    assert!(matches!(
        s.insert_aggravation(&unknown, now),
        Err(DbError::Missing { .. })
    ));
    // The constraints mirror the domain: a suspension needs its length.
    let no_length = NewAggravation {
        driver_id: Some(1),
        caused_by: None,
        suspension: None,
        ..other
    };
    assert!(matches!(
        s.insert_aggravation(&no_length, now),
        Err(DbError::Invalid(_))
    ));

    assert_eq!(
        s.withdraw_aggravation(alcohol, "Erreur de saisie", "2024-04-02T09:00:00Z")
            .unwrap(),
        1
    );
    assert!(matches!(
        s.withdraw_aggravation(alcohol, "Encore", now),
        Err(DbError::Invalid(_))
    ));
    let rows = s.aggravations_of_contract(1).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].fact, AggravationFact::Alcohol);
    assert_eq!(rows[0].claim_id, Some(1));
    assert_eq!(rows[0].note.as_deref(), Some("Procès-verbal"));
    assert_eq!(rows[0].recorded_at, now);
    let w = rows[0].withdrawal.as_ref().unwrap();
    assert_eq!(
        (w.reason.as_str(), w.recorded_at.as_str()),
        ("Erreur de saisie", "2024-04-02T09:00:00Z")
    );
    assert_eq!(rows[1].id, suspension);
    assert_eq!(rows[1].caused_by, Some(alcohol));
    assert_eq!(
        rows[1].suspension,
        Some(SuspensionLength::Dates {
            from: d("2022-05-01"),
            to: d("2022-11-15")
        })
    );
    assert!(rows[1].withdrawal.is_none());
    assert_eq!(s.aggravation(suspension).unwrap(), rows[1]);
    // A withdrawn cause cannot be linked to anymore.
    let late = NewAggravation {
        claim_id: None,
        driver_id: Some(1),
        fact: AggravationFact::Cancellation,
        event_date: d("2022-06-01"),
        suspension: None,
        caused_by: Some(alcohol),
        note: None,
    };
    assert!(matches!(
        s.insert_aggravation(&late, now),
        Err(DbError::Invalid(_))
    ));
    // Append-only.
    for sql in [
        "UPDATE aggravations SET note = 'x'",
        "DELETE FROM aggravations",
        "UPDATE aggravation_withdrawals SET reason = 'x'",
        "DELETE FROM aggravation_withdrawals",
    ] {
        let e = s.conn.execute_batch(sql).unwrap_err().to_string();
        assert!(e.contains("append-only"), "{sql}: {e}");
    }
    assert_eq!(s.integrity_check().unwrap(), ["ok"]);
    let fk: Vec<String> =
        crate::sql::query_vec(&s.conn, "PRAGMA foreign_key_check", [], |r| r.get(0)).unwrap();
    assert!(fk.is_empty(), "{fk:?}");
}
