//! `courtier mail …`.

use clap::{Args, Subcommand};

#[derive(Subcommand, Debug)]
pub enum MailCommand {
    /// Le compte de messagerie (SMTP) de l'agence.
    #[command(subcommand)]
    Account(AccountCommand),
    /// Les modèles de message (avis_echeance, coefficient, demande_releve, suivi_sinistre,
    /// piece_manquante).
    #[command(subcommand)]
    Template(TemplateCommand),
    /// Rédige un message depuis un modèle, l'affiche, et l'envoie une fois confirmé.
    Send(SendArgs),
    /// Les messages non partis, avec la raison ; --retry les renvoie.
    Outbox {
        #[arg(long)]
        retry: bool,
        /// Lit le mot de passe SMTP sur l'entrée standard (sans trousseau ; gardé en mémoire
        /// le temps de la commande).
        #[arg(long)]
        password_stdin: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum AccountCommand {
    /// Affiche le compte (jamais le mot de passe : seulement où il est gardé).
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Enregistre le compte ; le mot de passe (--password-stdin) va dans le trousseau.
    Set {
        #[arg(long)]
        host: String,
        #[arg(long)]
        port: u16,
        /// starttls, tls, ou none (vers 127.0.0.1 seulement).
        #[arg(long)]
        security: String,
        #[arg(long, default_value = "")]
        user: String,
        /// Adresse d'expéditeur.
        #[arg(long)]
        from: String,
        /// Nom d'expéditeur (le cabinet).
        #[arg(long, default_value = "")]
        name: String,
        #[arg(long)]
        password_stdin: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum TemplateCommand {
    /// Les modèles, et les champs qu'ils peuvent utiliser.
    List {
        #[arg(long)]
        json: bool,
    },
    Show {
        kind: String,
        #[arg(long)]
        json: bool,
    },
    /// Remplace le texte d'un modèle (un champ inconnu est refusé, nommé).
    Set {
        kind: String,
        #[arg(long)]
        subject: String,
        /// Le fichier du texte, ou « - » pour le lire sur l'entrée standard.
        #[arg(long, value_name = "FICHIER")]
        body_file: String,
    },
}

#[derive(Args, Debug)]
pub struct SendArgs {
    /// Le modèle (avis_echeance, coefficient, demande_releve, suivi_sinistre, piece_manquante).
    #[arg(long)]
    pub template: String,
    #[arg(long)]
    pub contract: i64,
    /// Le sinistre (pour suivi_sinistre).
    #[arg(long)]
    pub claim: Option<i64>,
    /// Un document du dossier à joindre (répétable).
    #[arg(long)]
    pub attach: Vec<i64>,
    /// Le destinataire (par défaut : le client, l'assureur pour une demande de relevé,
    /// l'intervenant du sinistre).
    #[arg(long)]
    pub to: Option<String>,
    /// Envoie sans demander de confirmation (le message est tout de même affiché).
    #[arg(long)]
    pub yes: bool,
    #[arg(long)]
    pub password_stdin: bool,
    #[arg(long)]
    pub json: bool,
}
