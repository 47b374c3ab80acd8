//! The agency file: the composition root. Creating, opening and unlocking it (keychain,
//! passphrase, recovery key), its status, its keys, and its integrity check. The only module
//! that names the SQLCipher store: everything else sees the port.

use crate::ErrorCode;
use crate::{AgencyOpened, AgencyStatus, AppError, Courtier};
use courtier_port::{AgencyStore, StoreError};
use courtier_store::{OpenMode, Store, DATABASE_FILE};
use courtier_vault::{Protection, RecoveryKey, Unlock};
use std::path::PathBuf;
use zeroize::Zeroizing;

/// The version of this build, shown in Paramètres.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The anchor of the exchange log and of the journal, kept next to the agency file (see
/// [`crate::AnchorFile`]).
pub const EXCHANGE_ANCHOR_FILE: &str = "journal-echanges.ancre.json";

impl Courtier {
    /// Whether an agency file (its key manifest) exists in the data directory.
    pub fn agency_exists(&self) -> bool {
        courtier_vault::manifest_exists(&self.config.data_dir)
    }

    fn db_path(&self) -> PathBuf {
        self.config.data_dir.join(DATABASE_FILE)
    }

    /// Whether the agency file exists and is open.
    pub fn status(&self) -> Result<AgencyStatus, AppError> {
        let guard = self.lock();
        let exists = courtier_vault::manifest_exists(&self.config.data_dir);
        let storage = if exists {
            Some(
                courtier_vault::read_manifest(&self.config.data_dir)?
                    .storage()
                    .to_string(),
            )
        } else {
            None
        };
        let (state, client_count, damage) = match guard.as_ref() {
            Some(s) => ("open", Some(s.count_clients(false)?), s.damage()),
            None if exists => ("locked", None, None),
            None => ("absent", None, None),
        };
        Ok(AgencyStatus {
            state,
            data_dir: self.config.data_dir.display().to_string(),
            storage,
            app_version: APP_VERSION,
            client_count,
            damage,
        })
    }

    /// Opens the agency file, creating it on first use (key in the OS keychain, or from
    /// `COURTIER_DB_KEY`). Errors tell the front end what to ask for: `keychain_unavailable` (at
    /// creation: ask for a passphrase), `passphrase_required`, `key_missing` (ask for the recovery
    /// key), `wrong_key`, `schema_too_new`…
    pub fn open(&self) -> Result<AgencyOpened, AppError> {
        if courtier_vault::manifest_exists(&self.config.data_dir) {
            self.unlock(Unlock::Auto)
        } else {
            self.create(Protection::Keychain)
        }
    }

    /// Creates the agency file protected by a passphrase (when no keychain answers).
    pub fn create_with_passphrase(&self, passphrase: &str) -> Result<AgencyOpened, AppError> {
        self.create(Protection::Passphrase(Zeroizing::new(
            passphrase.to_string(),
        )))
    }

    pub fn unlock_with_passphrase(&self, passphrase: &str) -> Result<AgencyOpened, AppError> {
        self.unlock(Unlock::Passphrase(Zeroizing::new(passphrase.to_string())))
    }

    /// Opens with the recovery key; when the file is kept in the keychain, puts the key back there.
    pub fn unlock_with_recovery_key(&self, recovery_key: &str) -> Result<AgencyOpened, AppError> {
        let rk = RecoveryKey::parse(recovery_key)?;
        let opened = self.unlock(Unlock::RecoveryKey(rk))?;
        Ok(opened)
    }

    fn create(&self, protection: Protection) -> Result<AgencyOpened, AppError> {
        let mut guard = self.lock();
        let dir = &self.config.data_dir;
        courtier_vault::private_fs::create_dir(dir).map_err(|e| {
            AppError::new(
                ErrorCode::Io,
                format!(
                    "Impossible de créer le dossier de l'agence {} : {e}",
                    dir.display()
                ),
            )
        })?;
        if self.db_path().exists() {
            return Err(AppError::new(
                ErrorCode::AlreadyExists,
                format!(
                    "Un fichier d'agence existe déjà dans {} sans son fichier de clés (agency.json) : Courtier ne crée pas de nouvelle clé par-dessus, pour ne rien perdre. Restaurez agency.json ou choisissez un autre dossier.",
                    dir.display()
                ),
            ));
        }
        let now = self.now();
        let created = courtier_vault::create(
            dir,
            self.config.keychain.as_ref(),
            protection,
            self.config.env_key.clone(),
            &now,
        )?;
        let store: Box<dyn AgencyStore> =
            match Store::open(&self.db_path(), &created.key, OpenMode::Create) {
                Ok(s) => Box::new(s),
                Err(e) => {
                    // Nothing was saved yet: take the half-made agency back so the next try starts clean.
                    let _ = courtier_vault::discard_new(dir, self.config.keychain.as_ref());
                    let _ = std::fs::remove_file(self.db_path());
                    return Err(e.into());
                }
            };
        store.set_agency(created.manifest.agency_id(), &now)?;
        let reader = Store::open_reader(&self.db_path(), &created.key)?;
        let storage = created.manifest.storage().to_string();
        self.advance_anchor(store.as_ref());
        *guard = Some(store);
        self.set_reader(Box::new(reader));
        Ok(AgencyOpened {
            state: "open",
            created: true,
            recovery_key: Some(created.recovery_key.display_for_broker().to_string()),
            data_dir: dir.display().to_string(),
            storage,
            damage: None,
            verifying: false,
        })
    }

