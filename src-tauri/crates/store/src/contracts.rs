//! Contracts and their dated facts: status events, interruptions, terminations, premium lines,
//! amendments (avenants), corrections of their terms; and the derived coefficient history.

use crate::prelude::*;
use crate::recompute::{facts_tx, recompute_tx, unpack_echeances};
use crate::revisions::{insert_revision, unchanged};
use crate::rows::{contract_from_row, contract_tx, CONTRACT_COLUMNS};
use crate::sql::{act, code, constraint, date, day, from_day, guarantee, iso, opt_code, query_vec};

/// An event of a contract: a status transition or an amendment.
struct Event<'a> {
    on: NaiveDate,
    kind: ContractEventKind,
    status: Option<ContractStatus>,
    terminated_by: Option<TerminatedBy>,
    details: Option<&'a str>,
}

/// Appends an event (status or avenant) to a contract's, numbered after the ones it has.
fn insert_event_tx(
    conn: &Connection,
    contract_id: i64,
    e: &Event<'_>,
    act: i64,
) -> Result<(), DbError> {
    conn.prepare_cached(
        "INSERT INTO contract_events (contract_id, seq, on_date, kind, status, terminated_by, details, act_id)
         VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM contract_events WHERE contract_id = ?1),
             ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        contract_id,
        iso(e.on),
        e.kind.as_str(),
        e.status.map(ContractStatus::as_str),
        e.terminated_by.map(TerminatedBy::as_str),
        e.details,
        act
    ])?;
    Ok(())
}

/// Appends a premium line to a contract's, numbered after the ones it has.
fn insert_premium_tx(
    conn: &Connection,
    contract_id: i64,
    from: NaiveDate,
    guarantee_label: &str,
    amount_cents: i64,
    modulated: bool,
    act: i64,
) -> Result<(), DbError> {
    let guarantee_id = guarantee(conn, guarantee_label)?;
    conn.prepare_cached(
        "INSERT INTO contract_premiums (contract_id, seq, from_day, guarantee_id, amount_cents, modulated, act_id)
         VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM contract_premiums WHERE contract_id = ?1),
             ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![contract_id, day(from), guarantee_id, amount_cents, modulated, act])?;
    Ok(())
}

/// Inserts a contract, its first status and its premium lines (no recomputation).
pub(crate) fn insert_contract_tx(
    tx: &Transaction<'_>,
    c: &NewContract,
    act: i64,
) -> Result<i64, DbError> {
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
                start_claim_free_streak, created_act, updated_act)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        params![
            c.client_id,
            c.insurer_id,
            c.number,
            c.product.as_str(),
            iso(c.subscription_date),
            iso(c.first_echeance),
            c.usage.as_str(),
            c.clause_applies,
            c.start_coefficient,
            c.start_periods_at_floor,
            c.start_claim_free_streak,
            act
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
    insert_event_tx(
        tx,
        id,
        &Event {
            on: c.subscription_date,
            kind: ContractEventKind::Status,
            status: Some(c.status),
            terminated_by: None,
            details: None,
        },
        act,
    )?;
    for p in &c.premiums {
        insert_premium_tx(
            tx,
            id,
            p.from_date,
            &p.guarantee,
            p.amount_cents,
            p.modulated,
            act,
        )?;
    }
    Ok(id)
}

impl Store {
    /// Records a contract, its first status and premium lines, and computes its coefficients.
    pub(crate) fn insert_contract(
        &mut self,
        c: &NewContract,
        now: &str,
        recompute: Recompute<'_>,
    ) -> Result<i64, DbError> {
        let tx = self.write_tx()?;
        let id = insert_contract_tx(&tx, c, act(&tx, now)?)?;
        recompute_tx(&tx, id, recompute, now)?;
        tx.commit()?;
        Ok(id)
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
        let tx = self.write_tx()?;
        contract_tx(&tx, contract_id)?;
        let act = act(&tx, now)?;
        tx.execute(
            "INSERT INTO contract_interruptions (contract_id, from_date, to_date, reason, act_id)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![contract_id, iso(from), iso(to), reason, act],
        )?;
        recompute_tx(&tx, contract_id, recompute, now)?;
        tx.commit()?;
        Ok(())
    }

    /// Records a contract's status change (dated fact).
    pub(crate) fn contract_status(
        &mut self,
        contract_id: i64,
        status: ContractStatus,
        on: NaiveDate,
        terminated_by: Option<TerminatedBy>,
        details: Option<&str>,
        now: &str,
    ) -> Result<(), DbError> {
        let event = Event {
            on,
            kind: ContractEventKind::Status,
            status: Some(status),
            terminated_by,
            details,
        };
        self.status_event(contract_id, &event, now, None)
    }

