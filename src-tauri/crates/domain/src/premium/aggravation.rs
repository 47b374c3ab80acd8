//! Aggravating circumstances (A121-1-2, formerly A335-9-2): their rates, how long each lasts,
//! the higher-path rule for alcohol or hit-and-run and the suspension they caused, the 400 % cap,
//! and the French explanation the calculation note prints.
//!
//! Rates are of the reference premium before the novice surcharge and the CRM, and are added,
//! never multiplied. Each surcharge lasts until two years after the first échéance following its
//! event: the échéance two anniversaries of the first échéance after that one (so a contract whose
//! first échéance is a 29 February ends on a 29 February when the year has one).

use crate::bonus_malus::dated::echeance;
use crate::vocabulary::AggravationFact;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Aggravating circumstances (A121-1-2) and their maximum rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggravation {
    /// Responsible accident under alcohol or drugs: 150 %.
    Alcohol,
    /// Licence suspended 2 to 6 months: 50 %.
    SuspensionShort,
    /// Licence suspended over 6 months: 100 %.
    SuspensionLong,
    /// Licence cancelled, or several suspensions over 2 months in one period: 200 %.
    Cancellation,
    /// Hit-and-run (délit de fuite): 100 %.
    HitAndRun,
    /// Non-declaration at subscription: 100 %.
    NonDeclaration,
    /// Three or more responsible claims in one reference period: 50 %.
    ThreeClaims,
}

/// The sum of the surcharges is capped at 400 % of the reference premium.
pub const CAP_PERCENT: u32 = 400;

impl Aggravation {
    pub fn rate(self) -> Decimal {
        Decimal::from(match self {
            Aggravation::Alcohol => 150,
            Aggravation::SuspensionShort => 50,
            Aggravation::SuspensionLong => 100,
            Aggravation::Cancellation => 200,
            Aggravation::HitAndRun => 100,
            Aggravation::NonDeclaration => 100,
            Aggravation::ThreeClaims => 50,
        })
    }
    pub fn fr(self) -> &'static str {
        match self {
            Aggravation::Alcohol => {
                "accident responsable sous l'emprise de l'alcool ou de stupéfiants"
            }
            Aggravation::SuspensionShort => "suspension du permis de 2 à 6 mois",
            Aggravation::SuspensionLong => "suspension du permis de plus de 6 mois",
            Aggravation::Cancellation => "annulation du permis ou suspensions multiples",
            Aggravation::HitAndRun => "délit de fuite",
            Aggravation::NonDeclaration => "non-déclaration à la souscription",
            Aggravation::ThreeClaims => "trois sinistres responsables ou plus dans la période",
        }
    }
    /// A loss of the licence: the path alcohol or hit-and-run may have caused.
    pub fn is_suspension(self) -> bool {
        matches!(
            self,
            Aggravation::SuspensionShort | Aggravation::SuspensionLong | Aggravation::Cancellation
        )
    }
    /// What may cause a suspension (the higher-path rule).
    pub fn is_cause(self) -> bool {
        matches!(self, Aggravation::Alcohol | Aggravation::HitAndRun)
    }
}

/// How long a licence was suspended, as the broker knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuspensionLength {
    /// A length in whole months.
    Months(u32),
    /// From, to (the day the licence is given back).
    Dates { from: NaiveDate, to: NaiveDate },
}

/// An aggravating fact that cannot be charged as given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AggravationError {
    #[error("Une suspension du permis de moins de deux mois n'entraîne pas de majoration (art. A121-1-2).")]
    SuspensionTooShort,
    #[error("La fin de la suspension doit suivre son début.")]
    SuspensionEndsBeforeStart,
    #[error("Indiquez la durée de la suspension : en mois, ou ses dates de début et de fin.")]
    SuspensionLengthMissing,
    #[error("Seule une suspension du permis a une durée.")]
    LengthNotExpected,
}

/// A suspension's surcharge from its length: 2 to 6 months (6 included) 50 %, over 6 months
/// 100 %; under 2 months none (refused).
pub fn suspension_aggravation(len: SuspensionLength) -> Result<Aggravation, AggravationError> {
    let (short, long) = match len {
        SuspensionLength::Months(m) => (m < 2, m > 6),
        SuspensionLength::Dates { from, to } => {
            if to <= from {
                return Err(AggravationError::SuspensionEndsBeforeStart);
            }
            let plus = |m| from.checked_add_months(chrono::Months::new(m));
            (
                plus(2).is_some_and(|x| to < x),
                plus(6).is_some_and(|x| to > x),
            )
        }
    };
    if short {
        Err(AggravationError::SuspensionTooShort)
    } else if long {
        Ok(Aggravation::SuspensionLong)
    } else {
        Ok(Aggravation::SuspensionShort)
    }
}

