//! The client's exchange log (`client_exchanges`, migration 22): append-only, in the journal.

use crate::prelude::*;
use crate::sql::{act, code, parse_enum, query_vec};

fn exchange_from_row(r: &Row<'_>) -> rusqlite::Result<ClientExchangeRow> {
    Ok(ClientExchangeRow {
        id: r.get(0)?,
        client_id: r.get(1)?,
        contract_id: r.get(2)?,
        at: r.get(3)?,
        kind: parse_enum(r, 4, ExchangeKind::parse)?,
        channel: code(r, 5)?,
        direction: code(r, 6)?,
        summary: r.get(7)?,
        recorded_at: r.get(8)?,
    })
}

impl Store {
    /// Records an entry of `row.client_id`'s exchange log.
    pub(crate) fn insert_client_exchange(
        &mut self,
        row: &ClientExchangeRow,
        now: &str,
    ) -> Result<i64, DbError> {
        let client: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM clients WHERE id = ?1",
                [row.client_id],
                |r| r.get(0),
            )
            .optional()?;
        if client.is_none() {
            return Err(DbError::Missing {
                entity: "Client",
                id: row.client_id,
            });
        }
        if let Some(k) = row.contract_id {
            let owner: Option<i64> = self
                .conn
                .query_row("SELECT client_id FROM contracts WHERE id = ?1", [k], |r| {
                    r.get(0)
                })
                .optional()?;
            match owner {
                None => {
                    return Err(DbError::Missing {
                        entity: "Contrat",
                        id: k,
                    })
                }
                Some(c) if c != row.client_id => {
                    return Err(DbError::Invalid(format!(
                        "le contrat n° {k} n'est pas un contrat de ce client"
                    )))
                }
                Some(_) => {}
            }
        }
        let tx = self.write_tx()?;
        let act = act(&tx, now)?;
        tx.execute(
            "INSERT INTO client_exchanges
                 (client_id, contract_id, at, kind, channel, direction, summary, act_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                row.client_id,
                row.contract_id,
                row.at,
                row.kind.as_str(),
                row.channel.as_str(),
                row.direction.as_str(),
                row.summary,
                act
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    pub(crate) fn client_exchanges_of_client(
        &self,
        client_id: i64,
    ) -> Result<Vec<ClientExchangeRow>, DbError> {
        query_vec(
            &self.conn,
            "SELECT id, client_id, contract_id, at, kind, channel, direction, summary,
                    (SELECT recorded_at FROM acts WHERE acts.id = act_id)
             FROM client_exchanges WHERE client_id = ?1 ORDER BY at, id",
            [client_id],
            exchange_from_row,
        )
    }
}
