//! Aggravating circumstances (A121-1-2) recorded on a claim or a driver, appended never
//! rewritten (migration 10): a withdrawal is a later row, with its reason.

use crate::prelude::*;
use crate::sql::{act, code, day, from_day, opt_day, query_vec};
use courtier_domain::premium::SuspensionLength;

const COLUMNS: &str = "a.id, a.contract_id, a.claim_id, a.driver_id, a.kind, a.event_day,
    a.suspension_months, a.suspension_from, a.suspension_to, a.caused_by, a.note,
    (SELECT recorded_at FROM acts WHERE acts.id = a.act_id),
    w.reason, (SELECT recorded_at FROM acts WHERE acts.id = w.act_id)";

fn row(r: &Row<'_>) -> rusqlite::Result<AggravationRow> {
    let months: Option<u32> = r.get(6)?;
    let from = opt_day(r.get(7)?)?;
    let to = opt_day(r.get(8)?)?;
    let suspension = match (months, from, to) {
        (Some(m), _, _) => Some(SuspensionLength::Months(m)),
        (None, Some(from), Some(to)) => Some(SuspensionLength::Dates { from, to }),
        _ => None,
    };
    let reason: Option<String> = r.get(12)?;
    Ok(AggravationRow {
        id: r.get(0)?,
        contract_id: r.get(1)?,
        claim_id: r.get(2)?,
        driver_id: r.get(3)?,
        fact: code(r, 4)?,
        event_date: from_day(r.get(5)?)?,
        suspension,
        caused_by: r.get(9)?,
        note: r.get(10)?,
        recorded_at: r.get(11)?,
        withdrawal: match reason {
            Some(reason) => Some(WithdrawalRow {
                reason,
                recorded_at: r.get(13)?,
            }),
            None => None,
        },
    })
}

impl Store {
    pub(crate) fn insert_aggravation(
        &mut self,
        a: &NewAggravation,
        now: &str,
    ) -> Result<i64, DbError> {
        let tx = self.write_tx()?;
        let contract_id: i64 = match (a.claim_id, a.driver_id) {
            (Some(claim), None) => tx
                .query_row(
                    "SELECT contract_id FROM claims WHERE id = ?1",
                    [claim],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or(DbError::Missing {
                    entity: "Sinistre",
                    id: claim,
                })?,
            (None, Some(driver)) => tx
                .query_row(
                    "SELECT contract_id FROM drivers WHERE id = ?1",
                    [driver],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or(DbError::Missing {
                    entity: "Conducteur",
                    id: driver,
                })?,
            _ => {
                return Err(DbError::Invalid(
                    "un fait aggravant porte sur un sinistre ou sur un conducteur".into(),
                ))
            }
        };
        if a.fact.on_claim() != a.claim_id.is_some() {
            return Err(DbError::Invalid(if a.fact.on_claim() {
                "l'alcool et le délit de fuite se rattachent à un sinistre".into()
            } else {
                "ce fait aggravant se rattache à un conducteur".into()
            }));
        }
        if let Some(cause) = a.caused_by {
            let ok: Option<i64> = tx
                .query_row(
                    "SELECT a.id FROM aggravations a
                     LEFT JOIN aggravation_withdrawals w ON w.aggravation_id = a.id
                     WHERE a.id = ?1 AND a.contract_id = ?2
                       AND a.kind IN ('alcohol', 'hit_and_run') AND w.aggravation_id IS NULL",
                    params![cause, contract_id],
                    |r| r.get(0),
                )
                .optional()?;
            if ok.is_none() {
                return Err(DbError::Invalid(format!(
                    "le fait n° {cause} n'est pas un accident sous alcool ou un délit de fuite de ce contrat, en vigueur"
                )));
            }
        }
        let (months, from, to) = match a.suspension {
            None => (None, None, None),
            Some(SuspensionLength::Months(m)) => (Some(m), None, None),
            Some(SuspensionLength::Dates { from, to }) => (None, Some(day(from)), Some(day(to))),
        };
        let act = act(&tx, now)?;
        tx.execute(
            "INSERT INTO aggravations (contract_id, claim_id, driver_id, kind, event_day,
                suspension_months, suspension_from, suspension_to, caused_by, note, act_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                contract_id,
                a.claim_id,
                a.driver_id,
                a.fact.as_str(),
                day(a.event_date),
                months,
                from,
                to,
                a.caused_by,
                a.note,
                act
            ],
        )
        .map_err(|e| {
            crate::sql::constraint(
                e,
                "fait aggravant incohérent (nature, rattachement ou durée)",
            )
        })?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    pub(crate) fn withdraw_aggravation(
        &mut self,
        id: i64,
        reason: &str,
        now: &str,
    ) -> Result<i64, DbError> {
        let tx = self.write_tx()?;
        let (contract_id, withdrawn): (i64, Option<i64>) = tx
            .query_row(
                "SELECT a.contract_id, w.aggravation_id FROM aggravations a
                 LEFT JOIN aggravation_withdrawals w ON w.aggravation_id = a.id WHERE a.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(DbError::Missing {
                entity: "Fait aggravant",
                id,
            })?;
        if withdrawn.is_some() {
            return Err(DbError::Invalid(format!(
                "le fait aggravant n° {id} est déjà retiré"
            )));
        }
        let act = act(&tx, now)?;
        tx.execute(
            "INSERT INTO aggravation_withdrawals (aggravation_id, reason, act_id) VALUES (?1, ?2, ?3)",
            params![id, reason, act],
        )
        .map_err(|e| crate::sql::constraint(e, "le retrait d'un fait aggravant dit pourquoi"))?;
        tx.commit()?;
        Ok(contract_id)
    }

    pub(crate) fn aggravations_of_contract(
        &self,
        contract_id: i64,
    ) -> Result<Vec<AggravationRow>, DbError> {
        query_vec(
            &self.conn,
            &format!(
                "SELECT {COLUMNS} FROM aggravations a
                 LEFT JOIN aggravation_withdrawals w ON w.aggravation_id = a.id
                 WHERE a.contract_id = ?1 ORDER BY a.id"
            ),
            [contract_id],
            row,
        )
    }

    pub(crate) fn aggravation(&self, id: i64) -> Result<AggravationRow, DbError> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM aggravations a
                     LEFT JOIN aggravation_withdrawals w ON w.aggravation_id = a.id
                     WHERE a.id = ?1"
                ),
                [id],
                row,
            )
            .optional()?
            .ok_or(DbError::Missing {
                entity: "Fait aggravant",
                id,
            })
    }
}