/// The surcharge a recorded fact brings. Several suspensions over two months in one period
/// are charged as a cancellation (200 %).
pub fn fact_aggravation(
    fact: AggravationFact,
    length: Option<SuspensionLength>,
) -> Result<Aggravation, AggravationError> {
    match (fact, length) {
        (AggravationFact::Suspension, Some(l)) => suspension_aggravation(l),
        (AggravationFact::Suspension, None) => Err(AggravationError::SuspensionLengthMissing),
        (_, Some(_)) => Err(AggravationError::LengthNotExpected),
        (AggravationFact::Alcohol, None) => Ok(Aggravation::Alcohol),
        (AggravationFact::HitAndRun, None) => Ok(Aggravation::HitAndRun),
        (AggravationFact::Cancellation | AggravationFact::MultipleSuspensions, None) => {
            Ok(Aggravation::Cancellation)
        }
        (AggravationFact::NonDeclaration, None) => Ok(Aggravation::NonDeclaration),
    }
}

/// The first échéance strictly after `event` and the échéance two years after it, when the
/// surcharge stops: `(first following, end)`.
pub fn surcharge_window(
    first_echeance: NaiveDate,
    event: NaiveDate,
) -> Option<(NaiveDate, NaiveDate)> {
    let (k, next) = (0u32..)
        .map_while(|k| echeance(first_echeance, k).map(|e| (k, e)))
        .find(|(_, e)| *e > event)?;
    Some((next, echeance(first_echeance, k.checked_add(2)?)?))
}

/// One aggravating event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AggravatingEvent {
    pub kind: Aggravation,
    pub date: NaiveDate,
    /// For a suspension: the index (in the same list) of the alcohol or hit-and-run event that
    /// caused it. Both are not charged: the higher applies.
    pub caused_by: Option<usize>,
}

/// A surcharge in force on a date, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SurchargeInForce {
    pub kind: Aggravation,
    /// The index of the event charged, in the list given.
    pub event: usize,
    pub event_date: NaiveDate,
    /// The first échéance after the event.
    pub following_echeance: NaiveDate,
    /// The échéance it stops at (two years after `following_echeance`): not charged from then.
    pub until: NaiveDate,
    /// The article's rate.
    pub full_rate: Decimal,
    /// The rate charged: `full_rate`, or less when the 400 % cap was reached.
    pub rate: Decimal,
    pub capped: bool,
    /// The events of the same path not charged because this one is higher (or equal): index and
    /// kind.
    pub not_charged: Vec<(usize, Aggravation)>,
}

impl SurchargeInForce {
    /// The short French remark a notice line carries, if any.
    pub fn note(&self) -> Option<String> {
        let mut parts = Vec::new();
        for (_, k) in &self.not_charged {
            parts.push(format!(
                "{} et {} : une seule majoration, la plus élevée",
                self.kind.fr(),
                k.fr()
            ));
        }
        if self.capped {
            parts.push(format!(
                "plafond de {CAP_PERCENT} % atteint : {} % au lieu de {} %",
                self.rate, self.full_rate
            ));
        }
        (!parts.is_empty()).then(|| parts.join(" ; "))
    }
}

/// A121-1-2: a reference period with three or more responsible claims counted in it, dated by
/// the third, from a computation's trace.
pub fn three_claims_events(trace: &crate::bonus_malus::Trace) -> Vec<AggravatingEvent> {
    trace
        .periods
        .iter()
        .filter_map(|p| {
            let counted: Vec<NaiveDate> = p
                .claims
                .iter()
                .filter(|c| c.counted)
                .filter_map(|c| c.date)
                .collect();
            counted.get(2).map(|d| AggravatingEvent {
                kind: Aggravation::ThreeClaims,
                date: *d,
                caused_by: None,
            })
        })
        .collect()
}

