//! Renewals: the avis d'échéance sent for a contract's échéance, and the agency's renewal
//! settings. Both are append-only facts.

use crate::StoreResult;
use crate::{ClaimRow, EcheanceRow, PremiumLineRow};
use chrono::NaiveDate;
use std::collections::HashMap;

/// One avis d'échéance sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AvisSendingRow {
    pub id: i64,
    pub contract_id: i64,
    pub echeance: NaiveDate,
    pub sent_on: NaiveDate,
    /// `courrier`, `email` or `remise`.
    pub channel: String,
    pub recorded_at: String,
}

/// The renewal settings in force (the latest recorded, or the defaults).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenewalSettingsRow {
    /// A claim without news for that many days is to be followed up.
    pub claim_silence_days: u32,
    /// The interval of the re-examination of advice, in months (0: none).
    pub advice_review_months: u32,
    /// Whether the clear .ics file may carry client names.
    pub ics_client_names: bool,
}

impl Default for RenewalSettingsRow {
    /// Before any setting is recorded: 30 days without news, advice re-examined every 12 months
    /// (once a year, at the échéance's rhythm), no client names in the clear .ics file.
    fn default() -> Self {
        RenewalSettingsRow {
            claim_silence_days: 30,
            advice_review_months: 12,
            ics_client_names: false,
        }
    }
}

/// What the renewal use cases need from the agency store.
pub trait RenewalStore {
    /// Records an avis sent; the contract must exist.
    fn insert_avis_sending(
        &mut self,
        contract_id: i64,
        echeance: NaiveDate,
        sent_on: NaiveDate,
        channel: &str,
        now: &str,
    ) -> StoreResult<i64>;
    /// The avis sent for a contract, by échéance then sending date.
    fn avis_sendings_of_contract(&self, contract_id: i64) -> StoreResult<Vec<AvisSendingRow>>;
    /// The avis sent for the échéances in `[from, to]`, every contract (the calendar's batch).
    fn avis_sendings_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> StoreResult<Vec<AvisSendingRow>>;
    /// Records new settings (a new fact: the previous ones stay in the history).
    fn record_renewal_settings(&mut self, s: &RenewalSettingsRow, now: &str) -> StoreResult<()>;
    /// The settings in force.
    fn renewal_settings(&self) -> StoreResult<RenewalSettingsRow>;
}

/// Which contracts the calendar asks for: those within `reach` (an échéance, a termination or
/// avis deadline, or a Hamon day can fall in the range: the store may return a few more, the
/// domain dates them exactly), not terminated before `from`; every contract without a reach.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CalendarQuery {
    pub from: Option<NaiveDate>,
    pub reach: Option<courtier_domain::deadlines::calendar::CalendarReach>,
    pub insurer_id: Option<i64>,
    /// The client's assigned broker (`clients.assigned_broker`), exactly.
    pub broker: Option<String>,
    pub product: Option<courtier_domain::vocabulary::Product>,
}

/// What the calendar's items need of the contracts it shows, read for all of them in a few
/// set queries (never one per contract), by contract id. A contract with none has no entry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CalendarDetails {
    /// The coefficient kept at each échéance reached.
    pub history: HashMap<i64, Vec<EcheanceRow>>,
    pub premiums: HashMap<i64, Vec<PremiumLineRow>>,
    /// What the engine reads to project the coefficient at a coming échéance: the claims with
    /// their qualifications only (their other lists are left empty), the interruptions and the
    /// R16 dates (vehicles entered with other usual drivers).
    pub claims: HashMap<i64, Vec<ClaimRow>>,
    pub interruptions: HashMap<i64, Vec<(NaiveDate, NaiveDate)>>,
    pub reductions_lost: HashMap<i64, Vec<NaiveDate>>,
}

/// A contract the calendar may show, with what its items need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarContractRow {
    pub contract: crate::ContractRow,
    pub client_name: String,
    pub client_kind: courtier_domain::client::ClientKind,
    pub broker: Option<String>,
    pub terminated_on: Option<NaiveDate>,
    /// The client has a claim neither closed nor refused (on any of their contracts).
    pub client_has_open_claim: bool,
}

/// The calendar's read of the agency store.
pub trait CalendarStore {
    /// The contracts whose échéance anniversary falls in the query's range (every contract when
    /// the range covers a year), not terminated before `from`.
    fn calendar_contracts(&self, q: &CalendarQuery) -> StoreResult<Vec<CalendarContractRow>>;
    /// The details of the contracts `ids` (sorted or not), in a few set queries.
    fn calendar_details(&self, ids: &[i64]) -> StoreResult<CalendarDetails>;
}
