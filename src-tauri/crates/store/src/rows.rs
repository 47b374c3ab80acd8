//! The rows a contract is read back from: the contract, its claims with every fact appended to
//! them, its vehicles and drivers. Shared by the writes and by the recomputation.

use crate::prelude::*;
use crate::revisions::revisions_of;
use crate::sql::{code, date, from_day, opt_date, opt_day, query_vec};

pub(crate) const CONTRACT_COLUMNS: &str =
    "c.id, c.client_id, c.insurer_id, i.name, c.number, c.product,
    c.subscription_date, c.first_echeance, c.usage, c.clause_applies, c.start_coefficient,
    c.start_periods_at_floor, c.start_claim_free_streak,
    (SELECT recorded_at FROM acts WHERE acts.id = c.created_act),
    (SELECT recorded_at FROM acts WHERE acts.id = c.updated_act)";

pub(crate) fn contract_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ContractRow> {
    Ok(ContractRow {
        id: r.get(0)?,
        client_id: r.get(1)?,
        insurer_id: r.get(2)?,
        insurer_name: r.get(3)?,
        number: r.get(4)?,
        product: code(r, 5)?,
        subscription_date: date(r.get(6)?)?,
        first_echeance: date(r.get(7)?)?,
        usage: code(r, 8)?,
        clause_applies: r.get(9)?,
        start_coefficient: r.get(10)?,
        start_periods_at_floor: r.get(11)?,
        start_claim_free_streak: r.get(12)?,
        created_at: r.get(13)?,
        updated_at: r.get(14)?,
    })
}

pub(crate) fn contract_tx(tx: &rusqlite::Connection, id: i64) -> Result<ContractRow, DbError> {
    tx.prepare_cached(&format!(
        "SELECT {CONTRACT_COLUMNS} FROM contracts c JOIN insurers i ON i.id = c.insurer_id WHERE c.id = ?1"
    ))?
    .query_row([id], contract_from_row)
    .optional()?
    .ok_or(DbError::Missing {
        entity: "Contrat",
        id,
    })
}

