//! The drivers named on a contract.

use crate::StoreResult;
use chrono::NaiveDate;
use courtier_domain::vocabulary::DriverRole;

/// A driver named on a contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DriverRow {
    pub id: i64,
    pub contract_id: i64,
    pub client_id: Option<i64>,
    pub role: DriverRole,
    pub last_name: String,
    pub first_name: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub licence_number: Option<String>,
    pub licence_date: Option<NaiveDate>,
    pub aac: bool,
    pub from_date: NaiveDate,
    pub to_date: Option<NaiveDate>,
}

/// What the driver use cases need from the agency store.
pub trait DriverStore {
    fn insert_driver(&mut self, d: &DriverRow, now: &str) -> StoreResult<i64>;
    fn correct_driver(
        &mut self,
        new: &DriverRow,
        reason: Option<&str>,
        now: &str,
    ) -> StoreResult<()>;
    fn drivers_of_contract(&self, contract_id: i64) -> StoreResult<Vec<DriverRow>>;
    /// The contract a driver is named on.
    fn driver_contract(&self, driver_id: i64) -> StoreResult<i64>;
}
