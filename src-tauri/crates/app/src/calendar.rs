//! The renewal calendar: the échéances and deadlines of every contract in a date range, each with
//! its client, contract, the coefficient now and at that échéance and the premium change expected
//! there, filtered by insurer, broker, product and risk. Over the port only (`CalendarStore`,
//! `RenewalStore`): no SQL here. Set-based: one read of the contracts within reach
//! (`deadlines::calendar_reach`), one of their details, then the engine only for the coming
//! échéances no coefficient is kept for.

use crate::engine::projected_echeances;
use crate::input::{date_field, iso, money_text, trimmed};
use crate::renewals::terms_of;
use crate::{AppError, Courtier};
use chrono::NaiveDate;
use courtier_domain::deadlines::{
    calendar_reach, contract_deadlines, hamon_eligible_on, DeadlineKind, DEFAULT_NOTICE_MONTHS,
};
use courtier_domain::vocabulary::Product;
use courtier_port::{
    CalendarContractRow, CalendarDetails, CalendarQuery, ContractFacts, EcheanceRow, PremiumLineRow,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The calendar's longest range, in days (the list's « no cap » still stops somewhere: ten years).
pub const MAX_RANGE_DAYS: i64 = 3660;

/// What the calendar is asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CalendarFilter {
    pub from: String,
    pub to: String,
    pub insurer_id: Option<i64>,
    pub broker: Option<String>,
    pub product: Option<String>,
    /// `malus` (coefficient at the échéance above 1.00), `hausse` (premium up by more than
    /// `threshold_percent`), `hamon_sinistre` (Hamon-eligible contracts of clients with an open
    /// claim).
    pub risk: Option<String>,
    /// For `hausse`: the percentage the premium must rise by (default 10).
    pub threshold_percent: Option<u32>,
}

/// One dated item of the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CalendarItem {
    pub date: String,
    pub kind: DeadlineKind,
    pub kind_label: &'static str,
    /// The rule it comes from: code and article.
    pub rule: &'static str,
    pub rule_source: &'static str,
    pub echeance: Option<String>,
    pub contract_id: i64,
    pub contract_number: String,
    pub client_id: i64,
    pub client_name: String,
    pub insurer: String,
    pub product: Product,
    pub broker: Option<String>,
    /// Coefficient in force today and at the item's échéance (projected if nothing else
    /// happens when it is still to come).
    pub coefficient_now: String,
    pub coefficient_at: Option<String>,
    /// Premium change expected at the échéance (modulated lines × the coefficient change, R2),
    /// a decimal string (`12.40`, `-5.00`) the UI formats, and in cents.
    pub premium_change: Option<String>,
    pub premium_change_cents: Option<i64>,
    pub hamon_eligible: bool,
    pub client_has_open_claim: bool,
    /// The Chatel outcome for the item's échéance, in French.
    pub chatel: Option<String>,
}

fn coef_text(h: u32) -> String {
    format!("{}.{:02}", h / 100, h % 100)
}

/// The coefficient set at the last échéance on or before `on` (or the start coefficient).
fn in_force(rows: &[EcheanceRow], start: u32, on: NaiveDate) -> u32 {
    rows.iter()
        .rfind(|r| r.echeance <= on)
        .map_or(start, |r| r.coefficient)
}

struct Money {
    /// Sum of the modulated lines in force today, cents.
    modulated_cents: i64,
    /// Whole premium today (lines × coefficient for the modulated ones), cents.
    total_cents: i64,
}

fn premium_of(lines: &[PremiumLineRow], today: NaiveDate, coef: u32) -> Money {
    let lines = crate::engine::premium_lines(lines, today);
    let cents = |d: rust_decimal::Decimal| {
        (d * rust_decimal::Decimal::from(100))
            .round()
            .try_into()
            .unwrap_or(0i64)
    };
    let modulated: i64 = lines
        .iter()
        .filter(|l| l.modulated)
        .map(|l| cents(l.amount))
        .sum();
    let other: i64 = lines
        .iter()
        .filter(|l| !l.modulated)
        .map(|l| cents(l.amount))
        .sum();
    Money {
        modulated_cents: modulated,
        total_cents: other + round_div(i128::from(modulated) * i128::from(coef), 100),
    }
}

fn round_div(n: i128, d: i128) -> i64 {
    let q = (2 * n + d.signum() * n.signum() * d) / (2 * d);
    i64::try_from(q).unwrap_or(0)
}

