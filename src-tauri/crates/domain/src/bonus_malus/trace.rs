//! How each coefficient was reached: every period, every claim counted or ignored with the
//! article that decided, every factor with the value before and after truncation, and the floor,
//! ceiling, two-year and protection events. Serialisable for the UI; rendered as a French note
//! by [`crate::bonus_malus::note`].

use super::rules::InterruptionSpan;
use super::{ClaimKind, Responsibility, RuleOptions, Usage};
use crate::Coefficient;
use chrono::NaiveDate;
use serde::Serialize;

/// The whole explanation of a computation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trace {
    pub usage: Usage,
    pub start_coefficient: Coefficient,
    pub options: RuleOptions,
    pub periods: Vec<PeriodTrace>,
    /// Claims that are not counted in any computed period: before the subscription (they come
    /// through a relevé), or after the end of the last computed period (they count later).
    pub outside: Vec<ClaimTrace>,
}

/// One reference period and the échéance that closes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodTrace {
    /// 1-based.
    pub index: usize,
    /// Half-open bounds `[start, end)` and the échéance (dated histories only).
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub echeance: Option<NaiveDate>,
    pub months: u32,
    pub interruption_months: u32,
    pub before: Coefficient,
    pub after: Coefficient,
    pub claims: Vec<ClaimTrace>,
    pub steps: Vec<Step>,
    pub periods_at_floor: u32,
    pub claim_free_streak: u32,
}

/// A claim and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimTrace {
    pub id: Option<String>,
    pub date: Option<NaiveDate>,
    pub kind: ClaimKind,
    pub responsibility: Responsibility,
    /// When requalified (R15): the first qualification.
    pub initial_responsibility: Option<Responsibility>,
    /// What became of its requalifications (art. 8), in French.
    pub requalification: Option<String>,
    pub counted: bool,
    /// The article that decided, e.g. "art. 5", "art. 7", "art. 6", "art. 4 al. 2".
    pub rule: &'static str,
    /// In French, why.
    pub reason: String,
}

/// One event of a period's computation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Step {
    /// Art. 4: a claim-free period. `exact` is the product before truncation, `after` the value
    /// after truncation (it may be under 0.50: the floor follows as its own step).
    Reduction {
        factor: String,
        before: Coefficient,
        exact: String,
        after: String,
    },
    /// Art. 4 al. 2: the coefficient may not go under 0.50. `exact`: the truncated value it
    /// raises to 0.50.
    Floor { exact: String },
    /// Art. 5: one claim's majoration (per-claim truncation).
    Majoration {
        claim: usize,
        factor: String,
        before: Coefficient,
        exact: String,
        after: String,
    },
    /// Art. 5 with the `per_period` option: all the period's factors, truncated once.
    MajorationPerPeriod {
        factors: Vec<String>,
        before: Coefficient,
        exact: String,
        after: String,
    },
    /// Art. 4 al. 2: first claim after three years at 0.50, not majorated.
    Protection { claim: usize },
    /// Art. 5 al. 5: capped at 3.50.
    Ceiling { before: String },
    /// Art. 5 al. 6: two claim-free periods in a row bring it back to 1.00 at most.
    TwoYearRule { before: Coefficient },
    /// Art. 9 al. 2: an interruption longer than three months overlaps the period: no new
    /// reduction, the previous coefficient is kept. `months`: the interruption's whole months
    /// (the dated form: of the interruption itself, `suspension`; the period form: as given).
    Interruption {
        months: u32,
        suspension: Option<InterruptionSpan>,
    },
    /// Art. 9 al. 3: a first period under 9 months does not count as a year.
    ShortFirstPeriod { months: u32, carried_forward: usize },
    /// Claims carried from a short first period (art. 9 al. 3).
    CarriedIn { count: usize },
    /// R16 (art. 10): a vehicle replaced or added with other usual drivers: the reduction is lost.
    ReductionLost { before: Coefficient },
    /// Art. 6, literal reading (option): no reduction in a period with an art. 6 event.
    Art6NoReduction,
    /// A period with a counting claim gets no reduction (art. 4 and 5).
    NoReductionClaimYear,
}

/// The exact decimal `num / den` (den of the form 2^a·5^b, so it terminates), in dot notation.
pub(crate) fn exact(num: u128, den: u128) -> String {
    let int = num / den;
    let mut rem = num % den;
    let mut s = int.to_string();
    if rem != 0 {
        s.push('.');
        let mut guard = 0;
        while rem != 0 && guard < 60 {
            rem *= 10;
            s.push(char::from(b'0' + (rem / den) as u8));
            rem %= den;
            guard += 1;
        }
    }
    s
}

/// A hundredths value as "1.25", even above the ceiling (before capping).
pub(crate) fn hundredths_str(h: u64) -> String {
    format!("{}.{:02}", h / 100, h % 100)
}
