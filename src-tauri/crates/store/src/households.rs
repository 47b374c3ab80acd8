//! Households: clients linked as one family, dissolved when one member is left.

use crate::clients::{summary_from_row, SUMMARY_COLUMNS};
use crate::prelude::*;

pub(crate) fn dissolve_if_alone(tx: &Transaction<'_>, household: i64) -> Result<(), DbError> {
    let n: i64 = tx.query_row(
        "SELECT count(*) FROM clients WHERE household_id = ?1",
        [household],
        |r| r.get(0),
    )?;
    if n < 2 {
        tx.execute(
            "UPDATE clients SET household_id = NULL WHERE household_id = ?1",
            [household],
        )?;
        tx.execute("DELETE FROM households WHERE id = ?1", [household])?;
    }
    Ok(())
}

impl Store {
    /// The household of a client and its other members.
    pub(crate) fn household_of(&self, client_id: i64) -> Result<Option<HouseholdMembers>, DbError> {
        let hid: Option<i64> = self
            .conn
            .query_row(
                "SELECT household_id FROM clients WHERE id = ?1",
                [client_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(DbError::Missing {
                entity: "Client",
                id: client_id,
            })?;
        let Some(hid) = hid else { return Ok(None) };
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM clients c WHERE c.household_id = ?1 AND c.id <> ?2
             ORDER BY c.sort_key"
        ))?;
        let members = st
            .query_map(params![hid, client_id], summary_from_row)?
            .collect::<Result<_, _>>()?;
        Ok(Some(HouseholdMembers { id: hid, members }))
    }

    /// Puts `client_id` under the same roof as `with_id` (creating the household if neither has
    /// one). A household left with a single member is dissolved.
    pub(crate) fn link_household(
        &mut self,
        client_id: i64,
        with_id: i64,
        now: &str,
    ) -> Result<i64, DbError> {
        if client_id == with_id {
            return Err(DbError::Invalid(
                "un client ne peut pas former un foyer avec lui-même".into(),
            ));
        }
        let tx = self.write_tx()?;
        let current = |id: i64| -> Result<Option<i64>, DbError> {
            tx.query_row(
                "SELECT household_id FROM clients WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(DbError::Missing {
                entity: "Client",
                id,
            })
        };
        let mine = current(client_id)?;
        let theirs = current(with_id)?;
        let hid = match theirs {
            Some(h) => h,
            None => {
                tx.execute(
                    "INSERT INTO households (created_at) VALUES (?1)",
                    params![now],
                )?;
                let h = tx.last_insert_rowid();
                tx.execute(
                    "UPDATE clients SET household_id = ?1, updated_at = ?2, version = version + 1 WHERE id = ?3",
                    params![h, now, with_id],
                )?;
                h
            }
        };
        tx.execute(
            "UPDATE clients SET household_id = ?1, updated_at = ?2, version = version + 1 WHERE id = ?3",
            params![hid, now, client_id],
        )?;
        if let Some(old) = mine.filter(|&o| o != hid) {
            dissolve_if_alone(&tx, old)?;
        }
        tx.commit()?;
        Ok(hid)
    }

    /// Takes a client out of its household.
    pub(crate) fn leave_household(&mut self, client_id: i64, now: &str) -> Result<(), DbError> {
        let tx = self.write_tx()?;
        let hid: Option<i64> = tx
            .query_row(
                "SELECT household_id FROM clients WHERE id = ?1",
                [client_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(DbError::Missing {
                entity: "Client",
                id: client_id,
            })?;
        if let Some(h) = hid {
            tx.execute(
                "UPDATE clients SET household_id = NULL, updated_at = ?2, version = version + 1 WHERE id = ?1",
                params![client_id, now],
            )?;
            dissolve_if_alone(&tx, h)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Number of households.
    pub(crate) fn count_households(&self) -> Result<u64, DbError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM households", [], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }
}
