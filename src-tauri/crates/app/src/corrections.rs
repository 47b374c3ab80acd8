//! Corrections of a contract's terms, a vehicle or a driver: only the fields given change, the
//! same checks as at creation apply, the values replaced are kept with the reason, and the
//! coefficients are recomputed when they may depend on the change.

use crate::contracts::{
    checked_terms, coefficient_rows, date_field, field, opt_date_field, ContractDraft,
    ContractRecord, DriverDraft, DriverDto, VehicleDraft, VehicleDto,
};
use crate::{AppError, Courtier};
use courtier_domain::Coefficient;
use serde::Deserialize;

/// A correction of a contract's terms. Only the fields given change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ContractUpdate {
    pub number: Option<String>,
    pub product: Option<String>,
    pub subscription_date: Option<String>,
    pub first_echeance: Option<String>,
    pub usage: Option<String>,
    pub clause_applies: Option<bool>,
    pub start_coefficient: Option<String>,
    /// Why (kept with the values replaced).
    pub reason: Option<String>,
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

/// The new value of an optional text: given (empty clears) or kept.
fn merge(new: &Option<String>, old: Option<String>) -> Option<String> {
    match new {
        Some(x) => Some(x.trim().to_string()).filter(|x| !x.is_empty()),
        None => old,
    }
}

fn reason(r: &Option<String>) -> Option<String> {
    merge(r, None)
}

impl Courtier {
    /// Corrects a contract's terms (number, product, dates, usage, clause, start coefficient);
    /// its coefficients are recomputed in the same transaction.
    pub fn contract_update(&self, id: i64, u: &ContractUpdate) -> Result<ContractRecord, AppError> {
        let now = self.now();
        let today = self.today();
        self.with_store(|s| {
            let c = s.contract(id)?;
            let iso = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
            let draft = ContractDraft {
                client_id: c.client_id,
                insurer: c.insurer_name.clone(),
                number: u.number.clone().unwrap_or(c.number),
                product: Some(u.product.clone().unwrap_or(c.product)),
                subscription_date: u
                    .subscription_date
                    .clone()
                    .unwrap_or_else(|| iso(c.subscription_date)),
                first_echeance: u
                    .first_echeance
                    .clone()
                    .unwrap_or_else(|| iso(c.first_echeance)),
                usage: Some(u.usage.clone().unwrap_or(c.usage)),
                clause_applies: Some(u.clause_applies.unwrap_or(c.clause_applies)),
                start_coefficient: Some(
                    u.start_coefficient
                        .clone()
                        .unwrap_or_else(|| Coefficient::clamped(c.start_coefficient).to_string()),
                ),
                status: None,
                premiums: Vec::new(),
            };
            let terms = checked_terms(&draft)?;
            s.correct_contract(id, &terms, reason(&u.reason).as_deref(), &now, &|f| {
                coefficient_rows(f, today)
            })?;
            self.contract_record(s, id)
        })
    }

    /// A vehicle, with its corrections.
    pub fn vehicle_get(&self, id: i64) -> Result<VehicleDto, AppError> {
        let contract_id = self.with_store(|s| Ok(s.vehicle_contract(id)?))?;
        self.vehicle_list(contract_id)?
            .into_iter()
            .find(|v| v.id == id)
            .ok_or_else(|| AppError::internal("véhicule introuvable sur son contrat"))
    }

    /// A driver, with its corrections.
    pub fn driver_get(&self, id: i64) -> Result<DriverDto, AppError> {
        let contract_id = self.with_store(|s| Ok(s.driver_contract(id)?))?;
        self.driver_list(contract_id)?
            .into_iter()
            .find(|d| d.id == id)
            .ok_or_else(|| AppError::internal("conducteur introuvable sur son contrat"))
    }

    /// Corrects a vehicle (registration, make, model, first registration, dates on the
    /// contract); the coefficients are recomputed.
    pub fn vehicle_update(&self, id: i64, u: &VehicleUpdate) -> Result<VehicleDto, AppError> {
        let old = self.vehicle_get(id)?;
        let contract_id = self.with_store(|s| Ok(s.vehicle_contract(id)?))?;
        let mut row = self.vehicle_row(&VehicleDraft {
            contract_id,
            registration: u.registration.clone().unwrap_or(old.registration),
            make: merge(&u.make, old.make),
            model: merge(&u.model, old.model),
            first_registration: merge(&u.first_registration, old.first_registration),
            from_date: u.from_date.clone().unwrap_or(old.from_date),
            other_drivers: old.other_drivers,
        })?;
        row.id = id;
        row.to_date = opt_date_field(
            &merge(&u.to_date, old.to_date),
            "toDate",
            "Sortie du contrat",
        )?;
        if row.to_date.is_some_and(|t| t < row.from_date) {
            return Err(field(
                "toDate",
                "La sortie du contrat ne peut précéder l'entrée.",
            ));
        }
        let now = self.now();
        let today = self.today();
        self.with_store(|s| {
            s.correct_vehicle(&row, reason(&u.reason).as_deref(), &now, &|f| {
                coefficient_rows(f, today)
            })?;
            Ok(())
        })?;
        self.vehicle_get(id)
    }

    /// Corrects a driver (role, identity, licence, designation dates; `toDate` ends it).
    pub fn driver_update(&self, id: i64, u: &DriverUpdate) -> Result<DriverDto, AppError> {
        let old = self.driver_get(id)?;
        let contract_id = self.with_store(|s| Ok(s.driver_contract(id)?))?;
        let mut row = self.driver_row(&DriverDraft {
            contract_id,
            client_id: old.client_id,
            role: u.role.clone().unwrap_or(old.role),
            last_name: u.last_name.clone().unwrap_or(old.last_name),
            first_name: merge(&u.first_name, old.first_name),
            birth_date: merge(&u.birth_date, old.birth_date),
            licence_number: merge(&u.licence_number, old.licence_number),
            licence_date: merge(&u.licence_date, old.licence_date),
            aac: u.aac.unwrap_or(old.aac),
            from_date: u.from_date.clone().unwrap_or(old.from_date),
        })?;
        row.id = id;
        row.to_date = match merge(&u.to_date, old.to_date) {
            None => None,
            Some(t) => Some(date_field(&t, "toDate", "Fin de la désignation")?),
        };
        if row.to_date.is_some_and(|t| t < row.from_date) {
            return Err(field(
                "toDate",
                "La fin de la désignation ne peut précéder son début.",
            ));
        }
        let now = self.now();
        self.with_store(|s| Ok(s.correct_driver(&row, reason(&u.reason).as_deref(), &now)?))?;
        self.driver_get(id)
    }
}
