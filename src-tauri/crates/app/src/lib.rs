//! The use cases of Courtier: what a broker does, over the domain rules and the agency file.
//!
//! Both faces of the product, the desktop shell and the `courtier` command, call only this crate.
//! Nothing here depends on how the front end looks, and the clock is injected so that every use
//! case can be tested on a fixed date.
//!
//! Layout: `dto` (what crosses to the front end), `input` (reading what the forms send),
//! `engine` (dated facts to the bonus-malus engine and back), one module per family of use
//! cases (`clients`, `contracts`, `claims`, `vehicles`, `drivers`, `releves`, `insurers`,
//! `timeline`), and `agency` (opening the agency file: the only module that names the store).
//! The use cases reach storage only through the port (`courtier_port`).

mod agency;
mod aggravations;
pub mod calendar;
pub mod calendar_ics;
mod claims;
mod clients;
mod clock;
mod contracts;
pub mod demo;
pub mod documents;
mod drivers;
mod dto;
mod engine;
mod error;
mod exchanges;
mod identity;
mod input;
mod insurers;
mod integrity;
pub mod mail;
mod printing;
pub mod prints;
mod releves;
pub mod reminders;
mod reminders_auto;
pub mod renewals;
mod search;
mod timeline;
mod timeline_exchanges;
mod vehicles;

pub use agency::{APP_VERSION, EXCHANGE_ANCHOR_FILE};
pub use clock::{local_wall_time, Clock, FixedClock, SystemClock};
pub use documents::{AttachResult, DocumentDraft, DocumentDto, DocumentSettings};
pub use dto::{
    AgencyOpened, AgencyStatus, AggravationDraft, AggravationDto, AmountDto, AvenantDraft,
    ClaimDraft, ClaimListPage, ClaimListQuery, ClaimPage, ClaimRecord, ClaimUpdate, ClientListPage,
    ClientListQuery, ClientRecord, ClientSummary, CommunicationDto, ContractDraft,
    ContractEventDto, ContractRecord, ContractUpdate, DemoLoaded, DriverDraft, DriverDto,
    DriverUpdate, EcheanceDto, Household, OpenClaim, PartyDto, PremiumDraft, PremiumDto,
    ProjectionDto, QualificationDto, ReleveEntry, ReleveResult, RevisionDto, SearchHit,
    SearchResults, StatusDto, SurchargeDto, VehicleDraft, VehicleDto, VehicleUpdate, WithdrawalDto,
};
pub use error::{AppError, ErrorCode};
pub use exchanges::{exchange_kind_label, ClientExchangeDto};
pub use identity::{AgencyIdentityDraft, AgencyIdentityDto};
pub use insurers::{InsurerDraft, InsurerDto};
pub use integrity::{AnchorFile, IntegrityReport};
pub use printing::{GeneratedPdf, MonthBatch};
pub use timeline::{
    build_client_timeline, build_timeline, Timeline, TimelineEntry, TimelineQuery, TIMELINE_KINDS,
};

use chrono::NaiveDate;
use courtier_port::AgencyStore;
use courtier_vault::{DbKey, Keychain};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// Everything the use cases need from their surroundings.
pub struct Config {
    /// The agency data directory (database and manifest).
    pub data_dir: PathBuf,
    /// Where the database key lives.
    pub keychain: Box<dyn Keychain>,
    /// An explicit key from `COURTIER_DB_KEY`, for headless use and tests.
    pub env_key: Option<DbKey>,
    pub clock: Box<dyn Clock>,
}

/// The application: one agency data directory, opened at most once.
pub struct Courtier {
    config: Config,
    /// The agency store, through the port (the SQLCipher file today): every write, and the
    /// reads that may bring derived state up to date.
    store: Mutex<Option<Box<dyn AgencyStore>>>,
    /// A second, read-only connection to the same store, for the reads that never write (client
    /// lists, searches, records): a slow list sort or a long write no longer holds up the other.
    reader: Mutex<Option<Box<dyn AgencyStore>>>,
    /// The journal's head last written to the anchor by this process (`integrity.rs`).
    anchored: Mutex<Option<courtier_port::JournalHead>>,
    /// The SMTP password given for this session when there is no keychain (`mail`): in memory
    /// only, wiped on drop.
    mail_password: Mutex<Option<zeroize::Zeroizing<String>>>,
    /// A write happened since `calendrier.ics` was last written (`calendar_ics.rs`).
    calendar_dirty: std::sync::atomic::AtomicBool,
    /// The print engine, its fonts parsed at the first document.
    print: std::sync::OnceLock<courtier_print::Engine>,
    /// The day and journal head at which the automatic reminders were last written
    /// (`reminders.rs`): written again only when one of them changed.
    reminders_synced: Mutex<Option<(NaiveDate, Option<courtier_port::JournalHead>)>>,
}

