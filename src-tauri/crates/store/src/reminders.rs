//! Reminders (`reminders`), their events (`reminder_events`) and the lead times
//! (`reminder_settings`): append-only, in the journal. Firing is exactly once per due time: the
//! write transaction is `BEGIN IMMEDIATE` (one writer at a time across connections) and re-reads
//! what was fired under that lock, and the unique index `reminder_fired_once` refuses a second
//! row for the same occurrence whatever the code does.

use crate::prelude::*;
use crate::sql::{act, date, iso, query_vec};
use std::collections::HashMap;

const SELECT: &str = "SELECT r.id, r.client_id, r.contract_id, r.claim_id, r.deadline_kind,
        r.deadline_date, r.rule, r.lead_days, r.due_at, r.title, r.note,
        (SELECT recorded_at FROM acts WHERE acts.id = r.act_id)
     FROM reminders r";

/// « Not done nor dismissed ».
const OPEN: &str = "NOT EXISTS (SELECT 1 FROM reminder_events e
        WHERE e.reminder_id = r.id AND e.kind IN ('done', 'dismissed'))";

fn from_row(r: &Row<'_>) -> rusqlite::Result<ReminderRow> {
    let kind: Option<String> = r.get(4)?;
    let automatic = match kind {
        Some(deadline_kind) => Some(AutoKey {
            deadline_kind,
            deadline_date: date(r.get(5)?)?,
            rule: r.get(6)?,
            lead_days: r.get(7)?,
        }),
        None => None,
    };
    Ok(ReminderRow {
        id: r.get(0)?,
        client_id: r.get(1)?,
        contract_id: r.get(2)?,
        claim_id: r.get(3)?,
        automatic,
        due_at: r.get(8)?,
        title: r.get(9)?,
        note: r.get(10)?,
        recorded_at: r.get(11)?,
        events: Vec::new(),
    })
}

fn insert(tx: &Connection, r: &NewReminder, act_id: i64) -> Result<i64, DbError> {
    let a = r.automatic.as_ref();
    tx.prepare_cached(
        "INSERT INTO reminders (origin, client_id, contract_id, claim_id, deadline_kind,
            deadline_date, rule, lead_days, due_at, title, note, act_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        if a.is_some() { "auto" } else { "manual" },
        r.client_id,
        r.contract_id,
        r.claim_id,
        a.map(|k| k.deadline_kind.as_str()),
        a.map(|k| iso(k.deadline_date)),
        a.map(|k| k.rule.as_str()),
        a.map(|k| k.lead_days),
        r.due_at,
        r.title,
        r.note,
        act_id,
    ])?;
    Ok(tx.last_insert_rowid())
}

fn exists(conn: &Connection, table: &str, id: i64) -> Result<bool, DbError> {
    Ok(conn
        .query_row(
            &format!("SELECT 1 FROM {table} WHERE id = ?1"),
            [id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// The events of `rows`, attached in order.
fn with_events(conn: &Connection, mut rows: Vec<ReminderRow>) -> Result<Vec<ReminderRow>, DbError> {
    if rows.is_empty() {
        return Ok(rows);
    }
    let ids: Vec<String> = rows.iter().map(|r| r.id.to_string()).collect();
    let sql = format!(
        "SELECT e.reminder_id, e.seq, e.kind, e.occurrence, e.broker,
            (SELECT recorded_at FROM acts WHERE acts.id = e.act_id)
         FROM reminder_events e WHERE e.reminder_id IN ({}) ORDER BY e.reminder_id, e.seq",
        ids.join(",")
    );
    let mut st = conn.prepare(&sql)?;
    let mut by_id: HashMap<i64, Vec<ReminderEventRow>> = HashMap::new();
    let events = st.query_map([], |r| {
        let code: String = r.get(2)?;
        let kind = ReminderEventKind::parse(&code).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                2,
                rusqlite::types::Type::Text,
                format!("événement de rappel inconnu : {code}").into(),
            )
        })?;
        Ok((
            r.get::<_, i64>(0)?,
            ReminderEventRow {
                seq: r.get(1)?,
                kind,
                occurrence: r.get(3)?,
                broker: r.get(4)?,
                recorded_at: r.get(5)?,
            },
        ))
    })?;
    for e in events {
        let (id, e) = e?;
        by_id.entry(id).or_default().push(e);
    }
    for r in &mut rows {
        r.events = by_id.remove(&r.id).unwrap_or_default();
    }
    Ok(rows)
}

fn next_seq(conn: &Connection, id: i64) -> Result<i64, DbError> {
    Ok(conn
        .prepare_cached(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM reminder_events WHERE reminder_id = ?1",
        )?
        .query_row([id], |r| r.get(0))?)
}

fn is_closed(conn: &Connection, id: i64) -> Result<bool, DbError> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM reminder_events WHERE reminder_id = ?1 AND kind IN ('done', 'dismissed')",
        )?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

