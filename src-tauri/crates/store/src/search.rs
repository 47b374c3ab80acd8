//! The search box's other hits (contracts by number, vehicles by registration, claims by
//! reference, insurers by name) and the Sinistres section's pages of claims.
//!
//! Identifiers are read from migration 12's expression indexes: a prefix of the normalised
//! identifier is one range of the index, read up to the limit, so a prefix shared by a hundred
//! thousand contracts (« AUTO-2024 ») costs the same as a unique one.

use crate::client_search::fts_query;
use crate::prelude::*;
use crate::sql::{code, date, from_day, iso, query_vec};
use rusqlite::types::Value;

/// The normalised form of a column, exactly as migration 12 indexes it (the planner matches the
/// expression, so it must stay character for character the same).
pub(crate) fn key_expr(col: &str) -> String {
    format!(
        "lower(replace(replace(replace(replace(replace({col}, ' ', ''), '-', ''), '.', ''), '/', ''), '_', ''))"
    )
}

/// A client's name as the lists show it.
const CLIENT_NAME: &str =
    "coalesce(c.company_name, trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')))";

/// Shorter keys match too much to mean an identifier (« d », « du »): only names are searched.
pub(crate) const MIN_KEY: usize = 3;

/// The half-open range `[key, key + U+10FFFF)` of the keys `key` is a prefix of.
fn key_range(text: &str) -> Option<(String, String)> {
    let key = identifier_key(text.trim());
    if key.chars().count() < MIN_KEY {
        return None;
    }
    let mut upper = key.clone();
    upper.push(char::MAX);
    Some((key, upper))
}

impl Store {
    pub(crate) fn search_identifiers(
        &self,
        text: &str,
        limit: u32,
    ) -> Result<Vec<IdentifierHit>, DbError> {
        let limit = i64::from(limit.clamp(1, 100));
        let mut hits = Vec::new();
        if let Some((lo, hi)) = key_range(text) {
            let number = key_expr("k.number");
            hits.extend(query_vec(
                &self.conn,
                &format!(
                    "SELECT k.id, k.number, k.client_id, {CLIENT_NAME}, i.name
                     FROM contracts k JOIN clients c ON c.id = k.client_id
                     JOIN insurers i ON i.id = k.insurer_id
                     WHERE {number} >= ?1 AND {number} < ?2
                     ORDER BY {number} LIMIT ?3"
                ),
                params![lo, hi, limit],
                |r| {
                    Ok(IdentifierHit {
                        kind: HitKind::Contract,
                        id: r.get(0)?,
                        text: r.get(1)?,
                        contract_id: Some(r.get(0)?),
                        contract_number: Some(r.get(1)?),
                        client_id: Some(r.get(2)?),
                        client_name: Some(r.get(3)?),
                        insurer: Some(r.get(4)?),
                        detail: None,
                        on_date: None,
                    })
                },
            )?);
            let reg = key_expr("v.registration");
            hits.extend(query_vec(
                &self.conn,
                &format!(
                    "SELECT v.id, v.registration, k.id, k.number, k.client_id, {CLIENT_NAME}, i.name,
                            trim(coalesce(v.make, '') || ' ' || coalesce(v.model, ''))
                     FROM vehicles v JOIN contracts k ON k.id = v.contract_id
                     JOIN clients c ON c.id = k.client_id
                     JOIN insurers i ON i.id = k.insurer_id
                     WHERE {reg} >= ?1 AND {reg} < ?2
                     ORDER BY {reg} LIMIT ?3"
                ),
                params![lo, hi, limit],
                |r| {
                    let detail: String = r.get(7)?;
                    Ok(IdentifierHit {
                        kind: HitKind::Vehicle,
                        id: r.get(0)?,
                        text: r.get(1)?,
                        contract_id: Some(r.get(2)?),
                        contract_number: Some(r.get(3)?),
                        client_id: Some(r.get(4)?),
                        client_name: Some(r.get(5)?),
                        insurer: Some(r.get(6)?),
                        detail: (!detail.is_empty()).then_some(detail),
                        on_date: None,
                    })
                },
            )?);
            let reference = key_expr("cl.insurer_reference");
            hits.extend(query_vec(
                &self.conn,
                &format!(
                    "SELECT cl.id, cl.insurer_reference, k.id, k.number, k.client_id, {CLIENT_NAME},
                            i.name, cl.occurred_on
                     FROM claims cl JOIN contracts k ON k.id = cl.contract_id
                     JOIN clients c ON c.id = k.client_id
                     JOIN insurers i ON i.id = k.insurer_id
                     WHERE cl.insurer_reference IS NOT NULL
                       AND {reference} >= ?1 AND {reference} < ?2
                     ORDER BY {reference} LIMIT ?3"
                ),
                params![lo, hi, limit],
                |r| {
                    Ok(IdentifierHit {
                        kind: HitKind::Claim,
                        id: r.get(0)?,
                        text: r.get(1)?,
                        contract_id: Some(r.get(2)?),
                        contract_number: Some(r.get(3)?),
                        client_id: Some(r.get(4)?),
                        client_name: Some(r.get(5)?),
                        insurer: Some(r.get(6)?),
                        detail: None,
                        on_date: Some(date(r.get(7)?)?),
                    })
                },
            )?);
        }
        hits.extend(self.insurers_named(text, limit as usize)?);
        Ok(hits)
    }

