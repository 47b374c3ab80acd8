//! `courtier`: the use cases of Courtier without a window, for scripting and administrators.
//!
//! Errors go to standard error in plain French with exit code 1 (2 for a malformed command line).
//! `--json` output is the same JSON the desktop front end receives (see the README).

/// `println!` for standard output that ends quietly on a closed pipe ([`stdout::write`]).
macro_rules! println {
    () => { $crate::stdout::write(format_args!(""), true) };
    ($($t:tt)*) => { $crate::stdout::write(format_args!($($t)*), true) };
}

/// `print!` likewise.
macro_rules! print {
    ($($t:tt)*) => { $crate::stdout::write(format_args!($($t)*), false) };
}

mod args;
mod cmd;
mod french;
mod input;
mod output;
mod stdout;

use args::agency::KeyCommand;
use args::calendar::CalendarArgs;
use args::claim::ClaimCommand;
use args::client::ClientCommand;
use args::contract::ContractCommand;
use args::document::DocumentCommand;
use args::driver::DriverCommand;
use args::exchange::ExchangeCommand;
use args::identity::AgencyCommand;
use args::insurer::InsurerCommand;
use args::mail::MailCommand;
use args::notice::NoticeCommand;
use args::releve::ReleveCommand;
use args::reminder::ReminderCommand;
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
    /// Avis d'échéance : en PDF, leurs envois (loi Chatel) et les paramètres des renouvellements.
    #[command(subcommand)]
    Notice(NoticeCommand),
    /// Le calendrier des renouvellements : échéances et délais légaux d'une période.
    Calendar(CalendarArgs),
    /// Les assureurs : coordonnées, adresse des demandes de relevé.
    #[command(subcommand)]
    Insurer(InsurerCommand),
    /// Recherche : clients (nom, e-mail, téléphone, code postal, ville), contrats (numéro),
    /// véhicules (immatriculation), sinistres (référence) et assureurs (nom).
    Search {
        /// Ce qui est tapé dans la barre de recherche (« GH-456 », « auto-2024 », « helene lef »).
        text: String,
        /// Nombre de clients au plus.
        #[arg(long, default_value_t = 20, value_parser = crate::french::at_least_one)]
        limit: u32,
        /// Avec les clients archivés.
        #[arg(long)]
        archived: bool,
        #[arg(long)]
        json: bool,
    },
    /// Documents joints (chiffrés dans le fichier d'agence) : ajout, liste, export, corbeille.
    #[command(subcommand)]
    Document(DocumentCommand),
    /// Messages aux clients, assureurs, experts et garages : compte SMTP, modèles, envoi
    /// confirmé, boîte d'envoi.
    #[command(subcommand)]
    Mail(MailCommand),
    /// Le journal des échanges d'un client : appels, rendez-vous, courriers, consentements.
    #[command(subcommand)]
    Exchange(ExchangeCommand),
    /// Rappels et tâches : ceux à traiter (`reminders due`), ajout, fait, report, délais.
    #[command(subcommand)]
    Reminders(ReminderCommand),
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
    /// Vérifie l'intégrité du fichier d'agence : pages, schéma, clés étrangères, journal
    /// (chaîne de tous les faits), journal des échanges, coefficients recalculés. Affiche
    /// l'empreinte du journal.
    Check {
        /// Une empreinte du journal imprimée plus tôt (document, courriel) : vérifie que le
        /// journal d'alors est un préfixe du journal actuel.
        #[arg(long, value_name = "EMPREINTE")]
        against: Option<String>,
    },
    /// État du fichier d'agence.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Clés du fichier d'agence.
    #[command(subcommand)]
    Key(KeyCommand),
    /// Attestation de bonus-malus (relevé de situation) d'un contrat, en PDF, conservée avec le
    /// contrat.
    ///
    /// Avec --echeance-month AAAA-MM et --out-dir DOSSIER : une attestation pour chaque contrat
    /// automobile dont l'échéance tombe dans ce mois.
    Statement {
        #[arg(
            long,
            required_unless_present = "echeance_month",
            conflicts_with = "echeance_month"
        )]
        contract: Option<i64>,
        /// Date de la situation (JJ/MM/AAAA ou AAAA-MM-JJ) ; aujourd'hui par défaut.
        #[arg(long)]
        date: Option<String>,
        #[arg(
            long,
            value_name = "FICHIER.pdf",
            required_unless_present = "echeance_month"
        )]
        out: Option<PathBuf>,
        /// Le mois des échéances (AAAA-MM) : toutes les attestations de ce mois.
        #[arg(long, value_name = "AAAA-MM", requires = "out_dir", conflicts_with_all = ["out", "date"])]
        echeance_month: Option<String>,
        /// Le dossier (existant) où écrire les attestations du mois.
        #[arg(long, value_name = "DOSSIER", requires = "echeance_month")]
        out_dir: Option<PathBuf>,
    },
    /// L'agence : son identité (nom, ORIAS, logo, mentions légales) imprimée sur ses documents.
    #[command(subcommand)]
    Agency(AgencyCommand),
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
        Command::Init { passphrase_stdin } => {
            closing(courtier(dir)?, |a| cmd::agency::init(a, passphrase_stdin))
        }
        Command::Status { json } => closing(courtier(dir)?, |a| cmd::agency::status(a, json)),
        Command::Check { against } => {
            closing(opened(dir)?, |a| cmd::agency::check(a, against.as_deref()))
        }
        Command::Demo { clients, seed } => {
            closing(opened(dir)?, |a| cmd::agency::demo(a, clients, seed))
        }
        Command::Key(k) => closing(courtier(dir)?, |a| cmd::agency::key(a, k)),
        Command::Client(c) => closing(opened(dir)?, |a| cmd::client::run(a, c)),
        Command::Contract(c) => closing(opened(dir)?, |a| cmd::contract::run(a, c)),
        Command::Claim(c) => closing(opened(dir)?, |a| cmd::claim::run(a, c)),
        Command::Vehicle(c) => closing(opened(dir)?, |a| cmd::vehicle::run(a, c)),
        Command::Driver(c) => closing(opened(dir)?, |a| cmd::driver::run(a, c)),
        Command::Insurer(c) => closing(opened(dir)?, |a| cmd::insurer::run(a, c)),
        Command::Releve(c) => closing(opened(dir)?, |a| cmd::releve::run(a, c)),
        Command::Notice(c) => closing(opened(dir)?, |a| cmd::notice::run(a, c)),
        Command::Calendar(c) => closing(opened(dir)?, |a| cmd::calendar::run(a, c)),
        Command::Search {
            text,
            limit,
            archived,
            json,
        } => closing(opened(dir)?, |a| {
            cmd::search::run(a, &text, limit, archived, json)
        }),
        Command::Document(c) => closing(opened(dir)?, |a| cmd::document::run(a, c)),
        Command::Mail(c) => closing(opened(dir)?, |a| cmd::mail::run(a, c)),
        Command::Exchange(c) => closing(opened(dir)?, |a| cmd::exchange::run(a, c)),
        Command::Reminders(c) => closing(opened(dir)?, |a| cmd::reminder::run(a, c)),
        Command::Statement {
            contract,
            date,
            out,
            echeance_month,
            out_dir,
        } => closing(opened(dir)?, |a| {
            match (contract, out, echeance_month, out_dir) {
                (Some(contract), Some(out), _, _) => {
                    cmd::identity::write_pdf(&a.statement_pdf(contract, date.as_deref())?, &out)
                }
                (_, _, Some(month), Some(out_dir)) => {
                    cmd::identity::month_batch(a, &month, &out_dir)
                }
                // clap requires one of the two forms.
                _ => Err(AppError::field(
                    "contract",
                    "Indiquez --contract et --out, ou --echeance-month et --out-dir.",
                )),
            }
        }),
        Command::Agency(c) => closing(opened(dir)?, |a| cmd::identity::run(a, c)),
    }
}

/// Runs a command, then closes the agency file cleanly (its write-ahead log written back into
/// `agence.courtier`), whether the command succeeded or was refused: a refusal wrote nothing,
/// and the command's own error is the one reported.
fn closing(
    app: courtier_app::Courtier,
    f: impl FnOnce(&courtier_app::Courtier) -> Result<(), AppError>,
) -> Result<(), AppError> {
    let result = f(&app);
    let closed = app.close();
    result.and(closed)
}
