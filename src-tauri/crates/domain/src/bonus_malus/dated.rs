//! Reference periods from dates (R12, R13, R15), then the yearly steps.
//!
//! Échéance k is `first_echeance + 12k months` (clamped to the month's end, so a 29 February
//! échéance falls on 28 February in ordinary years and comes back in leap years). Each period
//! ends at its échéance minus two months; the first starts at the later of the subscription date
//! and `first_echeance − 14 months`, every later one where the one before ended: contiguous,
//! half-open `[start, end)`.

use super::rules::{
    in_range, lose_reduction, run_periods, step, InterruptionSpan, NoSink, Period, PeriodClaim,
    PeriodFlags, Scenario, StartState, State,
};
use super::trace::{ClaimTrace, Trace};
use super::{ClaimKind, Responsibility, RuleOptions, ShortFirstPeriodClaims, Usage};
use crate::Coefficient;
use chrono::{Months, NaiveDate};
use serde::Serialize;

/// A requalification of a claim's responsibility (art. 8), dated by when it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Requalification {
    pub on: NaiveDate,
    pub responsibility: Responsibility,
}

/// A claim with its date of occurrence; `responsibility` is the first qualification recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedClaim {
    /// The application's own reference, carried into the trace.
    pub id: Option<String>,
    pub date: NaiveDate,
    pub kind: ClaimKind,
    pub responsibility: Responsibility,
    pub requalifications: Vec<Requalification>,
}

/// A suspension or interruption of cover, half-open `[from, to)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interruption {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// A contract's dated history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedHistory {
    pub usage: Usage,
    /// The coefficient applied during the first period.
    pub start_coefficient: Coefficient,
    pub start_periods_at_floor: u32,
    pub start_claim_free_streak: u32,
    pub subscription_date: NaiveDate,
    /// The first annual échéance after subscription.
    pub first_echeance: NaiveDate,
    /// Every échéance on or before this date is computed.
    pub until: NaiveDate,
    /// The date the history is known at (R15): requalifications found by then apply. `None`
    /// means `until`; it may be later than `until`, e.g. for a terminated contract whose
    /// claim is requalified after the termination (within art. 8's two years).
    pub known_on: Option<NaiveDate>,
    pub interruptions: Vec<Interruption>,
    /// R16 (art. 10): the dates a vehicle was replaced or added with other usual drivers; a
    /// reduction in force then is lost (back to 1.00) for the next échéance's computation.
    pub reductions_lost: Vec<NaiveDate>,
    pub claims: Vec<DatedClaim>,
}

/// One computed échéance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EcheanceResult {
    pub date: NaiveDate,
    /// The reference period, half-open `[period_start, period_end)`.
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub coefficient: Coefficient,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedOutcome {
    pub echeances: Vec<EcheanceResult>,
    pub coefficients: Vec<Coefficient>,
    pub trace: Trace,
    /// The counters after the last computed échéance.
    pub end: StartState,
}

impl DatedHistory {
    /// The date the history is known at: `known_on`, or `until` when not given.
    pub fn known_on(&self) -> NaiveDate {
        self.known_on.unwrap_or(self.until)
    }
}

/// A history that cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HistoryError {
    #[error("first_echeance : la première échéance ({echeance}) doit suivre la date de souscription ({subscription})")]
    EcheanceBeforeSubscription {
        echeance: NaiveDate,
        subscription: NaiveDate,
    },
    #[error("first_echeance : la première échéance ({echeance}) doit tomber dans les douze mois qui suivent la souscription ({subscription})")]
    EcheanceTooLate {
        echeance: NaiveDate,
        subscription: NaiveDate,
    },
    #[error("interruptions[{index}] : la fin ({to}) doit suivre le début ({from})")]
    InterruptionReversed {
        index: usize,
        from: NaiveDate,
        to: NaiveDate,
    },
    #[error("la date {0} est hors du calendrier pris en charge")]
    DateOutOfRange(NaiveDate),
}

fn add_months(d: NaiveDate, m: u32) -> Result<NaiveDate, HistoryError> {
    d.checked_add_months(Months::new(m))
        .ok_or(HistoryError::DateOutOfRange(d))
}

