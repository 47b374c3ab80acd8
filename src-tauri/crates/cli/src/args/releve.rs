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
    /// Établit le relevé d'information (R18) d'un contrat, en PDF, par délégation de l'assureur ;
    /// il est conservé avec le contrat.
    Issue {
        #[arg(long)]
        contract: i64,
        /// Date du relevé (JJ/MM/AAAA ou AAAA-MM-JJ) ; aujourd'hui par défaut.
        #[arg(long)]
        date: Option<String>,
        #[arg(long, value_name = "FICHIER.pdf")]
        out: std::path::PathBuf,
    },
}
