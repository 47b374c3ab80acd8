//! Relevés d'information received for a client.

use crate::StoreResult;
use chrono::NaiveDate;

/// A relevé d'information as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleveRow {
    pub id: i64,
    pub client_id: i64,
    pub received_on: NaiveDate,
    /// The document's fields, JSON.
    pub document: String,
    pub start_coefficient: Option<u32>,
    pub inconsistency: Option<String>,
    pub recorded_at: String,
}

/// What the relevé use cases need from the agency store.
pub trait ReleveStore {
    #[allow(clippy::too_many_arguments)]
    fn insert_releve(
        &mut self,
        client_id: i64,
        received_on: NaiveDate,
        document: &str,
        start_coefficient: Option<u32>,
        inconsistency: Option<&str>,
        now: &str,
    ) -> StoreResult<i64>;
    fn releves_of_client(&self, client_id: i64) -> StoreResult<Vec<ReleveRow>>;
    fn releve(&self, id: i64) -> StoreResult<ReleveRow>;
}
