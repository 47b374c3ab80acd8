//! Corrections of a contract's terms, a vehicle or a driver. The values replaced are kept as a
//! revision (JSON) in the same transaction as the change, and the coefficients are recomputed
//! when they may depend on it: nothing is overwritten silently.

use crate::claim_facts::{insert_revision, revisions_of};
use crate::contracts::{contract_tx, drivers_tx, iso, recompute_tx, vehicles_tx};
use crate::{DbError, Store};
use chrono::NaiveDate;
#[allow(unused_imports)]
use courtier_port::*;
use rusqlite::params;

fn opt(d: Option<NaiveDate>) -> Option<String> {
    d.map(iso)
}

fn unchanged() -> DbError {
    DbError::Invalid("aucune modification à enregistrer".into())
}

fn constraint(e: rusqlite::Error, what: &str) -> DbError {
    match e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            DbError::Invalid(what.to_string())
        }
        other => DbError::Sqlite(other),
    }
}

impl Store {
    /// Corrects a contract's terms (number, product, dates, usage, clause, start coefficient)
    /// and recomputes its coefficients in the same transaction.
    pub(crate) fn correct_contract(
        &mut self,
        id: i64,
        new: &ContractCorrection,
        reason: Option<&str>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> Result<(), DbError> {
        let tx = self.conn.transaction()?;
        let c = contract_tx(&tx, id)?;
        let old = ContractCorrection {
            number: c.number,
            product: c.product,
            subscription_date: c.subscription_date,
            first_echeance: c.first_echeance,
            usage: c.usage,
            clause_applies: c.clause_applies,
            start_coefficient: c.start_coefficient,
        };
        if old == *new {
            return Err(unchanged());
        }
        let first_fact: Option<String> = tx.query_row(
            "SELECT min(d) FROM (
                 SELECT min(occurred_on) AS d FROM claims WHERE contract_id = ?1
                 UNION ALL SELECT min(from_date) FROM vehicles WHERE contract_id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if first_fact.is_some_and(|d| d < iso(new.subscription_date)) {
            return Err(DbError::Invalid(
                "un sinistre ou un véhicule du contrat précède la nouvelle date de souscription"
                    .into(),
            ));
        }
        let previous = serde_json::json!({
            "number": old.number,
            "product": old.product,
            "subscription_date": iso(old.subscription_date),
            "first_echeance": iso(old.first_echeance),
            "usage": old.usage,
            "clause_applies": old.clause_applies,
            "start_coefficient": old.start_coefficient,
        });
        insert_revision(&tx, Entity::Contract, id, &previous, reason, now)?;
        tx.execute(
            "UPDATE contracts SET number = ?2, product = ?3, subscription_date = ?4,
                first_echeance = ?5, usage = ?6, clause_applies = ?7, start_coefficient = ?8
             WHERE id = ?1",
            params![
                id,
                new.number,
                new.product,
                iso(new.subscription_date),
                iso(new.first_echeance),
                new.usage,
                new.clause_applies,
                new.start_coefficient
            ],
        )
        .map_err(|e| {
            constraint(
                e,
                "correction refusée : numéro déjà pris chez cet assureur, ou dates incohérentes",
            )
        })?;
        recompute_tx(&tx, id, recompute, now)?;
        tx.commit()?;
        Ok(())
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
        let tx = self.conn.transaction()?;
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

    /// Corrects a driver (role, identity, licence, dates of designation).
    pub(crate) fn correct_driver(
        &mut self,
        new: &DriverRow,
        reason: Option<&str>,
        now: &str,
    ) -> Result<(), DbError> {
        let tx = self.conn.transaction()?;
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
            "UPDATE drivers SET role = ?2, last_name = ?3, first_name = ?4, birth_date = ?5,
                licence_number = ?6, licence_date = ?7, aac = ?8, from_date = ?9, to_date = ?10
             WHERE id = ?1",
            params![
                new.id,
                new.role,
                new.last_name,
                new.first_name,
                opt(new.birth_date),
                new.licence_number,
                opt(new.licence_date),
                new.aac,
                iso(new.from_date),
                opt(new.to_date)
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The corrections of a contract, a vehicle or a driver, oldest first.
    pub(crate) fn revisions(&self, entity: Entity, id: i64) -> Result<Vec<RevisionRow>, DbError> {
        revisions_of(&self.conn, entity, id)
    }

    /// The contract a vehicle is on.
    pub(crate) fn vehicle_contract(&self, vehicle_id: i64) -> Result<i64, DbError> {
        self.owner("vehicles", "Véhicule", vehicle_id)
    }

    /// The contract a driver is on.
    pub(crate) fn driver_contract(&self, driver_id: i64) -> Result<i64, DbError> {
        self.owner("drivers", "Conducteur", driver_id)
    }

    fn owner(&self, table: &str, entity: &'static str, id: i64) -> Result<i64, DbError> {
        use rusqlite::OptionalExtension;
        self.conn
            .query_row(
                &format!("SELECT contract_id FROM {table} WHERE id = ?1"),
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(DbError::Missing { entity, id })
    }
}
