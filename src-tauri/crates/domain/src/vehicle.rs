//! Vehicles and drivers: registration numbers, licences, the novice driver.

use chrono::{Months, NaiveDate};

/// Normalises a French registration number: the SIV form `AB-123-CD` (since 2009; I, O and U
/// are never used, nor SS or WW as a first block) or the older FNI form `1234 AB 75`.
pub fn registration(s: &str) -> Result<String, String> {
    let t: String = s
        .trim()
        .to_uppercase()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .collect();
    let bad = || {
        format!(
            "« {} » n'est pas une immatriculation française (exemples : AB-123-CD, 1234 AB 75).",
            s.trim()
        )
    };
    let letters = |x: &str| {
        x.chars()
            .all(|c| c.is_ascii_uppercase() && !matches!(c, 'I' | 'O' | 'U'))
    };
    let digits = |x: &str| x.chars().all(|c| c.is_ascii_digit());
    if t.len() == 7 && t.is_ascii() {
        let (a, rest) = t.split_at(2);
        let (n, b) = rest.split_at(3);
        if letters(a) && digits(n) && letters(b) {
            if a == "SS" || a == "WW" || n == "000" {
                return Err(bad());
            }
            return Ok(format!("{a}-{n}-{b}"));
        }
    }
    // FNI: 1 to 4 digits, 1 to 3 letters, a département (2 digits, 2A/2B, or 97x).
    let digits_end = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (n, rest) = t.split_at(digits_end);
    let letters_end = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let (l, dep) = rest.split_at(letters_end);
    let dep_ok = (dep.len() == 2 && (digits(dep) || dep == "2A" || dep == "2B"))
        || (dep.len() == 3 && dep.starts_with("97") && digits(dep));
    if (1..=4).contains(&n.len())
        && (1..=3).contains(&l.len())
        && l.chars().all(|c| c.is_ascii_uppercase())
        && dep_ok
    {
        return Ok(format!("{n} {l} {dep}"));
    }
    Err(bad())
}

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
    fn registrations() {
        assert_eq!(registration("ab-123-cd").unwrap(), "AB-123-CD");
        assert_eq!(registration("AB 123 CD").unwrap(), "AB-123-CD");
        assert_eq!(registration("1234 ab 75").unwrap(), "1234 AB 75");
        assert_eq!(registration("12 ABC 2A").unwrap(), "12 ABC 2A");
        for bad in [
            "",
            "AB-12-CD",
            "AI-123-CD",
            "SS-123-AB",
            "AB-000-CD",
            "ABCDEFG",
            "1234 AB 7",
        ] {
            assert!(registration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn novice() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(is_novice(Some(d("2024-01-10")), d("2027-01-09")));
        assert!(!is_novice(Some(d("2024-01-10")), d("2027-01-10")));
        assert!(!is_novice(None, d("2027-01-10")));
    }
}
