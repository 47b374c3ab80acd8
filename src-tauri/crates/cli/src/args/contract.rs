//! `courtier contract …`.

use super::TimelineArgs;
use clap::{Args, Subcommand};

#[derive(Subcommand, Debug)]
pub enum ContractCommand {
    /// Enregistre un contrat et affiche son numéro interne.
    Add(Box<ContractArgs>),
    /// Les contrats d'un client.
    List {
        #[arg(long)]
        client: i64,
        #[arg(long)]
        json: bool,
    },
    /// Un contrat : coefficient en vigueur, historique, projection, prochaine prime, sinistres.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
        /// Affiche la note de calcul du coefficient.
        #[arg(long)]
        note: bool,
    },
    /// Résilie un contrat : date, auteur (client, assureur, loi_hamon, loi_chatel,
    /// vente_vehicule, autre) et motif.
    Terminate {
        id: i64,
        #[arg(long)]
        on: String,
        #[arg(long)]
        by: String,
        #[arg(long)]
        reason: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Enregistre une suspension de garantie [du, au).
    Suspend {
        id: i64,
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
    },
    /// Enregistre un avenant : date d'effet, ce qu'il change, et les lignes de prime qu'il fixe.
    Avenant {
        id: i64,
        #[arg(long)]
        on: String,
        #[arg(long)]
        details: String,
        /// Ligne de prime modulée : "Garantie=350,00" (répétable).
        #[arg(long)]
        premium: Vec<String>,
        /// Ligne de prime non modulée : "Assistance=45,50" (répétable).
        #[arg(long)]
        premium_fixed: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Corrige les conditions du contrat (les valeurs remplacées sont conservées, le coefficient
    /// recalculé).
    Update {
        id: i64,
        #[arg(long)]
        number: Option<String>,
        #[arg(long)]
        product: Option<String>,
        #[arg(long)]
        subscription: Option<String>,
        #[arg(long)]
        first_echeance: Option<String>,
        #[arg(long)]
        usage: Option<String>,
        #[arg(long)]
        start_coefficient: Option<String>,
        /// Le contrat relève de la clause de réduction-majoration (true) ou non (false).
        #[arg(long)]
        clause_applies: Option<bool>,
        /// Motif de la correction.
        #[arg(long)]
        reason: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Chronologie d'un contrat.
    Timeline {
        id: i64,
        #[command(flatten)]
        filter: TimelineArgs,
    },
}

#[derive(Args, Debug)]
pub struct ContractArgs {
    #[arg(long)]
    pub client: i64,
    #[arg(long)]
    pub insurer: String,
    #[arg(long)]
    pub number: String,
    /// Date de souscription.
    #[arg(long)]
    pub subscription: String,
    /// Première échéance annuelle.
    #[arg(long)]
    pub first_echeance: String,
    /// auto (par défaut), habitation, sante, prevoyance, autre.
    #[arg(long)]
    pub product: Option<String>,
    /// standard (par défaut) ou tournees.
    #[arg(long)]
    pub usage: Option<String>,
    /// Coefficient de départ (relevé d'information), 1,00 par défaut.
    #[arg(long)]
    pub start_coefficient: Option<String>,
    /// Périodes consécutives sans sinistre reprises du relevé (règle des deux ans), 0 par défaut.
    #[arg(long)]
    pub start_claim_free_streak: Option<u32>,
    /// Périodes sans sinistre à 0,50 reprises du relevé (protection à 0,50), 0 par défaut.
    #[arg(long)]
    pub start_periods_at_floor: Option<u32>,
    /// Le contrat est hors de la clause de réduction-majoration (R1).
    #[arg(long)]
    pub outside_clause: bool,
    /// Ligne de prime modulée par le coefficient : "Garantie=350,00" (répétable).
    #[arg(long)]
    pub premium: Vec<String>,
    /// Ligne de prime non modulée : "Assistance=45,50" (répétable).
    #[arg(long)]
    pub premium_fixed: Vec<String>,
    #[arg(long)]
    pub json: bool,
}
