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

/// When an exchange happened, as the forms send it (`2026-11-23`, `23/11/2026`,
/// `2026-11-23T14:05`): a date not after `today`, and a time `HH:MM` (seconds accepted, dropped).
/// Returned as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
pub(crate) fn exchange_at(at: &str, today: NaiveDate) -> Result<String, AppError> {
    let at = at.trim();
    let (day, time) = at.split_once('T').unwrap_or((at, ""));
    let day = date_field(day, "at", "Date de l'échange")?;
    if day > today {
        return Err(field(
            "at",
            "La date de l'échange est dans le futur : on note un échange qui a eu lieu.",
        ));
    }
    if time.is_empty() {
        return Ok(iso(day));
    }
    let t = chrono::NaiveTime::parse_from_str(time, "%H:%M")
        .or_else(|_| chrono::NaiveTime::parse_from_str(time, "%H:%M:%S"))
        .map_err(|_| field("at", format!("Heure « {time} » invalide (HH:MM).")))?;
    Ok(format!("{}T{}", iso(day), t.format("%H:%M")))
}

/// An exchange's channel and direction codes, checked.
pub(crate) fn channel_and_direction(
    channel: &str,
    direction: &str,
) -> Result<
    (
        courtier_domain::vocabulary::Channel,
        courtier_domain::vocabulary::Direction,
    ),
    AppError,
> {
    use courtier_domain::vocabulary::{Channel, Direction};
    let channel = Channel::parse(channel).map_err(|_| {
        field(
            "channel",
            "Le canal est telephone, email, courrier, rendez_vous ou autre.",
        )
    })?;
    let direction = Direction::parse(direction)
        .map_err(|_| field("direction", "Le sens est entrant ou sortant."))?;
    Ok((channel, direction))
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

/// An optional code or date as typed, trimmed; `None` when absent or empty. Free texts go
/// through [`line`] or [`lines`] instead (lengths, forbidden characters).
pub(crate) fn trimmed(s: &Option<String>) -> Option<String> {
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

/// The reason given for a correction, checked as every free text.
pub(crate) fn reason(r: &Option<String>) -> Result<Option<String>, AppError> {
    line(r.as_deref(), "reason", "Le motif", limits::NOTE)
}

/// The lengths of the free texts (in characters), each fitting its use; every free text also
/// follows the rule of `courtier_domain::text` (no control or bidirectional characters).
pub(crate) mod limits {
    /// A name: a person's, a party's, an insurer's, a guarantee's, a make or a model.
    pub(crate) const NAME: usize = 100;
    /// One line of text: a place, an address.
    pub(crate) const LINE: usize = 200;
    /// A reference or a number: a contract's, the insurer's claim reference, a licence.
    pub(crate) const REFERENCE: usize = 50;
    /// A short note or reason on a fact (a status, an amount, a requalification, a termination).
    pub(crate) const NOTE: usize = 500;
    /// A text of several lines: a claim's description, an exchange's summary, an avenant.
    pub(crate) const TEXT: usize = 5_000;
    /// A file's name as it came (an attached document's): what file systems allow.
    pub(crate) const FILE_NAME: usize = 255;
}

/// An optional one-line free text, checked ([`courtier_domain::text::line`]): `None` when
/// absent or empty.
pub(crate) fn line(
    v: Option<&str>,
    code: &str,
    label: &str,
    max: usize,
) -> Result<Option<String>, AppError> {
    match v {
        None => Ok(None),
        Some(s) => {
            courtier_domain::text::line(s, label, max).map_err(|e| field(code, e.to_string()))
        }
    }
}

/// A one-line free text that must be there: `empty` is the message when it is not.
pub(crate) fn required_line(
    v: &str,
    code: &str,
    label: &str,
    max: usize,
    empty: &str,
) -> Result<String, AppError> {
    line(Some(v), code, label, max)?.ok_or_else(|| field(code, empty))
}

/// An optional free text of several lines, checked ([`courtier_domain::text::lines`]).
pub(crate) fn lines(
    v: Option<&str>,
    code: &str,
    label: &str,
    max: usize,
) -> Result<Option<String>, AppError> {
    match v {
        None => Ok(None),
        Some(s) => {
            courtier_domain::text::lines(s, label, max).map_err(|e| field(code, e.to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::exchange_at;
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 3).expect("a real date")
    }

    #[test]
    fn an_exchange_time_is_24_hour_and_checked_whatever_the_window_sent() {
        assert_eq!(
            exchange_at("2026-12-03T14:30", today()).ok().as_deref(),
            Some("2026-12-03T14:30")
        );
        assert_eq!(
            exchange_at("2026-12-03T09:05:59", today()).ok().as_deref(),
            Some("2026-12-03T09:05")
        );
        assert_eq!(
            exchange_at("2026-12-03", today()).ok().as_deref(),
            Some("2026-12-03")
        );
        for wrong in [
            "2026-12-03T25:00",
            "2026-12-03T14:60",
            "2026-12-03T12:30 PM",
            "2026-12-03T1430",
        ] {
            let e = exchange_at(wrong, today()).expect_err(wrong);
            assert!(e.to_string().contains("invalide (HH:MM)"), "{wrong}: {e}");
        }
    }
}
