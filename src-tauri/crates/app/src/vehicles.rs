//! Vehicles of a contract: adding, replacing (R16), listing and correcting them.

use crate::engine::{coefficient_on, coefficient_rows};
use crate::input::{date_field, field, limits, line, merge, opt_date_field, reason};
use crate::{
    dto::vehicles_with_revisions, AppError, Courtier, VehicleDraft, VehicleDto, VehicleUpdate,
};

/// A vehicle enters its contract on or after the subscription.
fn within_contract(
    s: &dyn courtier_port::AgencyStore,
    row: &courtier_port::VehicleRow,
) -> Result<(), AppError> {
    let subscribed = s.contract(row.contract_id)?.subscription_date;
    if row.from_date < subscribed {
        return Err(field(
            "fromDate",
            format!(
                "Le véhicule ne peut entrer au contrat le {}, avant sa souscription du {}.",
                row.from_date.format("%d/%m/%Y"),
                subscribed.format("%d/%m/%Y")
            ),
        ));
    }
    Ok(())
}

impl Courtier {
    fn vehicle_row(&self, d: &VehicleDraft) -> Result<courtier_port::VehicleRow, AppError> {
        let registration = courtier_domain::vehicle::registration(&d.registration)
            .map_err(|m| field("registration", m))?;
        let first_registration = opt_date_field(
            &d.first_registration,
            "firstRegistration",
            "Première immatriculation",
        )?;
        let from_date = date_field(&d.from_date, "fromDate", "Date d'entrée au contrat")?;
        if first_registration.is_some_and(|f| f > from_date) {
            return Err(field(
                "firstRegistration",
                "La première immatriculation ne peut suivre l'entrée au contrat.",
            ));
        }
        if first_registration.is_some_and(|f| f > self.today()) {
            return Err(field(
                "firstRegistration",
                "La première immatriculation est dans le futur.",
            ));
        }
        Ok(courtier_port::VehicleRow {
            id: 0,
            contract_id: d.contract_id,
            registration,
            make: line(d.make.as_deref(), "make", "La marque", limits::NAME)?,
            model: line(d.model.as_deref(), "model", "Le modèle", limits::NAME)?,
            first_registration,
            from_date,
            to_date: None,
            replaced_by: None,
            transfer_note: None,
            other_drivers: d.other_drivers,
        })
    }

    /// Puts a vehicle on a contract; with other usual drivers the reduction in force is lost
    /// (R16) and the coefficients are recomputed in the same transaction.
    pub fn vehicle_add(&self, d: &VehicleDraft) -> Result<VehicleDto, AppError> {
        let row = self.vehicle_row(d)?;
        let now = self.now();
        let today = self.today();
        let id = self.with_store(|s| {
            within_contract(s, &row)?;
            Ok(s.insert_vehicle(&row, None, &now, &|f| coefficient_rows(f, today))?)
        })?;
        self.find_vehicle(d.contract_id, id)
    }

    /// Replaces a vehicle (R16): the coefficient moves with the contract; a reduction transfers
    /// only if the usual drivers are the same or fewer, a malus always. The decision is kept with
    /// the replaced vehicle.
    pub fn vehicle_replace(
        &self,
        old_vehicle_id: i64,
        d: &VehicleDraft,
        same_or_fewer_drivers: bool,
    ) -> Result<VehicleDto, AppError> {
        let mut row = self.vehicle_row(d)?;
        row.other_drivers = !same_or_fewer_drivers;
        let today = self.today();
        // The coefficient in force on the replacement date, which may be in the past (R16).
        let c = self.with_store(|s| {
            within_contract(s, &row)?;
            coefficient_on(&s.contract_facts(d.contract_id)?, row.from_date, today)
        })?;
        let (after, why) =
            courtier_domain::bonus_malus::transfer_on_replacement(c, same_or_fewer_drivers);
        let note = format!(
            "Remplacement le {} : coefficient {} → {} ; {why}.",
            row.from_date.format("%d/%m/%Y"),
            c.fr(),
            after.fr()
        );
        let now = self.now();
        let id = self.with_store(|s| {
            Ok(
                s.insert_vehicle(&row, Some((old_vehicle_id, &note)), &now, &|f| {
                    coefficient_rows(f, today)
                })?,
            )
        })?;
        self.find_vehicle(d.contract_id, id)
    }

    fn find_vehicle(&self, contract_id: i64, id: i64) -> Result<VehicleDto, AppError> {
        self.with_store(|s| vehicles_with_revisions(s, contract_id))?
            .into_iter()
            .find(|v| v.id == id)
            .ok_or_else(|| AppError::internal("véhicule enregistré introuvable"))
    }

    /// The vehicles of a contract, current and past.
    pub fn vehicle_list(&self, contract_id: i64) -> Result<Vec<VehicleDto>, AppError> {
        self.with_store(|s| {
            s.contract(contract_id)?;
            vehicles_with_revisions(s, contract_id)
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
            within_contract(s, &row)?;
            s.correct_vehicle(&row, reason(&u.reason)?.as_deref(), &now, &|f| {
                coefficient_rows(f, today)
            })?;
            Ok(())
        })?;
        self.vehicle_get(id)
    }
}
