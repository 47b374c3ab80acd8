//! `courtier releve …`: a relevé d'information received, and the start coefficient it gives (R17).

use crate::args::releve::ReleveCommand;
use crate::input::read_input;
use crate::output::{coef, print_json};
use courtier_app::{AppError, Courtier};

pub fn run(app: &Courtier, c: ReleveCommand) -> Result<(), AppError> {
    match c {
        ReleveCommand::Add { client, file, json } => add(app, client, &file, json),
    }
}

fn add(app: &Courtier, client: i64, file: &str, json: bool) -> Result<(), AppError> {
    let r = app.releve_record(client, &read_input(file)?)?;
    if json {
        return print_json(&r);
    }
    println!("Relevé n° {} enregistré pour le client {client}.", r.id);
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
