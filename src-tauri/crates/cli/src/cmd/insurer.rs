//! `courtier insurer …`: insurers and their contact details.

use crate::args::insurer::{InsurerArgs, InsurerCommand};
use crate::args::ById;
use crate::output::{print_json, print_list, print_revisions};
use courtier_app::{AppError, Courtier, InsurerDraft};

pub fn run(app: &Courtier, c: InsurerCommand) -> Result<(), AppError> {
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
