//! Aggravating circumstances (A121-1-2) as the forms (or the CLI) send them and as the claim
//! and driver pages show them.

use courtier_domain::vocabulary::AggravationFact;
use serde::{Deserialize, Serialize};

/// A fact to record on a claim or a driver.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AggravationDraft {
    /// `alcohol`, `hit_and_run` (on a claim); `suspension`, `cancellation`,
    /// `multiple_suspensions`, `non_declaration` (on a driver).
    pub fact: String,
    /// The event's date; for a fact on a claim, the claim's date when empty.
    pub on_date: Option<String>,
    /// A suspension's length in whole months, or its dates (`suspension_from`,
    /// `suspension_to`, the day the licence is given back).
    pub suspension_months: Option<u32>,
    pub suspension_from: Option<String>,
    pub suspension_to: Option<String>,
    /// For a suspension: the alcohol or hit-and-run fact (its id) that caused it.
    pub caused_by: Option<i64>,
    pub note: Option<String>,
}

/// A recorded fact, withdrawn or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AggravationDto {
    pub id: i64,
    pub contract_id: i64,
    pub claim_id: Option<i64>,
    pub driver_id: Option<i64>,
    pub fact: AggravationFact,
    pub event_date: String,
    pub suspension_months: Option<u32>,
    pub suspension_from: Option<String>,
    pub suspension_to: Option<String>,
    pub caused_by: Option<i64>,
    pub note: Option<String>,
    pub recorded_at: String,
    /// The surcharge it brings, in French ("suspension du permis de 2 à 6 mois"), and its rate
    /// (percent of the reference premium), before the higher-path rule and the cap.
    pub surcharge: String,
    pub rate: String,
    /// The échéance its surcharge stops at (two years after the first échéance following it).
    pub until: Option<String>,
    pub withdrawn: Option<WithdrawalDto>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WithdrawalDto {
    pub reason: String,
    pub recorded_at: String,
}
