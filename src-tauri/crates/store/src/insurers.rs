//! The managed list of insurers: their contact details and where to ask for relevés
//! d'information. A change of details keeps the previous ones as a revision.

use crate::prelude::*;
use crate::revisions::insert_revision;
use crate::sql::query_vec;

pub(crate) const COLUMNS: &str =
    "i.id, i.name, i.address_line1, i.postcode, i.city, i.email, i.phone,
    i.releve_email, (SELECT count(*) FROM contracts c WHERE c.insurer_id = i.id)";

pub(crate) fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<InsurerRow> {
    Ok(InsurerRow {
        id: r.get(0)?,
        name: r.get(1)?,
        address_line1: r.get(2)?,
        postcode: r.get(3)?,
        city: r.get(4)?,
        email: r.get(5)?,
        phone: r.get(6)?,
        releve_email: r.get(7)?,
        contracts: r.get::<_, i64>(8)?.try_into().unwrap_or(0),
    })
}

pub(crate) fn taken(e: rusqlite::Error, name: &str) -> DbError {
    match e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            DbError::Invalid(format!("un assureur « {name} » existe déjà"))
        }
        other => DbError::Sqlite(other),
    }
}

impl Store {
    /// Every insurer, by name.
    pub(crate) fn insurers(&self) -> Result<Vec<InsurerRow>, DbError> {
        query_vec(
            &self.conn,
            &format!("SELECT {COLUMNS} FROM insurers i ORDER BY i.name COLLATE NOCASE"),
            [],
            row,
        )
    }

    pub(crate) fn insurer(&self, id: i64) -> Result<InsurerRow, DbError> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM insurers i WHERE i.id = ?1"),
                [id],
                row,
            )
            .optional()?
            .ok_or(DbError::Missing {
                entity: "Assureur",
                id,
            })
    }

    /// Adds an insurer with its details.
    pub(crate) fn insert_insurer(&mut self, i: &InsurerRow, now: &str) -> Result<i64, DbError> {
        self.writable()?;
        self.conn
            .execute(
                "INSERT INTO insurers (name, address_line1, postcode, city, email, phone, releve_email, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![i.name, i.address_line1, i.postcode, i.city, i.email, i.phone, i.releve_email, now],
            )
            .map_err(|e| taken(e, &i.name))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Changes an insurer's name or details; the previous ones are kept.
    pub(crate) fn update_insurer(
        &mut self,
        i: &InsurerRow,
        reason: Option<&str>,
        now: &str,
    ) -> Result<(), DbError> {
        let tx = self.write_tx()?;
        let old = tx
            .query_row(
                &format!("SELECT {COLUMNS} FROM insurers i WHERE i.id = ?1"),
                [i.id],
                row,
            )
            .optional()?
            .ok_or(DbError::Missing {
                entity: "Assureur",
                id: i.id,
            })?;
        let same = InsurerRow {
            contracts: old.contracts,
            ..i.clone()
        };
        if same == old {
            return Err(DbError::Invalid("aucune modification à enregistrer".into()));
        }
        let previous = serde_json::json!({
            "name": old.name,
            "address_line1": old.address_line1,
            "postcode": old.postcode,
            "city": old.city,
            "email": old.email,
            "phone": old.phone,
            "releve_email": old.releve_email,
        });
        insert_revision(&tx, Entity::Insurer, i.id, &previous, reason, now)?;
        tx.execute(
            "UPDATE insurers SET name = ?2, address_line1 = ?3, postcode = ?4, city = ?5,
                email = ?6, phone = ?7, releve_email = ?8
             WHERE id = ?1",
            params![
                i.id,
                i.name,
                i.address_line1,
                i.postcode,
                i.city,
                i.email,
                i.phone,
                i.releve_email
            ],
        )
        .map_err(|e| taken(e, &i.name))?;
        tx.commit()?;
        Ok(())
    }

    /// The insurer of that name, created if new.
    pub(crate) fn insurer_id(&mut self, name: &str, now: &str) -> Result<i64, DbError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(DbError::Invalid("le nom de l'assureur est vide".into()));
        }
        if let Some(id) = self
            .conn
            .query_row("SELECT id FROM insurers WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()?
        {
            return Ok(id);
        }
        self.writable()?;
        self.conn.execute(
            "INSERT INTO insurers (name, created_at) VALUES (?1, ?2)",
            params![name, now],
        )?;
        Ok(self.conn.last_insert_rowid())
    }
}
