//! The documents' store: bytes round-trip through blob I/O, SHA-256, duplicates, bin, emptying.

use crate::prelude::*;
use crate::OpenMode;
use courtier_vault::DbKey;
use sha2::{Digest, Sha256};

fn client() -> Client {
    Client {
        kind: ClientKind::Person,
        civility: None,
        last_name: Some("Martin".into()),
        first_name: Some("Anne".into()),
        company_name: None,
        siren: None,
        birth_date: None,
        addresses: vec![],
        phones: vec![],
        emails: vec![],
        profession: None,
        status: ClientStatus::Client,
        source: None,
        assigned_broker: None,
        notes: None,
    }
}

fn new_doc(owner: DocumentOwner, size: usize) -> NewDocument {
    NewDocument {
        owner,
        kind: DocumentKind::ConstatAmiable,
        format: DocumentFormat::Pdf,
        file_name: "constat.pdf".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 3),
        note: Some("reçu par courrier".into()),
        size: size as u64,
        pages: 2,
        thumbnail: Some(vec![0x89, b'P', b'N', b'G']),
    }
}

fn bytes(n: usize, seed: u8) -> Vec<u8> {
    (0..n).map(|i| (i as u8).wrapping_mul(31) ^ seed).collect()
}

fn open() -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("agence.courtier");
    let mut s = Store::open(&path, &DbKey::generate(), OpenMode::Create).unwrap();
    let id = s.insert_client(&client(), "2026-12-01T09:00:00Z").unwrap();
    (dir, s, id)
}

