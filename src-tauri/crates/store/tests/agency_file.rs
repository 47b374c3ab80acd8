//! The agency file on disk: encryption, keys, migrations, interoperability.
#![allow(clippy::unwrap_used)]

use courtier_domain::client::{
    Address, AddressKind, Civility, Client, ClientKind, ClientStatus, Email, EmailKind, Phone,
    PhoneKind,
};
use courtier_port::{AgencyStore, StoreError};
use courtier_store::{Migration, OpenMode, Store, MIGRATIONS};
use courtier_vault::DbKey;
use std::path::Path;

const NOW: &str = "2026-11-24T10:00:00Z";

fn client(last: &str, first: &str) -> Client {
    Client {
        kind: ClientKind::Person,
        civility: Some(Civility::Mme),
        last_name: Some(last.into()),
        first_name: Some(first.into()),
        company_name: None,
        siren: None,
        birth_date: chrono::NaiveDate::from_ymd_opt(1984, 3, 12),
        addresses: vec![Address {
            kind: AddressKind::Principale,
            line1: Some("12 rue des Écoles".into()),
            line2: None,
            postcode: "69003".into(),
            city: "Lyon".into(),
            country: "France".into(),
        }],
        phones: vec![Phone {
            kind: PhoneKind::Mobile,
            number: "0612345678".into(),
        }],
        emails: vec![Email {
            kind: EmailKind::Personnel,
            address: format!(
                "{}.{}@exemple.fr",
                first.to_lowercase(),
                last.to_lowercase()
            ),
        }],
        profession: Some("Infirmière".into()),
        status: ClientStatus::Client,
        source: None,
        assigned_broker: None,
        notes: Some("Notes très confidentielles".into()),
    }
}

/// The store through the port, as the application sees it.
fn port(s: &mut Store) -> &mut dyn AgencyStore {
    s
}

fn port_ref(s: &Store) -> &dyn AgencyStore {
    s
}

fn new_store(dir: &Path, key: &DbKey) -> Store {
    Store::open(&dir.join("agence.courtier"), key, OpenMode::Create).unwrap()
}

fn all_files_bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_file() {
            out.push((
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            ));
        }
    }
    out
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn reopens_with_the_right_key_and_finds_by_accent_free_prefix() {
    let dir = tempfile::tempdir().unwrap();
    let key = DbKey::generate();
    let mut s = new_store(dir.path(), &key);
    let id = port(&mut s)
        .insert_client(&client("Lefèvre", "Hélène"), NOW)
        .unwrap();
    drop(s);
    let s = Store::open(
        &dir.path().join("agence.courtier"),
        &key,
        OpenMode::Existing,
    )
    .unwrap();
    let found = port_ref(&s)
        .search_clients("helene lef", 10, false)
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, id);
    assert_eq!(found[0].display_name, "Hélène Lefèvre");
    assert_eq!(
        port_ref(&s).search_clients("HÉL", 10, false).unwrap().len(),
        1
    );
    assert_eq!(
        port_ref(&s)
            .search_clients("06 12 34", 10, false)
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        port_ref(&s)
            .search_clients("+33 6 12 34", 10, false)
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        port_ref(&s)
            .search_clients("6900", 10, false)
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        port_ref(&s).search_clients("lyo", 10, false).unwrap().len(),
        1
    );
    assert_eq!(
        port_ref(&s)
            .search_clients("helene.lef", 10, false)
            .unwrap()
            .len(),
        1
    );
    assert!(port_ref(&s)
        .search_clients("martin", 10, false)
        .unwrap()
        .is_empty());
    assert_eq!(
        port_ref(&s).integrity_check().unwrap(),
        vec!["ok".to_string()]
    );
}

