//! `courtier reminders …`: the reminders and tasks (automatic from the deadlines, and manual).

use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum ReminderCommand {
    /// Les rappels arrivés à échéance (à traiter), les plus anciens d'abord ; pour les scripts.
    /// N'envoie aucune notification et ne marque rien : c'est la fenêtre qui les déclenche.
    Due {
        /// L'instant considéré (AAAA-MM-JJTHH:MM, heure locale ; par défaut maintenant).
        #[arg(long)]
        at: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Tous les rappels : à traiter, à venir, et les derniers faits ou ignorés.
    List {
        #[arg(long)]
        at: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Ajoute un rappel sur un client, un contrat ou un sinistre.
    Add {
        #[arg(long)]
        client: Option<i64>,
        #[arg(long)]
        contract: Option<i64>,
        #[arg(long)]
        claim: Option<i64>,
        /// L'objet du rappel.
        #[arg(long)]
        title: String,
        /// Quand : AAAA-MM-JJTHH:MM (heure locale).
        #[arg(long)]
        due: String,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Marque un rappel comme fait.
    Done { id: i64 },
    /// Ignore un rappel (clos sans être fait).
    Dismiss { id: i64 },
    /// Reporte un rappel : à nouveau dû à cette date et heure (AAAA-MM-JJTHH:MM).
    Snooze {
        id: i64,
        #[arg(long)]
        until: String,
    },
    /// Les délais des rappels automatiques (jours avant chaque échéance) ; avec --lead-days,
    /// les change (par exemple 90,60,30,15).
    Settings {
        #[arg(long, value_delimiter = ',')]
        lead_days: Option<Vec<u32>>,
        #[arg(long)]
        json: bool,
    },
}
