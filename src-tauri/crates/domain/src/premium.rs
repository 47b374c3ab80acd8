//! Premiums (R2, R19) and the surcharges outside the coefficient (section 5 of the spec):
//! the novice driver (A121-1-1) and aggravating circumstances (A121-1-2).
//!
//! `premium = P_ref × (1 + s_novice) × CRM + P_ref × Σ m_i` on the guarantees the clause
//! modulates (RC, dommages, vol, incendie, bris de glace, catastrophes naturelles), plus the other
//! guarantees (assistance, protection juridique, garantie du conducteur) as they are. Amounts are
//! exact decimals, rounded to the cent half away from zero once per line of the notice.

use crate::bonus_malus::NoviceSchedule;
use crate::Coefficient;
use chrono::{Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// One guarantee of a contract and its reference premium for the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PremiumLine {
    pub guarantee: String,
    pub amount: Decimal,
    /// Whether the coefficient applies to it (R2).
    pub modulated: bool,
}

/// The novice driver's surcharge rate, in percent of the reference premium (A121-1-1): 100 %
/// at most (50 % after apprentissage anticipé de la conduite), reduced by half of the initial
/// rate after each year, consecutive or not, without a responsible claim.
pub fn novice_rate(aac: bool, claim_free_years: u32, schedule: NoviceSchedule) -> Decimal {
    let initial = if aac {
        Decimal::from(50)
    } else {
        Decimal::from(100)
    };
    match schedule {
        NoviceSchedule::Literal => {
            let r = initial - initial / Decimal::from(2) * Decimal::from(claim_free_years);
            r.max(Decimal::ZERO)
        }
        NoviceSchedule::ThreeSteps => match claim_free_years {
            0 => initial,
            1 => initial / Decimal::from(2),
            2 => initial / Decimal::from(4),
            _ => Decimal::ZERO,
        },
    }
}

/// A driver named on a contract, as the novice surcharge sees them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamedDriver {
    /// To match the claims they were driving in.
    pub id: i64,
    pub licence_date: Option<NaiveDate>,
    pub aac: bool,
    /// Designated on the contract from, until (exclusive).
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

/// The novice surcharge of a notice: its rate and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoviceSurcharge {
    /// Percent of the reference premium.
    pub rate: Decimal,
    pub licence_date: NaiveDate,
    pub aac: bool,
    /// Insurance years completed by `on` without a responsible claim.
    pub claim_free_years: u32,
}

/// The novice surcharge (A121-1-1) on `on`: for each driver on the contract that day whose
/// licence is under three years old, the initial rate (100 %, 50 % after AAC) less half of it for
/// each insurance year completed on the contract without a responsible claim of theirs
/// (`responsible`: the date of each responsible claim of the contract and who was driving, when
/// known; a claim whose driver is unknown counts for every driver); the highest rate applies.
pub fn novice_surcharge(
    drivers: &[NamedDriver],
    responsible: &[(NaiveDate, Option<i64>)],
    on: NaiveDate,
    schedule: NoviceSchedule,
) -> Option<NoviceSurcharge> {
    drivers
        .iter()
        .filter(|d| d.from <= on && d.to.map_or(true, |t| on < t))
        .filter_map(|d| {
            let licence = d.licence_date?;
            if !crate::vehicle::is_novice(Some(licence), on) {
                return None;
            }
            let start = d.from.max(licence);
            let mut claim_free = 0u32;
            for y in 0u32.. {
                let (Some(a), Some(b)) = (
                    start.checked_add_months(Months::new(12 * y)),
                    start.checked_add_months(Months::new(12 * (y + 1))),
                ) else {
                    break;
                };
                if b > on {
                    break;
                }
                let theirs = |who: &Option<i64>| who.map_or(true, |w| w == d.id);
                if !responsible
                    .iter()
                    .any(|(c, who)| a <= *c && *c < b && theirs(who))
                {
                    claim_free += 1;
                }
            }
            let rate = novice_rate(d.aac, claim_free, schedule);
            (rate > Decimal::ZERO).then_some(NoviceSurcharge {
                rate,
                licence_date: licence,
                aac: d.aac,
                claim_free_years: claim_free,
            })
        })
        .max_by_key(|n| n.rate)
}

