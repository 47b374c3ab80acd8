//! Reading standard input and input files.

use courtier_app::AppError;
use courtier_app::ErrorCode;
use std::io::Read;

pub fn read_stdin_line() -> Result<String, AppError> {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).map_err(|e| {
        AppError::new(
            ErrorCode::Io,
            format!("Lecture de l'entrée standard impossible : {e}"),
        )
    })?;
    Ok(s.lines()
        .next()
        .unwrap_or("")
        .trim_end_matches(['\r', '\n'])
        .to_string())
}

/// The text of FILE, or of standard input for `-`.
pub fn read_input(file: &str) -> Result<String, AppError> {
    if file == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map_err(|e| {
            AppError::new(
                ErrorCode::Io,
                format!("Lecture de l'entrée standard impossible : {e}"),
            )
        })?;
        Ok(s)
    } else {
        std::fs::read_to_string(file).map_err(|e| {
            AppError::new(ErrorCode::Io, format!("Lecture de {file} impossible : {e}"))
        })
    }
}
