//! The yearly step (R3–R11, R14): from the coefficient in force during a reference period and
//! what happened in it, the coefficient set at the échéance that closes it.

use super::trace::{exact, hundredths_str, ClaimTrace, PeriodTrace, Step, Trace};
use super::{classify, ClaimEffect, ClaimKind, FloorProtection, Responsibility, RuleOptions};
use super::{ShortFirstPeriodClaims, Truncation, Usage};
use crate::Coefficient;
use chrono::NaiveDate;
use serde::Serialize;

/// The counters that carry from period to period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StartState {
    /// The coefficient applied during the first period.
    pub coefficient: Coefficient,
    /// Consecutive completed claim-free periods at 0.50 (R10).
    pub periods_at_floor: u32,
    /// Consecutive claim-free periods (R9).
    pub claim_free_streak: u32,
    /// Whether the 0.50 protection was already used (matters with `floor_protection: once`).
    pub protection_used: bool,
}

impl StartState {
    /// R10 (art. 4 al. 2), the engine's own test: whether the first counting claim of the next
    /// period would be forgiven (at 0.50 for at least three claim-free periods, and, with
    /// `floor_protection: once`, the protection not used yet).
    pub fn protection_active(&self, opts: &RuleOptions) -> bool {
        State::from(*self).protected(opts)
    }

    pub fn new(coefficient: Coefficient) -> Self {
        StartState {
            coefficient,
            periods_at_floor: 0,
            claim_free_streak: 0,
            protection_used: false,
        }
    }
}

/// A claim placed in a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodClaim {
    pub kind: ClaimKind,
    pub responsibility: Responsibility,
    pub date: Option<NaiveDate>,
    pub id: Option<String>,
    /// When requalified: the first qualification.
    pub initial_responsibility: Option<Responsibility>,
    /// What became of its requalifications (art. 8), in French, for the note.
    pub requalification: Option<String>,
}

impl PeriodClaim {
    pub fn new(kind: ClaimKind, responsibility: Responsibility) -> Self {
        PeriodClaim {
            kind,
            responsibility,
            date: None,
            id: None,
            initial_responsibility: None,
            requalification: None,
        }
    }
}

/// One reference period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// Its length in months (12, or 9 to 12 for a first period counting as a year, less for a
    /// short first period).
    pub months: u32,
    /// Months of interruption or suspension in the period (R14: over 3 blocks the reduction).
    pub interruption_months: u32,
    /// R14: an interruption longer than three months overlaps the period (computed from dates
    /// in the dated form, from `interruption_months > 3` in the period form).
    pub interrupted: bool,
    /// The dated form: the interruption that blocks the reduction, for the note.
    pub interruption: Option<InterruptionSpan>,
    /// Whether it counts as a year (R13: false for a first period under 9 months).
    pub counts_as_year: bool,
    /// In order of occurrence.
    pub claims: Vec<PeriodClaim>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub echeance: Option<NaiveDate>,
    /// R16 (art. 10): during the period before this échéance the vehicle was replaced (or one
    /// added) and the usual drivers changed: a reduction in force is lost (back to 1.00) before
    /// the period is computed; a malus stays.
    pub reduction_lost: bool,
}

impl Period {
    /// A full 12-month period with these claims.
    pub fn year(claims: Vec<PeriodClaim>) -> Self {
        Period {
            months: 12,
            interruption_months: 0,
            interrupted: false,
            interruption: None,
            counts_as_year: true,
            claims,
            start: None,
            end: None,
            echeance: None,
            reduction_lost: false,
        }
    }
}

/// Periods to run from a start state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    pub usage: Usage,
    pub start: StartState,
    pub options: RuleOptions,
    pub periods: Vec<Period>,
}

/// The coefficient set at each échéance, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodOutcome {
    pub coefficients: Vec<Coefficient>,
    pub trace: Trace,
    pub end: StartState,
}

/// What the step needs of a claim: the traced path passes [`PeriodClaim`]s, the fast path bare
/// `(kind, responsibility)` pairs.
pub(crate) trait ClaimLike {
    fn kind(&self) -> ClaimKind;
    fn responsibility(&self) -> Responsibility;
}

