//! What `courtier check` verifies beyond SQLite's pages: the journal, the schema against what
//! the migrations create, the foreign keys, the coefficient history against the facts.

use crate::journal;
use crate::prelude::*;
use crate::recompute::{facts_tx, unpack_echeances};
use crate::sql::{iso, query_vec};
use crate::MIGRATIONS;
use std::collections::BTreeMap;

/// `(type, name)` → `(table, sql)` of a schema, SQLite's statistics left out (ANALYZE's, not
/// the migrations').
type Schema = BTreeMap<(String, String), (String, Option<String>)>;

fn schema_of(conn: &Connection) -> Result<Schema, DbError> {
    Ok(query_vec(
        conn,
        "SELECT type, name, tbl_name, sql FROM main.sqlite_master
         WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name",
        [],
        |r| Ok(((r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?))),
    )?
    .into_iter()
    .collect())
}

/// The schema the migrations of this build create, from an empty database in memory: the same
/// statements as on every file, so an upgraded file and a new one have the same text.
fn expected_schema() -> Result<Schema, DbError> {
    let mem = Connection::open_in_memory()?;
    for m in MIGRATIONS {
        mem.execute_batch(m.sql).map_err(|e| DbError::Migration {
            version: m.version,
            detail: e.to_string(),
        })?;
    }
    schema_of(&mem)
}

fn kind(t: &str) -> &'static str {
    match t {
        "table" => "la table",
        "index" => "l'index",
        "trigger" => "le déclencheur",
        "view" => "la vue",
        _ => "l'objet",
    }
}

impl Store {
    /// See [`courtier_port::AgencyFile::verify_journal`].
    pub(crate) fn verify_journal(
        &self,
        anchor: Option<&JournalHead>,
        against: Option<&str>,
    ) -> Result<JournalCheck, DbError> {
        if !self.journaled {
            return Err(DbError::Settings(
                "ce fichier n'a pas encore de journal".into(),
            ));
        }
        journal::verify(&self.conn, &self.chain_key, anchor, against)
    }

    pub(crate) fn journal_head(&self) -> Result<Option<JournalHead>, DbError> {
        if !self.journaled {
            return Ok(None);
        }
        Ok(self
            .conn
            .prepare_cached("SELECT act_id, hex(link) FROM journal ORDER BY act_id DESC LIMIT 1")?
            .query_row([], |r| {
                Ok(JournalHead {
                    act: r.get(0)?,
                    link: r.get::<_, String>(1)?.to_ascii_lowercase(),
                })
            })
            .optional()?)
    }

    pub(crate) fn journal_link(&self, act: i64) -> Result<Option<String>, DbError> {
        if !self.journaled {
            return Ok(None);
        }
        Ok(self
            .conn
            .prepare_cached("SELECT lower(hex(link)) FROM journal WHERE act_id = ?1")?
            .query_row([act], |r| r.get(0))
            .optional()?)
    }

    /// Every table, index, trigger and view the migrations create, with its exact SQL; and
    /// nothing else.
    pub(crate) fn verify_schema(&self) -> Result<SchemaCheck, DbError> {
        let expected = expected_schema()?;
        let found = schema_of(&self.conn)?;
        let mut problems = Vec::new();
        for ((t, name), (_, sql)) in &expected {
            match found.get(&(t.clone(), name.clone())) {
                None => problems.push(format!(
                    "schéma : {} « {name} » manque (supprimé hors de Courtier)",
                    kind(t)
                )),
                Some((_, s)) if s != sql => problems.push(format!(
                    "schéma : {} « {name} » n'est plus tel que les migrations l'ont créé",
                    kind(t)
                )),
                Some(_) => {}
            }
        }
        for (t, name) in found.keys().filter(|k| !expected.contains_key(*k)) {
            problems.push(format!(
                "schéma : {} « {name} » n'est créé par aucune migration (ajouté hors de Courtier)",
                kind(t)
            ));
        }
        Ok(SchemaCheck {
            objects: expected.len() as u64,
            problems,
        })
    }

