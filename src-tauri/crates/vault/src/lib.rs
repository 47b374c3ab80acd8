//! The database key of an agency file: where it lives and how it is recovered.
//!
//! - A random 256-bit key per agency file, used raw by SQLCipher ([`DbKey`]).
//! - Kept in the OS keychain ([`OsKeychain`], keyring 3 with the platform features named), under a
//!   service name that differs between release and development builds.
//! - `COURTIER_DB_KEY` may give it explicitly ([`env_key_from`]).
//! - Without a keychain, it is wrapped under a key derived from a passphrase with Argon2id, never
//!   written in clear.
//! - Always wrapped under a **recovery key** shown once at creation ([`RecoveryKey`]), so a lost
//!   keychain entry or a forgotten passphrase never loses the agency's data.
//!
//! The wrappings live in `agency.json` next to the database ([`Manifest`]): no secret in it.

mod error;
mod keychain;
mod keys;
mod manifest;
pub mod private_fs;

pub use error::VaultError;
pub use keychain::{Keychain, MemoryKeychain, NoKeychain, OsKeychain};
pub use keys::{DbKey, RecoveryKey};
pub use manifest::{Manifest, Storage, MANIFEST_FILE};

use std::path::Path;
use zeroize::Zeroizing;

/// Minimum passphrase length, in characters.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// How a new agency file's key is protected.
pub enum Protection {
    /// In the OS keychain.
    Keychain,
    /// Wrapped under a passphrase (no keychain on this desktop).
    Passphrase(Zeroizing<String>),
}

/// How to unlock an existing agency file.
pub enum Unlock {
    /// The explicit key if given, else the keychain; says what else is needed otherwise.
    Auto,
    Passphrase(Zeroizing<String>),
    RecoveryKey(RecoveryKey),
}

/// A new agency's key material.
pub struct Created {
    pub manifest: Manifest,
    pub key: DbKey,
    pub recovery_key: RecoveryKey,
}

/// Why a passphrase is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Weakness {
    #[error("La phrase de passe doit compter au moins {MIN_PASSPHRASE_CHARS} caractères (espaces du début et de la fin non comptés).")]
    TooShort,
    #[error("Cette phrase de passe se devine trop facilement (mots courants, suites du clavier, dates ou répétitions). Prenez plutôt quatre ou cinq mots sans rapport entre eux, par exemple « girafe citron escalier nuage ».")]
    Guessable,
}

/// The least zxcvbn score a passphrase must reach: 3, « safely unguessable » (about 10¹⁰
/// guesses), what an attacker holding a copy of `agency.json` would have to try offline against
/// Argon2id.
pub const MIN_PASSPHRASE_SCORE: zxcvbn::Score = zxcvbn::Score::Three;

/// Checks a passphrase against the policy: at least [`MIN_PASSPHRASE_CHARS`] characters once
/// trimmed, and an estimated strength of [`MIN_PASSPHRASE_SCORE`] (zxcvbn) or more.
pub fn check_passphrase(p: &str) -> Result<(), VaultError> {
    let trimmed = p.trim();
    if trimmed.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(VaultError::WeakPassphrase(Weakness::TooShort));
    }
    if zxcvbn::zxcvbn(trimmed, &["courtier", "agence", "assurance"]).score() < MIN_PASSPHRASE_SCORE
    {
        return Err(VaultError::WeakPassphrase(Weakness::Guessable));
    }
    Ok(())
}

/// Reads `COURTIER_DB_KEY`'s value: `None` when unset or empty, an error when malformed (never a
/// silent fallback to the keychain).
pub fn env_key_from(value: Option<&str>) -> Result<Option<DbKey>, VaultError> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => DbKey::from_hex(v)
            .map(Some)
            .map_err(|_| VaultError::InvalidEnvKey),
    }
}

/// Whether an agency manifest exists in `dir`.
pub fn manifest_exists(dir: &Path) -> bool {
    dir.join(MANIFEST_FILE).exists()
}

/// Reads the agency manifest of `dir`.
pub fn read_manifest(dir: &Path) -> Result<Manifest, VaultError> {
    Manifest::load(dir)
}

