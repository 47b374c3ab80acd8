//! The facts a contract's coefficient depends on, and its recomputation **in the transaction
//! that changed them**, through the function the caller passes (the engine lives in the domain;
//! the store only keeps its results).

use crate::prelude::*;
use crate::rows::{claims_tx, contract_tx};
use crate::sql::{date, iso, query_vec};

pub(crate) fn facts_tx(
    tx: &rusqlite::Connection,
    contract_id: i64,
) -> Result<ContractFacts, DbError> {
    let contract = contract_tx(tx, contract_id)?;
    let claims = claims_tx(tx, contract_id)?;
    let mut st = tx.prepare_cached(
        "SELECT from_date, to_date FROM contract_interruptions WHERE contract_id = ?1 ORDER BY from_date",
    )?;
    let interruptions = st
        .query_map([contract_id], |r| Ok((date(r.get(0)?)?, date(r.get(1)?)?)))?
        .collect::<Result<_, _>>()?;
    // A termination is final (`courtier_domain::contract`): the earliest one decides, whatever
    // status events are dated after it; not the latest row.
    let first: Option<String> = tx.query_row(
        "SELECT MIN(on_date) FROM contract_events
         WHERE contract_id = ?1 AND kind = 'status' AND status = 'resilie'",
        [contract_id],
        |r| r.get(0),
    )?;
    let terminated_on = first.map(date).transpose()?;
    let reductions_lost = query_vec(
        tx,
        "SELECT from_date FROM vehicles WHERE contract_id = ?1 AND other_drivers = 1 ORDER BY from_date",
        [contract_id],
        |r| date(r.get(0)?),
    )?;
    Ok(ContractFacts {
        contract,
        claims,
        interruptions,
        terminated_on,
        reductions_lost,
    })
}

/// Recomputes and replaces the contract's coefficient history inside `tx`.
pub(crate) fn recompute_tx(
    tx: &Transaction<'_>,
    contract_id: i64,
    recompute: Recompute<'_>,
    now: &str,
) -> Result<(), DbError> {
    let facts = facts_tx(tx, contract_id)?;
    let rows = recompute(&facts).map_err(DbError::Derive)?;
    tx.execute(
        "DELETE FROM coefficient_history WHERE contract_id = ?1",
        [contract_id],
    )?;
    let mut st = tx.prepare_cached(
        "INSERT INTO coefficient_history (contract_id, echeance, coefficient) VALUES (?1, ?2, ?3)",
    )?;
    for r in rows {
        st.execute(params![contract_id, iso(r.echeance), r.coefficient])?;
    }
    tx.execute(
        "UPDATE contracts SET updated_at = ?2 WHERE id = ?1",
        params![contract_id, now],
    )?;
    Ok(())
}
