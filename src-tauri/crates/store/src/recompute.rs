//! The facts a contract's coefficient depends on, and its recomputation **in the transaction
//! that changed them**, through the function the caller passes (the engine lives in the domain;
//! the store only keeps its results).

use crate::prelude::*;
use crate::rows::{claims_tx, contract_tx};
use crate::sql::{act, date, day, from_day, query_vec};
use courtier_domain::bonus_malus::{responsibility_in_force, DatedClaim, Requalification};

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
    let Derived {
        echeances: rows,
        responsibilities,
    } = recompute(&facts).map_err(DbError::Derive)?;
    keep_responsibilities(tx, &facts, &responsibilities)?;
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

/// Writes each claim's responsibility in force where it changed. Every claim of the contract
/// must have one: a derivation that forgets a claim is refused rather than leaving it unfiltered.
fn keep_responsibilities(
    tx: &rusqlite::Connection,
    facts: &ContractFacts,
    responsibilities: &[(i64, Responsibility)],
) -> Result<(), DbError> {
    for c in &facts.claims {
        let Some((_, r)) = responsibilities.iter().find(|(id, _)| *id == c.id) else {
            return Err(DbError::Invalid(format!(
                "sinistre n° {} sans responsabilité en vigueur calculée",
                c.id
            )));
        };
        tx.prepare_cached(
            "UPDATE claims SET responsibility = ?2
             WHERE id = ?1 AND responsibility IS NOT ?2",
        )?
        .execute(params![c.id, r.as_str()])?;
    }
    Ok(())
}

/// Migration 17, once: every claim's responsibility in force. A claim never requalified keeps
/// its qualification; a requalified one is decided by the engine's rule
/// (`bonus_malus::responsibility_in_force`) from its contract's first échéance, with every
/// requalification recorded known (each was found on or before the day it was recorded).
pub(crate) fn fill_responsibilities(tx: &rusqlite::Connection) -> Result<(), DbError> {
    tx.execute_batch(
        "UPDATE claims SET responsibility = (SELECT q.responsibility FROM claim_qualifications q
                                             WHERE q.claim_id = claims.id AND q.seq = 1)",
    )?;
    let contracts = query_vec(
        tx,
        "SELECT DISTINCT cl.contract_id FROM claims cl
         JOIN claim_qualifications q ON q.claim_id = cl.id AND q.seq > 1",
        [],
        |r| r.get::<_, i64>(0),
    )?;
    for id in contracts {
        let facts = facts_tx(tx, id)?;
        let decided: Vec<(i64, Responsibility)> = facts
            .claims
            .iter()
            .filter_map(|c| {
                let (first, rest) = c.qualifications.split_first()?;
                let dated = DatedClaim {
                    id: None,
                    date: c.occurred_on,
                    kind: c.kind,
                    responsibility: first.responsibility,
                    requalifications: rest
                        .iter()
                        .map(|q| Requalification {
                            on: q.found_on,
                            responsibility: q.responsibility,
                        })
                        .collect(),
                };
                Some((
                    c.id,
                    responsibility_in_force(facts.contract.first_echeance, &dated, NaiveDate::MAX),
                ))
            })
            .collect();
        keep_responsibilities(tx, &facts, &decided)?;
    }
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
