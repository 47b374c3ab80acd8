//! Aggravating circumstances (A121-1-2) recorded on a claim or a driver: dated facts, never
//! rewritten; a mistaken one is withdrawn by a later fact with its reason.

use crate::StoreResult;
use chrono::NaiveDate;
use courtier_domain::premium::SuspensionLength;
use courtier_domain::vocabulary::AggravationFact;

/// A recorded aggravating fact, with its withdrawal if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AggravationRow {
    pub id: i64,
    pub contract_id: i64,
    /// Set for a fact on a claim (alcohol, hit-and-run).
    pub claim_id: Option<i64>,
    /// Set for a fact on a driver.
    pub driver_id: Option<i64>,
    pub fact: AggravationFact,
    pub event_date: NaiveDate,
    /// A suspension's length.
    pub suspension: Option<SuspensionLength>,
    /// The alcohol or hit-and-run fact that caused this suspension.
    pub caused_by: Option<i64>,
    pub note: Option<String>,
    pub recorded_at: String,
    pub withdrawal: Option<WithdrawalRow>,
}

/// Why and when a fact was withdrawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WithdrawalRow {
    pub reason: String,
    pub recorded_at: String,
}

/// A fact to record: on a claim (`claim_id`) or on a driver (`driver_id`), exactly one; its
/// contract is the claim's or the driver's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAggravation {
    pub claim_id: Option<i64>,
    pub driver_id: Option<i64>,
    pub fact: AggravationFact,
    pub event_date: NaiveDate,
    pub suspension: Option<SuspensionLength>,
    pub caused_by: Option<i64>,
    pub note: Option<String>,
}

/// What the aggravation use cases need from the agency store.
pub trait AggravationStore {
    /// Records a fact; refuses a claim or driver that does not exist, and a cause that is not an
    /// alcohol or hit-and-run fact of the same contract still in force. Returns its id.
    fn insert_aggravation(&mut self, a: &NewAggravation, now: &str) -> StoreResult<i64>;
    /// Withdraws a fact (once), with the reason. Returns its contract.
    fn withdraw_aggravation(&mut self, id: i64, reason: &str, now: &str) -> StoreResult<i64>;
    /// Every fact of a contract, withdrawn ones included, in the order recorded.
    fn aggravations_of_contract(&self, contract_id: i64) -> StoreResult<Vec<AggravationRow>>;
    fn aggravation(&self, id: i64) -> StoreResult<AggravationRow>;
}
