//! `courtier bonus-malus simulate`: the engine on a scenario file, without an agency file.

use crate::args::simulate::{BonusMalusCommand, Format};
use crate::input::read_input;
use crate::output::print_json;
use courtier_app::AppError;
use courtier_app::ErrorCode;

pub fn run(c: BonusMalusCommand) -> Result<(), AppError> {
    match c {
        BonusMalusCommand::Simulate { file, format } => simulate(&file, format),
    }
}

fn simulate(file: &str, format: Format) -> Result<(), AppError> {
    let input = read_input(file)?;
    match format {
        Format::Json => {
            let v = courtier_domain::bonus_malus::simulate_json(&input)
                .map_err(|e| AppError::new(ErrorCode::InvalidInput, e.to_string()))?;
            print_json(&v)
        }
        Format::Text => {
            let note = courtier_domain::bonus_malus::simulate_note(&input)
                .map_err(|e| AppError::new(ErrorCode::InvalidInput, e.to_string()))?;
            print!("{note}");
            if !note.ends_with('\n') {
                println!();
            }
            Ok(())
        }
    }
}