    /// Insurers whose name has every word typed as the start of one of its words (accents and
    /// case ignored). The list is an agency's few dozen insurers: read whole.
    fn insurers_named(&self, text: &str, limit: usize) -> Result<Vec<IdentifierHit>, DbError> {
        let split = |s: &str| {
            fold_for_search(s)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        let words = split(text);
        if words.is_empty() || words.iter().map(|w| w.chars().count()).sum::<usize>() < 2 {
            return Ok(Vec::new());
        }
        let all: Vec<(i64, String)> = query_vec(
            &self.conn,
            "SELECT id, name FROM insurers ORDER BY name",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(all
            .into_iter()
            .filter(|(_, name)| {
                let have = split(name);
                words.iter().all(|w| have.iter().any(|h| h.starts_with(w)))
            })
            .take(limit)
            .map(|(id, name)| IdentifierHit {
                kind: HitKind::Insurer,
                id,
                text: name.clone(),
                contract_id: None,
                contract_number: None,
                client_id: None,
                client_name: None,
                insurer: Some(name),
                detail: None,
                on_date: None,
            })
            .collect())
    }

    /// A page of claims, newest first (or oldest), filtered; `more` when a next page exists.
    /// Walks the claims in date order (index `claims_occurred`) and stops once the page is full;
    /// a text filter first gathers the few claims it can mean (by reference, or the clients it
    /// names), so the walk never visits the whole portfolio for it.
    pub(crate) fn list_claims(&self, q: &ClaimQuery) -> Result<ClaimPage, DbError> {
        let page_size = q.page_size.clamp(1, 500);
        let offset = i64::from(q.page.max(1) - 1) * i64::from(page_size);
        let mut filters: Vec<String> = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        let arg = |v: Value, args: &mut Vec<Value>| {
            args.push(v);
            format!("?{}", args.len())
        };
        let status = "(SELECT sc.status FROM claim_status_events s
                       JOIN claim_status_codes sc ON sc.code = s.status
                       WHERE s.claim_id = cl.id ORDER BY s.seq DESC LIMIT 1)";
        match q.open {
            Some(true) => filters.push(format!("{status} NOT IN ('clos', 'refuse')")),
            Some(false) => filters.push(format!("{status} IN ('clos', 'refuse')")),
            None => {}
        }
        if let Some(s) = q.status {
            let p = arg(Value::Text(s.as_str().into()), &mut args);
            filters.push(format!("{status} = {p}"));
        }
        if let Some(i) = q.insurer_id {
            let p = arg(Value::Integer(i), &mut args);
            filters.push(format!("k.insurer_id = {p}"));
        }
        if let Some(r) = q.responsibility {
            let p = arg(Value::Text(r.as_str().into()), &mut args);
            // The responsibility in force kept on the claim (migration 17): the one the list
            // shows, read in date order from `claims_responsibility`.
            filters.push(format!("cl.responsibility = {p}"));
        }
        if let Some(d) = q.from {
            let p = arg(Value::Text(iso(d)), &mut args);
            filters.push(format!("cl.occurred_on >= {p}"));
        }
        if let Some(d) = q.to {
            let p = arg(Value::Text(iso(d)), &mut args);
            filters.push(format!("cl.occurred_on <= {p}"));
        }
        if let Some(text) = q.text.as_deref().filter(|t| !t.trim().is_empty()) {
            let ids = self.claims_meant_by(text)?;
            if ids.is_empty() {
                return Ok(ClaimPage {
                    items: Vec::new(),
                    more: false,
                });
            }
            // Our own integers.
            let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
            filters.push(format!("cl.id IN ({list})"));
        }
        let where_clause = if filters.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", filters.join(" AND "))
        };
        let dir = if q.oldest_first { "ASC" } else { "DESC" };
        let limit = arg(Value::Integer(i64::from(page_size) + 1), &mut args);
        let off = arg(Value::Integer(offset), &mut args);
        let sql = format!(
            "SELECT cl.id, cl.contract_id, k.client_id, {CLIENT_NAME}, i.name, k.number,
                    cl.occurred_on, cl.kind, cl.responsibility, sc.status, s.on_day
             FROM claims cl
             CROSS JOIN contracts k ON k.id = cl.contract_id
             CROSS JOIN clients c ON c.id = k.client_id
             CROSS JOIN insurers i ON i.id = k.insurer_id
             CROSS JOIN claim_status_events s ON s.claim_id = cl.id
                 AND s.seq = (SELECT max(seq) FROM claim_status_events WHERE claim_id = cl.id)
             CROSS JOIN claim_status_codes sc ON sc.code = s.status
             {where_clause}
             ORDER BY cl.occurred_on {dir}, cl.id {dir}
             LIMIT {limit} OFFSET {off}"
        );
        let mut items = query_vec(&self.conn, &sql, rusqlite::params_from_iter(args), |r| {
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
        })?;
        let more = items.len() > page_size as usize;
        items.truncate(page_size as usize);
        Ok(ClaimPage { items, more })
    }

    /// The claims a text can mean: those whose reference starts with it (normalised), and those
    /// of the clients it names (at most 500 clients, the best matches).
    fn claims_meant_by(&self, text: &str) -> Result<Vec<i64>, DbError> {
        let mut ids: Vec<i64> = Vec::new();
        if let Some((lo, hi)) = key_range(text) {
            let reference = key_expr("cl.insurer_reference");
            ids.extend(query_vec(
                &self.conn,
                &format!(
                    "SELECT cl.id FROM claims cl WHERE cl.insurer_reference IS NOT NULL
                     AND {reference} >= ?1 AND {reference} < ?2 LIMIT 2000"
                ),
                params![lo, hi],
                |r| r.get::<_, i64>(0),
            )?);
        }
        if let Some(fts) = fts_query(text) {
            ids.extend(query_vec(
                &self.conn,
                "SELECT cl.id FROM
                    (SELECT rowid AS id FROM client_search WHERE client_search MATCH ?1 LIMIT 500) m
                 CROSS JOIN contracts k ON k.client_id = m.id
                 CROSS JOIN claims cl ON cl.contract_id = k.id",
                [fts],
                |r| r.get::<_, i64>(0),
            )?);
        }
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
