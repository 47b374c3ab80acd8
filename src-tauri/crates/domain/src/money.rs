//! Money as integer cents: the storage form (`amount_cents INTEGER`), with checked arithmetic,
//! exact conversions to and from `rust_decimal::Decimal`, French parsing and French display.
//!
//! - Arithmetic never wraps or saturates: every operation that could overflow returns
//!   [`MoneyError::Overflow`].
//! - Multiplying by a rate ([`Money::mul_rate`]) computes the exact decimal product and rounds it
//!   to the cent **half away from zero** (`RoundingStrategy::MidpointAwayFromZero`), the rule the
//!   premium notice and the UI's `formatDecimal` use: 10,05 € × 0,5 = 5,03 €; −10,05 € × 0,5 =
//!   −5,03 €.
//! - Display is the UI's `formatAmount` (`ui/js/format.js`): `1 234,56 €` with U+202F (narrow
//!   no-break space) between thousands and U+00A0 (no-break space) before the euro sign.
//! - Serde is the decimal string the app sends today (`"1234.56"`, what `money_text` writes);
//!   [`as_cents`] serialises as integer cents instead (`#[serde(with = "money::as_cents")]`).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// An amount of euros, held as integer cents. May be negative (a difference, a refund); the
/// parsers refuse negative input unless asked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(i64);

/// Why a text or a number is not an amount, or an operation on amounts failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Not a number as a broker types one (the input, untrimmed).
    #[error("« {0} » n'est pas un montant (exemple : 350,00).")]
    Malformed(String),
    /// A negative amount where only positive ones are accepted.
    #[error("« {0} » : un montant positif, deux décimales au plus.")]
    Negative(String),
    /// More precision than the cent.
    #[error("« {0} » : un montant positif, deux décimales au plus.")]
    SubCent(String),
    /// Beyond what integer cents can hold (about 92 millions of billions of euros).
    #[error("« {0} » dépasse le plus grand montant enregistrable.")]
    TooLarge(String),
    /// An addition, subtraction or multiplication that does not fit.
    #[error("Le calcul du montant dépasse le plus grand montant enregistrable.")]
    Overflow,
}

/// The thousands separators a broker (or a copy-paste from a PDF or a spreadsheet) may type:
/// space, no-break space, narrow no-break space, thin space.
const GROUPING: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

impl Money {
    pub const ZERO: Money = Money(0);
    pub const MAX: Money = Money(i64::MAX);
    pub const MIN: Money = Money(i64::MIN);

    pub const fn from_cents(cents: i64) -> Self {
        Money(cents)
    }

