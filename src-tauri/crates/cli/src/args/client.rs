//! `courtier client …`.

use super::TimelineArgs;
use clap::{Args, Subcommand, ValueEnum};

#[derive(Subcommand, Debug)]
pub enum ClientCommand {
    /// Ajoute un client (particulier, ou entreprise avec --company) et affiche son numéro.
    Add(Box<AddArgs>),
    /// Recherche instantanée (préfixes, sans tenir compte des accents ni de la casse).
    Search {
        text: String,
        #[arg(long, default_value_t = 50, value_parser = crate::french::at_least_one)]
        limit: u32,
        /// Inclut les clients archivés.
        #[arg(long)]
        archived: bool,
        #[arg(long)]
        json: bool,
    },
    /// Affiche la fiche d'un client.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Liste les clients, page par page.
    List {
        #[arg(long, default_value_t = 1, value_parser = crate::french::at_least_one)]
        page: u32,
        #[arg(long, default_value_t = 50, value_parser = crate::french::at_least_one)]
        page_size: u32,
        #[arg(long, value_enum, default_value_t = Sort::Name)]
        sort: Sort,
        #[arg(long)]
        descending: bool,
        /// prospect, client ou former.
        #[arg(long)]
        status: Option<String>,
        #[arg(long)]
        archived: bool,
        #[arg(long)]
        json: bool,
    },
    /// Corrige la fiche d'un client : les options données remplacent ces valeurs, les autres
    /// restent ; les valeurs remplacées sont gardées (avec le motif) sous `revisions`.
    Update(Box<UpdateArgs>),
    /// Archive un client (rien n'est supprimé).
    Archive { id: i64 },
    /// Restaure un client archivé.
    Restore { id: i64 },
    /// Chronologie d'un client : sinistres, requalifications, états, montants, échanges,
    /// événements des contrats et coefficient à chaque échéance.
    Timeline {
        id: i64,
        #[command(flatten)]
        filter: TimelineArgs,
    },
}

#[derive(ValueEnum, Debug, Clone, Copy)]
pub enum Sort {
    Name,
    Created,
    Updated,
    Postcode,
    City,
}

/// The fields of a client the command line sets, shared by `client add` and `client update`.
#[derive(Args, Debug)]
pub struct ClientFields {
    #[arg(long)]
    pub last_name: Option<String>,
    #[arg(long)]
    pub first_name: Option<String>,
    /// Raison sociale : crée une entreprise.
    #[arg(long)]
    pub company: Option<String>,
    #[arg(long)]
    pub siren: Option<String>,
    /// M ou Mme.
    #[arg(long)]
    pub civility: Option<String>,
    /// AAAA-MM-JJ ou JJ/MM/AAAA.
    #[arg(long)]
    pub birth_date: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    /// Numéro et voie.
    #[arg(long)]
    pub address: Option<String>,
    #[arg(long)]
    pub postcode: Option<String>,
    #[arg(long)]
    pub city: Option<String>,
    #[arg(long)]
    pub profession: Option<String>,
    #[arg(long)]
    pub source: Option<String>,
    #[arg(long)]
    pub broker: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
}

#[derive(Args, Debug)]
pub struct AddArgs {
    #[command(flatten)]
    pub fields: ClientFields,
    /// prospect (par défaut), client ou former.
    #[arg(long, default_value = "prospect")]
    pub status: String,
    #[arg(long)]
    pub json: bool,
}

/// `client update ID`: every option replaces that value (an empty text clears it); `--email`,
/// `--phone` and the address options replace the first e-mail, phone or address.
#[derive(Args, Debug)]
pub struct UpdateArgs {
    pub id: i64,
    #[command(flatten)]
    pub fields: ClientFields,
    /// prospect, client ou former.
    #[arg(long)]
    pub status: Option<String>,
    /// Why the record is corrected (kept with the values replaced).
    #[arg(long)]
    pub reason: Option<String>,
    #[arg(long)]
    pub json: bool,
}
