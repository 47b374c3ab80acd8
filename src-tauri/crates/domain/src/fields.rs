//! The field parsers shared by client, vehicle, insurer and claim forms: dates, postcodes, phone
//! numbers, e-mail addresses, SIREN, registration numbers, and the accent folding used to sort
//! and search.
//!
//! Each parser returns its own `thiserror` error whose `Display` is the French message the broker
//! reads. Every error also converts into a `String` (the same message), so that callers which
//! still pass the message on as text keep compiling while they move to the typed error.

use chrono::NaiveDate;

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Neither `JJ/MM/AAAA` nor `AAAA-MM-JJ` (the trimmed input).
    #[error("« {0} » n'est pas une date (attendu JJ/MM/AAAA).")]
    Malformed(String),
    #[error("Le mois {0} n'existe pas.")]
    NoSuchMonth(u32),
    /// A well-formed date that the calendar does not have (31/02, 29/02 of a common year…).
    #[error("Le {day:02}/{month:02}/{year} n'existe pas.")]
    NoSuchDay { day: u32, month: u32, year: u32 },
}

/// Why a text is not a French postcode.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PostcodeError {
    #[error("Le code postal est vide.")]
    Empty,
    /// The trimmed input.
    #[error("Le code postal « {0} » doit comporter 5 chiffres.")]
    NotFiveDigits(String),
    /// Five digits, but no département has them.
    #[error("Le code postal « {0} » ne correspond à aucun département français.")]
    NoDepartement(String),
}

/// Why a text is not a phone number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("Le numéro de téléphone est vide.")]
    Empty,
    #[error("Le numéro « {0} » contient des caractères qui ne sont pas des chiffres.")]
    NotDigits(String),
    #[error("Le numéro international « {0} » doit comporter de 8 à 15 chiffres.")]
    InternationalLength(String),
    #[error("Le numéro « {0} » n'est pas un numéro français valide (10 chiffres commençant par 0, ou +33).")]
    NotFrench(String),
    #[error(
        "Le numéro « {0} » n'est pas un numéro français valide (il ne peut commencer par 00)."
    )]
    DoubleZero(String),
}

/// Why a text is not an e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("L'adresse e-mail est vide.")]
    Empty,
    #[error("L'adresse e-mail « {0} » n'est pas valide (exemple : nom@domaine.fr).")]
    Invalid(String),
}

/// Why a text is not a SIREN number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SirenError {
    /// The trimmed input.
    #[error("Le SIREN « {0} » doit comporter 9 chiffres.")]
    NotNineDigits(String),
    /// Nine digits (spaces removed) failing the Luhn check.
    #[error("Le SIREN « {0} » n'est pas valide (clé de contrôle incorrecte).")]
    BadCheckDigit(String),
}

/// Why a text is not a French registration number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegistrationError {
    /// The trimmed input.
    #[error("« {0} » n'est pas une immatriculation française (exemples : AB-123-CD, 1234 AB 75).")]
    NotFrench(String),
}

macro_rules! into_message {
    ($($t:ty),+) => {$(
        impl From<$t> for String {
            /// The French message, for callers that still carry errors as text.
            fn from(e: $t) -> String {
                e.to_string()
            }
        }
    )+};
}
into_message!(
    DateError,
    PostcodeError,
    PhoneError,
    EmailError,
    SirenError,
    RegistrationError
);

