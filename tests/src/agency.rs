//! A temp agency: its own data directory, an in-memory keychain shared by its successive
//! launches, and a clock stopped on a given day.

use crate::builders::{
    ClaimBuilder, ClientBuilder, ContractBuilder, DriverBuilder, VehicleBuilder,
};
use chrono::{DateTime, NaiveDate, Utc};
use courtier_app::{Config, Courtier, FixedClock};
use courtier_vault::{DbKey, Keychain, MemoryKeychain, NoKeychain, VaultError};
use std::cell::Cell;
use std::ops::Deref;
use std::path::Path;
use std::sync::Arc;
use tempfile::TempDir;

/// The day the tests live on unless they say otherwise.
pub const TODAY: &str = "2026-11-24";

/// 09:30 UTC on `date` (`YYYY-MM-DD`).
pub fn at_morning(date: &str) -> DateTime<Utc> {
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .unwrap_or_else(|e| panic!("{date}: {e}"))
        .and_hms_opt(9, 30, 0)
        .unwrap()
        .and_utc()
}

/// One keychain shared by several launches, as the OS keychain is shared by successive
/// launches of the app. `memory()` keeps keys in memory; `none()` behaves as a desktop without
/// a keychain.
#[derive(Clone)]
pub struct SharedKeychain(Arc<dyn Keychain>);

impl SharedKeychain {
    pub fn memory() -> Self {
        SharedKeychain(Arc::new(MemoryKeychain::default()))
    }
    pub fn none() -> Self {
        SharedKeychain(Arc::new(NoKeychain))
    }
}

impl Default for SharedKeychain {
    fn default() -> Self {
        SharedKeychain::memory()
    }
}

impl Keychain for SharedKeychain {
    fn load(&self, agency_id: &str) -> Result<Option<DbKey>, VaultError> {
        self.0.load(agency_id)
    }
    fn store(&self, agency_id: &str, key: &DbKey) -> Result<(), VaultError> {
        self.0.store(agency_id, key)
    }
    fn remove(&self, agency_id: &str) -> Result<(), VaultError> {
        self.0.remove(agency_id)
    }
    fn load_secret(&self, name: &str) -> Result<Option<zeroize::Zeroizing<String>>, VaultError> {
        self.0.load_secret(name)
    }
    fn store_secret(&self, name: &str, secret: &str) -> Result<(), VaultError> {
        self.0.store_secret(name, secret)
    }
    fn remove_secret(&self, name: &str) -> Result<(), VaultError> {
        self.0.remove_secret(name)
    }
    fn describe(&self) -> &'static str {
        self.0.describe()
    }
}

/// An agency in a temp directory (removed when dropped). Derefs to the `Courtier` of the
/// current launch, so use cases are called on it directly.
pub struct TempAgency {
    dir: TempDir,
    keychain: SharedKeychain,
    now: DateTime<Utc>,
    app: Courtier,
    contracts: Cell<u32>,
}

impl TempAgency {
    /// An opened agency (key in the in-memory keychain) on [`TODAY`].
    pub fn new() -> Self {
        Self::on(TODAY)
    }

    /// An opened agency whose clock says 09:30 UTC on `date`.
    pub fn on(date: &str) -> Self {
        let a = Self::unopened_at(SharedKeychain::memory(), at_morning(date));
        a.open().unwrap();
        a
    }

    /// An agency directory with an in-memory keychain, not opened yet (no file until `open`).
    pub fn unopened() -> Self {
        Self::unopened_at(SharedKeychain::memory(), at_morning(TODAY))
    }

    /// As on a desktop without a keychain: the broker has to choose a passphrase.
    pub fn without_keychain() -> Self {
        Self::unopened_at(SharedKeychain::none(), at_morning(TODAY))
    }

    pub fn unopened_at(keychain: SharedKeychain, now: DateTime<Utc>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let app = launch(dir.path(), keychain.clone(), now);
        TempAgency {
            dir,
            keychain,
            now,
            app,
            contracts: Cell::new(0),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn app(&self) -> &Courtier {
        &self.app
    }

    /// The app closed and started again on the same directory and keychain (not opened).
    pub fn relaunch(&mut self) {
        self.relaunch_with(self.keychain.clone());
    }

    /// The app started again with another keychain, which later launches keep (a keychain
    /// entry lost, or another machine).
    pub fn relaunch_with(&mut self, keychain: SharedKeychain) {
        self.keychain = keychain;
        // `Courtier::new` touches no file: the old launch is dropped right after.
        self.app = launch(self.dir.path(), self.keychain.clone(), self.now);
    }

    /// A client to create: Léa Bénard, a person, status client.
    pub fn client(&self) -> ClientBuilder<'_> {
        ClientBuilder::new(&self.app)
    }

    /// A contract to create for `client_id`: the default contract (see the crate's doc), with
    /// a number of its own in this agency.
    pub fn contract(&self, client_id: i64) -> ContractBuilder<'_> {
        let n = self.contracts.get();
        self.contracts.set(n + 1);
        ContractBuilder::new(&self.app, client_id).number(&format!("AUTO-2021-{:04}", 42 + n))
    }

    /// A claim to record on `contract_id`: a fully responsible accident on 2 May 2026.
    pub fn claim(&self, contract_id: i64) -> ClaimBuilder<'_> {
        ClaimBuilder::new(&self.app, contract_id)
    }

    /// A vehicle to add to `contract_id`: AB-123-CD from 1 March 2021.
    pub fn vehicle(&self, contract_id: i64) -> VehicleBuilder<'_> {
        VehicleBuilder::new(&self.app, contract_id)
    }

    /// A driver to name on `contract_id`: Bénard, secondary, from 1 March 2021.
    pub fn driver(&self, contract_id: i64) -> DriverBuilder<'_> {
        DriverBuilder::new(&self.app, contract_id)
    }
}

impl Deref for TempAgency {
    type Target = Courtier;
    fn deref(&self) -> &Courtier {
        &self.app
    }
}

fn launch(dir: &Path, keychain: SharedKeychain, now: DateTime<Utc>) -> Courtier {
    Courtier::new(Config {
        data_dir: dir.to_path_buf(),
        keychain: Box::new(keychain),
        env_key: None,
        clock: Box::new(FixedClock(now)),
    })
}
