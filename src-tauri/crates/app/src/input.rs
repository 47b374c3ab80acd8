//! What the forms send, read and checked: field errors, dates, money. Shared by every use case.

use crate::AppError;
use chrono::NaiveDate;
use courtier_domain::client::parse_date;
use rust_decimal::Decimal;

pub(crate) fn field(code: &str, msg: impl Into<String>) -> AppError {
    AppError::new(format!("invalid:{code}"), msg)
}

pub(crate) fn date_field(s: &str, code: &str, label: &str) -> Result<NaiveDate, AppError> {
    parse_date(s).map_err(|m| field(code, format!("{label} : {m}")))
}

pub(crate) fn money(s: &str, code: &str) -> Result<Decimal, AppError> {
    let t = s
        .trim()
        .replace([' ', '\u{a0}', '\u{202f}', '€'], "")
        .replace(',', ".");
    let d: Decimal = t.parse().map_err(|_| {
        field(
            code,
            format!("« {s} » n'est pas un montant (exemple : 350,00)."),
        )
    })?;
    if d.is_sign_negative() || d.scale() > 2 {
        return Err(field(
            code,
            format!("« {s} » : un montant positif, deux décimales au plus."),
        ));
    }
    Ok(d)
}

pub(crate) fn cents(d: Decimal) -> i64 {
    (d * Decimal::from(100))
        .trunc()
        .try_into()
        .unwrap_or(i64::MAX)
}

pub(crate) fn from_cents(c: i64) -> Decimal {
    Decimal::new(c, 2)
}

pub(crate) fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(crate) fn money_text(c: i64) -> String {
    from_cents(c).to_string()
}

pub(crate) fn opt_date_field(
    s: &Option<String>,
    code: &str,
    label: &str,
) -> Result<Option<NaiveDate>, AppError> {
    match s.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(x) => date_field(x, code, label).map(Some),
    }
}

pub(crate) fn text(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
}

/// The new value of an optional text: given (empty clears) or kept.
pub(crate) fn merge(new: &Option<String>, old: Option<String>) -> Option<String> {
    match new {
        Some(x) => Some(x.trim().to_string()).filter(|x| !x.is_empty()),
        None => old,
    }
}

pub(crate) fn reason(r: &Option<String>) -> Option<String> {
    merge(r, None)
}
