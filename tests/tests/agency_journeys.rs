//! Journeys across vault, store and app: what a broker lives through, on a temp agency file with
//! an in-memory keychain and a fixed clock.
#![allow(clippy::unwrap_used)]

use courtier_app::{AppError, ClientListQuery};
use courtier_journeys::{helene, SharedKeychain, TempAgency};

#[test]
fn first_launch_creates_then_later_launches_open_silently() {
    let mut a = TempAgency::unopened();
    assert_eq!(a.status().unwrap().state, "absent");
    let opened = a.open().unwrap();
    assert!(opened.created);
    assert_eq!(opened.storage, "keychain");
    let rk = opened.recovery_key.clone().unwrap();
    assert!(rk.len() >= 40, "{rk}");
    let id = a.client_create(&helene()).unwrap().id;

    a.relaunch();
    assert_eq!(a.status().unwrap().state, "locked");
    let again = a.open().unwrap();
    assert!(!again.created);
    assert_eq!(again.recovery_key, None);
    assert_eq!(a.client_get(id).unwrap().display_name, "Hélène Lefèvre");
    assert_eq!(a.status().unwrap().client_count, Some(1));
}

#[test]
fn lost_keychain_entry_opens_with_the_recovery_key_and_is_put_back() {
    let mut a = TempAgency::unopened();
    let rk = a.open().unwrap().recovery_key.unwrap();
    let id = a.client_create(&helene()).unwrap().id;

    // A new keychain: the entry is gone.
    a.relaunch_with(SharedKeychain::memory());
    let b = &a;
    let err = b.open().unwrap_err();
    assert_eq!(err.code, "key_missing");
    assert!(err.message.contains("clé de secours"), "{}", err.message);
    // Never a new key for an existing file: the data is still there.
    let err = b.unlock_with_recovery_key("AAAA-BBBB-CCCC").unwrap_err();
    assert!(
        err.code == "invalid_recovery_key" || err.code == "wrong_recovery_key",
        "{err:?}"
    );
    // Typed in lower case with spaces: still accepted.
    let typed = rk.to_lowercase().replace('-', " ");
    b.unlock_with_recovery_key(&typed).unwrap();
    assert_eq!(b.client_get(id).unwrap().display_name, "Hélène Lefèvre");

    // The key was put back: the next launch is silent.
    a.relaunch();
    a.open().unwrap();
    assert_eq!(a.client_get(id).unwrap().id, id);
}

#[test]
fn without_a_keychain_the_broker_chooses_a_passphrase() {
    let mut a = TempAgency::without_keychain();
    let err = a.open().unwrap_err();
    assert_eq!(err.code, "keychain_unavailable");
    assert!(!a.path().join("agence.courtier").exists());
    let short = a.create_with_passphrase("court").unwrap_err();
    assert!(short.message.contains("10"), "{}", short.message);
    let opened = a
        .create_with_passphrase("le chat de la voisine dort")
        .unwrap();
    assert_eq!(opened.storage, "passphrase");
    assert!(opened.recovery_key.is_some());
    a.client_create(&helene()).unwrap();
    a.relaunch();

    // Nothing secret in clear next to the database.
    for e in std::fs::read_dir(a.path()).unwrap() {
        let bytes = std::fs::read(e.unwrap().path()).unwrap();
        assert!(!bytes.windows(7).any(|w| w == b"Lef\xc3\xa8vre"));
        assert!(!bytes.windows(10).any(|w| w == b"le chat de"));
    }

    let b = &a;
    assert_eq!(b.open().unwrap_err().code, "passphrase_required");
    assert_eq!(
        b.unlock_with_passphrase("le chien").unwrap_err().code,
        "wrong_passphrase"
    );
    b.unlock_with_passphrase("le chat de la voisine dort")
        .unwrap();
    assert_eq!(b.client_search("lefe", None, false).unwrap().len(), 1);
}

#[test]
fn use_cases_before_opening_say_the_file_is_locked() {
    let a = TempAgency::unopened();
    let err = a.client_search("x", None, false).unwrap_err();
    assert_eq!(err.code, "agency_locked");
}

