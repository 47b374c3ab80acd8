//! Vehicles and drivers of a contract: as the form sends them, as their corrections send them,
//! and as the pages show them (each with its corrections).

use super::{revision_dtos, RevisionDto};
use crate::input::iso;
use crate::AppError;
use chrono::NaiveDate;
use courtier_domain::vocabulary::DriverRole;
use courtier_port::{DriverStore, Entity, RevisionStore, VehicleStore};
use serde::{Deserialize, Serialize};

/// A vehicle as the form (or the CLI) sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VehicleDraft {
    pub contract_id: i64,
    pub registration: String,
    pub make: Option<String>,
    pub model: Option<String>,
    pub first_registration: Option<String>,
    pub from_date: String,
    /// R16: the vehicle comes with other usual drivers (than the contract's so far): a reduction
    /// in force is lost from `from_date`. For a replacement, `vehicle_replace`'s flag decides.
    pub other_drivers: bool,
}

/// A driver as the form (or the CLI) sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DriverDraft {
    pub contract_id: i64,
    pub client_id: Option<i64>,
    /// `principal`, `secondaire` or `occasionnel`.
    pub role: String,
    pub last_name: String,
    pub first_name: Option<String>,
    pub birth_date: Option<String>,
    pub licence_number: Option<String>,
    pub licence_date: Option<String>,
    pub aac: bool,
    pub from_date: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VehicleDto {
    pub id: i64,
    pub registration: String,
    pub make: Option<String>,
    pub model: Option<String>,
    pub first_registration: Option<String>,
    pub from_date: String,
    pub to_date: Option<String>,
    pub replaced_by: Option<i64>,
    pub transfer_note: Option<String>,
    /// It entered the contract with other usual drivers (R16: a reduction was lost).
    pub other_drivers: bool,
    /// The values each correction replaced, oldest first.
    pub revisions: Vec<RevisionDto>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DriverDto {
    pub id: i64,
    pub client_id: Option<i64>,
    pub role: DriverRole,
    pub last_name: String,
    pub first_name: Option<String>,
    pub birth_date: Option<String>,
    pub licence_number: Option<String>,
    pub licence_date: Option<String>,
    pub aac: bool,
    /// Licence for less than three years today (A121-1-1).
    pub novice: bool,
    pub from_date: String,
    /// The end of the designation, if it ended.
    pub to_date: Option<String>,
    /// The values each correction replaced, oldest first.
    pub revisions: Vec<RevisionDto>,
}

/// A correction of a vehicle. Only the fields given change; an empty text clears an optional
/// field (`toDate` empty: the vehicle is on the contract again).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VehicleUpdate {
    pub registration: Option<String>,
    pub make: Option<String>,
    pub model: Option<String>,
    pub first_registration: Option<String>,
    pub from_date: Option<String>,
    pub to_date: Option<String>,
    pub reason: Option<String>,
}

/// A correction of a driver. Only the fields given change; an empty text clears an optional
/// field; `toDate` ends the designation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DriverUpdate {
    pub role: Option<String>,
    pub last_name: Option<String>,
    pub first_name: Option<String>,
    pub birth_date: Option<String>,
    pub licence_number: Option<String>,
    pub licence_date: Option<String>,
    pub aac: Option<bool>,
    pub from_date: Option<String>,
    pub to_date: Option<String>,
    pub reason: Option<String>,
}

pub(crate) fn vehicle_dto(v: courtier_port::VehicleRow) -> VehicleDto {
    VehicleDto {
        id: v.id,
        registration: v.registration,
        make: v.make,
        model: v.model,
        first_registration: v.first_registration.map(iso),
        from_date: iso(v.from_date),
        to_date: v.to_date.map(iso),
        replaced_by: v.replaced_by,
        transfer_note: v.transfer_note,
        other_drivers: v.other_drivers,
        revisions: Vec::new(),
    }
}

pub(crate) fn driver_dto(d: courtier_port::DriverRow, today: NaiveDate) -> DriverDto {
    DriverDto {
        id: d.id,
        client_id: d.client_id,
        role: d.role,
        last_name: d.last_name,
        first_name: d.first_name,
        birth_date: d.birth_date.map(iso),
        licence_number: d.licence_number,
        licence_date: d.licence_date.map(iso),
        aac: d.aac,
        novice: courtier_domain::vehicle::is_novice(d.licence_date, today),
        from_date: iso(d.from_date),
        to_date: d.to_date.map(iso),
        revisions: Vec::new(),
    }
}

/// The vehicles of a contract, each with its corrections.
pub(crate) fn vehicles_with_revisions<S: VehicleStore + RevisionStore + ?Sized>(
    s: &S,
    contract_id: i64,
) -> Result<Vec<VehicleDto>, AppError> {
    s.vehicles_of_contract(contract_id)?
        .into_iter()
        .map(|v| {
            let revisions = revision_dtos(&s.revisions(Entity::Vehicle, v.id)?);
            Ok(VehicleDto {
                revisions,
                ..vehicle_dto(v)
            })
        })
        .collect()
}

/// The drivers of a contract, each with its corrections.
pub(crate) fn drivers_with_revisions<S: DriverStore + RevisionStore + ?Sized>(
    s: &S,
    contract_id: i64,
    today: NaiveDate,
) -> Result<Vec<DriverDto>, AppError> {
    s.drivers_of_contract(contract_id)?
        .into_iter()
        .map(|d| {
            let revisions = revision_dtos(&s.revisions(Entity::Driver, d.id)?);
            Ok(DriverDto {
                revisions,
                ..driver_dto(d, today)
            })
        })
        .collect()
}
