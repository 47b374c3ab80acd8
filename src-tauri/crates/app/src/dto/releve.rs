//! What Courtier makes of a relevé d'information.

use serde::Serialize;

/// What Courtier makes of a relevé d'information (R17, R18).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReleveResult {
    pub id: i64,
    /// The starting coefficient of the new contract, when the relevé gives what it needs.
    pub start_coefficient: Option<String>,
    /// How it was reached, in French.
    pub steps: Vec<String>,
    /// The stated coefficient is outside what the listed claims allow.
    pub inconsistency: Option<String>,
    pub implied_min: Option<String>,
    pub implied_max: Option<String>,
    /// Mandatory fields the relevé lacks (R18 and, from 24 July 2025, the EU template).
    pub missing_fields: Vec<String>,
}
