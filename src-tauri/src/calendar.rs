//! The commands of the renewal calendar: its items for a period and filters, the .ics export to
//! a path the native save dialog gave, and the renewal settings (whether client names go into
//! the .ics). Each calls one use case of `courtier_app::calendar`.

use crate::{blocking, Shared};
use courtier_app::calendar::{CalendarFilter, CalendarItem};
use courtier_app::calendar_ics::CalendarExport;
use courtier_app::renewals::RenewalSettings;
use courtier_app::AppError;
use tauri::State;

#[tauri::command]
pub async fn calendar(
    state: State<'_, Shared>,
    filter: CalendarFilter,
) -> Result<Vec<CalendarItem>, AppError> {
    blocking(state, move |c| c.calendar(&filter)).await
}

#[tauri::command]
pub async fn calendar_export(
    state: State<'_, Shared>,
    filter: CalendarFilter,
    path: String,
) -> Result<CalendarExport, AppError> {
    blocking(state, move |c| {
        c.calendar_export_ics(&filter, std::path::Path::new(&path))
    })
    .await
}

#[tauri::command]
pub async fn renewal_settings(state: State<'_, Shared>) -> Result<RenewalSettings, AppError> {
    blocking(state, |c| c.renewal_settings()).await
}
