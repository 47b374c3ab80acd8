//! Claims (sinistres) and their facts, appended never rewritten: qualifications, statuses,
//! amounts, people involved, exchanges, corrections. Each change the coefficient depends on
//! recomputes it in the same transaction.

use crate::exchange_log::chain_new;
use crate::prelude::*;
use crate::recompute::recompute_tx;
use crate::revisions::insert_revision;
use crate::rows::contract_tx;
use crate::sql::{act, code, date, day, from_day, iso, query_vec};

/// Appends a qualification to a claim's, numbered after the ones it has.
pub(crate) fn insert_qualification_tx(
    conn: &Connection,
    claim_id: i64,
    responsibility: Responsibility,
    found_on: NaiveDate,
    note: Option<&str>,
    act: i64,
) -> Result<(), DbError> {
    conn.prepare_cached(
        "INSERT INTO claim_qualifications (claim_id, seq, responsibility, found_day, note, act_id)
         VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM claim_qualifications WHERE claim_id = ?1),
             ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        claim_id,
        responsibility.as_str(),
        day(found_on),
        note,
        act
    ])?;
    Ok(())
}

/// Appends a status to a claim's, numbered after the ones it has. An unknown status has no
/// code: the NOT NULL constraint refuses it.
pub(crate) fn insert_claim_status_tx(
    conn: &Connection,
    claim_id: i64,
    status: ClaimStatus,
    on: NaiveDate,
    note: Option<&str>,
    act: i64,
) -> Result<(), DbError> {
    conn.prepare_cached(
        "INSERT INTO claim_status_events (claim_id, seq, status, on_day, note, act_id)
         VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM claim_status_events WHERE claim_id = ?1),
             (SELECT code FROM claim_status_codes WHERE status = ?2), ?3, ?4, ?5)",
    )?
    .execute(params![claim_id, status.as_str(), day(on), note, act])?;
    Ok(())
}

/// Appends an amount to a claim's, numbered after the ones it has.
pub(crate) fn insert_amount_tx(
    conn: &Connection,
    claim_id: i64,
    a: &AmountRow,
    act: i64,
) -> Result<(), DbError> {
    conn.prepare_cached(
        "INSERT INTO claim_amounts (claim_id, seq, kind, amount_cents, on_day, note, act_id)
         VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM claim_amounts WHERE claim_id = ?1),
             ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        claim_id,
        a.kind.as_str(),
        a.amount_cents,
        day(a.on_date),
        a.note,
        act
    ])?;
    Ok(())
}

/// Inserts a claim with its first qualification and status (no recomputation).
pub(crate) fn insert_claim_tx(
    tx: &Transaction<'_>,
    c: &NewClaim,
    act: i64,
) -> Result<i64, DbError> {
    tx.execute(
        "INSERT INTO claims (contract_id, occurred_on, declared_on, kind, place, description,
                insurer_reference, estimated_cents, act_id, vehicle_id, driver_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            c.contract_id,
            iso(c.occurred_on),
            c.declared_on.map(iso),
            c.kind.as_str(),
            c.place,
            c.description,
            c.insurer_reference,
            c.estimated_cents,
            act,
            c.vehicle_id,
            c.driver_id
        ],
    )?;
    let id = tx.last_insert_rowid();
    let declared = c.declared_on.unwrap_or(c.occurred_on);
    if let Some(cents) = c.estimated_cents {
        tx.prepare_cached(
            "INSERT INTO claim_amounts (claim_id, seq, kind, amount_cents, on_day, act_id)
             VALUES (?1, 1, 'estimation', ?2, ?3, ?4)",
        )?
        .execute(params![id, cents, day(declared), act])?;
    }
    tx.prepare_cached(
        "INSERT INTO claim_qualifications (claim_id, seq, responsibility, found_day, act_id)
             VALUES (?1, 1, ?2, ?3, ?4)",
    )?
    .execute(params![id, c.responsibility.as_str(), day(declared), act])?;
    insert_claim_status_tx(tx, id, ClaimStatus::Declare, declared, None, act)?;
    Ok(id)
}

