//! `courtier document …`: attached documents, the bin and the size limit.

use crate::args::document::{BinCommand, DocumentCommand, OwnerArgs};
use crate::args::ById;
use crate::output::{print_json, print_list};
use courtier_app::documents::{owner, DocumentOwner, DocumentState};
use courtier_app::{AppError, Courtier, DocumentDraft, DocumentDto};

fn owner_of(o: &OwnerArgs) -> Result<DocumentOwner, AppError> {
    match (o.client, o.contract, o.claim) {
        (Some(id), _, _) => owner("client", id),
        (_, Some(id), _) => owner("contract", id),
        (_, _, Some(id)) => owner("claim", id),
        _ => owner("", 0),
    }
}

pub fn run(app: &Courtier, c: DocumentCommand) -> Result<(), AppError> {
    match c {
        DocumentCommand::Add {
            owner,
            file,
            kind,
            date,
            note,
            json,
        } => {
            let r = app.document_attach(
                owner_of(&owner)?,
                &file,
                &DocumentDraft { kind, date, note },
            )?;
            if json {
                return print_json(&r);
            }
            if r.duplicate {
                eprintln!("{}", r.message);
            }
            println!("{}", r.document.id);
            Ok(())
        }
        DocumentCommand::List { owner, bin, json } => print_list(
            &app.document_list(owner_of(&owner)?, bin)?,
            json,
            "Aucun document.",
            line,
        ),
        DocumentCommand::Show(ById { id, json }) => {
            let d = app.document_get(id)?;
            if json {
                return print_json(&d);
            }
            println!("{}", line(&d));
            if let Some(n) = &d.note {
                println!("  Note : {n}");
            }
            println!("  Joint le {}", d.attached_at);
            println!("  SHA-256 : {}", d.sha256);
            for e in &d.exports {
                println!("  Exporté le {} vers {}", e.recorded_at, e.destination);
            }
            Ok(())
        }
        DocumentCommand::Export { id, out } => {
            let d = app.document_export(id, &out)?;
            println!(
                "Copie écrite dans {} ({}) ; l'export est enregistré.",
                out.display(),
                d.size_label
            );
            Ok(())
        }
        DocumentCommand::Delete { id } => {
            let d = app.document_bin(id)?;
            println!("« {} » est dans la corbeille.", d.file_name);
            Ok(())
        }
        DocumentCommand::Restore { id } => {
            let d = app.document_restore(id)?;
            println!("« {} » est sorti de la corbeille.", d.file_name);
            Ok(())
        }
        DocumentCommand::Bin(BinCommand::List { json }) => {
            print_list(&app.bin_list()?, json, "La corbeille est vide.", line)
        }
        DocumentCommand::Bin(BinCommand::Empty { owner: scope }) => {
            let scope = match (scope.client, scope.contract, scope.claim) {
                (None, None, None) => None,
                (client, contract, claim) => Some(owner_of(&OwnerArgs {
                    client,
                    contract,
                    claim,
                })?),
            };
            let n = app.bin_empty(scope)?;
            println!("{n} document(s) supprimé(s) définitivement.");
            Ok(())
        }
        DocumentCommand::Limit { set, json } => {
            let s = match set {
                Some(mb) => app.set_document_size_limit(mb)?,
                None => app.document_settings()?,
            };
            if json {
                return print_json(&s);
            }
            println!("Taille maximale d'un document : {}", s.max_label);
            Ok(())
        }
    }
}

fn line(d: &DocumentDto) -> String {
    let state = match d.state {
        DocumentState::Active => "",
        DocumentState::InBin => "  [corbeille]",
        DocumentState::Emptied => "  [supprimé]",
    };
    format!(
        "{:>4}  {:<22} {:<10} {:<32} {:>9}  {:<4} {} p.{}",
        d.id,
        d.kind_label,
        d.date.as_deref().unwrap_or("—"),
        d.file_name,
        d.size_label,
        d.format.label(),
        d.pages,
        state
    )
}
