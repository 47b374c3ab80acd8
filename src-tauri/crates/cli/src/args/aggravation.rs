//! `courtier claim aggravation …` and `courtier driver aggravation …`: aggravating
//! circumstances (art. A121-1-2) as dated facts.

use clap::Subcommand;

/// `--reason`, to withdraw a fact.
#[derive(clap::Args, Debug)]
pub struct Withdraw {
    /// Le fait aggravant à retirer (son numéro).
    pub id: i64,
    /// Pourquoi il est retiré (obligatoire ; le fait reste dans l'historique).
    #[arg(long)]
    pub reason: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand, Debug)]
pub enum ClaimAggravationCommand {
    /// Enregistre l'alcool ou les stupéfiants, ou un délit de fuite, sur un sinistre responsable.
    Add {
        /// Le sinistre.
        claim: i64,
        /// alcohol (alcool ou stupéfiants) ou hit_and_run (délit de fuite).
        #[arg(long)]
        fact: String,
        /// Date du fait (celle du sinistre si absente).
        #[arg(long)]
        on: Option<String>,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Les faits aggravants d'un sinistre, retirés compris.
    List {
        claim: i64,
        #[arg(long)]
        json: bool,
    },
    /// Retire un fait enregistré par erreur ; affiche le contrat recalculé.
    Withdraw(Withdraw),
}

#[derive(Subcommand, Debug)]
pub enum DriverAggravationCommand {
    /// Enregistre une suspension, une annulation, plusieurs suspensions ou une non-déclaration.
    Add {
        /// Le conducteur.
        driver: i64,
        /// suspension, cancellation (annulation), multiple_suspensions (plusieurs suspensions de
        /// plus de deux mois dans la période) ou non_declaration (à la souscription).
        #[arg(long)]
        fact: String,
        /// Date du fait (le début de la suspension si absente et --from donné).
        #[arg(long)]
        on: Option<String>,
        /// Durée de la suspension en mois (2 à 6 : 50 % ; plus de 6 : 100 %).
        #[arg(long)]
        months: Option<u32>,
        /// Début de la suspension (au lieu de --months).
        #[arg(long)]
        from: Option<String>,
        /// Fin de la suspension : le jour où le permis est rendu.
        #[arg(long)]
        to: Option<String>,
        /// Le fait (alcool ou délit de fuite d'un sinistre) qui a causé la suspension : une seule
        /// majoration, la plus élevée.
        #[arg(long)]
        caused_by: Option<i64>,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Les faits aggravants d'un conducteur, retirés compris.
    List {
        driver: i64,
        #[arg(long)]
        json: bool,
    },
    /// Retire un fait enregistré par erreur ; affiche le contrat recalculé.
    Withdraw(Withdraw),
}