/// Creates the key material of a new agency in `dir`: a random database key (or `env_key`), kept
/// per `protection`, wrapped under a new recovery key, recorded in `agency.json`.
///
/// With [`Protection::Keychain`] and no keychain answering, fails with
/// [`VaultError::KeychainUnavailable`] before writing anything, so the caller can ask for a
/// passphrase.
pub fn create(
    dir: &Path,
    keychain: &dyn Keychain,
    protection: Protection,
    env_key: Option<DbKey>,
    now_rfc3339: &str,
) -> Result<Created, VaultError> {
    if manifest_exists(dir) {
        return Err(VaultError::AlreadyExists);
    }
    let agency_id = uuid::Uuid::new_v4().to_string();
    let key = env_key.clone().unwrap_or_else(DbKey::generate);
    let recovery_key = RecoveryKey::generate();
    let mut manifest = Manifest::new(agency_id.clone(), now_rfc3339.to_string());
    manifest.wrap_recovery(&key, &recovery_key)?;
    if env_key.is_some() {
        manifest.storage = Storage::Environment;
    } else {
        match protection {
            Protection::Keychain => {
                keychain.store(&agency_id, &key)?;
                // Read it back: a keychain that accepts and forgets would lose the key.
                match keychain.load(&agency_id)? {
                    Some(k) if k == key => {}
                    _ => {
                        let _ = keychain.remove(&agency_id);
                        return Err(VaultError::KeychainUnavailable);
                    }
                }
                manifest.storage = Storage::Keychain;
            }
            Protection::Passphrase(p) => {
                check_passphrase(&p)?;
                manifest.wrap_passphrase(&key, &p)?;
                manifest.storage = Storage::Passphrase;
            }
        }
    }
    if let Err(e) = manifest.save(dir) {
        if manifest.storage == Storage::Keychain {
            let _ = keychain.remove(&agency_id);
        }
        return Err(e);
    }
    Ok(Created {
        manifest,
        key,
        recovery_key,
    })
}

/// Takes back a creation whose database could not be made: the manifest and the keychain entry.
/// Only for a file that never held data.
pub fn discard_new(dir: &Path, keychain: &dyn Keychain) -> Result<(), VaultError> {
    let m = Manifest::load(dir)?;
    if m.storage == Storage::Keychain {
        keychain.remove(&m.agency_id)?;
    }
    std::fs::remove_file(dir.join(MANIFEST_FILE)).map_err(|e| VaultError::io(dir, e))
}

/// Finds the key of the agency in `dir`.
pub fn unlock(
    dir: &Path,
    keychain: &dyn Keychain,
    env_key: Option<DbKey>,
    how: Unlock,
) -> Result<DbKey, VaultError> {
    let m = Manifest::load(dir)?;
    match how {
        Unlock::RecoveryKey(rk) => m.unwrap_recovery(&rk),
        Unlock::Passphrase(p) => m.unwrap_passphrase(&p),
        Unlock::Auto => {
            if let Some(k) = env_key {
                return Ok(k);
            }
            match m.storage {
                Storage::Keychain => keychain.load(&m.agency_id)?.ok_or(VaultError::KeyMissing),
                Storage::Passphrase => Err(VaultError::PassphraseRequired),
                Storage::Environment => Err(VaultError::EnvKeyRequired),
            }
        }
    }
}

/// Puts the key back in the keychain (after opening with the recovery key). `key` must be one the
/// store has proven against the database.
pub fn restore_to_keychain(
    dir: &Path,
    keychain: &dyn Keychain,
    key: &DbKey,
) -> Result<(), VaultError> {
    let mut m = Manifest::load(dir)?;
    keychain.store(&m.agency_id, key)?;
    if m.storage != Storage::Keychain {
        m.storage = Storage::Keychain;
        m.passphrase = None;
        m.save(dir)?;
    }
    Ok(())
}

/// Protects the key with a (new) passphrase instead of the keychain. `key` must be one the store
/// has proven against the database.
pub fn set_passphrase(dir: &Path, key: &DbKey, passphrase: &str) -> Result<(), VaultError> {
    check_passphrase(passphrase)?;
    let mut m = Manifest::load(dir)?;
    m.wrap_passphrase(key, passphrase)?;
    m.storage = Storage::Passphrase;
    m.save(dir)
}

