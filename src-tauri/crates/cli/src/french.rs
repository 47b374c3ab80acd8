//! The command line's own errors and help in French: clap writes them in English, so its errors
//! are rebuilt here from their kind and context, and its help headings are renamed.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The help layout, with French headings (clap's own "Usage:" cannot be renamed otherwise).
pub const HELP_TEMPLATE: &str =
    "{before-help}{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}";

/// The whole command tree with the French help layout and headings, every subcommand included
/// (clap applies them to the top command only).
pub fn localise(cmd: clap::Command) -> clap::Command {
    cmd.help_template(HELP_TEMPLATE)
        .subcommand_help_heading("Commandes")
        .subcommand_value_name("COMMANDE")
        .mut_args(french_arg)
        .mut_subcommands(localise)
}

/// An option's help with its default and accepted values said in French (clap writes
/// "[default: …]" and "[possible values: …]").
fn french_arg(a: clap::Arg) -> clap::Arg {
    if !a.get_action().takes_values() {
        return a;
    }
    let mut help = a.get_help().map(ToString::to_string).unwrap_or_default();
    let mut extra = Vec::new();
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    // Flags (true/false) need neither.
    let is_flag = matches!(
        a.get_action(),
        clap::ArgAction::SetTrue | clap::ArgAction::SetFalse
    );
    if !values.is_empty() && !is_flag {
        extra.push(format!("valeurs : {}", values.join(", ")));
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        extra.push(format!("par défaut : {}", defaults.join(", ")));
    }
    if !extra.is_empty() {
        if !help.is_empty() {
            help.push(' ');
        }
        help.push_str(&format!("({})", extra.join(" ; ")));
    }
    a.help(help)
        .hide_default_value(true)
        .hide_possible_values(true)
}

fn text(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A French sentence for a command-line error, with the suggestion clap made, if any.
pub fn message(e: &clap::Error) -> String {
    let arg = text(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = text(e, ContextKind::InvalidValue).unwrap_or_default();
    let mut msg = match e.kind() {
        ErrorKind::InvalidValue => match text(e, ContextKind::ValidValue) {
            Some(valid) => format!(
                "« {value} » n'est pas une valeur acceptée pour {arg} (valeurs acceptées : {valid})."
            ),
            None if value.is_empty() => format!("{arg} attend une valeur."),
            None => format!("« {value} » n'est pas une valeur acceptée pour {arg}."),
        },
        ErrorKind::UnknownArgument => format!("Option inconnue : {arg}."),
        ErrorKind::InvalidSubcommand => {
            format!("Commande inconnue : « {} ».", text(e, ContextKind::InvalidSubcommand).unwrap_or(arg))
        }
        ErrorKind::NoEquals => format!("{arg} attend sa valeur après « = »."),
        ErrorKind::ValueValidation => {
            // Our own parsers say why in French; clap's (numbers) in English: not repeated.
            let why = e
                .source()
                .and_then(|s| s.downcast_ref::<AtLeastOne>())
                .map(|s| format!(" : {s}"))
                .unwrap_or_default();
            format!("« {value} » n'est pas une valeur acceptée pour {arg}{why}.")
        }
        ErrorKind::TooManyValues => format!("Trop de valeurs pour {arg} (« {value} »)."),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("Nombre de valeurs incorrect pour {arg}.")
        }
        ErrorKind::ArgumentConflict => {
            let other = text(e, ContextKind::PriorArg).unwrap_or_default();
            format!("{arg} ne peut pas s'employer avec {other}.")
        }
        ErrorKind::MissingRequiredArgument => format!(
            "Option obligatoire manquante : {}.",
            if arg.is_empty() { "voir --help".to_string() } else { arg }
        ),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "Commande incomplète : précisez ce qu'il faut faire (voir --help).".to_string()
        }
        ErrorKind::InvalidUtf8 => "Un argument n'est pas du texte UTF-8 valide.".to_string(),
        _ => "Ligne de commande invalide (voir --help).".to_string(),
    };
    if let Some(s) = text(e, ContextKind::SuggestedArg)
        .or_else(|| text(e, ContextKind::SuggestedSubcommand))
        .or_else(|| text(e, ContextKind::SuggestedValue))
    {
        msg.push_str(&format!(" Vouliez-vous dire « {s} » ?"));
    }
    msg
}

use std::error::Error as _;
use std::fmt;

/// A count that must be 1 or more (`--page`, `--page-size`, `--limit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AtLeastOne;

impl fmt::Display for AtLeastOne {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("un nombre entier d'au moins 1 est attendu")
    }
}

impl std::error::Error for AtLeastOne {}

/// Parses a count of 1 or more.
pub fn at_least_one(s: &str) -> Result<u32, AtLeastOne> {
    s.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n >= 1)
        .ok_or(AtLeastOne)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use clap::{Parser, Subcommand};

    #[derive(Parser, Debug)]
    #[command(name = "t")]
    struct T {
        #[command(subcommand)]
        c: C,
    }

    #[derive(Subcommand, Debug)]
    enum C {
        List {
            #[arg(long, value_parser = at_least_one)]
            page_size: u32,
            #[arg(long, value_enum)]
            sort: Option<Sort>,
        },
    }

    #[derive(clap::ValueEnum, Clone, Debug)]
    enum Sort {
        Name,
        City,
    }

    fn err(args: &[&str]) -> String {
        message(&T::try_parse_from(args).unwrap_err())
    }

    #[test]
    fn errors_are_french_sentences() {
        assert_eq!(
            err(&["t", "lsit"]),
            "Commande inconnue : « lsit ». Vouliez-vous dire « list » ?"
        );
        assert_eq!(
            err(&["t", "list", "--page-size", "1", "--sort", "town"]),
            "« town » n'est pas une valeur acceptée pour --sort <SORT> (valeurs acceptées : name, city)."
        );
        assert_eq!(
            err(&["t", "list", "--page-size", "1", "--sorty", "x"])
                .split('.')
                .next(),
            Some("Option inconnue : --sorty")
        );
        assert!(err(&["t", "list"]).starts_with("Option obligatoire manquante : --page-size"));
        assert_eq!(
            err(&["t", "list", "--page-size", "0"]),
            "« 0 » n'est pas une valeur acceptée pour --page-size <PAGE_SIZE> : un nombre entier d'au moins 1 est attendu."
        );
        assert_eq!(
            err(&["t"]),
            "Commande incomplète : précisez ce qu'il faut faire (voir --help)."
        );
    }
}