fn sub_months(d: NaiveDate, m: u32) -> Result<NaiveDate, HistoryError> {
    d.checked_sub_months(Months::new(m))
        .ok_or(HistoryError::DateOutOfRange(d))
}

/// Échéance number `k` (0 = the first).
pub fn echeance(first_echeance: NaiveDate, k: u32) -> Option<NaiveDate> {
    first_echeance.checked_add_months(Months::new(12 * k))
}

/// Every échéance from the first up to `until` included.
pub fn echeance_dates(first_echeance: NaiveDate, until: NaiveDate) -> Vec<NaiveDate> {
    (0..)
        .map_while(|k| echeance(first_echeance, k))
        .take_while(|e| *e <= until)
        .collect()
}

/// The first échéance strictly after `date`.
pub fn next_echeance(first_echeance: NaiveDate, date: NaiveDate) -> Option<NaiveDate> {
    (0..)
        .map_while(|k| echeance(first_echeance, k))
        .find(|e| *e > date)
}

/// The bounds of reference period `k`: `[start, end)` and its échéance.
struct Bounds {
    start: NaiveDate,
    end: NaiveDate,
    echeance: NaiveDate,
    counts_as_year: bool,
}

fn check(h: &DatedHistory) -> Result<(), HistoryError> {
    if h.first_echeance <= h.subscription_date {
        return Err(HistoryError::EcheanceBeforeSubscription {
            echeance: h.first_echeance,
            subscription: h.subscription_date,
        });
    }
    if h.first_echeance > add_months(h.subscription_date, 12)? {
        return Err(HistoryError::EcheanceTooLate {
            echeance: h.first_echeance,
            subscription: h.subscription_date,
        });
    }
    for (index, i) in h.interruptions.iter().enumerate() {
        if i.to <= i.from {
            return Err(HistoryError::InterruptionReversed {
                index,
                from: i.from,
                to: i.to,
            });
        }
    }
    Ok(())
}

/// The reference periods whose échéance is on or before `until`, in order, computed lazily (the
/// fast path allocates nothing for them).
struct BoundsIter<'a> {
    h: &'a DatedHistory,
    k: u32,
    prev_end: Option<NaiveDate>,
}

impl Iterator for BoundsIter<'_> {
    type Item = Result<Bounds, HistoryError>;

    fn next(&mut self) -> Option<Self::Item> {
        let step = || -> Result<Option<Bounds>, HistoryError> {
            let e = add_months(self.h.first_echeance, 12 * self.k)?;
            if e > self.h.until {
                return Ok(None);
            }
            let end = sub_months(e, 2)?;
            let (start, counts_as_year) = match self.prev_end {
                None => {
                    // R13: a first échéance less than two months after the subscription gives
                    // an empty first period `[subscription, subscription)`, never an inverted one.
                    let start = self.h.subscription_date.max(sub_months(e, 14)?);
                    if end <= start {
                        (self.h.subscription_date, false)
                    } else {
                        (start, add_months(start, 9)? <= end)
                    }
                }
                Some(p) => (p, true),
            };
            Ok(Some(Bounds {
                start,
                end: end.max(start),
                echeance: e,
                counts_as_year,
            }))
        };
        match step() {
            Ok(Some(b)) => {
                self.k += 1;
                self.prev_end = Some(b.end);
                Some(Ok(b))
            }
            Ok(None) => None,
            Err(e) => {
                self.k = u32::MAX / 12;
                Some(Err(e))
            }
        }
    }
}

fn bounds_iter(h: &DatedHistory) -> BoundsIter<'_> {
    BoundsIter {
        h,
        k: 0,
        prev_end: None,
    }
}

/// Whether a reduction was lost (R16) between the previous échéance (or the subscription) and
/// this one.
fn reduction_lost(
    h: &DatedHistory,
    k_echeance: NaiveDate,
    prev_echeance: Option<NaiveDate>,
) -> bool {
    h.reductions_lost
        .iter()
        .any(|d| *d < k_echeance && prev_echeance.map_or(*d >= h.subscription_date, |p| *d >= p))
}

/// R14 (art. 9 al. 2), as decided: each interruption is measured on itself, in calendar months
/// from its first day (clamped to month ends): with half-open `[from, to)` it is longer than
/// three months when `to > from + 3 months`. Two short ones are not added together.
pub fn longer_than_three_months(i: &Interruption) -> bool {
    // A date past the calendar's end: the interruption cannot end before it, so it is long.
    i.from
        .checked_add_months(Months::new(3))
        .map_or(true, |limit| i.to > limit)
}

