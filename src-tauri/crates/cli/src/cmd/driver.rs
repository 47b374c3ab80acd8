//! `courtier driver …`: a contract's designated drivers and their corrections.

use crate::args::driver::DriverCommand;
use crate::args::{ByContract, ById};
use crate::output::{driver_line, print_json, print_list, print_revisions};
use courtier_app::{AppError, Courtier, DriverDraft, DriverUpdate};

pub fn run(app: &Courtier, c: DriverCommand) -> Result<(), AppError> {
    match c {
        DriverCommand::List(ByContract { contract, json }) => print_list(
            &app.driver_list(contract)?,
            json,
            "Aucun conducteur sur ce contrat.",
            driver_line,
        ),
        DriverCommand::Show(ById { id, json }) => print_driver(&app.driver_get(id)?, json),
        DriverCommand::Aggravation(c) => crate::cmd::aggravation::run_driver(app, c),
        DriverCommand::Update {
            id,
            role,
            last_name,
            first_name,
            birth_date,
            licence_number,
            licence_date,
            aac,
            from,
            to,
            reason,
            json,
        } => {
            let d = app.driver_update(
                id,
                &DriverUpdate {
                    role,
                    last_name,
                    first_name,
                    birth_date,
                    licence_number,
                    licence_date,
                    aac,
                    from_date: from,
                    to_date: to,
                    reason,
                },
            )?;
            print_driver(&d, json)
        }
        DriverCommand::Add {
            contract,
            role,
            last_name,
            first_name,
            birth_date,
            licence_number,
            licence_date,
            aac,
            client,
            from,
            json,
        } => {
            let d = app.driver_add(&DriverDraft {
                contract_id: contract,
                client_id: client,
                role,
                last_name,
                first_name,
                birth_date,
                licence_number,
                licence_date,
                aac,
                from_date: from,
            })?;
            if json {
                return print_json(&d);
            }
            println!("{}", d.id);
            Ok(())
        }
    }
}

fn print_driver(d: &courtier_app::DriverDto, json: bool) -> Result<(), AppError> {
    if json {
        return print_json(d);
    }
    println!("{}", driver_line(d));
    print_revisions(&d.revisions);
    Ok(())
}
