//! The calendar's read, set-based: the contracts whose échéance (month and day, through the
//! `contracts_echeance_day` index of migration 0015) or Hamon day can fall in the range, then
//! their coefficient histories, premiums and engine facts in a few queries for all of them.

use crate::prelude::*;
use crate::recompute::unpack_echeances;
use crate::rows::{contract_from_row, CONTRACT_COLUMNS};
use crate::sql::{code, date, from_day, iso, opt_date, query_vec};
use chrono::Datelike;
use courtier_domain::deadlines::CalendarReach;

/// The `MM-DD` bounds of the range's anniversaries: `None` when it covers a whole year, else
/// `(from, to, wraps)` where `wraps` means the range crosses 31 December. A 29 February first
/// échéance falls on the 28th in common years: a range holding a 28 February also takes it.
fn day_bounds(from: NaiveDate, to: NaiveDate) -> Option<(String, String, bool)> {
    let year_later = from.checked_add_months(chrono::Months::new(12));
    if year_later.map_or(true, |y| to >= y - chrono::Days::new(1)) {
        return None;
    }
    let md = |d: NaiveDate| format!("{:02}-{:02}", d.month(), d.day());
    let (mut a, mut b) = (md(from), md(to));
    if a == "02-29" {
        a = "02-28".into();
    }
    if b == "02-28" {
        b = "02-29".into();
    }
    let wraps = from.year() != to.year();
    Some((a, b, wraps))
}

/// The SQL condition (appended to `args`) selecting the contracts within `reach`: an anniversary
/// of the first échéance in one of its windows (through the `contracts_echeance_day` index),
/// or a subscription in its Hamon window (`contracts_subscription`, migration 0020).
fn reach_condition(reach: &CalendarReach, args: &mut Vec<rusqlite::types::Value>) -> String {
    let mut arg = |v: String| {
        args.push(v.into());
        format!("?{}", args.len())
    };
    let mut any = Vec::new();
    let mut last = None::<NaiveDate>;
    for (from, to) in &reach.echeances {
        last = Some(last.map_or(*to, |l| l.max(*to)));
        match day_bounds(*from, *to) {
            None => any.push("1 = 1".to_string()),
            Some((a, b, wraps)) => {
                let op = if wraps { "OR" } else { "AND" };
                let (a, b) = (arg(a), arg(b));
                any.push(format!(
                    "(substr(c.first_echeance, 6, 5) >= {a} {op} substr(c.first_echeance, 6, 5) <= {b})"
                ));
            }
        }
    }
    let mut parts = Vec::new();
    if let Some(last) = last {
        // Not before its first échéance's year.
        let l = arg(iso(last));
        parts.push(format!(
            "(({}) AND c.first_echeance <= {l})",
            any.join(" OR ")
        ));
    }
    let (a, b) = (arg(iso(reach.subscribed.0)), arg(iso(reach.subscribed.1)));
    parts.push(format!("c.subscription_date BETWEEN {a} AND {b}"));
    if let Some(by) = reach.sante_subscribed_by {
        let by = arg(iso(by));
        parts.push(format!(
            "(c.product = 'sante' AND c.subscription_date <= {by})"
        ));
    }
    format!("({})", parts.join(" OR "))
}

/// `ids` as the JSON array `json_each` reads.
fn json_ids(ids: &[i64]) -> String {
    let mut s = String::with_capacity(ids.len() * 8 + 2);
    s.push('[');
    for (k, id) in ids.iter().enumerate() {
        if k > 0 {
            s.push(',');
        }
        s.push_str(&id.to_string());
    }
    s.push(']');
    s
}

