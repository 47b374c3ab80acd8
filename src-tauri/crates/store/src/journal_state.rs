//! The state of the rows corrected in place (claims, vehicles, drivers, contracts) in the
//! journal. Each
//! act that writes such a row, creating or correcting it, seals the row's whole state as it
//! leaves the act; a correction also seals the state it replaced. So each row's current state
//! must be the one its last act sealed, and each earlier state the one the next act replaced:
//! a change behind Courtier's back is named with its row (for an act of at most
//! [`ROWS_LISTED`](super::ROWS_LISTED) rows; beyond, a batch's states are one sum per table).

use super::{hex, Entry, ROWS_LISTED};
use crate::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

/// A table whose rows are corrected in place: its integer key `id` and the columns of its state.
pub(crate) struct Stateful {
    pub(crate) table: &'static str,
    /// The column naming the act that created the row.
    pub(crate) act: &'static str,
    pub(crate) state: &'static [&'static str],
}

/// Every table corrected in place whose rows' state the journal holds.
pub(crate) const STATEFUL: &[Stateful] = &[
    Stateful {
        table: "vehicles",
        act: "act_id",
        state: &[
            "contract_id",
            "registration",
            "make",
            "model",
            "first_registration",
            "from_date",
            "to_date",
            "replaced_by",
            "transfer_note",
            "other_drivers",
        ],
    },
    Stateful {
        table: "drivers",
        act: "act_id",
        state: &[
            "contract_id",
            "client_id",
            "role",
            "last_name",
            "first_name",
            "birth_day",
            "licence_number",
            "licence_day",
            "aac",
            "from_day",
            "to_day",
        ],
    },
    Stateful {
        table: "claims",
        act: "act_id",
        state: &[
            "contract_id",
            "vehicle_id",
            "driver_id",
            "occurred_on",
            "declared_on",
            "kind",
            "place",
            "description",
            "insurer_reference",
            "estimated_cents",
        ],
    },
    // A contract's terms (its last recomputation, `updated_act`, is not part of its state).
    Stateful {
        table: "contracts",
        act: "created_act",
        state: &[
            "client_id",
            "insurer_id",
            "number",
            "product",
            "subscription_date",
            "first_echeance",
            "usage",
            "clause_applies",
            "start_coefficient",
            "start_periods_at_floor",
            "start_claim_free_streak",
        ],
    },
];

/// The manifest's name of a table's states.
fn entry_name(table: &str) -> String {
    format!("{table}#etat")
}

/// The connection's temporary triggers: rows inserted or updated, and the state each updated
/// row had before the transaction.
pub(crate) fn prepare(conn: &Connection) -> Result<(), DbError> {
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS journal_stated (
             tbl TEXT NOT NULL, k1 INTEGER NOT NULL, inserted INTEGER NOT NULL,
             PRIMARY KEY (tbl, k1)) WITHOUT ROWID;",
    )?;
    for s in STATEFUL {
        let t = s.table;
        conn.execute_batch(&format!(
            "CREATE TEMP TABLE IF NOT EXISTS journal_before_{t} AS SELECT * FROM main.{t} LIMIT 0;
             CREATE UNIQUE INDEX IF NOT EXISTS temp.journal_before_{t}_id ON journal_before_{t} (id);
             CREATE TEMP TRIGGER IF NOT EXISTS journal_stated_update_{t} BEFORE UPDATE OF {cols} ON main.{t}
             BEGIN
                 INSERT OR IGNORE INTO journal_before_{t} SELECT * FROM main.{t} WHERE id = OLD.id
                     AND NOT EXISTS (SELECT 1 FROM journal_written WHERE tbl = '{t}' AND k1 = OLD.id)
                     AND NOT EXISTS (SELECT 1 FROM journal_stated WHERE tbl = '{t}' AND k1 = OLD.id AND inserted = 1);
                 INSERT OR IGNORE INTO journal_stated (tbl, k1, inserted) VALUES ('{t}', OLD.id, 0);
             END;",
            cols = s.state.join(", ")
        ))?;
        // The rows a chained table's trigger already records need no second one.
        if !super::CHAINED.iter().any(|c| c.table == t) {
            conn.execute_batch(&format!(
                "CREATE TEMP TRIGGER IF NOT EXISTS journal_stated_insert_{t} AFTER INSERT ON main.{t}
                 BEGIN INSERT OR IGNORE INTO journal_stated (tbl, k1, inserted) VALUES ('{t}', NEW.id, 1); END;"
            ))?;
        }
    }
    Ok(())
}

fn select(s: &Stateful, from: &str) -> String {
    let cols: Vec<String> = s.state.iter().map(|c| format!("t.{c}")).collect();
    format!("SELECT t.id, t.{}, {} FROM {from}", s.act, cols.join(", "))
}