pub(crate) fn correction_json(c: &ClaimCorrection) -> serde_json::Value {
    serde_json::json!({
        "occurred_on": iso(c.occurred_on),
        "declared_on": c.declared_on.map(iso),
        "kind": c.kind,
        "place": c.place,
        "description": c.description,
        "insurer_reference": c.insurer_reference,
        "vehicle_id": c.vehicle_id,
        "driver_id": c.driver_id,
    })
}

/// Checks that a vehicle or driver belongs to the contract.
pub(crate) fn belongs(
    conn: &Connection,
    table: &str,
    id: Option<i64>,
    contract_id: i64,
    what: &str,
) -> Result<(), DbError> {
    let Some(id) = id else { return Ok(()) };
    let found: Option<i64> = conn
        .query_row(
            &format!("SELECT id FROM {table} WHERE id = ?1 AND contract_id = ?2"),
            params![id, contract_id],
            |r| r.get(0),
        )
        .optional()?;
    match found {
        Some(_) => Ok(()),
        None => Err(DbError::Invalid(format!(
            "{what} n° {id} n'est pas sur ce contrat"
        ))),
    }
}

pub(crate) fn check_vehicle_driver(
    conn: &Connection,
    contract_id: i64,
    vehicle_id: Option<i64>,
    driver_id: Option<i64>,
) -> Result<(), DbError> {
    belongs(conn, "vehicles", vehicle_id, contract_id, "le véhicule")?;
    belongs(conn, "drivers", driver_id, contract_id, "le conducteur")
}

impl Store {
    /// Records a claim with its first qualification and status, and recomputes the coefficients.
    pub(crate) fn insert_claim(
        &mut self,
        c: &NewClaim,
        now: &str,
        recompute: Recompute<'_>,
    ) -> Result<i64, DbError> {
        let tx = self.write_tx()?;
        contract_tx(&tx, c.contract_id)?;
        check_vehicle_driver(&tx, c.contract_id, c.vehicle_id, c.driver_id)?;
        let id = insert_claim_tx(&tx, c, act(&tx, now)?)?;
        recompute_tx(&tx, c.contract_id, recompute, now)?;
        tx.commit()?;
        Ok(id)
    }

