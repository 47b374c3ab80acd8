//! The calendar's read: contracts by the month and day of their échéances, through the
//! `contracts_echeance_day` index (migration 0015).

use crate::prelude::*;
use crate::rows::{contract_from_row, CONTRACT_COLUMNS};
use crate::sql::{iso, opt_date, query_vec};
use chrono::Datelike;

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

impl Store {
    pub(crate) fn calendar_contracts(
        &self,
        q: &CalendarQuery,
    ) -> Result<Vec<CalendarContractRow>, DbError> {
        let mut sql = format!(
            "SELECT {CONTRACT_COLUMNS},
                coalesce(cl.company_name, trim(coalesce(cl.first_name, '') || ' ' || coalesce(cl.last_name, ''))),
                cl.kind, cl.assigned_broker,
                (SELECT MIN(on_date) FROM contract_events e
                  WHERE e.contract_id = c.id AND e.kind = 'status' AND e.status = 'resilie'),
                EXISTS (SELECT 1 FROM contracts k2
                        JOIN claims x ON x.contract_id = k2.id
                        JOIN claim_status_events s ON s.claim_id = x.id
                             AND s.seq = (SELECT max(seq) FROM claim_status_events WHERE claim_id = x.id)
                        JOIN claim_status_codes sc ON sc.code = s.status
                        WHERE k2.client_id = c.client_id AND sc.status NOT IN ('clos', 'refuse'))
             FROM contracts c
             JOIN insurers i ON i.id = c.insurer_id
             JOIN clients cl ON cl.id = c.client_id
             WHERE 1 = 1"
        );
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        let mut push = |sql: &mut String, clause: &str, v: rusqlite::types::Value| {
            args.push(v);
            sql.push_str(&clause.replace('?', &format!("?{}", args.len())));
        };
        if let (Some(from), Some(to)) = (q.from, q.to) {
            if let Some((a, b, wraps)) = day_bounds(from, to) {
                let op = if wraps { "OR" } else { "AND" };
                push(
                    &mut sql,
                    " AND (substr(c.first_echeance, 6, 5) >= ?",
                    a.into(),
                );
                push(
                    &mut sql,
                    &format!(" {op} substr(c.first_echeance, 6, 5) <= ?)"),
                    b.into(),
                );
            }
            // Not before its first échéance's year, nor terminated before the range.
            push(&mut sql, " AND c.first_echeance <= ?", iso(to).into());
            push(
                &mut sql,
                " AND NOT EXISTS (SELECT 1 FROM contract_events e WHERE e.contract_id = c.id
                   AND e.kind = 'status' AND e.status = 'resilie' AND e.on_date < ?)",
                iso(from).into(),
            );
        }
        if let Some(i) = q.insurer_id {
            push(&mut sql, " AND c.insurer_id = ?", i.into());
        }
        if let Some(b) = &q.broker {
            push(&mut sql, " AND cl.assigned_broker = ?", b.clone().into());
        }
        if let Some(p) = q.product {
            push(
                &mut sql,
                " AND c.product = ?",
                p.as_str().to_string().into(),
            );
        }
        sql.push_str(" ORDER BY c.id");
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