pub(crate) fn claims_tx(
    tx: &rusqlite::Connection,
    contract_id: i64,
) -> Result<Vec<ClaimRow>, DbError> {
    let mut st = tx.prepare_cached(
        "SELECT id, contract_id, occurred_on, declared_on, kind, place, description,
            insurer_reference, estimated_cents, (SELECT recorded_at FROM acts WHERE acts.id = act_id),
            vehicle_id, driver_id
         FROM claims WHERE contract_id = ?1 ORDER BY occurred_on, id",
    )?;
    let mut claims: Vec<ClaimRow> = st
        .query_map([contract_id], |r| {
            Ok(ClaimRow {
                id: r.get(0)?,
                contract_id: r.get(1)?,
                occurred_on: date(r.get(2)?)?,
                declared_on: opt_date(r.get(3)?)?,
                kind: code(r, 4)?,
                place: r.get(5)?,
                description: r.get(6)?,
                insurer_reference: r.get(7)?,
                estimated_cents: r.get(8)?,
                recorded_at: r.get(9)?,
                vehicle_id: r.get(10)?,
                driver_id: r.get(11)?,
                qualifications: Vec::new(),
                statuses: Vec::new(),
                parties: Vec::new(),
                communications: Vec::new(),
                amounts: Vec::new(),
                revisions: Vec::new(),
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut q = tx.prepare_cached(
        "SELECT responsibility, found_day, note, (SELECT recorded_at FROM acts WHERE acts.id = act_id)
         FROM claim_qualifications WHERE claim_id = ?1 ORDER BY seq",
    )?;
    let mut s = tx.prepare_cached(
        "SELECT (SELECT status FROM claim_status_codes WHERE code = s.status), on_day, note,
            (SELECT recorded_at FROM acts WHERE acts.id = act_id)
         FROM claim_status_events s WHERE claim_id = ?1 ORDER BY seq",
    )?;
    let mut p = tx.prepare_cached(
        "SELECT id, role, name, phone, email, address, reference FROM claim_parties
         WHERE claim_id = ?1 ORDER BY id",
    )?;
    let mut m = tx.prepare_cached(
        "SELECT id, party_id, at, channel, direction, summary, recorded_at FROM claim_communications
         WHERE claim_id = ?1 ORDER BY at, id",
    )?;
    for c in &mut claims {
        c.amounts = amounts_of(tx, c.id)?;
        c.revisions = revisions_of(tx, Entity::Claim, c.id)?;
        c.parties = p
            .query_map([c.id], |r| {
                Ok(PartyRow {
                    id: r.get(0)?,
                    role: code(r, 1)?,
                    name: r.get(2)?,
                    phone: r.get(3)?,
                    email: r.get(4)?,
                    address: r.get(5)?,
                    reference: r.get(6)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        c.communications = m
            .query_map([c.id], |r| {
                Ok(CommunicationRow {
                    id: r.get(0)?,
                    party_id: r.get(1)?,
                    at: r.get(2)?,
                    channel: code(r, 3)?,
                    direction: code(r, 4)?,
                    summary: r.get(5)?,
                    recorded_at: r.get(6)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        c.qualifications = q
            .query_map([c.id], |r| {
                Ok(QualificationRow {
                    responsibility: code(r, 0)?,
                    found_on: from_day(r.get(1)?)?,
                    note: r.get(2)?,
                    recorded_at: r.get(3)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        c.statuses = s
            .query_map([c.id], |r| {
                Ok(ClaimStatusRow {
                    status: code(r, 0)?,
                    on_date: from_day(r.get(1)?)?,
                    note: r.get(2)?,
                    recorded_at: r.get(3)?,
                })
            })?
            .collect::<Result<_, _>>()?;
    }
    Ok(claims)
}

pub(crate) fn amounts_of(conn: &Connection, claim_id: i64) -> Result<Vec<AmountRow>, DbError> {
    query_vec(
        conn,
        "SELECT kind, amount_cents, on_day, note, (SELECT recorded_at FROM acts WHERE acts.id = act_id)
         FROM claim_amounts WHERE claim_id = ?1 ORDER BY on_day, seq",
        [claim_id],
        |r| {
            Ok(AmountRow {
                kind: code(r, 0)?,
                amount_cents: r.get(1)?,
                on_date: from_day(r.get(2)?)?,
                note: r.get(3)?,
                recorded_at: r.get(4)?,
            })
        },
    )
}

pub(crate) fn vehicles_tx(
    conn: &rusqlite::Connection,
    contract_id: i64,
) -> Result<Vec<VehicleRow>, DbError> {
    query_vec(
        conn,
        "SELECT id, contract_id, registration, make, model, first_registration, from_date, to_date,
            replaced_by, transfer_note, other_drivers
         FROM vehicles WHERE contract_id = ?1 ORDER BY from_date, id",
        [contract_id],
        |r| {
            Ok(VehicleRow {
                id: r.get(0)?,
                contract_id: r.get(1)?,
                registration: r.get(2)?,
                make: r.get(3)?,
                model: r.get(4)?,
                first_registration: opt_date(r.get(5)?)?,
                from_date: date(r.get(6)?)?,
                to_date: opt_date(r.get(7)?)?,
                replaced_by: r.get(8)?,
                transfer_note: r.get(9)?,
                other_drivers: r.get(10)?,
            })
        },
    )
}

pub(crate) fn drivers_tx(
    conn: &rusqlite::Connection,
    contract_id: i64,
) -> Result<Vec<DriverRow>, DbError> {
    query_vec(
        conn,
        "SELECT id, contract_id, client_id, role, last_name, first_name, birth_day,
            licence_number, licence_day, aac, from_day, to_day
         FROM drivers WHERE contract_id = ?1 ORDER BY role = 'principal' DESC, id",
        [contract_id],
        |r| {
            Ok(DriverRow {
                id: r.get(0)?,
                contract_id: r.get(1)?,
                client_id: r.get(2)?,
                role: code(r, 3)?,
                last_name: r.get(4)?,
                first_name: r.get(5)?,
                birth_date: opt_day(r.get(6)?)?,
                licence_number: r.get(7)?,
                licence_date: opt_day(r.get(8)?)?,
                aac: r.get(9)?,
                from_date: from_day(r.get(10)?)?,
                to_date: opt_day(r.get(11)?)?,
            })
        },
    )
}
