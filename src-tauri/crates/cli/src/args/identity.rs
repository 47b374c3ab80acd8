//! `courtier agency identity …`: the agency's identity printed on its documents.

use clap::{Args, Subcommand};

#[derive(Subcommand, Debug)]
pub enum AgencyCommand {
    /// Identité de l'agence (en-tête et pied de page des documents imprimés).
    #[command(subcommand)]
    Identity(IdentityCommand),
}

#[derive(Subcommand, Debug)]
pub enum IdentityCommand {
    /// Affiche l'identité en vigueur.
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Change l'identité (un champ omis garde sa valeur, un texte vide l'efface) ; chaque
    /// changement est conservé dans le journal.
    Set(IdentityArgs),
}

#[derive(Args, Debug)]
pub struct IdentityArgs {
    #[arg(long)]
    pub name: Option<String>,
    /// Adresse (plusieurs lignes séparées par « \n » ou de vrais retours à la ligne).
    #[arg(long)]
    pub address: Option<String>,
    /// Numéro d'immatriculation ORIAS (huit chiffres).
    #[arg(long)]
    pub orias: Option<String>,
    /// Association professionnelle agréée.
    #[arg(long)]
    pub association: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    /// Mentions légales du pied de page.
    #[arg(long)]
    pub footer: Option<String>,
    /// Image PNG ou JPEG du logo (512 Ko au plus).
    #[arg(long, value_name = "FICHIER")]
    pub logo: Option<String>,
    /// Retire le logo.
    #[arg(long, conflicts_with = "logo")]
    pub no_logo: bool,
    #[arg(long)]
    pub json: bool,
}
