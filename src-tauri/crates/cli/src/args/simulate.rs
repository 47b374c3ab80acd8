//! `courtier bonus-malus simulate`.

use clap::{Subcommand, ValueEnum};

#[derive(Subcommand, Debug)]
pub enum BonusMalusCommand {
    /// Calcule les coefficients d'un scénario (forme « périodes » ou « historique daté »).
    Simulate {
        /// Fichier JSON, ou - pour l'entrée standard.
        file: String,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
}

#[derive(ValueEnum, Debug, Clone, Copy)]
pub enum Format {
    Json,
    Text,
}
