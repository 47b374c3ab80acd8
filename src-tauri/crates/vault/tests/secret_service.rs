//! The real OS keychain: the Secret Service of a gnome-keyring on a private session bus.
//! Needs that bus, so it is ignored by default; `scripts/with-keyring.sh` provides it:
//!
//!     scripts/with-keyring.sh cargo test -p courtier-vault --test secret_service -- --ignored
#![allow(clippy::unwrap_used)]

use courtier_vault::{DbKey, Keychain, OsKeychain, Protection, Unlock};

#[test]
#[ignore = "needs a Secret Service: run through scripts/with-keyring.sh"]
fn key_round_trips_through_the_secret_service() {
    let service = format!("fr.courtier.agency.test.{}", std::process::id());
    let account = uuid_like();
    let key = DbKey::generate();

    OsKeychain::new(&service).store(&account, &key).unwrap();
    // A fresh object, as a new launch would have: the value comes from the daemon, not memory.
    let again = OsKeychain::new(&service).load(&account).unwrap().unwrap();
    assert!(again == key);

    // Another process (libsecret's own tool) sees the entry keyring wrote.
    let out = std::process::Command::new("secret-tool")
        .args(["lookup", "service", &service, "username", &account])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        key.to_hex().as_str()
    );

    OsKeychain::new(&service).remove(&account).unwrap();
    assert!(OsKeychain::new(&service).load(&account).unwrap().is_none());
}

#[test]
#[ignore = "needs a Secret Service: run through scripts/with-keyring.sh"]
fn an_agency_created_with_the_keychain_opens_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let kc = OsKeychain::new(format!("fr.courtier.agency.test.{}", std::process::id()));
    let created = courtier_vault::create(
        dir.path(),
        &kc,
        Protection::Keychain,
        None,
        "2026-11-24T10:00:00Z",
    )
    .unwrap();
    let key = courtier_vault::unlock(dir.path(), &kc, None, Unlock::Auto).unwrap();
    assert!(key == created.key);
    kc.remove(created.manifest.agency_id()).unwrap();
    assert!(matches!(
        courtier_vault::unlock(dir.path(), &kc, None, Unlock::Auto),
        Err(courtier_vault::VaultError::KeyMissing)
    ));
}

fn uuid_like() -> String {
    format!(
        "agence-{}-{}",
        std::process::id(),
        DbKey::generate().to_hex()[..8].to_owned()
    )
}
