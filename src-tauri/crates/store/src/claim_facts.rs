//! A claim's amounts and corrections, contract amendments (avenants), and the hash-chained
//! exchange log. All are facts appended with their dates: a correction keeps the values it
//! replaced, an amount is a new line, an exchange is never rewritten (triggers refuse it, and the
//! chain of hashes shows an entry edited or removed behind the application's back).

use crate::contracts::{contract_tx, date, iso, query_vec, recompute_tx};
use crate::{DbError, Store};
use chrono::NaiveDate;
#[allow(unused_imports)]
use courtier_port::*;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

fn correction_json(c: &ClaimCorrection) -> serde_json::Value {
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

pub(crate) fn amounts_of(conn: &Connection, claim_id: i64) -> Result<Vec<AmountRow>, DbError> {
    query_vec(
        conn,
        "SELECT kind, amount_cents, on_date, note, recorded_at FROM claim_amounts
         WHERE claim_id = ?1 ORDER BY on_date, id",
        [claim_id],
        |r| {
            Ok(AmountRow {
                kind: r.get(0)?,
                amount_cents: r.get(1)?,
                on_date: date(r.get(2)?)?,
                note: r.get(3)?,
                recorded_at: r.get(4)?,
            })
        },
    )
}

/// Keeps the values a correction replaces.
pub(crate) fn insert_revision(
    conn: &Connection,
    entity: Entity,
    id: i64,
    previous: &serde_json::Value,
    reason: Option<&str>,
    now: &str,
) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO revisions (entity, entity_id, previous, reason, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![entity.as_str(), id, previous.to_string(), reason, now],
    )?;
    Ok(())
}

/// The corrections of a claim, contract, vehicle or driver, oldest first.
pub(crate) fn revisions_of(
    conn: &Connection,
    entity: Entity,
    id: i64,
) -> Result<Vec<RevisionRow>, DbError> {
    query_vec(
        conn,
        "SELECT previous, reason, recorded_at FROM revisions WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
        params![entity.as_str(), id],
        |r| {
            Ok(RevisionRow {
                previous: r.get(0)?,
                reason: r.get(1)?,
                recorded_at: r.get(2)?,
            })
        },
    )
}