impl ClaimLike for PeriodClaim {
    fn kind(&self) -> ClaimKind {
        self.kind
    }
    fn responsibility(&self) -> Responsibility {
        self.responsibility
    }
}

impl ClaimLike for (ClaimKind, Responsibility) {
    fn kind(&self) -> ClaimKind {
        self.0
    }
    fn responsibility(&self) -> Responsibility {
        self.1
    }
}

/// Where the step reports what it does (claims by their index in the period's slice). The fast
/// path ([`NoSink`]) compiles to nothing.
pub(crate) trait Sink {
    fn claim(&mut self, _index: usize, _counted: bool, _rule: &'static str, _reason: &str) {}
    fn step(&mut self, _s: impl FnOnce() -> Step) {}
}

pub(crate) struct NoSink;
impl Sink for NoSink {}

/// Records into a period's trace.
pub(crate) struct TraceSink<'a> {
    pub trace: &'a mut PeriodTrace,
    pub claims: &'a [PeriodClaim],
}

impl Sink for TraceSink<'_> {
    fn claim(&mut self, index: usize, counted: bool, rule: &'static str, reason: &str) {
        if let Some(c) = self.claims.get(index) {
            self.trace.claims.push(ClaimTrace {
                id: c.id.clone(),
                date: c.date,
                kind: c.kind,
                responsibility: c.responsibility,
                initial_responsibility: c.initial_responsibility,
                requalification: c.requalification.clone(),
                counted,
                rule,
                reason: reason.to_string(),
            });
        }
    }
    fn step(&mut self, s: impl FnOnce() -> Step) {
        self.trace.steps.push(s());
    }
}

/// A suspension or interruption longer than three months, measured on itself (R14): half-open
/// `[from, to)`, its length in whole calendar months from `from` then days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct InterruptionSpan {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub months: u32,
    pub days: u32,
}

/// What the step needs of a period besides its claims.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PeriodFlags {
    pub counts_as_year: bool,
    pub interrupted: bool,
    pub interruption_months: u32,
    pub interruption: Option<InterruptionSpan>,
}

impl Period {
    pub(crate) fn flags(&self) -> PeriodFlags {
        PeriodFlags {
            counts_as_year: self.counts_as_year,
            interrupted: self.interrupted,
            interruption_months: self.interruption_months,
            interruption: self.interruption,
        }
    }
}

/// R16: the reduction in force is lost on a transfer to other usual drivers; a malus is kept.
/// Returns the coefficient it replaced, when it did.
#[inline]
pub(crate) fn lose_reduction(s: &mut State) -> Option<Coefficient> {
    if s.c >= 100 {
        return None;
    }
    let before = in_range(s.c);
    s.c = 100;
    s.paf = 0;
    s.streak = 0;
    Some(before)
}

/// A coefficient of the running state. Every step ends within 0.50–3.50 (the floor and the
/// ceiling are steps of their own, shown in the trace), so nothing is clamped here: a value out
/// of range is a bug of the step, caught by the debug assertion in the tests.
#[inline]
pub(crate) fn in_range(h: u32) -> Coefficient {
    debug_assert!(
        (50..=350).contains(&h),
        "coefficient hors bornes dans le moteur : {h} centièmes"
    );
    Coefficient::clamped(h)
}

/// The running state, in hundredths.
#[derive(Debug, Clone, Copy)]
pub(crate) struct State {
    pub c: u32,
    pub paf: u32,
    pub streak: u32,
    pub protection_used: bool,
}

impl From<StartState> for State {
    fn from(s: StartState) -> Self {
        State {
            c: s.coefficient.hundredths(),
            paf: s.periods_at_floor,
            streak: s.claim_free_streak,
            protection_used: s.protection_used,
        }
    }
}

impl State {
    /// R10: the first counting claim of the period is forgiven.
    #[inline]
    pub(crate) fn protected(&self, opts: &RuleOptions) -> bool {
        self.c == 50
            && self.paf >= 3
            && (opts.floor_protection == FloorProtection::Renewable || !self.protection_used)
    }

    pub fn to_start(self) -> StartState {
        StartState {
            coefficient: in_range(self.c),
            periods_at_floor: self.paf,
            claim_free_streak: self.streak,
            protection_used: self.protection_used,
        }
    }
}