    pub const fn cents(self) -> i64 {
        self.0
    }

    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }

    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.0
            .checked_add(other.0)
            .map(Money)
            .ok_or(MoneyError::Overflow)
    }

    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.0
            .checked_sub(other.0)
            .map(Money)
            .ok_or(MoneyError::Overflow)
    }

    /// The sum of amounts, refusing overflow.
    pub fn checked_sum(items: impl IntoIterator<Item = Money>) -> Result<Money, MoneyError> {
        items
            .into_iter()
            .try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
    }

    /// `self × rate`, rounded to the cent half away from zero (see the module documentation).
    pub fn mul_rate(self, rate: Decimal) -> Result<Money, MoneyError> {
        let exact = Decimal::from(self.0)
            .checked_mul(rate)
            .ok_or(MoneyError::Overflow)?;
        exact
            .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
            .to_i64()
            .map(Money)
            .ok_or(MoneyError::Overflow)
    }

    /// The exact decimal in euros (`12.30` for 1 230 cents): always two decimals.
    pub fn to_decimal(self) -> Decimal {
        Decimal::new(self.0, 2)
    }

    /// From a decimal in euros, refusing sub-cent precision (`1.234`; `1.230` is accepted) and
    /// values beyond `i64` cents. Negative decimals are kept.
    pub fn try_from_decimal(d: Decimal) -> Result<Money, MoneyError> {
        let cents = d
            .checked_mul(Decimal::ONE_HUNDRED)
            .ok_or_else(|| MoneyError::TooLarge(d.to_string()))?;
        if !cents.fract().is_zero() {
            return Err(MoneyError::SubCent(d.to_string()));
        }
        cents
            .to_i64()
            .map(Money)
            .ok_or_else(|| MoneyError::TooLarge(d.to_string()))
    }

    /// Parses a positive amount as a broker types it: `1 234,56 €`, `1234,5`, `1 234.56`,
    /// `350`. Spaces, no-break and narrow no-break spaces are thousands separators anywhere in
    /// the digits; one decimal separator (`,` or `.`) with one or two decimals; an optional
    /// trailing `€`. Refused: two separators (`12,3,4`, `1.234,56`), a sign, sub-cents,
    /// anything else.
    pub fn parse(s: &str) -> Result<Money, MoneyError> {
        Self::parse_inner(s, false)
    }

    /// As [`Money::parse`], also accepting a leading `-` (a difference, a refund).
    pub fn parse_signed(s: &str) -> Result<Money, MoneyError> {
        Self::parse_inner(s, true)
    }

    fn parse_inner(s: &str, signed: bool) -> Result<Money, MoneyError> {
        let malformed = || MoneyError::Malformed(s.to_string());
        let t = s.trim_matches(|c: char| c.is_whitespace() || GROUPING.contains(&c));
        let t = t.strip_suffix('€').unwrap_or(t);
        let t: String = t.chars().filter(|c| !GROUPING.contains(c)).collect();
        let (negative, t) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t.as_str()),
        };
        let (int, frac) = match t.split_once([',', '.']) {
            Some((i, f)) => (i, Some(f)),
            None => (t, None),
        };
        let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
        if !digits(int) || frac.is_some_and(|f| !digits(f)) {
            return Err(malformed());
        }
        let frac = frac.unwrap_or("");
        if negative && !signed {
            return Err(MoneyError::Negative(s.to_string()));
        }
        if frac.len() > 2 {
            return Err(MoneyError::SubCent(s.to_string()));
        }
        let too_large = || MoneyError::TooLarge(s.to_string());
        let euros: i64 = int.trim_start_matches('0').parse().or_else(|_| {
            if int.bytes().all(|b| b == b'0') {
                Ok(0)
            } else {
                Err(too_large())
            }
        })?;
        let cents: i64 = match frac.len() {
            0 => 0,
            1 => i64::from(frac.as_bytes()[0] - b'0') * 10,
            _ => i64::from(frac.as_bytes()[0] - b'0') * 10 + i64::from(frac.as_bytes()[1] - b'0'),
        };
        // Build the value negative first so that i64::MIN itself parses.
        let value = euros
            .checked_mul(100)
            .and_then(|e| e.checked_add(cents))
            .map(|v| if negative { -v } else { v });
        let value = match value {
            Some(v) => v,
            None if negative => euros
                .checked_neg()
                .and_then(|e| e.checked_mul(100))
                .and_then(|e| e.checked_sub(cents))
                .ok_or_else(too_large)?,
            None => return Err(too_large()),
        };
        Ok(Money(value))
    }

    /// The decimal string the app sends to the front end: `1234.56`, `-0.05`, `0.00`.
    pub fn decimal_string(self) -> String {
        self.to_decimal().to_string()
    }

    /// The French form without the currency sign: `1 234,56` (U+202F between thousands).
    pub fn fr_number(self) -> String {
        let abs = self.0.unsigned_abs();
        let euros = (abs / 100).to_string();
        let mut grouped = String::with_capacity(euros.len() + euros.len() / 3 * 3 + 4);
        if self.0 < 0 {
            grouped.push('-');
        }
        for (i, c) in euros.chars().enumerate() {
            if i > 0 && (euros.len() - i) % 3 == 0 {
                grouped.push('\u{202f}');
            }
            grouped.push(c);
        }
        format!("{grouped},{:02}", abs % 100)
    }
}

impl fmt::Display for Money {
    /// `1 234,56 €`, as the UI's `formatAmount` writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\u{a0}€", self.fr_number())
    }
}

impl FromStr for Money {
    type Err = MoneyError;
    /// [`Money::parse_signed`].
    fn from_str(s: &str) -> Result<Money, MoneyError> {
        Money::parse_signed(s)
    }
}

impl TryFrom<Decimal> for Money {
    type Error = MoneyError;
    fn try_from(d: Decimal) -> Result<Money, MoneyError> {
        Money::try_from_decimal(d)
    }
}

impl From<Money> for Decimal {
    fn from(m: Money) -> Decimal {
        m.to_decimal()
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.to_decimal())
    }
}

