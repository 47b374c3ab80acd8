//! Reminders in the window: the « Rappels » page and a record's reminders, « Ajouter un rappel »,
//! fait / reporter / ignorer, the lead times of Paramètres, and the **timer** that fires them.
//!
//! The timer is a task on the app's tokio runtime, nothing of the system's: while the agency file
//! is closed it looks every two seconds; once open, its first pass catches up what came due
//! while the app was closed, then it passes every twenty seconds (and at once when the window
//! asks, after a reminder was added or snoozed). Each pass calls `Courtier::fire_due`, which
//! marks each due time fired once in the agency file, so a reminder fires once whatever the
//! number of windows, restarts or passes; what it returns goes out as an OS notification
//! (`tauri-plugin-notification`) and, with the count of what is due, to the window as the
//! `reminders-changed` event (the sidebar's counter).

use crate::{blocking, Shared};
use courtier_app::reminders::{
    session_broker, ReminderDraft, ReminderDto, ReminderSettings, RemindersPage,
};
use courtier_app::{local_wall_time as now_local, AppError, Courtier};
use serde::Serialize;
use std::sync::{Arc, Weak};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use tokio::sync::Notify;

/// The event the window listens to for its counter.
pub const CHANGED_EVENT: &str = "reminders-changed";
/// How often the timer looks while the agency file is closed.
const WHILE_CLOSED: Duration = Duration::from_secs(2);
/// How often it passes once the file is open.
const WHILE_OPEN: Duration = Duration::from_secs(20);
/// Beyond this many reminders fired at once, one notification says how many.
const NOTIFIED_ONE_BY_ONE: usize = 3;

/// Wakes the timer before its next pass.
#[derive(Default)]
pub struct Wake(Arc<Notify>);

/// What the window's counter shows, sent with the event and by `reminders_count`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RemindersCount {
    pub due: usize,
    /// Fired by the pass that sent the event (empty from `reminders_count`).
    pub fired: Vec<ReminderDto>,
}

/// The notifications of what one pass fired (each reminder's title and note): one each, or,
/// beyond three, one that says how many and names the first three.
pub fn notification_text(fired: &[(&str, &str)]) -> Vec<(String, String)> {
    if fired.len() > NOTIFIED_ONE_BY_ONE {
        let first = fired
            .iter()
            .take(NOTIFIED_ONE_BY_ONE)
            .map(|(title, _)| *title)
            .collect::<Vec<_>>()
            .join(" ; ");
        return vec![(
            format!("Courtier — {} rappels arrivés à échéance", fired.len()),
            format!("{first}… Ouvrez « Rappels » pour les voir tous."),
        )];
    }
    fired
        .iter()
        .map(|(title, note)| {
            let body = if note.is_empty() {
                "Ouvrez « Rappels » dans Courtier.".to_string()
            } else {
                (*note).to_string()
            };
            (format!("Courtier — rappel : {title}"), body)
        })
        .collect()
}

/// One pass: fires what is due and tells the window and the system. `None` while the agency
/// file is closed (or read-only: nothing can be recorded, nothing fires).
fn pass(c: &Courtier) -> Option<RemindersCount> {
    let now = now_local();
    let fired = c.fire_due(now, &session_broker()).ok()?;
    let due = c.reminders_due_count(now).unwrap_or(0);
    Some(RemindersCount { due, fired })
}

fn notify<R: Runtime>(app: &AppHandle<R>, fired: &[ReminderDto]) {
    use tauri_plugin_notification::NotificationExt;
    let texts: Vec<(&str, &str)> = fired
        .iter()
        .map(|r| (r.title.as_str(), r.note.as_str()))
        .collect();
    for (title, body) in notification_text(&texts) {
        // No notification service (a bare X session): the counter and the page still say it.
        if let Err(e) = app.notification().builder().title(title).body(body).show() {
            eprintln!("Courtier : notification système impossible : {e}");
        }
    }
}

