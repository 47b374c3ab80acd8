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

mod aggravation;
pub use aggravation::{
    fact_aggravation, surcharge_window, surcharges_in_force, surcharges_note,
    suspension_aggravation, three_claims_events, AggravatingEvent, Aggravation, AggravationError,
    SurchargeInForce, SuspensionLength, CAP_PERCENT,
};

/// A surcharge applied on a notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppliedSurcharge {
    pub kind: Aggravation,
    /// The rate charged (percent of the reference premium), after the cap.
    pub rate: Decimal,
    /// The article's rate, before the cap.
    pub full_rate: Decimal,
    pub amount: Decimal,
    pub event_date: NaiveDate,
    /// The échéance it stops at.
    pub until: NaiveDate,
    /// Reduced by the 400 % cap.
    pub capped: bool,
    pub note: Option<String>,
}

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
    /// The 400 % cap reduced the surcharges.
    pub surcharges_capped: bool,
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
    surcharges: &[SurchargeInForce],
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
        .map(|x| AppliedSurcharge {
            kind: x.kind,
            rate: x.rate,
            full_rate: x.full_rate,
            amount: cents(reference_modulated * x.rate / hundred),
            event_date: x.event_date,
            until: x.until,
            capped: x.capped,
            note: x.note(),
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
        surcharges_capped: applied.iter().any(|x| x.capped),
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
}
