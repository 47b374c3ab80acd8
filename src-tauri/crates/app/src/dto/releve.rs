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
