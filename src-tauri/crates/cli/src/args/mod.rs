//! The command line's clap types, one file per noun (the top-level `Cli` and `Command` are in
//! `main.rs`), and the small argument groups several nouns share.

use clap::Args;

pub mod agency;
pub mod aggravation;
pub mod calendar;
pub mod claim;
pub mod client;
pub mod contract;
pub mod document;
pub mod driver;
pub mod exchange;
pub mod identity;
pub mod insurer;
pub mod mail;
pub mod notice;
pub mod releve;
pub mod reminder;
pub mod simulate;
pub mod vehicle;

/// `--contract ID [--json]`.
#[derive(Args, Debug)]
pub struct ByContract {
    #[arg(long)]
    pub contract: i64,
    #[arg(long)]
    pub json: bool,
}

/// `ID [--json]`.
#[derive(Args, Debug)]
pub struct ById {
    pub id: i64,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct TimelineArgs {
    /// contrat, sinistre, qualification, aggravation, etat, montant, correction, echange, coefficient
    /// (répétable ; tous par défaut).
    #[arg(long)]
    pub kind: Vec<String>,
    /// Un seul contrat (chronologie d'un client).
    #[arg(long)]
    pub contract: Option<i64>,
    /// Un seul sinistre.
    #[arg(long)]
    pub claim: Option<i64>,
    /// À partir du (AAAA-MM-JJ).
    #[arg(long)]
    pub from: Option<String>,
    /// Jusqu'au (AAAA-MM-JJ).
    #[arg(long)]
    pub to: Option<String>,
    /// Du plus récent au plus ancien.
    #[arg(long)]
    pub newest_first: bool,
    #[arg(long)]
    pub json: bool,
}
