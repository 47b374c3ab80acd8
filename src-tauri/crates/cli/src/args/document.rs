//! `courtier document …`.

use super::ById;
use clap::{Args, Subcommand};
use std::path::PathBuf;

/// The record: exactly one of `--client`, `--contract`, `--claim`.
#[derive(Args, Debug)]
#[group(required = true, multiple = false)]
pub struct OwnerArgs {
    #[arg(long)]
    pub client: Option<i64>,
    #[arg(long)]
    pub contract: Option<i64>,
    #[arg(long)]
    pub claim: Option<i64>,
}

#[derive(Subcommand, Debug)]
pub enum DocumentCommand {
    /// Joint un fichier (PDF, JPEG, PNG, TIFF, reconnu à son contenu) à un client, un contrat ou
    /// un sinistre ; affiche son numéro.
    Add {
        #[command(flatten)]
        owner: OwnerArgs,
        /// Le fichier à joindre.
        file: PathBuf,
        /// constat_amiable, rapport_expertise, photos, facture, releve_information, courrier,
        /// piece_identite, permis, carte_grise, attestation, autre.
        #[arg(long = "type")]
        kind: String,
        /// Date du document (JJ/MM/AAAA ou AAAA-MM-JJ).
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Les documents d'une fiche (--bin : avec ceux de la corbeille).
    List {
        #[command(flatten)]
        owner: OwnerArgs,
        #[arg(long)]
        bin: bool,
        #[arg(long)]
        json: bool,
    },
    /// Un document : type, date, taille, pages, SHA-256, exports.
    Show(ById),
    /// Écrit une copie du document dans FILE (l'export est enregistré).
    Export {
        id: i64,
        #[arg(long)]
        out: PathBuf,
    },
    /// Met le document à la corbeille.
    Delete { id: i64 },
    /// Sort le document de la corbeille.
    Restore { id: i64 },
    /// La corbeille : list, empty.
    #[command(subcommand)]
    Bin(BinCommand),
    /// La taille maximale d'un document (--set MO pour la changer, de 1 à 1024 Mo).
    Limit {
        #[arg(long)]
        set: Option<u64>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum BinCommand {
    /// Les documents dans la corbeille.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Supprime définitivement les documents de la corbeille (l'acte est enregistré) : ceux
    /// d'une fiche (--client, --contract ou --claim), sinon ceux de toute l'agence.
    Empty {
        #[command(flatten)]
        owner: ScopeArgs,
    },
}

/// At most one of `--client`, `--contract`, `--claim`: none means the whole agency.
#[derive(Args, Debug)]
#[group(required = false, multiple = false)]
pub struct ScopeArgs {
    #[arg(long)]
    pub client: Option<i64>,
    #[arg(long)]
    pub contract: Option<i64>,
    #[arg(long)]
    pub claim: Option<i64>,
}
