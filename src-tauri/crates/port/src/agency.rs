//! The agency file as a whole: identity, integrity, the exchange log, batch loads.

use crate::claims::NewClaim;
use crate::contracts::{NewContract, Recompute};
use crate::drivers::DriverRow;
use crate::vehicles::VehicleRow;
use crate::StoreResult;
use crate::{DerivedCheck, JournalCheck, JournalHead, SchemaCheck};
use chrono::NaiveDate;
use courtier_domain::client::Client;
use courtier_domain::vocabulary::{ClaimStatus, Responsibility};

/// Where the exchange log stood: how many entries, and the hash of the last.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ExchangeAnchor {
    pub count: u64,
    pub head: String,
}

/// A contract of a batch (the demo portfolio, imports), for the client at `client_index` of the
/// batch's clients, with its claims and their later requalifications.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchContract {
    pub client_index: usize,
    /// `client_id` is ignored: the batch's client is used.
    pub contract: NewContract,
    /// Its vehicles in order (`id`/`contract_id` ignored); a vehicle with a `to_date` was
    /// replaced by the next one that day.
    pub vehicles: Vec<VehicleRow>,
    /// Its drivers (`id`/`contract_id` ignored).
    pub drivers: Vec<DriverRow>,
    pub claims: Vec<BatchClaim>,
}

/// A claim of a batch contract, with its later requalifications and statuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchClaim {
    /// `contract_id` is ignored.
    pub claim: NewClaim,
    /// `(responsibility, found_on)`, after the first qualification.
    pub requalifications: Vec<(Responsibility, NaiveDate)>,
    /// `(status, on)`, after `declare`.
    pub statuses: Vec<(ClaimStatus, NaiveDate)>,
}

/// What the agency-wide use cases need from the agency store.
pub trait AgencyFile {
    /// Records the agency identity on a new file (idempotent).
    fn set_agency(&self, agency_id: &str, now: &str) -> StoreResult<()>;
    fn agency_id(&self) -> StoreResult<Option<String>>;
    /// The schema version of the agency's data.
    fn schema_version(&self) -> StoreResult<u32>;
    /// The store's own integrity check: `["ok"]` when sound.
    fn integrity_check(&self) -> StoreResult<Vec<String>>;
    /// Verifies the exchange log's hash chain (against the anchor kept outside, if any): the
    /// problems found, none when sound.
    fn verify_exchange_log(&self, anchor: Option<&ExchangeAnchor>) -> StoreResult<Vec<String>>;
    fn exchange_anchor(&self) -> StoreResult<ExchangeAnchor>;
    /// Walks the journal (every append-only fact, one hash chain over acts): each row added,
    /// changed or removed outside the store, each broken link, named by table and row. `anchor`
    /// is the head kept outside the file; `against` a printed head (hex, as
    /// [`crate::parse_printed`] reads it), looked for in the chain.
    fn verify_journal(
        &self,
        anchor: Option<&JournalHead>,
        against: Option<&str>,
    ) -> StoreResult<JournalCheck>;
    /// The journal's head (none before the first act).
    fn journal_head(&self) -> StoreResult<Option<JournalHead>>;
    /// The link of act `act` in the journal (hex), if it has one.
    fn journal_link(&self, act: i64) -> StoreResult<Option<String>>;
    /// Compares the schema (tables, indexes, triggers, views) with what the migrations create.
    fn verify_schema(&self) -> StoreResult<SchemaCheck>;
    /// Rows that refer to a row that is not there (`PRAGMA foreign_key_check`).
    fn foreign_key_check(&self) -> StoreResult<Vec<String>>;
    /// Recomputes every contract's coefficient history from its facts with `recompute` and
    /// compares it with the one kept.
    fn verify_coefficients(&self, recompute: Recompute<'_>) -> StoreResult<DerivedCheck>;
    /// Why the store was found damaged by the verification of its pages (it is then read-only:
    /// every write is refused with [`crate::StoreError::ReadOnlyDamaged`]); `None` when sound
    /// or while the verification is under way. Does not wait.
    fn damage(&self) -> Option<String> {
        self.verification().outcome().flatten()
    }
    /// The verification of the store's pages (done, or under way on its own thread).
    fn verification(&self) -> crate::Verification {
        crate::Verification::sound()
    }
    /// Writes what is pending back into the store's main file on a clean close (the SQLCipher
    /// file's write-ahead log); nothing to do for a store without one.
    fn checkpoint(&self) -> StoreResult<()> {
        Ok(())
    }
    /// Inserts a batch of clients, households, contracts and claims in one transaction, the
    /// coefficients computed with `recompute`.
    fn insert_batch(
        &mut self,
        clients: &[Client],
        households: &[Vec<usize>],
        contracts: &[BatchContract],
        now: &str,
        recompute: Recompute<'_>,
    ) -> StoreResult<Vec<i64>>;
}
