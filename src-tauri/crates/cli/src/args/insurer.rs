//! `courtier insurer …`.

use super::ById;
use clap::{Args, Subcommand};

#[derive(Args, Debug)]
pub struct InsurerArgs {
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long)]
    pub address: Option<String>,
    #[arg(long)]
    pub postcode: Option<String>,
    #[arg(long)]
    pub city: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    /// Adresse électronique des demandes de relevé d'information.
    #[arg(long)]
    pub releve_email: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand, Debug)]
pub enum InsurerCommand {
    /// Les assureurs, avec le nombre de contrats de l'agence chez chacun.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Un assureur et ses changements de coordonnées.
    Show(ById),
    /// Ajoute un assureur (--name obligatoire) ; affiche son numéro.
    Add(InsurerArgs),
    /// Change le nom ou les coordonnées (un texte vide efface un champ).
    Update {
        id: i64,
        #[command(flatten)]
        fields: InsurerArgs,
        #[arg(long)]
        reason: Option<String>,
    },
}