/// Issues a new recovery key; the previous one stops working. `key` must be one the store has
/// proven against the database.
pub fn new_recovery_key(dir: &Path, key: &DbKey) -> Result<RecoveryKey, VaultError> {
    let mut m = Manifest::load(dir)?;
    let rk = RecoveryKey::generate();
    m.wrap_recovery(key, &rk)?;
    m.save(dir)?;
    Ok(rk)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const NOW: &str = "2026-11-24T10:00:00Z";

    #[test]
    fn keychain_mode_round_trip_and_recovery() {
        let dir = tempfile::tempdir().unwrap();
        let kc = MemoryKeychain::default();
        let c = create(dir.path(), &kc, Protection::Keychain, None, NOW).unwrap();
        assert_eq!(c.manifest.storage, Storage::Keychain);
        let k = unlock(dir.path(), &kc, None, Unlock::Auto).unwrap();
        assert!(k == c.key);
        // Lost keychain entry: KeyMissing, then the recovery key opens and restores it.
        let empty = MemoryKeychain::default();
        assert!(matches!(
            unlock(dir.path(), &empty, None, Unlock::Auto),
            Err(VaultError::KeyMissing)
        ));
        let typed = c
            .recovery_key
            .display_for_broker()
            .to_lowercase()
            .replace('-', " ");
        let rk = RecoveryKey::parse(&typed).unwrap();
        let k2 = unlock(dir.path(), &empty, None, Unlock::RecoveryKey(rk)).unwrap();
        assert!(k2 == c.key);
        restore_to_keychain(dir.path(), &empty, &k2).unwrap();
        assert!(unlock(dir.path(), &empty, None, Unlock::Auto).unwrap() == c.key);
        // Creating again over it is refused.
        assert!(matches!(
            create(dir.path(), &kc, Protection::Keychain, None, NOW),
            Err(VaultError::AlreadyExists)
        ));
    }

    #[test]
    fn no_keychain_means_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            create(dir.path(), &NoKeychain, Protection::Keychain, None, NOW),
            Err(VaultError::KeychainUnavailable)
        ));
        assert!(!manifest_exists(dir.path()));
        assert!(matches!(
            create(
                dir.path(),
                &NoKeychain,
                Protection::Passphrase(Zeroizing::new("court".into())),
                None,
                NOW
            ),
            Err(VaultError::WeakPassphrase(Weakness::TooShort))
        ));
        let c = create(
            dir.path(),
            &NoKeychain,
            Protection::Passphrase(Zeroizing::new("une longue phrase".into())),
            None,
            NOW,
        )
        .unwrap();
        assert!(matches!(
            unlock(dir.path(), &NoKeychain, None, Unlock::Auto),
            Err(VaultError::PassphraseRequired)
        ));
        assert!(matches!(
            unlock(
                dir.path(),
                &NoKeychain,
                None,
                Unlock::Passphrase(Zeroizing::new("une autre phrase".into()))
            ),
            Err(VaultError::WrongPassphrase)
        ));
        let k = unlock(
            dir.path(),
            &NoKeychain,
            None,
            Unlock::Passphrase(Zeroizing::new("une longue phrase".into())),
        )
        .unwrap();
        assert!(k == c.key);
        // The manifest holds neither the key nor the passphrase in clear.
        let text = std::fs::read_to_string(dir.path().join(MANIFEST_FILE)).unwrap();
        assert!(!text.contains(c.key.to_hex().as_str()));
        assert!(!text.contains("une longue phrase"));
        // New recovery key: the old one stops working.
        let old = c.recovery_key;
        let new = new_recovery_key(dir.path(), &k).unwrap();
        assert!(matches!(
            unlock(dir.path(), &NoKeychain, None, Unlock::RecoveryKey(old)),
            Err(VaultError::WrongRecoveryKey)
        ));
        assert!(unlock(dir.path(), &NoKeychain, None, Unlock::RecoveryKey(new)).unwrap() == k);
    }

    #[test]
    fn env_key_is_explicit() {
        assert!(env_key_from(None).unwrap().is_none());
        assert!(env_key_from(Some("")).unwrap().is_none());
        assert!(matches!(
            env_key_from(Some("abc")),
            Err(VaultError::InvalidEnvKey)
        ));
        let hex = "ab".repeat(32);
        let k = env_key_from(Some(&hex)).unwrap().unwrap();
        assert_eq!(k.to_hex().as_str(), hex);
        let dir = tempfile::tempdir().unwrap();
        let c = create(
            dir.path(),
            &NoKeychain,
            Protection::Keychain,
            Some(k.clone()),
            NOW,
        )
        .unwrap();
        assert_eq!(c.manifest.storage, Storage::Environment);
        assert!(matches!(
            unlock(dir.path(), &NoKeychain, None, Unlock::Auto),
            Err(VaultError::EnvKeyRequired)
        ));
        assert!(unlock(dir.path(), &NoKeychain, Some(k.clone()), Unlock::Auto).unwrap() == k);
    }

    #[test]
    fn corrupt_manifest_is_a_typed_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(MANIFEST_FILE), "{ pas du json").unwrap();
        assert!(matches!(
            read_manifest(dir.path()),
            Err(VaultError::ManifestCorrupt(_))
        ));
        std::fs::write(
            dir.path().join(MANIFEST_FILE),
            r#"{"format": 99, "agency_id": "x"}"#,
        )
        .unwrap();
        assert!(matches!(
            read_manifest(dir.path()),
            Err(VaultError::ManifestTooNew(99))
        ));
    }

    #[test]
    fn passphrases_are_refused_when_short_or_guessable() {
        let weak = |p: &str| match check_passphrase(p) {
            Err(VaultError::WeakPassphrase(w)) => Some(w),
            Ok(()) => None,
            Err(e) => panic!("{e}"),
        };
        // Ten spaces, or padding around a short word, are not ten characters.
        assert_eq!(weak("          "), Some(Weakness::TooShort));
        assert_eq!(weak("   court    "), Some(Weakness::TooShort));
        for guessable in [
            "azertyuiop",
            "motdepasse123",
            "aaaaaaaaaaaa",
            "1234567890",
            "courtier2026",
            "password1234",
            "01/01/1990!",
        ] {
            assert_eq!(weak(guessable), Some(Weakness::Guessable), "{guessable}");
        }
        for strong in [
            "une longue phrase",
            "le chat de la voisine dort",
            "girafe citron escalier nuage",
            "une phrase de passe assez longue",
        ] {
            assert_eq!(weak(strong), None, "{strong}");
        }
        // The message says what to do, in French.
        let m = VaultError::WeakPassphrase(Weakness::Guessable).to_string();
        assert!(m.contains("quatre ou cinq mots"), "{m}");
    }
}
