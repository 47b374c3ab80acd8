//! Loi Hamon (art. L113-15-2 du Code des assurances): after **one year from the subscription**,
//! an auto or home contract of a natural person outside their profession may be terminated at any
//! time, without fee; the termination takes effect **one month after the insurer receives the
//! notice**. Individual complémentaire santé likewise since 1 December 2020 (loi n° 2019-733,
//! décret n° 2020-1438), so a santé contract subscribed before is eligible from the later of its
//! first anniversary and that date.
//!
//! "After one year": from the first anniversary of the subscription date, counted in calendar
//! months (a subscription on 29 February becomes eligible on 28 February of the next year).

use super::ContractTerms;
use crate::vocabulary::Product;
use chrono::{Months, NaiveDate};

/// The day santé contracts became eligible.
pub fn sante_since() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 12, 1).unwrap_or(NaiveDate::MIN)
}

/// The first day the contract may be terminated at any time, or `None` when Hamon does not
/// apply (product, or subscriber not a natural person outside their profession).
pub fn hamon_eligible_from(terms: &ContractTerms) -> Option<NaiveDate> {
    if !terms.subscriber.protected() {
        return None;
    }
    let anniversary = terms.subscription.checked_add_months(Months::new(12))?;
    match terms.product {
        Product::Auto | Product::Habitation => Some(anniversary),
        Product::Sante => Some(anniversary.max(sante_since())),
        Product::Prevoyance | Product::Autre => None,
    }
}

/// Whether the contract may be terminated at any time on `today`.
pub fn hamon_eligible_on(terms: &ContractTerms, today: NaiveDate) -> bool {
    hamon_eligible_from(terms).is_some_and(|from| today >= from)
}

/// When a Hamon termination notified (received by the insurer) on `notified` takes effect.
pub fn hamon_effective_on(notified: NaiveDate) -> Option<NaiveDate> {
    notified.checked_add_months(Months::new(1))
}
