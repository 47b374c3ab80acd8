//! Relevés d'information received for a client: the document as entered and what was computed
//! from it.

use crate::prelude::*;
use crate::sql::{act, date, iso, query_vec};

const RELEVE_SELECT: &str =
    "SELECT id, client_id, received_on, document, start_coefficient, inconsistency,
        (SELECT recorded_at FROM acts WHERE acts.id = act_id)
     FROM releves";

fn releve_from_row(r: &Row<'_>) -> rusqlite::Result<ReleveRow> {
    Ok(ReleveRow {
        id: r.get(0)?,
        client_id: r.get(1)?,
        received_on: date(r.get(2)?)?,
        document: r.get(3)?,
        start_coefficient: r.get(4)?,
        inconsistency: r.get(5)?,
        recorded_at: r.get(6)?,
    })
}

impl Store {
    /// Keeps a relevé received for a client, with what was computed from it.
    pub(crate) fn insert_releve(
        &mut self,
        client_id: i64,
        received_on: NaiveDate,
        document: &str,
        start_coefficient: Option<u32>,
        inconsistency: Option<&str>,
        now: &str,
    ) -> Result<i64, DbError> {
        let exists: Option<i64> = self
            .conn
            .query_row("SELECT id FROM clients WHERE id = ?1", [client_id], |r| {
                r.get(0)
            })
            .optional()?;
        if exists.is_none() {
            return Err(DbError::Missing {
                entity: "Client",
                id: client_id,
            });
        }
        let tx = self.write_tx()?;
        let act = act(&tx, now)?;
        tx.execute(
            "INSERT INTO releves (client_id, received_on, document, start_coefficient, inconsistency, act_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![client_id, iso(received_on), document, start_coefficient, inconsistency, act],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    /// The relevés received for a client, most recent first.
    pub(crate) fn releves_of_client(&self, client_id: i64) -> Result<Vec<ReleveRow>, DbError> {
        query_vec(
            &self.conn,
            &format!("{RELEVE_SELECT} WHERE client_id = ?1 ORDER BY received_on DESC, id DESC"),
            [client_id],
            releve_from_row,
        )
    }

    /// One relevé.
    pub(crate) fn releve(&self, id: i64) -> Result<ReleveRow, DbError> {
        query_vec(
            &self.conn,
            &format!("{RELEVE_SELECT} WHERE id = ?1"),
            [id],
            releve_from_row,
        )?
        .into_iter()
        .next()
        .ok_or(DbError::Missing {
            entity: "Relevé d'information",
            id,
        })
    }
}