impl Store {
    /// One query for every contract of the calendar: the termination dates and the clients
    /// with an open claim are computed once for the set, not per contract.
    pub(crate) fn calendar_contracts(
        &self,
        q: &CalendarQuery,
    ) -> Result<Vec<CalendarContractRow>, DbError> {
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        let mut cond = String::new();
        if let Some(reach) = &q.reach {
            cond.push_str(" AND ");
            cond.push_str(&reach_condition(reach, &mut args));
        }
        let mut push = |cond: &mut String, clause: &str, v: rusqlite::types::Value| {
            args.push(v);
            cond.push_str(&clause.replace('?', &format!("?{}", args.len())));
        };
        if let Some(from) = q.from {
            // Not terminated before the range.
            push(
                &mut cond,
                " AND (t.on_date IS NULL OR t.on_date >= ?)",
                iso(from).into(),
            );
        }
        if let Some(i) = q.insurer_id {
            push(&mut cond, " AND c.insurer_id = ?", i.into());
        }
        if let Some(b) = &q.broker {
            push(&mut cond, " AND cl.assigned_broker = ?", b.clone().into());
        }
        if let Some(p) = q.product {
            push(
                &mut cond,
                " AND c.product = ?",
                p.as_str().to_string().into(),
            );
        }
        let sql = format!(
            "WITH terminated AS (
                SELECT contract_id, MIN(on_date) AS on_date FROM contract_events
                 WHERE kind = 'status' AND status = 'resilie' GROUP BY contract_id),
             open_clients AS (
                SELECT DISTINCT k2.client_id FROM claims x
                  JOIN contracts k2 ON k2.id = x.contract_id
                  JOIN claim_status_events s ON s.claim_id = x.id
                       AND s.seq = (SELECT max(seq) FROM claim_status_events WHERE claim_id = x.id)
                  JOIN claim_status_codes sc ON sc.code = s.status
                 WHERE sc.status NOT IN ('clos', 'refuse'))
             SELECT {CONTRACT_COLUMNS},
                coalesce(cl.company_name, trim(coalesce(cl.first_name, '') || ' ' || coalesce(cl.last_name, ''))),
                cl.kind, cl.assigned_broker, t.on_date,
                c.client_id IN (SELECT client_id FROM open_clients)
             FROM contracts c
             JOIN insurers i ON i.id = c.insurer_id
             JOIN clients cl ON cl.id = c.client_id
             LEFT JOIN terminated t ON t.contract_id = c.id
             WHERE 1 = 1{cond}
             ORDER BY c.id"
        );
        query_vec(&self.conn, &sql, rusqlite::params_from_iter(args), |r| {
            Ok(CalendarContractRow {
                contract: contract_from_row(r)?,
                client_name: r.get(15)?,
                client_kind: match r.get::<_, String>(16)?.as_str() {
                    "company" => courtier_domain::client::ClientKind::Company,
                    _ => courtier_domain::client::ClientKind::Person,
                },
                broker: r.get(17)?,
                terminated_on: opt_date(r.get(18)?)?,
                client_has_open_claim: r.get(19)?,
            })
        })
    }

    /// The coefficient histories, premium lines and engine facts of `ids`: five queries
    /// whatever their number.
    pub(crate) fn calendar_details(&self, ids: &[i64]) -> Result<CalendarDetails, DbError> {
        let mut out = CalendarDetails::default();
        if ids.is_empty() {
            return Ok(out);
        }
        let set = json_ids(ids);
        let within = "IN (SELECT value FROM json_each(?1))";
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT contract_id, echeances FROM coefficient_history WHERE contract_id {within}"
        ))?;
        let mut rows = st.query([&set])?;
        while let Some(r) = rows.next()? {
            let rows = unpack_echeances(&r.get::<_, Vec<u8>>(1)?)?;
            out.history.entry(r.get(0)?).or_default().extend(rows);
        }
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT contract_id, from_day, (SELECT label FROM guarantees g WHERE g.id = guarantee_id),
                amount_cents, modulated
             FROM contract_premiums WHERE contract_id {within} ORDER BY contract_id, from_day, seq"
        ))?;
        let mut rows = st.query([&set])?;
        while let Some(r) = rows.next()? {
            out.premiums
                .entry(r.get(0)?)
                .or_default()
                .push(PremiumLineRow {
                    from_date: from_day(r.get(1)?)?,
                    guarantee: r.get(2)?,
                    amount_cents: r.get(3)?,
                    modulated: r.get(4)?,
                });
        }
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT x.contract_id, x.id, x.occurred_on, x.kind, q.responsibility, q.found_day
             FROM claims x JOIN claim_qualifications q ON q.claim_id = x.id
             WHERE x.contract_id {within} ORDER BY x.contract_id, x.occurred_on, x.id, q.seq"
        ))?;
        let mut rows = st.query([&set])?;
        while let Some(r) = rows.next()? {
            let claims = out.claims.entry(r.get(0)?).or_default();
            let id: i64 = r.get(1)?;
            if claims.last().map(|c| c.id) != Some(id) {
                claims.push(ClaimRow {
                    id,
                    contract_id: r.get(0)?,
                    occurred_on: date(r.get(2)?)?,
                    declared_on: None,
                    kind: code(r, 3)?,
                    place: None,
                    description: None,
                    insurer_reference: None,
                    estimated_cents: None,
                    vehicle_id: None,
                    driver_id: None,
                    recorded_at: String::new(),
                    qualifications: Vec::new(),
                    statuses: Vec::new(),
                    parties: Vec::new(),
                    communications: Vec::new(),
                    amounts: Vec::new(),
                    revisions: Vec::new(),
                });
            }
            if let Some(c) = claims.last_mut() {
                c.qualifications.push(QualificationRow {
                    responsibility: code(r, 4)?,
                    found_on: from_day(r.get(5)?)?,
                    note: None,
                    recorded_at: String::new(),
                });
            }
        }
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT contract_id, from_date, to_date FROM contract_interruptions
             WHERE contract_id {within} ORDER BY contract_id, from_date"
        ))?;
        let mut rows = st.query([&set])?;
        while let Some(r) = rows.next()? {
            out.interruptions
                .entry(r.get(0)?)
                .or_default()
                .push((date(r.get(1)?)?, date(r.get(2)?)?));
        }
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT contract_id, from_date FROM vehicles
             WHERE other_drivers = 1 AND contract_id {within} ORDER BY contract_id, from_date"
        ))?;
        let mut rows = st.query([&set])?;
        while let Some(r) = rows.next()? {
            out.reductions_lost
                .entry(r.get(0)?)
                .or_default()
                .push(date(r.get(1)?)?);
        }
        Ok(out)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::day_bounds;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_month_a_year_end_and_february_give_their_days() {
        assert_eq!(
            day_bounds(d("2027-03-01"), d("2027-03-31")),
            Some(("03-01".into(), "03-31".into(), false))
        );
        assert_eq!(
            day_bounds(d("2026-12-15"), d("2027-01-15")),
            Some(("12-15".into(), "01-15".into(), true))
        );
        assert_eq!(
            day_bounds(d("2027-02-01"), d("2027-02-28")),
            Some(("02-01".into(), "02-29".into(), false))
        );
        assert_eq!(day_bounds(d("2027-01-01"), d("2027-12-31")), None);
    }
}
