//! Where the database key lives: the OS keychain, or (in tests) memory.

use crate::{DbKey, VaultError};
use std::collections::HashMap;
use std::sync::Mutex;
use zeroize::Zeroizing;

/// A store of database keys, one per agency id.
pub trait Keychain: Send + Sync {
    fn load(&self, agency_id: &str) -> Result<Option<DbKey>, VaultError>;
    fn store(&self, agency_id: &str, key: &DbKey) -> Result<(), VaultError>;
    fn remove(&self, agency_id: &str) -> Result<(), VaultError>;
    /// What it is, for the settings screen.
    fn describe(&self) -> &'static str;
    /// A secret other than the key, beside it (the SMTP password): `name` is namespaced by the
    /// caller (`<agency id>:smtp`). Unavailable by default.
    fn load_secret(&self, _name: &str) -> Result<Option<Zeroizing<String>>, VaultError> {
        Err(VaultError::KeychainUnavailable)
    }
    fn store_secret(&self, _name: &str, _secret: &str) -> Result<(), VaultError> {
        Err(VaultError::KeychainUnavailable)
    }
    fn remove_secret(&self, _name: &str) -> Result<(), VaultError> {
        Err(VaultError::KeychainUnavailable)
    }
}

/// The operating system's keychain through `keyring` 3: Secret Service on Linux, Keychain on
/// macOS, Credential Manager on Windows.
#[derive(Debug, Clone)]
pub struct OsKeychain {
    service: String,
}

impl OsKeychain {
    pub fn new(service: impl Into<String>) -> Self {
        OsKeychain {
            service: service.into(),
        }
    }

    /// The service of this build kind: a development build never sees a real agency's key.
    pub fn for_this_build() -> Self {
        OsKeychain::new(if cfg!(debug_assertions) {
            "fr.courtier.agency.dev"
        } else {
            "fr.courtier.agency"
        })
    }

    pub fn service(&self) -> &str {
        &self.service
    }

    fn entry(&self, agency_id: &str) -> Result<keyring::Entry, VaultError> {
        keyring::Entry::new(&self.service, agency_id).map_err(map_err)
    }
}

fn map_err(e: keyring::Error) -> VaultError {
    match e {
        keyring::Error::PlatformFailure(_) | keyring::Error::NoStorageAccess(_) => {
            VaultError::KeychainUnavailable
        }
        other => VaultError::Keychain(other.to_string()),
    }
}

impl Keychain for OsKeychain {
    fn load(&self, agency_id: &str) -> Result<Option<DbKey>, VaultError> {
        match self.entry(agency_id)?.get_password() {
            Ok(hex) => {
                let hex = Zeroizing::new(hex);
                DbKey::from_hex(&hex).map(Some).map_err(|_| {
                    VaultError::Keychain("l'entrée du trousseau n'est pas une clé valide".into())
                })
            }
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_err(e)),
        }
    }

    fn store(&self, agency_id: &str, key: &DbKey) -> Result<(), VaultError> {
        self.entry(agency_id)?
            .set_password(key.to_hex().as_str())
            .map_err(map_err)
    }

    fn remove(&self, agency_id: &str) -> Result<(), VaultError> {
        match self.entry(agency_id)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_err(e)),
        }
    }

    fn describe(&self) -> &'static str {
        "trousseau du système"
    }

    fn load_secret(&self, name: &str) -> Result<Option<Zeroizing<String>>, VaultError> {
        match self.entry(name)?.get_password() {
            Ok(p) => Ok(Some(Zeroizing::new(p))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_err(e)),
        }
    }

    fn store_secret(&self, name: &str, secret: &str) -> Result<(), VaultError> {
        self.entry(name)?.set_password(secret).map_err(map_err)
    }

    fn remove_secret(&self, name: &str) -> Result<(), VaultError> {
        match self.entry(name)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_err(e)),
        }
    }
}

/// Keys in memory, for tests. (keyring's own mock keeps a value only inside the `Entry` that set
/// it, which does not model a keychain shared by successive launches.)
#[derive(Debug, Default)]
pub struct MemoryKeychain {
    keys: Mutex<HashMap<String, DbKey>>,
    secrets: Mutex<HashMap<String, Zeroizing<String>>>,
}

impl Keychain for MemoryKeychain {
    fn load(&self, agency_id: &str) -> Result<Option<DbKey>, VaultError> {
        let keys = self.keys.lock().map_err(|_| VaultError::Crypto("verrou"))?;
        Ok(keys.get(agency_id).cloned())
    }
    fn store(&self, agency_id: &str, key: &DbKey) -> Result<(), VaultError> {
        let mut keys = self.keys.lock().map_err(|_| VaultError::Crypto("verrou"))?;
        keys.insert(agency_id.to_string(), key.clone());
        Ok(())
    }
    fn remove(&self, agency_id: &str) -> Result<(), VaultError> {
        let mut keys = self.keys.lock().map_err(|_| VaultError::Crypto("verrou"))?;
        keys.remove(agency_id);
        Ok(())
    }
    fn describe(&self) -> &'static str {
        "mémoire (tests)"
    }
    fn load_secret(&self, name: &str) -> Result<Option<Zeroizing<String>>, VaultError> {
        let s = self
            .secrets
            .lock()
            .map_err(|_| VaultError::Crypto("verrou"))?;
        Ok(s.get(name).cloned())
    }
    fn store_secret(&self, name: &str, secret: &str) -> Result<(), VaultError> {
        let mut s = self
            .secrets
            .lock()
            .map_err(|_| VaultError::Crypto("verrou"))?;
        s.insert(name.to_string(), Zeroizing::new(secret.to_string()));
        Ok(())
    }
    fn remove_secret(&self, name: &str) -> Result<(), VaultError> {
        let mut s = self
            .secrets
            .lock()
            .map_err(|_| VaultError::Crypto("verrou"))?;
        s.remove(name);
        Ok(())
    }
}

/// A desktop without a keychain: every call answers "unavailable".
#[derive(Debug, Default, Clone, Copy)]
pub struct NoKeychain;

impl Keychain for NoKeychain {
    fn load(&self, _: &str) -> Result<Option<DbKey>, VaultError> {
        Err(VaultError::KeychainUnavailable)
    }
    fn store(&self, _: &str, _: &DbKey) -> Result<(), VaultError> {
        Err(VaultError::KeychainUnavailable)
    }
    fn remove(&self, _: &str) -> Result<(), VaultError> {
        Err(VaultError::KeychainUnavailable)
    }
    fn describe(&self) -> &'static str {
        "aucun trousseau"
    }
}
