//! The use cases of Courtier: what a broker does, over the domain rules and the agency file.
//!
//! Both faces of the product, the desktop shell and the `courtier` command, call only this crate.
//! Nothing here depends on how the front end looks, and the clock is injected so that every use
//! case can be tested on a fixed date.

mod claims;
mod clock;
mod contracts;
mod corrections;
pub mod demo;
mod dto;
mod error;
mod insurers;
mod timeline;

pub use claims::{AvenantDraft, ClaimPage, ClaimUpdate};
pub use clock::{Clock, FixedClock, SystemClock};
pub use contracts::{
    AmountDto, ClaimDraft, ClaimRecord, CommunicationDto, ContractDraft, ContractEventDto,
    ContractRecord, DriverDraft, DriverDto, EcheanceDto, OpenClaim, PartyDto, PremiumDraft,
    PremiumDto, ProjectionDto, QualificationDto, ReleveResult, RevisionDto, StatusDto,
    SurchargeDto, VehicleDraft, VehicleDto,
};
pub use corrections::{ContractUpdate, DriverUpdate, VehicleUpdate};
pub use dto::*;
pub use error::AppError;
pub use insurers::{InsurerDraft, InsurerDto};
pub use timeline::{build_timeline, Timeline, TimelineEntry, TimelineQuery, TIMELINE_KINDS};

use courtier_domain::client::{self, ClientDraft};
use courtier_port::{AgencyStore, ClientQuery, Entity};
use courtier_store::{OpenMode, Store, DATABASE_FILE};
use courtier_vault::{DbKey, Keychain, Protection, RecoveryKey, Unlock};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use zeroize::Zeroizing;