/// An interruption's own length: whole calendar months from its first day, then days.
pub fn interruption_length(i: &Interruption) -> (u32, u32) {
    let mut m = 0u32;
    while let Some(d) = i.from.checked_add_months(Months::new(m + 1)) {
        if d > i.to {
            break;
        }
        m += 1;
    }
    let base = i.from.checked_add_months(Months::new(m)).unwrap_or(i.from);
    let days = u32::try_from((i.to - base).num_days().max(0)).unwrap_or(u32::MAX);
    (m, days)
}

/// What R14 decides for the reference period `[start, end)`: the longest interruption longer
/// than three months that overlaps it (even by a day, also when it straddles the period's end)
/// blocks the period's reduction. Returns the months of interruption inside the period (whole
/// months of 30 days, for the trace) and the blocking interruption, if any.
fn interruption(h: &DatedHistory, start: NaiveDate, end: NaiveDate) -> (u32, Option<Interruption>) {
    let days: i64 = h
        .interruptions
        .iter()
        .map(|i| {
            let from = i.from.max(start);
            let to = i.to.min(end);
            (to - from).num_days().max(0)
        })
        .sum();
    let blocking = h
        .interruptions
        .iter()
        .filter(|i| i.from < end && i.to > start && longer_than_three_months(i))
        .max_by_key(|i| (i.to - i.from, std::cmp::Reverse(i.from)))
        .copied();
    ((days / 30) as u32, blocking)
}

/// The responsibility in force for the computation, per art. 8 (and by `known_on`, which may be
/// after `until`).
fn effective_responsibility(
    h: &DatedHistory,
    c: &DatedClaim,
) -> (Responsibility, Option<Responsibility>, Option<String>) {
    requalification_outcome(h.first_echeance, c, h.known_on())
}

/// R15 (art. 8), decided in one place: a claim's responsibility **in force** as known on
/// `known_on`. A requalification counts when it was found on or before `known_on` and within two
/// years after the first échéance following the claim (the contract's échéances fall on
/// `first_echeance`'s day each year); a later one is recorded but the earlier qualification
/// stands. Everything that shows or uses a claim's responsibility goes through this.
pub fn responsibility_in_force(
    first_echeance: NaiveDate,
    c: &DatedClaim,
    known_on: NaiveDate,
) -> Responsibility {
    requalification_outcome(first_echeance, c, known_on).0
}

/// R15 (art. 8): whether a requalification of a claim of `claim_date`, found on `found_on`, can
/// still correct it: found at most two years after the first échéance following the claim.
pub fn requalification_in_time(
    first_echeance: NaiveDate,
    claim_date: NaiveDate,
    found_on: NaiveDate,
) -> bool {
    next_echeance(first_echeance, claim_date)
        .and_then(|e| e.checked_add_months(Months::new(24)))
        .is_some_and(|deadline| found_on <= deadline)
}

/// [`responsibility_in_force`], with the first qualification when requalified and what became
/// of each requalification, in French, for the note.
fn requalification_outcome(
    first_echeance: NaiveDate,
    c: &DatedClaim,
    known_on: NaiveDate,
) -> (Responsibility, Option<Responsibility>, Option<String>) {
    if c.requalifications.is_empty() {
        return (c.responsibility, None, None);
    }
    let mut resp = c.responsibility;
    let mut notes = Vec::new();
    let mut reqs = c.requalifications.clone();
    // Stable: requalifications found the same day keep the order they were recorded in.
    reqs.sort_by_key(|r| r.on);
    for r in reqs.iter().filter(|r| r.on <= known_on) {
        match requalification_in_time(first_echeance, c.date, r.on) {
            true => {
                notes.push(format!(
                    "requalifié « {} » le {} (art. 8)",
                    r.responsibility.fr(),
                    r.on.format("%d/%m/%Y")
                ));
                resp = r.responsibility;
            }
            false => notes.push(format!(
                "requalification « {} » du {} écartée : constatée plus de deux ans après l'échéance suivant le sinistre (art. 8)",
                r.responsibility.fr(),
                r.on.format("%d/%m/%Y")
            )),
        }
    }
    let initial = (resp != c.responsibility || !notes.is_empty()).then_some(c.responsibility);
    (
        resp,
        initial,
        (!notes.is_empty()).then(|| notes.join(" ; ")),
    )
}

