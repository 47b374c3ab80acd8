//! What Courtier makes of a relevé d'information.

use serde::Serialize;

/// What Courtier makes of a relevé d'information (R17, R18).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReleveResult {
    pub id: i64,
    /// The starting coefficient of the new contract, when the relevé gives what it needs.
    pub start_coefficient: Option<String>,
    /// R17: the counters the new contract starts with, with that coefficient.
    pub start_claim_free_streak: Option<u32>,
    pub start_periods_at_floor: Option<u32>,
    /// How it was reached, in French.
    pub steps: Vec<String>,
    /// The stated coefficient is outside what the listed claims allow.
    pub inconsistency: Option<String>,
    pub implied_min: Option<String>,
    pub implied_max: Option<String>,
    /// Mandatory fields the relevé lacks (R18 and, from 24 July 2025, the EU template).
    pub missing_fields: Vec<String>,
}

/// A relevé kept for a client, as its record and timeline list it, with its result (the
/// result dialog reopens from it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReleveEntry {
    pub id: i64,
    pub client_id: i64,
    /// The relevé's date (`issued_on`).
    pub issued_on: String,
    /// The insurer that issued it.
    pub issuer: Option<String>,
    pub contract_number: Option<String>,
    pub registration: Option<String>,
    /// The coefficient the relevé states.
    pub coefficient: Option<String>,
    /// How many claims it lists.
    pub claims: usize,
    pub recorded_at: String,
    pub result: ReleveResult,
}