    /// `PRAGMA foreign_key_check`: each row that refers to a missing one, by table and row.
    pub(crate) fn foreign_key_check(&self) -> Result<Vec<String>, DbError> {
        let rows = query_vec(&self.conn, "PRAGMA foreign_key_check", [], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        Ok(rows
            .into_iter()
            .map(|(table, row, parent)| match row {
                Some(id) => format!(
                    "clés étrangères : {table} [id {id}] renvoie à une ligne absente de {parent}"
                ),
                None => format!(
                    "clés étrangères : une ligne de {table} renvoie à une ligne absente de {parent}"
                ),
            })
            .collect())
    }

    /// Each contract's coefficient history recomputed from its facts: every échéance kept must
    /// have the coefficient the facts give, and every échéance the facts give up to the last
    /// recomputation (the day before it, the clock's day may be local) must be kept. Those passed
    /// since are not expected yet.
    pub(crate) fn verify_coefficients(
        &self,
        recompute: Recompute<'_>,
    ) -> Result<DerivedCheck, DbError> {
        let ids = query_vec(
            &self.conn,
            "SELECT id FROM contracts ORDER BY id",
            [],
            |r| r.get::<_, i64>(0),
        )?;
        let mut problems = Vec::new();
        let coef = |c: u32| format!("{},{:02}", c / 100, c % 100);
        for id in &ids {
            let facts = match facts_tx(&self.conn, *id) {
                Ok(f) => f,
                Err(e) => {
                    problems.push(format!(
                        "coefficients : contrat n° {id}, ses faits sont illisibles : {e}"
                    ));
                    continue;
                }
            };
            let expected = match recompute(&facts) {
                Ok(Derived {
                    echeances,
                    responsibilities,
                }) => {
                    problems.extend(self.responsibility_problems(*id, &responsibilities)?);
                    echeances
                }
                Err(e) => {
                    problems.push(format!(
                        "coefficients : contrat n° {id}, recalcul impossible : {}",
                        e.message
                    ));
                    continue;
                }
            };
            let blob: Option<Vec<u8>> = self
                .conn
                .prepare_cached("SELECT echeances FROM coefficient_history WHERE contract_id = ?1")?
                .query_row([id], |r| r.get(0))
                .optional()?;
            let kept = match blob.as_deref().map(unpack_echeances).transpose() {
                Ok(k) => k.unwrap_or_default(),
                Err(_) => {
                    problems.push(format!(
                        "coefficients : contrat n° {id}, l'historique enregistré est illisible"
                    ));
                    continue;
                }
            };
            let recomputed_on: Option<String> = self
                .conn
                .prepare_cached(
                    "SELECT substr(a.recorded_at, 1, 10) FROM contracts c JOIN acts a ON a.id = c.updated_act
                     WHERE c.id = ?1",
                )?
                .query_row([id], |r| r.get(0))
                .optional()?
                .flatten();
            let recomputed_on = recomputed_on
                .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
                .and_then(|d| d.pred_opt());
            let last = kept.last().map(|k| k.echeance).max(recomputed_on);
            for k in &kept {
                match expected.iter().find(|e| e.echeance == k.echeance) {
                    Some(e) if e.coefficient == k.coefficient => {}
                    Some(e) => problems.push(format!(
                        "coefficients : contrat n° {id}, échéance du {} : {} enregistré, {} recalculé depuis les faits",
                        iso(k.echeance),
                        coef(k.coefficient),
                        coef(e.coefficient)
                    )),
                    None => problems.push(format!(
                        "coefficients : contrat n° {id}, échéance du {} : {} enregistré, aucune échéance à cette date d'après les faits",
                        iso(k.echeance),
                        coef(k.coefficient)
                    )),
                }
            }
            for e in expected
                .iter()
                .filter(|e| last.is_some_and(|l| e.echeance <= l))
                .filter(|e| !kept.iter().any(|k| k.echeance == e.echeance))
            {
                problems.push(format!(
                    "coefficients : contrat n° {id}, échéance du {} absente de l'historique enregistré ({} d'après les faits)",
                    iso(e.echeance),
                    coef(e.coefficient)
                ));
            }
        }
        Ok(DerivedCheck {
            contracts: ids.len() as u64,
            problems,
        })
    }

    /// Each claim's responsibility kept on its row (migration 17) against the one the facts give.
    fn responsibility_problems(
        &self,
        contract_id: i64,
        expected: &[(i64, Responsibility)],
    ) -> Result<Vec<String>, DbError> {
        let kept = query_vec(
            &self.conn,
            "SELECT id, responsibility FROM claims WHERE contract_id = ?1 ORDER BY id",
            [contract_id],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?)),
        )?;
        let fr = |r: Responsibility| format!("« {} »", r.fr());
        Ok(kept
            .into_iter()
            .filter_map(|(claim, kept)| {
                let want = expected.iter().find(|(id, _)| *id == claim).map(|(_, r)| *r);
                let kept_r = kept.as_deref().and_then(Responsibility::parse);
                match (kept_r, want) {
                    (Some(k), Some(w)) if k == w => None,
                    (k, w) => Some(format!(
                        "responsabilité : sinistre n° {claim} du contrat n° {contract_id} : {} enregistrée, {} d'après les faits",
                        k.map_or_else(|| "aucune".to_string(), fr),
                        w.map_or_else(|| "aucune".to_string(), fr),
                    )),
                }
            })
            .collect())
    }
}