/// Checks that a vehicle or driver belongs to the contract.
fn belongs(
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

/// The SHA-256 (hex) chaining an exchange to the one before it. Each field is length-prefixed so
/// that no two different entries give the same text.
#[allow(clippy::too_many_arguments)]
fn exchange_hash(
    prev: Option<&str>,
    id: i64,
    claim_id: i64,
    party_id: Option<i64>,
    at: &str,
    channel: &str,
    direction: &str,
    summary: &str,
    recorded_at: &str,
) -> String {
    let mut h = Sha256::new();
    let party = party_id.map(|p| p.to_string()).unwrap_or_default();
    let (id, claim) = (id.to_string(), claim_id.to_string());
    for part in [
        prev.unwrap_or(""),
        &id,
        &claim,
        &party,
        at,
        channel,
        direction,
        summary,
        recorded_at,
    ] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

type ExchangeLine = (
    i64,
    i64,
    Option<i64>,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

const EXCHANGE_COLUMNS: &str =
    "id, claim_id, party_id, at, channel, direction, summary, recorded_at, prev_hash, hash";

fn exchange_line(r: &rusqlite::Row<'_>) -> rusqlite::Result<ExchangeLine> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
    ))
}

fn hash_of(prev: Option<&str>, l: &ExchangeLine) -> String {
    exchange_hash(prev, l.0, l.1, l.2, &l.3, &l.4, &l.5, &l.6, &l.7)
}

/// Gives every exchange without a hash (written before schema 3, or just inserted) its place in
/// the chain, in id order.
pub(crate) fn chain_pending(conn: &Connection) -> Result<usize, DbError> {
    let pending = query_vec(
        conn,
        &format!(
            "SELECT {EXCHANGE_COLUMNS} FROM claim_communications WHERE hash IS NULL ORDER BY id"
        ),
        [],
        exchange_line,
    )?;
    for l in &pending {
        let prev: Option<String> = conn
            .query_row(
                "SELECT hash FROM claim_communications WHERE id < ?1 ORDER BY id DESC LIMIT 1",
                [l.0],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        let hash = hash_of(prev.as_deref(), l);
        conn.execute(
            "UPDATE claim_communications SET prev_hash = ?2, hash = ?3 WHERE id = ?1",
            params![l.0, prev, hash],
        )?;
    }
    Ok(pending.len())
}

impl Store {
    /// Records an amount of a claim (append-only). Returns the claim's contract.
    pub(crate) fn add_claim_amount(
        &mut self,
        claim_id: i64,
        a: &AmountRow,
        now: &str,
    ) -> Result<i64, DbError> {
        let contract_id = self.claim_contract(claim_id)?;
        self.conn.execute(
            "INSERT INTO claim_amounts (claim_id, kind, amount_cents, on_date, note, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                claim_id,
                a.kind,
                a.amount_cents,
                iso(a.on_date),
                a.note,
                now
            ],
        )?;
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
        let tx = self.conn.transaction()?;
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
                            kind: r.get(3)?,
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
        let first_found: Option<String> = tx.query_row(
            "SELECT min(found_on) FROM claim_qualifications WHERE claim_id = ?1 AND id > (SELECT min(id) FROM claim_qualifications WHERE claim_id = ?1)",
            [claim_id],
            |r| r.get(0),
        )?;
        if let Some(f) = first_found {
            if date(f)? < new.occurred_on {
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
                new.kind,
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
        let tx = self.conn.transaction()?;
        let c = contract_tx(&tx, contract_id)?;
        if on < c.subscription_date {
            return Err(DbError::Invalid(
                "un avenant ne peut précéder la souscription".into(),
            ));
        }
        tx.execute(
            "INSERT INTO contract_events (contract_id, on_date, kind, details, recorded_at)
             VALUES (?1, ?2, 'avenant', ?3, ?4)",
            params![contract_id, iso(on), details, now],
        )?;
        for p in premiums {
            tx.execute(
                "INSERT INTO contract_premiums (contract_id, from_date, guarantee, amount_cents, modulated, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![contract_id, iso(on), p.guarantee, p.amount_cents, p.modulated, now],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Walks the exchange log and reports every entry whose hash no longer matches its content or
    /// whose link to the previous entry is broken (an entry edited, removed or inserted outside
    /// Courtier). Empty when the log is intact.
    pub(crate) fn verify_exchange_log(
        &self,
        anchor: Option<&ExchangeAnchor>,
    ) -> Result<Vec<String>, DbError> {
        let lines = query_vec(
            &self.conn,
            &format!("SELECT {EXCHANGE_COLUMNS} FROM claim_communications ORDER BY id"),
            [],
            exchange_line,
        )?;
        let mut problems = Vec::new();
        let mut prev: Option<String> = None;
        for l in &lines {
            if l.8 != prev {
                problems.push(format!(
                    "journal des échanges : le lien de l'échange n° {} vers le précédent est rompu (échange supprimé ou inséré)",
                    l.0
                ));
            }
            let expected = hash_of(l.8.as_deref(), l);
            if l.9.as_deref() != Some(expected.as_str()) {
                problems.push(format!(
                    "journal des échanges : l'échange n° {} a été modifié après son enregistrement",
                    l.0
                ));
            }
            prev = l.9.clone();
        }
        // The anchor kept outside the file: the log must still hold that many entries, the last
        // of them with that hash (entries removed from the end leave a valid shorter chain).
        if let Some(a) = anchor.filter(|a| a.count > 0) {
            let at = usize::try_from(a.count - 1).ok().and_then(|i| lines.get(i));
            match at {
                None => problems.push(format!(
                    "journal des échanges : {} échange(s) ont disparu de la fin du journal ({} attendus, {} présents)",
                    a.count - lines.len() as u64,
                    a.count,
                    lines.len()
                )),
                Some(l) if l.9.as_deref() != Some(a.head.as_str()) => problems.push(
                    "journal des échanges : il ne correspond plus à son ancre (échanges réécrits)".into(),
                ),
                Some(_) => {}
            }
        }
        Ok(problems)
    }

    /// The number of exchanges and the hash of the last one, to anchor the log outside the file.
    pub(crate) fn exchange_anchor(&self) -> Result<ExchangeAnchor, DbError> {
        let (count, head): (i64, Option<String>) = self.conn.query_row(
            "SELECT count(*), (SELECT hash FROM claim_communications ORDER BY id DESC LIMIT 1)
             FROM claim_communications",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(ExchangeAnchor {
            count: u64::try_from(count).unwrap_or(0),
            head: head.unwrap_or_default(),
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::{OpenMode, Store, MIGRATIONS};
    use courtier_vault::DbKey;

    /// A schema-2 file with a claim, its estimate and two exchanges, written as version 2 did.
    fn schema_two(path: &std::path::Path, key: &DbKey) {
        let s = Store::open_with(path, key, OpenMode::Create, &MIGRATIONS[..2]).unwrap();
        s.conn
            .execute_batch(
                "INSERT INTO clients (id, kind, last_name, status, sort_key, created_at, updated_at)
                     VALUES (1, 'person', 'Ancien', 'client', 'ancien', 'x', 'x');
                 INSERT INTO insurers (id, name, created_at) VALUES (1, 'A', 'x');
                 INSERT INTO contracts (id, client_id, insurer_id, number, product, subscription_date,
                     first_echeance, usage, start_coefficient, created_at, updated_at)
                     VALUES (1, 1, 1, 'N', 'auto', '2020-01-01', '2021-01-01', 'standard', 100, 'x', 'x');
                 INSERT INTO contract_events (contract_id, on_date, kind, status, recorded_at)
                     VALUES (1, '2020-01-01', 'status', 'en_cours', 'x');
                 INSERT INTO claims (id, contract_id, occurred_on, kind, estimated_cents, recorded_at)
                     VALUES (1, 1, '2024-05-02', 'accident', 125000, '2024-05-03T08:00:00Z');
                 INSERT INTO claim_communications (claim_id, at, channel, direction, summary, recorded_at)
                     VALUES (1, '2024-05-03', 'telephone', 'entrant', 'Appel du client', 'x'),
                            (1, '2024-05-04', 'email', 'sortant', 'Envoi du constat', 'x');",
            )
            .unwrap();
    }

    #[test]
    fn upgrade_chains_the_old_exchanges_and_keeps_the_estimate() {
        let dir = tempfile::tempdir().unwrap();
        let key = DbKey::generate();
        let path = dir.path().join("agence.courtier");
        schema_two(&path, &key);
        let s = Store::open(&path, &key, OpenMode::Existing).unwrap();
        assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as u32);
        assert!(s.verify_exchange_log(None).unwrap().is_empty());
        let amounts = super::amounts_of(&s.conn, 1).unwrap();
        assert_eq!(amounts.len(), 1);
        assert_eq!(
            (amounts[0].kind.as_str(), amounts[0].amount_cents),
            ("estimation", 125_000)
        );
        // Opening again does not rechain anything.
        drop(s);
        let s = Store::open(&path, &key, OpenMode::Existing).unwrap();
        assert_eq!(super::chain_pending(&s.conn).unwrap(), 0);
    }

    #[test]
    fn append_only_tables_refuse_edits_and_the_chain_shows_tampering() {
        let dir = tempfile::tempdir().unwrap();
        let key = DbKey::generate();
        let path = dir.path().join("agence.courtier");
        schema_two(&path, &key);
        let s = Store::open(&path, &key, OpenMode::Existing).unwrap();
        for sql in [
            "UPDATE claim_communications SET summary = 'autre' WHERE id = 1",
            "DELETE FROM claim_communications WHERE id = 1",
            "DELETE FROM claim_amounts",
            "UPDATE contract_events SET on_date = '2000-01-01'",
            "DELETE FROM claims",
            "DELETE FROM contracts",
        ] {
            let e = s.conn.execute_batch(sql).unwrap_err().to_string();
            assert!(
                e.contains("append-only") || e.contains("never deleted"),
                "{sql}: {e}"
            );
        }
        // Someone with the key drops the guard and edits an exchange, then removes another.
        s.conn
            .execute_batch(
                "DROP TRIGGER claim_communications_no_update;
                 DROP TRIGGER claim_communications_no_delete;
                 UPDATE claim_communications SET summary = 'Rien reçu' WHERE id = 1;",
            )
            .unwrap();
        let anchor = s.exchange_anchor().unwrap();
        assert_eq!(anchor.count, 2);
        let problems = s.verify_exchange_log(Some(&anchor)).unwrap();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("n° 1 a été modifié"));
        s.conn
            .execute_batch(
                "UPDATE claim_communications SET summary = 'Appel du client' WHERE id = 1;
                 DELETE FROM claim_communications WHERE id = 1;",
            )
            .unwrap();
        let problems = s.verify_exchange_log(None).unwrap();
        assert!(
            problems
                .iter()
                .any(|p| p.contains("n° 2") && p.contains("rompu")),
            "{problems:?}"
        );
        // Removing the last entries leaves a valid (shorter) chain: only the anchor tells.
        s.conn
            .execute_batch("DELETE FROM claim_communications WHERE id = 2;")
            .unwrap();
        assert!(s.verify_exchange_log(None).unwrap().is_empty());
        let problems = s.verify_exchange_log(Some(&anchor)).unwrap();
        assert!(
            problems[0].contains("2 échange(s) ont disparu"),
            "{problems:?}"
        );
    }
}
