//! `courtier`: the use cases of Courtier without a window, for scripting and administrators.
//!
//! Errors go to standard error in plain French with exit code 1 (2 for a malformed command line).
//! `--json` output is the same JSON the desktop front end receives (see the README).

use clap::{Args, Parser, Subcommand, ValueEnum};
use courtier_app::{
    AmountDto, AppError, AvenantDraft, ClaimDraft, ClaimUpdate, ClientListQuery, CommunicationDto,
    Config, ContractDraft, ContractUpdate, Courtier, DriverDraft, DriverUpdate, InsurerDraft,
    PartyDto, PremiumDraft, Timeline, TimelineQuery, VehicleDraft, VehicleUpdate,
};
use courtier_domain::client::{AddressDraft, ClientDraft, EmailDraft, PhoneDraft};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "courtier",
    version,
    about = "Courtier : le CRM des courtiers en assurance automobile, en ligne de commande."
)]
struct Cli {
    /// Dossier de l'agence (par défaut : COURTIER_DATA_DIR, sinon le dossier de données de la plateforme).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
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

#[derive(Subcommand, Debug)]
enum ClientCommand {
    /// Ajoute un client (particulier, ou entreprise avec --company) et affiche son numéro.
    Add(Box<AddArgs>),
    /// Recherche instantanée (préfixes, sans tenir compte des accents ni de la casse).
    Search {
        text: String,
        #[arg(long, default_value_t = 50)]
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
        #[arg(long, default_value_t = 1)]
        page: u32,
        #[arg(long, default_value_t = 50)]
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

#[derive(Args, Debug)]
struct TimelineArgs {
    /// contrat, sinistre, qualification, etat, montant, correction, echange, coefficient
    /// (répétable ; tous par défaut).
    #[arg(long)]
    kind: Vec<String>,
    /// Un seul contrat (chronologie d'un client).
    #[arg(long)]
    contract: Option<i64>,
    /// Un seul sinistre.
    #[arg(long)]
    claim: Option<i64>,
    /// À partir du (AAAA-MM-JJ).
    #[arg(long)]
    from: Option<String>,
    /// Jusqu'au (AAAA-MM-JJ).
    #[arg(long)]
    to: Option<String>,
    /// Du plus récent au plus ancien.
    #[arg(long)]
    newest_first: bool,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand, Debug)]
enum ContractCommand {
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
struct ContractArgs {
    #[arg(long)]
    client: i64,
    #[arg(long)]
    insurer: String,
    #[arg(long)]
    number: String,
    /// Date de souscription.
    #[arg(long)]
    subscription: String,
    /// Première échéance annuelle.
    #[arg(long)]
    first_echeance: String,
    /// auto (par défaut), habitation, sante, prevoyance, autre.
    #[arg(long)]
    product: Option<String>,
    /// standard (par défaut) ou tournees.
    #[arg(long)]
    usage: Option<String>,
    /// Coefficient de départ (relevé d'information), 1,00 par défaut.
    #[arg(long)]
    start_coefficient: Option<String>,
    /// Le contrat est hors de la clause de réduction-majoration (R1).
    #[arg(long)]
    outside_clause: bool,
    /// Ligne de prime modulée par le coefficient : "Garantie=350,00" (répétable).
    #[arg(long)]
    premium: Vec<String>,
    /// Ligne de prime non modulée : "Assistance=45,50" (répétable).
    #[arg(long)]
    premium_fixed: Vec<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand, Debug)]
enum ClaimCommand {
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
    /// Les sinistres d'un client, du plus récent au plus ancien.
    List {
        #[arg(long)]
        client: i64,
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
        #[arg(long, default_value_t = 500)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
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

#[derive(Args, Debug)]
struct VehicleArgs {
    #[arg(long)]
    contract: i64,
    /// AB-123-CD (ou l'ancien format 1234 AB 75).
    #[arg(long)]
    registration: String,
    #[arg(long)]
    make: Option<String>,
    #[arg(long)]
    model: Option<String>,
    /// Date de première mise en circulation.
    #[arg(long)]
    first_registration: Option<String>,
    /// Entrée au contrat.
    #[arg(long)]
    from: String,
    /// Les conducteurs habituels changent (ou sont plus nombreux) : une réduction est perdue
    /// (R16).
    #[arg(long)]
    other_drivers: bool,
    #[arg(long)]
    json: bool,
}

/// `--contract ID [--json]`.
#[derive(Args, Debug)]
struct ByContract {
    #[arg(long)]
    contract: i64,
    #[arg(long)]
    json: bool,
}

/// `ID [--json]`.
#[derive(Args, Debug)]
struct ById {
    id: i64,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand, Debug)]
enum VehicleCommand {
    /// Ajoute un véhicule au contrat.
    Add(VehicleArgs),
    /// Les véhicules d'un contrat, actuels et passés.
    List(ByContract),
    /// Un véhicule et ses corrections.
    Show(ById),
    /// Corrige un véhicule (un texte vide efface un champ ; --to vide : de nouveau au contrat).
    Update {
        id: i64,
        #[arg(long)]
        registration: Option<String>,
        #[arg(long)]
        make: Option<String>,
        #[arg(long)]
        model: Option<String>,
        #[arg(long)]
        first_registration: Option<String>,
        #[arg(long)]
        from: Option<String>,
        /// Sortie du contrat.
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        reason: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Remplace un véhicule (R16 : le coefficient suit le contrat ; une réduction seulement si
    /// les conducteurs habituels sont les mêmes ou moins nombreux).
    Replace {
        /// Le véhicule remplacé.
        old: i64,
        #[command(flatten)]
        new: VehicleArgs,
    },
}

#[derive(Subcommand, Debug)]
enum DriverCommand {
    /// Les conducteurs d'un contrat.
    List(ByContract),
    /// Un conducteur et ses corrections.
    Show(ById),
    /// Corrige un conducteur ; --to met fin à sa désignation.
    Update {
        id: i64,
        #[arg(long)]
        role: Option<String>,
        #[arg(long)]
        last_name: Option<String>,
        #[arg(long)]
        first_name: Option<String>,
        #[arg(long)]
        birth_date: Option<String>,
        #[arg(long)]
        licence_number: Option<String>,
        #[arg(long)]
        licence_date: Option<String>,
        #[arg(long)]
        aac: Option<bool>,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        reason: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Désigne un conducteur.
    Add {
        #[arg(long)]
        contract: i64,
        /// principal, secondaire ou occasionnel.
        #[arg(long, default_value = "principal")]
        role: String,
        #[arg(long)]
        last_name: String,
        #[arg(long)]
        first_name: Option<String>,
        #[arg(long)]
        birth_date: Option<String>,
        #[arg(long)]
        licence_number: Option<String>,
        #[arg(long)]
        licence_date: Option<String>,
        /// Apprentissage anticipé de la conduite.
        #[arg(long)]
        aac: bool,
        /// Client correspondant, s'il en a une fiche.
        #[arg(long)]
        client: Option<i64>,
        #[arg(long)]
        from: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args, Debug)]
struct InsurerArgs {
    #[arg(long)]
    name: Option<String>,
    #[arg(long)]
    address: Option<String>,
    #[arg(long)]
    postcode: Option<String>,
    #[arg(long)]
    city: Option<String>,
    #[arg(long)]
    email: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    /// Adresse électronique des demandes de relevé d'information.
    #[arg(long)]
    releve_email: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand, Debug)]
enum InsurerCommand {
    /// Les assureurs, avec le nombre de contrats de l'agence chez chacun.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Un assureur et ses changements de coordonnées.
    Show(ById),
    /// Ajoute un assureur (--name obligatoire) ; affiche son numéro.
    Add(InsurerArgs),
    /// Change le nom ou les coordonnées (un texte vide efface un champ).
    Update {
        id: i64,
        #[command(flatten)]
        fields: InsurerArgs,
        #[arg(long)]
        reason: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
enum ReleveCommand {
    /// Enregistre un relevé (fichier JSON, ou - pour l'entrée standard) et calcule le coefficient
    /// de départ du nouveau contrat (R17), avec ses étapes et le contrôle de cohérence.
    Add {
        #[arg(long)]
        client: i64,
        file: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(ValueEnum, Debug, Clone, Copy)]
enum Sort {
    Name,
    Created,
    Updated,
    Postcode,
    City,
}

#[derive(Args, Debug)]
struct AddArgs {
    #[arg(long)]
    last_name: Option<String>,
    #[arg(long)]
    first_name: Option<String>,
    /// Raison sociale : crée une entreprise.
    #[arg(long)]
    company: Option<String>,
    #[arg(long)]
    siren: Option<String>,
    /// M ou Mme.
    #[arg(long)]
    civility: Option<String>,
    /// AAAA-MM-JJ ou JJ/MM/AAAA.
    #[arg(long)]
    birth_date: Option<String>,
    #[arg(long)]
    email: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    /// Numéro et voie.
    #[arg(long)]
    address: Option<String>,
    #[arg(long)]
    postcode: Option<String>,
    #[arg(long)]
    city: Option<String>,
    /// prospect (par défaut), client ou former.
    #[arg(long, default_value = "prospect")]
    status: String,
    #[arg(long)]
    profession: Option<String>,
    #[arg(long)]
    source: Option<String>,
    #[arg(long)]
    broker: Option<String>,
    #[arg(long)]
    notes: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand, Debug)]
enum BonusMalusCommand {
    /// Calcule les coefficients d'un scénario (forme « périodes » ou « historique daté »).
    Simulate {
        /// Fichier JSON, ou - pour l'entrée standard.
        file: String,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
}

#[derive(ValueEnum, Debug, Clone, Copy)]
enum Format {
    Json,
    Text,
}

#[derive(Subcommand, Debug)]
enum KeyCommand {
    /// Affiche la clé brute (64 hexadécimaux) pour ouvrir le fichier avec un autre outil SQLCipher 4.
    /// Demande la clé de secours sur l'entrée standard.
    ExportRaw,
    /// Émet une nouvelle clé de secours (l'ancienne cesse de fonctionner).
    NewRecovery,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Erreur : {}", e.message);
            eprintln!("(code : {})", e.code);
            ExitCode::from(1)
        }
    }
}

fn courtier(data_dir: Option<PathBuf>) -> Result<Courtier, AppError> {
    Ok(Courtier::new(Config::from_env(data_dir)?))
}

/// Opens an existing agency file: keychain or `COURTIER_DB_KEY`, then `COURTIER_PASSPHRASE` or
/// `COURTIER_RECOVERY_KEY` when the file asks for them.
fn open_existing(app: &Courtier) -> Result<(), AppError> {
    if !app.agency_exists() {
        return Err(AppError::new(
            "agency_not_found",
            format!(
                "Aucun fichier d'agence dans {}. Créez-le avec « courtier --data-dir {} init ».",
                app.data_dir().display(),
                app.data_dir().display()
            ),
        ));
    }
    match app.open() {
        Ok(_) => Ok(()),
        Err(e) if e.code == "passphrase_required" => match std::env::var("COURTIER_PASSPHRASE") {
            Ok(p) => app.unlock_with_passphrase(&p).map(|_| ()),
            Err(_) => Err(AppError::new(
                e.code,
                format!(
                    "{} En ligne de commande, fournissez-la dans COURTIER_PASSPHRASE.",
                    e.message
                ),
            )),
        },
        Err(e) if e.code == "key_missing" => match std::env::var("COURTIER_RECOVERY_KEY") {
            Ok(k) => app.unlock_with_recovery_key(&k).map(|_| ()),
            Err(_) => Err(AppError::new(
                e.code,
                format!(
                    "{} En ligne de commande, fournissez-la dans COURTIER_RECOVERY_KEY.",
                    e.message
                ),
            )),
        },
        Err(e) => Err(e),
    }
}

/// A list as JSON, or a line per item (a sentence when there is none).
fn print_list<T: serde::Serialize>(
    items: &[T],
    json: bool,
    empty: &str,
    line: impl Fn(&T) -> String,
) -> Result<(), AppError> {
    if json {
        return print_json(&items);
    }
    if items.is_empty() {
        println!("{empty}");
    }
    for i in items {
        println!("{}", line(i));
    }
    Ok(())
}

fn print_json(v: &impl serde::Serialize) -> Result<(), AppError> {
    let s = serde_json::to_string_pretty(v).map_err(AppError::internal)?;
    println!("{s}");
    Ok(())
}

fn read_stdin_line() -> Result<String, AppError> {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).map_err(|e| {
        AppError::new(
            "io",
            format!("Lecture de l'entrée standard impossible : {e}"),
        )
    })?;
    Ok(s.lines()
        .next()
        .unwrap_or("")
        .trim_end_matches(['\r', '\n'])
        .to_string())
}

fn run(cli: Cli) -> Result<(), AppError> {
    match cli.command {
        Command::BonusMalus(BonusMalusCommand::Simulate { file, format }) => {
            simulate(&file, format)
        }
        Command::Init { passphrase_stdin } => {
            let app = courtier(cli.data_dir)?;
            let opened = if passphrase_stdin {
                let p = read_stdin_line()?;
                app.create_with_passphrase(&p)?
            } else {
                if app.agency_exists() {
                    return Err(AppError::new(
                        "already_exists",
                        format!(
                            "Un fichier d'agence existe déjà dans {}.",
                            app.data_dir().display()
                        ),
                    ));
                }
                app.open().map_err(|e| {
                    if e.code == "keychain_unavailable" {
                        AppError::new(
                            e.code,
                            format!(
                                "{} En ligne de commande : courtier init --passphrase-stdin.",
                                e.message
                            ),
                        )
                    } else {
                        e
                    }
                })?
            };
            println!("Fichier d'agence créé dans {}", opened.data_dir);
            println!("Protection de la clé : {}", storage_label(&opened.storage));
            if let Some(rk) = &opened.recovery_key {
                println!();
                println!("Clé de secours (à imprimer ou noter, elle ne sera plus affichée) :");
                println!("  {rk}");
            }
            Ok(())
        }
        Command::Status { json } => {
            let app = courtier(cli.data_dir)?;
            if app.agency_exists() {
                open_existing(&app)?;
            }
            let st = app.status()?;
            if json {
                print_json(&st)
            } else {
                println!("Dossier : {}", st.data_dir);
                println!("État : {}", st.state);
                if let Some(s) = &st.storage {
                    println!("Protection de la clé : {}", storage_label(s));
                }
                if let Some(n) = st.client_count {
                    println!("Clients actifs : {n}");
                }
                Ok(())
            }
        }
        Command::Check => {
            let app = courtier(cli.data_dir)?;
            open_existing(&app)?;
            let lines = app.integrity_check()?;
            if lines == ["ok"] {
                println!("Intégrité : ok");
                Ok(())
            } else {
                for l in &lines {
                    println!("{l}");
                }
                Err(AppError::new(
                    "corrupt",
                    "Le contrôle d'intégrité a relevé des erreurs.",
                ))
            }
        }
        Command::Demo { clients, seed } => {
            let app = courtier(cli.data_dir)?;
            open_existing(&app)?;
            let mut out = std::io::stdout();
            let loaded = app.demo_load(clients, seed, |done| {
                // One line per committed batch: a script can tell what is already saved.
                let _ = writeln!(out, "{done} clients enregistrés");
                let _ = out.flush();
            })?;
            println!(
                "Portefeuille de démonstration chargé : {} clients, {} foyers, {} contrats, {} sinistres.",
                loaded.clients, loaded.households, loaded.contracts, loaded.claims
            );
            Ok(())
        }
        Command::Client(c) => {
            let app = courtier(cli.data_dir)?;
            open_existing(&app)?;
            client(&app, c)
        }
        Command::Contract(c) => {
            let app = courtier(cli.data_dir)?;
            open_existing(&app)?;
            contract(&app, c)
        }
        Command::Claim(c) => {
            let app = courtier(cli.data_dir)?;
            open_existing(&app)?;
            claim(&app, c)
        }
        Command::Vehicle(v) => {
            let app = courtier(cli.data_dir)?;
            open_existing(&app)?;
            let (args, replaced) = match v {
                VehicleCommand::List(ByContract { contract, json }) => {
                    return print_list(
                        &app.vehicle_list(contract)?,
                        json,
                        "Aucun véhicule sur ce contrat.",
                        vehicle_line,
                    );
                }
                VehicleCommand::Show(ById { id, json }) => {
                    return print_vehicle(&app.vehicle_get(id)?, json);
                }
                VehicleCommand::Update {
                    id,
                    registration,
                    make,
                    model,
                    first_registration,
                    from,
                    to,
                    reason,
                    json,
                } => {
                    let v = app.vehicle_update(
                        id,
                        &VehicleUpdate {
                            registration,
                            make,
                            model,
                            first_registration,
                            from_date: from,
                            to_date: to,
                            reason,
                        },
                    )?;
                    return print_vehicle(&v, json);
                }
                VehicleCommand::Add(a) => (a, None),
                VehicleCommand::Replace { old, new } => {
                    let same = !new.other_drivers;
                    (new, Some((old, same)))
                }
            };
            let draft = VehicleDraft {
                contract_id: args.contract,
                registration: args.registration,
                make: args.make,
                model: args.model,
                first_registration: args.first_registration,
                from_date: args.from,
                other_drivers: args.other_drivers,
            };
            let v = match replaced {
                None => app.vehicle_add(&draft)?,
                Some((old, same)) => app.vehicle_replace(old, &draft, same)?,
            };
            if args.json {
                return print_json(&v);
            }
            println!("{}", v.id);
            Ok(())
        }
        Command::Driver(DriverCommand::List(ByContract { contract, json })) => {
            let app = courtier(cli.data_dir)?;
            open_existing(&app)?;
            print_list(
                &app.driver_list(contract)?,
                json,
                "Aucun conducteur sur ce contrat.",
                driver_line,
            )
        }
        Command::Driver(DriverCommand::Show(ById { id, json })) => {
            let app = courtier(cli.data_dir)?;
            open_existing(&app)?;
            print_driver(&app.driver_get(id)?, json)
        }
        Command::Driver(DriverCommand::Update {
            id,
            role,
            last_name,
            first_name,
            birth_date,
            licence_number,
            licence_date,
            aac,
            from,
            to,
            reason,
            json,
        }) => {
            let app = courtier(cli.data_dir)?;
            open_existing(&app)?;
            let d = app.driver_update(
                id,
                &DriverUpdate {
                    role,
                    last_name,
                    first_name,
                    birth_date,
                    licence_number,
                    licence_date,
                    aac,
                    from_date: from,
                    to_date: to,
                    reason,
                },
            )?;
            print_driver(&d, json)
        }
        Command::Driver(DriverCommand::Add {
            contract,
            role,
            last_name,
            first_name,
            birth_date,
            licence_number,
            licence_date,
            aac,
            client,
            from,
            json,
        }) => {
            let app = courtier(cli.data_dir)?;
            open_existing(&app)?;
            let d = app.driver_add(&DriverDraft {
                contract_id: contract,
                client_id: client,
                role,
                last_name,
                first_name,
                birth_date,
                licence_number,
                licence_date,
                aac,
                from_date: from,
            })?;
            if json {
                return print_json(&d);
            }
            println!("{}", d.id);
            Ok(())
        }
        Command::Insurer(c) => {
            let app = courtier(cli.data_dir)?;
            open_existing(&app)?;
            insurer(&app, c)
        }
        Command::Releve(ReleveCommand::Add { client, file, json }) => {
            let app = courtier(cli.data_dir)?;
            open_existing(&app)?;
            let r = app.releve_record(client, &read_input(&file)?)?;
            if json {
                return print_json(&r);
            }
            println!("Relevé n° {} enregistré pour le client {client}.", r.id);
            for s in &r.steps {
                println!("  {s}");
            }
            match &r.start_coefficient {
                Some(c) => println!(
                    "Coefficient de départ du nouveau contrat : {}",
                    c.replace('.', ",")
                ),
                None => {
                    println!("Le relevé ne donne pas de quoi calculer un coefficient de départ.")
                }
            }
            if let Some(i) = &r.inconsistency {
                println!("Attention : {i}");
            }
            if !r.missing_fields.is_empty() {
                println!(
                    "Champs obligatoires absents : {}.",
                    r.missing_fields.join(", ")
                );
            }
            Ok(())
        }
        Command::Key(k) => {
            let app = courtier(cli.data_dir)?;
            match k {
                KeyCommand::ExportRaw => {
                    eprintln!("Saisissez la clé de secours :");
                    let rk = read_stdin_line()?;
                    let hex = app.export_raw_key(&rk)?;
                    println!("{}", hex.as_str());
                    Ok(())
                }
                KeyCommand::NewRecovery => {
                    open_existing(&app)?;
                    let rk = app.new_recovery_key()?;
                    println!("Nouvelle clé de secours (l'ancienne ne fonctionne plus) :");
                    println!("  {rk}");
                    Ok(())
                }
            }
        }
    }
}

fn storage_label(s: &str) -> &'static str {
    match s {
        "keychain" => "trousseau du système",
        "passphrase" => "phrase de passe",
        "environment" => "variable COURTIER_DB_KEY",
        _ => "inconnue",
    }
}

fn client(app: &Courtier, c: ClientCommand) -> Result<(), AppError> {
    match c {
        ClientCommand::Add(a) => {
            let json = a.json;
            let draft = draft_from(*a);
            let rec = app.client_create(&draft)?;
            if json {
                print_json(&rec)
            } else {
                println!("{}", rec.id);
                Ok(())
            }
        }
        ClientCommand::Search {
            text,
            limit,
            archived,
            json,
        } => {
            let rows = app.client_search(&text, Some(limit), archived)?;
            if json {
                return print_json(&rows);
            }
            if rows.is_empty() {
                println!("Aucun client ne correspond à « {text} ».");
            }
            print_summaries(&rows);
            Ok(())
        }
        ClientCommand::Show { id, json } => {
            let rec = app.client_get(id)?;
            if json {
                return print_json(&rec);
            }
            print_record(&rec);
            Ok(())
        }
        ClientCommand::List {
            page,
            page_size,
            sort,
            descending,
            status,
            archived,
            json,
        } => {
            let sort = match sort {
                Sort::Name => "name",
                Sort::Created => "created",
                Sort::Updated => "updated",
                Sort::Postcode => "postcode",
                Sort::City => "city",
            };
            let p = app.client_list(&ClientListQuery {
                page: Some(page),
                page_size: Some(page_size),
                sort: Some(sort.into()),
                descending,
                status,
                include_archived: archived,
            })?;
            if json {
                return print_json(&p);
            }
            print_summaries(&p.items);
            let first = (u64::from(p.page) - 1) * u64::from(p.page_size) + 1;
            let last = first + p.items.len() as u64 - 1;
            if p.items.is_empty() {
                println!("Aucun client sur cette page ({} au total).", p.total);
            } else {
                println!("{first}–{last} sur {}", p.total);
            }
            Ok(())
        }
        ClientCommand::Archive { id } => {
            let r = app.client_archive(id)?;
            println!("Client {} archivé : {}", r.id, r.display_name);
            Ok(())
        }
        ClientCommand::Restore { id } => {
            let r = app.client_restore(id)?;
            println!("Client {} restauré : {}", r.id, r.display_name);
            Ok(())
        }
        ClientCommand::Timeline { id, filter } => {
            let json = filter.json;
            print_timeline(&app.client_timeline(id, &timeline_query(filter))?, json)
        }
    }
}

fn insurer_draft(a: &InsurerArgs, reason: Option<String>) -> InsurerDraft {
    InsurerDraft {
        name: a.name.clone(),
        address_line1: a.address.clone(),
        postcode: a.postcode.clone(),
        city: a.city.clone(),
        email: a.email.clone(),
        phone: a.phone.clone(),
        releve_email: a.releve_email.clone(),
        reason,
    }
}

fn insurer_line(i: &courtier_app::InsurerDto) -> String {
    let place = [i.postcode.as_deref(), i.city.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "{:>4}  {:<32} {:<24} {:>5} contrat(s){}",
        i.id,
        i.name,
        place,
        i.contracts,
        i.releve_email
            .as_deref()
            .map(|e| format!("  relevés : {e}"))
            .unwrap_or_default()
    )
}

fn insurer(app: &Courtier, c: InsurerCommand) -> Result<(), AppError> {
    let (i, json) = match c {
        InsurerCommand::List { json } => {
            return print_list(&app.insurer_list()?, json, "Aucun assureur.", insurer_line);
        }
        InsurerCommand::Show(ById { id, json }) => (app.insurer_get(id)?, json),
        InsurerCommand::Add(a) => {
            let i = app.insurer_create(&insurer_draft(&a, None))?;
            if a.json {
                return print_json(&i);
            }
            println!("{}", i.id);
            return Ok(());
        }
        InsurerCommand::Update { id, fields, reason } => (
            app.insurer_update(id, &insurer_draft(&fields, reason))?,
            fields.json,
        ),
    };
    if json {
        return print_json(&i);
    }
    println!("{}", insurer_line(&i));
    for (label, v) in [
        ("Adresse", &i.address_line1),
        ("Courriel", &i.email),
        ("Téléphone", &i.phone),
        ("Demandes de relevé", &i.releve_email),
    ] {
        if let Some(v) = v {
            println!("  {label} : {v}");
        }
    }
    print_revisions(&i.revisions);
    Ok(())
}

fn timeline_query(a: TimelineArgs) -> TimelineQuery {
    TimelineQuery {
        kinds: a.kind,
        contract_id: a.contract,
        claim_id: a.claim,
        from: a.from,
        to: a.to,
        newest_first: a.newest_first,
    }
}

fn print_timeline(t: &Timeline, json: bool) -> Result<(), AppError> {
    if json {
        return print_json(t);
    }
    if t.entries.is_empty() {
        println!("Aucun événement ({} au total avant filtre).", t.total);
    }
    for e in &t.entries {
        let claim = e
            .claim_id
            .map(|c| format!(" [sinistre {c}]"))
            .unwrap_or_default();
        println!("{:<16} {}{claim} — {}", e.date, e.title, e.contract_label);
        if let Some(d) = &e.detail {
            println!("{:<16}   {d}", "");
        }
    }
    Ok(())
}

fn premium_lines(modulated: &[String], fixed: &[String]) -> Result<Vec<PremiumDraft>, AppError> {
    let parse = |s: &String, modulated: bool| {
        let (g, amount) = s.split_once('=').ok_or_else(|| {
            AppError::new(
                "invalid:premiums",
                format!("Ligne de prime « {s} » : attendu « Garantie=350,00 »."),
            )
        })?;
        Ok(PremiumDraft {
            guarantee: g.trim().to_string(),
            amount: amount.trim().to_string(),
            modulated,
        })
    };
    modulated
        .iter()
        .map(|s| parse(s, true))
        .chain(fixed.iter().map(|s| parse(s, false)))
        .collect()
}

fn contract(app: &Courtier, c: ContractCommand) -> Result<(), AppError> {
    match c {
        ContractCommand::Add(a) => {
            let rec = app.contract_create(&ContractDraft {
                client_id: a.client,
                insurer: a.insurer.clone(),
                number: a.number.clone(),
                product: a.product.clone(),
                subscription_date: a.subscription.clone(),
                first_echeance: a.first_echeance.clone(),
                usage: a.usage.clone(),
                clause_applies: Some(!a.outside_clause),
                start_coefficient: a.start_coefficient.clone(),
                status: None,
                premiums: premium_lines(&a.premium, &a.premium_fixed)?,
            })?;
            if a.json {
                print_json(&rec)
            } else {
                println!("{}", rec.id);
                Ok(())
            }
        }
        ContractCommand::List { client, json } => print_list(
            &app.contracts_of_client(client)?,
            json,
            &format!("Aucun contrat pour le client {client}."),
            |k| {
                format!(
                    "{:>6}  {:<10} {:<24} {:<18} coefficient {}  ({})",
                    k.id,
                    k.product,
                    k.insurer,
                    k.number,
                    k.coefficient_in_force.replace('.', ","),
                    k.status
                )
            },
        ),
        ContractCommand::Show { id, json, note } => {
            let k = app.contract_get(id)?;
            if json {
                return print_json(&k);
            }
            if note {
                print!("{}", k.note);
                return Ok(());
            }
            print_contract(&k);
            Ok(())
        }
        ContractCommand::Terminate {
            id,
            on,
            by,
            reason,
            json,
        } => {
            let k = app.contract_terminate(id, &on, &by, reason.as_deref())?;
            if json {
                return print_json(&k);
            }
            print_contract(&k);
            Ok(())
        }
        ContractCommand::Suspend { id, from, to } => {
            let k = app.contract_suspend(id, &from, &to)?;
            print_contract(&k);
            Ok(())
        }
        ContractCommand::Avenant {
            id,
            on,
            details,
            premium,
            premium_fixed,
            json,
        } => {
            let k = app.contract_avenant(
                id,
                &AvenantDraft {
                    on_date: on,
                    details,
                    premiums: premium_lines(&premium, &premium_fixed)?,
                },
            )?;
            if json {
                return print_json(&k);
            }
            print_contract(&k);
            Ok(())
        }
        ContractCommand::Update {
            id,
            number,
            product,
            subscription,
            first_echeance,
            usage,
            start_coefficient,
            clause_applies,
            reason,
            json,
        } => {
            let k = app.contract_update(
                id,
                &ContractUpdate {
                    number,
                    product,
                    subscription_date: subscription,
                    first_echeance,
                    usage,
                    clause_applies,
                    start_coefficient,
                    reason,
                },
            )?;
            if json {
                return print_json(&k);
            }
            print_contract(&k);
            Ok(())
        }
        ContractCommand::Timeline { id, filter } => {
            let json = filter.json;
            print_timeline(&app.contract_timeline(id, &timeline_query(filter))?, json)
        }
    }
}

fn claim(app: &Courtier, c: ClaimCommand) -> Result<(), AppError> {
    let (k, json) = match c {
        ClaimCommand::Add {
            contract,
            date,
            kind,
            responsibility,
            declared,
            place,
            description,
            reference,
            estimated,
            vehicle,
            driver,
            json,
        } => (
            app.claim_create(&ClaimDraft {
                contract_id: contract,
                occurred_on: date,
                declared_on: declared,
                kind,
                responsibility,
                place,
                description,
                insurer_reference: reference,
                estimated,
                vehicle_id: vehicle,
                driver_id: driver,
            })?,
            json,
        ),
        ClaimCommand::List { client, json } => {
            return print_list(
                &app.claim_list(client)?,
                json,
                &format!("Aucun sinistre pour le client {client}."),
                |c| {
                    format!(
                        "{:>6}  {}  contrat {:<6} {:<22} {:<8} {}",
                        c.id, c.occurred_on, c.contract_id, c.kind, c.responsibility, c.status
                    )
                },
            );
        }
        ClaimCommand::Show(ById { id, json }) => return show_claim(&app.claim_get(id)?, json),
        ClaimCommand::Update {
            id,
            date,
            declared,
            kind,
            place,
            description,
            reference,
            vehicle,
            driver,
            reason,
            json,
        } => {
            let page = app.claim_update(
                id,
                &ClaimUpdate {
                    occurred_on: date,
                    declared_on: declared,
                    kind,
                    place,
                    description,
                    insurer_reference: reference,
                    vehicle_id: vehicle,
                    driver_id: driver,
                    reason,
                },
            )?;
            return show_claim(&page, json);
        }
        ClaimCommand::Amount {
            id,
            kind,
            amount,
            on,
            note,
            json,
        } => {
            let page = app.claim_amount_add(
                id,
                &AmountDto {
                    kind,
                    amount,
                    on_date: on,
                    note,
                    recorded_at: String::new(),
                },
            )?;
            return show_claim(&page, json);
        }
        ClaimCommand::Status {
            id,
            status,
            on,
            note,
            json,
        } => (
            app.claim_set_status(id, &status, &on, note.as_deref())?,
            json,
        ),
        ClaimCommand::Party {
            id,
            role,
            name,
            phone,
            email,
            address,
            reference,
            json,
        } => (
            app.claim_party_add(
                id,
                &PartyDto {
                    id: 0,
                    role,
                    name,
                    phone,
                    email,
                    address,
                    reference,
                },
            )?,
            json,
        ),
        ClaimCommand::Contact {
            id,
            party,
            at,
            channel,
            direction,
            summary,
            json,
        } => (
            app.claim_communication_add(
                id,
                &CommunicationDto {
                    id: 0,
                    party_id: party,
                    at,
                    channel,
                    direction,
                    summary,
                    recorded_at: String::new(),
                },
            )?,
            json,
        ),
        ClaimCommand::Open { limit, json } => {
            return print_list(
                &app.open_claims(Some(limit))?,
                json,
                "Aucun sinistre ouvert.",
                |c| {
                    format!(
                        "{:>6}  {}  {:<32} {:<14} {:<10} {:<13} {:>5} j",
                        c.claim_id,
                        c.occurred_on,
                        c.client_name,
                        c.kind,
                        c.responsibility,
                        c.status,
                        c.age_days
                    )
                },
            );
        }
        ClaimCommand::Requalify {
            id,
            responsibility,
            on,
            note,
            json,
        } => (
            app.claim_requalify(id, &responsibility, &on, note.as_deref())?,
            json,
        ),
    };
    if json {
        print_json(&k)
    } else {
        print_contract(&k);
        Ok(())
    }
}

fn print_revisions(revisions: &[courtier_app::RevisionDto]) {
    for r in revisions {
        println!(
            "  Corrigé le {} ({}) ; valeurs précédentes : {}",
            r.recorded_at,
            r.reason.as_deref().unwrap_or("sans motif"),
            r.previous
        );
    }
}

fn print_vehicle(v: &courtier_app::VehicleDto, json: bool) -> Result<(), AppError> {
    if json {
        return print_json(v);
    }
    println!("{}", vehicle_line(v));
    print_revisions(&v.revisions);
    Ok(())
}

fn print_driver(d: &courtier_app::DriverDto, json: bool) -> Result<(), AppError> {
    if json {
        return print_json(d);
    }
    println!("{}", driver_line(d));
    print_revisions(&d.revisions);
    Ok(())
}

fn vehicle_line(v: &courtier_app::VehicleDto) -> String {
    let period = match &v.to_date {
        Some(t) => format!("du {} au {}", v.from_date, t),
        None => format!("depuis le {}", v.from_date),
    };
    format!(
        "Véhicule {} : {} {} {} ({period}){}",
        v.id,
        v.registration,
        v.make.as_deref().unwrap_or(""),
        v.model.as_deref().unwrap_or(""),
        v.transfer_note
            .as_deref()
            .map(|n| format!(" — {n}"))
            .unwrap_or_default()
    )
}

fn driver_line(d: &courtier_app::DriverDto) -> String {
    format!(
        "Conducteur {} ({}) : {} {}{}{}{}{}",
        d.id,
        d.role,
        d.first_name.as_deref().unwrap_or(""),
        d.last_name,
        d.to_date
            .as_deref()
            .map(|t| format!(", désignation close le {t}"))
            .unwrap_or_default(),
        d.licence_date
            .as_deref()
            .map(|l| format!(", permis du {l}"))
            .unwrap_or_default(),
        if d.aac { ", AAC" } else { "" },
        if d.novice {
            " — jeune conducteur"
        } else {
            ""
        }
    )
}

fn show_claim(p: &courtier_app::ClaimPage, json: bool) -> Result<(), AppError> {
    if json {
        return print_json(p);
    }
    let c = &p.claim;
    let fr = |s: &str| s.replace('.', ",");
    println!(
        "Sinistre {} du {} : {} — client {} ({}), contrat {} n° {}",
        c.id, c.occurred_on, c.kind, p.client_name, p.client_id, p.insurer, p.contract_number
    );
    if let Some(d) = &c.declared_on {
        println!("  Déclaré le {d}");
    }
    for (label, v) in [
        ("Lieu", &c.place),
        ("Description", &c.description),
        ("Référence assureur", &c.insurer_reference),
    ] {
        if let Some(v) = v {
            println!("  {label} : {v}");
        }
    }
    if let Some(v) = c
        .vehicle_id
        .and_then(|id| p.vehicles.iter().find(|v| v.id == id))
    {
        println!("  {}", vehicle_line(v));
    }
    if let Some(d) = c
        .driver_id
        .and_then(|id| p.drivers.iter().find(|d| d.id == id))
    {
        println!("  {}", driver_line(d));
    }
    let history: Vec<String> = c
        .qualifications
        .iter()
        .map(|q| format!("{} le {}", q.responsibility, q.found_on))
        .collect();
    println!(
        "  Responsabilité : {} ({})",
        c.responsibility,
        history.join(" → ")
    );
    let states: Vec<String> = c
        .statuses
        .iter()
        .map(|s| format!("{} le {}", s.status, s.on_date))
        .collect();
    println!("  États : {}", states.join(" → "));
    for a in &c.amounts {
        println!("  {} du {} : {} €", a.kind, a.on_date, fr(&a.amount));
    }
    if let Some(x) = &c.paid {
        println!("  Réglé au total : {} €", fr(x));
    }
    for party in &c.parties {
        println!(
            "  Intervenant {} ({}) : {}",
            party.id, party.role, party.name
        );
    }
    for m in &c.communications {
        println!(
            "  Échange du {} ({}, {}) : {}",
            m.at, m.channel, m.direction, m.summary
        );
    }
    print_revisions(&c.revisions);
    println!(
        "  Coefficient du contrat en vigueur : {}{}",
        fr(&p.coefficient_in_force),
        p.next_coefficient
            .as_deref()
            .map(|n| format!(" ; à la prochaine échéance : {}", fr(n)))
            .unwrap_or_default()
    );
    Ok(())
}

fn print_contract(k: &courtier_app::ContractRecord) {
    let fr = |s: &str| s.replace('.', ",");
    println!(
        "Contrat {} ({}) : {} n° {}, souscrit le {}, échéance annuelle à partir du {}",
        k.id, k.product, k.insurer, k.number, k.subscription_date, k.first_echeance
    );
    println!("  État : {} ; usage : {}", k.status, k.usage);
    print_revisions(&k.revisions);
    if !k.clause_applies {
        println!("  Hors clause de réduction-majoration (R1) : coefficient 1,00.");
    }
    println!("  Coefficient en vigueur : {}", fr(&k.coefficient_in_force));
    for e in &k.coefficient_history {
        println!("    échéance du {} : {}", e.echeance, fr(&e.coefficient));
    }
    if k.protection_active {
        println!("  Protection à 0,50 acquise : le prochain sinistre responsable ne majorera pas.");
    }
    if let Some(p) = &k.projection {
        println!(
            "  Prochaine échéance le {} : {} si rien ne change ; un sinistre aujourd'hui compterait le {} : {} (responsable), {} (partiellement)",
            p.next_echeance,
            fr(&p.if_nothing_happens),
            p.claim_counts_at,
            fr(&p.with_full_claim),
            fr(&p.with_partial_claim)
        );
    }
    if let Some(p) = &k.next_premium {
        println!(
            "  Prochaine prime : {} € (dont {} € modulés, {} € non modulés)",
            fr(&p.total),
            fr(&p.after_coefficient),
            fr(&p.not_modulated)
        );
    }
    for v in &k.vehicles {
        println!("  {}", vehicle_line(v));
    }
    for d in &k.drivers {
        println!("  {}", driver_line(d));
    }
    for c in &k.claims {
        let history: Vec<String> = c
            .qualifications
            .iter()
            .map(|q| format!("{} le {}", q.responsibility, q.found_on))
            .collect();
        println!(
            "  Sinistre {} du {} : {} ; responsabilité {} ({}) ; état {}",
            c.id,
            c.occurred_on,
            c.kind,
            c.responsibility,
            history.join(" → "),
            c.status
        );
    }
}

fn draft_from(a: AddArgs) -> ClientDraft {
    let company = a.company.is_some();
    let mut d = ClientDraft {
        kind: if company { "company" } else { "person" }.into(),
        civility: a.civility,
        last_name: a.last_name,
        first_name: a.first_name,
        company_name: a.company,
        siren: a.siren,
        birth_date: a.birth_date,
        profession: a.profession,
        status: a.status,
        source: a.source,
        assigned_broker: a.broker,
        notes: a.notes,
        ..Default::default()
    };
    if a.postcode.is_some() || a.city.is_some() || a.address.is_some() {
        d.addresses.push(AddressDraft {
            kind: "principale".into(),
            line1: a.address.unwrap_or_default(),
            line2: None,
            postcode: a.postcode.unwrap_or_default(),
            city: a.city.unwrap_or_default(),
            country: None,
        });
    }
    if let Some(p) = a.phone {
        d.phones.push(PhoneDraft {
            kind: if company { "professionnel" } else { "mobile" }.into(),
            number: p,
        });
    }
    if let Some(e) = a.email {
        d.emails.push(EmailDraft {
            kind: if company {
                "professionnel"
            } else {
                "personnel"
            }
            .into(),
            address: e,
        });
    }
    d
}

fn print_summaries(rows: &[courtier_app::ClientSummary]) {
    for r in rows {
        println!(
            "{:>7}  {:<32}  {:<9}  {:<5}  {:<20}  {}",
            r.id,
            r.display_name,
            status_label(&r.status),
            r.postcode.as_deref().unwrap_or(""),
            r.city.as_deref().unwrap_or(""),
            r.phone.as_deref().unwrap_or("")
        );
    }
}

fn status_label(s: &str) -> &'static str {
    match s {
        "prospect" => "prospect",
        "client" => "client",
        "former" => "ancien",
        _ => "?",
    }
}

fn print_record(r: &courtier_app::ClientRecord) {
    println!("Client n° {} : {}", r.id, r.display_name);
    if r.archived {
        println!("  (archivé)");
    }
    println!("  Statut : {}", status_label(&r.fields.status));
    if let Some(b) = &r.fields.birth_date {
        let age = r.age.map(|a| format!(" ({a} ans)")).unwrap_or_default();
        println!("  Né(e) le : {b}{age}");
    }
    if let Some(s) = &r.fields.siren {
        println!("  SIREN : {s}");
    }
    for a in &r.fields.addresses {
        let street: Vec<&str> = [Some(a.line1.as_str()), a.line2.as_deref()]
            .into_iter()
            .flatten()
            .filter(|l| !l.is_empty())
            .collect();
        let street = if street.is_empty() {
            String::new()
        } else {
            format!("{}, ", street.join(", "))
        };
        println!("  Adresse ({}) : {street}{} {}", a.kind, a.postcode, a.city);
    }
    for p in &r.fields.phones {
        println!("  Téléphone ({}) : {}", p.kind, p.number);
    }
    for e in &r.fields.emails {
        println!("  E-mail ({}) : {}", e.kind, e.address);
    }
    if let Some(p) = &r.fields.profession {
        println!("  Profession : {p}");
    }
    if let Some(h) = &r.household {
        let names: Vec<_> = h.members.iter().map(|m| m.display_name.as_str()).collect();
        println!("  Foyer : {}", names.join(", "));
    }
    if let Some(n) = &r.fields.notes {
        println!("  Notes : {n}");
    }
    println!("  Créé le {} ; modifié le {}", r.created_at, r.updated_at);
}

/// The text of FILE, or of standard input for `-`.
fn read_input(file: &str) -> Result<String, AppError> {
    if file == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map_err(|e| {
            AppError::new(
                "io",
                format!("Lecture de l'entrée standard impossible : {e}"),
            )
        })?;
        Ok(s)
    } else {
        std::fs::read_to_string(file)
            .map_err(|e| AppError::new("io", format!("Lecture de {file} impossible : {e}")))
    }
}

fn simulate(file: &str, format: Format) -> Result<(), AppError> {
    let input = read_input(file)?;
    match format {
        Format::Json => {
            let v = courtier_domain::bonus_malus::simulate_json(&input)
                .map_err(|e| AppError::new("invalid_input", e.to_string()))?;
            print_json(&v)
        }
        Format::Text => {
            let note = courtier_domain::bonus_malus::simulate_note(&input)
                .map_err(|e| AppError::new("invalid_input", e.to_string()))?;
            print!("{note}");
            if !note.ends_with('\n') {
                println!();
            }
            Ok(())
        }
    }
}