    fn unlock(&self, how: Unlock) -> Result<AgencyOpened, AppError> {
        let mut guard = self.lock();
        let dir = &self.config.data_dir;
        let manifest = courtier_vault::read_manifest(dir)?;
        let storage = manifest.storage().to_string();
        if guard.is_none() {
            let by_recovery = matches!(how, Unlock::RecoveryKey(_));
            let key = courtier_vault::unlock(
                dir,
                self.config.keychain.as_ref(),
                self.config.env_key.clone(),
                how,
            )?;
            if !self.db_path().exists() {
                // The key file is there, the data is not: a lost or moved file, never a new agency.
                return Err(StoreError::Damaged {
                    path: self.db_path(),
                    detail: "il a disparu alors que son fichier de clés agency.json est là".into(),
                }
                .into());
            }
            let store = Store::open(&self.db_path(), &key, OpenMode::Existing)?;
            let reader = Store::open_reader(&self.db_path(), &key)?;
            if by_recovery && storage == "keychain" {
                // The keychain lost the key: put it back so the next start is silent. A keychain
                // that still does not answer is not fatal, the file is open.
                let _ =
                    courtier_vault::restore_to_keychain(dir, self.config.keychain.as_ref(), &key);
            }
            // The anchor follows what other processes sealed since (or keeps what the file
            // now contradicts, for `check`).
            self.advance_anchor(&store);
            *guard = Some(Box::new(store));
            self.set_reader(Box::new(reader));
        }
        Ok(AgencyOpened {
            state: "open",
            created: false,
            recovery_key: None,
            data_dir: dir.display().to_string(),
            storage,
            damage: guard.as_ref().and_then(|s| s.damage()),
            verifying: guard
                .as_ref()
                .is_some_and(|s| s.verification().outcome().is_none()),
        })
    }

    /// Waits for the verification of the open file's pages (under way on its own thread for a
    /// large file, see [`AgencyOpened::verifying`]): what is wrong, or `None` when sound. The
    /// file is not held meanwhile: the other use cases run, and writes wait for the outcome.
    pub fn verification(&self) -> Result<Option<String>, AppError> {
        let v = self.with_store(|s| Ok(s.verification()))?;
        Ok(v.wait())
    }

    /// Closes the agency file cleanly: what its write-ahead log holds is written back into the
    /// file itself (a few pages at most: SQLite folds the log back every 1 000 pages), so that
    /// `agence.courtier` alone holds the agency, as a copy of it would. Nothing on a damaged file.
    pub fn close(&self) -> Result<(), AppError> {
        *self
            .reader
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = None;
        let mut guard = self.lock();
        if let Some(s) = guard.as_ref() {
            s.checkpoint()?;
        }
        *guard = None;
        Ok(())
    }

    /// Issues a new recovery key (the previous one stops working).
    pub fn new_recovery_key(&self) -> Result<String, AppError> {
        let _guard = self.lock();
        let key = courtier_vault::unlock(
            &self.config.data_dir,
            self.config.keychain.as_ref(),
            self.config.env_key.clone(),
            Unlock::Auto,
        )?;
        let rk = courtier_vault::new_recovery_key(&self.config.data_dir, &key)?;
        Ok(rk.display_for_broker().to_string())
    }

    /// The raw database key in hex, for an administrator who wants to open the file with another
    /// SQLCipher tool. Requires the recovery key, so that having the session is not enough.
    pub fn export_raw_key(&self, recovery_key: &str) -> Result<Zeroizing<String>, AppError> {
        let rk = RecoveryKey::parse(recovery_key)?;
        let key = courtier_vault::unlock(
            &self.config.data_dir,
            self.config.keychain.as_ref(),
            None,
            Unlock::RecoveryKey(rk),
        )?;
        Ok(key.to_hex())
    }
}