#[test]
fn no_client_data_in_clear_in_any_file_of_the_directory() {
    let dir = tempfile::tempdir().unwrap();
    let key = DbKey::generate();
    let mut s = new_store(dir.path(), &key);
    for i in 0..200 {
        port(&mut s)
            .insert_client(&client("Quarantotto", &format!("Zéphyrine{i}")), NOW)
            .unwrap();
    }
    let check = |when: &str| {
        let files = all_files_bytes(dir.path());
        assert!(!files.is_empty(), "{when}: no file");
        for (name, bytes) in &files {
            for needle in [
                "Quarantotto".as_bytes(),
                "quarantotto".as_bytes(),
                "Zéphyrine".as_bytes(),
                "zephyrine".as_bytes(),
                "confidentielles".as_bytes(),
                "0612345678".as_bytes(),
            ] {
                assert!(
                    !contains(bytes, needle),
                    "{when}: {name} contains {:?} in clear",
                    String::from_utf8_lossy(needle)
                );
            }
            assert!(
                !bytes.starts_with(b"SQLite format 3"),
                "{when}: {name} is a plaintext SQLite file"
            );
        }
    };
    assert!(
        dir.path().join("agence.courtier-wal").exists(),
        "the WAL should hold the last writes"
    );
    check("WAL not yet checkpointed");
    s.checkpoint().unwrap();
    check("after checkpoint");
    drop(s);
    check("after close");
}

#[test]
fn wrong_key_is_its_own_error_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let key = DbKey::generate();
    let path = dir.path().join("agence.courtier");
    let mut s = new_store(dir.path(), &key);
    port(&mut s)
        .insert_client(&client("Dupont", "Jean"), NOW)
        .unwrap();
    s.checkpoint().unwrap();
    drop(s);
    let before = all_files_bytes(dir.path());
    let err = Store::open(&path, &DbKey::generate(), OpenMode::Existing).unwrap_err();
    assert!(matches!(err, StoreError::WrongKey), "{err:?}");
    assert_eq!(err.code(), "wrong_key");
    assert!(err.to_string().contains("clé"));
    assert_eq!(all_files_bytes(dir.path()), before);
    // And the right key still opens it.
    let s = Store::open(&path, &key, OpenMode::Existing).unwrap();
    assert_eq!(port_ref(&s).count_clients(true).unwrap(), 1);
}

#[test]
fn missing_file_and_existing_file_are_refused_per_mode() {
    let dir = tempfile::tempdir().unwrap();
    let key = DbKey::generate();
    let path = dir.path().join("agence.courtier");
    assert!(matches!(
        Store::open(&path, &key, OpenMode::Existing),
        Err(StoreError::NotFound { .. })
    ));
    drop(new_store(dir.path(), &key));
    assert!(matches!(
        Store::open(&path, &key, OpenMode::Create),
        Err(StoreError::AlreadyExists { .. })
    ));
}

#[test]
fn sqlcipher_is_linked_and_the_file_is_standard_sqlcipher4() {
    let dir = tempfile::tempdir().unwrap();
    let key = DbKey::generate();
    let mut s = new_store(dir.path(), &key);
    let v = s.cipher_version().unwrap();
    assert!(v.starts_with('4'), "SQLCipher 4 expected, got {v}");
    port(&mut s)
        .insert_client(&client("Interopérable", "Zoé"), NOW)
        .unwrap();
    drop(s);
    // Another SQLCipher 4 implementation (Python's sqlcipher3, its own bundled SQLCipher) opens
    // the file with nothing but the raw key: the broker's data is never locked in.
    let script = r#"
import sys
try:
    import sqlcipher3
except ImportError:
    sys.exit("sqlcipher3 missing: python3 -m pip install sqlcipher3-binary (scripts/install-deps.sh test does it)")
con = sqlcipher3.connect(sys.argv[1])
con.execute("PRAGMA key = \"x'%s'\"" % sys.argv[2])
print(con.execute("PRAGMA cipher_version").fetchone()[0])
print(con.execute("SELECT last_name || ' ' || first_name FROM clients").fetchone()[0])
"#;
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(dir.path().join("agence.courtier"))
        .arg(key.to_hex().as_str())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "python sqlcipher3 failed: {}{}",
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("Interopérable Zoé"), "{stdout}");
}

