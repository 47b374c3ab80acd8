//! What the forms send, read and checked: field errors, dates, money. Shared by every use case.

use crate::AppError;
use chrono::NaiveDate;
use courtier_domain::client::parse_date;
use courtier_domain::Money;

pub(crate) fn field(code: &str, msg: impl Into<String>) -> AppError {
    AppError::field(code, msg)
}

pub(crate) fn date_field(s: &str, code: &str, label: &str) -> Result<NaiveDate, AppError> {
    parse_date(s).map_err(|m| field(code, format!("{label} : {m}")))
}

/// The largest amount a form takes: a billion euros, beyond the largest motor claim (bodily
/// injury claims reach tens of millions), and small enough that no sum of a file's amounts can
/// overflow.
pub(crate) const MAX_AMOUNT: Money = Money::from_cents(100_000_000_000);

/// An amount as a broker types it (`1 234,56 €`, `350`, `12.5`): positive, to the cent, at most
/// [`MAX_AMOUNT`]; the field's error otherwise.
pub(crate) fn money(s: &str, code: &str) -> Result<Money, AppError> {
    let m = Money::parse(s).map_err(|e| field(code, e.to_string()))?;
    if m > MAX_AMOUNT {
        return Err(field(
            code,
            format!("« {s} » dépasse le montant le plus élevé accepté ({MAX_AMOUNT})."),
        ));
    }
    Ok(m)
}

/// The exact decimal in euros of an amount in cents (the engine's input).
pub(crate) fn from_cents(c: i64) -> rust_decimal::Decimal {
    Money::from_cents(c).to_decimal()
}

pub(crate) fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(crate) fn money_text(c: i64) -> String {
    Money::from_cents(c).decimal_string()
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
