//! `courtier releve …`: a relevé d'information received, and the start coefficient it gives (R17).

use crate::args::releve::ReleveCommand;
use crate::args::ById;
use crate::input::read_input;
use crate::output::{coef, print_json, print_list};
use courtier_app::{AppError, Courtier, ReleveResult};

pub fn run(app: &Courtier, c: ReleveCommand) -> Result<(), AppError> {
    match c {
        ReleveCommand::Add { client, file, json } => add(app, client, &file, json),
        ReleveCommand::List { client, json } => print_list(
            &app.releves_of_client(client)?,
            json,
            &format!("Aucun relevé pour le client {client}."),
            |r| {
                format!(
                    "{:>6}  {}  {:<28} coefficient {:<6} départ {:<6} {} sinistre(s)",
                    r.id,
                    r.issued_on,
                    r.issuer.as_deref().unwrap_or("—"),
                    r.coefficient.as_deref().map(coef).unwrap_or("—".into()),
                    r.result
                        .start_coefficient
                        .as_deref()
                        .map(coef)
                        .unwrap_or("—".into()),
                    r.claims
                )
            },
        ),
        ReleveCommand::Issue {
            contract,
            date,
            out,
        } => crate::cmd::identity::write_pdf(&app.releve_pdf(contract, date.as_deref())?, &out),
        ReleveCommand::Show(ById { id, json }) => {
            let r = app.releve_get(id)?;
            if json {
                return print_json(&r);
            }
            println!(
                "Relevé n° {} du {} ({}), client {}.",
                r.id,
                r.issued_on,
                r.issuer.as_deref().unwrap_or("assureur non indiqué"),
                r.client_id
            );
            print_result(&r.result)
        }
    }
}

fn add(app: &Courtier, client: i64, file: &str, json: bool) -> Result<(), AppError> {
    let r = app.releve_record(client, &read_input(file)?)?;
    if json {
        return print_json(&r);
    }
    println!("Relevé n° {} enregistré pour le client {client}.", r.id);
    print_result(&r)
}

fn print_result(r: &ReleveResult) -> Result<(), AppError> {
    for s in &r.steps {
        println!("  {s}");
    }
    match &r.start_coefficient {
        Some(c) => println!(
            "Coefficient de départ du nouveau contrat : {} (compteurs : {} période(s) sans sinistre, {} à 0,50 ; contract add --start-claim-free-streak, --start-periods-at-floor)",
            coef(c),
            r.start_claim_free_streak.unwrap_or(0),
            r.start_periods_at_floor.unwrap_or(0)
        ),
        None => {
            println!("Le relevé ne donne pas de quoi calculer un coefficient de départ.")
        }
    }
    if let Some(i) = &r.inconsistency {
        println!("Attention : {i}");
    }
    if !r.missing_fields.is_empty() {
        println!(
            "Champs obligatoires absents : {}.",
            r.missing_fields.join(", ")
        );
    }
    Ok(())
}
