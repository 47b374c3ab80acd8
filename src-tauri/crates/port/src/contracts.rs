//! Contracts, their dated events and premium lines, and the derived coefficient history.

use crate::claims::ClaimRow;
use crate::{DeriveError, StoreResult};
use chrono::NaiveDate;
use courtier_domain::vocabulary::{
    ContractEventKind, ContractStatus, Product, Responsibility, TerminatedBy, Usage,
};

/// A contract as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractRow {
    pub id: i64,
    pub client_id: i64,
    pub insurer_id: i64,
    pub insurer_name: String,
    pub number: String,
    pub product: Product,
    pub subscription_date: NaiveDate,
    pub first_echeance: NaiveDate,
    pub usage: Usage,
    pub clause_applies: bool,
    /// Hundredths.
    pub start_coefficient: u32,
    pub start_periods_at_floor: u32,
    pub start_claim_free_streak: u32,
    pub created_at: String,
    pub updated_at: String,
}

/// A new contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewContract {
    pub client_id: i64,
    pub insurer_id: i64,
    pub number: String,
    pub product: Product,
    pub subscription_date: NaiveDate,
    pub first_echeance: NaiveDate,
    pub usage: Usage,
    pub clause_applies: bool,
    pub start_coefficient: u32,
    pub start_periods_at_floor: u32,
    pub start_claim_free_streak: u32,
    /// `devis` or `en_cours` (the use case refuses the others).
    pub status: ContractStatus,
    pub premiums: Vec<PremiumLineRow>,
}

/// A reference premium line, in force from a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PremiumLineRow {
    pub from_date: NaiveDate,
    pub guarantee: String,
    pub amount_cents: i64,
    pub modulated: bool,
}

/// A status change or an amendment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractEventRow {
    pub on_date: NaiveDate,
    pub kind: ContractEventKind,
    pub status: Option<ContractStatus>,
    pub terminated_by: Option<TerminatedBy>,
    pub details: Option<String>,
    pub recorded_at: String,
}

/// Everything the coefficient of a contract depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractFacts {
    pub contract: ContractRow,
    pub claims: Vec<ClaimRow>,
    pub interruptions: Vec<(NaiveDate, NaiveDate)>,
    /// The date of the last termination (résiliation), if the contract was terminated.
    pub terminated_on: Option<NaiveDate>,
    /// R16: the dates a vehicle entered the contract with other usual drivers.
    pub reductions_lost: Vec<NaiveDate>,
}

/// One computed échéance, as kept: the coefficient set that day. Everything else about it (the
/// reference period, the trace) is rebuilt from the facts by the engine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EcheanceRow {
    pub echeance: NaiveDate,
    /// Hundredths.
    pub coefficient: u32,
}

/// What the store keeps derived from a contract's facts: the coefficient at each échéance, and
/// each claim's responsibility in force (R15, art. 8: the latest requalification made in time,
/// else the first qualification), which the Sinistres filter and list read from the claim row.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Derived {
    pub echeances: Vec<EcheanceRow>,
    /// By claim id, every claim of the contract.
    pub responsibilities: Vec<(i64, Responsibility)>,
}

/// The recomputation the caller provides: from the facts, what to keep.
pub type Recompute<'a> = &'a dyn Fn(&ContractFacts) -> Result<Derived, DeriveError>;

/// The terms of a contract, as corrected (every field is the new value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractCorrection {
    pub number: String,
    pub product: Product,
    pub subscription_date: NaiveDate,
    pub first_echeance: NaiveDate,
    pub usage: Usage,
    pub clause_applies: bool,
    /// Hundredths.
    pub start_coefficient: u32,
}

/// What the contract use cases need from the agency store. Every write that changes what the
/// coefficient depends on takes the [`Recompute`] to run **in the same transaction**: the facts
/// are written, the coefficients derived from them, and both committed together or not at all.
pub trait ContractStore {
    fn insert_contract(
        &mut self,
        c: &NewContract,
        now: &str,
        recompute: Recompute<'_>,
    ) -> StoreResult<i64>;
    fn add_interruption(
        &mut self,
        contract_id: i64,
        from: NaiveDate,
        to: NaiveDate,
        reason: Option<&str>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> StoreResult<()>;
    fn contract_status(
        &mut self,
        contract_id: i64,
        status: ContractStatus,
        on: NaiveDate,
        terminated_by: Option<TerminatedBy>,
        details: Option<&str>,
        now: &str,
    ) -> StoreResult<()>;
    fn terminate_contract(
        &mut self,
        contract_id: i64,
        on: NaiveDate,
        terminated_by: TerminatedBy,
        details: Option<&str>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> StoreResult<()>;
    fn recompute_contract(
        &mut self,
        contract_id: i64,
        now: &str,
        recompute: Recompute<'_>,
    ) -> StoreResult<()>;
    fn correct_contract(
        &mut self,
        id: i64,
        new: &ContractCorrection,
        reason: Option<&str>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> StoreResult<()>;
    fn add_avenant(
        &mut self,
        contract_id: i64,
        on: NaiveDate,
        details: &str,
        premiums: &[PremiumLineRow],
        now: &str,
    ) -> StoreResult<()>;
    fn contract(&self, id: i64) -> StoreResult<ContractRow>;
    fn contract_facts(&self, id: i64) -> StoreResult<ContractFacts>;
    fn contracts_of_client(&self, client_id: i64) -> StoreResult<Vec<ContractRow>>;
    fn contract_events(&self, contract_id: i64) -> StoreResult<Vec<ContractEventRow>>;
    fn contract_premiums(&self, contract_id: i64) -> StoreResult<Vec<PremiumLineRow>>;
    fn coefficient_history(&self, contract_id: i64) -> StoreResult<Vec<EcheanceRow>>;
    fn count_contracts(&self) -> StoreResult<u64>;
}
