//! `courtier reminders …`: the reminders' use cases without a window. Listing marks nothing
//! fired: the window's timer does (and sends the notification).

use crate::args::reminder::ReminderCommand;
use crate::output::{print_json, print_list, when};
use courtier_app::reminders::{
    parse_due, session_broker, ReminderDraft, ReminderDto, ReminderSettings, WallTime,
};
use courtier_app::{local_wall_time, AppError, Courtier};

fn state(s: &str) -> &'static str {
    match s {
        "due" => "à traiter",
        "upcoming" => "à venir",
        "done" => "fait",
        _ => "ignoré",
    }
}

fn line(r: &ReminderDto) -> String {
    let about = [
        r.client_id.map(|k| format!("client {k}")),
        r.contract_id.map(|k| format!("contrat {k}")),
        r.claim_id.map(|k| format!("sinistre {k}")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let origin = match (r.origin, r.lead_days) {
        ("auto", Some(d)) => format!("automatique, {d} j avant"),
        ("auto", None) => "automatique".to_string(),
        _ => "manuel".to_string(),
    };
    format!(
        "{:>6}  {}  {}  {} ({origin} ; {about})",
        r.id,
        when(&r.due_at),
        state(r.state),
        r.title
    )
}

fn at(a: Option<&str>) -> Result<WallTime, AppError> {
    match a {
        Some(s) => parse_due(s, "at"),
        None => Ok(local_wall_time()),
    }
}

pub fn run(app: &Courtier, c: ReminderCommand) -> Result<(), AppError> {
    match c {
        ReminderCommand::Due { at: a, json } => print_list(
            &app.reminders_due(at(a.as_deref())?)?,
            json,
            "Aucun rappel à traiter.",
            line,
        ),
        ReminderCommand::List { at: a, json } => {
            let page = app.reminders(at(a.as_deref())?)?;
            if json {
                return print_json(&page);
            }
            let all: Vec<ReminderDto> = page
                .due
                .into_iter()
                .chain(page.upcoming)
                .chain(page.closed)
                .collect();
            print_list(&all, false, "Aucun rappel.", line)
        }
        ReminderCommand::Add {
            client,
            contract,
            claim,
            title,
            due,
            note,
            json,
        } => {
            let r = app.add_reminder(&ReminderDraft {
                client_id: client,
                contract_id: contract,
                claim_id: claim,
                title,
                due_at: due,
                note,
            })?;
            if json {
                return print_json(&r);
            }
            println!("{}", r.id);
            Ok(())
        }
        ReminderCommand::Done { id } => {
            app.reminder_done(id, &session_broker(), local_wall_time())?;
            println!("Rappel {id} : fait.");
            Ok(())
        }
        ReminderCommand::Dismiss { id } => {
            app.reminder_dismiss(id, &session_broker(), local_wall_time())?;
            println!("Rappel {id} : ignoré.");
            Ok(())
        }
        ReminderCommand::Snooze { id, until } => {
            let r = app.reminder_snooze(id, &until, &session_broker(), local_wall_time())?;
            println!("Rappel {id} : reporté au {}.", when(&r.due_at));
            Ok(())
        }
        ReminderCommand::Settings { lead_days, json } => {
            let s = match lead_days {
                Some(days) => app.set_reminder_settings(&ReminderSettings { lead_days: days })?,
                None => app.reminder_settings()?,
            };
            if json {
                return print_json(&s);
            }
            let days: Vec<String> = s.lead_days.iter().map(u32::to_string).collect();
            println!(
                "Rappels automatiques : {} jours avant chaque échéance.",
                days.join(", ")
            );
            Ok(())
        }
    }
}
