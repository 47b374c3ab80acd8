//! Projection: the coefficient at the next échéance if nothing else happens, and what one more
//! claim would make it ("simulation").

use super::dated::{compute_dated, echeance, DatedClaim, DatedHistory, HistoryError};
use super::trace::Step;
use super::{ClaimKind, Responsibility, RuleOptions, ShortFirstPeriodClaims};
use crate::Coefficient;
use chrono::{Months, NaiveDate};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Projection {
    /// The next échéance after `today`.
    pub next_echeance: NaiveDate,
    /// The coefficient it sets if nothing else happens.
    pub if_nothing_happens: Coefficient,
    /// The échéance at which a claim on `claim_date` would count (the next one, or the one
    /// after when `claim_date` falls in the last two months before it).
    pub claim_counts_at: NaiveDate,
    /// The coefficient at that échéance without the claim, with one more fully responsible claim,
    /// and with one more partly responsible claim.
    pub at_that_echeance_without: Coefficient,
    pub with_full_claim: Coefficient,
    pub with_partial_claim: Coefficient,
}

fn coefficient_at(
    h: &DatedHistory,
    opts: &RuleOptions,
    until: NaiveDate,
    extra: Option<Responsibility>,
    claim_date: NaiveDate,
) -> Result<Coefficient, HistoryError> {
    let mut h = h.clone();
    h.until = until;
    if let Some(r) = extra {
        h.claims.push(DatedClaim {
            id: Some("simulation".into()),
            date: claim_date,
            kind: ClaimKind::Accident,
            responsibility: r,
            requalifications: Vec::new(),
        });
    }
    let out = compute_dated(&h, opts)?;
    Ok(out
        .coefficients
        .last()
        .copied()
        .unwrap_or(h.start_coefficient))
}

/// For a contract's history as known on `today`: the next échéance, and a claim on `claim_date`
/// (today, or a later date) simulated.
pub fn project(
    h: &DatedHistory,
    opts: &RuleOptions,
    today: NaiveDate,
    claim_date: NaiveDate,
) -> Result<Projection, HistoryError> {
    let mut k = 0;
    let next = loop {
        let e = echeance(h.first_echeance, k).ok_or(HistoryError::DateOutOfRange(today))?;
        if e > today {
            break e;
        }
        k += 1;
    };
    let mut counts_at = next;
    let mut j = k;
    while counts_at
        .checked_sub_months(Months::new(2))
        .is_some_and(|end| claim_date >= end)
    {
        j += 1;
        counts_at =
            echeance(h.first_echeance, j).ok_or(HistoryError::DateOutOfRange(claim_date))?;
    }
    // R13: a claim in a first period under 9 months counts at the next échéance when its
    // claims are carried forward (the default): the engine's own decision, read off its trace.
    if j == 0 && opts.short_first_period_claims == ShortFirstPeriodClaims::CarryForward {
        let mut first = h.clone();
        first.until = counts_at;
        let short = compute_dated(&first, opts)?
            .trace
            .periods
            .first()
            .is_some_and(|p| {
                p.steps
                    .iter()
                    .any(|s| matches!(s, Step::ShortFirstPeriod { .. }))
            });
        if short {
            counts_at =
                echeance(h.first_echeance, 1).ok_or(HistoryError::DateOutOfRange(claim_date))?;
        }
    }
    Ok(Projection {
        next_echeance: next,
        if_nothing_happens: coefficient_at(h, opts, next, None, claim_date)?,
        claim_counts_at: counts_at,
        at_that_echeance_without: coefficient_at(h, opts, counts_at, None, claim_date)?,
        with_full_claim: coefficient_at(
            h,
            opts,
            counts_at,
            Some(Responsibility::Full),
            claim_date,
        )?,
        with_partial_claim: coefficient_at(
            h,
            opts,
            counts_at,
            Some(Responsibility::Partial),
            claim_date,
        )?,
    })
}
