//! The calendar as iCalendar (RFC 5545, `icalendar` crate): the same items as the calendar view,
//! one all-day event each; and the clear `calendrier.ics` file in the data directory that a
//! calendar application can subscribe to, rewritten when the agency's data changed.
//!
//! The file is in clear: it names a client only when the agency allows it (renewal settings,
//! `ics_client_names`, default off); otherwise the contract number and the insurer only.

use crate::calendar::{CalendarFilter, CalendarItem};
use crate::input::iso;
use crate::{AppError, Courtier, ErrorCode};
use chrono::{DateTime, NaiveDate, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CalendarExport {
    pub path: String,
    pub events: usize,
    /// Whether client names are in it (the agency's setting).
    pub client_names: bool,
}

/// The file in the data directory.
pub const CALENDAR_FILE: &str = "calendrier.ics";
/// How far the file looks ahead, in days (the list view's longest preset).
pub const FILE_DAYS: u64 = 90;

fn coef_fr(s: &str) -> String {
    s.replace('.', ",")
}

/// The iCalendar text of `items`; client names only if `names`.
pub fn to_ics(items: &[CalendarItem], names: bool, stamp: DateTime<Utc>) -> String {
    let mut cal = Calendar::new();
    cal.name("Courtier — échéances et délais");
    for i in items {
        let Ok(date) = NaiveDate::parse_from_str(&i.date, "%Y-%m-%d") else {
            continue;
        };
        let who = if names {
            format!("{} — ", i.client_name)
        } else {
            String::new()
        };
        let mut desc = format!(
            "{}\nContrat {} ({}), coefficient {}",
            i.rule_source,
            i.contract_number,
            i.insurer,
            coef_fr(&i.coefficient_now)
        );
        if let Some(at) = &i.coefficient_at {
            desc.push_str(&format!(" → {} à l'échéance", coef_fr(at)));
        }
        if let Some(ch) = &i.premium_change {
            desc.push_str(&format!(", variation de prime {} €", ch.replace('.', ",")));
        }
        if let Some(c) = &i.chatel {
            desc.push('\n');
            desc.push_str(c);
        }
        let kind = serde_json::to_value(i.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        cal.push(
            Event::new()
                .uid(&format!("{kind}-{}-{}@courtier", i.contract_id, i.date))
                .timestamp(stamp)
                .summary(&format!(
                    "{} — {who}contrat {}",
                    i.kind_label, i.contract_number
                ))
                .description(&desc)
                .all_day(date)
                .done(),
        );
    }
    cal.done().to_string()
}

impl Courtier {
    /// The calendar's items of `f` as iCalendar text (client names as the settings allow).
    pub fn calendar_ics(&self, f: &CalendarFilter) -> Result<String, AppError> {
        let items = self.calendar(f)?;
        let names = self.renewal_settings()?.ics_client_names;
        Ok(to_ics(&items, names, self.config.clock.now()))
    }

    /// Writes the calendar's items of `f` as an .ics file at `path` (the window's « Exporter
    /// (.ics) », a path from the native save dialog): how many events it holds. Nothing is
    /// written when the filter is refused.
    pub fn calendar_export_ics(
        &self,
        f: &CalendarFilter,
        path: &std::path::Path,
    ) -> Result<CalendarExport, AppError> {
        let text = self.calendar_ics(f)?;
        std::fs::write(path, &text).map_err(|e| {
            AppError::new(
                ErrorCode::Io,
                format!("Impossible d'écrire le calendrier {} : {e}", path.display()),
            )
        })?;
        Ok(CalendarExport {
            path: path.display().to_string(),
            events: text.matches("BEGIN:VEVENT").count(),
            client_names: self.renewal_settings()?.ics_client_names,
        })
    }

    /// Rewrites `calendrier.ics` in the data directory: the next [`FILE_DAYS`] days from today.
    /// Written to a temporary file then renamed, so a subscribed application never reads half.
    pub fn write_calendar_file(&self) -> Result<std::path::PathBuf, AppError> {
        let today = self.today();
        let to = today
            .checked_add_days(chrono::Days::new(FILE_DAYS))
            .unwrap_or(today);
        let text = self.calendar_ics(&CalendarFilter {
            from: iso(today),
            to: iso(to),
            ..Default::default()
        })?;
        let path = self.data_dir().join(CALENDAR_FILE);
        let tmp = self.data_dir().join(format!("{CALENDAR_FILE}.tmp"));
        let io = |e: std::io::Error| {
            AppError::new(
                ErrorCode::Io,
                format!("Impossible d'écrire le calendrier {} : {e}", path.display()),
            )
        };
        // The owner's only, like every file of the agency (0600).
        let mut f = courtier_vault::private_fs::create(&tmp).map_err(io)?;
        std::io::Write::write_all(&mut f, text.as_bytes()).map_err(io)?;
        drop(f);
        std::fs::rename(&tmp, &path).map_err(io)?;
        self.calendar_dirty
            .store(false, std::sync::atomic::Ordering::Relaxed);
        Ok(path)
    }

    /// Rewrites the calendar file if a write happened since it was last written. Not done at
    /// closing: building the 90 days reads most of the portfolio (seconds at 100 000 clients), so
    /// the desktop app calls this from a background thread, and a CLI write leaves it to the app
    /// (`courtier calendar --ics FILE` writes one on demand).
    pub fn refresh_calendar_file(&self) {
        if self
            .calendar_dirty
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            if let Err(e) = self.write_calendar_file() {
                eprintln!("Courtier : {}", e.message);
            }
        }
    }
}
