//! The journal: one hash chain over every act (one write transaction), so that no append-only
//! fact can be added, changed or removed behind Courtier's back without `courtier check`
//! naming it.
//!
//! Each act's link is the keyed hash (HMAC-SHA-256, under a key derived from the agency key) of
//! the previous link, the act's id and time, and its **manifest**: for every table of
//! [`CHAINED`] in that order, how many rows the act wrote there and the digest of their
//! canonical serialisation (with each row's own digest when the act wrote few, so that a
//! changed row is named). The link is written in the act's own transaction, by
//! [`WriteTx::commit`], and never later: the only chain built after the fact is the one the
//! upgrade to the journal's schema builds over the acts already in the file
//! ([`chain_existing`]). Verification ([`verify`]) recomputes every manifest from the rows and
//! every link from the key: it reports, never repairs.
//!
//! Someone without the key cannot recompute a link (a plain SHA-256 chain fails). Someone with
//! the key can: what they cannot change is a head already copied outside the file (the anchor,
//! a printed « empreinte du journal »), which `check --against` compares.

use crate::prelude::*;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use zeroize::Zeroizing;

/// One table of append-only facts in the journal.
pub(crate) struct Chained {
    pub(crate) table: &'static str,
    /// Its primary key, integer columns in order: rows are digested in this order, and named by
    /// it in reports.
    pub(crate) key: &'static [&'static str],
    /// What the journal holds of each row besides its key: columns of `t` (the table), or SQL
    /// expressions in parentheses (a code's meaning rather than its number).
    pub(crate) content: &'static [&'static str],
}

pub(crate) use chained::CHAINED;

/// A manifest lists each row's digest when its act wrote at most this many rows in a table.
const ROWS_LISTED: usize = 32;
/// Rows kept in memory per act and table to name what changed (beyond, a count is reported).
const ROWS_KEPT: usize = 1000;
/// What the HMAC of each link starts with (the version of this construction).
const LINK_DOMAIN: &[u8] = b"courtier-journal-1";

/// The key of the journal's links, derived from the agency key.
pub(crate) type ChainKey = Zeroizing<[u8; 32]>;

pub(crate) fn chain_key(key: &courtier_vault::DbKey) -> ChainKey {
    key.derive("courtier journal v1")
}

/// A write transaction that seals its acts in the journal when it commits.
pub(crate) struct WriteTx<'a> {
    pub(crate) tx: Transaction<'a>,
    pub(crate) key: &'a ChainKey,
    pub(crate) journaled: bool,
}

impl<'a> std::ops::Deref for WriteTx<'a> {
    type Target = Transaction<'a>;
    fn deref(&self) -> &Transaction<'a> {
        &self.tx
    }
}

impl WriteTx<'_> {
    /// Writes the link of every act of this transaction, then commits: facts and links
    /// together or not at all.
    pub(crate) fn commit(self) -> Result<(), DbError> {
        if self.journaled {
            seal(&self.tx, self.key)?;
        }
        self.tx.commit()?;
        Ok(())
    }
}

/// The connection's own bookkeeping (temporary, never in the file): the acts of the transaction
/// under way, and the fact rows it inserted (kept by temporary triggers, so that no write path
/// can forget one).
pub(crate) fn prepare_connection(conn: &Connection, journaled: bool) -> Result<(), DbError> {
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS journal_unsealed (act_id INTEGER PRIMARY KEY);
         CREATE TEMP TABLE IF NOT EXISTS journal_written (
             tbl TEXT NOT NULL, k1 INTEGER NOT NULL, k2 INTEGER NOT NULL,
             PRIMARY KEY (tbl, k1, k2)) WITHOUT ROWID;",
    )?;
    if !journaled {
        return Ok(());
    }
    state::prepare(conn)?;
    for c in CHAINED {
        let k2 = c.key.get(1).map_or("0".to_string(), |k| format!("NEW.{k}"));
        conn.execute_batch(&format!(
            "CREATE TEMP TRIGGER IF NOT EXISTS journal_written_{t} AFTER INSERT ON main.{t}
             BEGIN INSERT OR IGNORE INTO journal_written (tbl, k1, k2) VALUES ('{t}', NEW.{k1}, {k2}); END;",
            t = c.table,
            k1 = c.key[0],
        ))?;
    }
    Ok(())
}

