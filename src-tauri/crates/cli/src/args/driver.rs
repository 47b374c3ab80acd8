//! `courtier driver …`.

use super::{ByContract, ById};
use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum DriverCommand {
    /// Les conducteurs d'un contrat.
    List(ByContract),
    /// Un conducteur et ses corrections.
    Show(ById),
    /// Corrige un conducteur ; --to met fin à sa désignation.
    Update {
        id: i64,
        #[arg(long)]
        role: Option<String>,
        #[arg(long)]
        last_name: Option<String>,
        #[arg(long)]
        first_name: Option<String>,
        #[arg(long)]
        birth_date: Option<String>,
        #[arg(long)]
        licence_number: Option<String>,
        #[arg(long)]
        licence_date: Option<String>,
        #[arg(long)]
        aac: Option<bool>,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        reason: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Les circonstances aggravantes du conducteur (art. A121-1-2) : suspension, annulation,
    /// suspensions multiples, non-déclaration.
    #[command(subcommand)]
    Aggravation(super::aggravation::DriverAggravationCommand),
    /// Désigne un conducteur.
    Add {
        #[arg(long)]
        contract: i64,
        /// principal, secondaire ou occasionnel.
        #[arg(long, default_value = "principal")]
        role: String,
        #[arg(long)]
        last_name: String,
        #[arg(long)]
        first_name: Option<String>,
        #[arg(long)]
        birth_date: Option<String>,
        #[arg(long)]
        licence_number: Option<String>,
        #[arg(long)]
        licence_date: Option<String>,
        /// Apprentissage anticipé de la conduite.
        #[arg(long)]
        aac: bool,
        /// Client correspondant, s'il en a une fiche.
        #[arg(long)]
        client: Option<i64>,
        #[arg(long)]
        from: String,
        #[arg(long)]
        json: bool,
    },
}
