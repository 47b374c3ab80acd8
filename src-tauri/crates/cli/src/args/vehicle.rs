//! `courtier vehicle …`.

use super::{ByContract, ById};
use clap::{Args, Subcommand};

#[derive(Args, Debug)]
pub struct VehicleArgs {
    #[arg(long)]
    pub contract: i64,
    /// AB-123-CD (ou l'ancien format 1234 AB 75).
    #[arg(long)]
    pub registration: String,
    #[arg(long)]
    pub make: Option<String>,
    #[arg(long)]
    pub model: Option<String>,
    /// Date de première mise en circulation.
    #[arg(long)]
    pub first_registration: Option<String>,
    /// Entrée au contrat.
    #[arg(long)]
    pub from: String,
    /// Les conducteurs habituels changent (ou sont plus nombreux) : une réduction est perdue
    /// (R16).
    #[arg(long)]
    pub other_drivers: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand, Debug)]
pub enum VehicleCommand {
    /// Ajoute un véhicule au contrat.
    Add(VehicleArgs),
    /// Les véhicules d'un contrat, actuels et passés.
    List(ByContract),
    /// Un véhicule et ses corrections.
    Show(ById),
    /// Corrige un véhicule (un texte vide efface un champ ; --to vide : de nouveau au contrat).
    Update {
        id: i64,
        #[arg(long)]
        registration: Option<String>,
        #[arg(long)]
        make: Option<String>,
        #[arg(long)]
        model: Option<String>,
        #[arg(long)]
        first_registration: Option<String>,
        #[arg(long)]
        from: Option<String>,
        /// Sortie du contrat.
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        reason: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Remplace un véhicule (R16 : le coefficient suit le contrat ; une réduction seulement si
    /// les conducteurs habituels sont les mêmes ou moins nombreux).
    Replace {
        /// Le véhicule remplacé.
        old: i64,
        #[command(flatten)]
        new: VehicleArgs,
    },
}