/// Factor of a claim as a reduced fraction: full 5/4 (6/5 tournées), partial 9/8 (11/10).
#[inline]
fn factor(usage: Usage, partial: bool) -> (u128, u128, &'static str) {
    match (usage, partial) {
        (Usage::Standard, false) => (5, 4, "1,25"),
        (Usage::Standard, true) => (9, 8, "1,125"),
        (Usage::Tournees, false) => (6, 5, "1,20"),
        (Usage::Tournees, true) => (11, 10, "1,10"),
    }
}

/// One yearly step. `claims` are the period's claims in order of occurrence; `majorate_only`
/// marks a short first period whose claims majorate immediately (no reduction either way).
#[inline]
pub(crate) fn step<C: ClaimLike, S: Sink>(
    s: &mut State,
    usage: Usage,
    opts: &RuleOptions,
    period: PeriodFlags,
    claims: &[C],
    sink: &mut S,
) {
    let c0 = s.c;
    let mut counting = 0usize;
    let mut art6 = false;
    for (i, cl) in claims.iter().enumerate() {
        match classify(cl.kind(), cl.responsibility()) {
            ClaimEffect::Counts => counting += 1,
            ClaimEffect::NeutralArt6 => {
                art6 = true;
                sink.claim(
                    i,
                    false,
                    "art. 6",
                    if cl.kind() == ClaimKind::Accident {
                        "cause entièrement imputable à la victime ou à un tiers : jamais majoré"
                    } else {
                        "force majeure ou conduite à l'insu : jamais majoré"
                    },
                );
            }
            ClaimEffect::NeutralArt7 => sink.claim(
                i,
                false,
                "art. 7",
                "sinistre neutre (stationnement, vol, incendie ou bris de glace seuls)",
            ),
        }
    }

    if counting > 0 {
        // Art. 4 al. 2: protection of the first claim after three years at 0.50.
        let protected = s.protected(opts);
        let mut first = true;
        let mut c = u128::from(c0);
        let mut num = u128::from(c0);
        let mut den = 1u128;
        let mut factors: Vec<&'static str> = Vec::new();
        let mut capped = false;
        for (i, (at, cl)) in claims
            .iter()
            .enumerate()
            .filter(|(_, cl)| classify(cl.kind(), cl.responsibility()) == ClaimEffect::Counts)
            .enumerate()
        {
            if protected && first {
                first = false;
                s.protection_used = true;
                sink.claim(
                    at,
                    true,
                    "art. 4 al. 2",
                    "premier sinistre après trois ans à 0,50 : non majoré",
                );
                sink.step(|| Step::Protection { claim: i + 1 });
                continue;
            }
            first = false;
            let partial = cl.responsibility() == Responsibility::Partial;
            let (fnum, fden, flabel) = factor(usage, partial);
            sink.claim(
                at,
                true,
                "art. 5",
                if partial {
                    "sinistre partiellement responsable : majoration réduite de moitié"
                } else {
                    "sinistre responsable : majoration"
                },
            );
            match opts.truncation {
                Truncation::PerClaim => {
                    if capped {
                        continue;
                    }
                    let before = c;
                    let after = c * fnum / fden;
                    sink.step(|| Step::Majoration {
                        claim: i + 1,
                        factor: flabel.to_string(),
                        before: in_range(before as u32),
                        exact: exact(before * fnum, fden * 100),
                        after: hundredths_str(after as u64),
                    });
                    c = after;
                    capped = c >= 350;
                }
                Truncation::PerPeriod => {
                    if !capped {
                        num *= fnum;
                        den *= fden;
                        capped = num >= 350 * den;
                    }
                    factors.push(flabel);
                }
            }
        }
        if opts.truncation == Truncation::PerPeriod && !factors.is_empty() {
            c = num / den;
            sink.step(|| Step::MajorationPerPeriod {
                factors: factors.iter().map(|f| f.to_string()).collect(),
                before: in_range(c0),
                exact: exact(num, den * 100),
                after: hundredths_str(c as u64),
            });
        }
        if c > 350 {
            sink.step(|| Step::Ceiling {
                before: hundredths_str(c as u64),
            });
            c = 350;
        }
        sink.step(|| Step::NoReductionClaimYear);
        s.c = c as u32;
        s.streak = 0;
        s.paf = 0;
        return;
    }

    if !period.counts_as_year {
        // R13: a short first period is not a year: nothing changes.
        return;
    }
    if period.interrupted {
        sink.step(|| Step::Interruption {
            months: period
                .interruption
                .map_or(period.interruption_months, |i| i.months),
            suspension: period.interruption,
        });
        return;
    }
    if art6 && opts.art6_blocks_reduction {
        sink.step(|| Step::Art6NoReduction);
        return;
    }
    let r = usage.reduction();
    let reduced = c0 * r / 100;
    sink.step(|| Step::Reduction {
        factor: format!("0,{r}"),
        before: in_range(c0),
        exact: exact(u128::from(c0) * u128::from(r), 10_000),
        // The value after truncation, even under the floor: the floor is its own step.
        after: hundredths_str(u64::from(reduced)),
    });
    let mut c = reduced;
    if c < 50 {
        sink.step(|| Step::Floor {
            exact: hundredths_str(u64::from(reduced)),
        });
        c = 50;
    }
    s.paf = if c0 == 50 { s.paf + 1 } else { 0 };
    s.streak += 1;
    if s.streak >= 2 && c > 100 {
        sink.step(|| Step::TwoYearRule {
            before: in_range(c),
        });
        c = 100;
    }
    s.c = c;
}

