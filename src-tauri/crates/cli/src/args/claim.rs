//! `courtier claim …`.

use super::ById;
use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum ClaimCommand {
    /// Déclare un sinistre ; affiche le contrat recalculé.
    Add {
        #[arg(long)]
        contract: i64,
        /// Date de survenance.
        #[arg(long)]
        date: String,
        /// accident, theft, fire, glass, parked_unidentified, force_majeure, driven_without_consent, natural_disaster.
        #[arg(long)]
        kind: String,
        /// full, partial ou none.
        #[arg(long)]
        responsibility: String,
        #[arg(long)]
        declared: Option<String>,
        #[arg(long)]
        place: Option<String>,
        #[arg(long)]
        description: Option<String>,
        /// Référence du sinistre chez l'assureur.
        #[arg(long)]
        reference: Option<String>,
        /// Montant estimé.
        #[arg(long)]
        estimated: Option<String>,
        /// Le véhicule du contrat impliqué.
        #[arg(long)]
        vehicle: Option<i64>,
        /// Le conducteur du contrat au volant.
        #[arg(long)]
        driver: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Les sinistres d'un client (--client), ou ceux du portefeuille, ouverts et clos, du plus
    /// récent au plus ancien, par pages de 50, avec les filtres de la section Sinistres.
    List {
        #[arg(long)]
        client: Option<i64>,
        /// open (ouverts), closed (clos ou refusés), all (par défaut).
        #[arg(long)]
        state: Option<String>,
        /// Un état : declare, en_expertise, en_reparation, indemnise, clos, refuse.
        #[arg(long)]
        status: Option<String>,
        /// L'identifiant de l'assureur.
        #[arg(long)]
        insurer: Option<i64>,
        /// full, partial, none.
        #[arg(long)]
        responsibility: Option<String>,
        /// Survenus à partir du (AAAA-MM-JJ).
        #[arg(long)]
        from: Option<String>,
        /// Survenus jusqu'au (AAAA-MM-JJ).
        #[arg(long)]
        to: Option<String>,
        /// Une référence de sinistre ou le nom d'un client.
        #[arg(long)]
        text: Option<String>,
        /// Du plus ancien au plus récent.
        #[arg(long)]
        oldest_first: bool,
        #[arg(long, default_value_t = 1, value_parser = crate::french::at_least_one)]
        page: u32,
        #[arg(long, default_value_t = 50, value_parser = crate::french::at_least_one)]
        page_size: u32,
        #[arg(long)]
        json: bool,
    },
    /// Un sinistre : qualifications, états, montants, intervenants, échanges, corrections.
    Show(ById),
    /// Corrige la déclaration (les valeurs remplacées sont conservées, le coefficient recalculé).
    /// Un texte vide efface un champ ; --vehicle 0 / --driver 0 retirent le lien.
    Update {
        id: i64,
        /// Date de survenance.
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        declared: Option<String>,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        place: Option<String>,
        #[arg(long)]
        description: Option<String>,
        #[arg(long)]
        reference: Option<String>,
        #[arg(long)]
        vehicle: Option<i64>,
        #[arg(long)]
        driver: Option<i64>,
        /// Motif de la correction.
        #[arg(long)]
        reason: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Enregistre un montant : estimation, reglement ou franchise.
    Amount {
        id: i64,
        #[arg(long)]
        kind: String,
        #[arg(long)]
        amount: String,
        #[arg(long)]
        on: String,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Change l'état d'un sinistre : declare, en_expertise, en_reparation, indemnise, clos, refuse.
    Status {
        id: i64,
        #[arg(long)]
        status: String,
        #[arg(long)]
        on: String,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Ajoute un intervenant : expert, garage, tiers, assureur_tiers ou autre.
    Party {
        id: i64,
        #[arg(long)]
        role: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        address: Option<String>,
        #[arg(long)]
        reference: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Consigne un échange au sujet du sinistre.
    Contact {
        id: i64,
        /// L'intervenant concerné, s'il y en a un.
        #[arg(long)]
        party: Option<i64>,
        /// AAAA-MM-JJ ou AAAA-MM-JJTHH:MM.
        #[arg(long)]
        at: String,
        /// telephone, email, courrier, rendez_vous, autre.
        #[arg(long)]
        channel: String,
        /// entrant ou sortant.
        #[arg(long)]
        direction: String,
        #[arg(long)]
        summary: String,
        #[arg(long)]
        json: bool,
    },
    /// Les sinistres ouverts du portefeuille, du plus ancien au plus récent.
    Open {
        #[arg(long, default_value_t = 500, value_parser = crate::french::at_least_one)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// Les circonstances aggravantes du sinistre (art. A121-1-2) : alcool ou stupéfiants, délit
    /// de fuite.
    #[command(subcommand)]
    Aggravation(super::aggravation::ClaimAggravationCommand),
    /// Requalifie la responsabilité d'un sinistre (la qualification précédente est conservée).
    Requalify {
        id: i64,
        #[arg(long)]
        responsibility: String,
        /// Date du constat.
        #[arg(long)]
        on: String,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        json: bool,
    },
}