/// The surcharges in force on `on`, for a contract whose échéances fall on the anniversaries of
/// `first_echeance`, in event order: each from its event until two years after the first
/// échéance following it; alcohol or hit-and-run and the suspensions they caused, all in force,
/// are charged once, the highest (the cause on a tie); the sum is capped at 400 % (the later
/// ones are reduced first, kept with rate 0 when nothing is left, so the notice still shows them).
pub fn surcharges_in_force(
    events: &[AggravatingEvent],
    first_echeance: NaiveDate,
    on: NaiveDate,
) -> Vec<SurchargeInForce> {
    let window: Vec<Option<(NaiveDate, NaiveDate)>> = events
        .iter()
        .map(|e| surcharge_window(first_echeance, e.date))
        .collect();
    let active = |i: usize| events[i].date <= on && window[i].is_some_and(|(_, end)| on < end);
    // Each event's path: a suspension in force joins the path of its cause in force.
    let path: Vec<usize> = (0..events.len())
        .map(|i| match events[i].caused_by {
            Some(c)
                if c != i
                    && c < events.len()
                    && events[i].kind.is_suspension()
                    && events[c].kind.is_cause()
                    && active(i)
                    && active(c) =>
            {
                c
            }
            _ => i,
        })
        .collect();
    let mut out = Vec::new();
    for lead in (0..events.len()).filter(|&i| active(i) && path[i] == i) {
        let members: Vec<usize> = (0..events.len())
            .filter(|&j| path[j] == lead && active(j))
            .collect();
        let mut best = lead;
        for &j in &members {
            if events[j].kind.rate() > events[best].kind.rate() {
                best = j;
            }
        }
        let Some((following, until)) = window[best] else {
            continue;
        };
        let e = &events[best];
        out.push(SurchargeInForce {
            kind: e.kind,
            event: best,
            event_date: e.date,
            following_echeance: following,
            until,
            full_rate: e.kind.rate(),
            rate: e.kind.rate(),
            capped: false,
            not_charged: members
                .iter()
                .filter(|&&j| j != best)
                .map(|&j| (j, events[j].kind))
                .collect(),
        });
    }
    out.sort_by_key(|s| (s.event_date, s.event));
    let cap = Decimal::from(CAP_PERCENT);
    let mut total = Decimal::ZERO;
    for s in out.iter_mut() {
        if total + s.rate > cap {
            s.rate = (cap - total).max(Decimal::ZERO);
            s.capped = true;
        }
        total += s.rate;
    }
    out
}

fn fr_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The calculation note's paragraph on the surcharges in force on `on` (empty when there is
/// none). `fact` describes the recorded fact behind an event index ("sinistre du 10/03/2025",
/// "conducteur Anne Martin"), `None` for what the engine derived (three claims).
pub fn surcharges_note(
    items: &[SurchargeInForce],
    on: NaiveDate,
    fact: &dyn Fn(usize) -> Option<String>,
) -> String {
    if items.is_empty() {
        return String::new();
    }
    let label = |i: usize, kind: Aggravation| match fact(i) {
        Some(f) => format!("{} ({f})", kind.fr()),
        None => kind.fr().to_string(),
    };
    let mut s = format!(
        "Majorations pour circonstances aggravantes à l'échéance du {} (art. A121-1-2 du code des assurances), \
         en pourcentage de la prime de référence avant la majoration du conducteur novice et le coefficient, \
         ajoutées les unes aux autres :\n",
        fr_date(on)
    );
    let mut total = Decimal::ZERO;
    for x in items {
        total += x.rate;
        s += &format!(
            "- {} le {} : {} %, jusqu'à l'échéance du {} (deux ans après la première échéance suivant le fait, le {})",
            label(x.event, x.kind),
            fr_date(x.event_date),
            x.rate,
            fr_date(x.until),
            fr_date(x.following_echeance)
        );
        if x.capped {
            s += &format!(
                " ; ramenée de {} % à {} % par le plafond de {CAP_PERCENT} %",
                x.full_rate, x.rate
            );
        }
        s += ".\n";
        for (j, k) in &x.not_charged {
            s += &format!(
                "  {} : non comptée, le même fait ne donne qu'une majoration, la plus élevée ({} % contre {} %).\n",
                label(*j, *k),
                x.full_rate,
                k.rate()
            );
        }
    }
    s += &format!("Total des majorations : {total} %");
    if items.iter().any(|x| x.capped) {
        s += &format!(" (plafonné à {CAP_PERCENT} %)");
    }
    s += ".\n";
    s
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
