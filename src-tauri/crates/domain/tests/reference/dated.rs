//! The dated form of the spec: échéances from `first_echeance` (clamped to month ends), each
//! period `[previous end, échéance − 2 months)`, the first from the later of the subscription and
//! `first_echeance − 14 months` (empty `[subscription, subscription)` when that would not be
//! before its end; a year when `start + 9 months ≤ end`), claims placed by date of occurrence
//! (before the subscription: not the contract's; on or after the last end: later), R14 from the
//! suspensions' own dates, R15 with `known_on`, R16 by the date of the replacement.

use super::Insured;
use chrono::{Months, NaiveDate};
use courtier_domain::bonus_malus::{
    ClaimKind, DatedClaim, DatedHistory, Responsibility, RuleOptions, ShortFirstPeriodClaims,
};

fn plus(d: NaiveDate, m: u32) -> Option<NaiveDate> {
    d.checked_add_months(Months::new(m))
}

fn minus(d: NaiveDate, m: u32) -> Option<NaiveDate> {
    d.checked_sub_months(Months::new(m))
}

/// A reference period: `[start, end)`, whether it counts as a year.
#[derive(Debug, Clone, Copy)]
struct Bounds {
    echeance: NaiveDate,
    start: NaiveDate,
    end: NaiveDate,
    year: bool,
}

/// The échéances on or before `until` and their periods (R12, R13).
fn periods(h: &DatedHistory) -> Option<Vec<Bounds>> {
    let mut out: Vec<Bounds> = Vec::new();
    for k in 0u32.. {
        let e = plus(h.first_echeance, 12 * k)?;
        if e > h.until {
            break;
        }
        let end = minus(e, 2)?;
        let b = match out.last() {
            Some(prev) => Bounds {
                echeance: e,
                start: prev.end,
                end,
                year: true,
            },
            None => {
                let start = h.subscription_date.max(minus(e, 14)?);
                if start < end {
                    Bounds {
                        echeance: e,
                        start,
                        end,
                        year: plus(start, 9)? <= end,
                    }
                } else {
                    Bounds {
                        echeance: e,
                        start: h.subscription_date,
                        end: h.subscription_date,
                        year: false,
                    }
                }
            }
        };
        out.push(b);
    }
    Some(out)
}

/// R15 (art. 8): the last requalification found by `known_on` and at most two years after the
/// first échéance strictly after the claim; otherwise the qualification first recorded.
fn in_force(h: &DatedHistory, c: &DatedClaim) -> Responsibility {
    let known_on = h.known_on.unwrap_or(h.until);
    let following = (0u32..)
        .map_while(|k| plus(h.first_echeance, 12 * k))
        .find(|e| *e > c.date);
    let Some(limit) = following.and_then(|e| plus(e, 24)) else {
        return c.responsibility;
    };
    let mut found: Vec<_> = c
        .requalifications
        .iter()
        .filter(|q| q.on <= known_on && q.on <= limit)
        .collect();
    // Found the same day: the one recorded last.
    found.sort_by_key(|q| q.on);
    found.last().map_or(c.responsibility, |q| q.responsibility)
}

/// The coefficient at each échéance on or before `until`, in hundredths; `None` when the history
/// cannot be computed (a first échéance not after the subscription or more than twelve months
/// after it, a suspension that does not end after it starts).
pub fn coefficients(h: &DatedHistory, o: &RuleOptions) -> Option<Vec<u32>> {
    if h.first_echeance <= h.subscription_date
        || h.first_echeance > plus(h.subscription_date, 12)?
        || h.interruptions.iter().any(|i| i.to <= i.from)
    {
        return None;
    }
    let bounds = periods(h)?;
    let mut insured = Insured::new(
        h.start_coefficient.hundredths(),
        h.start_periods_at_floor,
        h.start_claim_free_streak,
    );
    let mut claims: Vec<&DatedClaim> = h
        .claims
        .iter()
        .filter(|c| c.date >= h.subscription_date)
        .collect();
    claims.sort_by_key(|c| c.date);
    let mut carried: Vec<(ClaimKind, Responsibility)> = Vec::new();
    let mut out = Vec::new();
    let mut since = h.subscription_date;
    for b in &bounds {
        let mut own = std::mem::take(&mut carried);
        own.extend(
            claims
                .iter()
                .filter(|c| c.date >= b.start && c.date < b.end)
                .map(|c| (c.kind, in_force(h, c))),
        );
        // R16: replaced since the previous échéance (the subscription for the first).
        if h.reductions_lost
            .iter()
            .any(|d| *d >= since && *d < b.echeance)
        {
            insured.lose_reduction();
        }
        since = b.echeance;
        if !b.year && o.short_first_period_claims == ShortFirstPeriodClaims::CarryForward {
            carried = own;
        } else {
            // R14: a suspension longer than three months, measured on itself, overlapping the
            // period even by a day.
            let blocked = h.interruptions.iter().any(|i| {
                let long = plus(i.from, 3).map_or(true, |three| i.to > three);
                long && i.from < b.end && i.to > b.start
            });
            insured.close(h.usage, o, &own, b.year, blocked);
        }
        out.push(insured.c);
    }
    Some(out)
}

