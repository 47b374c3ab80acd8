//! The facts a contract's coefficient depends on, and its recomputation **in the transaction
//! that changed them**, through the function the caller passes (the engine lives in the domain;
//! the store only keeps its results).

use crate::prelude::*;
use crate::rows::{claims_tx, contract_tx};
use crate::sql::{act, date, day, from_day, query_vec};

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
    tx.prepare_cached("DELETE FROM coefficient_history WHERE contract_id = ?1")?
        .execute([contract_id])?;
    if !rows.is_empty() {
        tx.prepare_cached(
            "INSERT INTO coefficient_history (contract_id, echeances) VALUES (?1, ?2)",
        )?
        .execute(params![contract_id, pack_echeances(rows)?])?;
    }
    tx.prepare_cached("UPDATE contracts SET updated_act = ?2 WHERE id = ?1")?
        .execute(params![contract_id, act(tx, now)?])?;
    Ok(())
}

/// The bytes of one échéance in `coefficient_history.echeances`: its day (days since
/// 1970-01-01, i32 big-endian) then its coefficient in hundredths (u16 big-endian).
const ECHEANCE_BYTES: usize = 6;

/// Packs a contract's échéances, in date order, as `coefficient_history` keeps them. Two
/// coefficients for one échéance, or one outside 0.50–3.50, are refused as the table's
/// constraints refused them when it had a row per échéance.
pub(crate) fn pack_echeances(mut rows: Vec<EcheanceRow>) -> Result<Vec<u8>, DbError> {
    rows.sort_by_key(|r| r.echeance);
    if rows.windows(2).any(|w| w[0].echeance == w[1].echeance) {
        return Err(DbError::Invalid(
            "deux coefficients pour une même échéance".into(),
        ));
    }
    let mut out = Vec::with_capacity(rows.len() * ECHEANCE_BYTES);
    for r in rows {
        let d = i32::try_from(day(r.echeance))
            .map_err(|_| DbError::Invalid(format!("échéance hors limites : {}", r.echeance)))?;
        let c = u16::try_from(r.coefficient)
            .ok()
            .filter(|c| (50..=350).contains(c))
            .ok_or_else(|| {
                DbError::Invalid(format!("coefficient hors limites : {}", r.coefficient))
            })?;
        out.extend_from_slice(&d.to_be_bytes());
        out.extend_from_slice(&c.to_be_bytes());
    }
    Ok(out)
}

/// The échéances [`pack_echeances`] packed, in date order.
pub(crate) fn unpack_echeances(bytes: &[u8]) -> rusqlite::Result<Vec<EcheanceRow>> {
    let bad = || {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Blob,
            "historique des coefficients illisible".into(),
        )
    };
    if bytes.len() % ECHEANCE_BYTES != 0 {
        return Err(bad());
    }
    bytes
        .chunks_exact(ECHEANCE_BYTES)
        .map(|b| {
            let d = i32::from_be_bytes([b[0], b[1], b[2], b[3]]);
            let c = u16::from_be_bytes([b[4], b[5]]);
            Ok(EcheanceRow {
                echeance: from_day(i64::from(d))?,
                coefficient: u32::from(c),
            })
        })
        .collect()
}
