//! `courtier notice …`: avis d'échéance sent, and the renewal settings.

use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum NoticeCommand {
    /// L'avis d'échéance d'un contrat (prime de référence, coefficient, majorations, droits de
    /// résiliation), en PDF, conservé avec le contrat.
    Print {
        #[arg(long)]
        contract: i64,
        #[arg(long, value_name = "FICHIER.pdf")]
        out: std::path::PathBuf,
    },
    /// Enregistre l'envoi de l'avis d'échéance d'un contrat pour une échéance (loi Chatel,
    /// art. L113-15-1) : la date d'envoi décide du délai de résiliation du client.
    Sent {
        #[arg(long)]
        contract: i64,
        /// L'échéance annoncée (JJ/MM/AAAA ou AAAA-MM-JJ).
        #[arg(long)]
        echeance: String,
        /// Le jour de l'envoi.
        #[arg(long)]
        on: String,
        /// courrier (par défaut), email ou remise.
        #[arg(long)]
        channel: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Les avis d'échéance envoyés pour un contrat, avec ce qu'ils ouvrent au client.
    List {
        #[arg(long)]
        contract: i64,
        #[arg(long)]
        json: bool,
    },
    /// Les paramètres des renouvellements (affichés ; modifiés si une valeur est donnée).
    Settings {
        /// Jours sans nouvelles après lesquels un sinistre est à relancer (1 à 3 650).
        #[arg(long)]
        claim_silence_days: Option<u32>,
        /// Mois entre deux réexamens du conseil (0 : aucun, au plus 120).
        #[arg(long)]
        advice_review_months: Option<u32>,
        /// Noms des clients dans le fichier .ics en clair : oui ou non.
        #[arg(long)]
        ics_client_names: Option<String>,
        #[arg(long)]
        json: bool,
    },
}