impl<'de> Deserialize<'de> for Money {
    /// A decimal string (`"1234.56"`, also the French forms [`Money::parse_signed`] accepts).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Money::parse_signed(&s).map_err(serde::de::Error::custom)
    }
}

/// Serde as integer cents: `#[serde(with = "courtier_domain::money::as_cents")]`.
pub mod as_cents {
    use super::Money;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(m: &Money, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(m.cents())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        i64::deserialize(d).map(Money::from_cents)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn m(c: i64) -> Money {
        Money::from_cents(c)
    }

    #[test]
    fn parses_what_brokers_type() {
        for (s, c) in [
            ("1 234,56 €", 123_456),
            ("1234,5", 123_450),
            ("1 234.56", 123_456),
            ("350", 35_000),
            ("350,00", 35_000),
            ("0,05", 5),
            ("  12 €  ", 1_200),
            ("1\u{a0}234,56\u{a0}€", 123_456),
            ("1\u{202f}234\u{202f}567,89\u{a0}€", 123_456_789),
            ("1234,56€", 123_456),
            ("007", 700),
            ("92233720368547758,07", i64::MAX),
        ] {
            assert_eq!(Money::parse(s), Ok(m(c)), "{s}");
        }
        assert_eq!(Money::parse_signed("-1 234,56 €"), Ok(m(-123_456)));
        assert_eq!(Money::parse_signed("-92233720368547758,08"), Ok(Money::MIN));
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        for bad in [
            "",
            " ",
            "€",
            "12,3,4",
            "1.234,56",
            "abc",
            "12,",
            ",5",
            "+5",
            "1e3",
            "12 €€",
            "--1",
            "1,2a",
        ] {
            assert_eq!(
                Money::parse_signed(bad),
                Err(MoneyError::Malformed(bad.to_string())),
                "{bad}"
            );
        }
        assert_eq!(Money::parse("-5"), Err(MoneyError::Negative("-5".into())));
        assert_eq!(
            Money::parse("1,234"),
            Err(MoneyError::SubCent("1,234".into()))
        );
        assert_eq!(
            Money::parse("92233720368547758,08"),
            Err(MoneyError::TooLarge("92233720368547758,08".into()))
        );
        assert_eq!(
            Money::parse("12,3,4").unwrap_err().to_string(),
            "« 12,3,4 » n'est pas un montant (exemple : 350,00)."
        );
        assert_eq!(
            Money::parse("-5").unwrap_err().to_string(),
            "« -5 » : un montant positif, deux décimales au plus."
        );
    }

    #[test]
    fn displays_the_french_way_like_the_ui() {
        assert_eq!(m(130_276).to_string(), "1\u{202f}302,76\u{a0}€");
        assert_eq!(m(30_050).to_string(), "300,50\u{a0}€");
        assert_eq!(
            m(123_456_700).to_string(),
            "1\u{202f}234\u{202f}567,00\u{a0}€"
        );
        assert_eq!(m(5).to_string(), "0,05\u{a0}€");
        assert_eq!(m(-123_456).to_string(), "-1\u{202f}234,56\u{a0}€");
        assert_eq!(m(0).fr_number(), "0,00");
        assert_eq!(
            Money::MIN.fr_number(),
            "-92\u{202f}233\u{202f}720\u{202f}368\u{202f}547\u{202f}758,08"
        );
    }

    #[test]
    fn arithmetic_is_checked() {
        assert_eq!(m(150).checked_add(m(275)), Ok(m(425)));
        assert_eq!(m(150).checked_sub(m(275)), Ok(m(-125)));
        assert_eq!(Money::MAX.checked_add(m(1)), Err(MoneyError::Overflow));
        assert_eq!(Money::MIN.checked_sub(m(1)), Err(MoneyError::Overflow));
        assert_eq!(Money::checked_sum([m(1), m(2), m(3)]), Ok(m(6)));
        assert_eq!(
            Money::checked_sum([Money::MAX, m(1)]),
            Err(MoneyError::Overflow)
        );
    }

    #[test]
    fn rates_round_half_away_from_zero() {
        assert_eq!(m(1_005).mul_rate(dec!(0.5)), Ok(m(503)));
        assert_eq!(m(-1_005).mul_rate(dec!(0.5)), Ok(m(-503)));
        assert_eq!(m(1_004).mul_rate(dec!(0.5)), Ok(m(502)));
        assert_eq!(m(100_000).mul_rate(dec!(1.25)), Ok(m(125_000)));
        assert_eq!(m(33_333).mul_rate(dec!(0.85)), Ok(m(28_333))); // 28 333,05
        assert_eq!(Money::MAX.mul_rate(dec!(2)), Err(MoneyError::Overflow));
    }

    #[test]
    fn decimal_conversions_refuse_overflow_and_sub_cents() {
        assert_eq!(Money::try_from_decimal(dec!(12.30)), Ok(m(1_230)));
        assert_eq!(Money::try_from_decimal(dec!(12.300)), Ok(m(1_230)));
        assert_eq!(Money::try_from_decimal(dec!(-0.05)), Ok(m(-5)));
        assert_eq!(
            Money::try_from_decimal(dec!(1.234)),
            Err(MoneyError::SubCent("1.234".into()))
        );
        assert!(matches!(
            Money::try_from_decimal(Decimal::MAX),
            Err(MoneyError::TooLarge(_))
        ));
        assert!(matches!(
            Money::try_from_decimal(dec!(92233720368547758.08)),
            Err(MoneyError::TooLarge(_))
        ));
        assert_eq!(m(1_230).to_decimal(), dec!(12.30));
        assert_eq!(m(1_230).to_decimal().to_string(), "12.30");
    }

    #[test]
    fn json_is_the_decimal_string_the_app_sends() {
        assert_eq!(serde_json::to_string(&m(123_456)).unwrap(), "\"1234.56\"");
        assert_eq!(serde_json::to_string(&m(0)).unwrap(), "\"0.00\"");
        assert_eq!(serde_json::to_string(&m(-5)).unwrap(), "\"-0.05\"");
        assert_eq!(m(123_456).decimal_string(), "1234.56");
        assert_eq!(
            serde_json::from_str::<Money>("\"1234.56\"").unwrap(),
            m(123_456)
        );
        assert!(serde_json::from_str::<Money>("\"12,3,4\"").is_err());

        #[derive(Serialize, Deserialize, PartialEq, Debug)]
        struct Row {
            #[serde(with = "as_cents")]
            amount_cents: Money,
        }
        let r = Row {
            amount_cents: m(123_456),
        };
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(json, r#"{"amount_cents":123456}"#);
        assert_eq!(serde_json::from_str::<Row>(&json).unwrap(), r);
    }

    proptest! {
        #[test]
        fn display_parses_back(c in any::<i64>()) {
            let x = m(c);
            prop_assert_eq!(Money::parse_signed(&x.to_string()), Ok(x));
            prop_assert_eq!(Money::parse_signed(&x.fr_number()), Ok(x));
            prop_assert_eq!(Money::parse_signed(&x.decimal_string()), Ok(x));
            if c >= 0 {
                prop_assert_eq!(Money::parse(&x.to_string()), Ok(x));
            } else {
                prop_assert_eq!(Money::parse(&x.to_string()), Err(MoneyError::Negative(x.to_string())));
            }
        }

        #[test]
        fn decimal_round_trips(c in any::<i64>()) {
            let x = m(c);
            prop_assert_eq!(Money::try_from_decimal(x.to_decimal()), Ok(x));
            let json = serde_json::to_string(&x).unwrap();
            prop_assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), x);
        }

        #[test]
        fn parse_matches_the_digits(euros in 0u64..10_000_000_000, cents in 0u8..100, grouped in any::<bool>(), comma in any::<bool>()) {
            let e = euros.to_string();
            let e = if grouped {
                let mut g = String::new();
                for (i, ch) in e.chars().enumerate() {
                    if i > 0 && (e.len() - i) % 3 == 0 { g.push(' '); }
                    g.push(ch);
                }
                g
            } else { e };
            let s = format!("{e}{}{cents:02}", if comma { ',' } else { '.' });
            prop_assert_eq!(Money::parse(&s), Ok(m(euros as i64 * 100 + i64::from(cents))));
        }

        #[test]
        fn add_then_sub_is_identity_when_it_fits(a in any::<i64>(), b in any::<i64>()) {
            if let Ok(s) = m(a).checked_add(m(b)) {
                prop_assert_eq!(s.checked_sub(m(b)), Ok(m(a)));
            } else {
                prop_assert!(a.checked_add(b).is_none());
            }
        }
    }
}
