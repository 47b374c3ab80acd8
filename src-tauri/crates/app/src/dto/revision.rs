//! The values a correction replaced, for every corrected entity.

use serde::Serialize;

/// What a correction of a claim, contract, vehicle, driver or insurer replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RevisionDto {
    /// The earlier values, by their snake_case field names (for a claim: `occurred_on`,
    /// `declared_on`, `kind`, `place`, `description`, `insurer_reference`, `vehicle_id`,
    /// `driver_id`).
    pub previous: serde_json::Value,
    pub reason: Option<String>,
    pub recorded_at: String,
}

pub(crate) fn revision_dtos(rows: &[courtier_port::RevisionRow]) -> Vec<RevisionDto> {
    rows.iter()
        .map(|r| RevisionDto {
            previous: serde_json::from_str(&r.previous).unwrap_or(serde_json::Value::Null),
            reason: r.reason.clone(),
            recorded_at: r.recorded_at.clone(),
        })
        .collect()
}