/// Parses a date typed as `YYYY-MM-DD` or `JJ/MM/AAAA`, with a French message naming what is wrong.
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let s = s.trim();
    let malformed = || DateError::Malformed(s.to_string());
    let (y, m, d) = if let Some((d, rest)) = s.split_once('/') {
        let (m, y) = rest.split_once('/').ok_or_else(malformed)?;
        (y, m, d)
    } else {
        let mut it = s.splitn(3, '-');
        match (it.next(), it.next(), it.next()) {
            (Some(y), Some(m), Some(d)) => (y, m, d),
            _ => return Err(malformed()),
        }
    };
    let num = |x: &str, len: std::ops::RangeInclusive<usize>| -> Option<u32> {
        (len.contains(&x.len()) && x.bytes().all(|b| b.is_ascii_digit()))
            .then(|| x.parse().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (num(y, 4..=4), num(m, 1..=2), num(d, 1..=2)) else {
        return Err(malformed());
    };
    if !(1..=12).contains(&m) {
        return Err(DateError::NoSuchMonth(m));
    }
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(DateError::NoSuchDay {
        day: d,
        month: m,
        year: y,
    })
}

/// Validates a French postcode: five digits of an existing département (01–95, Corsica's 20,
/// overseas 971–976 and 984–988; 98000 is Monaco's, accepted as La Poste serves it).
pub fn french_postcode(s: &str) -> Result<String, PostcodeError> {
    let p: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if p.is_empty() {
        return Err(PostcodeError::Empty);
    }
    if p.len() != 5 || !p.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PostcodeError::NotFiveDigits(s.trim().to_string()));
    }
    let dep: u32 = p[..2].parse().unwrap_or(0);
    let ok = match dep {
        1..=95 => true,
        97 => matches!(&p[..3], "971" | "972" | "973" | "974" | "975" | "976"),
        98 => matches!(&p[..3], "980" | "984" | "986" | "987" | "988"),
        _ => false,
    };
    if !ok {
        return Err(PostcodeError::NoDepartement(p));
    }
    Ok(p)
}

/// Normalises a phone number. French numbers (`06 12 34 56 78`, `+33 6 12 34 56 78`,
/// `0033612345678`, `06.12.34.56.78`) become ten digits `0612345678`; other international numbers
/// keep their `+` form with 8 to 15 digits.
pub fn phone_number(s: &str) -> Result<String, PhoneError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(PhoneError::Empty);
    }
    if t.chars()
        .any(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '+' | '(' | ')')))
    {
        return Err(PhoneError::NotDigits(t.to_string()));
    }
    let plus = t.starts_with('+');
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    let international = if plus {
        Some(digits.clone())
    } else {
        digits.strip_prefix("00").map(str::to_string)
    };
    let national = match &international {
        Some(i) if i.starts_with("33") => {
            let rest = i[2..].trim_start_matches('0');
            Some(format!("0{rest}"))
        }
        Some(i) => {
            if !(8..=15).contains(&i.len()) {
                return Err(PhoneError::InternationalLength(t.to_string()));
            }
            return Ok(format!("+{i}"));
        }
        None => Some(digits),
    };
    let n = national.unwrap_or_default();
    if n.len() != 10 || !n.starts_with('0') {
        return Err(PhoneError::NotFrench(t.to_string()));
    }
    if n.as_bytes()[1] == b'0' {
        return Err(PhoneError::DoubleZero(t.to_string()));
    }
    Ok(n)
}

/// Validates an e-mail address pragmatically (one `@`, a dotted domain, no spaces), lower-casing
/// the domain.
pub fn email(s: &str) -> Result<String, EmailError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(EmailError::Empty);
    }
    let bad = || EmailError::Invalid(t.to_string());
    if t.len() > 254 || t.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad());
    }
    let (local, domain) = t.rsplit_once('@').ok_or_else(bad)?;
    if local.is_empty() || local.len() > 64 || local.contains('@') {
        return Err(bad());
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2
        || labels.iter().any(|l| {
            l.is_empty()
                || l.starts_with('-')
                || l.ends_with('-')
                || !l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        || labels.last().is_some_and(|tld| tld.chars().count() < 2)
    {
        return Err(bad());
    }
    Ok(format!("{local}@{}", domain.to_lowercase()))
}

/// Validates a SIREN number: nine digits passing the Luhn check.
pub fn siren(s: &str) -> Result<String, SirenError> {
    let d: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if d.len() != 9 || !d.bytes().all(|b| b.is_ascii_digit()) {
        return Err(SirenError::NotNineDigits(s.trim().to_string()));
    }
    if !luhn(&d) {
        return Err(SirenError::BadCheckDigit(d));
    }
    Ok(d)
}

fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let v = u32::from(b - b'0');
            if i % 2 == 1 {
                let x = v * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                v
            }
        })
        .sum();
    sum % 10 == 0
}

