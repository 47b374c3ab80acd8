//! The agency file itself: `init`, `status`, `check`, `demo`, `key …`, and opening it for every
//! other command.

use crate::args::agency::KeyCommand;
use crate::input::read_stdin_line;
use crate::output::print_json;
use courtier_app::ErrorCode;
use courtier_app::{AppError, Config, Courtier};
use std::path::PathBuf;

pub fn courtier(data_dir: Option<PathBuf>) -> Result<Courtier, AppError> {
    Ok(Courtier::new(Config::from_env(data_dir)?))
}

/// Opens an existing agency file: keychain or `COURTIER_DB_KEY`, then `COURTIER_PASSPHRASE` or
/// `COURTIER_RECOVERY_KEY` when the file asks for them.
pub fn open_existing(app: &Courtier) -> Result<(), AppError> {
    if !app.agency_exists() {
        return Err(AppError::new(
            ErrorCode::AgencyNotFound,
            format!(
                "Aucun fichier d'agence dans {}. Créez-le avec « courtier --data-dir {} init ».",
                app.data_dir().display(),
                app.data_dir().display()
            ),
        ));
    }
    match app.open() {
        Ok(o) => {
            warn_if_damaged(o.damage.as_deref());
            Ok(())
        }
        Err(e)
            if matches!(
                e.code,
                ErrorCode::PassphraseRequired | ErrorCode::KeyMissing | ErrorCode::EnvKeyRequired
            ) =>
        {
            let passphrase = e.code == ErrorCode::PassphraseRequired;
            if passphrase {
                if let Ok(p) = std::env::var("COURTIER_PASSPHRASE") {
                    return app
                        .unlock_with_passphrase(&p)
                        .map(|o| warn_if_damaged(o.damage.as_deref()));
                }
            }
            // The recovery key opens the file whatever keeps its key day to day.
            if let Ok(k) = std::env::var("COURTIER_RECOVERY_KEY") {
                return app
                    .unlock_with_recovery_key(&k)
                    .map(|o| warn_if_damaged(o.damage.as_deref()));
            }
            Err(AppError::new(
                e.code,
                format!(
                    "{} En ligne de commande, fournissez {}.",
                    e.message,
                    if passphrase {
                        "la phrase de passe dans COURTIER_PASSPHRASE, ou la clé de secours dans COURTIER_RECOVERY_KEY"
                    } else {
                        "la clé de secours dans COURTIER_RECOVERY_KEY"
                    }
                ),
            ))
        }
        Err(e) => Err(e),
    }
}

/// The agency file of `data_dir`, opened (see [`open_existing`]).
/// A file found damaged at opening is read-only: said on standard error before anything else,
/// so that a script's reads still work and its author knows why its writes are refused.
pub fn warn_if_damaged(damage: Option<&str>) {
    if let Some(d) = damage {
        eprintln!(
            "Attention : le fichier d'agence est endommagé ({d}). Il est ouvert en lecture seule : rien n'y sera écrit. Restaurez une sauvegarde pour travailler à nouveau."
        );
    }
}

pub fn opened(data_dir: Option<PathBuf>) -> Result<Courtier, AppError> {
    let app = courtier(data_dir)?;
    open_existing(&app)?;
    Ok(app)
}

pub fn init(app: &Courtier, passphrase_stdin: bool) -> Result<(), AppError> {
    let opened = if passphrase_stdin {
        let p = read_stdin_line()?;
        app.create_with_passphrase(&p)?
    } else {
        if app.agency_exists() {
            return Err(AppError::new(
                ErrorCode::AlreadyExists,
                format!(
                    "Un fichier d'agence existe déjà dans {}.",
                    app.data_dir().display()
                ),
            ));
        }
        app.open().map_err(|e| {
            if e.code == ErrorCode::KeychainUnavailable {
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

pub fn status(app: &Courtier, json: bool) -> Result<(), AppError> {
    if app.agency_exists() {
        open_existing(app)?;
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

/// `courtier check`: what was verified, each problem with its table and row, the journal's
/// « empreinte » to copy outside; exit code non-zero on any problem.
pub fn check(app: &Courtier, against: Option<&str>) -> Result<(), AppError> {
    let r = app.verify(against)?;
    for l in &r.verified {
        println!("{l}");
    }
    for p in &r.problems {
        println!("PROBLÈME : {p}");
    }
    match (&r.head, r.head_act) {
        (Some(h), Some(n)) => println!("Empreinte du journal : {h} (acte n° {n})"),
        _ => println!("Empreinte du journal : aucune (aucun acte enregistré)"),
    }
    if r.ok() {
        println!("Intégrité : ok");
        Ok(())
    } else {
        println!("Intégrité : {} problème(s)", r.problems.len());
        Err(AppError::new(
            ErrorCode::Corrupt,
            "Le contrôle d'intégrité a relevé des erreurs.",
        ))
    }
}

pub fn demo(app: &Courtier, clients: u32, seed: u64) -> Result<(), AppError> {
    let loaded = app.demo_load(clients, seed, |done| {
        // One line per committed batch: a script can tell what is already saved.
        println!("{done} clients enregistrés");
    })?;
    println!(
        "Portefeuille de démonstration chargé : {} clients, {} foyers, {} contrats, {} sinistres.",
        loaded.clients, loaded.households, loaded.contracts, loaded.claims
    );
    Ok(())
}

pub fn key(app: &Courtier, k: KeyCommand) -> Result<(), AppError> {
    match k {
        KeyCommand::ExportRaw => {
            eprintln!("Saisissez la clé de secours :");
            let rk = read_stdin_line()?;
            let hex = app.export_raw_key(&rk)?;
            println!("{}", hex.as_str());
            Ok(())
        }
        KeyCommand::NewRecovery => {
            open_existing(app)?;
            let rk = app.new_recovery_key()?;
            println!("Nouvelle clé de secours (l'ancienne ne fonctionne plus) :");
            println!("  {rk}");
            Ok(())
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