fn insert_event(
    conn: &Connection,
    id: i64,
    kind: ReminderEventKind,
    occurrence: Option<&str>,
    broker: &str,
    act_id: i64,
) -> Result<(), DbError> {
    let seq = next_seq(conn, id)?;
    conn.prepare_cached(
        "INSERT INTO reminder_events (reminder_id, seq, kind, occurrence, broker, act_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![id, seq, kind.code(), occurrence, broker, act_id])?;
    Ok(())
}

impl Store {
    pub(crate) fn insert_reminder(&mut self, r: &NewReminder, now: &str) -> Result<i64, DbError> {
        for (table, entity, id) in [
            ("clients", "Client", r.client_id),
            ("contracts", "Contrat", r.contract_id),
            ("claims", "Sinistre", r.claim_id),
        ] {
            if let Some(id) = id {
                if !exists(&self.conn, table, id)? {
                    return Err(DbError::Missing { entity, id });
                }
            }
        }
        let tx = self.write_tx()?;
        let act = act(&tx, now)?;
        let id = insert(&tx, r, act)?;
        tx.commit()?;
        Ok(id)
    }

    pub(crate) fn ensure_auto_reminders(
        &mut self,
        rs: &[NewReminder],
        now: &str,
    ) -> Result<u64, DbError> {
        if rs.is_empty() {
            return Ok(0);
        }
        let tx = self.write_tx()?;
        let mut fresh = Vec::new();
        {
            let mut st = tx.prepare_cached(
                "SELECT 1 FROM reminders WHERE origin = 'auto' AND contract_id = ?1
                   AND deadline_kind = ?2 AND deadline_date = ?3 AND lead_days = ?4",
            )?;
            for r in rs {
                let Some(k) = &r.automatic else {
                    return Err(DbError::Invalid(
                        "rappel automatique sans échéance".to_string(),
                    ));
                };
                let known = st
                    .query_row(
                        params![
                            r.contract_id,
                            k.deadline_kind,
                            iso(k.deadline_date),
                            k.lead_days
                        ],
                        |_| Ok(()),
                    )
                    .optional()?
                    .is_some();
                if !known {
                    fresh.push(r);
                }
            }
        }
        if fresh.is_empty() {
            // Nothing to write: no act (an act without a fact would be an empty link).
            return Ok(0);
        }
        let act = act(&tx, now)?;
        for r in &fresh {
            insert(&tx, r, act)?;
        }
        tx.commit()?;
        Ok(fresh.len() as u64)
    }

    pub(crate) fn reminder(&self, id: i64) -> Result<ReminderRow, DbError> {
        let rows = query_vec(
            &self.conn,
            &format!("{SELECT} WHERE r.id = ?1"),
            [id],
            from_row,
        )?;
        with_events(&self.conn, rows)?
            .pop()
            .ok_or(DbError::Missing {
                entity: "Rappel",
                id,
            })
    }

    pub(crate) fn open_reminders(&self, today: NaiveDate) -> Result<Vec<ReminderRow>, DbError> {
        let rows = query_vec(
            &self.conn,
            &format!(
                "{SELECT} WHERE (r.origin = 'manual' OR r.deadline_date >= ?1) AND {OPEN}
                 ORDER BY r.due_at, r.id"
            ),
            [iso(today)],
            from_row,
        )?;
        with_events(&self.conn, rows)
    }

    pub(crate) fn closed_reminders(&self, limit: u32) -> Result<Vec<ReminderRow>, DbError> {
        let rows = query_vec(
            &self.conn,
            &format!(
                "{SELECT} JOIN (SELECT reminder_id, MAX(act_id) AS closed_act FROM reminder_events
                     WHERE kind IN ('done', 'dismissed') GROUP BY reminder_id) c
                   ON c.reminder_id = r.id
                 ORDER BY c.closed_act DESC, r.id DESC LIMIT ?1"
            ),
            [limit],
            from_row,
        )?;
        with_events(&self.conn, rows)
    }

    pub(crate) fn record_reminder_event(
        &mut self,
        id: i64,
        kind: ReminderEventKind,
        occurrence: Option<&str>,
        broker: &str,
        now: &str,
    ) -> Result<(), DbError> {
        if !exists(&self.conn, "reminders", id)? {
            return Err(DbError::Missing {
                entity: "Rappel",
                id,
            });
        }
        let tx = self.write_tx()?;
        if is_closed(&tx, id)? {
            return Err(DbError::Invalid(
                "Ce rappel est déjà fait ou ignoré.".to_string(),
            ));
        }
        let act = act(&tx, now)?;
        insert_event(&tx, id, kind, occurrence, broker, act)?;
        tx.commit()?;
        Ok(())
    }

    pub(crate) fn fire_reminders(
        &mut self,
        requests: &[FireRequest],
        broker: &str,
        now: &str,
    ) -> Result<Vec<i64>, DbError> {
        if requests.is_empty() {
            return Ok(Vec::new());
        }
        let tx = self.write_tx()?;
        let mut todo = Vec::new();
        {
            let mut fired = tx.prepare_cached(
                "SELECT 1 FROM reminder_events
                 WHERE reminder_id = ?1 AND kind = 'fired' AND occurrence = ?2",
            )?;
            for q in requests {
                let already = fired
                    .query_row(params![q.reminder_id, q.occurrence], |_| Ok(()))
                    .optional()?
                    .is_some();
                if !already && !is_closed(&tx, q.reminder_id)? && !todo.contains(&q) {
                    todo.push(q);
                }
            }
        }
        if todo.is_empty() {
            return Ok(Vec::new());
        }
        let act = act(&tx, now)?;
        for q in &todo {
            insert_event(
                &tx,
                q.reminder_id,
                ReminderEventKind::Fired,
                Some(&q.occurrence),
                broker,
                act,
            )?;
        }
        tx.commit()?;
        Ok(todo.iter().map(|q| q.reminder_id).collect())
    }

    pub(crate) fn reminder_lead_days(&self) -> Result<Option<Vec<u32>>, DbError> {
        let text: Option<String> = self
            .conn
            .query_row(
                "SELECT lead_days FROM reminder_settings ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        text.map(|t| {
            t.split(',')
                .map(|d| {
                    d.parse::<u32>()
                        .map_err(|_| DbError::Invalid(format!("délai de rappel illisible : {t}")))
                })
                .collect()
        })
        .transpose()
    }

    pub(crate) fn record_reminder_lead_days(
        &mut self,
        days: &[u32],
        now: &str,
    ) -> Result<(), DbError> {
        let text: Vec<String> = days.iter().map(u32::to_string).collect();
        let tx = self.write_tx()?;
        let act = act(&tx, now)?;
        tx.execute(
            "INSERT INTO reminder_settings (lead_days, act_id) VALUES (?1, ?2)",
            params![text.join(","), act],
        )?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "reminders_tests.rs"]
mod tests;
