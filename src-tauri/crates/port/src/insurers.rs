//! The agency's managed list of insurers.

use crate::StoreResult;

/// An insurer and how many contracts the agency holds with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InsurerRow {
    pub id: i64,
    pub name: String,
    pub address_line1: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Where to ask for relevés d'information.
    pub releve_email: Option<String>,
    pub contracts: u64,
}

/// What the insurer use cases need from the agency store.
pub trait InsurerStore {
    fn insurers(&self) -> StoreResult<Vec<InsurerRow>>;
    fn insurer(&self, id: i64) -> StoreResult<InsurerRow>;
    fn insert_insurer(&mut self, i: &InsurerRow, now: &str) -> StoreResult<i64>;
    fn update_insurer(
        &mut self,
        i: &InsurerRow,
        reason: Option<&str>,
        now: &str,
    ) -> StoreResult<()>;
    /// The id of the insurer of that name (case ignored), created if it is not known yet.
    fn insurer_id(&mut self, name: &str, now: &str) -> StoreResult<i64>;
}
