//! `courtier vehicle …`: a contract's vehicles, their corrections and replacements (R16).

use crate::args::vehicle::VehicleCommand;
use crate::args::{ByContract, ById};
use crate::output::{print_json, print_list, print_revisions, vehicle_line};
use courtier_app::{AppError, Courtier, VehicleDraft, VehicleUpdate};

pub fn run(app: &Courtier, v: VehicleCommand) -> Result<(), AppError> {
    let (args, replaced) = match v {
        VehicleCommand::List(ByContract { contract, json }) => {
            return print_list(
                &app.vehicle_list(contract)?,
                json,
                "Aucun véhicule sur ce contrat.",
                vehicle_line,
            );
        }
        VehicleCommand::Show(ById { id, json }) => {
            return print_vehicle(&app.vehicle_get(id)?, json);
        }
        VehicleCommand::Update {
            id,
            registration,
            make,
            model,
            first_registration,
            from,
            to,
            reason,
            json,
        } => {
            let v = app.vehicle_update(
                id,
                &VehicleUpdate {
                    registration,
                    make,
                    model,
                    first_registration,
                    from_date: from,
                    to_date: to,
                    reason,
                },
            )?;
            return print_vehicle(&v, json);
        }
        VehicleCommand::Add(a) => (a, None),
        VehicleCommand::Replace { old, new } => {
            let same = !new.other_drivers;
            (new, Some((old, same)))
        }
    };
    let draft = VehicleDraft {
        contract_id: args.contract,
        registration: args.registration,
        make: args.make,
        model: args.model,
        first_registration: args.first_registration,
        from_date: args.from,
        other_drivers: args.other_drivers,
    };
    let v = match replaced {
        None => app.vehicle_add(&draft)?,
        Some((old, same)) => app.vehicle_replace(old, &draft, same)?,
    };
    if args.json {
        return print_json(&v);
    }
    println!("{}", v.id);
    Ok(())
}

fn print_vehicle(v: &courtier_app::VehicleDto, json: bool) -> Result<(), AppError> {
    if json {
        return print_json(v);
    }
    println!("{}", vehicle_line(v));
    print_revisions(&v.revisions);
    Ok(())
}
