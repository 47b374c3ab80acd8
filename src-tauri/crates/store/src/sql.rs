//! Query helpers shared by every table: rows collected, dates as ISO-8601 text, codes read back
//! into their enums, constraint failures turned into messages.

use crate::prelude::*;

/// Runs a query and collects its rows.
pub(crate) fn query_vec<T, P: rusqlite::Params>(
    conn: &rusqlite::Connection,
    sql: &str,
    params: P,
    f: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>, DbError> {
    let mut st = conn.prepare_cached(sql)?;
    let rows = st.query_map(params, f)?.collect::<Result<_, _>>()?;
    Ok(rows)
}

pub(crate) fn date(s: String) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

pub(crate) fn opt_date(s: Option<String>) -> rusqlite::Result<Option<NaiveDate>> {
    s.map(|s| {
        NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
    })
    .transpose()
}

pub(crate) fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(crate) fn parse_enum<T>(
    r: &Row<'_>,
    idx: usize,
    parse: fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let s: String = r.get(idx)?;
    parse(&s).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            format!("valeur inconnue « {s} »").into(),
        )
    })
}

/// A closed set of codes kept as text, read back into its type.
pub(crate) trait StoredCode: Sized {
    fn from_stored(s: &str) -> Option<Self>;
}

macro_rules! vocabulary_codes {
    ($($t:ty),+) => {
        $(impl StoredCode for $t {
            fn from_stored(s: &str) -> Option<Self> {
                <$t>::parse(s).ok()
            }
        })+
    };
}

macro_rules! engine_codes {
    ($($t:ty),+) => {
        $(impl StoredCode for $t {
            fn from_stored(s: &str) -> Option<Self> {
                <$t>::parse(s)
            }
        })+
    };
}

vocabulary_codes!(
    AggravationFact,
    AmountKind,
    Channel,
    ClaimStatus,
    ContractEventKind,
    ContractStatus,
    Direction,
    DocumentFormat,
    DocumentKind,
    DriverRole,
    PartyRole,
    Product,
    TerminatedBy
);
engine_codes!(ClaimKind, Responsibility, Usage);

/// The code in column `idx`, as its type; a code the type does not know is a conversion error
/// (the store's `CHECK` constraints keep them out).
pub(crate) fn code<T: StoredCode>(r: &Row<'_>, idx: usize) -> rusqlite::Result<T> {
    parse_enum(r, idx, T::from_stored)
}

/// Like [`code`], for a nullable column.
pub(crate) fn opt_code<T: StoredCode>(r: &Row<'_>, idx: usize) -> rusqlite::Result<Option<T>> {
    let s: Option<String> = r.get(idx)?;
    s.map(|s| {
        T::from_stored(&s).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                idx,
                rusqlite::types::Type::Text,
                format!("valeur inconnue « {s} »").into(),
            )
        })
    })
    .transpose()
}

pub(crate) fn opt(d: Option<NaiveDate>) -> Option<String> {
    d.map(iso)
}

pub(crate) fn constraint(e: rusqlite::Error, what: &str) -> DbError {
    match e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            DbError::Invalid(what.to_string())
        }
        other => DbError::Sqlite(other),
    }
}

/// The act of the transaction under way recorded at `recorded_at`: the instant something was
/// recorded, kept once per write transaction in `acts` and referred to by every fact row it
/// writes (a batch load writes millions in one act); sealed in the journal at commit.
pub(crate) fn act(conn: &Connection, recorded_at: &str) -> Result<i64, DbError> {
    crate::journal::act(conn, recorded_at)
}

/// The id of a premium guarantee's label, kept once in `guarantees`.
pub(crate) fn guarantee(conn: &Connection, label: &str) -> Result<i64, DbError> {
    conn.prepare_cached(
        "INSERT INTO guarantees (label) VALUES (?1) ON CONFLICT (label) DO NOTHING",
    )?
    .execute([label])?;
    Ok(conn
        .prepare_cached("SELECT id FROM guarantees WHERE label = ?1")?
        .query_row([label], |r| r.get(0))?)
}

/// A date as the store keeps it in the tables of small dated facts: days since 1970-01-01.
pub(crate) fn day(d: NaiveDate) -> i64 {
    (d - NaiveDate::default()).num_days()
}

/// The date `day` names (days since 1970-01-01).
pub(crate) fn from_day(n: i64) -> rusqlite::Result<NaiveDate> {
    NaiveDate::default()
        .checked_add_signed(chrono::TimeDelta::days(n))
        .ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                0,
                rusqlite::types::Type::Integer,
                format!("jour hors limites : {n}").into(),
            )
        })
}

/// As [`from_day`], for a date that may be missing.
pub(crate) fn opt_day(n: Option<i64>) -> rusqlite::Result<Option<NaiveDate>> {
    n.map(from_day).transpose()
}
