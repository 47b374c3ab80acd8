//! The vehicles of a contract.

use crate::contracts::Recompute;
use crate::StoreResult;
use chrono::NaiveDate;

/// A vehicle on a contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VehicleRow {
    pub id: i64,
    pub contract_id: i64,
    pub registration: String,
    pub make: Option<String>,
    pub model: Option<String>,
    pub first_registration: Option<NaiveDate>,
    pub from_date: NaiveDate,
    pub to_date: Option<NaiveDate>,
    pub replaced_by: Option<i64>,
    pub transfer_note: Option<String>,
    /// R16: it entered the contract with other usual drivers (a reduction was lost that day).
    pub other_drivers: bool,
}

/// What the vehicle use cases need from the agency store.
pub trait VehicleStore {
    /// Puts a vehicle on a contract; with `replaces` (the old vehicle and the transfer note),
    /// the old one leaves that day. Recomputes the coefficients (R16).
    fn insert_vehicle(
        &mut self,
        v: &VehicleRow,
        replaces: Option<(i64, &str)>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> StoreResult<i64>;
    fn correct_vehicle(
        &mut self,
        new: &VehicleRow,
        reason: Option<&str>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> StoreResult<()>;
    fn vehicles_of_contract(&self, contract_id: i64) -> StoreResult<Vec<VehicleRow>>;
    /// The contract a vehicle is on.
    fn vehicle_contract(&self, vehicle_id: i64) -> StoreResult<i64>;
}