/// The coefficient set at the last échéance on or before `until` (the start coefficient
/// before the first).
fn coefficient_at(h: &DatedHistory, o: &RuleOptions, until: NaiveDate) -> Option<u32> {
    let mut h = h.clone();
    h.until = until;
    let c = coefficients(&h, o)?;
    Some(
        c.last()
            .copied()
            .unwrap_or(h.start_coefficient.hundredths()),
    )
}

/// What the contract page projects on `today` (the engine's `project`): the next échéance and
/// its coefficient; the échéance at which one more accident on `claim_date` would count (that of
/// the period holding the date, R12, or the next one when that period is a short first period
/// whose claims are carried forward, R13) and the coefficient there without it, with it fully
/// and partly responsible.
pub fn projection(
    h: &DatedHistory,
    o: &RuleOptions,
    today: NaiveDate,
    claim_date: NaiveDate,
) -> Option<(NaiveDate, u32, NaiveDate, u32, u32, u32)> {
    let next = (0u32..)
        .map_while(|k| plus(h.first_echeance, 12 * k))
        .find(|e| *e > today)?;
    let mut far = h.clone();
    far.until = plus(claim_date, 26)?;
    let bounds = periods(&far)?;
    let k = bounds
        .iter()
        .position(|b| claim_date >= b.start && claim_date < b.end)?;
    let carried = k == 0
        && !bounds[0].year
        && o.short_first_period_claims == ShortFirstPeriodClaims::CarryForward;
    let at = bounds.get(k + usize::from(carried))?.echeance;
    let with = |r: Responsibility| {
        let mut w = h.clone();
        w.claims.push(DatedClaim {
            id: None,
            date: claim_date,
            kind: ClaimKind::Accident,
            responsibility: r,
            requalifications: vec![],
        });
        coefficient_at(&w, o, at)
    };
    Some((
        next,
        coefficient_at(h, o, next)?,
        at,
        coefficient_at(h, o, at)?,
        with(Responsibility::Full)?,
        with(Responsibility::Partial)?,
    ))
}

/// R16: the coefficient in force on `until`: the one set at the last échéance (the start
/// coefficient before the first), or 1.00 from the day of a replacement with other usual drivers
/// since then when it was a reduction.
pub fn in_force_on_until(h: &DatedHistory, o: &RuleOptions) -> Option<u32> {
    let c = coefficients(h, o)?;
    let last = c
        .last()
        .copied()
        .unwrap_or(h.start_coefficient.hundredths());
    let since = (0u32..)
        .map_while(|k| plus(h.first_echeance, 12 * k))
        .take_while(|e| *e <= h.until)
        .last()
        .unwrap_or(h.subscription_date);
    let replaced = h
        .reductions_lost
        .iter()
        .any(|d| *d >= since && *d <= h.until);
    Some(if replaced && last < 100 { 100 } else { last })
}

/// Each échéance on or before `until` with its reference period, as the JSON writes them:
/// `(date, period_start, period_end)`.
pub fn echeances(h: &DatedHistory) -> Option<Vec<(String, String, String)>> {
    Some(
        periods(h)?
            .iter()
            .map(|b| {
                (
                    b.echeance.to_string(),
                    b.start.to_string(),
                    b.end.to_string(),
                )
            })
            .collect(),
    )
}

/// The spec's dated-history JSON for `h` and `o`.
pub fn to_json(h: &DatedHistory, o: &RuleOptions) -> serde_json::Value {
    use super::period::{kind_name, options_json, resp_name};
    use serde_json::json;
    let mut v = json!({
        "usage": match h.usage {
            courtier_domain::bonus_malus::Usage::Standard => "standard",
            courtier_domain::bonus_malus::Usage::Tournees => "tournees",
        },
        "start_coefficient": super::fmt(h.start_coefficient.hundredths()),
        "start_periods_at_floor": h.start_periods_at_floor,
        "start_claim_free_streak": h.start_claim_free_streak,
        "options": options_json(o),
        "subscription_date": h.subscription_date.to_string(),
        "first_echeance": h.first_echeance.to_string(),
        "until": h.until.to_string(),
        "interruptions": h.interruptions.iter().map(|i| json!({
            "from": i.from.to_string(), "to": i.to.to_string(),
        })).collect::<Vec<_>>(),
        "reductions_lost": h.reductions_lost.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
        "claims": h.claims.iter().map(|c| json!({
            "date": c.date.to_string(),
            "kind": kind_name(c.kind),
            "responsibility": resp_name(c.responsibility),
            "requalifications": c.requalifications.iter().map(|q| json!({
                "on": q.on.to_string(), "responsibility": resp_name(q.responsibility),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    if let Some(k) = h.known_on {
        v["known_on"] = json!(k.to_string());
    }
    v
}
