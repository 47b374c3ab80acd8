//! The drivers named on a contract, and their corrections.

use crate::prelude::*;
use crate::revisions::{insert_revision, unchanged};
use crate::rows::{contract_tx, drivers_tx};
use crate::sql::{act, day, iso, opt};

impl Store {
    pub(crate) fn insert_driver(&mut self, d: &DriverRow, now: &str) -> Result<i64, DbError> {
        let tx = self.write_tx()?;
        contract_tx(&tx, d.contract_id)?;
        let act = act(&tx, now)?;
        tx.execute(
            "INSERT INTO drivers (contract_id, client_id, role, last_name, first_name, birth_day,
                licence_number, licence_day, aac, from_day, act_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                d.contract_id,
                d.client_id,
                d.role.as_str(),
                d.last_name,
                d.first_name,
                d.birth_date.map(day),
                d.licence_number,
                d.licence_date.map(day),
                d.aac,
                day(d.from_date),
                act
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    pub(crate) fn drivers_of_contract(&self, contract_id: i64) -> Result<Vec<DriverRow>, DbError> {
        drivers_tx(&self.conn, contract_id)
    }

    /// Corrects a driver (role, identity, licence, dates of designation).
    pub(crate) fn correct_driver(
        &mut self,
        new: &DriverRow,
        reason: Option<&str>,
        now: &str,
    ) -> Result<(), DbError> {
        let tx = self.write_tx()?;
        let old = drivers_tx(&tx, new.contract_id)?
            .into_iter()
            .find(|d| d.id == new.id)
            .ok_or(DbError::Missing {
                entity: "Conducteur",
                id: new.id,
            })?;
        let mut same = new.clone();
        same.client_id = old.client_id;
        if same == old {
            return Err(unchanged());
        }
        if new.to_date.is_some_and(|t| t < new.from_date) {
            return Err(DbError::Invalid(
                "la fin de la désignation ne peut précéder son début".into(),
            ));
        }
        let previous = serde_json::json!({
            "role": old.role,
            "last_name": old.last_name,
            "first_name": old.first_name,
            "birth_date": opt(old.birth_date),
            "licence_number": old.licence_number,
            "licence_date": opt(old.licence_date),
            "aac": old.aac,
            "from_date": iso(old.from_date),
            "to_date": opt(old.to_date),
        });
        insert_revision(&tx, Entity::Driver, new.id, &previous, reason, now)?;
        tx.execute(
            "UPDATE drivers SET role = ?2, last_name = ?3, first_name = ?4, birth_day = ?5,
                licence_number = ?6, licence_day = ?7, aac = ?8, from_day = ?9, to_day = ?10
             WHERE id = ?1",
            params![
                new.id,
                new.role.as_str(),
                new.last_name,
                new.first_name,
                new.birth_date.map(day),
                new.licence_number,
                new.licence_date.map(day),
                new.aac,
                day(new.from_date),
                new.to_date.map(day)
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The contract a driver is on.
    pub(crate) fn driver_contract(&self, driver_id: i64) -> Result<i64, DbError> {
        self.owner("drivers", "Conducteur", driver_id)
    }
}
