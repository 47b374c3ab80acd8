//! R17 (art. 11, 13): a new contract's start from the last relevé d'information. The relevé's
//! coefficient already holds every claim before the end of its last reference period (its last
//! échéance − 2 months). Each counting claim from that end up to the date the information was
//! stopped is majorated; otherwise one reduction if at least nine months of cover have passed
//! since that end. That step follows the rules of every period. The counters come with the
//! insured: the claim-free streak at the end of the relevé's five annual periods, and the periods
//! at 0.50 it proves (whole years from `at_floor_since` to its last échéance, counting only
//! claim-free periods, hence at most that streak; nothing when the relevé is not at 0.50).

use super::{counts, Insured};
use chrono::{Months, NaiveDate};
use courtier_domain::bonus_malus::{ClaimKind, Releve, Responsibility, RuleOptions};

fn minus(d: NaiveDate, m: u32) -> Option<NaiveDate> {
    d.checked_sub_months(Months::new(m))
}

/// `(start coefficient, claim-free streak, periods at 0.50)` of the new contract.
pub fn start(r: &Releve, o: &RuleOptions) -> Option<(u32, u32, u32)> {
    let e = r.last_echeance;
    let end = minus(e, 2)?;
    // The five periods, the most recent first: [E − 14 − 12j, E − 2 − 12j) months.
    let mut streak = 0;
    for j in 0..5u32 {
        let (from, to) = (minus(e, 14 + 12 * j)?, minus(e, 2 + 12 * j)?);
        let claim = r
            .claims
            .iter()
            .any(|c| c.date >= from && c.date < to && counts(c.kind, c.responsibility));
        if claim {
            break;
        }
        streak += 1;
    }
    let at_floor = match r.at_floor_since {
        Some(since) if r.coefficient.hundredths() == 50 => {
            let mut years = 0u32;
            while since.checked_add_months(Months::new(12 * (years + 1)))? <= e {
                years += 1;
            }
            years.min(streak)
        }
        _ => 0,
    };
    let mut insured = Insured::new(r.coefficient.hundredths(), at_floor, streak);
    let mut after: Vec<_> = r
        .claims
        .iter()
        .filter(|c| c.date >= end && c.date <= r.stopped_on)
        .collect();
    after.sort_by_key(|c| c.date);
    let after: Vec<(ClaimKind, Responsibility)> =
        after.iter().map(|c| (c.kind, c.responsibility)).collect();
    let nine_months = end.checked_add_months(Months::new(9))? <= r.stopped_on;
    let any_counting = after.iter().any(|(k, r)| counts(*k, *r));
    if any_counting || nine_months {
        insured.close(r.usage, o, &after, true, false);
    }
    Some((insured.c, insured.claim_free, insured.at_floor))
}