#[test]
fn a_failing_migration_leaves_the_previous_schema_intact() {
    let dir = tempfile::tempdir().unwrap();
    let key = DbKey::generate();
    let path = dir.path().join("agence.courtier");
    let mut s = new_store(dir.path(), &key);
    port(&mut s)
        .insert_client(&client("Dupont", "Jean"), NOW)
        .unwrap();
    drop(s);

    let mut broken = MIGRATIONS.to_vec();
    broken.push(Migration {
        version: latest() + 1,
        sql: "CREATE TABLE half_done (x INTEGER);
              ALTER TABLE clients ADD COLUMN nickname TEXT;
              INSERT INTO no_such_table VALUES (1);",
    });
    let err = Store::open_with(&path, &key, OpenMode::Existing, &broken).unwrap_err();
    assert!(matches!(err, StoreError::Migration { .. }), "{err:?}");

    let s = Store::open(&path, &key, OpenMode::Existing).unwrap();
    assert_eq!(port_ref(&s).schema_version().unwrap(), latest());
    assert_eq!(port_ref(&s).count_clients(true).unwrap(), 1);
    drop(s);
    // The half-made table and column are not there: re-running a correct v2 succeeds.
    let mut fixed = MIGRATIONS.to_vec();
    fixed.push(Migration {
        version: latest() + 1,
        sql: "CREATE TABLE half_done (x INTEGER); ALTER TABLE clients ADD COLUMN nickname TEXT;",
    });
    let s = Store::open_with(&path, &key, OpenMode::Existing, &fixed).unwrap();
    assert_eq!(port_ref(&s).schema_version().unwrap(), latest() + 1);
}

