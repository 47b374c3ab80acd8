//! The values a correction replaced, kept for every corrected entity, and which contract a
//! vehicle or a driver belongs to.

use crate::prelude::*;
use crate::sql::{act, query_vec};

/// Keeps the values a correction replaces.
pub(crate) fn insert_revision(
    conn: &Connection,
    entity: Entity,
    id: i64,
    previous: &serde_json::Value,
    reason: Option<&str>,
    now: &str,
) -> Result<(), DbError> {
    let act = act(conn, now)?;
    conn.execute(
        "INSERT INTO revisions (entity, entity_id, previous, reason, act_id) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![entity.as_str(), id, previous.to_string(), reason, act],
    )?;
    Ok(())
}

/// The corrections of a claim, contract, vehicle or driver, oldest first.
pub(crate) fn revisions_of(
    conn: &Connection,
    entity: Entity,
    id: i64,
) -> Result<Vec<RevisionRow>, DbError> {
    query_vec(
        conn,
        "SELECT previous, reason, (SELECT recorded_at FROM acts WHERE acts.id = act_id)
         FROM revisions WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
        params![entity.as_str(), id],
        |r| {
            Ok(RevisionRow {
                previous: r.get(0)?,
                reason: r.get(1)?,
                recorded_at: r.get(2)?,
            })
        },
    )
}

pub(crate) fn unchanged() -> DbError {
    DbError::Invalid("aucune modification à enregistrer".into())
}

impl Store {
    /// The corrections of a contract, a vehicle or a driver, oldest first.
    pub(crate) fn revisions(&self, entity: Entity, id: i64) -> Result<Vec<RevisionRow>, DbError> {
        revisions_of(&self.conn, entity, id)
    }

    pub(crate) fn owner(&self, table: &str, entity: &'static str, id: i64) -> Result<i64, DbError> {
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
