//! `courtier releve …`.

use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum ReleveCommand {
    /// Enregistre un relevé (fichier JSON, ou - pour l'entrée standard) et calcule le coefficient
    /// de départ du nouveau contrat (R17), avec ses étapes et le contrôle de cohérence.
    Add {
        #[arg(long)]
        client: i64,
        file: String,
        #[arg(long)]
        json: bool,
    },
    /// Les relevés reçus pour un client, du plus récent au plus ancien.
    List {
        #[arg(long)]
        client: i64,
        #[arg(long)]
        json: bool,
    },
    /// Un relevé et ce que Courtier en tire (coefficient de départ, étapes, contrôle).
    Show(crate::args::ById),
}
