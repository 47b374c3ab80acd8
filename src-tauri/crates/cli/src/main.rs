//! `courtier`: the use cases of Courtier without a window, for scripting and administrators.
//!
//! Errors go to standard error in plain French with exit code 1 (2 for a malformed command line).
//! `--json` output is the same JSON the desktop front end receives (see the README).

mod args;
mod cmd;
mod french;
mod input;
mod output;

use args::agency::KeyCommand;
use args::claim::ClaimCommand;
use args::client::ClientCommand;
use args::contract::ContractCommand;
use args::document::DocumentCommand;
use args::driver::DriverCommand;
use args::insurer::InsurerCommand;
use args::releve::ReleveCommand;
use args::simulate::BonusMalusCommand;
use args::vehicle::VehicleCommand;
use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use cmd::agency::{courtier, opened};
use courtier_app::AppError;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "courtier",
    version,
    about = "Courtier : le CRM des courtiers en assurance automobile, en ligne de commande.",
    disable_help_subcommand = true,
    disable_help_flag = true,
    disable_version_flag = true
)]
struct Cli {
    /// Dossier de l'agence (par défaut : COURTIER_DATA_DIR, sinon le dossier de données de la plateforme).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Affiche l'aide.
    #[arg(short = 'h', long = "help", global = true, action = clap::ArgAction::Help)]
    help: Option<bool>,
    /// Affiche la version.
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version)]
    version: Option<bool>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Crée un nouveau fichier d'agence chiffré et affiche sa clé de secours.
    Init {
        /// Protège la clé par une phrase de passe lue sur l'entrée standard (sans trousseau).
        #[arg(long)]
        passphrase_stdin: bool,
    },
    /// Clients et prospects.
    #[command(subcommand)]
    Client(ClientCommand),
    /// Contrats d'un client, avec leur coefficient.
    #[command(subcommand)]
    Contract(ContractCommand),
    /// Sinistres : déclaration et requalification (le coefficient est recalculé aussitôt).
    #[command(subcommand)]
    Claim(ClaimCommand),
    /// Véhicules d'un contrat.
    #[command(subcommand)]
    Vehicle(VehicleCommand),
    /// Conducteurs désignés d'un contrat.
    #[command(subcommand)]
    Driver(DriverCommand),
    /// Relevés d'information reçus de l'assureur précédent.
    #[command(subcommand)]
    Releve(ReleveCommand),
    /// Les assureurs : coordonnées, adresse des demandes de relevé.
    #[command(subcommand)]
    Insurer(InsurerCommand),
    /// Documents joints (chiffrés dans le fichier d'agence) : ajout, liste, export, corbeille.
    #[command(subcommand)]
    Document(DocumentCommand),
    /// Charge un portefeuille de démonstration réaliste.
    Demo {
        /// Nombre de clients à créer.
        #[arg(long, default_value_t = 200)]
        clients: u32,
        /// Graine du générateur (même graine, même portefeuille).
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// Calculs du coefficient de réduction-majoration (bonus-malus).
    #[command(subcommand, name = "bonus-malus")]
    BonusMalus(BonusMalusCommand),
    /// Vérifie l'intégrité du fichier d'agence (PRAGMA integrity_check).
    Check,
    /// État du fichier d'agence.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Clés du fichier d'agence.
    #[command(subcommand)]
    Key(KeyCommand),
}

fn main() -> ExitCode {
    let parsed = french::localise(Cli::command())
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if e.kind() == ErrorKind::DisplayVersion => {
            println!("courtier {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(e) if e.kind() == ErrorKind::DisplayHelp => {
            // The help, as asked: on standard output, success.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("Erreur : {}", french::message(&e));
            eprintln!("(code : invalid_input)");
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Erreur : {}", e.message);
            eprintln!("(code : {})", e.code);
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<(), AppError> {
    let dir = cli.data_dir;
    match cli.command {
        Command::BonusMalus(c) => cmd::simulate::run(c),
        Command::Init { passphrase_stdin } => cmd::agency::init(&courtier(dir)?, passphrase_stdin),
        Command::Status { json } => cmd::agency::status(&courtier(dir)?, json),
        Command::Check => cmd::agency::check(&opened(dir)?),
        Command::Demo { clients, seed } => cmd::agency::demo(&opened(dir)?, clients, seed),
        Command::Key(k) => cmd::agency::key(&courtier(dir)?, k),
        Command::Client(c) => cmd::client::run(&opened(dir)?, c),
        Command::Contract(c) => cmd::contract::run(&opened(dir)?, c),
        Command::Claim(c) => cmd::claim::run(&opened(dir)?, c),
        Command::Vehicle(c) => cmd::vehicle::run(&opened(dir)?, c),
        Command::Driver(c) => cmd::driver::run(&opened(dir)?, c),
        Command::Insurer(c) => cmd::insurer::run(&opened(dir)?, c),
        Command::Releve(c) => cmd::releve::run(&opened(dir)?, c),
        Command::Document(c) => cmd::document::run(&opened(dir)?, c),
    }
}