/// Aggravating circumstances (A121-1-2) and their maximum rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggravation {
    /// Responsible accident under alcohol: 150 %.
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
            Aggravation::Alcohol => "accident responsable sous l'emprise de l'alcool",
            Aggravation::SuspensionShort => "suspension du permis de 2 à 6 mois",
            Aggravation::SuspensionLong => "suspension du permis de plus de 6 mois",
            Aggravation::Cancellation => "annulation du permis ou suspensions multiples",
            Aggravation::HitAndRun => "délit de fuite",
            Aggravation::NonDeclaration => "non-déclaration à la souscription",
            Aggravation::ThreeClaims => "trois sinistres responsables ou plus dans la période",
        }
    }
    fn is_suspension(self) -> bool {
        matches!(
            self,
            Aggravation::SuspensionShort | Aggravation::SuspensionLong | Aggravation::Cancellation
        )
    }
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

/// A surcharge applied on a notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppliedSurcharge {
    pub kind: Aggravation,
    pub rate: Decimal,
    pub amount: Decimal,
    pub note: Option<String>,
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
/// `first_echeance`: each lasts until two years after the first échéance following its event;
/// alcohol or hit-and-run and the suspension they caused count once, the higher; the sum is
/// capped at 400 %. Returns (kind, rate, note) in order.
pub fn surcharges_in_force(
    events: &[AggravatingEvent],
    first_echeance: NaiveDate,
    on: NaiveDate,
) -> Vec<(Aggravation, Decimal, Option<String>)> {
    let active = |e: &AggravatingEvent| -> bool {
        let next = crate::bonus_malus::next_echeance(first_echeance, e.date);
        let end = next.and_then(|n| n.checked_add_months(Months::new(24)));
        e.date <= on && end.is_some_and(|end| on < end)
    };
    let mut out: Vec<(Aggravation, Decimal, Option<String>)> = Vec::new();
    let mut skip = vec![false; events.len()];
    for (i, e) in events.iter().enumerate() {
        if !active(e) || skip[i] {
            continue;
        }
        if e.kind.is_suspension() {
            if let Some(cause) = e.caused_by.and_then(|c| events.get(c).map(|x| (c, x))) {
                let (ci, cev) = cause;
                if active(cev) {
                    // The higher path only.
                    skip[ci] = true;
                    let (kind, rate) = if cev.kind.rate() >= e.kind.rate() {
                        (cev.kind, cev.kind.rate())
                    } else {
                        (e.kind, e.kind.rate())
                    };
                    out.retain(|(k, _, _)| *k != cev.kind);
                    out.push((
                        kind,
                        rate,
                        Some(format!(
                            "{} et {} : une seule majoration, la plus élevée",
                            cev.kind.fr(),
                            e.kind.fr()
                        )),
                    ));
                    continue;
                }
            }
        }
        out.push((e.kind, e.kind.rate(), None));
    }
    // Cap the sum at 400 %.
    let mut total = Decimal::ZERO;
    let cap = Decimal::from(400);
    for item in out.iter_mut() {
        if total + item.1 > cap {
            item.1 = (cap - total).max(Decimal::ZERO);
            item.2 = Some("plafond de 400 % atteint".into());
        }
        total += item.1;
    }
    out.retain(|(_, r, _)| *r > Decimal::ZERO);
    out
}

/// The renewal notice (R19): reference premium, CRM, premium after CRM, each surcharge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PremiumNotice {
    /// Reference premium of the modulated guarantees (before the novice surcharge).
    pub reference_modulated: Decimal,
    /// The other guarantees, as they are.
    pub not_modulated: Decimal,
    pub novice_rate: Decimal,
    pub novice_amount: Decimal,
    pub coefficient: Coefficient,
    /// `P_ref × (1 + s_novice) × CRM`.
    pub after_coefficient: Decimal,
    pub surcharges: Vec<AppliedSurcharge>,
    pub total: Decimal,
}

