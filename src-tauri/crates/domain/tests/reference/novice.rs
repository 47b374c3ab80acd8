//! The novice driver's surcharge (A121-1-1), in percent of the reference premium: at most 100 %
//! (50 % after apprentissage anticipé de la conduite), "reduced by half of the initial rate
//! after each year without a responsible claim": `literal` 100 → 50 → 0 (AAC 50 → 25 → 0);
//! `three_steps` halves it each year for three years, 100 → 50 → 25 → 0 (AAC 50 → 25 → 12.5 → 0).

use courtier_domain::bonus_malus::NoviceSchedule;
use rust_decimal::Decimal;

pub fn rate(aac: bool, claim_free_years: u32, schedule: NoviceSchedule) -> Decimal {
    let initial = Decimal::from(if aac { 50 } else { 100 });
    let half = initial / Decimal::from(2);
    match schedule {
        NoviceSchedule::Literal => {
            (initial - half * Decimal::from(claim_free_years)).max(Decimal::ZERO)
        }
        NoviceSchedule::ThreeSteps => {
            if claim_free_years >= 3 {
                Decimal::ZERO
            } else {
                initial / Decimal::from(2u32.pow(claim_free_years))
            }
        }
    }
}
