//! Identifier search and the claims' pages: on a file written at schema 7 and upgraded (the
//! expression indexes of migration 10 are built from the rows already there), and their plans.

use crate::migrations::tests::SCHEMA_7_FACTS;
use crate::prelude::*;
use crate::sql::query_vec;
use crate::{OpenMode, MIGRATIONS};
use courtier_vault::DbKey;

fn upgraded() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let key = DbKey::generate();
    let path = dir.path().join("agence.courtier");
    {
        let s = Store::open_with(&path, &key, OpenMode::Create, &MIGRATIONS[..7]).unwrap();
        s.conn.execute_batch(SCHEMA_7_FACTS).unwrap();
        crate::exchange_log::chain_pending(&s.conn).unwrap();
    }
    let s = Store::open(&path, &key, OpenMode::Existing).unwrap();
    // The raw rows above skipped the client index the store keeps.
    s.conn
        .execute_batch(
            "INSERT INTO client_search (rowid, name) VALUES (1, 'Martin Anne'), (2, 'Roux Tom')",
        )
        .unwrap();
    assert_eq!(s.schema_version().unwrap(), crate::migrations::latest());
    (dir, s)
}

fn found(s: &Store, text: &str) -> Vec<(HitKind, i64)> {
    s.search_identifiers(text, 20)
        .unwrap()
        .into_iter()
        .map(|h| (h.kind, h.id))
        .collect()
}

#[test]
fn an_upgraded_file_finds_registrations_references_and_insurers_typed_any_way() {
    let (_dir, s) = upgraded();
    for typed in ["AB-123-CD", "ab123", "AB 123", "ab-12", "ab1"] {
        assert_eq!(found(&s, typed), [(HitKind::Vehicle, 1)], "{typed}");
    }
    assert_eq!(found(&s, "ef456gh"), [(HitKind::Vehicle, 2)]);
    assert_eq!(found(&s, "sin-1"), [(HitKind::Claim, 1)]);
    assert_eq!(found(&s, "allia"), [(HitKind::Insurer, 1)]);
    assert_eq!(found(&s, "auto alli"), [(HitKind::Insurer, 1)]);
    // Too short to mean an identifier; not a prefix; nothing.
    assert!(found(&s, "ab").is_empty());
    assert!(found(&s, "123cd").is_empty());
    assert!(found(&s, "  --  ").is_empty());
    let hit = &s.search_identifiers("ab123", 5).unwrap()[0];
    assert_eq!(hit.text, "AB-123-CD");
    assert_eq!(hit.contract_id, Some(1));
    assert_eq!(hit.contract_number.as_deref(), Some("A-1"));
    assert_eq!(hit.client_id, Some(1));
    assert_eq!(hit.client_name.as_deref(), Some("Anne Martin"));
    assert_eq!(hit.insurer.as_deref(), Some("Alliance Auto"));
    assert_eq!(hit.detail.as_deref(), Some("Peugeot 208"));
}

#[test]
fn a_contract_number_is_found_after_a_correction_and_by_its_prefix() {
    let (_dir, s) = upgraded();
    // A correction (or any tool writing the file) keeps the expression index in step.
    s.conn
        .execute_batch("UPDATE contracts SET number = 'AUTO-2024-CL-7' WHERE id = 2")
        .unwrap();
    assert_eq!(found(&s, "AUTO-2024-CL"), [(HitKind::Contract, 2)]);
    assert_eq!(found(&s, "auto2024cl7"), [(HitKind::Contract, 2)]);
    assert!(found(&s, "AUTO-2024-CL-8").is_empty());
}

