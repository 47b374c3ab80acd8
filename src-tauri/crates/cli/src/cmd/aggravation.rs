//! `courtier claim aggravation …` and `courtier driver aggravation …`.

use crate::args::aggravation::{ClaimAggravationCommand, DriverAggravationCommand, Withdraw};
use crate::output::{print_contract, print_json, print_list};
use courtier_app::{AggravationDraft, AggravationDto, AppError, Courtier};

/// One fact, on one line.
pub fn aggravation_line(a: &AggravationDto) -> String {
    let length = match (&a.suspension_months, &a.suspension_from, &a.suspension_to) {
        (Some(m), _, _) => format!(" de {m} mois"),
        (None, Some(f), Some(t)) => format!(" du {f} au {t}"),
        _ => String::new(),
    };
    let mut s = format!(
        "{:>6}  {}  {}{} : {} {} %",
        a.id,
        a.event_date,
        a.fact.label(),
        length,
        a.surcharge,
        a.rate
    );
    if let Some(u) = &a.until {
        s += &format!(", jusqu'à l'échéance du {u}");
    }
    if let Some(c) = a.caused_by {
        s += &format!(" ; causée par le fait {c}");
    }
    if let Some(n) = &a.note {
        s += &format!(" ; {n}");
    }
    if let Some(w) = &a.withdrawn {
        s += &format!(" — RETIRÉ : {}", w.reason);
    }
    s
}

fn withdraw(app: &Courtier, w: Withdraw) -> Result<(), AppError> {
    let k = app.aggravation_withdraw(w.id, &w.reason)?;
    if w.json {
        return print_json(&k);
    }
    print_contract(&k);
    Ok(())
}

pub fn run_claim(app: &Courtier, c: ClaimAggravationCommand) -> Result<(), AppError> {
    match c {
        ClaimAggravationCommand::Add {
            claim,
            fact,
            on,
            note,
            json,
        } => {
            let page = app.claim_aggravation_add(
                claim,
                &AggravationDraft {
                    fact,
                    on_date: on,
                    note,
                    ..Default::default()
                },
            )?;
            if json {
                return print_json(&page);
            }
            for a in &page.aggravations {
                println!("{}", aggravation_line(a));
            }
            Ok(())
        }
        ClaimAggravationCommand::List { claim, json } => print_list(
            &app.claim_aggravations(claim)?,
            json,
            &format!("Aucun fait aggravant sur le sinistre {claim}."),
            aggravation_line,
        ),
        ClaimAggravationCommand::Withdraw(w) => withdraw(app, w),
    }
}

pub fn run_driver(app: &Courtier, c: DriverAggravationCommand) -> Result<(), AppError> {
    match c {
        DriverAggravationCommand::Add {
            driver,
            fact,
            on,
            months,
            from,
            to,
            caused_by,
            note,
            json,
        } => {
            let k = app.driver_aggravation_add(
                driver,
                &AggravationDraft {
                    fact,
                    on_date: on,
                    suspension_months: months,
                    suspension_from: from,
                    suspension_to: to,
                    caused_by,
                    note,
                },
            )?;
            if json {
                return print_json(&k);
            }
            print_contract(&k);
            Ok(())
        }
        DriverAggravationCommand::List { driver, json } => print_list(
            &app.driver_aggravations(driver)?,
            json,
            &format!("Aucun fait aggravant sur le conducteur {driver}."),
            aggravation_line,
        ),
        DriverAggravationCommand::Withdraw(w) => withdraw(app, w),
    }
}