/// The échéance whose reference period holds a claim on `date`: the first one whose period ends
/// (the échéance − 2 months, exclusive) after it.
pub fn counting_echeance(first_echeance: NaiveDate, date: NaiveDate) -> Option<NaiveDate> {
    (0..).map_while(|k| echeance(first_echeance, k)).find(|e| {
        e.checked_sub_months(Months::new(2))
            .is_some_and(|end| date < end)
    })
}

/// Computes every échéance of a dated history, with the full trace.
pub fn compute_dated(h: &DatedHistory, opts: &RuleOptions) -> Result<DatedOutcome, HistoryError> {
    check(h)?;
    let bounds: Vec<Bounds> = bounds_iter(h).collect::<Result<_, _>>()?;
    let mut claims: Vec<&DatedClaim> = h.claims.iter().collect();
    claims.sort_by_key(|c| c.date);

    let mut periods: Vec<Vec<PeriodClaim>> = (0..bounds.len()).map(|_| Vec::new()).collect();
    let mut outside = Vec::new();
    let last_end = bounds.last().map(|b| b.end);
    for c in claims {
        let (resp, initial, requalification) = effective_responsibility(h, c);
        let pc = PeriodClaim {
            kind: c.kind,
            responsibility: resp,
            date: Some(c.date),
            id: c.id.clone(),
            initial_responsibility: initial,
            requalification,
        };
        let idx = if c.date < h.subscription_date {
            None
        } else {
            bounds.iter().position(|b| c.date < b.end)
        };
        match idx {
            Some(i) => periods[i].push(pc),
            None => {
                let reason = if c.date < h.subscription_date {
                    "antérieur à la souscription : relève du relevé d'information".to_string()
                } else {
                    let at = counting_echeance(h.first_echeance, c.date)
                        .map_or(String::new(), |e| format!(", le {}", e.format("%d/%m/%Y")));
                    match last_end {
                        Some(e) => format!(
                            "survenu après la fin de la dernière période calculée ({}) : comptera à l'échéance suivante{at}",
                            (e - chrono::Duration::days(1)).format("%d/%m/%Y")
                        ),
                        None => format!("aucune échéance encore calculée : comptera à la première{at}"),
                    }
                };
                outside.push(ClaimTrace {
                    id: pc.id,
                    date: pc.date,
                    kind: pc.kind,
                    responsibility: pc.responsibility,
                    initial_responsibility: pc.initial_responsibility,
                    requalification: pc.requalification,
                    counted: false,
                    rule: if c.date < h.subscription_date {
                        "art. 11"
                    } else {
                        "art. 9"
                    },
                    reason,
                });
            }
        }
    }

    let lost: Vec<bool> = bounds
        .iter()
        .enumerate()
        .map(|(i, b)| reduction_lost(h, b.echeance, i.checked_sub(1).map(|j| bounds[j].echeance)))
        .collect();
    let scenario = Scenario {
        usage: h.usage,
        start: StartState {
            coefficient: h.start_coefficient,
            periods_at_floor: h.start_periods_at_floor,
            claim_free_streak: h.start_claim_free_streak,
            protection_used: false,
        },
        options: *opts,
        periods: bounds
            .iter()
            .zip(periods)
            .zip(lost)
            .map(|((b, claims), reduction_lost)| {
                let (interruption_months, blocking) = interruption(h, b.start, b.end);
                Period {
                    months: month_span(b.start, b.end),
                    interruption_months,
                    interrupted: blocking.is_some(),
                    interruption: blocking.map(|i| {
                        let (months, days) = interruption_length(&i);
                        InterruptionSpan {
                            from: i.from,
                            to: i.to,
                            months,
                            days,
                        }
                    }),
                    counts_as_year: b.counts_as_year,
                    claims,
                    start: Some(b.start),
                    end: Some(b.end),
                    echeance: Some(b.echeance),
                    reduction_lost,
                }
            })
            .collect(),
    };
    // One step function, one loop: the dated form is the period form with dates.
    let out = run_periods(&scenario);
    let mut trace = out.trace;
    for c in &mut trace.outside {
        c.reason = "reporté depuis une première période de moins de 9 mois : comptera à l'échéance suivante".into();
    }
    trace.outside.extend(outside);
    Ok(DatedOutcome {
        echeances: bounds
            .iter()
            .zip(&out.coefficients)
            .map(|(b, c)| EcheanceResult {
                date: b.echeance,
                period_start: b.start,
                period_end: b.end,
                coefficient: *c,
            })
            .collect(),
        coefficients: out.coefficients,
        trace,
        end: out.end,
    })
}