fn cents(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// The next premium for reference lines, a coefficient, a novice rate (percent) and the
/// aggravating surcharges in force (percent each).
pub fn premium_notice(
    lines: &[PremiumLine],
    coefficient: Coefficient,
    novice_rate_percent: Decimal,
    surcharges: &[(Aggravation, Decimal, Option<String>)],
) -> PremiumNotice {
    let hundred = Decimal::from(100);
    let reference_modulated: Decimal = lines.iter().filter(|l| l.modulated).map(|l| l.amount).sum();
    let not_modulated: Decimal = lines
        .iter()
        .filter(|l| !l.modulated)
        .map(|l| l.amount)
        .sum();
    let novice_amount = cents(reference_modulated * novice_rate_percent / hundred);
    let after_coefficient = cents(
        reference_modulated
            * (Decimal::ONE + novice_rate_percent / hundred)
            * coefficient.to_decimal(),
    );
    let applied: Vec<AppliedSurcharge> = surcharges
        .iter()
        .map(|(k, r, n)| AppliedSurcharge {
            kind: *k,
            rate: *r,
            amount: cents(reference_modulated * *r / hundred),
            note: n.clone(),
        })
        .collect();
    let total = after_coefficient
        + applied.iter().map(|s| s.amount).sum::<Decimal>()
        + cents(not_modulated);
    PremiumNotice {
        reference_modulated,
        not_modulated: cents(not_modulated),
        novice_rate: novice_rate_percent,
        novice_amount,
        coefficient,
        after_coefficient,
        surcharges: applied,
        total,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn novice_surcharge_follows_the_driver_and_the_claim_free_years() {
        let young = NamedDriver {
            id: 1,
            licence_date: Some(d("2025-03-01")),
            aac: false,
            from: d("2025-06-01"),
            to: None,
        };
        let old = NamedDriver {
            id: 2,
            licence_date: Some(d("1995-01-01")),
            aac: false,
            from: d("2020-01-01"),
            to: None,
        };
        let lit = NoviceSchedule::Literal;
        // First year: 100 %.
        let s = novice_surcharge(&[old, young], &[], d("2026-01-01"), lit).unwrap();
        assert_eq!(s.rate, dec!(100));
        // After one claim-free year: 50 %; a responsible claim in that year keeps 100 %.
        assert_eq!(
            novice_surcharge(&[young], &[], d("2026-06-01"), lit)
                .unwrap()
                .rate,
            dec!(50)
        );
        assert_eq!(
            novice_surcharge(&[young], &[(d("2025-09-10"), None)], d("2026-06-01"), lit)
                .unwrap()
                .rate,
            dec!(100)
        );
        // The other driver's claim does not stop the novice's claim-free year.
        assert_eq!(
            novice_surcharge(
                &[young, old],
                &[(d("2025-09-10"), Some(2))],
                d("2026-06-01"),
                lit
            )
            .unwrap()
            .rate,
            dec!(50)
        );
        // Two claim-free years: nothing; licence over three years: nothing either.
        assert_eq!(novice_surcharge(&[young], &[], d("2027-06-01"), lit), None);
        assert_eq!(novice_surcharge(&[old], &[], d("2026-01-01"), lit), None);
        // AAC halves it; a driver no longer designated does not count.
        let aac = NamedDriver { aac: true, ..young };
        assert_eq!(
            novice_surcharge(&[aac], &[], d("2026-01-01"), lit)
                .unwrap()
                .rate,
            dec!(50)
        );
        let gone = NamedDriver {
            to: Some(d("2025-12-01")),
            ..young
        };
        assert_eq!(novice_surcharge(&[gone], &[], d("2026-01-01"), lit), None);
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn line(amount: Decimal, modulated: bool) -> PremiumLine {
        PremiumLine {
            guarantee: "RC".into(),
            amount,
            modulated,
        }
    }

    #[test]
    fn service_public_novice_example() {
        // Reference 500 €: year 1, 500 × 2 × 1.00 = 1 000 €; year 2, 500 × 1.5 × 0.95 = 712.50 €.
        let y1 = premium_notice(
            &[line(dec!(500), true)],
            Coefficient::ONE,
            novice_rate(false, 0, NoviceSchedule::Literal),
            &[],
        );
        assert_eq!(y1.total, dec!(1000.00));
        let y2 = premium_notice(
            &[line(dec!(500), true)],
            Coefficient::parse("0.95").unwrap(),
            novice_rate(false, 1, NoviceSchedule::Literal),
            &[],
        );
        assert_eq!(y2.total, dec!(712.50));
    }

    #[test]
    fn novice_schedules() {
        let l = |aac, y| novice_rate(aac, y, NoviceSchedule::Literal);
        let t = |aac, y| novice_rate(aac, y, NoviceSchedule::ThreeSteps);
        assert_eq!(
            [l(false, 0), l(false, 1), l(false, 2), l(false, 3)],
            [dec!(100), dec!(50), dec!(0), dec!(0)]
        );
        assert_eq!(
            [l(true, 0), l(true, 1), l(true, 2)],
            [dec!(50), dec!(25), dec!(0)]
        );
        assert_eq!(
            [t(false, 0), t(false, 1), t(false, 2), t(false, 3)],
            [dec!(100), dec!(50), dec!(25), dec!(0)]
        );
        assert_eq!(
            [t(true, 0), t(true, 1), t(true, 2), t(true, 3)],
            [dec!(50), dec!(25), dec!(12.5), dec!(0)]
        );
    }

    #[test]
    fn non_modulated_lines_are_added_as_they_are() {
        let n = premium_notice(
            &[line(dec!(400), true), line(dec!(60.55), false)],
            Coefficient::parse("1.25").unwrap(),
            Decimal::ZERO,
            &[],
        );
        assert_eq!(n.after_coefficient, dec!(500.00));
        assert_eq!(n.total, dec!(560.55));
    }

    #[test]
    fn aggravations_cap_no_double_count_and_expire() {
        let first = d("2025-01-01");
        let ev = vec![
            AggravatingEvent {
                kind: Aggravation::Alcohol,
                date: d("2025-03-10"),
                caused_by: None,
            },
            AggravatingEvent {
                kind: Aggravation::SuspensionLong,
                date: d("2025-04-01"),
                caused_by: Some(0),
            },
            AggravatingEvent {
                kind: Aggravation::HitAndRun,
                date: d("2025-05-01"),
                caused_by: None,
            },
            AggravatingEvent {
                kind: Aggravation::Cancellation,
                date: d("2025-06-01"),
                caused_by: None,
            },
        ];
        let s = surcharges_in_force(&ev, first, d("2025-07-01"));
        // Alcohol (150) and the suspension it caused (100): 150 only; + 100 + 200 = 450 → 400.
        let total: Decimal = s.iter().map(|x| x.1).sum();
        assert_eq!(total, dec!(400));
        assert_eq!(s[0].0, Aggravation::Alcohol);
        assert_eq!(s[0].1, dec!(150));
        // Two years after the first échéance following the events (2026-01-01): gone on 2028-01-01.
        assert!(!surcharges_in_force(&ev, first, d("2027-12-31")).is_empty());
        assert!(surcharges_in_force(&ev, first, d("2028-01-01")).is_empty());
        // Not before the event.
        assert!(surcharges_in_force(&ev, first, d("2025-03-01")).is_empty());

        let n = premium_notice(
            &[line(dec!(500), true)],
            Coefficient::ONE,
            Decimal::ZERO,
            &s,
        );
        assert_eq!(n.total, dec!(500) + dec!(500) * dec!(4));
    }
}
