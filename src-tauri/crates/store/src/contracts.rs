//! Insurers, contracts, claims and their dated facts, and the derived coefficient history.
//!
//! Facts are appended, never rewritten: a claim's requalification is a new qualification row, a
//! contract's termination a new event. Every write that changes what the coefficient depends on
//! recomputes the contract's coefficient history **in the same transaction**, through a function
//! the caller passes (the engine lives in the domain crate; the store only keeps its results).

use crate::claim_facts::{amounts_of, chain_pending, check_vehicle_driver, revisions_of};
use crate::{DbError, Store};
use chrono::NaiveDate;
#[allow(unused_imports)]
use courtier_port::*;
use rusqlite::{params, OptionalExtension, Transaction};

/// Runs a query and collects its rows.
pub(crate) fn query_vec<T, P: rusqlite::Params>(
    conn: &rusqlite::Connection,
    sql: &str,
    params: P,
    f: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>, DbError> {
    let mut st = conn.prepare_cached(sql)?;
    let rows = st.query_map(params, f)?.collect::<Result<_, _>>()?;
    Ok(rows)
}

pub(crate) fn date(s: String) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn opt_date(s: Option<String>) -> rusqlite::Result<Option<NaiveDate>> {
    s.map(date).transpose()
}

pub(crate) fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

const CONTRACT_COLUMNS: &str = "c.id, c.client_id, c.insurer_id, i.name, c.number, c.product,
    c.subscription_date, c.first_echeance, c.usage, c.clause_applies, c.start_coefficient,
    c.start_periods_at_floor, c.start_claim_free_streak, c.created_at, c.updated_at";

fn contract_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ContractRow> {
    Ok(ContractRow {
        id: r.get(0)?,
        client_id: r.get(1)?,
        insurer_id: r.get(2)?,
        insurer_name: r.get(3)?,
        number: r.get(4)?,
        product: r.get(5)?,
        subscription_date: date(r.get(6)?)?,
        first_echeance: date(r.get(7)?)?,
        usage: r.get(8)?,
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

fn claims_tx(tx: &rusqlite::Connection, contract_id: i64) -> Result<Vec<ClaimRow>, DbError> {
    let mut st = tx.prepare_cached(
        "SELECT id, contract_id, occurred_on, declared_on, kind, place, description,
            insurer_reference, estimated_cents, recorded_at, vehicle_id, driver_id
         FROM claims WHERE contract_id = ?1 ORDER BY occurred_on, id",
    )?;
    let mut claims: Vec<ClaimRow> = st
        .query_map([contract_id], |r| {
            Ok(ClaimRow {
                id: r.get(0)?,
                contract_id: r.get(1)?,
                occurred_on: date(r.get(2)?)?,
                declared_on: opt_date(r.get(3)?)?,
                kind: r.get(4)?,
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
        "SELECT responsibility, found_on, note, recorded_at FROM claim_qualifications
         WHERE claim_id = ?1 ORDER BY id",
    )?;
    let mut s = tx.prepare_cached(
        "SELECT status, on_date, note, recorded_at FROM claim_status_events
         WHERE claim_id = ?1 ORDER BY id",
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
                    role: r.get(1)?,
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
                    channel: r.get(3)?,
                    direction: r.get(4)?,
                    summary: r.get(5)?,
                    recorded_at: r.get(6)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        c.qualifications = q
            .query_map([c.id], |r| {
                Ok(QualificationRow {
                    responsibility: r.get(0)?,
                    found_on: date(r.get(1)?)?,
                    note: r.get(2)?,
                    recorded_at: r.get(3)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        c.statuses = s
            .query_map([c.id], |r| {
                Ok(ClaimStatusRow {
                    status: r.get(0)?,
                    on_date: date(r.get(1)?)?,
                    note: r.get(2)?,
                    recorded_at: r.get(3)?,
                })
            })?
            .collect::<Result<_, _>>()?;
    }
    Ok(claims)
}

fn facts_tx(tx: &rusqlite::Connection, contract_id: i64) -> Result<ContractFacts, DbError> {
    let contract = contract_tx(tx, contract_id)?;
    let claims = claims_tx(tx, contract_id)?;
    let mut st = tx.prepare_cached(
        "SELECT from_date, to_date FROM contract_interruptions WHERE contract_id = ?1 ORDER BY from_date",
    )?;
    let interruptions = st
        .query_map([contract_id], |r| Ok((date(r.get(0)?)?, date(r.get(1)?)?)))?
        .collect::<Result<_, _>>()?;
    // The contract's latest status event decides whether it is terminated.
    let last: Option<(String, String)> = tx
        .query_row(
            "SELECT status, on_date FROM contract_events
             WHERE contract_id = ?1 AND kind = 'status' ORDER BY on_date DESC, id DESC LIMIT 1",
            [contract_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let terminated_on = match last {
        Some((status, on)) if status == "resilie" => Some(date(on)?),
        _ => None,
    };
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

/// Inserts a contract, its first status and its premium lines (no recomputation).
fn insert_contract_tx(tx: &Transaction<'_>, c: &NewContract, now: &str) -> Result<i64, DbError> {
    let exists: Option<i64> = tx
        .query_row("SELECT id FROM clients WHERE id = ?1", [c.client_id], |r| {
            r.get(0)
        })
        .optional()?;
    if exists.is_none() {
        return Err(DbError::Missing {
            entity: "Client",
            id: c.client_id,
        });
    }
    tx.execute(
        "INSERT INTO contracts (client_id, insurer_id, number, product, subscription_date,
                first_echeance, usage, clause_applies, start_coefficient, start_periods_at_floor,
                start_claim_free_streak, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        params![
            c.client_id,
            c.insurer_id,
            c.number,
            c.product,
            iso(c.subscription_date),
            iso(c.first_echeance),
            c.usage,
            c.clause_applies,
            c.start_coefficient,
            c.start_periods_at_floor,
            c.start_claim_free_streak,
            now
        ],
    )
    .map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            DbError::Invalid(format!(
                "un contrat n° {} existe déjà chez cet assureur",
                c.number
            ))
        }
        other => DbError::Sqlite(other),
    })?;
    let id = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO contract_events (contract_id, on_date, kind, status, recorded_at)
             VALUES (?1, ?2, 'status', ?3, ?4)",
        params![id, iso(c.subscription_date), c.status, now],
    )?;
    for p in &c.premiums {
        tx.execute(
                "INSERT INTO contract_premiums (contract_id, from_date, guarantee, amount_cents, modulated, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, iso(p.from_date), p.guarantee, p.amount_cents, p.modulated, now],
            )?;
    }
    Ok(id)
}

/// Inserts a claim with its first qualification and status (no recomputation).
fn insert_claim_tx(tx: &Transaction<'_>, c: &NewClaim, now: &str) -> Result<i64, DbError> {
    tx.execute(
        "INSERT INTO claims (contract_id, occurred_on, declared_on, kind, place, description,
                insurer_reference, estimated_cents, recorded_at, vehicle_id, driver_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            c.contract_id,
            iso(c.occurred_on),
            c.declared_on.map(iso),
            c.kind,
            c.place,
            c.description,
            c.insurer_reference,
            c.estimated_cents,
            now,
            c.vehicle_id,
            c.driver_id
        ],
    )?;
    let id = tx.last_insert_rowid();
    let declared = c.declared_on.unwrap_or(c.occurred_on);
    if let Some(cents) = c.estimated_cents {
        tx.execute(
            "INSERT INTO claim_amounts (claim_id, kind, amount_cents, on_date, recorded_at)
             VALUES (?1, 'estimation', ?2, ?3, ?4)",
            params![id, cents, iso(declared), now],
        )?;
    }
    tx.execute(
        "INSERT INTO claim_qualifications (claim_id, responsibility, found_on, recorded_at)
             VALUES (?1, ?2, ?3, ?4)",
        params![id, c.responsibility, iso(declared), now],
    )?;
    tx.execute(
        "INSERT INTO claim_status_events (claim_id, status, on_date, recorded_at)
             VALUES (?1, 'declare', ?2, ?3)",
        params![id, iso(declared), now],
    )?;
    Ok(id)
}

/// Inserts a batch's contracts and claims and computes their coefficients, inside `tx`.
pub(crate) fn insert_batch_contracts_tx(
    tx: &Transaction<'_>,
    client_ids: &[i64],
    contracts: &[BatchContract],
    now: &str,
    recompute: Recompute<'_>,
) -> Result<(), DbError> {
    for b in contracts {
        let client_id = client_ids.get(b.client_index).copied().ok_or_else(|| {
            DbError::Invalid(format!(
                "contrat : client n° {} absent du lot",
                b.client_index
            ))
        })?;
        let mut c = b.contract.clone();
        c.client_id = client_id;
        let id = insert_contract_tx(tx, &c, now)?;
        let mut vehicle_ids: Vec<(i64, NaiveDate, Option<NaiveDate>)> = Vec::new();
        for v in &b.vehicles {
            tx.execute(
                "INSERT INTO vehicles (contract_id, registration, make, model, first_registration, from_date, to_date, transfer_note, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![id, v.registration, v.make, v.model, v.first_registration.map(iso), iso(v.from_date), v.to_date.map(iso), v.transfer_note, now],
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
                "INSERT INTO drivers (contract_id, client_id, role, last_name, first_name, birth_date,
                    licence_number, licence_date, aac, from_date, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![id, d.client_id.map(|_| client_id), d.role, d.last_name, d.first_name, d.birth_date.map(iso),
                    d.licence_number, d.licence_date.map(iso), d.aac, iso(d.from_date), now],
            )?;
            if principal.is_none() && d.role == "principal" {
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
            let claim_id = insert_claim_tx(tx, &cl, now)?;
            for (resp, on) in &bc.requalifications {
                tx.execute(
                    "INSERT INTO claim_qualifications (claim_id, responsibility, found_on, recorded_at)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![claim_id, resp, iso(*on), now],
                )?;
            }
            for (status, on) in &bc.statuses {
                tx.execute(
                    "INSERT INTO claim_status_events (claim_id, status, on_date, recorded_at)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![claim_id, status, iso(*on), now],
                )?;
            }
        }
        recompute_tx(tx, id, recompute, now)?;
    }
    Ok(())
}

impl Store {
    /// The insurer of that name, created if new.
    pub(crate) fn insurer_id(&mut self, name: &str, now: &str) -> Result<i64, DbError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(DbError::Invalid("le nom de l'assureur est vide".into()));
        }
        if let Some(id) = self
            .conn
            .query_row("SELECT id FROM insurers WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()?
        {
            return Ok(id);
        }
        self.conn.execute(
            "INSERT INTO insurers (name, created_at) VALUES (?1, ?2)",
            params![name, now],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Records a contract, its first status and premium lines, and computes its coefficients.
    pub(crate) fn insert_contract(
        &mut self,
        c: &NewContract,
        now: &str,
        recompute: Recompute<'_>,
    ) -> Result<i64, DbError> {
        let tx = self.conn.transaction()?;
        let id = insert_contract_tx(&tx, c, now)?;
        recompute_tx(&tx, id, recompute, now)?;
        tx.commit()?;
        Ok(id)
    }

    /// Records a claim with its first qualification and status, and recomputes the coefficients.
    pub(crate) fn insert_claim(
        &mut self,
        c: &NewClaim,
        now: &str,
        recompute: Recompute<'_>,
    ) -> Result<i64, DbError> {
        let tx = self.conn.transaction()?;
        contract_tx(&tx, c.contract_id)?;
        check_vehicle_driver(&tx, c.contract_id, c.vehicle_id, c.driver_id)?;
        let id = insert_claim_tx(&tx, c, now)?;
        recompute_tx(&tx, c.contract_id, recompute, now)?;
        tx.commit()?;
        Ok(id)
    }

    /// Requalifies a claim (art. 8): a new qualification, the earlier ones kept.
    pub(crate) fn requalify_claim(
        &mut self,
        claim_id: i64,
        responsibility: &str,
        found_on: NaiveDate,
        note: Option<&str>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> Result<i64, DbError> {
        let tx = self.conn.transaction()?;
        let contract_id: i64 = tx
            .query_row(
                "SELECT contract_id FROM claims WHERE id = ?1",
                [claim_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(DbError::Missing {
                entity: "Sinistre",
                id: claim_id,
            })?;
        tx.execute(
            "INSERT INTO claim_qualifications (claim_id, responsibility, found_on, note, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![claim_id, responsibility, iso(found_on), note, now],
        )?;
        recompute_tx(&tx, contract_id, recompute, now)?;
        tx.commit()?;
        Ok(contract_id)
    }

    /// Adds someone involved in a claim. Returns the claim's contract.
    pub(crate) fn insert_party(
        &mut self,
        claim_id: i64,
        p: &PartyRow,
        now: &str,
    ) -> Result<i64, DbError> {
        let contract_id = self.claim_contract(claim_id)?;
        self.conn.execute(
            "INSERT INTO claim_parties (claim_id, role, name, phone, email, address, reference, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![claim_id, p.role, p.name, p.phone, p.email, p.address, p.reference, now],
        )?;
        Ok(contract_id)
    }

    /// Logs an exchange about a claim (append-only). Returns the claim's contract.
    pub(crate) fn insert_communication(
        &mut self,
        claim_id: i64,
        c: &CommunicationRow,
        now: &str,
    ) -> Result<i64, DbError> {
        let contract_id = self.claim_contract(claim_id)?;
        if let Some(pid) = c.party_id {
            let ok: Option<i64> = self
                .conn
                .query_row(
                    "SELECT id FROM claim_parties WHERE id = ?1 AND claim_id = ?2",
                    params![pid, claim_id],
                    |r| r.get(0),
                )
                .optional()?;
            if ok.is_none() {
                return Err(DbError::Invalid(format!(
                    "l'intervenant n° {pid} n'appartient pas à ce sinistre"
                )));
            }
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO claim_communications (claim_id, party_id, at, channel, direction, summary, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![claim_id, c.party_id, c.at, c.channel, c.direction, c.summary, now],
        )?;
        chain_pending(&tx)?;
        tx.commit()?;
        Ok(contract_id)
    }

    /// Records a claim's new status.
    pub(crate) fn claim_status(
        &mut self,
        claim_id: i64,
        status: &str,
        on: NaiveDate,
        note: Option<&str>,
        now: &str,
    ) -> Result<i64, DbError> {
        let contract_id: i64 = self
            .conn
            .query_row(
                "SELECT contract_id FROM claims WHERE id = ?1",
                [claim_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(DbError::Missing {
                entity: "Sinistre",
                id: claim_id,
            })?;
        self.conn.execute(
            "INSERT INTO claim_status_events (claim_id, status, on_date, note, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![claim_id, status, iso(on), note, now],
        )?;
        Ok(contract_id)
    }

    /// Records a suspension or interruption of cover and recomputes the coefficients.
    pub(crate) fn add_interruption(
        &mut self,
        contract_id: i64,
        from: NaiveDate,
        to: NaiveDate,
        reason: Option<&str>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> Result<(), DbError> {
        let tx = self.conn.transaction()?;
        contract_tx(&tx, contract_id)?;
        tx.execute(
            "INSERT INTO contract_interruptions (contract_id, from_date, to_date, reason, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![contract_id, iso(from), iso(to), reason, now],
        )?;
        recompute_tx(&tx, contract_id, recompute, now)?;
        tx.commit()?;
        Ok(())
    }

    /// Records a contract's status change (dated fact).
    pub(crate) fn contract_status(
        &mut self,
        contract_id: i64,
        status: &str,
        on: NaiveDate,
        terminated_by: Option<&str>,
        details: Option<&str>,
        now: &str,
    ) -> Result<(), DbError> {
        contract_tx(&self.conn, contract_id)?;
        self.conn.execute(
            "INSERT INTO contract_events (contract_id, on_date, kind, status, terminated_by, details, recorded_at)
             VALUES (?1, ?2, 'status', ?3, ?4, ?5, ?6)",
            params![contract_id, iso(on), status, terminated_by, details, now],
        )?;
        Ok(())
    }

    /// Terminates a contract on `on` (résiliation: who and why) and recomputes its coefficients,
    /// which stop at the last échéance before the termination.
    pub(crate) fn terminate_contract(
        &mut self,
        contract_id: i64,
        on: NaiveDate,
        terminated_by: &str,
        details: Option<&str>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> Result<(), DbError> {
        let tx = self.conn.transaction()?;
        contract_tx(&tx, contract_id)?;
        tx.execute(
            "INSERT INTO contract_events (contract_id, on_date, kind, status, terminated_by, details, recorded_at)
             VALUES (?1, ?2, 'status', 'resilie', ?3, ?4, ?5)",
            params![contract_id, iso(on), terminated_by, details, now],
        )?;
        recompute_tx(&tx, contract_id, recompute, now)?;
        tx.commit()?;
        Ok(())
    }

    /// Recomputes a contract's coefficients (the date moved on, an échéance passed).
    pub(crate) fn recompute_contract(
        &mut self,
        contract_id: i64,
        now: &str,
        recompute: Recompute<'_>,
    ) -> Result<(), DbError> {
        let tx = self.conn.transaction()?;
        recompute_tx(&tx, contract_id, recompute, now)?;
        tx.commit()?;
        Ok(())
    }

    pub(crate) fn contract(&self, id: i64) -> Result<ContractRow, DbError> {
        contract_tx(&self.conn, id)
    }

    pub(crate) fn contract_facts(&self, id: i64) -> Result<ContractFacts, DbError> {
        facts_tx(&self.conn, id)
    }

    pub(crate) fn contracts_of_client(&self, client_id: i64) -> Result<Vec<ContractRow>, DbError> {
        query_vec(
            &self.conn,
            &format!(
                "SELECT {CONTRACT_COLUMNS} FROM contracts c JOIN insurers i ON i.id = c.insurer_id
             WHERE c.client_id = ?1 ORDER BY c.subscription_date DESC, c.id DESC"
            ),
            [client_id],
            contract_from_row,
        )
    }

    pub(crate) fn contract_events(
        &self,
        contract_id: i64,
    ) -> Result<Vec<ContractEventRow>, DbError> {
        query_vec(
            &self.conn,
            "SELECT on_date, kind, status, terminated_by, details, recorded_at FROM contract_events
             WHERE contract_id = ?1 ORDER BY on_date, id",
            [contract_id],
            |r| {
                Ok(ContractEventRow {
                    on_date: date(r.get(0)?)?,
                    kind: r.get(1)?,
                    status: r.get(2)?,
                    terminated_by: r.get(3)?,
                    details: r.get(4)?,
                    recorded_at: r.get(5)?,
                })
            },
        )
    }

    pub(crate) fn contract_premiums(
        &self,
        contract_id: i64,
    ) -> Result<Vec<PremiumLineRow>, DbError> {
        query_vec(
            &self.conn,
            "SELECT from_date, guarantee, amount_cents, modulated FROM contract_premiums
             WHERE contract_id = ?1 ORDER BY from_date, id",
            [contract_id],
            |r| {
                Ok(PremiumLineRow {
                    from_date: date(r.get(0)?)?,
                    guarantee: r.get(1)?,
                    amount_cents: r.get(2)?,
                    modulated: r.get(3)?,
                })
            },
        )
    }

    pub(crate) fn coefficient_history(
        &self,
        contract_id: i64,
    ) -> Result<Vec<EcheanceRow>, DbError> {
        query_vec(
            &self.conn,
            "SELECT echeance, coefficient FROM coefficient_history
             WHERE contract_id = ?1 ORDER BY echeance",
            [contract_id],
            |r| {
                Ok(EcheanceRow {
                    echeance: date(r.get(0)?)?,
                    coefficient: r.get(1)?,
                })
            },
        )
    }

    pub(crate) fn count_contracts(&self) -> Result<u64, DbError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM contracts", [], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    pub(crate) fn count_claims(&self) -> Result<u64, DbError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM claims", [], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// The contract a claim belongs to.
    pub(crate) fn claim_contract(&self, claim_id: i64) -> Result<i64, DbError> {
        self.conn
            .query_row(
                "SELECT contract_id FROM claims WHERE id = ?1",
                [claim_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(DbError::Missing {
                entity: "Sinistre",
                id: claim_id,
            })
    }
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
        self.conn.execute(
            "INSERT INTO releves (client_id, received_on, document, start_coefficient, inconsistency, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![client_id, iso(received_on), document, start_coefficient, inconsistency, now],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// The relevés received for a client, most recent first.
    pub(crate) fn releves_of_client(&self, client_id: i64) -> Result<Vec<ReleveRow>, DbError> {
        query_vec(&self.conn, "SELECT id, client_id, received_on, document, start_coefficient, inconsistency, recorded_at
             FROM releves WHERE client_id = ?1 ORDER BY received_on DESC, id DESC", [client_id], |r| {
                Ok(ReleveRow {
                    id: r.get(0)?,
                    client_id: r.get(1)?,
                    received_on: date(r.get(2)?)?,
                    document: r.get(3)?,
                    start_coefficient: r.get(4)?,
                    inconsistency: r.get(5)?,
                    recorded_at: r.get(6)?,
                })
            })
    }
}

impl Store {
    /// Puts a vehicle on a contract from `v.from_date`. With `replaces`, the replaced vehicle
    /// leaves the contract that day and the transfer decision (R16) is kept with it. With
    /// `v.other_drivers`, a reduction in force is lost that day: the coefficients are recomputed
    /// in the same transaction.
    pub(crate) fn insert_vehicle(
        &mut self,
        v: &VehicleRow,
        replaces: Option<(i64, &str)>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> Result<i64, DbError> {
        let tx = self.conn.transaction()?;
        contract_tx(&tx, v.contract_id)?;
        tx.execute(
            "INSERT INTO vehicles (contract_id, registration, make, model, first_registration, from_date, other_drivers, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                v.contract_id,
                v.registration,
                v.make,
                v.model,
                v.first_registration.map(iso),
                iso(v.from_date),
                v.other_drivers,
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        if let Some((old, note)) = replaces {
            let n = tx.execute(
                "UPDATE vehicles SET to_date = ?2, replaced_by = ?3, transfer_note = ?4
                 WHERE id = ?1 AND contract_id = ?5 AND to_date IS NULL",
                params![old, iso(v.from_date), id, note, v.contract_id],
            )?;
            if n == 0 {
                return Err(DbError::Invalid(
                    "le véhicule remplacé n'est pas en cours sur ce contrat".into(),
                ));
            }
        }
        if v.other_drivers {
            recompute_tx(&tx, v.contract_id, recompute, now)?;
        }
        tx.commit()?;
        Ok(id)
    }

    pub(crate) fn vehicles_of_contract(
        &self,
        contract_id: i64,
    ) -> Result<Vec<VehicleRow>, DbError> {
        vehicles_tx(&self.conn, contract_id)
    }

    pub(crate) fn insert_driver(&mut self, d: &DriverRow, now: &str) -> Result<i64, DbError> {
        contract_tx(&self.conn, d.contract_id)?;
        self.conn.execute(
            "INSERT INTO drivers (contract_id, client_id, role, last_name, first_name, birth_date,
                licence_number, licence_date, aac, from_date, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                d.contract_id,
                d.client_id,
                d.role,
                d.last_name,
                d.first_name,
                d.birth_date.map(iso),
                d.licence_number,
                d.licence_date.map(iso),
                d.aac,
                iso(d.from_date),
                now
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub(crate) fn drivers_of_contract(&self, contract_id: i64) -> Result<Vec<DriverRow>, DbError> {
        drivers_tx(&self.conn, contract_id)
    }
}

impl Store {
    /// Claims whose last status is not final (clos, refusé), oldest first, at most `limit`.
    pub(crate) fn open_claims(&self, limit: u32) -> Result<Vec<OpenClaimRow>, DbError> {
        query_vec(&self.conn, "SELECT cl.id, cl.contract_id, k.client_id,
                    coalesce(c.company_name, trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, ''))),
                    i.name, k.number, cl.occurred_on, cl.kind,
                    (SELECT responsibility FROM claim_qualifications q WHERE q.claim_id = cl.id ORDER BY q.id DESC LIMIT 1),
                    s.status, s.on_date
             FROM claims cl
             JOIN contracts k ON k.id = cl.contract_id
             JOIN clients c ON c.id = k.client_id
             JOIN insurers i ON i.id = k.insurer_id
             JOIN claim_status_events s ON s.id = (SELECT max(id) FROM claim_status_events WHERE claim_id = cl.id)
             WHERE s.status NOT IN ('clos', 'refuse')
             ORDER BY cl.occurred_on, cl.id
             LIMIT ?1", [limit], |r| {
                Ok(OpenClaimRow {
                    claim_id: r.get(0)?,
                    contract_id: r.get(1)?,
                    client_id: r.get(2)?,
                    client_name: r.get(3)?,
                    insurer: r.get(4)?,
                    contract_number: r.get(5)?,
                    occurred_on: date(r.get(6)?)?,
                    kind: r.get(7)?,
                    responsibility: r.get(8)?,
                    status: r.get(9)?,
                    status_since: date(r.get(10)?)?,
                })
            })
    }
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
        "SELECT id, contract_id, client_id, role, last_name, first_name, birth_date,
            licence_number, licence_date, aac, from_date, to_date
         FROM drivers WHERE contract_id = ?1 ORDER BY role = 'principal' DESC, id",
        [contract_id],
        |r| {
            Ok(DriverRow {
                id: r.get(0)?,
                contract_id: r.get(1)?,
                client_id: r.get(2)?,
                role: r.get(3)?,
                last_name: r.get(4)?,
                first_name: r.get(5)?,
                birth_date: opt_date(r.get(6)?)?,
                licence_number: r.get(7)?,
                licence_date: opt_date(r.get(8)?)?,
                aac: r.get(9)?,
                from_date: date(r.get(10)?)?,
                to_date: opt_date(r.get(11)?)?,
            })
        },
    )
}