/// Normalises a French registration number: the SIV form `AB-123-CD` (since 2009; I, O and U
/// are never used, nor SS or WW as a first block) or the older FNI form `1234 AB 75`.
pub fn registration(s: &str) -> Result<String, RegistrationError> {
    let t: String = s
        .trim()
        .to_uppercase()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .collect();
    let bad = || RegistrationError::NotFrench(s.trim().to_string());
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

/// Lower case without diacritics, for sorting and for the search index ("Hélène" → "helene",
/// "Œuvre" → "oeuvre").
pub fn fold_for_search(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
                out.push('a')
            }
            'ç' | 'Ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => out.push('i'),
            'ñ' | 'Ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => out.push('u'),
            'ý' | 'ÿ' | 'Ý' | 'Ÿ' => out.push('y'),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(parse_date(" 29/02/2024 ").unwrap(), d(2024, 2, 29));
        assert_eq!(parse_date("2024-2-9").unwrap(), d(2024, 2, 9));
        assert_eq!(
            parse_date("31/02/1990").unwrap_err().to_string(),
            "Le 31/02/1990 n'existe pas."
        );
        assert_eq!(parse_date("2000-13-01"), Err(DateError::NoSuchMonth(13)));
        assert_eq!(
            parse_date("hier").unwrap_err().to_string(),
            "« hier » n'est pas une date (attendu JJ/MM/AAAA)."
        );
        assert_eq!(
            String::from(parse_date("1/2").unwrap_err()),
            "« 1/2 » n'est pas une date (attendu JJ/MM/AAAA)."
        );
    }

    #[test]
    fn phones() {
        for ok in [
            "06 12 34 56 78",
            "0612345678",
            "06.12.34.56.78",
            "+33 6 12 34 56 78",
            "+33 (0)6 12 34 56 78",
            "0033612345678",
        ] {
            assert_eq!(phone_number(ok).unwrap(), "0612345678", "{ok}");
        }
        assert_eq!(phone_number("+49 151 1234 5678").unwrap(), "+4915112345678");
        for bad in [
            "",
            "06 12 34",
            "12 34 56 78 90",
            "0012",
            "06-12-ab",
            "+33 00 12",
        ] {
            assert!(phone_number(bad).is_err(), "{bad}");
        }
        assert_eq!(
            phone_number("06-12-ab").unwrap_err().to_string(),
            "Le numéro « 06-12-ab » contient des caractères qui ne sont pas des chiffres."
        );
    }

    #[test]
    fn emails() {
        assert_eq!(
            email("Jean.Dupont@Exemple.FR").unwrap(),
            "Jean.Dupont@exemple.fr"
        );
        assert!(email("élodie@exemple.fr").is_ok());
        for bad in [
            "",
            "jean",
            "jean@",
            "@exemple.fr",
            "jean@exemple",
            "jean dupont@x.fr",
            "a@b.c",
            "a@-b.fr",
        ] {
            assert!(email(bad).is_err(), "{bad}");
        }
        assert_eq!(email(" "), Err(EmailError::Empty));
    }

    #[test]
    fn sirens() {
        assert_eq!(siren("732 829 320").unwrap(), "732829320");
        assert!(siren("732829321").is_err());
        assert!(siren("12345").is_err());
        assert_eq!(
            siren("732829321").unwrap_err().to_string(),
            "Le SIREN « 732829321 » n'est pas valide (clé de contrôle incorrecte)."
        );
    }

    #[test]
    fn postcode_messages() {
        assert_eq!(
            french_postcode(" 7500 ").unwrap_err().to_string(),
            "Le code postal « 7500 » doit comporter 5 chiffres."
        );
        assert_eq!(
            french_postcode("99000").unwrap_err(),
            PostcodeError::NoDepartement("99000".into())
        );
    }

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
        assert_eq!(
            registration(" AB-12-CD ").unwrap_err().to_string(),
            "« AB-12-CD » n'est pas une immatriculation française (exemples : AB-123-CD, 1234 AB 75)."
        );
    }

    #[test]
    fn fold() {
        assert_eq!(fold_for_search("Hélène ŒUVRE Ça"), "helene oeuvre ca");
    }
}