#[test]
fn a_file_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let key = DbKey::generate();
    let path = dir.path().join("agence.courtier");
    let mut newer = MIGRATIONS.to_vec();
    newer.push(Migration {
        version: latest() + 1,
        sql: "CREATE TABLE from_the_future (x INTEGER);",
    });
    drop(Store::open_with(&path, &key, OpenMode::Create, &newer).unwrap());
    let err = Store::open(&path, &key, OpenMode::Existing).unwrap_err();
    match err {
        StoreError::SchemaTooNew { found, supported } => {
            assert_eq!(found, supported + 1);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn households_link_and_dissolve() {
    let dir = tempfile::tempdir().unwrap();
    let key = DbKey::generate();
    let mut s = new_store(dir.path(), &key);
    let a = port(&mut s)
        .insert_client(&client("Martin", "Anne"), NOW)
        .unwrap();
    let b = port(&mut s)
        .insert_client(&client("Martin", "Paul"), NOW)
        .unwrap();
    let c = port(&mut s)
        .insert_client(&client("Martin", "Léo"), NOW)
        .unwrap();
    let h = port(&mut s).link_household(b, a, NOW).unwrap();
    assert_eq!(port(&mut s).link_household(c, b, NOW).unwrap(), h);
    let of_a = port_ref(&s).household_of(a).unwrap().unwrap();
    assert_eq!(of_a.members.len(), 2);
    port(&mut s).leave_household(b, NOW).unwrap();
    assert_eq!(
        port_ref(&s).household_of(a).unwrap().unwrap().members.len(),
        1
    );
    port(&mut s).leave_household(c, NOW).unwrap();
    // Anne alone: the household is dissolved.
    assert!(port_ref(&s).household_of(a).unwrap().is_none());
    assert_eq!(port_ref(&s).count_households().unwrap(), 0);
    assert!(port(&mut s).link_household(a, a, NOW).is_err());
}

#[test]
fn update_archive_and_list() {
    use courtier_port::{ClientQuery, ClientSort};
    let dir = tempfile::tempdir().unwrap();
    let key = DbKey::generate();
    let mut s = new_store(dir.path(), &key);
    let a = port(&mut s)
        .insert_client(&client("Zola", "Émile"), NOW)
        .unwrap();
    let b = port(&mut s)
        .insert_client(&client("Abadie", "Lucie"), NOW)
        .unwrap();
    let page = port_ref(&s).list_clients(&ClientQuery::default()).unwrap();
    assert_eq!(page.total, 2);
    assert_eq!(page.items[0].id, b, "sorted by name");
    let desc = port_ref(&s)
        .list_clients(&ClientQuery {
            sort: ClientSort::Name,
            descending: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(desc.items[0].id, a);

    let mut changed = client("Zola", "Émile");
    changed.last_name = Some("Ardoin".into());
    changed.phones.clear();
    changed.emails.clear();
    port(&mut s)
        .update_client(a, &changed, Some(1), None, "2026-11-25T10:00:00Z")
        .unwrap();
    let got = port_ref(&s).get_client(a).unwrap();
    assert_eq!(got.client, changed);
    assert_eq!(got.version, 2);
    assert!(port_ref(&s)
        .search_clients("zola", 5, false)
        .unwrap()
        .is_empty());
    assert_eq!(
        port_ref(&s).search_clients("ardo", 5, false).unwrap().len(),
        1
    );
    // A stale version is refused.
    assert!(port(&mut s)
        .update_client(a, &changed, Some(1), None, NOW)
        .is_err());

    port(&mut s).set_client_archived(b, true, NOW).unwrap();
    assert_eq!(
        port_ref(&s)
            .list_clients(&ClientQuery::default())
            .unwrap()
            .total,
        1
    );
    assert!(port_ref(&s)
        .search_clients("abadie", 5, false)
        .unwrap()
        .is_empty());
    assert_eq!(
        port_ref(&s)
            .search_clients("abadie", 5, true)
            .unwrap()
            .len(),
        1
    );
    port(&mut s).set_client_archived(b, false, NOW).unwrap();
    assert_eq!(
        port_ref(&s)
            .list_clients(&ClientQuery::default())
            .unwrap()
            .total,
        2
    );
    assert!(matches!(
        port_ref(&s).get_client(999),
        Err(StoreError::Missing { .. })
    ));
}

#[test]
fn a_file_of_an_older_schema_is_upgraded_and_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let key = DbKey::generate();
    let path = dir.path().join("agence.courtier");
    // A file as the first version made it: schema 1 only.
    let mut s = Store::open_with(&path, &key, OpenMode::Create, &MIGRATIONS[..1]).unwrap();
    let id = port(&mut s)
        .insert_client(&client("Ancien", "Schéma"), NOW)
        .unwrap();
    assert_eq!(port_ref(&s).schema_version().unwrap(), 1);
    drop(s);
    let s = Store::open(&path, &key, OpenMode::Existing).unwrap();
    assert_eq!(port_ref(&s).schema_version().unwrap(), latest());
    assert_eq!(
        port_ref(&s)
            .get_client(id)
            .unwrap()
            .client
            .last_name
            .as_deref(),
        Some("Ancien")
    );
    assert!(port_ref(&s).contracts_of_client(id).unwrap().is_empty());
    assert_eq!(
        port_ref(&s).integrity_check().unwrap(),
        vec!["ok".to_string()]
    );
}

#[test]
fn the_city_sort_follows_every_correction_of_the_first_address() {
    use courtier_port::{ClientQuery, ClientSort};
    let dir = tempfile::tempdir().unwrap();
    let key = DbKey::generate();
    let mut s = new_store(dir.path(), &key);
    let mut in_paris = client("Martin", "Anne");
    in_paris.addresses[0].city = "Paris".into();
    let a = port(&mut s).insert_client(&in_paris, NOW).unwrap();
    let b = port(&mut s)
        .insert_client(&client("Bernard", "Paul"), NOW)
        .unwrap(); // Lyon
    let mut nowhere = client("Zola", "Émile");
    nowhere.addresses.clear();
    let z = port(&mut s).insert_client(&nowhere, NOW).unwrap();
    let by_city = |s: &Store, descending| {
        port_ref(s)
            .list_clients(&ClientQuery {
                sort: ClientSort::City,
                descending,
                ..ClientQuery::default()
            })
            .unwrap()
            .items
            .iter()
            .map(|i| i.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        by_city(&s, false),
        [b, a, z],
        "Lyon, Paris, then no address"
    );
    assert_eq!(by_city(&s, true), [a, b, z], "no address stays last");
    // Anne moves to Annecy: the order follows the correction at once.
    let mut moved = in_paris.clone();
    moved.addresses[0].city = "Annecy".into();
    port(&mut s)
        .update_client(a, &moved, None, Some("Déménagement"), NOW)
        .unwrap();
    assert_eq!(by_city(&s, false), [a, b, z]);
    // Émile gets an address in Bordeaux.
    let mut found = nowhere.clone();
    found.addresses = client("Zola", "Émile").addresses;
    found.addresses[0].city = "bordeaux".into();
    port(&mut s)
        .update_client(z, &found, None, None, NOW)
        .unwrap();
    assert_eq!(
        by_city(&s, false),
        [a, z, b],
        "case ignored: Annecy, bordeaux, Lyon"
    );
    // The correction of Anne was kept, with its reason and her earlier city.
    let revisions = port_ref(&s)
        .revisions(courtier_port::Entity::Client, a)
        .unwrap();
    assert_eq!(revisions.len(), 1);
    assert_eq!(revisions[0].reason.as_deref(), Some("Déménagement"));
    assert!(
        revisions[0].previous.contains("Paris"),
        "{}",
        revisions[0].previous
    );
}

/// The list's total comes from counts kept by triggers (migration 9): they follow every insert,
/// status change, archive and restore, and match a count of the rows for every filter.
#[test]
fn the_list_total_follows_every_change_of_status_and_archive() {
    use courtier_port::ClientQuery;
    let dir = tempfile::tempdir().unwrap();
    let key = DbKey::generate();
    let mut s = new_store(dir.path(), &key);
    let mut ids = Vec::new();
    for (i, status) in [
        ClientStatus::Prospect,
        ClientStatus::Client,
        ClientStatus::Former,
    ]
    .into_iter()
    .cycle()
    .take(9)
    .enumerate()
    {
        let mut c = client(&format!("Nom{i}"), "Prénom");
        c.status = status;
        ids.push(port(&mut s).insert_client(&c, NOW).unwrap());
    }
    let total = |s: &Store, status: Option<ClientStatus>, include_archived: bool| {
        port_ref(s)
            .list_clients(&ClientQuery {
                status,
                include_archived,
                ..Default::default()
            })
            .unwrap()
            .total
    };
    assert_eq!(total(&s, None, false), 9);
    assert_eq!(total(&s, Some(ClientStatus::Client), false), 3);
    port(&mut s).set_client_archived(ids[0], true, NOW).unwrap();
    port(&mut s).set_client_archived(ids[1], true, NOW).unwrap();
    let mut promoted = port_ref(&s).get_client(ids[3]).unwrap().client;
    promoted.status = ClientStatus::Client;
    port(&mut s)
        .update_client(ids[3], &promoted, None, None, NOW)
        .unwrap();
    port(&mut s)
        .set_client_archived(ids[1], false, NOW)
        .unwrap();
    assert_eq!(total(&s, None, false), 8);
    assert_eq!(total(&s, None, true), 9);
    assert_eq!(total(&s, Some(ClientStatus::Prospect), false), 1);
    assert_eq!(total(&s, Some(ClientStatus::Prospect), true), 2);
    assert_eq!(total(&s, Some(ClientStatus::Client), false), 4);
    assert_eq!(total(&s, Some(ClientStatus::Former), true), 3);
    assert_eq!(port_ref(&s).count_clients(false).unwrap(), 8);
    assert_eq!(port_ref(&s).count_clients(true).unwrap(), 9);
}

/// This build's schema version (its last migration's: numbers may skip those of branches not
/// merged yet).
fn latest() -> u32 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}
