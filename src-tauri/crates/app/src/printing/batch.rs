//! The month batch: one attestation de bonus-malus per motor contract whose échéance falls in a
//! given month, written into a folder (the broker posts them with the avis d'échéance), each
//! also kept with its contract like any generated document.

use crate::input::field;
use crate::{AppError, Courtier};
use chrono::{Months, NaiveDate};
use courtier_domain::deadlines::echeances_between;
use courtier_domain::vocabulary::Product;
use courtier_port::CalendarQuery;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What the batch wrote.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MonthBatch {
    /// `2027-01`.
    pub month: String,
    /// The files written, in contract order.
    pub files: Vec<PathBuf>,
}

/// `[first day, last day]` of `2027-01`; a French refusal for anything else.
pub fn month_bounds(month: &str) -> Result<(NaiveDate, NaiveDate), AppError> {
    let refuse = || {
        field(
            "month",
            format!("Mois « {month} » invalide : attendu AAAA-MM (par exemple 2027-01)."),
        )
    };
    let b = month.as_bytes();
    if b.len() != 7
        || b[4] != b'-'
        || !month
            .chars()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit())
    {
        return Err(refuse());
    }
    let first =
        NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").map_err(|_| refuse())?;
    let last = first
        .checked_add_months(Months::new(1))
        .and_then(|d| d.pred_opt())
        .ok_or_else(refuse)?;
    Ok((first, last))
}

/// A file name from a contract number: letters, digits, `-` and `_` kept (accents dropped),
/// anything else (`/`, spaces, dots) as `_`; never empty, never a hidden or parent name.
pub fn safe_file_stem(number: &str) -> String {
    let mut out: String = number
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    if out.trim_matches('_').is_empty() {
        out = "sans-numero".into();
    }
    out
}

impl Courtier {
    /// The motor contracts (id, number) with an échéance in `[from, to]`, not terminated before
    /// it, in contract order.
    pub(crate) fn contracts_renewing(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(i64, String)>, AppError> {
        self.with_reader(|s| {
            let q = CalendarQuery {
                from: Some(from),
                // A superset (deadlines reach further): the échéances are dated exactly below.
                reach: courtier_domain::deadlines::calendar_reach(
                    from,
                    to,
                    courtier_domain::deadlines::DEFAULT_NOTICE_MONTHS,
                ),
                product: Some(Product::Auto),
                ..Default::default()
            };
            let mut out: Vec<(i64, String)> = s
                .calendar_contracts(&q)?
                .into_iter()
                .filter(|r| {
                    echeances_between(r.contract.first_echeance, from, to)
                        .iter()
                        .any(|e| r.terminated_on.map_or(true, |t| t > *e))
                })
                .map(|r| (r.contract.id, r.contract.number))
                .collect();
            out.sort();
            out.dedup();
            Ok(out)
        })
    }

    /// Writes into `dir` the attestation of every motor contract renewing in `month`
    /// (`AAAA-MM`), named from its contract number; each is also kept with its contract.
    pub fn statements_for_month(&self, month: &str, dir: &Path) -> Result<MonthBatch, AppError> {
        let (from, to) = month_bounds(month)?;
        if !dir.is_dir() {
            return Err(field(
                "outDir",
                format!(
                    "Le dossier « {} » n'existe pas (créez-le d'abord) : aucune attestation n'a été écrite.",
                    dir.display()
                ),
            ));
        }
        let contracts = self.contracts_renewing(from, to)?;
        let mut used = HashSet::new();
        let mut files = Vec::with_capacity(contracts.len());
        for (id, number) in contracts {
            let mut stem = format!("attestation-{}", safe_file_stem(&number));
            if !used.insert(stem.clone()) {
                stem = format!("{stem}-{id}");
                used.insert(stem.clone());
            }
            let path = dir.join(format!("{stem}.pdf"));
            let g = self.statement_pdf(id, None)?;
            std::fs::write(&path, &g.bytes).map_err(|e| {
                AppError::new(
                    crate::ErrorCode::Io,
                    format!(
                        "Le fichier « {} » ne peut être écrit : {e}.",
                        path.display()
                    ),
                )
            })?;
            files.push(path);
        }
        Ok(MonthBatch {
            month: month.to_string(),
            files,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_checked_and_file_names_are_safe() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let (a, b) = month_bounds("2027-01").ok().unzip();
        assert_eq!((a, b), (d("2027-01-01"), d("2027-01-31")));
        assert_eq!(month_bounds("2028-02").ok().map(|x| x.1), d("2028-02-29"));
        for bad in [
            "2027-13", "2027-1", "27-01", "2027/01", "janvier", "", "2027-00", "2027-011",
        ] {
            let e = month_bounds(bad)
                .err()
                .map(|e| e.message)
                .unwrap_or_default();
            assert!(e.contains("attendu AAAA-MM"), "{bad}: {e}");
        }
        assert_eq!(safe_file_stem("A-1/2027 bis"), "A-1_2027_bis");
        assert_eq!(safe_file_stem("../../etc"), "______etc");
        assert_eq!(safe_file_stem("  "), "sans-numero");
        assert_eq!(safe_file_stem("Pôle"), "P_le");
    }
}