/// Runs the periods of a scenario (the period form of the spec), with the full trace.
pub fn run_periods(sc: &Scenario) -> PeriodOutcome {
    let mut state = State::from(sc.start);
    let mut coefficients = Vec::with_capacity(sc.periods.len());
    let mut traces = Vec::with_capacity(sc.periods.len());
    let mut carried: Vec<PeriodClaim> = Vec::new();
    for (i, p) in sc.periods.iter().enumerate() {
        let before = in_range(state.c);
        let mut pt = PeriodTrace {
            index: i + 1,
            start: p.start,
            end: p.end,
            echeance: p.echeance,
            months: p.months,
            interruption_months: p.interruption_months,
            before,
            after: before,
            claims: Vec::new(),
            steps: Vec::new(),
            periods_at_floor: 0,
            claim_free_streak: 0,
        };
        let mut claims: Vec<PeriodClaim> = std::mem::take(&mut carried);
        if !claims.is_empty() {
            pt.steps.push(Step::CarriedIn {
                count: claims.len(),
            });
        }
        claims.extend(p.claims.iter().cloned());
        if p.reduction_lost {
            if let Some(before) = lose_reduction(&mut state) {
                pt.steps.push(Step::ReductionLost { before });
            }
        }
        if !p.counts_as_year
            && sc.options.short_first_period_claims == ShortFirstPeriodClaims::CarryForward
        {
            pt.steps.push(Step::ShortFirstPeriod {
                months: p.months,
                carried_forward: claims.len(),
            });
            carried = claims;
        } else {
            if !p.counts_as_year {
                pt.steps.push(Step::ShortFirstPeriod {
                    months: p.months,
                    carried_forward: 0,
                });
            }
            step(
                &mut state,
                sc.usage,
                &sc.options,
                p.flags(),
                &claims,
                &mut TraceSink {
                    trace: &mut pt,
                    claims: &claims,
                },
            );
        }
        let after = in_range(state.c);
        pt.after = after;
        pt.periods_at_floor = state.paf;
        pt.claim_free_streak = state.streak;
        coefficients.push(after);
        traces.push(pt);
    }
    let outside = carried
        .iter()
        .map(|c| ClaimTrace {
            id: c.id.clone(),
            date: c.date,
            kind: c.kind,
            responsibility: c.responsibility,
            initial_responsibility: c.initial_responsibility,
            requalification: c.requalification.clone(),
            counted: false,
            rule: "art. 9 al. 3",
            reason: "reporté sur une période qui n'est pas encore close".into(),
        })
        .collect();
    PeriodOutcome {
        coefficients,
        trace: Trace {
            usage: sc.usage,
            start_coefficient: sc.start.coefficient,
            options: sc.options,
            periods: traces,
            outside,
        },
        end: state.to_start(),
    }
}