#[test]
fn client_record_end_to_end() {
    let a = TempAgency::new();

    // Validation in Rust, with the field and a precise French message.
    let mut bad = helene();
    bad.birth_date = Some("31/02/1984".into());
    let err = a.client_create(&bad).unwrap_err();
    assert_eq!(err.code, "invalid:birthDate");
    assert!(
        err.message.contains("31/02/1984 n'existe pas"),
        "{}",
        err.message
    );
    let mut bad = helene();
    bad.phones[0].number = "06 12".into();
    assert_eq!(
        a.client_create(&bad).unwrap_err().code,
        "invalid:phones[0].number"
    );
    let mut bad = helene();
    bad.emails[0].address = "helene@".into();
    assert_eq!(
        a.client_create(&bad).unwrap_err().code,
        "invalid:emails[0].address"
    );
    let mut bad = helene();
    bad.addresses[0].postcode = "99999".into();
    assert_eq!(
        a.client_create(&bad).unwrap_err().code,
        "invalid:addresses[0].postcode"
    );
    assert_eq!(a.client_list(&ClientListQuery::default()).unwrap().total, 0);

    let rec = a.client_create(&helene()).unwrap();
    assert_eq!(rec.fields.phones[0].number, "0612345678");
    assert_eq!(rec.fields.birth_date.as_deref(), Some("1984-03-12"));
    assert_eq!(rec.age, Some(42));
    assert_eq!(rec.created_at, "2026-11-24T09:30:00Z");
    assert_eq!(rec.version, 1);

    // Prefix, accent-insensitive search.
    for q in [
        "hél",
        "helene",
        "HELENE LEF",
        "lefevre",
        "0612",
        "69003",
        "lyon",
        "helene.lef",
    ] {
        let hits = a.client_search(q, None, false).unwrap();
        assert_eq!(hits.len(), 1, "{q}");
        assert_eq!(hits[0].id, rec.id);
    }

    // Update with the version seen; a stale version is refused.
    let mut changed = helene();
    changed.status = "former".into();
    changed.notes = Some("A vendu son véhicule.\nRésilié au 01/12.".into());
    let upd = a.client_update(rec.id, &changed, Some(1)).unwrap();
    assert_eq!(upd.fields.status, "former");
    assert_eq!(upd.version, 2);
    let stale = a.client_update(rec.id, &changed, Some(1)).unwrap_err();
    assert_eq!(stale.code, "invalid_operation");

    // Archive and restore: nothing is deleted.
    assert!(a.client_archive(rec.id).unwrap().archived);
    assert!(a.client_search("helene", None, false).unwrap().is_empty());
    assert_eq!(a.client_search("helene", None, true).unwrap().len(), 1);
    assert!(!a.client_restore(rec.id).unwrap().archived);

    // Households.
    let mut paul = helene();
    paul.first_name = Some("Paul".into());
    paul.civility = Some("M".into());
    let paul = a.client_create(&paul).unwrap();
    let linked = a.household_link(paul.id, rec.id).unwrap();
    let h = linked.household.unwrap();
    assert_eq!(h.members.len(), 1);
    assert_eq!(h.members[0].id, rec.id);
    assert!(a.household_leave(paul.id).unwrap().household.is_none());

    // Unknown ids: a clear error, not a panic.
    let err: AppError = a.client_get(424_242).unwrap_err();
    assert_eq!(err.code, "not_found");
    assert!(err.message.contains("introuvable"));
}

#[test]
fn demo_portfolio_pages_and_sorts() {
    let a = TempAgency::new();
    let mut seen = Vec::new();
    let loaded = a.demo_load(2_500, 7, |n| seen.push(n)).unwrap();
    assert_eq!(seen, vec![1_000, 2_000, 2_500]);
    assert_eq!(loaded.clients, 2_500);
    assert!(loaded.households > 50);

    let q = |sort: &str, descending: bool, page: u32| {
        a.client_list(&ClientListQuery {
            page: Some(page),
            page_size: Some(100),
            sort: Some(sort.into()),
            descending,
            ..Default::default()
        })
        .unwrap()
    };
    let first = q("name", false, 1);
    assert_eq!(first.total, 2_500);
    assert_eq!(first.items.len(), 100);
    let last = q("name", false, 25);
    assert_eq!(last.items.len(), 100);
    assert_eq!(q("name", false, 26).items.len(), 0);
    let desc = q("name", true, 1);
    assert_eq!(desc.items[0].id, last.items[99].id);
    let cities = q("city", false, 1);
    let names: Vec<_> = cities.items.iter().filter_map(|c| c.city.clone()).collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|c| c.to_lowercase());
    assert_eq!(names, sorted);
    let prospects = a
        .client_list(&ClientListQuery {
            status: Some("prospect".into()),
            ..Default::default()
        })
        .unwrap();
    assert!(
        prospects.total > 100 && prospects.total < 1_000,
        "{}",
        prospects.total
    );
    assert!(prospects.items.iter().all(|c| c.status == "prospect"));
    assert_eq!(
        a.client_list(&ClientListQuery {
            sort: Some("shoe size".into()),
            ..Default::default()
        })
        .unwrap_err()
        .code,
        "invalid:sort"
    );
    // Broad searches (a single letter) are listed by name; narrow ones ranked. Both only
    // return matches.
    for q in ["m", "ma", "mar", "gmail", "06"] {
        let hits = a.client_search(q, Some(50), false).unwrap();
        assert_eq!(hits.len(), 50, "{q}");
    }
    let m = a.client_search("m", Some(50), false).unwrap();
    let keys: Vec<String> = m
        .iter()
        .map(|c| a.client_get(c.id).unwrap())
        .map(|r| {
            courtier_domain::client::fold_for_search(&format!(
                "{} {}",
                r.fields
                    .last_name
                    .or(r.fields.company_name)
                    .unwrap_or_default(),
                r.fields.first_name.unwrap_or_default()
            ))
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "a broad search is listed by name");
    assert_eq!(a.integrity_check().unwrap(), vec!["ok".to_string()]);
}
