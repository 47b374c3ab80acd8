//! Batch loads (the demo portfolio, imports): many clients, households, contracts and claims
//! in one transaction, their coefficients computed as they go.

use crate::claims::{insert_claim_status_tx, insert_claim_tx, insert_qualification_tx};
use crate::clients::insert_client_tx;
use crate::contracts::insert_contract_tx;
use crate::prelude::*;
use crate::recompute::recompute_tx;
use crate::sql::{act, day, iso};

/// Inserts a batch's contracts and claims and computes their coefficients, inside `tx`.
pub(crate) fn insert_batch_contracts_tx(
    tx: &Transaction<'_>,
    client_ids: &[i64],
    contracts: &[BatchContract],
    now: &str,
    recompute: Recompute<'_>,
) -> Result<(), DbError> {
    if contracts.is_empty() {
        return Ok(());
    }
    // One act for the whole batch: every fact row it writes refers to it.
    let act = act(tx, now)?;
    for b in contracts {
        let client_id = client_ids.get(b.client_index).copied().ok_or_else(|| {
            DbError::Invalid(format!(
                "contrat : client n° {} absent du lot",
                b.client_index
            ))
        })?;
        let mut c = b.contract.clone();
        c.client_id = client_id;
        let id = insert_contract_tx(tx, &c, act)?;
        let mut vehicle_ids: Vec<(i64, NaiveDate, Option<NaiveDate>)> = Vec::new();
        for v in &b.vehicles {
            tx.execute(
                "INSERT INTO vehicles (contract_id, registration, make, model, first_registration, from_date, to_date, transfer_note, act_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![id, v.registration, v.make, v.model, v.first_registration.map(iso), iso(v.from_date), v.to_date.map(iso), v.transfer_note, act],
            )?;
            let vid = tx.last_insert_rowid();
            if let Some(&(prev, _, Some(_))) = vehicle_ids.last() {
                tx.execute(
                    "UPDATE vehicles SET replaced_by = ?2 WHERE id = ?1",
                    params![prev, vid],
                )?;
            }
            vehicle_ids.push((vid, v.from_date, v.to_date));
        }
        let mut principal = None;
        for d in &b.drivers {
            tx.execute(
                "INSERT INTO drivers (contract_id, client_id, role, last_name, first_name, birth_day,
                    licence_number, licence_day, aac, from_day, act_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![id, d.client_id.map(|_| client_id), d.role.as_str(), d.last_name, d.first_name, d.birth_date.map(day),
                    d.licence_number, d.licence_date.map(day), d.aac, day(d.from_date), act],
            )?;
            if principal.is_none() && d.role == DriverRole::Principal {
                principal = Some(tx.last_insert_rowid());
            }
        }
        for bc in &b.claims {
            let mut cl = bc.claim.clone();
            cl.contract_id = id;
            // The vehicle on the contract that day, and the principal driver.
            cl.vehicle_id = vehicle_ids
                .iter()
                .find(|(_, from, to)| {
                    *from <= cl.occurred_on && to.map_or(true, |t| cl.occurred_on < t)
                })
                .map(|v| v.0);
            cl.driver_id = principal;
            let claim_id = insert_claim_tx(tx, &cl, act)?;
            for (resp, on) in &bc.requalifications {
                insert_qualification_tx(tx, claim_id, *resp, *on, None, act)?;
            }
            for (status, on) in &bc.statuses {
                insert_claim_status_tx(tx, claim_id, *status, *on, None, act)?;
            }
        }
        recompute_tx(tx, id, recompute, now)?;
    }
    Ok(())
}

impl Store {
    /// Records many clients in one transaction (the demo portfolio, imports). `households` groups
    /// indexes into `clients` that share a roof.
    pub(crate) fn insert_clients_batch(
        &mut self,
        clients: &[Client],
        households: &[Vec<usize>],
        now: &str,
    ) -> Result<Vec<i64>, DbError> {
        self.insert_batch(clients, households, &[], now, &|_| Ok(Derived::default()))
    }

    /// Records clients, their households, contracts and claims in one transaction, computing
    /// each contract's coefficients with `recompute`: a crash loses the batch, never half of it.
    pub(crate) fn insert_batch(
        &mut self,
        clients: &[Client],
        households: &[Vec<usize>],
        contracts: &[BatchContract],
        now: &str,
        recompute: Recompute<'_>,
    ) -> Result<Vec<i64>, DbError> {
        let tx = self.write_tx()?;
        let mut ids = Vec::with_capacity(clients.len());
        for c in clients {
            ids.push(insert_client_tx(&tx, c, now)?);
        }
        for group in households {
            if group.len() < 2 {
                continue;
            }
            tx.execute(
                "INSERT INTO households (created_at) VALUES (?1)",
                params![now],
            )?;
            let hid = tx.last_insert_rowid();
            for &i in group {
                let id = ids.get(i).copied().ok_or_else(|| {
                    DbError::Invalid(format!("foyer : client n° {i} absent du lot"))
                })?;
                tx.execute(
                    "UPDATE clients SET household_id = ?1 WHERE id = ?2",
                    params![hid, id],
                )?;
            }
        }
        insert_batch_contracts_tx(&tx, &ids, contracts, now, recompute)?;
        tx.commit()?;
        Ok(ids)
    }
}