/// The coefficient in force on `on` (not later than `h.until`): the one set at the last échéance
/// computed in `out` (the start coefficient before the first), or 1.00 when a reduction was lost
/// since (R16: it applies from the day of the replacement, not only from the next échéance).
pub fn coefficient_in_force(h: &DatedHistory, out: &DatedOutcome, on: NaiveDate) -> Coefficient {
    let last = out
        .coefficients
        .last()
        .copied()
        .unwrap_or(h.start_coefficient);
    let since = out.echeances.last().map_or(h.subscription_date, |e| e.date);
    let lost = h.reductions_lost.iter().any(|d| *d >= since && *d <= on);
    if lost && last < Coefficient::ONE {
        Coefficient::ONE
    } else {
        last
    }
}

/// Whole calendar months from `start` to `end` (the first period's length, for the note).
fn month_span(start: NaiveDate, end: NaiveDate) -> u32 {
    let mut m = 0;
    while m < 14
        && start
            .checked_add_months(Months::new(m + 1))
            .is_some_and(|d| d <= end)
    {
        m += 1;
    }
    m
}

/// The coefficients only, without building a trace: for batch recomputation and the benchmark.
/// Gives exactly what [`compute_dated`] gives (a property test checks it). Claims must be in
/// order of occurrence for the fast path; otherwise they are sorted first.
pub fn compute_dated_coefficients(
    h: &DatedHistory,
    opts: &RuleOptions,
    out: &mut Vec<Coefficient>,
) -> Result<(), HistoryError> {
    check(h)?;
    out.clear();
    let sorted;
    let claims: &[DatedClaim] = if h.claims.windows(2).all(|w| w[0].date <= w[1].date) {
        &h.claims
    } else {
        let mut v = h.claims.clone();
        v.sort_by_key(|c| c.date);
        sorted = v;
        &sorted
    };
    let mut state = State {
        c: h.start_coefficient.hundredths(),
        paf: h.start_periods_at_floor,
        streak: h.start_claim_free_streak,
        protection_used: false,
    };
    // Skip claims before the subscription.
    let mut next = claims
        .iter()
        .position(|c| c.date >= h.subscription_date)
        .unwrap_or(claims.len());
    let mut buf: Vec<(ClaimKind, Responsibility)> = Vec::with_capacity(8);
    let mut carried = 0usize;
    let mut prev_echeance = None;
    for b in bounds_iter(h) {
        let Bounds {
            start,
            end,
            counts_as_year,
            echeance,
        } = b?;
        if !h.reductions_lost.is_empty() && reduction_lost(h, echeance, prev_echeance) {
            lose_reduction(&mut state);
        }
        prev_echeance = Some(echeance);
        buf.truncate(carried);
        while next < claims.len() && claims[next].date < end {
            let c = &claims[next];
            let resp = if c.requalifications.is_empty() {
                c.responsibility
            } else {
                effective_responsibility(h, c).0
            };
            buf.push((c.kind, resp));
            next += 1;
        }
        let (interruption_months, interrupted) = if h.interruptions.is_empty() {
            (0, false)
        } else {
            let (m, blocking) = interruption(h, start, end);
            (m, blocking.is_some())
        };
        if !counts_as_year && opts.short_first_period_claims == ShortFirstPeriodClaims::CarryForward
        {
            carried = buf.len();
        } else {
            carried = 0;
            step(
                &mut state,
                h.usage,
                opts,
                PeriodFlags {
                    counts_as_year,
                    interrupted,
                    interruption_months,
                    interruption: None,
                },
                &buf,
                &mut NoSink,
            );
        }
        out.push(in_range(state.c));
    }
    Ok(())
}
