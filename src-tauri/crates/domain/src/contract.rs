//! A contract's life from its dated status events: its status on a date, its termination, and
//! what may still be recorded after it. Pure: the dates are passed in.
//!
//! A termination (résiliation) is final: from its date the contract is « résilié », whatever
//! status events are dated after it (a suspension's return to « en cours » included). The status
//! is derived from all the dated events, never from the latest row alone.

use crate::vocabulary::ContractStatus;
use chrono::NaiveDate;

/// The contract's termination date: the earliest termination recorded, if any.
pub fn terminated_on<I>(events: I) -> Option<NaiveDate>
where
    I: IntoIterator<Item = (NaiveDate, ContractStatus)>,
{
    events
        .into_iter()
        .filter(|(_, s)| *s == ContractStatus::Resilie)
        .map(|(d, _)| d)
        .min()
}

/// The contract's status on `on`, from its status events in the order they were recorded:
/// « résilié » from the first termination on or before `on`; otherwise the latest event on or
/// before `on` by date (the last recorded among those of one day); « en cours » before any.
pub fn status_on<I>(events: I, on: NaiveDate) -> ContractStatus
where
    I: IntoIterator<Item = (NaiveDate, ContractStatus)>,
{
    let mut past: Vec<(NaiveDate, ContractStatus)> =
        events.into_iter().filter(|(d, _)| *d <= on).collect();
    if past.iter().any(|(_, s)| *s == ContractStatus::Resilie) {
        return ContractStatus::Resilie;
    }
    // A stable sort keeps the recording order within a day.
    past.sort_by_key(|(d, _)| *d);
    past.last().map_or(ContractStatus::EnCours, |(_, s)| *s)
}

/// A suspension that cannot be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SuspensionError {
    /// It would start on or after the termination: a terminated contract stays terminated.
    #[error("Le contrat est résilié depuis le {}. Une suspension ne peut pas commencer après la résiliation : un contrat résilié le reste.", .terminated_on.format("%d/%m/%Y"))]
    AfterTermination { terminated_on: NaiveDate },
    /// It would run past the termination.
    #[error("Le contrat est résilié le {} : la suspension doit finir au plus tard ce jour-là.", .terminated_on.format("%d/%m/%Y"))]
    PastTermination { terminated_on: NaiveDate },
}

impl SuspensionError {
    /// The field of the suspension form it is about.
    pub fn field(self) -> &'static str {
        match self {
            SuspensionError::AfterTermination { .. } => "from",
            SuspensionError::PastTermination { .. } => "to",
        }
    }
}

/// Whether a suspension `[from, to)` may be recorded on a contract terminated on
/// `terminated_on` (if it is): it must end by the termination.
pub fn check_suspension(
    terminated_on: Option<NaiveDate>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(), SuspensionError> {
    match terminated_on {
        Some(t) if from >= t => Err(SuspensionError::AfterTermination { terminated_on: t }),
        Some(t) if to > t => Err(SuspensionError::PastTermination { terminated_on: t }),
        _ => Ok(()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use ContractStatus::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_termination_is_final_whatever_is_dated_after_it() {
        let events = [
            (d("2020-01-01"), EnCours),
            (d("2022-02-01"), Resilie),
            (d("2022-03-01"), Suspendu),
            (d("2022-09-01"), EnCours),
        ];
        assert_eq!(status_on(events, d("2022-01-31")), EnCours);
        assert_eq!(status_on(events, d("2022-02-01")), Resilie);
        assert_eq!(status_on(events, d("2026-11-24")), Resilie);
        assert_eq!(terminated_on(events), Some(d("2022-02-01")));
    }

    #[test]
    fn otherwise_the_latest_event_by_date_decides_not_the_latest_recorded() {
        // A suspension recorded after a later one: its return to « en cours » is older.
        let events = [
            (d("2024-06-01"), Suspendu),
            (d("2024-12-01"), EnCours),
            (d("2024-01-01"), Suspendu),
            (d("2024-03-01"), EnCours),
        ];
        assert_eq!(status_on(events, d("2024-07-01")), Suspendu);
        assert_eq!(status_on(events, d("2024-02-01")), Suspendu);
        assert_eq!(status_on(events, d("2025-01-01")), EnCours);
        assert_eq!(status_on([], d("2025-01-01")), EnCours);
        assert_eq!(terminated_on(events), None);
    }

    #[test]
    fn a_suspension_must_end_by_the_termination() {
        let t = Some(d("2022-02-01"));
        assert_eq!(
            check_suspension(t, d("2022-03-01"), d("2022-09-01")),
            Err(SuspensionError::AfterTermination {
                terminated_on: d("2022-02-01")
            })
        );
        assert_eq!(
            check_suspension(t, d("2022-02-01"), d("2022-03-01"))
                .unwrap_err()
                .field(),
            "from"
        );
        assert_eq!(
            check_suspension(t, d("2022-01-01"), d("2022-03-01"))
                .unwrap_err()
                .field(),
            "to"
        );
        assert!(check_suspension(t, d("2022-01-01"), d("2022-02-01")).is_ok());
        assert!(check_suspension(None, d("2022-03-01"), d("2022-09-01")).is_ok());
        let msg = check_suspension(t, d("2022-03-01"), d("2022-09-01"))
            .unwrap_err()
            .to_string();
        assert!(msg.contains("résilié depuis le 01/02/2022"), "{msg}");
    }
}
