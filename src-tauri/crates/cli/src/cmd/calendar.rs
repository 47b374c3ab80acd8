//! `courtier calendar`: the échéances and deadlines of a period, as a French table or JSON.

use crate::args::calendar::CalendarArgs;
use crate::cmd::notice::fr;
use crate::output::{coef, money, print_list};
use courtier_app::calendar::{CalendarFilter, CalendarItem};
use courtier_app::{AppError, Courtier};

fn line(i: &CalendarItem) -> String {
    format!(
        "{}  {:<42} {:<24} {:<20} {:<22} coef. {} → {:<5} {}",
        fr(&i.date),
        i.kind_label,
        i.client_name,
        i.contract_number,
        i.insurer,
        coef(&i.coefficient_now),
        i.coefficient_at
            .as_deref()
            .map(coef)
            .unwrap_or_else(|| "—".into()),
        i.premium_change
            .as_deref()
            .map(money)
            .unwrap_or_else(|| "—".into()),
    )
}

pub fn run(app: &Courtier, a: CalendarArgs) -> Result<(), AppError> {
    let filter = CalendarFilter {
        from: a.from.clone(),
        to: a.to.clone(),
        insurer_id: a.insurer,
        broker: a.broker,
        product: a.product,
        risk: a.risk,
        threshold_percent: a.threshold,
    };
    if let Some(path) = &a.ics {
        let text = app.calendar_ics(&filter)?;
        std::fs::write(path, &text).map_err(|e| {
            AppError::new(
                courtier_app::ErrorCode::Io,
                format!("Impossible d'écrire {} : {e}", path.display()),
            )
        })?;
        eprintln!(
            "Calendrier iCalendar écrit : {} événement(s) dans {}.",
            text.matches("BEGIN:VEVENT").count(),
            path.display()
        );
    }
    let items = app.calendar(&filter)?;
    print_list(
        &items,
        a.json,
        &format!("Aucune échéance ni délai du {} au {}.", a.from, a.to),
        line,
    )
}
