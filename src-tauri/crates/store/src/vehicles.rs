//! The vehicles of a contract: additions, replacements (R16, recomputed at once), corrections.

use crate::prelude::*;
use crate::recompute::recompute_tx;
use crate::revisions::{insert_revision, unchanged};
use crate::rows::{contract_tx, vehicles_tx};
use crate::sql::{act, constraint, iso, opt};

impl Store {
    /// Puts a vehicle on a contract from `v.from_date`. With `replaces`, the replaced vehicle
    /// leaves the contract that day and the transfer decision (R16) is kept with it. With
    /// `v.other_drivers`, a reduction in force is lost that day: the coefficients are recomputed
    /// in the same transaction.
    pub(crate) fn insert_vehicle(
        &mut self,
        v: &VehicleRow,
        replaces: Option<(i64, &str)>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> Result<i64, DbError> {
        let tx = self.write_tx()?;
        contract_tx(&tx, v.contract_id)?;
        let act = act(&tx, now)?;
        tx.execute(
            "INSERT INTO vehicles (contract_id, registration, make, model, first_registration, from_date, other_drivers, act_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                v.contract_id,
                v.registration,
                v.make,
                v.model,
                v.first_registration.map(iso),
                iso(v.from_date),
                v.other_drivers,
                act
            ],
        )?;
        let id = tx.last_insert_rowid();
        if let Some((old, note)) = replaces {
            let n = tx.execute(
                "UPDATE vehicles SET to_date = ?2, replaced_by = ?3, transfer_note = ?4
                 WHERE id = ?1 AND contract_id = ?5 AND to_date IS NULL",
                params![old, iso(v.from_date), id, note, v.contract_id],
            )?;
            if n == 0 {
                return Err(DbError::Invalid(
                    "le véhicule remplacé n'est pas en cours sur ce contrat".into(),
                ));
            }
        }
        if v.other_drivers {
            recompute_tx(&tx, v.contract_id, recompute, now)?;
        }
        tx.commit()?;
        Ok(id)
    }

    pub(crate) fn vehicles_of_contract(
        &self,
        contract_id: i64,
    ) -> Result<Vec<VehicleRow>, DbError> {
        vehicles_tx(&self.conn, contract_id)
    }

    /// Corrects a vehicle (registration, make, model, dates); the coefficients are recomputed
    /// (its entry date matters when it came with other drivers, R16).
    pub(crate) fn correct_vehicle(
        &mut self,
        new: &VehicleRow,
        reason: Option<&str>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> Result<(), DbError> {
        let tx = self.write_tx()?;
        let old = vehicles_tx(&tx, new.contract_id)?
            .into_iter()
            .find(|v| v.id == new.id)
            .ok_or(DbError::Missing {
                entity: "Véhicule",
                id: new.id,
            })?;
        let same = old.registration == new.registration
            && old.make == new.make
            && old.model == new.model
            && old.first_registration == new.first_registration
            && old.from_date == new.from_date
            && old.to_date == new.to_date;
        if same {
            return Err(unchanged());
        }
        let previous = serde_json::json!({
            "registration": old.registration,
            "make": old.make,
            "model": old.model,
            "first_registration": opt(old.first_registration),
            "from_date": iso(old.from_date),
            "to_date": opt(old.to_date),
        });
        insert_revision(&tx, Entity::Vehicle, new.id, &previous, reason, now)?;
        tx.execute(
            "UPDATE vehicles SET registration = ?2, make = ?3, model = ?4, first_registration = ?5,
                from_date = ?6, to_date = ?7
             WHERE id = ?1",
            params![
                new.id,
                new.registration,
                new.make,
                new.model,
                opt(new.first_registration),
                iso(new.from_date),
                opt(new.to_date)
            ],
        )
        .map_err(|e| constraint(e, "la sortie du véhicule ne peut précéder son entrée"))?;
        recompute_tx(&tx, new.contract_id, recompute, now)?;
        tx.commit()?;
        Ok(())
    }

    /// The contract a vehicle is on.
    pub(crate) fn vehicle_contract(&self, vehicle_id: i64) -> Result<i64, DbError> {
        self.owner("vehicles", "Véhicule", vehicle_id)
    }
}
