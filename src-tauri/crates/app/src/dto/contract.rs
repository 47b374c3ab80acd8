//! A contract as the form sends it and as its page shows it: terms, premiums, the coefficient
//! history, the projection and the next premium.

use super::{AggravationDto, ClaimRecord, DriverDto, RevisionDto, VehicleDto};
use courtier_domain::vocabulary::{
    ContractEventKind, ContractStatus, Product, TerminatedBy, Usage,
};
use serde::{Deserialize, Serialize};

/// A new contract as the form (or the CLI) sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ContractDraft {
    pub client_id: i64,
    pub insurer: String,
    pub number: String,
    /// `auto` (default), `habitation`, `sante`, `prevoyance`, `autre`.
    pub product: Option<String>,
    pub subscription_date: String,
    pub first_echeance: String,
    /// `standard` (default) or `tournees`.
    pub usage: Option<String>,
    pub clause_applies: Option<bool>,
    /// The coefficient applied during the first period (1.00 for a first contract; from the
    /// relevé otherwise).
    pub start_coefficient: Option<String>,
    /// R17: the counters that come with the insured from the relevé (default 0): consecutive
    /// claim-free periods (R9) and completed claim-free periods at 0.50 (R10, only with a start
    /// coefficient of 0.50).
    pub start_claim_free_streak: Option<u32>,
    pub start_periods_at_floor: Option<u32>,
    /// `en_cours` (default) or `devis`.
    pub status: Option<String>,
    pub premiums: Vec<PremiumDraft>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PremiumDraft {
    pub guarantee: String,
    /// "350.00" or "350,00".
    pub amount: String,
    pub modulated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EcheanceDto {
    pub echeance: String,
    pub period_start: String,
    pub period_end: String,
    pub coefficient: String,
}

/// A status change or an amendment of a contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContractEventDto {
    pub on_date: String,
    pub kind: ContractEventKind,
    pub status: Option<ContractStatus>,
    pub terminated_by: Option<TerminatedBy>,
    pub details: Option<String>,
    pub recorded_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProjectionDto {
    pub next_echeance: String,
    pub if_nothing_happens: String,
    pub claim_counts_at: String,
    pub with_full_claim: String,
    pub with_partial_claim: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PremiumDto {
    pub reference_modulated: String,
    pub not_modulated: String,
    /// The novice driver's surcharge (A121-1-1), percent of the reference premium, "0" if none.
    pub novice_rate: String,
    pub novice_amount: String,
    pub coefficient: String,
    /// `reference × (1 + novice) × coefficient`.
    pub after_coefficient: String,
    /// Aggravating surcharges in force (A121-1-2) at the next échéance, in event order: the
    /// facts recorded on the claims and drivers, and three responsible claims in a period.
    pub surcharges: Vec<SurchargeDto>,
    /// The 400 % cap reduced them.
    pub surcharges_capped: bool,
    pub total: String,
}

/// A surcharge on the next premium.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SurchargeDto {
    /// In French.
    pub label: String,
    /// Percent of the reference premium, charged (after the cap).
    pub rate: String,
    /// The article's rate, before the cap.
    pub full_rate: String,
    pub amount: String,
    /// The fact it comes from ("sinistre n° 3 du 10/03/2025"), none for three claims.
    pub fact: Option<String>,
    /// The recorded fact's id (none for three claims).
    pub aggravation_id: Option<i64>,
    pub event_date: String,
    /// The échéance it stops at: two years after the first échéance following the event.
    pub until: String,
    /// Reduced by the 400 % cap.
    pub capped: bool,
    /// The higher-path rule or the cap, in French.
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContractRecord {
    pub id: i64,
    pub client_id: i64,
    /// The policyholder's displayed name, for the page's header.
    pub client_name: String,
    pub insurer: String,
    pub number: String,
    pub product: Product,
    pub subscription_date: String,
    pub first_echeance: String,
    pub usage: Usage,
    pub clause_applies: bool,
    pub start_coefficient: String,
    pub status: ContractStatus,
    /// Status changes and amendments, in date order.
    pub events: Vec<ContractEventDto>,
    /// The values each correction of the terms replaced, oldest first.
    pub revisions: Vec<RevisionDto>,
    pub premiums: Vec<PremiumDraft>,
    /// The coefficient in force today (1.00 when the clause does not apply).
    pub coefficient_in_force: String,
    pub coefficient_history: Vec<EcheanceDto>,
    pub periods_at_floor: u32,
    pub claim_free_streak: u32,
    /// The next claim would be forgiven (three years and more at 0.50).
    pub protection_active: bool,
    /// The next échéance and what one more claim today would make it.
    pub projection: Option<ProjectionDto>,
    /// The premium at the next échéance if nothing else happens.
    pub next_premium: Option<PremiumDto>,
    pub claims: Vec<ClaimRecord>,
    pub vehicles: Vec<VehicleDto>,
    pub drivers: Vec<DriverDto>,
    /// Aggravating facts recorded on its claims and drivers (A121-1-2), withdrawn ones included.
    pub aggravations: Vec<AggravationDto>,
    /// The French calculation note.
    pub note: String,
}

/// A correction of a contract's terms. Only the fields given change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ContractUpdate {
    pub number: Option<String>,
    pub product: Option<String>,
    pub subscription_date: Option<String>,
    pub first_echeance: Option<String>,
    pub usage: Option<String>,
    pub clause_applies: Option<bool>,
    pub start_coefficient: Option<String>,
    /// Why (kept with the values replaced).
    pub reason: Option<String>,
}

/// An amendment as the form (or the CLI) sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AvenantDraft {
    pub on_date: String,
    /// What the amendment changes, in words (required).
    pub details: String,
    /// Premium lines in force from `on_date` (a guarantee listed here replaces its earlier line).
    pub premiums: Vec<PremiumDraft>,
}