#[test]
fn bytes_round_trip_through_blob_io_with_their_sha256() {
    let (_dir, mut s, c) = open();
    // Several chunks and a partial last one.
    let data = bytes(3 * super::CHUNK + 1234, 7);
    let owner = DocumentOwner::Client(c);
    let got = s
        .attach_document(
            &new_doc(owner, data.len()),
            &mut data.as_slice(),
            "2026-12-01T10:00:00Z",
        )
        .unwrap();
    let Attached::New(id) = got else {
        panic!("{got:?}")
    };
    let d = s.document(id).unwrap();
    let expected: String = Sha256::digest(&data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(d.sha256, expected);
    assert_eq!(
        (d.size, d.pages, d.state),
        (data.len() as u64, 2, DocumentState::Active)
    );
    assert_eq!(d.attached_at, "2026-12-01T10:00:00Z");
    assert!(d.has_thumbnail);
    let mut out = Vec::new();
    assert_eq!(s.read_document(id, &mut out).unwrap(), data.len() as u64);
    assert_eq!(out, data);
    assert_eq!(s.documents_of(owner, false).unwrap().len(), 1);
}

#[test]
fn a_reader_shorter_than_announced_stores_nothing() {
    let (_dir, mut s, c) = open();
    let data = bytes(1000, 1);
    let e = s
        .attach_document(
            &new_doc(DocumentOwner::Client(c), 2000),
            &mut data.as_slice(),
            "t1",
        )
        .unwrap_err();
    assert!(e.to_string().contains("changé de taille"), "{e}");
    let n: i64 = s
        .conn
        .query_row("SELECT count(*) FROM document_contents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn the_same_bytes_twice_on_one_record_are_recognised_and_kept_once() {
    let (_dir, mut s, c) = open();
    let data = bytes(5000, 3);
    let owner = DocumentOwner::Client(c);
    let first = s
        .attach_document(&new_doc(owner, data.len()), &mut data.as_slice(), "t1")
        .unwrap();
    let Attached::New(id) = first else { panic!() };
    let again = s
        .attach_document(&new_doc(owner, data.len()), &mut data.as_slice(), "t2")
        .unwrap();
    assert_eq!(
        again,
        Attached::AlreadyThere {
            id,
            state: DocumentState::Active
        }
    );
    let n: i64 = s
        .conn
        .query_row("SELECT count(*) FROM document_contents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1, "the second copy was rolled back");
    // Another record may hold the same file.
    let other = s.insert_client(&client(), "t3").unwrap();
    let elsewhere = s
        .attach_document(
            &new_doc(DocumentOwner::Client(other), data.len()),
            &mut data.as_slice(),
            "t4",
        )
        .unwrap();
    assert!(matches!(elsewhere, Attached::New(_)));
}

#[test]
fn bin_restore_and_emptying_are_recorded_and_remove_the_bytes_only_when_emptied() {
    let (_dir, mut s, c) = open();
    let owner = DocumentOwner::Client(c);
    let a = bytes(100, 1);
    let b = bytes(100, 2);
    let Attached::New(ida) = s
        .attach_document(&new_doc(owner, 100), &mut a.as_slice(), "t1")
        .unwrap()
    else {
        panic!()
    };
    let Attached::New(idb) = s
        .attach_document(&new_doc(owner, 100), &mut b.as_slice(), "t2")
        .unwrap()
    else {
        panic!()
    };
    s.bin_document(ida, "t3").unwrap();
    assert!(s
        .bin_document(ida, "t3b")
        .unwrap_err()
        .to_string()
        .contains("déjà dans la corbeille"));
    assert_eq!(s.documents_of(owner, false).unwrap().len(), 1);
    assert_eq!(s.bin().unwrap().len(), 1);
    s.restore_document(ida, "t4").unwrap();
    assert!(s.bin().unwrap().is_empty());
    s.bin_document(idb, "t5").unwrap();
    s.record_export(ida, "/tmp/copie.pdf", "t6").unwrap();
    assert_eq!(
        s.document(ida).unwrap().exports,
        vec![("t6".to_string(), "/tmp/copie.pdf".to_string())]
    );
    // The record's list shows the same exports as the document itself.
    let listed = s.documents_of(owner, true).unwrap();
    let first = listed.iter().find(|d| d.id == ida).unwrap();
    assert_eq!(
        first.exports,
        vec![("t6".to_string(), "/tmp/copie.pdf".to_string())]
    );
    assert_eq!(s.empty_bin(None, "t7").unwrap(), 1);
    assert_eq!(s.document(idb).unwrap().state, DocumentState::Emptied);
    assert!(s.read_document(idb, &mut Vec::new()).is_err());
    assert!(s.restore_document(idb, "t8").is_err());
    let mut out = Vec::new();
    s.read_document(ida, &mut out).unwrap();
    assert_eq!(out, a);
    // The same bytes may be attached again once the first copy was emptied.
    assert!(matches!(
        s.attach_document(&new_doc(owner, 100), &mut b.as_slice(), "t9")
            .unwrap(),
        Attached::New(_)
    ));
    let acts: Vec<(i64, String)> = crate::sql::query_vec(
        &s.conn,
        "SELECT b.document_id, b.action FROM document_bin_events b ORDER BY b.act_id",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap();
    assert_eq!(
        acts,
        vec![
            (ida, "bin".into()),
            (ida, "restore".into()),
            (idb, "bin".into())
        ]
    );
}

#[test]
fn document_facts_are_append_only_and_contents_go_only_with_the_bin() {
    let (_dir, mut s, c) = open();
    let a = bytes(100, 1);
    let Attached::New(id) = s
        .attach_document(
            &new_doc(DocumentOwner::Client(c), 100),
            &mut a.as_slice(),
            "t1",
        )
        .unwrap()
    else {
        panic!()
    };
    s.bin_document(id, "t2").unwrap();
    s.record_export(id, "/x", "t3").unwrap();
    for sql in [
        "UPDATE documents SET sha256 = 'x'",
        "DELETE FROM documents",
        "DELETE FROM document_contents",
        "UPDATE document_contents SET thumbnail = NULL",
        "DELETE FROM document_bin_events",
        "UPDATE document_exports SET destination = 'y'",
        "DELETE FROM document_exports",
    ] {
        let e = s.conn.execute_batch(sql).unwrap_err().to_string();
        assert!(e.contains("append-only"), "{sql}: {e}");
    }
    s.empty_bin(None, "t4").unwrap();
    for sql in [
        "DELETE FROM bin_emptyings",
        "DELETE FROM bin_emptied_documents",
    ] {
        let e = s.conn.execute_batch(sql).unwrap_err().to_string();
        assert!(e.contains("append-only"), "{sql}: {e}");
    }
}

#[test]
fn the_size_limit_is_a_setting_with_bounds() {
    let (_dir, mut s, _) = open();
    assert_eq!(s.document_size_limit().unwrap(), 50 * 1024 * 1024);
    s.set_document_size_limit(10 * 1024 * 1024).unwrap();
    assert_eq!(s.document_size_limit().unwrap(), 10 * 1024 * 1024);
    assert!(s.set_document_size_limit(10).is_err());
}

#[test]
fn an_unknown_record_is_refused() {
    let (_dir, mut s, _) = open();
    let a = bytes(10, 1);
    let e = s
        .attach_document(
            &new_doc(DocumentOwner::Claim(99), 10),
            &mut a.as_slice(),
            "t1",
        )
        .unwrap_err();
    assert!(
        matches!(
            e,
            DbError::Missing {
                entity: "Sinistre",
                id: 99
            }
        ),
        "{e}"
    );
}

#[test]
fn details_changed_later_are_new_facts_the_last_in_force_the_attaching_untouched() {
    let (_dir, mut s, c) = open();
    let a = bytes(100, 1);
    let owner = DocumentOwner::Client(c);
    let Attached::New(id) = s
        .attach_document(&new_doc(owner, 100), &mut a.as_slice(), "t1")
        .unwrap()
    else {
        panic!()
    };
    s.revise_document(
        id,
        &DocumentDetails {
            kind: DocumentKind::Facture,
            date: NaiveDate::from_ymd_opt(2026, 11, 20),
            note: Some("facture du garage".into()),
        },
        "t2",
    )
    .unwrap();
    let d = s.document(id).unwrap();
    assert_eq!(d.kind, DocumentKind::Facture);
    assert_eq!(d.date, NaiveDate::from_ymd_opt(2026, 11, 20));
    assert_eq!(d.note.as_deref(), Some("facture du garage"));
    // A second change clears the date and the note: the last row is in force, NULLs included.
    s.revise_document(
        id,
        &DocumentDetails {
            kind: DocumentKind::Autre,
            date: None,
            note: None,
        },
        "t3",
    )
    .unwrap();
    let d = &s.documents_of(owner, false).unwrap()[0];
    assert_eq!(
        (d.kind, d.date, d.note.clone()),
        (DocumentKind::Autre, None, None)
    );
    // The attaching fact keeps what was given at the drop.
    let (kind, note): (String, Option<String>) = s
        .conn
        .query_row(
            "SELECT kind, note FROM documents WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(kind, "constat_amiable");
    assert_eq!(note.as_deref(), Some("reçu par courrier"));
    for sql in [
        "UPDATE document_details SET note = 'x'",
        "DELETE FROM document_details",
    ] {
        let e = s.conn.execute_batch(sql).unwrap_err().to_string();
        assert!(e.contains("append-only"), "{sql}: {e}");
    }
    // Once emptied from the bin, a document's details no longer change.
    s.bin_document(id, "t4").unwrap();
    s.empty_bin(None, "t5").unwrap();
    let e = s
        .revise_document(
            id,
            &DocumentDetails {
                kind: DocumentKind::Autre,
                date: None,
                note: None,
            },
            "t6",
        )
        .unwrap_err();
    assert!(e.to_string().contains("supprimé définitivement"), "{e}");
}
