//! The coefficient de réduction-majoration: exactly two decimals, between 0.50 and 3.50.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A bonus-malus coefficient, held as integer hundredths (50 ..= 350). Never a float.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Coefficient(u16);

/// Why a text is not a coefficient.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CoefficientError {
    #[error("« {0} » n'est pas un coefficient (attendu : deux décimales au plus, par exemple 0,85 ou 1.25)")]
    Malformed(String),
    #[error("le coefficient {0} est hors des bornes réglementaires (0,50 à 3,50)")]
    OutOfBounds(String),
}

impl Coefficient {
    pub const FLOOR: Coefficient = Coefficient(50);
    pub const CEILING: Coefficient = Coefficient(350);
    pub const ONE: Coefficient = Coefficient(100);

    /// From hundredths, if within 0.50 ..= 3.50.
    pub fn from_hundredths(h: u32) -> Result<Self, CoefficientError> {
        if (50..=350).contains(&h) {
            Ok(Coefficient(h as u16))
        } else {
            Err(CoefficientError::OutOfBounds(format!(
                "{},{:02}",
                h / 100,
                h % 100
            )))
        }
    }

    /// Clamps hundredths into the regulatory bounds.
    pub fn clamped(h: u32) -> Self {
        Coefficient(h.clamp(50, 350) as u16)
    }

    pub fn hundredths(self) -> u32 {
        u32::from(self.0)
    }

    /// Parses "1,25", "1.25", "1.2", "1" (never more than two decimals: a coefficient is
    /// "arrêté à la deuxième décimale").
    pub fn parse(s: &str) -> Result<Self, CoefficientError> {
        let t = s.trim();
        let bad = || CoefficientError::Malformed(t.to_string());
        let (int, frac) = match t.split_once([',', '.']) {
            Some((i, f)) => (i, f),
            None => (t, ""),
        };
        if int.is_empty()
            || int.len() > 2
            || frac.len() > 2
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
            || (t.contains([',', '.']) && frac.is_empty())
        {
            return Err(bad());
        }
        let i: u32 = int.parse().map_err(|_| bad())?;
        let f: u32 = match frac.len() {
            0 => 0,
            1 => frac.parse::<u32>().map_err(|_| bad())? * 10,
            _ => frac.parse().map_err(|_| bad())?,
        };
        Self::from_hundredths(i * 100 + f)
    }

    /// French form, as on a relevé: "0,85".
    pub fn fr(self) -> String {
        format!("{},{:02}", self.0 / 100, self.0 % 100)
    }

    /// As an exact decimal.
    pub fn to_decimal(self) -> rust_decimal::Decimal {
        rust_decimal::Decimal::new(i64::from(self.0), 2)
    }
}

impl fmt::Display for Coefficient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

impl std::str::FromStr for Coefficient {
    type Err = CoefficientError;
    /// [`Coefficient::parse`]: "0,85" or "0.85".
    fn from_str(s: &str) -> Result<Self, CoefficientError> {
        Coefficient::parse(s)
    }
}

impl Serialize for Coefficient {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Coefficient {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Coefficient::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn parses_french_and_english_forms() {
        assert_eq!(Coefficient::parse("1,25").unwrap().hundredths(), 125);
        assert_eq!(Coefficient::parse("1.25").unwrap().hundredths(), 125);
        assert_eq!(Coefficient::parse("0.5").unwrap().hundredths(), 50);
        assert_eq!(Coefficient::parse("1").unwrap().hundredths(), 100);
        assert_eq!(Coefficient::parse(" 3,50 ").unwrap(), Coefficient::CEILING);
        for bad in [
            "", "1.255", "abc", "1.", ".5", "-1", "1,2,3", "0,49", "3,51", "12.00",
        ] {
            assert!(Coefficient::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Coefficient::parse("0,85").unwrap().fr(), "0,85");
        assert_eq!(Coefficient::parse("0,85").unwrap().to_string(), "0.85");
        assert_eq!(
            serde_json::to_string(&Coefficient::ONE).unwrap(),
            "\"1.00\""
        );
        assert_eq!("0,85".parse::<Coefficient>().unwrap().hundredths(), 85);
        assert_eq!(
            Coefficient::parse("0,855").unwrap_err().to_string(),
            "« 0,855 » n'est pas un coefficient (attendu : deux décimales au plus, par exemple 0,85 ou 1.25)"
        );
        assert_eq!(
            Coefficient::parse("0.45").unwrap_err(),
            CoefficientError::OutOfBounds("0,45".into())
        );
    }

    proptest::proptest! {
        #[test]
        fn french_and_canonical_forms_parse_back(h in 50u32..=350) {
            let c = Coefficient::from_hundredths(h).unwrap();
            proptest::prop_assert_eq!(Coefficient::parse(&c.fr()), Ok(c));
            proptest::prop_assert_eq!(Coefficient::parse(&c.to_string()), Ok(c));
            proptest::prop_assert_eq!(Coefficient::parse(&format!("\u{a0}{}\u{202f}", c.fr())), Ok(c));
            let json = serde_json::to_string(&c).unwrap();
            proptest::prop_assert_eq!(serde_json::from_str::<Coefficient>(&json).unwrap(), c);
        }

        #[test]
        fn out_of_bounds_is_refused(h in 0u32..10_000) {
            let r = Coefficient::from_hundredths(h);
            proptest::prop_assert_eq!(r.is_ok(), (50..=350).contains(&h));
        }
    }
}