    /// Terminates a contract on `on` (résiliation: who and why) and recomputes its coefficients,
    /// which stop at the last échéance before the termination.
    pub(crate) fn terminate_contract(
        &mut self,
        contract_id: i64,
        on: NaiveDate,
        terminated_by: TerminatedBy,
        details: Option<&str>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> Result<(), DbError> {
        let event = Event {
            on,
            kind: ContractEventKind::Status,
            status: Some(ContractStatus::Resilie),
            terminated_by: Some(terminated_by),
            details,
        };
        self.status_event(contract_id, &event, now, Some(recompute))
    }

    /// Appends a status event in one transaction, with the recomputation when the status
    /// changes what the coefficients depend on.
    fn status_event(
        &mut self,
        contract_id: i64,
        event: &Event<'_>,
        now: &str,
        recompute: Option<Recompute<'_>>,
    ) -> Result<(), DbError> {
        let tx = self.write_tx()?;
        contract_tx(&tx, contract_id)?;
        let act = act(&tx, now)?;
        insert_event_tx(&tx, contract_id, event, act)?;
        if let Some(recompute) = recompute {
            recompute_tx(&tx, contract_id, recompute, now)?;
        }
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
        let tx = self.write_tx()?;
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
            "SELECT on_date, kind, status, terminated_by, details,
                (SELECT recorded_at FROM acts WHERE acts.id = act_id)
             FROM contract_events WHERE contract_id = ?1 ORDER BY on_date, seq",
            [contract_id],
            |r| {
                Ok(ContractEventRow {
                    on_date: date(r.get(0)?)?,
                    kind: code(r, 1)?,
                    status: opt_code(r, 2)?,
                    terminated_by: opt_code(r, 3)?,
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
            "SELECT from_day, (SELECT label FROM guarantees g WHERE g.id = guarantee_id), amount_cents,
                modulated
             FROM contract_premiums WHERE contract_id = ?1 ORDER BY from_day, seq",
            [contract_id],
            |r| {
                Ok(PremiumLineRow {
                    from_date: from_day(r.get(0)?)?,
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
            "SELECT echeances FROM coefficient_history WHERE contract_id = ?1",
            [contract_id],
            |r| unpack_echeances(&r.get::<_, Vec<u8>>(0)?),
        )
        .map(|v| v.into_iter().flatten().collect())
    }

    pub(crate) fn count_contracts(&self) -> Result<u64, DbError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM contracts", [], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// Corrects a contract's terms (number, product, dates, usage, clause, start coefficient)
    /// and recomputes its coefficients in the same transaction.
    pub(crate) fn correct_contract(
        &mut self,
        id: i64,
        new: &ContractCorrection,
        reason: Option<&str>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> Result<(), DbError> {
        let tx = self.write_tx()?;
        let c = contract_tx(&tx, id)?;
        let old = ContractCorrection {
            number: c.number,
            product: c.product,
            subscription_date: c.subscription_date,
            first_echeance: c.first_echeance,
            usage: c.usage,
            clause_applies: c.clause_applies,
            start_coefficient: c.start_coefficient,
        };
        if old == *new {
            return Err(unchanged());
        }
        let first_fact: Option<String> = tx.query_row(
            "SELECT min(d) FROM (
                 SELECT min(occurred_on) AS d FROM claims WHERE contract_id = ?1
                 UNION ALL SELECT min(from_date) FROM vehicles WHERE contract_id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if first_fact.is_some_and(|d| d < iso(new.subscription_date)) {
            return Err(DbError::Invalid(
                "un sinistre ou un véhicule du contrat précède la nouvelle date de souscription"
                    .into(),
            ));
        }
        let previous = serde_json::json!({
            "number": old.number,
            "product": old.product,
            "subscription_date": iso(old.subscription_date),
            "first_echeance": iso(old.first_echeance),
            "usage": old.usage,
            "clause_applies": old.clause_applies,
            "start_coefficient": old.start_coefficient,
        });
        insert_revision(&tx, Entity::Contract, id, &previous, reason, now)?;
        tx.execute(
            "UPDATE contracts SET number = ?2, product = ?3, subscription_date = ?4,
                first_echeance = ?5, usage = ?6, clause_applies = ?7, start_coefficient = ?8
             WHERE id = ?1",
            params![
                id,
                new.number,
                new.product.as_str(),
                iso(new.subscription_date),
                iso(new.first_echeance),
                new.usage.as_str(),
                new.clause_applies,
                new.start_coefficient
            ],
        )
        .map_err(|e| {
            constraint(
                e,
                "correction refusée : numéro déjà pris chez cet assureur, ou dates incohérentes",
            )
        })?;
        recompute_tx(&tx, id, recompute, now)?;
        tx.commit()?;
        Ok(())
    }

    /// Records an amendment (avenant) on `on`: what changed, in words, and the premium lines it
    /// sets from that date (the earlier lines stay in the history).
    pub(crate) fn add_avenant(
        &mut self,
        contract_id: i64,
        on: NaiveDate,
        details: &str,
        premiums: &[PremiumLineRow],
        now: &str,
    ) -> Result<(), DbError> {
        let tx = self.write_tx()?;
        let c = contract_tx(&tx, contract_id)?;
        if on < c.subscription_date {
            return Err(DbError::Invalid(
                "un avenant ne peut précéder la souscription".into(),
            ));
        }
        let act = act(&tx, now)?;
        insert_event_tx(
            &tx,
            contract_id,
            &Event {
                on,
                kind: ContractEventKind::Avenant,
                status: None,
                terminated_by: None,
                details: Some(details),
            },
            act,
        )?;
        for p in premiums {
            insert_premium_tx(
                &tx,
                contract_id,
                on,
                &p.guarantee,
                p.amount_cents,
                p.modulated,
                act,
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}