impl Courtier {
    /// The calendar's items dated in `[from, to]`, by date then contract.
    pub fn calendar(&self, f: &CalendarFilter) -> Result<Vec<CalendarItem>, AppError> {
        let from = date_field(&f.from, "from", "Début")?;
        let to = date_field(&f.to, "to", "Fin")?;
        if to < from {
            return Err(AppError::field(
                "to",
                "La fin de la période précède son début.",
            ));
        }
        if (to - from).num_days() > MAX_RANGE_DAYS {
            return Err(AppError::field(
                "to",
                "La période du calendrier est limitée à dix ans.",
            ));
        }
        let product = match trimmed(&f.product) {
            Some(p) => {
                Some(Product::parse(&p).map_err(|e| AppError::field("product", e.to_string()))?)
            }
            None => None,
        };
        let risk = trimmed(&f.risk);
        if let Some(r) = &risk {
            if !["malus", "hausse", "hamon_sinistre"].contains(&r.as_str()) {
                return Err(AppError::field(
                    "risk",
                    format!("« {r} » : risque inconnu (codes acceptés : malus, hausse, hamon_sinistre)."),
                ));
            }
        }
        let threshold = i64::from(f.threshold_percent.unwrap_or(10));
        let today = self.today();
        // Only the contracts whose échéance, deadline or Hamon day can fall in the range.
        let reach = calendar_reach(from, to, DEFAULT_NOTICE_MONTHS);
        let horizon = reach
            .as_ref()
            .and_then(|r| r.echeances.iter().map(|w| w.1).max())
            .unwrap_or(to);
        let q = CalendarQuery {
            from: Some(from),
            reach,
            insurer_id: f.insurer_id,
            broker: trimmed(&f.broker),
            product,
        };
        self.with_reader(|s| {
            let rows = s.calendar_contracts(&q)?;
            let ids: Vec<i64> = rows.iter().map(|r| r.contract.id).collect();
            let details = s.calendar_details(&ids)?;
            let sent: HashMap<(i64, NaiveDate), Vec<NaiveDate>> = {
                let mut m: HashMap<(i64, NaiveDate), Vec<NaiveDate>> = HashMap::new();
                for a in s.avis_sendings_between(from, horizon)? {
                    m.entry((a.contract_id, a.echeance))
                        .or_default()
                        .push(a.sent_on);
                }
                m
            };
            let mut out = Vec::new();
            for r in &rows {
                items_of(
                    r,
                    &details,
                    &sent,
                    from,
                    to,
                    today,
                    risk.as_deref(),
                    threshold,
                    &mut out,
                )?;
            }
            out.sort_by(|a, b| {
                (a.date.as_str(), a.contract_id, a.kind).cmp(&(
                    b.date.as_str(),
                    b.contract_id,
                    b.kind,
                ))
            });
            Ok(out)
        })
    }
}

#[allow(clippy::too_many_arguments)]
fn items_of(
    r: &CalendarContractRow,
    details: &CalendarDetails,
    sent: &HashMap<(i64, NaiveDate), Vec<NaiveDate>>,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
    risk: Option<&str>,
    threshold: i64,
    out: &mut Vec<CalendarItem>,
) -> Result<(), AppError> {
    let c = &r.contract;
    let terms = terms_of(c, r.client_kind);
    let sent_of = |e: NaiveDate| sent.get(&(c.id, e)).cloned().unwrap_or_default();
    let mut deadlines = contract_deadlines(&terms, &sent_of, from, to, today);
    // A terminated contract has no échéance, nor deadline, after its termination.
    if let Some(t) = r.terminated_on {
        deadlines.retain(|d| d.echeance.unwrap_or(d.date) < t);
    }
    if deadlines.is_empty() {
        return Ok(());
    }
    let hamon = hamon_eligible_on(&terms, today);
    if risk == Some("hamon_sinistre") && !(hamon && r.client_has_open_claim) {
        return Ok(());
    }
    let none = Vec::new();
    let history = details.history.get(&c.id).unwrap_or(&none);
    let now = if c.clause_applies {
        in_force(history, c.start_coefficient, today)
    } else {
        100
    };
    // The coefficient at each échéance: kept when reached, else the engine's, as known today
    // (if nothing else happens), computed once for the furthest échéance.
    let mut at: HashMap<NaiveDate, u32> = history
        .iter()
        .map(|h| (h.echeance, h.coefficient))
        .collect();
    if let Some(last) = deadlines
        .iter()
        .filter_map(|d| d.echeance)
        .filter(|e| !at.contains_key(e))
        .max()
    {
        let f = ContractFacts {
            contract: c.clone(),
            claims: details.claims.get(&c.id).cloned().unwrap_or_default(),
            interruptions: details
                .interruptions
                .get(&c.id)
                .cloned()
                .unwrap_or_default(),
            terminated_on: None,
            reductions_lost: details
                .reductions_lost
                .get(&c.id)
                .cloned()
                .unwrap_or_default(),
        };
        for row in projected_echeances(&f, last)? {
            at.entry(row.echeance).or_insert(row.coefficient);
        }
    }
    let lines = details.premiums.get(&c.id).map_or(&[][..], Vec::as_slice);
    let money = premium_of(lines, today, now);
    for d in deadlines {
        let coef_at = d.echeance.and_then(|e| at.get(&e).copied());
        let change = coef_at.map(|ce| {
            round_div(
                i128::from(money.modulated_cents) * (i128::from(ce) - i128::from(now)),
                100,
            )
        });
        match risk {
            Some("malus") if coef_at.map_or(true, |ce| ce <= 100) => continue,
            Some("hausse")
                if change.map_or(true, |ch| {
                    money.total_cents <= 0 || ch * 100 <= threshold * money.total_cents
                }) =>
            {
                continue
            }
            _ => {}
        }
        out.push(CalendarItem {
            date: iso(d.date),
            kind: d.kind,
            kind_label: d.kind.label(),
            rule: d.rule.code,
            rule_source: d.rule.source,
            echeance: d.echeance.map(iso),
            contract_id: c.id,
            contract_number: c.number.clone(),
            client_id: c.client_id,
            client_name: r.client_name.clone(),
            insurer: c.insurer_name.clone(),
            product: c.product,
            broker: r.broker.clone(),
            coefficient_now: coef_text(now),
            coefficient_at: coef_at.map(coef_text),
            premium_change: change.map(|ch| {
                if ch > 0 {
                    format!("+{}", money_text(ch))
                } else {
                    money_text(ch)
                }
            }),
            premium_change_cents: change,
            hamon_eligible: hamon,
            client_has_open_claim: r.client_has_open_claim,
            chatel: d.chatel.map(|o| o.describe()),
        });
    }
    Ok(())
}