/// The act of the transaction under way recorded at `recorded_at`: made on first use, and
/// listed for sealing at commit.
pub(crate) fn act(conn: &Connection, recorded_at: &str) -> Result<i64, DbError> {
    let open: Option<i64> = conn
        .prepare_cached(
            "SELECT a.id FROM temp.journal_unsealed u JOIN main.acts a ON a.id = u.act_id
             WHERE a.recorded_at = ?1",
        )?
        .query_row([recorded_at], |r| r.get(0))
        .optional()?;
    if let Some(id) = open {
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO main.acts (recorded_at) VALUES (?1)")?
        .execute([recorded_at])?;
    let id = conn.last_insert_rowid();
    conn.prepare_cached("INSERT INTO temp.journal_unsealed (act_id) VALUES (?1)")?
        .execute([id])?;
    Ok(id)
}

/// One act's rows in one table, as they are digested.
#[derive(Default)]
struct TableAcc {
    n: usize,
    h: Sha256,
    rows: Vec<(String, [u8; 16])>,
}

impl TableAcc {
    fn add(&mut self, key: String, digest: [u8; 16]) {
        self.n += 1;
        self.h.update(digest);
        if self.rows.len() < ROWS_KEPT {
            self.rows.push((key, digest));
        }
    }
}

/// The manifest's entry for one table: how many rows, their digest, and each row's when few.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Entry {
    t: String,
    n: usize,
    d: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    r: Vec<(String, String)>,
    /// For a table's states (`journal_state.rs`): the state each row corrected by the act had.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    p: Vec<(String, String)>,
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|b| format!("{b:02x}")).collect()
}

fn column(c: &str) -> String {
    if c.starts_with('(') {
        c.to_string()
    } else {
        format!("t.{c}")
    }
}

/// `SELECT t.act_id, <key>, <content> FROM <table> t` (the caller adds the rest).
fn select_rows(c: &Chained) -> String {
    let cols: Vec<String> = c.key.iter().chain(c.content).map(|k| column(k)).collect();
    format!(
        "SELECT t.act_id, {} FROM main.{} t",
        cols.join(", "),
        c.table
    )
}

/// A row's act, its key (`3/2`) and its digest: the table, then every value typed and
/// length-prefixed, so no two different rows serialise alike.
fn digest_row(c: &Chained, r: &Row<'_>) -> rusqlite::Result<(Option<i64>, String, [u8; 16])> {
    use rusqlite::types::ValueRef;
    let act: Option<i64> = r.get(0)?;
    let mut h = Sha256::new();
    h.update((c.table.len() as u64).to_be_bytes());
    h.update(c.table.as_bytes());
    let mut key = Vec::new();
    for i in 0..c.key.len() + c.content.len() {
        let v = r.get_ref(i + 1)?;
        if i < c.key.len() {
            key.push(match v {
                ValueRef::Integer(n) => n.to_string(),
                _ => "?".into(),
            });
        }
        let (tag, bytes): (u8, Vec<u8>) = match v {
            ValueRef::Null => (0, Vec::new()),
            ValueRef::Integer(n) => (1, n.to_be_bytes().to_vec()),
            ValueRef::Real(f) => (2, f.to_be_bytes().to_vec()),
            ValueRef::Text(t) => (3, t.to_vec()),
            ValueRef::Blob(b) => (4, b.to_vec()),
        };
        h.update([tag]);
        h.update((bytes.len() as u64).to_be_bytes());
        h.update(&bytes);
    }
    let full = h.finalize();
    let mut d = [0u8; 16];
    d.copy_from_slice(&full[..16]);
    Ok((act, key.join("/"), d))
}

/// The manifest of one act from its tables' accumulators, in [`CHAINED`] order, each row listed
/// when a table has at most `listed` (the manifest sealed lists [`ROWS_LISTED`]; a check keeps
/// more, to name what changed).
fn manifest(accs: Vec<(usize, TableAcc)>, listed: usize) -> Vec<Entry> {
    accs.into_iter()
        .filter(|(_, a)| a.n > 0)
        .map(|(i, a)| {
            let r = if a.n <= listed {
                a.rows.iter().map(|(k, d)| (k.clone(), hex(d))).collect()
            } else {
                Vec::new()
            };
            Entry {
                t: CHAINED[i].table.to_string(),
                n: a.n,
                d: hex(&a.h.finalize()),
                r,
                p: Vec::new(),
            }
        })
        .collect()
}