/// Starts the timer on the app's runtime. It ends with the application.
pub fn start_timer<R: Runtime>(app: &AppHandle<R>, courtier: Weak<Courtier>) {
    let wake = Arc::clone(&app.state::<Wake>().0);
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        loop {
            let Some(c) = courtier.upgrade() else { break };
            let r = tauri::async_runtime::spawn_blocking(move || pass(&c))
                .await
                .ok()
                .flatten();
            let wait = match r {
                Some(count) => {
                    if !count.fired.is_empty() {
                        notify(&app, &count.fired);
                    }
                    // The window may not listen yet: it asks `reminders_count` when it mounts.
                    let _ = app.emit(CHANGED_EVENT, &count);
                    WHILE_OPEN
                }
                None => WHILE_CLOSED,
            };
            let _ = tokio::time::timeout(wait, wake.notified()).await;
        }
    });
}

#[tauri::command]
pub(crate) async fn reminders_page(state: State<'_, Shared>) -> Result<RemindersPage, AppError> {
    blocking(state, |c| c.reminders(now_local())).await
}

#[tauri::command]
pub(crate) async fn reminders_count(state: State<'_, Shared>) -> Result<RemindersCount, AppError> {
    blocking(state, |c| {
        Ok(RemindersCount {
            due: c.reminders_due_count(now_local())?,
            fired: Vec::new(),
        })
    })
    .await
}

#[tauri::command]
pub(crate) async fn reminders_of(
    state: State<'_, Shared>,
    client_id: Option<i64>,
    contract_id: Option<i64>,
    claim_id: Option<i64>,
) -> Result<Vec<ReminderDto>, AppError> {
    blocking(state, move |c| {
        c.reminders_of(now_local(), client_id, contract_id, claim_id)
    })
    .await
}

/// Runs a change, then wakes the timer so that it passes at once (a reminder added for now
/// fires now, the counter follows a « Fait »).
async fn changing<R, T, F>(app: AppHandle<R>, state: State<'_, Shared>, f: F) -> Result<T, AppError>
where
    R: Runtime,
    T: Send + 'static,
    F: FnOnce(&Courtier) -> Result<T, AppError> + Send + 'static,
{
    let r = blocking(state, f).await?;
    app.state::<Wake>().0.notify_one();
    Ok(r)
}

#[tauri::command]
pub(crate) async fn reminder_add<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
    input: ReminderDraft,
) -> Result<ReminderDto, AppError> {
    changing(app, state, move |c| c.add_reminder(&input)).await
}

#[tauri::command]
pub(crate) async fn reminder_done<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
    id: i64,
) -> Result<ReminderDto, AppError> {
    changing(app, state, move |c| {
        c.reminder_done(id, &session_broker(), now_local())
    })
    .await
}

#[tauri::command]
pub(crate) async fn reminder_dismiss<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
    id: i64,
) -> Result<ReminderDto, AppError> {
    changing(app, state, move |c| {
        c.reminder_dismiss(id, &session_broker(), now_local())
    })
    .await
}

#[tauri::command]
pub(crate) async fn reminder_snooze<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
    id: i64,
    until: String,
) -> Result<ReminderDto, AppError> {
    changing(app, state, move |c| {
        c.reminder_snooze(id, &until, &session_broker(), now_local())
    })
    .await
}

#[tauri::command]
pub(crate) async fn reminder_settings(
    state: State<'_, Shared>,
) -> Result<ReminderSettings, AppError> {
    blocking(state, |c| c.reminder_settings()).await
}

#[tauri::command]
pub(crate) async fn reminder_settings_set<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
    settings: ReminderSettings,
) -> Result<ReminderSettings, AppError> {
    changing(app, state, move |c| c.set_reminder_settings(&settings)).await
}

#[cfg(test)]
mod tests {
    use super::notification_text;

    #[test]
    fn up_to_three_reminders_notify_one_by_one_beyond_one_says_how_many() {
        let one = notification_text(&[("Rappeler M. Martin", "Constat non signé"), ("Devis", "")]);
        assert_eq!(
            one,
            [
                (
                    "Courtier — rappel : Rappeler M. Martin".to_string(),
                    "Constat non signé".to_string()
                ),
                (
                    "Courtier — rappel : Devis".to_string(),
                    "Ouvrez « Rappels » dans Courtier.".to_string()
                ),
            ]
        );
        let four = notification_text(&[("a", ""), ("b", ""), ("c", ""), ("d", "")]);
        assert_eq!(four.len(), 1);
        assert_eq!(four[0].0, "Courtier — 4 rappels arrivés à échéance");
        assert_eq!(
            four[0].1,
            "a ; b ; c… Ouvrez « Rappels » pour les voir tous."
        );
        assert!(notification_text(&[]).is_empty());
    }
}
