//! Vehicles and drivers: registration numbers, licences, the novice driver.

use chrono::{Months, NaiveDate};

pub use crate::fields::{registration, RegistrationError};

/// Whether a driver is a novice on `on` (A121-1-1): licence for less than three years.
pub fn is_novice(licence_date: Option<NaiveDate>, on: NaiveDate) -> bool {
    match licence_date {
        Some(d) => d
            .checked_add_months(Months::new(36))
            .is_some_and(|three| on < three),
        None => false,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn novice() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(is_novice(Some(d("2024-01-10")), d("2027-01-09")));
        assert!(!is_novice(Some(d("2024-01-10")), d("2027-01-10")));
        assert!(!is_novice(None, d("2027-01-10")));
    }
}