fn manifest_text(m: &[Entry]) -> Result<String, DbError> {
    serde_json::to_string(m).map_err(|e| DbError::Invalid(format!("manifeste du journal : {e}")))
}

/// The link of act `act` recorded at `at` with `manifest`, after `prev` (none for the first).
pub(crate) fn link_of(
    key: &[u8; 32],
    prev: Option<&[u8]>,
    act: i64,
    at: &str,
    manifest: &str,
) -> Vec<u8> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
    mac.update(LINK_DOMAIN);
    mac.update(prev.unwrap_or(&[0u8; 32]));
    mac.update(&act.to_be_bytes());
    for part in [at.as_bytes(), manifest.as_bytes()] {
        mac.update(&(part.len() as u64).to_be_bytes());
        mac.update(part);
    }
    mac.finalize().into_bytes().to_vec()
}

fn last_link(conn: &Connection) -> Result<Option<(i64, Vec<u8>)>, DbError> {
    Ok(conn
        .prepare_cached("SELECT act_id, link FROM journal ORDER BY act_id DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// Appends the links of the acts in `acts` (in id order), each after the journal's last one.
fn append_links(
    conn: &Connection,
    key: &ChainKey,
    acts: &[(i64, String)],
    mut accs: BTreeMap<i64, Vec<(usize, TableAcc)>>,
    mut states: BTreeMap<i64, Vec<Entry>>,
) -> Result<(), DbError> {
    let mut prev = last_link(conn)?;
    for (id, at) in acts {
        if let Some((p, _)) = &prev {
            if p >= id {
                return Err(DbError::Invalid(format!(
                    "journal : l'acte n° {id} viendrait après l'acte n° {p} déjà scellé"
                )));
            }
        }
        let mut entries = manifest(accs.remove(id).unwrap_or_default(), ROWS_LISTED);
        entries.extend(states.remove(id).unwrap_or_default());
        let m = manifest_text(&entries)?;
        let link = link_of(key, prev.as_ref().map(|(_, l)| l.as_slice()), *id, at, &m);
        conn.prepare_cached("INSERT INTO journal (act_id, manifest, link) VALUES (?1, ?2, ?3)")?
            .execute(params![id, m, link])?;
        prev = Some((*id, link));
    }
    Ok(())
}

fn acc_for(
    accs: &mut BTreeMap<i64, Vec<(usize, TableAcc)>>,
    act: i64,
    table: usize,
) -> &mut TableAcc {
    let v = accs.entry(act).or_default();
    if v.last().map(|(i, _)| *i) != Some(table) {
        v.push((table, TableAcc::default()));
    }
    let last = v.len() - 1;
    &mut v[last].1
}

/// Seals the acts of the transaction under way: their links, from the rows it inserted.
fn seal(tx: &Connection, key: &ChainKey) -> Result<(), DbError> {
    let acts: Vec<(i64, String)> = crate::sql::query_vec(
        tx,
        "SELECT u.act_id, a.recorded_at FROM temp.journal_unsealed u JOIN main.acts a ON a.id = u.act_id ORDER BY u.act_id",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut accs: BTreeMap<i64, Vec<(usize, TableAcc)>> = BTreeMap::new();
    for (i, c) in CHAINED.iter().enumerate() {
        let on = match c.key {
            [k1] => format!("t.{k1} = w.k1"),
            [k1, k2, ..] => format!("t.{k1} = w.k1 AND t.{k2} = w.k2"),
            [] => continue,
        };
        // Driven by the rows written (CROSS JOIN keeps that order): never a scan of the table.
        let sql = format!(
            "{} WHERE w.tbl = ?1 ORDER BY w.k1, w.k2",
            select_rows(c).replacen(
                &format!("FROM main.{} t", c.table),
                &format!(
                    "FROM temp.journal_written w CROSS JOIN main.{} t ON {on}",
                    c.table
                ),
                1
            )
        );
        let mut st = tx.prepare_cached(&sql)?;
        let mut rows = st.query([c.table])?;
        while let Some(r) = rows.next()? {
            let (act, k, d) = digest_row(c, r)?;
            let act = act
                .filter(|a| acts.iter().any(|(id, _)| id == a))
                .ok_or_else(|| {
                    DbError::Invalid(format!(
                        "journal : la ligne {k} de {} n'appartient à aucun acte de cette écriture",
                        c.table
                    ))
                })?;
            acc_for(&mut accs, act, i).add(k, d);
        }
    }
    // The states of the rows corrected in place go to the transaction's last act.
    let mut states = BTreeMap::new();
    let stated = state::sealed_in_tx(tx)?;
    if !stated.is_empty() {
        let (last, _) = acts.last().ok_or_else(|| {
            DbError::Invalid("journal : une ligne corrigée sans acte qui l'enregistre".into())
        })?;
        states.insert(*last, stated);
    }
    append_links(tx, key, &acts, accs, states)?;
    tx.execute_batch("DELETE FROM temp.journal_unsealed; DELETE FROM temp.journal_written;")?;
    Ok(())
}

/// Every chained row of the file, by act; and the rows that name no act of the file.
struct Scan {
    accs: BTreeMap<i64, Vec<(usize, TableAcc)>>,
    facts: u64,
    orphans: Vec<String>,
}

fn scan(conn: &Connection) -> Result<Scan, DbError> {
    let acts: std::collections::HashSet<i64> =
        crate::sql::query_vec(conn, "SELECT id FROM acts", [], |r| r.get(0))?
            .into_iter()
            .collect();
    let mut out = Scan {
        accs: BTreeMap::new(),
        facts: 0,
        orphans: Vec::new(),
    };
    for (i, c) in CHAINED.iter().enumerate() {
        let order: Vec<String> = c.key.iter().map(|k| format!("t.{k}")).collect();
        let sql = format!("{} ORDER BY {}", select_rows(c), order.join(", "));
        let mut st = conn.prepare(&sql)?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let (act, k, d) = digest_row(c, r)?;
            out.facts += 1;
            match act.filter(|a| acts.contains(a)) {
                Some(a) => acc_for(&mut out.accs, a, i).add(k, d),
                None => out.orphans.push(format!(
                    "journal : {} ne renvoie à aucun acte enregistré (ligne écrite hors de Courtier)",
                    label(c.table, &k)
                )),
            }
        }
    }
    Ok(out)
}

/// Chains the acts already in the file, once, in id order: the upgrade to the journal's schema.
pub(crate) fn chain_existing(conn: &Connection, key: &ChainKey) -> Result<u64, DbError> {
    let s = scan(conn)?;
    let acts: Vec<(i64, String)> = crate::sql::query_vec(
        conn,
        "SELECT id, recorded_at FROM acts WHERE id NOT IN (SELECT act_id FROM journal) ORDER BY id",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let states = state::existing(conn)?;
    append_links(conn, key, &acts, s.accs, states)?;
    Ok(acts.len() as u64)
}

/// `claim_amounts [claim_id 3, seq 2]`: a row named by its table and key.
fn label(table: &str, key: &str) -> String {
    let names = CHAINED
        .iter()
        .find(|c| c.table == table)
        .map_or(&[][..], |c| c.key);
    let parts: Vec<String> = names
        .iter()
        .zip(key.split('/'))
        .map(|(n, v)| format!("{n} {v}"))
        .collect();
    format!("{table} [{}]", parts.join(", "))
}

/// What someone holding the agency key could do to the journal, for the tamper suite: never
/// built into the product (feature `tamper-kit`).
#[cfg(feature = "tamper-kit")]
pub mod tamper_kit {
    /// Drops the journal's guards and recomputes every link from the rows as they are now, with
    /// the key: the chain then holds, and only a head copied outside the file contradicts it.
    pub fn rechain_with_key(
        conn: &rusqlite::Connection,
        key: &courtier_vault::DbKey,
    ) -> Result<u64, courtier_port::StoreError> {
        let run = || -> Result<u64, crate::DbError> {
            // The guard goes, then comes back exactly as it was (the schema check sees nothing).
            let guard: String = conn.query_row(
                "SELECT sql FROM sqlite_master WHERE name = 'journal_no_delete'",
                [],
                |r| r.get(0),
            )?;
            conn.execute_batch("DROP TRIGGER journal_no_delete; DELETE FROM journal;")?;
            let n = super::chain_existing(conn, &super::chain_key(key))?;
            conn.execute_batch(&guard)?;
            Ok(n)
        };
        Ok(run()?)
    }
}

pub(crate) use verify::verify;

#[path = "journal_state.rs"]
mod state;

#[path = "journal_verify.rs"]
mod verify;

#[path = "journal_chained.rs"]
mod chained;