/// The version of this build, shown in Paramètres.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The exchange log's anchor, kept next to the agency file (see [`Courtier::integrity_check`]).
pub const EXCHANGE_ANCHOR_FILE: &str = "journal-echanges.ancre.json";

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
    /// The agency store, through the port (the SQLCipher file today).
    store: Mutex<Option<Box<dyn AgencyStore>>>,
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
            "io",
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
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.config.data_dir
    }

    /// Whether an agency file (its key manifest) exists in the data directory.
    pub fn agency_exists(&self) -> bool {
        courtier_vault::manifest_exists(&self.config.data_dir)
    }

    fn db_path(&self) -> PathBuf {
        self.config.data_dir.join(DATABASE_FILE)
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
        f(store.as_mut())
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
        let (state, client_count) = match guard.as_ref() {
            Some(s) => ("open", Some(s.count_clients(false)?)),
            None if exists => ("locked", None),
            None => ("absent", None),
        };
        Ok(AgencyStatus {
            state,
            data_dir: self.config.data_dir.display().to_string(),
            storage,
            app_version: APP_VERSION,
            client_count,
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
        std::fs::create_dir_all(dir).map_err(|e| {
            AppError::new(
                "io",
                format!(
                    "Impossible de créer le dossier de l'agence {} : {e}",
                    dir.display()
                ),
            )
        })?;
        if self.db_path().exists() {
            return Err(AppError::new(
                "already_exists",
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
        let storage = created.manifest.storage().to_string();
        *guard = Some(store);
        Ok(AgencyOpened {
            state: "open",
            created: true,
            recovery_key: Some(created.recovery_key.display_for_broker().to_string()),
            data_dir: dir.display().to_string(),
            storage,
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
            let store = Store::open(&self.db_path(), &key, OpenMode::Existing)?;
            if by_recovery && storage == "keychain" {
                // The keychain lost the key: put it back so the next start is silent. A keychain
                // that still does not answer is not fatal, the file is open.
                let _ =
                    courtier_vault::restore_to_keychain(dir, self.config.keychain.as_ref(), &key);
            }
            *guard = Some(Box::new(store));
        }
        Ok(AgencyOpened {
            state: "open",
            created: false,
            recovery_key: None,
            data_dir: dir.display().to_string(),
            storage,
        })
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

    // ----- clients -------------------------------------------------------------------------

    fn record(&self, store: &dyn AgencyStore, id: i64) -> Result<ClientRecord, AppError> {
        let sc = store.get_client(id)?;
        let household = store.household_of(id)?.map(|h| Household {
            id: h.id,
            members: h.members.into_iter().map(ClientSummary::from).collect(),
        });
        let today = self.config.clock.today();
        let age = sc.client.birth_date.map(|b| client::age_on(b, today));
        let revisions = contracts::revision_dtos(&store.revisions(Entity::Client, id)?);
        Ok(ClientRecord::build(sc, household, age, revisions))
    }

    /// Creates a client from what the form sent.
    pub fn client_create(&self, draft: &ClientDraft) -> Result<ClientRecord, AppError> {
        let client = client::validate(draft, self.config.clock.today())?;
        let now = self.now();
        self.with_store(|s| {
            let id = s.insert_client(&client, &now)?;
            self.record(s, id)
        })
    }

    /// Replaces a client's data. With `expected_version`, refuses to overwrite a change made since.
    pub fn client_update(
        &self,
        id: i64,
        draft: &ClientDraft,
        expected_version: Option<i64>,
    ) -> Result<ClientRecord, AppError> {
        self.client_correct(id, draft, expected_version, None)
    }

    /// As [`Courtier::client_update`], with the reason of the correction, kept with the values
    /// it replaced.
    pub fn client_correct(
        &self,
        id: i64,
        draft: &ClientDraft,
        expected_version: Option<i64>,
        reason: Option<&str>,
    ) -> Result<ClientRecord, AppError> {
        let client = client::validate(draft, self.config.clock.today())?;
        let now = self.now();
        let reason = reason.map(str::trim).filter(|r| !r.is_empty());
        self.with_store(|s| {
            s.update_client(id, &client, expected_version, reason, &now)?;
            self.record(s, id)
        })
    }

    pub fn client_archive(&self, id: i64) -> Result<ClientRecord, AppError> {
        self.set_archived(id, true)
    }

    pub fn client_restore(&self, id: i64) -> Result<ClientRecord, AppError> {
        self.set_archived(id, false)
    }

    fn set_archived(&self, id: i64, archived: bool) -> Result<ClientRecord, AppError> {
        let now = self.now();
        self.with_store(|s| {
            s.set_client_archived(id, archived, &now)?;
            self.record(s, id)
        })
    }

    pub fn client_get(&self, id: i64) -> Result<ClientRecord, AppError> {
        self.with_store(|s| self.record(s, id))
    }

    pub fn client_list(&self, q: &ClientListQuery) -> Result<ClientListPage, AppError> {
        let status = match q.status.as_deref().filter(|s| !s.is_empty() && *s != "all") {
            None => None,
            Some(s) => Some(client::ClientStatus::parse(s).ok_or_else(|| {
                AppError::new(
                    "invalid:status",
                    format!("Statut inconnu « {s} » (attendu : prospect, client, former)."),
                )
            })?),
        };
        let query = ClientQuery {
            page: q.page.unwrap_or(1).max(1),
            page_size: q.page_size.unwrap_or(50).clamp(1, 500),
            sort: dto::parse_sort(q.sort.as_deref())?,
            descending: q.descending,
            status,
            include_archived: q.include_archived,
        };
        self.with_store(|s| {
            let page = s.list_clients(&query)?;
            Ok(ClientListPage {
                items: page.items.into_iter().map(ClientSummary::from).collect(),
                total: page.total,
                page: query.page,
                page_size: query.page_size,
            })
        })
    }

    /// Instant search over names, e-mails, phones, postcodes and cities (prefixes, accents and
    /// case ignored).
    pub fn client_search(
        &self,
        text: &str,
        limit: Option<u32>,
        include_archived: bool,
    ) -> Result<Vec<ClientSummary>, AppError> {
        let limit = limit.unwrap_or(50).clamp(1, 500);
        self.with_store(|s| {
            Ok(s.search_clients(text, limit, include_archived)?
                .into_iter()
                .map(ClientSummary::from)
                .collect())
        })
    }

    pub fn household_link(&self, client_id: i64, with_id: i64) -> Result<ClientRecord, AppError> {
        let now = self.now();
        self.with_store(|s| {
            s.link_household(client_id, with_id, &now)?;
            self.record(s, client_id)
        })
    }

    pub fn household_leave(&self, client_id: i64) -> Result<ClientRecord, AppError> {
        let now = self.now();
        self.with_store(|s| {
            s.leave_household(client_id, &now)?;
            self.record(s, client_id)
        })
    }

    /// Loads a realistic demo portfolio of `clients` clients, committed in batches of
    /// [`demo::BATCH`]: a crash loses at most the batch under way. `progress` is called after each
    /// committed batch with the number of clients saved so far.
    pub fn demo_load(
        &self,
        clients: u32,
        seed: u64,
        mut progress: impl FnMut(u64),
    ) -> Result<DemoLoaded, AppError> {
        if clients > 1_000_000 {
            return Err(AppError::new(
                "invalid:clients",
                "Un portefeuille de démonstration compte au plus 1 000 000 clients.",
            ));
        }
        let now = self.now();
        let today = self.config.clock.today();
        self.with_store(|s| {
            let mut done = 0u64;
            let mut gen = demo::Generator::new(seed, today);
            // The demo's insurers with their details, unless the agency already has them.
            let known = s.insurers()?;
            let insurers = demo::INSURERS
                .iter()
                .map(|(name, street, postcode, city, domain)| {
                    match known
                        .iter()
                        .find(|k| k.name.to_lowercase() == name.to_lowercase())
                    {
                        Some(k) => Ok(k.id),
                        None => s.insert_insurer(
                            &courtier_port::InsurerRow {
                                id: 0,
                                name: (*name).into(),
                                address_line1: Some((*street).into()),
                                postcode: Some((*postcode).into()),
                                city: Some((*city).into()),
                                email: Some(format!("contact@{domain}")),
                                phone: None,
                                releve_email: Some(format!("releves@{domain}")),
                                contracts: 0,
                            },
                            &now,
                        ),
                    }
                })
                .collect::<Result<Vec<_>, _>>()?;
            let mut remaining = clients;
            while remaining > 0 {
                let n = remaining.min(demo::BATCH);
                let (batch, households) = gen.batch(n);
                let contracts = gen.contracts(&batch, &insurers);
                s.insert_batch(&batch, &households, &contracts, &now, &|f| {
                    contracts::coefficient_rows(f, today)
                })?;
                done += u64::from(n);
                remaining -= n;
                progress(done);
            }
            Ok(DemoLoaded {
                clients: s.count_clients(true)?,
                households: s.count_households()?,
                contracts: s.count_contracts()?,
                claims: s.count_claims()?,
            })
        })
    }

    /// Where the exchange log's anchor is kept, next to the agency file.
    pub(crate) fn anchor_path(&self) -> PathBuf {
        self.config.data_dir.join(EXCHANGE_ANCHOR_FILE)
    }

    /// Writes the exchange log's anchor (count and last hash) outside the database, atomically:
    /// removing entries from the end of the log then shows. A crash before it is written leaves
    /// an older anchor, which the log still satisfies.
    pub(crate) fn write_anchor(&self, a: &courtier_port::ExchangeAnchor) -> Result<(), AppError> {
        let path = self.anchor_path();
        let tmp = path.with_extension("json.tmp");
        let bytes = serde_json::to_vec_pretty(a).map_err(AppError::internal)?;
        std::fs::write(&tmp, bytes)
            .and_then(|()| std::fs::rename(&tmp, &path))
            .map_err(AppError::internal)
    }

    /// Runs `PRAGMA integrity_check` on the open file and verifies the exchange log's hash chain: `["ok"]` when both are sound.
    pub fn integrity_check(&self) -> Result<Vec<String>, AppError> {
        let anchor = match std::fs::read(self.anchor_path()) {
            Ok(bytes) => Some(serde_json::from_slice::<courtier_port::ExchangeAnchor>(
                &bytes,
            )),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(AppError::internal(e)),
        };
        self.with_store(|s| {
            let mut lines = s.integrity_check()?;
            let mut chain = Vec::new();
            let anchor = match anchor {
                Some(Ok(a)) => Some(a),
                Some(Err(_)) => {
                    chain.push(format!(
                        "journal des échanges : l'ancre {} est illisible",
                        EXCHANGE_ANCHOR_FILE
                    ));
                    None
                }
                None => None,
            };
            chain.extend(s.verify_exchange_log(anchor.as_ref())?);
            if !chain.is_empty() {
                lines.retain(|l| l != "ok");
                lines.extend(chain);
            }
            Ok(lines)
        })
    }
}