/// The platform data directory for this build kind (`…/fr.courtier.app`, or
/// `…/fr.courtier.app.dev` for a debug build, so a development build never touches a real agency
/// file), unless `COURTIER_DATA_DIR` names another.
pub fn default_data_dir(env_override: Option<&str>) -> Result<PathBuf, AppError> {
    if let Some(d) = env_override.filter(|d| !d.trim().is_empty()) {
        return Ok(PathBuf::from(d));
    }
    let base = dirs::data_dir().ok_or_else(|| {
        AppError::new(
            ErrorCode::Io,
            "Impossible de trouver le dossier de données de l'utilisateur ; indiquez-en un avec COURTIER_DATA_DIR.",
        )
    })?;
    let name = if cfg!(debug_assertions) {
        "fr.courtier.app.dev"
    } else {
        "fr.courtier.app"
    };
    Ok(base.join(name))
}

impl Config {
    /// The configuration from the environment, shared by the desktop app and the CLI:
    /// `data_dir` (the CLI's `--data-dir`) or `COURTIER_DATA_DIR` or the platform directory;
    /// `COURTIER_DB_KEY` (64 hex characters, an explicit key for headless use and tests: said on
    /// standard error, never silent); `COURTIER_KEYCHAIN=none` (behave as on a desktop without a
    /// keychain, so the passphrase path can be used and tested).
    pub fn from_env(data_dir: Option<PathBuf>) -> Result<Config, AppError> {
        let data_dir = match data_dir {
            Some(d) => d,
            None => default_data_dir(std::env::var("COURTIER_DATA_DIR").ok().as_deref())?,
        };
        let env_key =
            courtier_vault::env_key_from(std::env::var("COURTIER_DB_KEY").ok().as_deref())?;
        if env_key.is_some() {
            eprintln!(
                "Courtier : clé du fichier fournie par COURTIER_DB_KEY (le trousseau n'est pas consulté)."
            );
        }
        let keychain: Box<dyn Keychain> = match std::env::var("COURTIER_KEYCHAIN").as_deref() {
            Ok("none") => Box::new(courtier_vault::NoKeychain),
            _ => Box::new(courtier_vault::OsKeychain::for_this_build()),
        };
        Ok(Config {
            data_dir,
            keychain,
            env_key,
            clock: Box::new(SystemClock),
        })
    }
}

impl Courtier {
    pub fn new(config: Config) -> Self {
        Courtier {
            config,
            store: Mutex::new(None),
            reader: Mutex::new(None),
            anchored: Mutex::new(None),
            mail_password: Mutex::new(None),
            calendar_dirty: std::sync::atomic::AtomicBool::new(false),
            print: std::sync::OnceLock::new(),
            reminders_synced: Mutex::new(None),
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.config.data_dir
    }

    fn now(&self) -> String {
        self.config
            .clock
            .now()
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string()
    }

    fn lock(&self) -> MutexGuard<'_, Option<Box<dyn AgencyStore>>> {
        // A panic while holding the lock cannot leave the SQLite connection half-written (every
        // write is a transaction), so a poisoned lock is safe to take over.
        self.store
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn with_store<T>(
        &self,
        f: impl FnOnce(&mut dyn AgencyStore) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let mut guard = self.lock();
        let store = guard.as_mut().ok_or_else(AppError::locked)?;
        let r = f(store.as_mut());
        if r.is_ok() {
            // What a write sealed goes to the anchor outside the file at once.
            self.advance_anchor(store.as_ref());
            self.calendar_dirty
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        r
    }

    /// Runs a read on the read-only connection (opened with the store); before the agency is
    /// open, the same `agency_locked` error as every use case.
    fn with_reader<T>(
        &self,
        f: impl FnOnce(&dyn AgencyStore) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let guard = self
            .reader
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let reader = guard.as_ref().ok_or_else(AppError::locked)?;
        f(reader.as_ref())
    }

    /// Puts the read-only connection beside a store just opened.
    fn set_reader(&self, reader: Box<dyn AgencyStore>) {
        *self
            .reader
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(reader);
    }

    pub(crate) fn today(&self) -> NaiveDate {
        self.config.clock.today()
    }
}