    /// Requalifies a claim (art. 8): a new qualification, the earlier ones kept.
    pub(crate) fn requalify_claim(
        &mut self,
        claim_id: i64,
        responsibility: Responsibility,
        found_on: NaiveDate,
        note: Option<&str>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> Result<i64, DbError> {
        let tx = self.write_tx()?;
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
        let act = act(&tx, now)?;
        insert_qualification_tx(&tx, claim_id, responsibility, found_on, note, act)?;
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
        let tx = self.write_tx()?;
        let act = act(&tx, now)?;
        tx.execute(
            "INSERT INTO claim_parties (claim_id, role, name, phone, email, address, reference, act_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![claim_id, p.role.as_str(), p.name, p.phone, p.email, p.address, p.reference, act],
        )?;
        tx.commit()?;
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
        let tx = self.write_tx()?;
        let act = act(&tx, now)?;
        tx.execute(
            "INSERT INTO claim_communications (claim_id, party_id, at, channel, direction, summary, recorded_at, act_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![claim_id, c.party_id, c.at, c.channel.as_str(), c.direction.as_str(), c.summary, now, act],
        )?;
        // This entry only: one without a hash that is already there was not written by Courtier.
        chain_new(&tx, tx.last_insert_rowid())?;
        tx.commit()?;
        Ok(contract_id)
    }

    /// Records a claim's new status.
    pub(crate) fn claim_status(
        &mut self,
        claim_id: i64,
        status: ClaimStatus,
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
        let tx = self.write_tx()?;
        let act = act(&tx, now)?;
        insert_claim_status_tx(&tx, claim_id, status, on, note, act)?;
        tx.commit()?;
        Ok(contract_id)
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

    /// Claims whose last status is not final (clos, refusé), oldest first, at most `limit`. The
    /// CROSS JOIN keeps the claims as the outer loop: each one's last status is then one lookup
    /// of its clustered statuses (left free, the planner scanned every status).
    pub(crate) fn open_claims(&self, limit: u32) -> Result<Vec<OpenClaimRow>, DbError> {
        query_vec(&self.conn, "SELECT cl.id, cl.contract_id, k.client_id,
                    coalesce(c.company_name, trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, ''))),
                    i.name, k.number, cl.occurred_on, cl.kind,
                    cl.responsibility,
                    sc.status, s.on_day
             FROM claims cl
             JOIN contracts k ON k.id = cl.contract_id
             JOIN clients c ON c.id = k.client_id
             JOIN insurers i ON i.id = k.insurer_id
             CROSS JOIN claim_status_events s ON s.claim_id = cl.id
                 AND s.seq = (SELECT max(seq) FROM claim_status_events WHERE claim_id = cl.id)
             JOIN claim_status_codes sc ON sc.code = s.status
             WHERE sc.status NOT IN ('clos', 'refuse')
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
                    kind: code(r, 7)?,
                    responsibility: code(r, 8)?,
                    status: code(r, 9)?,
                    status_since: from_day(r.get(10)?)?,
                })
            })
    }

    /// Records an amount of a claim (append-only). Returns the claim's contract.
    pub(crate) fn add_claim_amount(
        &mut self,
        claim_id: i64,
        a: &AmountRow,
        now: &str,
    ) -> Result<i64, DbError> {
        let contract_id = self.claim_contract(claim_id)?;
        let tx = self.write_tx()?;
        let act = act(&tx, now)?;
        insert_amount_tx(&tx, claim_id, a, act)?;
        tx.commit()?;
        Ok(contract_id)
    }

    /// Corrects a claim's declared facts: the values it replaces are kept as a revision, and the
    /// contract's coefficients are recomputed in the same transaction (the date or the kind may
    /// change what counts). Returns the claim's contract.
    pub(crate) fn correct_claim(
        &mut self,
        claim_id: i64,
        new: &ClaimCorrection,
        reason: Option<&str>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> Result<i64, DbError> {
        let tx = self.write_tx()?;
        let (contract_id, old) = tx
            .query_row(
                "SELECT contract_id, occurred_on, declared_on, kind, place, description,
                        insurer_reference, vehicle_id, driver_id
                 FROM claims WHERE id = ?1",
                [claim_id],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        ClaimCorrection {
                            occurred_on: date(r.get(1)?)?,
                            declared_on: r.get::<_, Option<String>>(2)?.map(date).transpose()?,
                            kind: code(r, 3)?,
                            place: r.get(4)?,
                            description: r.get(5)?,
                            insurer_reference: r.get(6)?,
                            vehicle_id: r.get(7)?,
                            driver_id: r.get(8)?,
                        },
                    ))
                },
            )
            .optional()?
            .ok_or(DbError::Missing {
                entity: "Sinistre",
                id: claim_id,
            })?;
        if old == *new {
            return Err(DbError::Invalid("aucune modification à enregistrer".into()));
        }
        check_vehicle_driver(&tx, contract_id, new.vehicle_id, new.driver_id)?;
        // A requalification found before the (new) occurrence date would make no sense.
        let first_found: Option<i64> = tx.query_row(
            "SELECT min(found_day) FROM claim_qualifications WHERE claim_id = ?1 AND seq > 1",
            [claim_id],
            |r| r.get(0),
        )?;
        if let Some(f) = first_found {
            if from_day(f)? < new.occurred_on {
                return Err(DbError::Invalid(
                    "une requalification est datée d'avant la nouvelle date de survenance".into(),
                ));
            }
        }
        insert_revision(
            &tx,
            Entity::Claim,
            claim_id,
            &correction_json(&old),
            reason,
            now,
        )?;
        tx.execute(
            "UPDATE claims SET occurred_on = ?2, declared_on = ?3, kind = ?4, place = ?5,
                description = ?6, insurer_reference = ?7, vehicle_id = ?8, driver_id = ?9
             WHERE id = ?1",
            params![
                claim_id,
                iso(new.occurred_on),
                new.declared_on.map(iso),
                new.kind.as_str(),
                new.place,
                new.description,
                new.insurer_reference,
                new.vehicle_id,
                new.driver_id
            ],
        )
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                DbError::Invalid("la déclaration ne peut précéder la survenance".into())
            }
            other => DbError::Sqlite(other),
        })?;
        recompute_tx(&tx, contract_id, recompute, now)?;
        tx.commit()?;
        Ok(contract_id)
    }
}