#[test]
fn identifier_searches_read_a_range_of_their_index() {
    let (_dir, s) = upgraded();
    let plan = |sql: &str| {
        query_vec(&s.conn, &format!("EXPLAIN QUERY PLAN {sql}"), [], |r| {
            r.get::<_, String>(3)
        })
        .unwrap()
        .join(" | ")
    };
    for (table, alias, col, index) in [
        ("contracts", "k", "number", "contracts_number_key"),
        ("vehicles", "v", "registration", "vehicles_registration_key"),
        ("claims", "cl", "insurer_reference", "claims_reference_key"),
    ] {
        let e = super::key_expr(&format!("{alias}.{col}"));
        let p = plan(&format!(
            "SELECT {alias}.id FROM {table} {alias} WHERE {alias}.{col} IS NOT NULL
             AND {e} >= 'ab' AND {e} < 'ac' ORDER BY {e} LIMIT 20"
        ));
        assert!(p.contains(index), "{table}: {p}");
        assert!(!p.contains("TEMP B-TREE"), "{table}: {p}");
    }
    // The claims' pages walk the date index, without sorting the claims.
    let p = plan(
        "SELECT cl.id FROM claims cl CROSS JOIN contracts k ON k.id = cl.contract_id
         ORDER BY cl.occurred_on DESC, cl.id DESC LIMIT 51",
    );
    assert!(p.contains("claims_occurred"), "{p}");
    assert!(!p.contains("TEMP B-TREE"), "{p}");
}

fn claims(s: &Store, q: ClaimQuery) -> (Vec<i64>, bool) {
    let page = s
        .list_claims(&ClaimQuery {
            page: q.page.max(1),
            page_size: if q.page_size == 0 { 50 } else { q.page_size },
            ..q
        })
        .unwrap();
    (page.items.iter().map(|c| c.claim_id).collect(), page.more)
}

#[test]
fn the_claims_pages_list_open_and_closed_claims_with_their_filters() {
    let (_dir, s) = upgraded();
    let d = |x: &str| NaiveDate::parse_from_str(x, "%Y-%m-%d").unwrap();
    // Newest first, open and closed.
    assert_eq!(claims(&s, ClaimQuery::default()), (vec![2, 1, 3], false));
    assert_eq!(
        claims(
            &s,
            ClaimQuery {
                oldest_first: true,
                ..Default::default()
            }
        ),
        (vec![3, 1, 2], false)
    );
    let open = |o| ClaimQuery {
        open: Some(o),
        ..Default::default()
    };
    assert_eq!(claims(&s, open(true)), (vec![1], false));
    assert_eq!(claims(&s, open(false)), (vec![2, 3], false));
    let status = ClaimQuery {
        status: Some(ClaimStatus::Refuse),
        ..Default::default()
    };
    assert_eq!(claims(&s, status).0, [3]);
    let resp = ClaimQuery {
        responsibility: Some(Responsibility::Partial),
        ..Default::default()
    };
    assert_eq!(claims(&s, resp).0, [1]);
    let range = ClaimQuery {
        from: Some(d("2022-01-01")),
        to: Some(d("2022-12-31")),
        ..Default::default()
    };
    assert_eq!(claims(&s, range).0, [1]);
    let insurer = |id| ClaimQuery {
        insurer_id: Some(id),
        ..Default::default()
    };
    assert_eq!(claims(&s, insurer(1)).0, [2, 1, 3]);
    assert!(claims(&s, insurer(9)).0.is_empty());
    let text = |t: &str| ClaimQuery {
        text: Some(t.into()),
        ..Default::default()
    };
    assert_eq!(claims(&s, text("SIN 1")).0, [1]);
    assert_eq!(claims(&s, text("roux")).0, [3]);
    assert_eq!(claims(&s, text("anne mart")).0, [2, 1]);
    assert!(claims(&s, text("personne")).0.is_empty());
    // Paged: the first page says there is more, the last does not.
    let page = |n| ClaimQuery {
        page: n,
        page_size: 2,
        ..Default::default()
    };
    assert_eq!(claims(&s, page(1)), (vec![2, 1], true));
    assert_eq!(claims(&s, page(2)), (vec![3], false));
    let row = &s.list_claims(&text("roux")).unwrap().items[0];
    assert_eq!(row.status, ClaimStatus::Refuse);
    assert_eq!(row.client_name, "Tom Roux");
    assert_eq!(row.contract_number, "A-2");
}
