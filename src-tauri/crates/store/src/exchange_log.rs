//! The hash-chained exchange log: each exchange about a claim carries the SHA-256 of the
//! previous entry's hash and its own content, so an entry edited or removed behind the
//! application's back breaks the chain; the anchor kept outside the file shows entries cut from its end.

use crate::prelude::*;
use crate::sql::query_vec;
use sha2::{Digest, Sha256};

/// The SHA-256 (hex) chaining an exchange to the one before it. Each field is length-prefixed so
/// that no two different entries give the same text.
#[allow(clippy::too_many_arguments)]
pub(crate) fn exchange_hash(
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

pub(crate) type ExchangeLine = (
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

pub(crate) const EXCHANGE_COLUMNS: &str =
    "id, claim_id, party_id, at, channel, direction, summary, recorded_at, prev_hash, hash";

pub(crate) fn exchange_line(r: &rusqlite::Row<'_>) -> rusqlite::Result<ExchangeLine> {
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

pub(crate) fn hash_of(prev: Option<&str>, l: &ExchangeLine) -> String {
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

/// Gives the exchange just inserted (`id`) its place in the chain, after the entry before it.
pub(crate) fn chain_new(conn: &Connection, id: i64) -> Result<(), DbError> {
    let l = conn.query_row(
        &format!("SELECT {EXCHANGE_COLUMNS} FROM claim_communications WHERE id = ?1"),
        [id],
        exchange_line,
    )?;
    let prev: Option<String> = conn
        .query_row(
            "SELECT hash FROM claim_communications WHERE id < ?1 ORDER BY id DESC LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    let hash = hash_of(prev.as_deref(), &l);
    conn.execute(
        "UPDATE claim_communications SET prev_hash = ?2, hash = ?3 WHERE id = ?1",
        params![id, prev, hash],
    )?;
    Ok(())
}

impl Store {
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
        assert_eq!(s.schema_version().unwrap(), crate::migrations::latest());
        assert!(s.verify_exchange_log(None).unwrap().is_empty());
        let amounts = crate::rows::amounts_of(&s.conn, 1).unwrap();
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

    /// A forged exchange inserted without a hash (no trigger dropped) is never given one: the
    /// next opening leaves it as it is and the log's check names it (it used to chain it, and
    /// the backdated letter then passed `courtier check`).
    #[test]
    fn an_exchange_inserted_without_a_hash_is_reported_not_chained() {
        let dir = tempfile::tempdir().unwrap();
        let key = DbKey::generate();
        let path = dir.path().join("agence.courtier");
        schema_two(&path, &key);
        let s = Store::open(&path, &key, OpenMode::Existing).unwrap();
        assert!(s.verify_exchange_log(None).unwrap().is_empty());
        s.conn
            .execute_batch(
                "INSERT INTO claim_communications (claim_id, at, channel, direction, summary, recorded_at)
                     VALUES (1, '2024-05-02', 'courrier', 'sortant', 'Lettre antidatée', 'x');",
            )
            .unwrap();
        drop(s);
        let s = Store::open(&path, &key, OpenMode::Existing).unwrap();
        let hash: Option<String> = s
            .conn
            .query_row(
                "SELECT hash FROM claim_communications WHERE summary = 'Lettre antidatée'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(hash, None, "the opening gave the forged entry a hash");
        let problems = s.verify_exchange_log(None).unwrap();
        assert!(problems.iter().any(|p| p.contains("n° 3")), "{problems:?}");
    }
}