/// A row's id, its act and the digest of its state.
fn digest(s: &Stateful, r: &Row<'_>) -> rusqlite::Result<(i64, Option<i64>, [u8; 16])> {
    use rusqlite::types::ValueRef;
    let mut h = Sha256::new();
    h.update(b"etat");
    h.update((s.table.len() as u64).to_be_bytes());
    h.update(s.table.as_bytes());
    let id: i64 = r.get(0)?;
    h.update(id.to_be_bytes());
    for i in 0..s.state.len() {
        let (tag, bytes): (u8, Vec<u8>) = match r.get_ref(i + 2)? {
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
    let mut d = [0u8; 16];
    d.copy_from_slice(&h.finalize()[..16]);
    Ok((id, r.get(1)?, d))
}

fn sum(ds: impl Iterator<Item = [u8; 16]>) -> String {
    let s = ds.fold(0u128, |a, d| a.wrapping_add(u128::from_be_bytes(d)));
    hex(&s.to_be_bytes())
}

fn entry(table: &str, rows: &BTreeMap<i64, [u8; 16]>, prev: &BTreeMap<i64, [u8; 16]>) -> Entry {
    Entry {
        t: entry_name(table),
        n: rows.len(),
        d: sum(rows.values().copied()),
        r: if rows.len() <= ROWS_LISTED {
            rows.iter().map(|(k, d)| (k.to_string(), hex(d))).collect()
        } else {
            Vec::new()
        },
        p: prev.iter().map(|(k, d)| (k.to_string(), hex(d))).collect(),
    }
}

/// The state entries of the transaction under way: the rows it inserted or updated, as they
/// are now, and the state each updated one had before. Then forgets them.
pub(crate) fn sealed_in_tx(tx: &Connection) -> Result<Vec<Entry>, DbError> {
    let mut out = Vec::new();
    for s in STATEFUL {
        // Driven by the rows written (CROSS JOIN keeps that order): never a scan of the table.
        let mut st = tx.prepare_cached(&format!(
            "{} ORDER BY w.k1",
            select(
                s,
                &format!(
                    "(SELECT k1 FROM temp.journal_stated WHERE tbl = ?1
                      UNION SELECT k1 FROM temp.journal_written WHERE tbl = ?1) w
                     CROSS JOIN main.{} t ON t.id = w.k1",
                    s.table
                )
            )
        ))?;
        let rows: BTreeMap<i64, [u8; 16]> = st
            .query_map([s.table], |r| digest(s, r).map(|(id, _, d)| (id, d)))?
            .collect::<Result<_, _>>()?;
        let mut st = tx.prepare_cached(&format!(
            "{} ORDER BY t.id",
            select(s, &format!("temp.journal_before_{} t", s.table))
        ))?;
        let prev: BTreeMap<i64, [u8; 16]> = st
            .query_map([], |r| digest(s, r).map(|(id, _, d)| (id, d)))?
            .collect::<Result<_, _>>()?;
        if !rows.is_empty() {
            out.push(entry(s.table, &rows, &prev));
        }
        tx.execute_batch(&format!("DELETE FROM temp.journal_before_{};", s.table))?;
    }
    tx.execute_batch("DELETE FROM temp.journal_stated;")?;
    Ok(out)
}

/// A table's rows now: id → (act, digest of its state).
type States = BTreeMap<i64, (Option<i64>, [u8; 16])>;

/// Every stateful row now, by table.
fn current(conn: &Connection) -> Result<Vec<States>, DbError> {
    STATEFUL
        .iter()
        .map(|s| {
            let mut st = conn.prepare(&format!(
                "{} ORDER BY t.id",
                select(s, &format!("main.{} t", s.table))
            ))?;
            let rows = st
                .query_map([], |r| digest(s, r).map(|(id, act, d)| (id, (act, d))))?
                .collect::<Result<_, _>>()?;
            Ok(rows)
        })
        .collect()
}

/// The state entries the upgrade seals: each act states the rows it created, as they are.
pub(crate) fn existing(conn: &Connection) -> Result<BTreeMap<i64, Vec<Entry>>, DbError> {
    let mut out: BTreeMap<i64, Vec<Entry>> = BTreeMap::new();
    for (s, rows) in STATEFUL.iter().zip(current(conn)?) {
        let mut by_act: BTreeMap<i64, BTreeMap<i64, [u8; 16]>> = BTreeMap::new();
        for (id, (act, d)) in rows {
            if let Some(a) = act {
                by_act.entry(a).or_default().insert(id, d);
            }
        }
        for (act, rows) in by_act {
            out.entry(act)
                .or_default()
                .push(entry(s.table, &rows, &BTreeMap::new()));
        }
    }
    Ok(out)
}

/// Each act's sealed states against what the rows give: the current state for a row's last
/// act, the state the next act replaced for the earlier ones.
pub(crate) fn verify(
    conn: &Connection,
    manifests: &[(i64, String, Vec<Entry>)],
    out: &mut Vec<String>,
) -> Result<(), DbError> {
    for (s, now) in STATEFUL.iter().zip(current(conn)?) {
        let name = entry_name(s.table);
        let parse = |d: &str| -> Option<[u8; 16]> {
            let b: Vec<u8> = (0..d.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(d.get(i..i + 2)?, 16).ok())
                .collect::<Option<_>>()?;
            b.try_into().ok()
        };
        // Which acts stated each row: the one that created it, and each that replaced a state.
        let mut stated: BTreeMap<i64, BTreeSet<i64>> = BTreeMap::new();
        let mut replaced: BTreeMap<(i64, i64), Option<[u8; 16]>> = BTreeMap::new();
        for (id, (act, _)) in &now {
            if let Some(a) = act {
                stated.entry(*a).or_default().insert(*id);
            }
        }
        for (act, _, entries) in manifests {
            for e in entries.iter().filter(|e| e.t == name) {
                for (k, d) in &e.p {
                    if let Ok(id) = k.parse::<i64>() {
                        stated.entry(*act).or_default().insert(id);
                        replaced.insert((id, *act), parse(d));
                    }
                }
            }
        }
        // The state of row `id` as act `act` left it.
        let at = |id: i64, act: i64| -> Option<[u8; 16]> {
            let next = stated
                .range(act + 1..)
                .find(|(_, ids)| ids.contains(&id))
                .map(|(a, _)| *a);
            match next {
                Some(n) => replaced.get(&(id, n)).copied().flatten(),
                None => now.get(&id).map(|(_, d)| *d),
            }
        };
        let ats: BTreeMap<i64, &str> = manifests.iter().map(|(a, t, _)| (*a, t.as_str())).collect();
        let acts: BTreeSet<i64> = stated
            .keys()
            .copied()
            .chain(
                manifests
                    .iter()
                    .filter(|(_, _, es)| es.iter().any(|e| e.t == name))
                    .map(|(a, _, _)| *a),
            )
            .collect();
        for act in acts {
            let Some(recorded_at) = ats.get(&act) else {
                continue; // an act without a link: reported with its rows by the walk
            };
            let sealed = manifests
                .iter()
                .find(|(a, _, _)| *a == act)
                .and_then(|(_, _, es)| es.iter().find(|e| e.t == name));
            let rows: BTreeMap<i64, Option<[u8; 16]>> = stated
                .get(&act)
                .map(|ids| ids.iter().map(|id| (*id, at(*id, act))).collect())
                .unwrap_or_default();
            let (n, d) = sealed.map_or((0, String::new()), |e| (e.n, e.d.clone()));
            let complete: Option<Vec<[u8; 16]>> = rows.values().copied().collect();
            if rows.len() == n && complete.is_some_and(|c| sum(c.into_iter()) == d) {
                continue;
            }
            let when = format!("acte n° {act} du {recorded_at}");
            let label = |id: &i64| format!("{} [id {id}]", s.table);
            match sealed.filter(|e| e.r.len() == e.n) {
                Some(e) => {
                    let before: BTreeMap<i64, Option<[u8; 16]>> = e
                        .r
                        .iter()
                        .filter_map(|(k, d)| Some((k.parse().ok()?, parse(d))))
                        .collect();
                    for (id, d) in &before {
                        match rows.get(id) {
                            None => out.push(format!("journal : {} a été supprimée ({when})", label(id))),
                            Some(_) if !now.contains_key(id) => out.push(format!(
                                "journal : {} a été supprimée ({when})",
                                label(id)
                            )),
                            Some(now) if now != d => out.push(format!(
                                "journal : {} a été modifiée hors de Courtier (état scellé par l'{when})",
                                label(id)
                            )),
                            Some(_) => {}
                        }
                    }
                    for id in rows.keys().filter(|id| !before.contains_key(*id)) {
                        out.push(format!(
                            "journal : {} a été ajoutée à l'{when} après son scellement",
                            label(id)
                        ));
                    }
                }
                None if n == 0 => {
                    for id in rows.keys() {
                        out.push(format!(
                            "journal : {} a été ajoutée à l'{when} après son scellement",
                            label(id)
                        ));
                    }
                }
                None => out.push(format!(
                    "journal : {} : l'état des {n} ligne(s) scellé par l'{when} ne correspond plus ({} présentes)",
                    s.table,
                    rows.len()
                )),
            }
        }
    }
    Ok(())
}
