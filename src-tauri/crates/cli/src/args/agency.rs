//! `courtier key …`: the agency file's keys.

use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum KeyCommand {
    /// Affiche la clé brute (64 hexadécimaux) pour ouvrir le fichier avec un autre outil SQLCipher 4.
    /// Demande la clé de secours sur l'entrée standard.
    ExportRaw,
    /// Émet une nouvelle clé de secours (l'ancienne cesse de fonctionner).
    NewRecovery,
}
