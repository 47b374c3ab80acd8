//! Claims (sinistres): their qualifications, statuses, amounts, people and exchanges.

use crate::contracts::Recompute;
use crate::revisions::RevisionRow;
use crate::StoreResult;
use chrono::NaiveDate;
use courtier_domain::vocabulary::{
    AmountKind, Channel, ClaimKind, ClaimStatus, Direction, PartyRole, Responsibility,
};

/// A claim with its history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRow {
    pub id: i64,
    pub contract_id: i64,
    pub occurred_on: NaiveDate,
    pub declared_on: Option<NaiveDate>,
    pub kind: ClaimKind,
    pub place: Option<String>,
    pub description: Option<String>,
    pub insurer_reference: Option<String>,
    /// The estimate given at declaration (later ones are in `amounts`).
    pub estimated_cents: Option<i64>,
    pub vehicle_id: Option<i64>,
    pub driver_id: Option<i64>,
    pub recorded_at: String,
    pub qualifications: Vec<QualificationRow>,
    pub statuses: Vec<ClaimStatusRow>,
    pub parties: Vec<PartyRow>,
    pub communications: Vec<CommunicationRow>,
    pub amounts: Vec<AmountRow>,
    pub revisions: Vec<RevisionRow>,
}

/// One qualification of a claim (the first is the initial one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QualificationRow {
    pub responsibility: Responsibility,
    pub found_on: NaiveDate,
    pub note: Option<String>,
    pub recorded_at: String,
}

/// A status of a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimStatusRow {
    pub status: ClaimStatus,
    pub on_date: NaiveDate,
    pub note: Option<String>,
    pub recorded_at: String,
}

/// Someone involved in a claim: expert, garage, other party, their insurer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyRow {
    pub id: i64,
    pub role: PartyRole,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub reference: Option<String>,
}

/// One exchange about a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommunicationRow {
    pub id: i64,
    pub party_id: Option<i64>,
    /// RFC 3339 or a date.
    pub at: String,
    pub channel: Channel,
    pub direction: Direction,
    pub summary: String,
    pub recorded_at: String,
}

/// A new claim and its first qualification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewClaim {
    pub contract_id: i64,
    pub occurred_on: NaiveDate,
    pub declared_on: Option<NaiveDate>,
    pub kind: ClaimKind,
    pub responsibility: Responsibility,
    pub place: Option<String>,
    pub description: Option<String>,
    pub insurer_reference: Option<String>,
    pub estimated_cents: Option<i64>,
    pub vehicle_id: Option<i64>,
    pub driver_id: Option<i64>,
}

/// A claim still open, across the portfolio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenClaimRow {
    pub claim_id: i64,
    pub contract_id: i64,
    pub client_id: i64,
    pub client_name: String,
    pub insurer: String,
    pub contract_number: String,
    pub occurred_on: NaiveDate,
    pub kind: ClaimKind,
    pub responsibility: Responsibility,
    pub status: ClaimStatus,
    pub status_since: NaiveDate,
}

/// One amount of a claim: an estimate, a payment (règlement) or the franchise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountRow {
    pub kind: AmountKind,
    pub amount_cents: i64,
    pub on_date: NaiveDate,
    pub note: Option<String>,
    pub recorded_at: String,
}

/// The declared facts of a claim, as corrected (every field is the new value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimCorrection {
    pub occurred_on: NaiveDate,
    pub declared_on: Option<NaiveDate>,
    pub kind: ClaimKind,
    pub place: Option<String>,
    pub description: Option<String>,
    pub insurer_reference: Option<String>,
    pub vehicle_id: Option<i64>,
    pub driver_id: Option<i64>,
}

/// What the claim use cases need from the agency store.
pub trait ClaimStore {
    /// Records a claim and its first qualification, and recomputes its contract's coefficients.
    fn insert_claim(
        &mut self,
        c: &NewClaim,
        now: &str,
        recompute: Recompute<'_>,
    ) -> StoreResult<i64>;
    fn requalify_claim(
        &mut self,
        claim_id: i64,
        responsibility: Responsibility,
        found_on: NaiveDate,
        note: Option<&str>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> StoreResult<i64>;
    fn correct_claim(
        &mut self,
        claim_id: i64,
        new: &ClaimCorrection,
        reason: Option<&str>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> StoreResult<i64>;
    fn insert_party(&mut self, claim_id: i64, p: &PartyRow, now: &str) -> StoreResult<i64>;
    fn insert_communication(
        &mut self,
        claim_id: i64,
        c: &CommunicationRow,
        now: &str,
    ) -> StoreResult<i64>;
    fn claim_status(
        &mut self,
        claim_id: i64,
        status: ClaimStatus,
        on: NaiveDate,
        note: Option<&str>,
        now: &str,
    ) -> StoreResult<i64>;
    fn add_claim_amount(&mut self, claim_id: i64, a: &AmountRow, now: &str) -> StoreResult<i64>;
    /// The contract a claim belongs to.
    fn claim_contract(&self, claim_id: i64) -> StoreResult<i64>;
    fn count_claims(&self) -> StoreResult<u64>;
    /// Claims whose last status is not final, oldest first.
    fn open_claims(&self, limit: u32) -> StoreResult<Vec<OpenClaimRow>>;
}
